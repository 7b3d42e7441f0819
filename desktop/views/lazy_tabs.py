"""Tabs whose contents are made the first time they are shown: the window's Charts and
Screener tabs. This is one of the few documented places where the app is lazy (see
docs/ARCHITECTURE.md, "What start-up pays for"): a tab's factory imports its module, and
the Charts tab's module imports matplotlib."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget


class LazyTabs(QTabWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._factories: dict[QWidget, Callable[[], QWidget]] = {}
        self.currentChanged.connect(self._make_shown)

    def add_lazy(self, label: str, factory: Callable[[], QWidget]) -> int:
        """A tab labelled `label` whose widget `factory()` makes when it is first shown (or
        asked for with `made`)."""
        placeholder = QWidget()
        self._factories[placeholder] = factory
        return self.addTab(placeholder, label)

    def made(self, index: int) -> QWidget:
        """The widget of tab `index`, made now if it was not yet."""
        placeholder = self.widget(index)
        if placeholder is None:
            raise IndexError(f"no tab {index}")
        factory = self._factories.pop(placeholder, None)
        if factory is None:
            return placeholder
        widget = factory()
        current = self.currentIndex()
        self.blockSignals(True)  # the tab in front does not change
        label = self.tabText(index)
        self.removeTab(index)
        self.insertTab(index, widget, label)
        self.setCurrentIndex(current)
        self.blockSignals(False)
        placeholder.deleteLater()
        return widget

    def _make_shown(self, index: int) -> None:
        if self.widget(index) in self._factories:
            self.made(index)
