"""The charts panel (relief by jurisdiction, map, timeline); the small counts chart of a
place's page is desktop/views/counts_chart.py.

Importing this module does not import matplotlib: each chart's canvas is built the first
time that chart is shown (`desktop.charts.canvas` holds the backend imports).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import strings
from desktop.charts import chart_data
from desktop.data.place_records import JurisdictionDetail

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from desktop.charts import chart_table
    from desktop.charts.canvas import ChartCanvas, ChartToolbar

# The order of the tabs; the panel opens on the first. The map first: it answers "what does
# each place offer" at a glance and is the cheapest chart to draw (the relief chart lays out
# ~300 labels), so the first chart a person opens comes up fastest.
KINDS = ("map", "relief", "timeline")


def hint(kind: str) -> str:
    """What to do with a chart (read when shown, so it speaks the window's language)."""
    return {"relief": strings.CHART_RELIEF_HINT, "map": strings.CHART_MAP_HINT,
            "timeline": strings.CHART_TIMELINE_HINT}[kind]


MIN_SIZE = {"relief": (1000, 640),          # below these sizes a chart scrolls, not squashes
            "map": (900, 560), "timeline": (900, 560)}
RESIZE_DELAY_MS = 250

Details = Sequence[JurisdictionDetail] | Callable[[], Sequence[JurisdictionDetail]]


def save_filters() -> dict[str, str]:
    """File dialog filter -> the extension it adds to a name typed without one (read when
    the dialog opens, so it speaks the window's language)."""
    return {strings.CHART_SAVE_PNG: ".png", strings.CHART_SAVE_SVG: ".svg",
            strings.CHART_SAVE_PDF: ".pdf"}


def save_figure_dialog(figure: Figure, parent: QWidget, folder: Path,
                       file_stem: str) -> Path | None:
    """Ask where to save a chart on screen, then save it as PNG (at least 1920×1080), SVG or
    PDF: whole or not at all, and a plain message when it cannot be written (not
    matplotlib's own dialog and error box). Returns the path written, or None."""
    from desktop.charts.export import write_figure
    from desktop.errors import KnownError

    filters = save_filters()
    start = str(folder / f"{file_stem}.png")
    name, chosen = QFileDialog.getSaveFileName(parent, strings.CHART_SAVE_TITLE, start,
                                               ";;".join(filters))
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".png", ".svg", ".pdf"):
        path = path.with_name(path.name + filters.get(chosen, ".png"))
    try:
        write_figure(figure, path, keep_size=True, title=file_stem)
    except KnownError as error:
        from desktop.views import error_dialogs

        error_dialogs.show_known_error(error, parent)
        return None
    return path


