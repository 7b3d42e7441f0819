"""The floor for size and frozen launch: a hello-world PySide6 + matplotlib window with one
bar chart, packed by PyInstaller with its default one-folder options."""

import os
import sys

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
figure = Figure(figsize=(5, 3))
figure.add_subplot().bar(["a", "b", "c"], [3, 1, 2])
window.setCentralWidget(FigureCanvasQTAgg(figure))
window.show()
if os.environ.get("RELIEF_ATLAS_EXIT_AFTER_SHOW"):
    QTimer.singleShot(0, window.close)
sys.exit(app.exec())
