"""Shared by the launch floors (bare.py, same_picture.py), run as scripts or frozen: show the
window, print "painted" in the event-loop turn after its first paint and close it, as the app
does with RELIEF_ATLAS_EXIT_AFTER_SHOW (desktop/app.py), so that all are timed to their first
picture; then print the process's peak memory in KiB (benchmarks/run.py reads both)."""

from PySide6.QtCore import QEvent, QObject, QTimer


class FirstPaint(QObject):
    def __init__(self, window):
        super().__init__(window)
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._painted)
        return False

    def _painted(self):
        print("painted", flush=True)
        self._window.close()


def show_until_painted(app, window) -> int:
    FirstPaint(window)
    window.show()
    code = app.exec()
    try:
        import resource
    except ImportError:  # Windows: no peak memory from here
        return code
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
    return code
