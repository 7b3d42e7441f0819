"""The mouse's back and forward buttons, on the window and on the views that take the mouse
(the list, the search results, the page): they go back and forward, as in a browser."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QListView, QTextBrowser, QWidget

# A mixin for widgets: typed as one (for mypy), plain `object` at run time (for the MRO).
if TYPE_CHECKING:
    _Widget = QWidget
else:
    _Widget = object


class BackForwardButtons(_Widget):
    """Overriding mousePressEvent on the views (rather than an application-wide event filter)
    keeps Python off every other event. The window is anything with go_back/go_forward."""

    def mousePressEvent(self, event):
        from PySide6.QtCore import Qt  # the `Qt` namespace costs start-up time: on first click

        step = {Qt.MouseButton.BackButton: -1, Qt.MouseButton.ForwardButton: 1}.get(event.button())
        go = getattr(self.window(), "go_back" if step == -1 else "go_forward", None)
        if step and go is not None:
            go()
            event.accept()
            return
        super().mousePressEvent(event)


class ListView(BackForwardButtons, QListView):
    pass


class TextBrowser(BackForwardButtons, QTextBrowser):
    pass
