"""The main window as a volunteer uses it: pick a state, read its facts and sources, search."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QListView, QTextBrowser

from desktop import strings
from desktop.app import build_main_window
from desktop.errors import DatabaseError
from desktop.models.jurisdiction_list import CODE_ROLE
from tests.helpers.snippets import run_snippet


def click_jurisdiction(qtbot, window, name: str) -> None:
    view = window.findChild(QListView, "jurisdictionList")
    model = view.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == name)
    index = model.index(row, 0)
    view.scrollTo(index)
    with qtbot.waitSignal(window.jurisdictionShown, timeout=5000):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.visualRect(index).center())


def detail_text(window) -> str:
    return window.findChild(QTextBrowser, "jurisdictionDetail").toPlainText()


def test_widgets_have_their_object_names(window):
    assert window.objectName() == "MainWindow"
    assert window.findChild(QListView, "jurisdictionList") is not None
    assert window.findChild(QTextBrowser, "jurisdictionDetail") is not None
    assert window.findChild(QAbstractItemView, "searchResults") is not None
    assert window.search_field.objectName() == "searchField"


def test_clicking_missouri_shows_its_facts_and_sources(qtbot, window, repo):
    click_jurisdiction(qtbot, window, "Missouri")
    text = detail_text(window)
    detail = repo.jurisdiction("MO")
    assert text.startswith("Missouri")
    assert detail.text.split(".")[0] in text                      # the summary
    assert "Automatic expungement under Article XIV" in text     # a relief path
    assert "Automatic — nothing to file" in text                 # its mechanism, in words
    assert "More than 44,000 cases expunged" in text             # a count with its qualifier
    assert "as of June 6, 2023" in text                          # and its as-of date
    assert "Sources differ" in text                              # the seed-article conflict
    assert "NORML" in text and strings.H_SOURCES in text         # the sources list
    assert strings.DISCLAIMER in text
    assert window.current_code() == "MO"
    assert "Missouri" in window.windowTitle()


def test_every_source_the_page_cites_is_listed(qtbot, window, repo):
    window.show_jurisdiction("MO")
    text = detail_text(window)
    detail = repo.jurisdiction("MO")
    for source in detail.sources.values():
        assert source.title in text, source.id


def test_unknown_fields_say_unknown(qtbot, window):
    window.show_jurisdiction("MO")
    assert strings.UNKNOWN in detail_text(window)


def test_status_bar_shows_the_data_as_of_date(window, repo):
    from desktop.domain.wording import date_text

    label = window.data_label.text()
    assert f"Data as of {date_text(repo.info.data_as_of)}" in label
    assert date_text(repo.info.data_as_of) in window.windowTitle()


def test_typing_in_search_lists_results_and_enter_opens_the_top_one(qtbot, window):
    qtbot.keyClicks(window.search_field, "Missouri")
    results = window.findChild(QAbstractItemView, "searchResults")
    qtbot.waitUntil(lambda: results.isVisible() and results.model().rowCount() > 0)
    assert results.model().index(0, 0).data(CODE_ROLE) == "MO"
    with qtbot.waitSignal(window.jurisdictionShown) as shown:
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert shown.args == ["MO"]


@pytest.mark.parametrize("text", ['"', 'expunge AND', "OR NOT NEAR(", "*", "-", "^", ":",
                                  "a\\b", "()", "💚 weed 🌿", "x" * 500, "'; DROP TABLE x;--"])
def test_hostile_search_text_never_raises(qtbot, window, text):
    window.search_field.setText(text)
    qtbot.waitUntil(lambda: window.search_results.isVisible() or window.search_status.isVisible()
                    or not text.strip())


def test_ctrl_k_focuses_search_and_escape_clears_it(qtbot, window):
    window.jurisdiction_list.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_field.hasFocus)
    qtbot.keyClicks(window.search_field, "pardon")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert window.search_field.text() == ""
    assert not window.search_results.isVisible()


def test_build_main_window_refuses_a_missing_file(qtbot, tmp_path):
    with pytest.raises(DatabaseError):
        build_main_window(tmp_path / "nope.db")


def test_jurisdiction_list_model_passes_qtmodeltester(qtmodeltester, window):
    qtmodeltester.check(window.list_model)


def test_search_model_passes_qtmodeltester(qtmodeltester, qtbot, window):
    window.search_field.setText("expungement")
    qtbot.waitUntil(lambda: window.search_model.rowCount() > 0)  # check it with results in it
    qtmodeltester.check(window.search_model)


def test_startup_does_not_import_matplotlib(built_db):
    # The window, then a page's text, appear without matplotlib; the page's small counts
    # chart waits, closed, until it is opened (then matplotlib is imported and it is drawn).
    code = ("import sys; from desktop.app import create_application, build_main_window; "
            "mpl = lambda: sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib'); "
            "app = create_application(); w = build_main_window(sys.argv[1]); w.show(); "
            "app.processEvents(); print(mpl()); w.show_jurisdiction('MO'); print(mpl()); "
            "[app.processEvents() for _ in range(3)]; c = w.page.counts_chart; "
            "print(c is not None and c.isVisible() and c.canvas is None); "
            "c.set_open(True); print(len(mpl()) > 0 and c.canvas is not None)")
    result = run_snippet(code, built_db)
    assert result.stdout.split() == ["[]", "[]", "True", "True"]


def test_the_search_box_sits_at_the_top_and_results_get_room_when_there_are_some(qtbot, window):
    window.resize(1366, 740)
    qtbot.waitUntil(lambda: window.width() == 1366)
    panel = window.search_panel
    assert panel.mapTo(window, panel.field.pos()).y() < 80  # not floating mid-pane
    assert panel.height() < 2 * panel.field.height() + 10
    list_height = window.jurisdiction_list.height()
    qtbot.keyClicks(window.search_field, "expungement")
    qtbot.waitUntil(lambda: window.search_results.isVisible())
    qtbot.waitUntil(lambda: window.search_results.height() > 150)
    assert window.jurisdiction_list.height() < list_height


def test_the_first_picture_waits_for_nothing_it_does_not_show(built_db):
    """Built and shown, before its first paint, the window has not imported the data-package
    machinery, a place's page records, the search thread, the notes export file or any
    command; after the paint (`ready`) File → Update data… exists."""
    code = ("import sys; from desktop.app import create_application, build_main_window; "
            "names = ('desktop.views.data_update', 'desktop.data.packages', "
            "'desktop.data.place_records', 'desktop.commands.screen', "
            "'desktop.models.search_worker', 'desktop.data.user_transfer', 'json'); "
            "app = create_application(); w = build_main_window(sys.argv[1]); w.show(); "
            "print([n for n in names if n in sys.modules]); "
            "from PySide6.QtCore import QEventLoop; loop = QEventLoop(); "
            "w.ready.connect(loop.quit); loop.exec(); "
            "print(w.findChild(type(w.back_action), 'updateDataAction') is not None)")
    result = run_snippet(code, built_db)
    assert result.stdout.split("\n")[:2] == ["[]", "True"]


def test_the_garbage_collector_waits_for_the_first_picture_then_runs_again(built_db, tmp_path):
    """Started as a volunteer starts it, the app keeps the cyclic garbage collector off while
    it builds the window (it would walk every start-up object several times) and turns it
    back on at the first paint, with what start-up made frozen out of later collections."""
    code = ("import gc, os, sys; os.environ['RELIEF_ATLAS_EXIT_AFTER_SHOW'] = '1'; "
            "os.environ['RELIEF_ATLAS_DATA_DIR'] = sys.argv[2]; "
            "from desktop import app; seen = []; resume = app.resume_garbage_collection\n"
            "def spy():\n"
            "    seen.append(gc.isenabled()); resume()\n"
            "    seen.append(gc.isenabled() and gc.get_freeze_count() > 0)\n"
            "app.resume_garbage_collection = spy\n"
            "from desktop.__main__ import main; code = main(['--db', sys.argv[1]]); "
            "print(code, seen, gc.isenabled())")
    result = run_snippet(code, built_db, tmp_path)
    assert result.stdout.split("\n")[-2] == "0 [False, True] True"