class _ChartPage(QWidget):
    """One tab: toolbar (+ log toggle), canvas, and a line saying what is under the mouse.
    Empty until `build()`; building imports matplotlib."""

    def __init__(self, kind: str, panel: ChartsPanel):
        super().__init__()
        self.kind = kind
        self.panel = panel
        self.setObjectName(f"{kind}ChartPage")
        self.canvas: ChartCanvas | None = None
        self.toolbar: ChartToolbar | None = None
        self.log_box: QCheckBox | None = None
        self.save_folder = Path.home()            # where the last chart was saved
        self._pinned = ""
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.info = QLabel(hint(kind))
        self.info.setObjectName("chartInfo")
        self.info.setTextFormat(Qt.TextFormat.PlainText)  # place names and figures from data
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(RESIZE_DELAY_MS)
        self._resize_timer.timeout.connect(self._resized)
        self._drawn_width = 0.0
        self._drawn_height = 0.0

    @property
    def built(self) -> bool:
        return self.canvas is not None

    def build(self) -> None:
        if self.built:
            return
        from desktop.charts.canvas import ChartCanvas, ChartToolbar

        self.canvas = ChartCanvas(parent=self)
        self.canvas.setObjectName(f"{self.kind}Canvas")
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.toolbar = ChartToolbar(self.canvas, self, save=self.save)
        self.toolbar.setObjectName(f"{self.kind}Toolbar")
        bar = QHBoxLayout()
        bar.addWidget(self.toolbar)
        if self.kind == "relief":
            self.log_box = QCheckBox(strings.CHART_LOG_SCALE)
            self.log_box.setObjectName("logScale")
            self.log_box.toggled.connect(self.redraw)
            bar.addWidget(self.log_box)
        self.table_box = QCheckBox(strings.CHART_SHOW_TABLE)
        self.table_box.setObjectName("showTable")
        self.table_box.toggled.connect(self.show_table)
        bar.addWidget(self.table_box)
        bar.addStretch(1)
        self._layout.addLayout(bar)
        self.canvas.setMinimumSize(*self._minimum_size(self.canvas))
        self.canvas.setAccessibleName(strings.CHART_A11Y_NAMES[self.kind])
        scroll = QScrollArea()
        scroll.setObjectName(f"{self.kind}Scroll")
        scroll.setAccessibleName(strings.CHART_A11Y_NAMES[self.kind])
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.canvas)
        self._scroll = scroll
        self._layout.addWidget(scroll, 1)
        self.table = _ChartTableView(self)
        self.table.setVisible(False)
        self._layout.addWidget(self.table, 1)
        # Labels and tiles are placed for the figure's size: place them again after a resize.
        self.canvas.installEventFilter(self)
        self._layout.addWidget(self.info)
        self.canvas.itemHovered.connect(self._hovered)
        self.canvas.itemClicked.connect(self._clicked)
        # Show and lay out the page's parts now, so the figure has the canvas's final size
        # when the chart is first built: one build and one draw, instead of a build at
        # another size, a draw, and a second build and draw after the resize.
        if self.isVisible():
            for part in (self.toolbar, self.log_box, scroll, self.info):
                if part is not None:
                    part.show()
            self._layout.activate()
        self.redraw()

    def _minimum_size(self, canvas: ChartCanvas) -> tuple[int, int]:
        """Below this the chart scrolls rather than squash; the relief chart is as wide as
        its names and labels need in the window's language."""
        width, height = MIN_SIZE[self.kind]
        if self.kind == "relief":
            from desktop.charts.relief import minimum_width

            pixels_per_inch = canvas.figure.dpi / (canvas.devicePixelRatioF() or 1)
            needed = minimum_width(self.panel.details(), self.panel.theme())
            width = max(width, math.ceil(needed * pixels_per_inch))
        return width, height

    def eventFilter(self, obj, event):
        if obj is self.canvas and event.type() == QEvent.Type.Resize and self.built:
            self._resize_timer.start()
        return False

    def save(self) -> str | None:
        """The toolbar's Save: a file dialog, then the chart as PNG, SVG or PDF."""
        if self.canvas is None:
            return None
        path = save_figure_dialog(self.canvas.figure, self.window(), self.save_folder,
                                  f"{self.kind}-chart")
        if path is None:
            return None
        self.save_folder = path.parent
        return str(path)

    def show_table(self, on: bool) -> None:
        """The chart's numbers as a table (keyboard and screen reader), or the chart."""
        self._scroll.setVisible(not on)
        self.table.setVisible(on)
        if on:
            self.table.setFocus()

    def redraw(self) -> None:
        canvas, toolbar = self.canvas, self.toolbar
        if canvas is None or toolbar is None:
            return
        from desktop.charts.export import build_chart

        log = bool(self.log_box and self.log_box.isChecked())
        figure = canvas.figure
        build_chart(self.kind, self.panel.details(), theme=self.panel.theme(), log=log,
                    footer=self.panel.footer(), figure=figure)
        self._drawn_width = figure.get_figwidth()
        self._drawn_height = figure.get_figheight()
        canvas.refresh_targets()
        from desktop.charts import chart_table

        details = self.panel.details()
        summary = chart_table.describe(self.kind, details)
        canvas.setAccessibleDescription(summary)
        self._scroll.setAccessibleDescription(summary)
        self.table.show_data(chart_table.table(self.kind, details), summary)
        toolbar.update()                       # forget zoom history of the old drawing
        canvas.draw_idle()
        if self._pinned and not self._describe(self._pinned):
            self._pinned = ""                  # that bar is gone (new data)
        self._hovered("")

    def _resized(self) -> None:
        figure = self.canvas.figure if self.canvas is not None else None
        if figure is not None and (abs(figure.get_figwidth() - self._drawn_width) > 0.25
                                   or abs(figure.get_figheight() - self._drawn_height) > 0.25):
            self.redraw()

    def _describe(self, gid: str) -> str:
        if gid.startswith("count:"):
            bar = self.panel.bars().get(gid)
            return bar.describe() if bar else ""
        code = gid.removeprefix("tile:")
        detail = self.panel.detail(code)
        if detail is None:
            return code
        category = chart_data.relief_category(detail)
        return strings.CHART_TILE_INFO.format(
            name=detail.name, category=strings.CHART_CATEGORY[category],
            detail=strings.CHART_CATEGORY_DETAIL[category])

    def _hovered(self, gid: str) -> None:
        shown = gid or self._pinned
        self.info.setText(self._describe(shown) if shown else hint(self.kind))

    def _clicked(self, gid: str) -> None:
        if gid.startswith("tile:"):
            self.panel.jurisdictionActivated.emit(gid.removeprefix("tile:"))
            return
        self._pinned = gid
        self.info.setText(self._describe(gid))


