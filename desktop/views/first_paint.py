"""After the first paint: what the window's first picture does not show (the keyboard's
fine-tuning, File → Update data…, the matplotlib preload) is set up once the window has
been painted, so start-up costs what the first picture needs and no more.

`FirstPaint(widget).painted` is emitted once, in the event-loop turn after the widget's
first paint event (never inside it). Slots run in the order they were connected."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal


class FirstPaint(QObject):
    painted = Signal()

    def __init__(self, widget: QObject):
        super().__init__(widget)
        self.done = False
        self._widget = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self, self.painted.emit)
        return False
