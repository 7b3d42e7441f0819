"""Import matplotlib in the idle time after the first paint, so that a click on Charts finds
it ready instead of waiting half a second for it.

`schedule(window)` waits PRELOAD_DELAY_MS after the window is shown (the launch itself is
not slowed), then imports matplotlib's core (numpy, fonts, text, figure, Agg: about 90% of
the cost) on a daemon thread, which mostly runs Python bytecode and so hands the GIL back to
the event loop every few milliseconds. The Qt side of matplotlib (its Qt backend and our
canvas, which define Qt classes) and the chart modules are then imported on the main thread,
one small step per event-loop turn. A click on Charts before all that is done simply imports
what is left (Python's import lock makes it wait for a module the thread is importing).

benchmarks/run.py measures the longest delay of a 5 ms timer while this runs ("input latency
while matplotlib loads") and the first chart after it.

No matplotlib import here: importing this module costs nothing.
"""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QObject, QTimer, Signal

PRELOAD_DELAY_MS = 400
# Imported on the thread: plain Python and C extensions that create no Qt object.
THREAD_MODULES = ("matplotlib.figure", "matplotlib.backends.backend_agg", "matplotlib.ticker",
                  "matplotlib.patches", "matplotlib.colors", "matplotlib.font_manager")
# Imported on the main thread afterwards, one per event-loop turn (they define Qt classes).
MAIN_MODULES = ("matplotlib.backends.backend_qtagg", "desktop.charts.canvas",
                "desktop.charts.style", "desktop.charts.tile_map", "desktop.charts.relief",
                "desktop.charts.timeline", "desktop.charts.counts", "desktop.charts.export")


class Preloader(QObject):
    """Runs the preload once; `done` is emitted on the main thread when all is imported."""

    done = Signal()
    _thread_finished = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.started = False
        self.finished = False
        self._pending = list(MAIN_MODULES)
        self._thread_finished.connect(self._next_step)   # queued: emitted from the thread

    def start(self) -> None:
        if self.started:
            return
        self.started = True
        if all(name in sys.modules for name in (*THREAD_MODULES, *MAIN_MODULES)):
            self._finish()
            return
        threading.Thread(target=self._import_core, name="matplotlib-preload",
                         daemon=True).start()

    def _import_core(self) -> None:
        try:
            for name in THREAD_MODULES:
                __import__(name)
        except Exception:  # noqa: BLE001 - a failed preload only means the click imports it
            pass
        try:
            self._thread_finished.emit()
        except RuntimeError:  # the window (and this object) closed meanwhile: nothing to do
            pass

    def _next_step(self) -> None:
        if not self._pending:
            self._finish()
            return
        name = self._pending.pop(0)
        if name not in sys.modules:
            try:
                __import__(name)
            except Exception:  # noqa: BLE001 - the click will import it and report
                self._pending.clear()
        # With `self` as context: a step still queued when the window is closed is dropped.
        QTimer.singleShot(0, self, self._next_step)

    def _finish(self) -> None:
        self.finished = True
        self.done.emit()


def schedule(window: QObject, delay_ms: int | None = None) -> Preloader:
    """Start preloading `delay_ms` (default PRELOAD_DELAY_MS) after now (call when the
    window is shown); the preloader lives as long as `window`."""
    preloader = Preloader(window)
    delay = PRELOAD_DELAY_MS if delay_ms is None else delay_ms
    QTimer.singleShot(delay, preloader, preloader.start)
    return preloader
