"""The floor for the frozen launch: a bare PySide6 window (what the unfrozen launch is compared
with), packed by PyInstaller with its default one-folder options."""

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("hello"))
window.resize(1100, 760)
window.show()
if os.environ.get("RELIEF_ATLAS_EXIT_AFTER_SHOW"):
    QTimer.singleShot(0, window.close)
sys.exit(app.exec())
