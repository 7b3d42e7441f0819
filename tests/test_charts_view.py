"""The charts panel in a window: it opens, switches charts, shows a bar's source, and a
click on a map tile asks to open that jurisdiction."""

from __future__ import annotations

import pytest
from matplotlib.backend_bases import MouseEvent
from matplotlib.image import imread
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QCheckBox, QLabel, QTabWidget

from desktop import strings
from desktop.charts import chart_data
from desktop.charts import theme as theme_module
from desktop.views.charts_view import ChartsPanel
from desktop.views.counts_chart import JurisdictionCountsChart
from desktop.views.palette import theme_from_palette
from tests.helpers.snippets import run_snippet


@pytest.fixture
def panel(qtbot, repo):
    widget = ChartsPanel(lambda: chart_data.load_details(repo),
                         footer=chart_data.footer_for(repo.info))
    qtbot.addWidget(widget)
    widget.resize(1400, 950)
    with qtbot.waitSignal(widget.chartShown, timeout=10000):
        widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def relief_panel(qtbot, panel):
    """The panel showing the relief chart (it opens on the map)."""
    with qtbot.waitSignal(panel.chartShown, timeout=10000):
        panel.show_chart("relief")
    return panel


def artist(canvas, gid: str):
    found = [a for ax in canvas.figure.axes for a in (*ax.patches, *ax.collections)
             if a.get_gid() == gid]
    assert found, gid
    return found[0]


def centre(canvas, gid: str) -> tuple[float, float]:
    """Display (pixel) coordinates of an artist's centre, as matplotlib counts them."""
    canvas.draw()
    box = artist(canvas, gid).get_window_extent()
    return (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2


def qt_point(canvas, x: float, y: float) -> QPoint:
    """matplotlib display coordinates (origin bottom left, device pixels) -> widget point."""
    ratio = canvas.devicePixelRatioF()
    return QPoint(round(x / ratio), round((canvas.figure.bbox.height - y) / ratio))


def info_text(panel, kind: str) -> str:
    return panel.pages[kind].findChild(QLabel, "chartInfo").text()


def test_panel_opens_on_the_map_and_builds_only_that(panel):
    # The map first: it answers "what does each place offer" and is the cheapest chart to
    # draw (the relief chart lays out ~300 labels).
    assert panel.objectName() == "chartsPanel"
    tabs = panel.findChild(QTabWidget, "chartTabs")
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        strings.CHART_TABS[k] for k in ("map", "relief", "timeline")]
    assert panel.current_kind() == "map"
    canvas = panel.canvas("map")
    assert canvas is not None and canvas.isVisible()
    assert "tile:AZ" in {p.get_gid() for ax in canvas.figure.axes for p in ax.patches}
    assert panel.canvas("relief") is None and panel.canvas("timeline") is None
    assert panel.pages["map"].toolbar is not None                        # save: PNG/SVG/PDF


def test_a_chart_is_built_once_at_its_canvas_size(panel):
    page = panel.pages["map"]
    width, height = panel.figure("map").get_size_inches()
    assert (page._drawn_width, page._drawn_height) == pytest.approx((width, height))


def test_switching_charts(qtbot, panel):
    tabs = panel.findChild(QTabWidget, "chartTabs")
    with qtbot.waitSignal(panel.chartShown, timeout=10000) as shown:
        tabs.setCurrentIndex(1)
    assert shown.args == ["relief"]
    assert panel.current_kind() == "relief"
    qtbot.waitUntil(panel.canvas("relief").isVisible)
    with qtbot.waitSignal(panel.chartShown, timeout=10000) as shown:
        panel.show_chart("timeline")
    assert shown.args == ["timeline"]
    assert panel.figure("timeline").axes
    panel.show_chart("map")
    qtbot.waitUntil(panel.canvas("map").isVisible)
    assert not panel.canvas("relief").isVisible()


