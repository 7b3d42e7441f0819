"""Bookmarks and the clinic's notes in the window: toggling a bookmark, adding, editing and
deleting notes (the page's links and the Bookmarks menu), and exporting and importing them.
Also the notice, once after start-up, when the notes file was set aside or cannot be used."""

from __future__ import annotations

from pathlib import Path

from desktop import strings
from desktop.errors import KnownError


def show_known_error(error, parent=None) -> None:
    """A known error's plain dialog; the dialogs module is imported when first needed."""
    from desktop.views.error_dialogs import show_known_error as show

    show(error, parent)


class NotesActions:
    def __init__(self, window):
        self.w = window

    def _store_call(self, fn, *args):
        """Run a store operation; a known failure (disk full...) gets a plain dialog."""
        try:
            return fn(*args), True
        except KnownError as error:
            show_known_error(error, self.w)
            return None, False

    def ask_note_text(self, text: str = "") -> str | None:
        """The note editor, with `text` in it; None when cancelled."""
        from desktop.views.note_dialog import NoteDialog

        dialog = NoteDialog(self.w.place_names.get(self.w.current_code() or "", ""), text, self.w)
        accepted = dialog.exec() == NoteDialog.DialogCode.Accepted
        typed = dialog.text()
        dialog.deleteLater()
        return typed if accepted else None

    def confirm(self, question: str) -> bool:
        from PySide6.QtWidgets import QMessageBox as mb

        return mb.question(self.w, strings.H_LOCAL_NOTES, question) == mb.StandardButton.Yes

    def show_store_notice(self) -> None:
        """Tell the person, once, if their notes were set aside or cannot be used."""
        notice = self.w.store_notice
        if not notice:
            return
        self.w.statusBar().showMessage(notice, 30000)
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox as mb

        box = mb(mb.Icon.Warning, strings.NOTES_NOTICE_TITLE, notice, mb.StandardButton.Ok, self.w)
        box.setObjectName("notesNoticeDialog")
        box.setTextFormat(Qt.TextFormat.PlainText)  # it names a file path
        box.open()

    def toggle_bookmark(self) -> None:
        code = self.w.current_code()
        if self.w.store is None or code is None:
            return
        on = not self.w.store.is_bookmarked(code)
        self._store_call(self.w.store.set_bookmark, code, on)
        self.w.list_model.set_bookmarks(set(self.w.store.bookmarks()))
        self.w.refresh_page()
        self.w.update_page_actions()

    def _save_note(self, save, text: str | None, start: str = "") -> bool:
        """Save a note with `save(text)`. Typed in the editor (`text` None): if the save
        fails (disk full, note deleted meanwhile), the editor opens again with the text."""
        if text is not None:
            _, ok = self._store_call(save, text)
            self.w.refresh_page()
            return ok
        while True:
            typed = self.ask_note_text(start)
            if typed is None:
                return False
            _, ok = self._store_call(save, typed)
            if ok:
                self.w.refresh_page()
                return ok
            start = typed

    def add_note(self, text: str | None = None) -> bool:
        code = self.w.current_code()
        if self.w.store is None or code is None:
            return False
        return self._save_note(lambda t: self.w.store.add_note(code, t), text)

    def edit_note(self, note_id: str, text: str | None = None) -> bool:
        if self.w.store is None:
            return False
        notes = self.w.store.notes(self.w.current_code())
        current = next((n for n in notes if n.id == note_id), None)
        if current is None:
            return False
        return self._save_note(lambda t: self.w.store.update_note(note_id, t), text, current.text)

    def delete_note(self, note_id: str) -> bool:
        if self.w.store is None or not self.confirm(strings.CONFIRM_DELETE_NOTE):
            return False
        _, ok = self._store_call(self.w.store.delete_note, note_id)
        self.w.refresh_page()
        return ok

    def fill_bookmarks_menu(self) -> None:
        self.w.bookmarks_menu.clear()
        self.w.bookmarks_menu.addActions([self.w.bookmark_action, self.w.add_note_action])
        code = self.w.current_code()
        notes = self.w.store.notes(code) if self.w.store and code else []
        for note in notes:  # the keyboard's way to the page's Edit and Delete links
            first = " ".join(note.text.split())[:40]
            self.w.bookmarks_menu.addAction(strings.ACTION_EDIT_NOTE.format(start=first),
                                          lambda n=note.id: self.edit_note(n))
            self.w.bookmarks_menu.addAction(strings.ACTION_DELETE_NOTE.format(start=first),
                                          lambda n=note.id: self.delete_note(n))
        self.w.bookmarks_menu.addSeparator()
        codes = self.w.store.bookmarks() if self.w.store else []
        if not codes:
            self.w.bookmarks_menu.addAction(strings.NO_BOOKMARKS).setEnabled(False)
        for code in codes:
            if code in self.w.place_names:
                self.w.bookmarks_menu.addAction(
                    self.w.place_names[code], lambda c=code: self.w.show_jurisdiction(c))

    def export_notes(self, path: Path | None = None) -> bool:
        if self.w.store is None:
            return False
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            name, _ = QFileDialog.getSaveFileName(self.w, strings.ACTION_EXPORT_NOTES,
                                                  "relief-atlas-notes.json",
                                                  strings.NOTES_FILE_FILTER)
            if not name:
                return False
            path = Path(name)
        count, ok = self._store_call(self.w.store.export, path)
        if ok:
            self.w.statusBar().showMessage(strings.NOTES_EXPORTED.format(count=count, path=path),
                                         8000)
        return ok

    def import_notes(self, path: Path | None = None) -> bool:
        if self.w.store is None:
            return False
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            name, _ = QFileDialog.getOpenFileName(self.w, strings.ACTION_IMPORT_NOTES, "",
                                                  strings.NOTES_FILE_FILTER)
            if not name:
                return False
            path = Path(name)
        from desktop.data.user_transfer import ImportCancelled
        from desktop.views.notes_import import import_notes

        try:  # on a worker thread, with a progress dialog that can cancel it
            result = import_notes(self.w, self.w.store.path, path, set(self.w.place_names))
        except ImportCancelled as cancelled:
            self.w.statusBar().showMessage(cancelled.message, 15000)
            return False
        except KnownError as error:
            show_known_error(error, self.w)
            return False
        message = result.summary()  # notes, bookmarks, and whose clinic details are kept
        self.w.statusBar().showMessage(message, 15000)
        self.w.list_model.set_bookmarks(set(self.w.store.bookmarks()))
        if self.w.current_code():
            self.w.refresh_page()
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox as mb

        box = mb(mb.Icon.Information, strings.NOTES_IMPORTED_TITLE, message,
                 mb.StandardButton.Ok, self.w)
        box.setObjectName("importDoneDialog")
        box.setTextFormat(Qt.TextFormat.PlainText)  # it quotes a file's contents
        box.open()
        return True
