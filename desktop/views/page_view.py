"""The jurisdiction page: its text, the find bar under it (made when first used), a small
chart of the place's counts (made, and matplotlib imported, only for a page with counts),
and the text size (zoom). The window says what to show; this widget shows it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop import strings
from desktop.views.mouse_navigation import TextBrowser

if TYPE_CHECKING:
    from desktop.data.place_records import JurisdictionDetail
    from desktop.views.counts_chart import JurisdictionCountsChart
    from desktop.views.find_bar import FindBar

ZOOM_LIMITS = (-4, 10)   # steps of one point from the default text size
# Keyboard focus must be visible on the list and the page (the platform style shows none).
FOCUS_STYLE = ("QListView:focus, QTextBrowser:focus "
               "{ border: 2px solid palette(highlight); }")
NOTE_COMMANDS = ("note-add", "note-edit", "note-delete")  # the page's relief:… links


class PageView(QWidget):
    noteCommand = Signal(str, str)  # one of NOTE_COMMANDS, and the note's id ("" to add)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.browser = TextBrowser()
        self.browser.setObjectName("jurisdictionDetail")
        self.browser.setAccessibleName(strings.A11Y_PAGE)
        self.browser.setAccessibleDescription(strings.A11Y_PAGE_DESC)
        self.browser.setOpenLinks(False)  # offline: only in-page links (source references)
        self.browser.setStyleSheet(FOCUS_STYLE)
        self.browser.anchorClicked.connect(self._anchor_clicked)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._layout.addWidget(self.browser, 1)
        self._find_bar: FindBar | None = None
        self.counts_chart: JurisdictionCountsChart | None = None
        self._theme: dict[str, str] | None = None  # the charts' colours, made when needed
        self._base_point_size = self.browser.font().pointSizeF()
        self._zoom = 0

    def set_html(self, html: str, keep_scroll: bool = False) -> None:
        bar = self.browser.verticalScrollBar()
        scroll = bar.value()
        self.browser.setHtml(html)
        bar.setValue(scroll if keep_scroll else 0)
        if self._find_bar is not None:
            self._find_bar.refresh()

    def keyboard_setup(self) -> None:
        """Tab leaves the page in one step instead of visiting every footnote number: links
        stay clickable, the keyboard reads and scrolls the text, and the clinic-note links have
        keyboard routes in the Bookmarks menu. The window runs this after its first paint:
        the `Qt` namespace costs start-up time."""
        from PySide6.QtCore import Qt

        flags = Qt.TextInteractionFlag
        self.browser.setTextInteractionFlags(flags.TextSelectableByMouse
                                             | flags.TextSelectableByKeyboard
                                             | flags.LinksAccessibleByMouse)

    @property
    def find_bar(self) -> FindBar:
        """Find in page, built the first time it is needed."""
        if self._find_bar is None:
            from desktop.views.find_bar import FindBar

            self._find_bar = FindBar(self.browser)
            self._layout.addWidget(self._find_bar)
        return self._find_bar

    # -- the counts chart -------------------------------------------------------------------
    def show_counts(self, detail: JurisdictionDetail | None) -> None:
        """The small chart of `detail`'s counts (None: the overview, no chart)."""
        chart = self.counts_chart
        if chart is None:
            if detail is None or not detail.counts:
                return
            from desktop.views.counts_chart import JurisdictionCountsChart

            chart = self.counts_chart = JurisdictionCountsChart(self.theme())
            chart.setMaximumHeight(240)  # the page's text comes first
            self._layout.insertWidget(1, chart)
        chart.set_detail(detail)

    def theme(self) -> dict[str, str]:
        if self._theme is None:
            from desktop.views.palette import theme_from_palette

            self._theme = theme_from_palette(self.palette())
        return self._theme

    def palette_changed(self) -> None:
        """Charts follow the app's palette (light or dark)."""
        self._theme = None
        if self.counts_chart is not None:
            self.counts_chart.set_theme(self.theme())

    # -- text size ---------------------------------------------------------------------------
    def zoom_level(self) -> int:
        return self._zoom

    def set_zoom(self, level: int) -> int:
        """Text `level` points above (or below) the default, within ZOOM_LIMITS."""
        self._zoom = max(ZOOM_LIMITS[0], min(ZOOM_LIMITS[1], level))
        font = self.browser.font()
        font.setPointSizeF(self._base_point_size + self._zoom)
        self.browser.setFont(font)
        return self._zoom

    def _anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == "relief":
            command, _, note_id = url.path().partition("/")
            if command in NOTE_COMMANDS:
                self.noteCommand.emit(command, note_id)
        elif url.hasFragment() and not url.scheme():
            self.browser.scrollToAnchor(url.fragment())
