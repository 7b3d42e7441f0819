"""List model of jurisdictions for the browse list."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex

from desktop import strings
from desktop.data.records import JurisdictionSummary
from desktop.models import roles

CODE_ROLE = roles.CODE
SUMMARY_ROLE = roles.SUMMARY


class JurisdictionListModel(QAbstractListModel):
    def __init__(self, items: list[JurisdictionSummary] | None = None, parent=None):
        super().__init__(parent)
        self._items: list[JurisdictionSummary] = list(items or [])
        self._bookmarks: set[str] = set()

    def set_bookmarks(self, codes: set[str]) -> None:
        """Bookmarked jurisdictions show a star before their name."""
        if codes != self._bookmarks:
            self._bookmarks = set(codes)
            if self._items:
                self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1),
                                      [roles.DISPLAY])

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = roles.DISPLAY):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == roles.DISPLAY:
            return f"★ {item.name}" if item.code in self._bookmarks else item.name
        if role == roles.TOOLTIP:
            return f"{item.name} ({item.code}) — {strings.ADULT_USE[item.adult_use]}"
        if role == CODE_ROLE:
            return item.code
        if role == SUMMARY_ROLE:
            return item
        return None

    def row_of(self, code: str) -> int:
        for row, item in enumerate(self._items):
            if item.code == code:
                return row
        return -1
