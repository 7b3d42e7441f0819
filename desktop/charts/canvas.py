"""The matplotlib canvas wrapper for the charts views. Importing this module imports
matplotlib's Qt backend: `charts_view` imports it only when a chart is first shown.

`ChartCanvas` turns mouse moves and clicks into the gid of the chart item under the pointer
(`count:<id>` for a bar or marker, `tile:<code>` for a map tile), unless the toolbar is
panning or zooming. `ChartToolbar`'s Save button calls the function it is given: the file
dialog and the error message belong to the view (`desktop/views/charts_view.py`), so
nothing here imports `desktop.views`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from matplotlib import cbook
from matplotlib.backend_bases import MouseButton
from matplotlib.backends import backend_qt
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg, NavigationToolbar2QT
from matplotlib.figure import Figure
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon

TARGET_PREFIXES = ("count:", "tile:")

__all__ = ["ChartCanvas", "ChartToolbar", "Figure"]

# matplotlib's private icon engine: Any, since a matplotlib version may not have it.
_BaseIconEngine: Any = getattr(backend_qt, "_IconEngine", None)


if _BaseIconEngine is not None:
    class _IconEngine(_BaseIconEngine):
        """matplotlib's toolbar icon engine without its Qt 5 check: reading
        Qt.AA_UseHighDpiPixmaps warns (DeprecationWarning) on Qt 6, at every repaint, and
        Qt 6 always uses high-DPI pixmaps anyway."""

        def _devicePixelRatio(self):
            return (self.toolbar.devicePixelRatioF() or 1) if self.toolbar else 1


class ChartToolbar(NavigationToolbar2QT):
    """matplotlib's toolbar: home, back, forward, pan, zoom, and save as PNG, SVG or PDF.
    Its subplot and axes editors are left out: they fight the charts' own layout."""

    toolitems = [item for item in NavigationToolbar2QT.toolitems
                 if item[0] in ("Home", "Back", "Forward", "Pan", "Zoom", "Save", None)]

    def __init__(self, canvas, parent=None, save: Callable[[], str | None] | None = None):
        self._save = save
        super().__init__(canvas, parent)

    def save_figure(self, *args) -> str | None:
        """Save the chart through the function given as `save` (the view's dialog); returns
        the path written, or None (cancelled, failed, or no function given)."""
        return self._save() if self._save is not None else None

    def _icon(self, name):
        if _BaseIconEngine is None:
            return super()._icon(name)
        return QIcon(_IconEngine(cbook._get_data_path("images", name), self))


class ChartCanvas(FigureCanvasQTAgg):
    """A FigureCanvasQTAgg that reports the chart item under the mouse."""

    itemHovered = Signal(str)    # gid, or "" when the pointer leaves every item
    itemClicked = Signal(str)    # gid of the item clicked with the left button

    def __init__(self, figure: Figure | None = None, parent=None):
        super().__init__(figure if figure is not None else Figure())
        if parent is not None:
            self.setParent(parent)
        self._targets: list = []
        self._hovered = ""
        self.mpl_connect("motion_notify_event", self._on_move)
        self.mpl_connect("button_press_event", self._on_press)
        self.mpl_connect("figure_leave_event", self._on_leave)
        self.refresh_targets()

    def refresh_targets(self) -> None:
        """Collect the artists that can be hovered or clicked; call after a redraw."""
        found = []
        for ax in self.figure.axes:
            for artist in (*ax.patches, *ax.collections, *ax.lines):
                gid = artist.get_gid()
                if gid and gid.startswith(TARGET_PREFIXES):
                    found.append(artist)
        self._targets = found
        self._set_hovered("")

    def gid_at(self, event) -> str:
        """The gid of the topmost target under a matplotlib mouse event, else ''."""
        if event.inaxes is None:
            return ""
        for artist in reversed(self._targets):
            if artist.axes is event.inaxes and artist.contains(event)[0]:
                return artist.get_gid()
        return ""

    def _navigating(self) -> bool:
        toolbar = getattr(self, "toolbar", None)
        return bool(toolbar is not None and getattr(toolbar, "mode", ""))

    def _set_hovered(self, gid: str) -> None:
        if gid == self._hovered:
            return
        self._hovered = gid
        if not self._navigating():
            self.setCursor(Qt.CursorShape.PointingHandCursor if gid
                           else Qt.CursorShape.ArrowCursor)
        self.itemHovered.emit(gid)

    def _on_move(self, event) -> None:
        if self._navigating():
            return
        self._set_hovered(self.gid_at(event))

    def _on_leave(self, _event) -> None:
        self._set_hovered("")

    def _on_press(self, event) -> None:
        if event.button != MouseButton.LEFT or event.dblclick or self._navigating():
            return
        gid = self.gid_at(event)
        if gid:
            self.itemClicked.emit(gid)
