"""Page colours for a widget: read from its palette, so pages follow light and dark mode."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

from desktop.pages.colors import PageColors, page_colors


def page_colors_of(widget: QWidget) -> PageColors:
    palette = widget.palette()
    return page_colors(palette.color(QPalette.ColorRole.Base).name(),
                       palette.color(QPalette.ColorRole.Text).name())


def label_colors_of(widget: QWidget) -> PageColors:
    """The same colours for text drawn on the window's own background (a label under a
    field), rather than on a page's."""
    palette = widget.palette()
    return page_colors(palette.color(QPalette.ColorRole.Window).name(),
                       palette.color(QPalette.ColorRole.WindowText).name())