def test_clicking_a_map_tile_opens_that_jurisdiction(qtbot, panel):
    panel.show_chart("map")
    canvas = panel.canvas("map")
    point = qt_point(canvas, *centre(canvas, "tile:AZ"))
    with qtbot.waitSignal(panel.jurisdictionActivated, timeout=5000) as activated:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point)
    assert activated.args == ["AZ"]
    point = qt_point(canvas, *centre(canvas, "tile:US"))
    with qtbot.waitSignal(panel.jurisdictionActivated, timeout=5000) as activated:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point)
    assert activated.args == ["US"]


def test_clicking_between_tiles_opens_nothing(qtbot, panel):
    panel.show_chart("map")
    canvas = panel.canvas("map")
    x, y = centre(canvas, "tile:AK")
    x_me, _ = centre(canvas, "tile:ME")
    with qtbot.assertNotEmitted(panel.jurisdictionActivated):
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=qt_point(canvas, (x + x_me) / 2, y))


def test_pointing_at_a_tile_says_what_it_offers(panel):
    panel.show_chart("map")
    canvas = panel.canvas("map")
    x, y = centre(canvas, "tile:MO")
    MouseEvent("motion_notify_event", canvas, x, y)._process()
    assert info_text(panel, "map").startswith(
        f"Missouri: {strings.CHART_CATEGORY['automatic']}")


def test_pointing_at_a_bar_shows_its_figure_and_source(relief_panel, repo):
    canvas = relief_panel.canvas("relief")
    x, y = centre(canvas, "count:NV-count-seed-b-pardons")
    MouseEvent("motion_notify_event", canvas, x, y)._process()
    nv = repo.jurisdiction("NV")
    source = nv.sources[nv.counts[0].source_ids[0]]
    text = info_text(relief_panel, "relief")
    assert "Nevada: More than 15,000 people pardoned" in text and source.title in text
    # Moving away shows the hint again; a click keeps the bar's line.
    MouseEvent("motion_notify_event", canvas, 2, 2)._process()
    assert info_text(relief_panel, "relief") == strings.CHART_RELIEF_HINT


def test_clicking_a_bar_keeps_its_source_shown(qtbot, relief_panel):
    canvas = relief_panel.canvas("relief")
    point = qt_point(canvas, *centre(canvas, "count:MD-count-2024-06-pardons-total"))
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point)
    assert "Maryland: More than 175,000 convictions pardoned" in info_text(relief_panel, "relief")
    MouseEvent("motion_notify_event", canvas, 2, 2)._process()
    assert "Maryland" in info_text(relief_panel, "relief")


def test_log_scale_toggle_redraws_the_relief_chart(relief_panel):
    box = relief_panel.findChild(QCheckBox, "logScale")
    box.setChecked(True)
    assert {ax.get_xscale() for ax in relief_panel.figure("relief").axes} == {"log"}
    box.setChecked(False)
    assert {ax.get_xscale() for ax in relief_panel.figure("relief").axes} == {"linear"}
    # The canvas kept its figure, and the new bars can still be pointed at.
    canvas = relief_panel.canvas("relief")
    x, y = centre(canvas, "count:NV-count-seed-b-pardons")
    MouseEvent("motion_notify_event", canvas, x, y)._process()
    assert "Nevada" in info_text(relief_panel, "relief")


def test_toolbar_saves_a_large_png_and_the_chart_keeps_working(relief_panel, tmp_path, monkeypatch):
    from desktop.views import charts_view

    target = tmp_path / "slide"                       # no extension: the chosen filter adds it
    monkeypatch.setattr(charts_view.QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), strings.CHART_SAVE_PNG))
    canvas = relief_panel.canvas("relief")
    size_before = canvas.figure.get_size_inches().tolist()
    assert relief_panel.pages["relief"].toolbar.save_figure() == str(tmp_path / "slide.png")
    height, width = imread(tmp_path / "slide.png").shape[:2]
    assert width >= 1920 and height >= 1080
    assert canvas.figure.canvas is canvas
    assert canvas.figure.get_size_inches().tolist() == size_before
    assert [p.name for p in tmp_path.iterdir()] == ["slide.png"]
    assert relief_panel.pages["relief"].save_folder == tmp_path      # the next save starts here


