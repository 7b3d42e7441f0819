"""A launch floor with the app's first picture and none of its code: the same window size,
title, menus, toolbar, search box, filters, list of places, tabs, start page and status line,
made from plain Qt widgets. What they show is read from the JSON file named on the command
line (benchmarks/run.py writes it from the real window). Timed to its first picture
(painted.py), as a script and frozen: it tells Qt's drawing of what the app shows from the
app's own start-up work."""

import json
import sys

from painted import show_until_painted
from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

with open(sys.argv[1], encoding="utf-8") as file:
    shown = json.load(file)
app = QApplication(sys.argv[:1])
window = QMainWindow()
for title in shown["menus"]:
    window.menuBar().addMenu(title)
tools = window.addToolBar("tools")
for text in shown["toolbar"]:
    tools.addAction(text)
left = QWidget()
column = QVBoxLayout(left)
column.addWidget(QLineEdit(placeholderText=shown["search"]))
for text in shown["checks"]:
    column.addWidget(QCheckBox(text))
for text in shown["combos"]:
    combo = QComboBox()
    combo.addItem(text)
    column.addWidget(combo)
column.addWidget(QLabel(shown["count"]))
places = QListView()
places.setModel(QStringListModel(shown["places"], places))
column.addWidget(places)
tabs = QTabWidget()
page = QTextBrowser()
page.setHtml(shown["page"])
tabs.addTab(page, shown["tabs"][0])
for title in shown["tabs"][1:]:
    tabs.addTab(QWidget(), title)
split = QSplitter()
split.addWidget(left)
split.addWidget(tabs)
split.setSizes([330, 870])
window.setCentralWidget(split)
window.statusBar().addPermanentWidget(QLabel(shown["status"]))
window.setWindowTitle(shown["title"])
window.resize(*shown["size"])
sys.exit(show_until_painted(app, window))
