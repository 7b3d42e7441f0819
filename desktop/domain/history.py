"""Back/forward history of the pages a volunteer visited (a code, or OVERVIEW)."""

from __future__ import annotations

OVERVIEW = ""


class History:
    def __init__(self, limit: int = 200):
        self._entries: list[str] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> str | None:
        return self._entries[self._index] if self._index >= 0 else None

    def visit(self, page: str) -> None:
        """Record a new page; drops anything 'forward' of the current one."""
        if page == self.current:
            return
        del self._entries[self._index + 1:]
        self._entries.append(page)
        if len(self._entries) > self._limit:
            del self._entries[0]
        self._index = len(self._entries) - 1

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._entries) - 1

    def back(self) -> str | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        return self.current

    def forward(self) -> str | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        return self.current
