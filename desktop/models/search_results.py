"""List model of search hits: title plus a snippet with the matched words highlighted."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex

from desktop.data.records import HIGHLIGHT_END, HIGHLIGHT_START, SearchHit
from desktop.html_text import escape
from desktop.models import roles

CODE_ROLE = roles.CODE
HIT_ROLE = roles.HIT
HTML_ROLE = roles.HTML


def snippet_html(snippet: str) -> str:
    """Escape the snippet, then turn the highlight markers into bold."""
    return (escape(snippet).replace(HIGHLIGHT_START, "<b>").replace(HIGHLIGHT_END, "</b>"))


def snippet_plain(snippet: str) -> str:
    return snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = roles.DISPLAY):
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == roles.DISPLAY:
            return f"{hit.title}\n{snippet_plain(hit.snippet)}"
        if role == roles.TOOLTIP:
            return snippet_plain(hit.snippet)
        if role == HTML_ROLE:
            return f"<b>{escape(hit.title)}</b><br>{snippet_html(hit.snippet)}"
        if role == CODE_ROLE:
            return hit.jurisdiction
        if role == HIT_ROLE:
            return hit
        return None
