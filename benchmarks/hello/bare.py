"""The launch floor: a bare PySide6 window, timed to its first picture (painted.py). Run as a
script for the launch, and packed by PyInstaller with its default one-folder options for the
frozen launch."""

import sys

from painted import show_until_painted
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("hello"))
window.resize(1100, 760)
sys.exit(show_until_painted(app, window))