def test_toolbar_save_to_an_unwritable_place_says_so(relief_panel, tmp_path, monkeypatch):
    from desktop.views import charts_view

    shown = []
    monkeypatch.setattr(charts_view.QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(tmp_path / "no" / "x.pdf"), ""))
    monkeypatch.setattr("desktop.views.error_dialogs.show_known_error",
                        lambda error, parent=None: shown.append(error.message))
    assert relief_panel.pages["relief"].toolbar.save_figure() is None
    assert shown and "does not exist" in shown[0]


def test_theme_follows_the_palette(panel):
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#202020"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#f0f0f0"))
    theme = theme_from_palette(palette)
    assert theme_module.is_dark(theme)
    panel.set_theme(theme)
    assert panel.figure("map").get_facecolor()[:3] == pytest.approx((0x20 / 255,) * 3)


def test_counts_chart_shows_only_for_a_jurisdiction_with_counts(qtbot, repo, monkeypatch):
    monkeypatch.setattr(JurisdictionCountsChart, "opened_this_session", False)
    chart = JurisdictionCountsChart()
    qtbot.addWidget(chart)
    assert chart.isHidden() and chart.canvas is None
    chart.set_detail(repo.jurisdiction("AL"))            # no counts: no chart, no matplotlib work
    assert chart.isHidden() and chart.canvas is None
    chart.set_detail(repo.jurisdiction("MO"))            # counts: the toggle, closed
    assert not chart.isHidden() and not chart.is_open() and chart.canvas is None
    chart.set_open(True)                                 # opened: drawn
    gids = {line.get_gid() for ax in chart.canvas.figure.axes for line in ax.lines}
    assert "count:MO-count-2023-06-norml" in gids
    chart.set_detail(None)
    assert chart.isHidden()


def test_relief_labels_are_placed_again_after_a_resize(qtbot, relief_panel):
    page = relief_panel.pages["relief"]
    before = page._drawn_width
    relief_panel.resize(1900, 1000)
    qtbot.waitUntil(lambda: abs(page._drawn_width - before) > 1, timeout=5000)
    assert page._drawn_width == pytest.approx(relief_panel.figure("relief").get_figwidth())