class _ChartTableView(QTableView):
    """A chart's numbers, one row per bar, tile or event; Enter opens the row's place."""

    def __init__(self, page: _ChartPage):
        super().__init__(page)
        self._page = page
        self._codes: tuple[str, ...] = ()
        self.setObjectName("chartTable")
        self.setAccessibleName(strings.CHART_A11Y_NAMES[page.kind])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.setModel(QStandardItemModel(self))
        self.activated.connect(self._open)

    def show_data(self, data: chart_table.ChartTable, description: str) -> None:
        model = QStandardItemModel(len(data.rows), len(data.headers), self)
        model.setHorizontalHeaderLabels(list(data.headers))
        for r, row in enumerate(data.rows):
            for c, text in enumerate(row):
                item = QStandardItem(text)
                item.setEditable(False)
                model.setItem(r, c, item)
        old = self.model()
        self.setModel(model)
        old.deleteLater()
        self._codes = data.codes
        self.resizeColumnsToContents()
        self.setAccessibleDescription(description)

    def _open(self, index) -> None:
        if 0 <= index.row() < len(self._codes):
            self._page.panel.jurisdictionActivated.emit(self._codes[index.row()])

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open(self.currentIndex())
            return
        super().keyPressEvent(event)


class ChartsPanel(QWidget):
    """Relief by jurisdiction, the map and the timeline, one per tab.

    `details` is the list of jurisdiction details, or a function returning it (called
    when a chart is first drawn). A chart's canvas is built the first time its tab is shown
    while the panel is visible, so creating the panel costs no matplotlib import.
    """

    jurisdictionActivated = Signal(str)      # a map tile was clicked: open this code
    chartShown = Signal(str)                 # a chart was built and drawn (its kind)

    def __init__(self, details: Details = (), *, theme: Mapping[str, object] | None = None,
                 footer: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("chartsPanel")
        self._details_source: Details = details
        self._details: list[JurisdictionDetail] | None = None
        self._bars: dict[str, chart_data.Bar] | None = None
        self._theme = dict(theme) if theme else None
        self._footer = footer
        self.tabs = QTabWidget()
        self.tabs.setObjectName("chartTabs")
        self.tabs.setAccessibleName(strings.A11Y_CHART_TABS)
        self.pages = {kind: _ChartPage(kind, self) for kind in KINDS}
        for kind in KINDS:
            self.tabs.addTab(self.pages[kind], strings.CHART_TABS[kind])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._current_changed)

    # -- data and looks --------------------------------------------------------------------
    def details(self) -> list[JurisdictionDetail]:
        if self._details is None:
            source = self._details_source
            self._details = list(source() if callable(source) else source)
        return self._details

    def detail(self, code: str) -> JurisdictionDetail | None:
        return next((d for d in self.details() if d.code == code), None)

    def bars(self) -> dict[str, chart_data.Bar]:
        if self._bars is None:
            self._bars = chart_data.bar_index(self.details())
        return self._bars

    def theme(self) -> dict | None:
        return self._theme

    def footer(self) -> str | None:
        return self._footer

    def set_theme(self, theme: Mapping[str, object] | None) -> None:
        """Colours for the charts (see `theme_from_palette`): redraw the charts built so far."""
        self._theme = dict(theme) if theme else None
        self._redraw_built()

    # -- which chart -----------------------------------------------------------------------
    def current_kind(self) -> str:
        return KINDS[self.tabs.currentIndex()]

    def show_chart(self, kind: str) -> None:
        """Switch to a chart (one of KINDS) and draw it if the panel is visible."""
        self.tabs.setCurrentIndex(KINDS.index(kind))
        self._ensure_current()

    def ensure_chart(self, kind: str) -> None:
        """Build and draw a chart now, visible or not (for the smoke test)."""
        page = self.pages[kind]
        if not page.built:
            page.build()
            self.chartShown.emit(kind)

    def canvas(self, kind: str):
        """The chart's ChartCanvas, or None before it was first shown."""
        return self.pages[kind].canvas

    def figure(self, kind: str):
        canvas = self.canvas(kind)
        return canvas.figure if canvas is not None else None

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._ensure_current()

    def _current_changed(self, _index: int) -> None:
        self._ensure_current()

    def _ensure_current(self) -> None:
        if self.isVisible():
            self.ensure_chart(self.current_kind())

    def _redraw_built(self) -> None:
        for page in self.pages.values():
            page.redraw()
