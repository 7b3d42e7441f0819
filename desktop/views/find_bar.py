"""Find in page for the detail pane: highlight every match, step with next/previous, Esc closes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget

from desktop import strings


class FindBar(QWidget):

    def __init__(self, view: QTextEdit, parent=None):
        super().__init__(parent)
        self.setObjectName("findBar")
        self._view = view
        self._matches: list[QTextCursor] = []
        self._current = -1
        self.field = QLineEdit()
        self.field.setObjectName("findField")
        self.field.setAccessibleName(strings.A11Y_FIND)
        self.field.setPlaceholderText(strings.FIND_PLACEHOLDER)
        self.field.setClearButtonEnabled(True)
        self.status = QLabel()
        self.status.setObjectName("findStatus")
        self.prev_button = QToolButton()
        self.prev_button.setText(strings.FIND_PREVIOUS)
        self.next_button = QToolButton()
        self.next_button.setText(strings.FIND_NEXT)
        close = QToolButton()
        close.setText("✕")
        close.setToolTip(strings.FIND_CLOSE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (QLabel(strings.FIND_LABEL), self.field, self.prev_button,
                       self.next_button, self.status):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(close)
        self.field.textChanged.connect(self.highlight)
        self.field.returnPressed.connect(self.next)
        self.next_button.clicked.connect(self.next)
        self.prev_button.clicked.connect(self.previous)
        close.clicked.connect(self.close_bar)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar,
                  Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Shift+Return"), self.field, self.previous,
                  Qt.ShortcutContext.WidgetShortcut)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self.highlight(self.field.text())

    def close_bar(self) -> None:
        self.field.clear()
        self._view.setExtraSelections([])
        self.hide()
        self._view.setFocus()

    def refresh(self) -> None:
        """Re-run the search after the page changed."""
        if self.isVisible():
            self.highlight(self.field.text())

    def match_count(self) -> int:
        return len(self._matches)

    def highlight(self, text: str) -> None:
        self._matches = []
        self._current = -1
        doc = self._view.document()
        if text:
            cursor = doc.find(text, 0)
            while not cursor.isNull():
                self._matches.append(cursor)
                cursor = doc.find(text, cursor)
        self._paint()
        self.status.setText(strings.FIND_NONE if text and not self._matches else "")
        if self._matches:
            self._go(0)

    def next(self) -> None:
        if self._matches:
            self._go((self._current + 1) % len(self._matches))

    def previous(self) -> None:
        if self._matches:
            self._go((self._current - 1) % len(self._matches))

    def _go(self, index: int) -> None:
        self._current = index
        self._paint()
        self._view.setTextCursor(self._matches[index])
        self._view.ensureCursorVisible()
        self.status.setText(strings.FIND_COUNT.format(n=index + 1, total=len(self._matches)))

    def _paint(self) -> None:
        selections = []
        for i, cursor in enumerate(self._matches):
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(QColor("#ff9632") if i == self._current else QColor("#ffe45c"))
            fmt.setForeground(QColor("#000000"))
            selection.format = fmt
            selection.cursor = cursor
            selections.append(selection)
        self._view.setExtraSelections(selections)
