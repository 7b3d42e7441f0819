"""Bookmarks and clinic notes in the window: they show on the page, are searchable, survive a
restart, travel by export/import, and a damaged notes file never blocks the reference data."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QMessageBox

from desktop.app import build_main_window
from desktop.models.jurisdiction_list import CODE_ROLE

NOTE = "County court: Thursdays 2–5 pm, room 3"


def new_window(qtbot, built_db):
    window = build_main_window(built_db)
    qtbot.addWidget(window)
    window.show()
    return window


def test_add_note_shows_on_the_page_and_survives_a_restart(qtbot, window, built_db, monkeypatch):
    window.show_jurisdiction("MO")
    monkeypatch.setattr(window.notes_actions, "ask_note_text", lambda text="": NOTE)
    window.detail.anchorClicked.emit(QUrl("relief:note-add"))  # the "Add a clinic note" link
    assert NOTE in window.detail.toPlainText()
    window.close()
    again = new_window(qtbot, built_db)
    again.show_jurisdiction("MO")
    assert NOTE in again.detail.toPlainText()
    again.show_jurisdiction("AZ")
    assert NOTE not in again.detail.toPlainText()


def test_edit_and_delete_a_note(qtbot, window, monkeypatch):
    window.show_jurisdiction("MO")
    window.notes_actions.add_note(NOTE)
    note = window.store.notes("MO")[0]
    monkeypatch.setattr(window.notes_actions, "ask_note_text", lambda text="": text.replace("3", "4"))
    window.detail.anchorClicked.emit(QUrl(f"relief:note-edit/{note.id}"))
    assert "room 4" in window.detail.toPlainText()
    monkeypatch.setattr(window.notes_actions, "confirm", lambda question: False)
    window.detail.anchorClicked.emit(QUrl(f"relief:note-delete/{note.id}"))
    assert "room 4" in window.detail.toPlainText()  # the person said no
    monkeypatch.setattr(window.notes_actions, "confirm", lambda question: True)
    window.detail.anchorClicked.emit(QUrl(f"relief:note-delete/{note.id}"))
    assert "room 4" not in window.detail.toPlainText()
    assert "No clinic notes yet for Missouri." in window.detail.toPlainText()


def test_notes_are_searchable(qtbot, window):
    window.show_jurisdiction("MO")
    window.notes_actions.add_note(NOTE)
    qtbot.keyClicks(window.search_field, "thursd")
    qtbot.waitUntil(lambda: window.search_model.rowCount() > 0)
    first = window.search_model.index(0, 0)
    assert first.data(CODE_ROLE) == "MO"
    assert first.data().startswith("Missouri: clinic note")


def test_bookmark_with_ctrl_d_stars_the_list_and_survives_a_restart(qtbot, window, built_db):
    window.show_jurisdiction("AZ")
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.bookmark_action.isChecked()
    names = [window.list_model.index(r).data() for r in range(window.list_model.rowCount())]
    assert "★ Arizona" in names
    assert "Bookmarked" in window.detail.toPlainText()
    window.close()
    again = new_window(qtbot, built_db)
    again.notes_actions.fill_bookmarks_menu()
    actions = again.bookmarks_menu.actions()
    after = actions[[a.isSeparator() for a in actions].index(True) + 1:]
    assert [a.text() for a in after] == ["Arizona"]  # the bookmarks, after Bookmark / Add note


def test_export_then_import_on_a_clean_profile(qtbot, window, built_db, tmp_path, monkeypatch):
    window.show_jurisdiction("MO")
    window.notes_actions.add_note(NOTE)
    window.notes_actions.toggle_bookmark()
    exported = tmp_path / "notes.json"
    assert window.notes_actions.export_notes(exported)
    window.close()
    monkeypatch.setenv("RELIEF_ATLAS_DATA_DIR", str(tmp_path / "other-laptop"))
    clean = new_window(qtbot, built_db)
    assert clean.store.notes() == [] and clean.store.bookmarks() == []
    assert clean.notes_actions.import_notes(exported)
    dialog = clean.findChild(QMessageBox, "importDoneDialog")
    assert "Imported 1 new notes and 1 new bookmarks" in dialog.text()
    dialog.close()
    clean.show_jurisdiction("MO")
    assert NOTE in clean.detail.toPlainText() and "Bookmarked" in clean.detail.toPlainText()
    assert clean.notes_actions.import_notes(exported)  # again: nothing duplicated, nothing overwritten
    assert len(clean.store.notes("MO")) == 1
    clean.findChild(QMessageBox, "importDoneDialog").close()


def test_a_bad_import_file_gets_a_plain_message(qtbot, window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("desktop.views.notes_actions.show_known_error",
                        lambda error, parent=None: shown.append(error.message))
    bad = tmp_path / "notes.json"
    bad.write_text("{not json")
    assert not window.notes_actions.import_notes(bad)
    assert shown and "notes.json" in shown[0]


def test_damaged_notes_file_is_set_aside_and_the_reference_data_opens(qtbot, built_db):
    data_dir = Path(os.environ["RELIEF_ATLAS_DATA_DIR"])
    data_dir.mkdir(parents=True)
    (data_dir / "user.db").write_bytes(b"this is not a database" * 100)
    window = new_window(qtbot, built_db)
    window.notes_actions.show_store_notice()
    notice = window.findChild(QMessageBox, "notesNoticeDialog")
    assert notice is not None and "set aside (not deleted)" in notice.text()
    notice.close()
    moved = [p for p in data_dir.iterdir() if ".corrupt-" in p.name]
    assert len(moved) == 1 and moved[0].read_bytes() == b"this is not a database" * 100
    assert window.show_jurisdiction("MO")
    window.notes_actions.add_note(NOTE)  # a fresh store works
    assert NOTE in window.detail.toPlainText()


def test_unusable_notes_folder_leaves_reference_data_working(qtbot, built_db, tmp_path,
                                                             monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("RELIEF_ATLAS_DATA_DIR", str(blocker / "data"))
    window = new_window(qtbot, built_db)
    assert window.store is None
    assert window.show_jurisdiction("MO")
    assert "Clinic notes are off" in window.detail.toPlainText()
    assert not window.bookmark_action.isEnabled()


def test_compare_opens_with_the_current_jurisdiction(qtbot, window):
    window.show_jurisdiction("NJ")
    qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.compare_dialog
    qtbot.waitExposed(dialog)
    assert dialog.chosen_codes() == ["NJ"]
    dialog.choose(2, "MO")
    assert dialog.shown_codes() == ["NJ", "MO"]
    dialog.close()


def test_save_as_pdf_writes_the_handout_with_the_clinic_note(qtbot, window, tmp_path,
                                                             monkeypatch):
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    window.show_jurisdiction("MO")
    window.notes_actions.add_note(NOTE)
    target = tmp_path / "missouri"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(target), "")))
    assert window.save_pdf_action.isEnabled()
    window.save_pdf_action.trigger()
    pdf = PdfReader(tmp_path / "missouri.pdf")
    assert len(pdf.pages) == 1
    text = pdf.pages[0].extract_text()
    assert "Missouri" in text and "Thursdays" in text


def test_paper_size_is_remembered(qtbot, window, built_db):
    window.paper_actions["a4"].trigger()
    assert window.handouts.page_size() == "a4"
    window.close()
    again = new_window(qtbot, built_db)
    assert again.handouts.page_size() == "a4" and again.paper_actions["a4"].isChecked()
    assert not again.print_action.isEnabled()  # nothing to print on the overview


def test_a_failed_save_opens_the_editor_again_with_the_text(qtbot, window, monkeypatch):
    from desktop.errors import UserDataError

    window.show_jurisdiction("MO")
    typed = iter([NOTE, NOTE])
    offered = []

    def ask(start=""):
        offered.append(start)
        return next(typed)

    calls = {"n": 0}
    real_add = window.store.add_note

    def flaky_add(code, text):
        calls["n"] += 1
        if calls["n"] == 1:
            raise UserDataError("The disk is full, so your change was not saved.")
        return real_add(code, text)

    monkeypatch.setattr(window.notes_actions, "ask_note_text", ask)
    monkeypatch.setattr(window.store, "add_note", flaky_add)
    monkeypatch.setattr("desktop.views.notes_actions.show_known_error", lambda e, p=None: None)
    assert window.notes_actions.add_note()
    assert offered == ["", NOTE]  # the second editor opened with what was typed
    assert NOTE in window.detail.toPlainText()
