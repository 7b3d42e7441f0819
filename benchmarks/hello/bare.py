"""The floor for the frozen launch: a bare PySide6 window (what the unfrozen launch is compared
with), packed by PyInstaller with its default one-folder options."""

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def say_painted():
    print("painted", flush=True)
    window.close()


class FirstPaint(QObject):
    """Prints "painted" and closes the window in the event-loop turn after its first paint,
    as the app does with RELIEF_ATLAS_EXIT_AFTER_SHOW=1 (desktop/app.py): both are timed to
    the first picture."""

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, say_painted)
        return False


app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("hello"))
window.resize(1100, 760)
painted = FirstPaint()
if os.environ.get("RELIEF_ATLAS_EXIT_AFTER_SHOW"):
    window.installEventFilter(painted)
window.show()
sys.exit(app.exec())
