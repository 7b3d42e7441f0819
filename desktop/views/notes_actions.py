"""Bookmarks and the clinic's notes in the window: toggling a bookmark, adding, editing and
deleting notes (the page's links and the Bookmarks menu), and exporting and importing them.
The window asks for a note's text (`_ask_note_text`) and for a yes/no (`confirm`)."""

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

    def toggle_bookmark(self) -> None:
        if self.w.store is None or self.w._current is None:
            return
        on = not self.w.store.is_bookmarked(self.w._current)
        self._store_call(self.w.store.set_bookmark, self.w._current, on)
        self.w.list_model.set_bookmarks(set(self.w.store.bookmarks()))
        self.w._render_current(keep_scroll=True)
        self.w._update_page_actions()

    def _save_note(self, save, text: str | None, start: str = "") -> bool:
        """Save a note with `save(text)`. Typed in the editor (`text` None): if the save
        fails (disk full, note deleted meanwhile), the editor opens again with the text."""
        asked = text is None
        while True:
            if asked:
                text = self.w._ask_note_text(start)
                if text is None:
                    return False
            _, ok = self._store_call(save, text)
            if ok or not asked:
                self.w._render_current(keep_scroll=True)
                return ok
            start = text

    def add_note(self, text: str | None = None) -> bool:
        if self.w.store is None or self.w._current is None:
            return False
        code = self.w._current
        return self._save_note(lambda t: self.w.store.add_note(code, t), text)

    def edit_note(self, note_id: str, text: str | None = None) -> bool:
        if self.w.store is None:
            return False
        current = next((n for n in self.w.store.notes(self.w._current) if n.id == note_id), None)
        if current is None:
            return False
        return self._save_note(lambda t: self.w.store.update_note(note_id, t), text, current.text)

    def delete_note(self, note_id: str) -> bool:
        if self.w.store is None or not self.w.confirm(strings.CONFIRM_DELETE_NOTE):
            return False
        _, ok = self._store_call(self.w.store.delete_note, note_id)
        self.w._render_current(keep_scroll=True)
        return ok

    def fill_bookmarks_menu(self) -> None:
        self.w.bookmarks_menu.clear()
        self.w.bookmarks_menu.addActions([self.w.bookmark_action, self.w.add_note_action])
        notes = self.w.store.notes(self.w._current) if self.w.store and self.w._current else []
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
            if code in self.w._names:
                self.w.bookmarks_menu.addAction(
                    self.w._names[code], lambda c=code: self.w.show_jurisdiction(c))

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
        from desktop.data.userdata import ImportCancelled
        from desktop.views.notes_import import import_notes

        try:  # on a worker thread, with a progress dialog that can cancel it
            result = import_notes(self.w, self.w.store.path, path, set(self.w._names))
        except ImportCancelled as cancelled:
            self.w.statusBar().showMessage(cancelled.message, 15000)
            return False
        except KnownError as error:
            show_known_error(error, self.w)
            return False
        message = result.summary()  # notes, bookmarks, and whose clinic details are kept
        self.w.statusBar().showMessage(message, 15000)
        self.w.list_model.set_bookmarks(set(self.w.store.bookmarks()))
        if self.w._current:
            self.w._render_current(keep_scroll=True)
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox as mb

        box = mb(mb.Icon.Information, strings.NOTES_IMPORTED_TITLE, message,
                 mb.StandardButton.Ok, self.w)
        box.setObjectName("importDoneDialog")
        box.setTextFormat(Qt.TextFormat.PlainText)  # it quotes a file's contents
        box.open()
        return True
