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


def theme_from_palette(palette: QPalette) -> dict[str, str]:
    """The chart theme for a Qt palette (light or dark follows from its colours)."""
    role = QPalette.ColorRole
    return {
        "background": palette.color(role.Base).name(),
        "foreground": palette.color(role.Text).name(),
        "muted": palette.color(role.PlaceholderText).name(),
        "grid": palette.color(role.Midlight).name(),
    }
