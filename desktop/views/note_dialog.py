"""A small editor for one clinic note (e.g. "County court: Thursdays 2–5 pm, room 3")."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from desktop import strings


class NoteDialog(QDialog):
    def __init__(self, place: str, text: str = "", parent=None):
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle(strings.NOTE_DIALOG_TITLE.format(place=place))
        self.resize(520, 300)
        hint = QLabel(strings.NOTE_DIALOG_HINT)
        hint.setWordWrap(True)
        self.editor = QPlainTextEdit(text)
        self.editor.setObjectName("noteEditor")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.editor.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.editor)
        layout.addWidget(buttons)
        self._update()

    def _update(self) -> None:
        self.save_button.setEnabled(bool(self.editor.toPlainText().strip()))

    def text(self) -> str:
        return self.editor.toPlainText()
