"""Dialogs for the two kinds of failure: a plain message, or a crash report to copy."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
)

from desktop import strings
from desktop.errors import KnownError


def show_known_error(error: KnownError, parent=None) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, error.title, error.message,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("knownErrorDialog")
    from PySide6.QtCore import Qt

    box.setTextFormat(Qt.TextFormat.PlainText)  # messages name files and quote typed text
    if error.detail:
        box.setInformativeText(error.detail)
    box.exec()


class CrashDialog(QDialog):
    """Shows a bug report the person can copy; never a bare traceback."""

    def __init__(self, report: str, parent=None):
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(strings.fmt(strings.CRASH_TITLE))
        self.resize(640, 420)
        text = QLabel(strings.fmt(strings.CRASH_TEXT))
        text.setWordWrap(True)
        self.report = QPlainTextEdit(report)
        self.report.setObjectName("crashReport")
        self.report.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(strings.COPY_REPORT,
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.report)
        layout.addWidget(buttons)

    def copy_report(self) -> None:
        QApplication.clipboard().setText(self.report.toPlainText())
        self.copy_button.setText(strings.COPIED)