def test_creating_the_panel_does_not_import_matplotlib(built_db):
    """Only showing a chart does: the window can hold the panel from start-up."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from desktop.charts.chart_data import load_details\n"
        "from desktop.data.repository import Repository\n"
        "from desktop.views.charts_view import ChartsPanel\n"
        "from desktop.views.counts_chart import JurisdictionCountsChart\n"
        f"repo = Repository.open({str(built_db)!r})\n"
        "panel = ChartsPanel(lambda: load_details(repo))\n"
        "counts = JurisdictionCountsChart()\n"
        "counts.set_detail(repo.jurisdiction('AL'))\n"
        "counts.set_detail(repo.jurisdiction('MO'))   # closed until asked\n"
        "assert 'matplotlib' not in sys.modules, 'imported too early'\n"
        "panel.resize(1200, 800)\n"
        "panel.show()\n"
        "assert 'matplotlib' in sys.modules and panel.canvas('map') is not None\n"
    )
    run_snippet(code, timeout=120)


def test_the_window_preloads_matplotlib_after_it_is_shown(built_db):
    """Idle time after the first paint imports matplotlib and the chart modules (a thread for
    matplotlib's core, the main thread for its Qt side), so a click on Charts finds them."""
    code = (
        "import sys\n"
        "from PySide6.QtCore import QEventLoop, QTimer\n"
        "from desktop.app import build_main_window, create_application\n"
        "from desktop.charts import preload\n"
        "app = create_application()\n"
        f"w = build_main_window({str(built_db)!r}); w.show(); app.processEvents()\n"
        "assert 'matplotlib' not in sys.modules, 'imported before the idle time'\n"
        "loop = QEventLoop(); w.chart_preloader.done.connect(loop.quit)\n"
        "QTimer.singleShot(60000, loop.quit); loop.exec()\n"
        "assert w.chart_preloader.finished, 'preload did not finish'\n"
        "missing = [m for m in (*preload.THREAD_MODULES, *preload.MAIN_MODULES)\n"
        "           if m not in sys.modules]\n"
        "assert not missing, missing\n"
        "assert w.charts_panel is None   # nothing is drawn until Charts is opened\n"
    )
    run_snippet(code, timeout=120)


@pytest.mark.parametrize("kind", ["map", "relief", "timeline"])
def test_every_chart_has_a_description_and_a_table_of_its_numbers(window, qtbot, kind):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTableView

    from desktop.charts import chart_table

    window.show_charts()
    panel = window.charts_panel
    panel.tabs.setCurrentWidget(panel.pages[kind])
    page = panel.pages[kind]
    qtbot.waitUntil(lambda: page.built and page.canvas.accessibleDescription() != "")
    details = panel.details()
    assert page.canvas.accessibleDescription() == chart_table.describe(kind, details)
    assert page.canvas.accessibleName()
    page.table_box.setChecked(True)
    table = page.findChild(QTableView, "chartTable")
    qtbot.waitUntil(table.isVisible)
    expected = chart_table.table(kind, details)
    assert table.model().rowCount() == len(expected.rows) > 0
    assert table.model().index(0, 0).data() == expected.rows[0][0]
    if kind == "map":  # Enter on a row opens that place
        row = expected.codes.index("AZ")
        table.setCurrentIndex(table.model().index(row, 0))
        with qtbot.waitSignal(panel.jurisdictionActivated) as opened:
            qtbot.keyClick(table, Qt.Key.Key_Return)
        assert opened.args == ["AZ"]


def test_the_relief_description_names_the_leaders_from_the_data(repo):
    from desktop.charts import chart_data, chart_table

    details = chart_data.load_details(repo)
    text = chart_table.describe("relief", details)
    bars = [b for b in chart_data.relief_bars(details) if not b.eligible and b.group == "pardon"]
    assert max(bars, key=lambda b: b.value).name in text


def test_one_definition_per_label_across_filters_and_the_map():
    """The filters count places by their data flags, the map by what each place offers: they
    are different definitions, so they never share words (the filter said "No specific
    relief (27)" beside the map's 25)."""
    from desktop import strings

    assert not set(strings.CHART_CATEGORY.values()) & set(strings.FILTER_LABELS.values())


def test_a_preload_step_pending_when_its_window_closes_is_dropped(qtbot):
    """Closing a window while the preload still has steps queued must not raise "Signal
    source has been deleted" later (it did: a crash dialog after the window had gone)."""
    import shiboken6
    from PySide6.QtCore import QObject, QTimer

    from desktop.charts import preload

    owner = QObject()
    preloader = preload.Preloader(owner)
    finished = []
    preloader.done.connect(lambda: finished.append(True))
    preloader._pending = ["json"]  # one cheap step left, then done
    preloader._next_step()         # imports it and queues the last step
    shiboken6.delete(owner)        # the window closes with that step queued
    fired = []
    QTimer.singleShot(0, lambda: fired.append(True))  # queued after the dropped step
    qtbot.waitUntil(lambda: bool(fired))
    assert not finished


def test_the_relief_canvas_is_never_narrower_than_its_words_need(relief_panel):
    """Below `relief.minimum_width` (wider in Spanish) the chart scrolls instead of
    squashing its labels over the place names."""
    import math

    from desktop.charts.relief import minimum_width

    canvas = relief_panel.canvas("relief")
    needed = minimum_width(relief_panel.details()) * canvas.figure.dpi / canvas.devicePixelRatioF()
    assert canvas.minimumWidth() == max(1000, math.ceil(needed))
    assert canvas.minimumWidth() <= canvas.width()
