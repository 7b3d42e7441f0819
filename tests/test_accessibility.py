"""Everyone can use it: every focusable widget has an accessible name, F6 moves between the
panes, Help lists the shortcuts from the actions themselves, About says what data is in use."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop import strings


def unnamed_focusable(root: QWidget) -> list[str]:
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(root):
            continue
        iface = QAccessible.queryAccessibleInterface(widget)
        name = iface.text(QAccessible.Text.Name) if iface is not None else ""
        if not name.strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_focusable_widget_on_every_tab_has_a_name(window, qtbot):
    window.show_jurisdiction("AZ")
    found = {}
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda: window.tabs.currentIndex() == index)
        found[window.tabs.tabText(index)] = unnamed_focusable(window)
    window.open_find_bar()
    found["find bar"] = unnamed_focusable(window)
    assert not any(found.values()), found


def test_f6_moves_between_search_list_and_page(window, qtbot):
    window.show_jurisdiction("AZ")
    window.search_field.setFocus()
    qtbot.waitUntil(lambda: window.search_field.hasFocus())
    order = []
    for _ in range(3):
        window.next_pane_action.trigger()
        order.append(QApplication.focusWidget())
    assert order == [window.jurisdiction_list, window.detail, window.search_field]


def test_shortcuts_are_listed_from_the_actions(window, qtbot, monkeypatch):
    shown = {}
    monkeypatch.setattr(QDialog, "exec", lambda self: shown.setdefault("text", self.text.toPlainText()))
    window.shortcuts_action.trigger()
    text = shown["text"]
    for action in (window.print_action, window.back_action, window.next_pane_action):
        keys = action.shortcut().toString()
        assert keys and keys in text, action.text()
    assert strings.ACTION_SHORTCUTS in [a.text() for a in window.actions()]


def test_about_says_which_data_is_in_use_and_that_it_is_not_advice(window, monkeypatch):
    shown = {}
    monkeypatch.setattr(QDialog, "exec", lambda self: shown.setdefault("text", self.text.toPlainText()))
    window.about_action.trigger()
    text = shown["text"]
    assert window.repo.info.content_hash[:12] in text and strings.DISCLAIMER in text


def test_bookmark_and_add_note_are_in_a_menu(window):
    window.bookmarks_menu.aboutToShow.emit()
    texts = [a.text() for a in window.bookmarks_menu.actions()]
    assert strings.ACTION_BOOKMARK in texts and strings.ACTION_ADD_NOTE in texts


def test_every_focusable_widget_in_the_export_dialog_has_a_name(window, monkeypatch):
    found = {}

    def capture(self):
        self.show()
        found["missing"] = unnamed_focusable(self)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QDialog, "exec", capture)
    window.show_jurisdiction("AZ")
    window.export_handouts_action.trigger()
    assert found.get("missing") == [], found


def test_every_focusable_widget_in_the_compare_dialog_has_a_name(window, qtbot):
    window.show_jurisdiction("AZ")
    window.open_compare()
    qtbot.waitExposed(window.compare_dialog)
    assert unnamed_focusable(window.compare_dialog) == []
    window.compare_dialog.close()


def test_new_person_clears_what_the_last_visit_left_on_screen(window, qtbot):
    window.search_field.setText("arizona 2016")
    window.show_jurisdiction("AZ")
    window.show_jurisdiction("MO")
    assert "Missouri" in window.windowTitle()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.screener is not None and window.tabs.currentWidget() is window.screener)
    assert window.search_field.text() == ""
    assert "Missouri" not in window.windowTitle() and "Arizona" not in window.windowTitle()
    assert not window.history.can_go_back() and window.current_code() is None
    assert window.screener.current_code() is None


def test_a_narrow_screener_stacks_the_questions_above_the_result(window, qtbot):
    window.show_screener()
    view = window.screener
    window.resize(680, 560)  # a 1366-pixel laptop at 200%
    qtbot.waitUntil(lambda: view.splitter.orientation() == Qt.Orientation.Vertical)
    assert view.result.width() > 500
    window.resize(1300, 560)
    qtbot.waitUntil(lambda: view.splitter.orientation() == Qt.Orientation.Horizontal)


def test_the_verdict_line_comes_before_the_disclaimer_and_the_answers(window, qtbot):
    window.show_screener()
    window.screener.choose_place("MO")
    text = window.screener.result.toPlainText()
    counts = text.find("may apply") if "may apply" in text else text.find("applies")
    assert 0 <= counts < text.find(strings.DISCLAIMER[:30]) < text.find(strings.SCREEN_ANSWERS)


def test_tab_leaves_the_page_in_one_step_and_focus_is_visible(window, qtbot):
    window.show_jurisdiction("AZ")
    window.detail.setFocus()
    qtbot.waitUntil(lambda: window.detail.hasFocus())
    qtbot.keyClick(window.detail, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not window.detail.hasFocus())  # footnotes are not Tab stops
    assert "palette(highlight)" in window.detail.styleSheet()
    assert "palette(highlight)" in window.jurisdiction_list.styleSheet()


def test_clinic_notes_can_be_edited_from_the_keyboard(window):
    window.show_jurisdiction("AZ")
    window.notes_actions.add_note("Maricopa County help desk, Tuesdays")
    window.bookmarks_menu.aboutToShow.emit()
    texts = [a.text() for a in window.bookmarks_menu.actions()]
    assert strings.ACTION_EDIT_NOTE.format(start="Maricopa County help desk, Tuesdays") in texts
