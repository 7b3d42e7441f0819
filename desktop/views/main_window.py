"""The main window: search, filters and the jurisdiction list on the left; on the right the
tabs (the place's page, Charts, Screener). The window wires its parts together and keeps the
navigation (what is shown, back and forward); the parts live in their own modules:
SearchPanel, FilterPanel, PageView, the menus (window_menus), notes and bookmarks
(NotesActions), sheets (HandoutActions), the clinic's profile and tally (ClinicActions).

Start-up builds what the first picture shows; the rest waits for the first paint (see
first_paint.py) or for first use: PySide builds the Python enums of every Qt class when it is
first used (the `Qt` namespace, QStyle, QMessageBox... cost milliseconds each)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget

from desktop import strings
from desktop.data.data_in_use import ActiveData
from desktop.data.repository import Repository
from desktop.data.user_store import UserStore
from desktop.domain import wording
from desktop.domain.history import OVERVIEW, History
from desktop.pages.detail import render_detail
from desktop.pages.overview import render_overview
from desktop.settings import open_settings
from desktop.views import window_menus
from desktop.views.data_status import DataStatus
from desktop.views.filter_panel import FilterPanel
from desktop.views.first_paint import FirstPaint
from desktop.views.handout_actions import HandoutActions
from desktop.views.lazy_tabs import LazyTabs
from desktop.views.mouse_navigation import BackForwardButtons, ListView
from desktop.views.notes_actions import NotesActions
from desktop.views.page_view import PageView
from desktop.views.palette import page_colors_of
from desktop.views.place_list import PlaceList
from desktop.views.search_panel import SearchPanel
from desktop.views.window_settings import WindowSettings

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from desktop.data.place_records import JurisdictionDetail
    from desktop.views.charts_view import ChartsPanel
    from desktop.views.clinic_actions import ClinicActions
    from desktop.views.data_update import DataActions
    from desktop.views.screener_view import ScreenerView


class MainWindow(BackForwardButtons, QMainWindow):
    jurisdictionShown = Signal(str)
    languageChosen = Signal(str)  # the app rebuilds the window in that language
    ready = Signal()  # after the first paint, the rest of the set-up is done

    # Narrower than this, the Screener tab hides the list pane so the questions and the
    # verdict get the width (a 1366-pixel laptop at 125% is 1093 wide).
    NARROW = 1150
    # Made by window_menus.build_actions.
    back_action: QAction
    forward_action: QAction
    print_action: QAction
    save_pdf_action: QAction
    bookmark_action: QAction
    add_note_action: QAction
    clinic: ClinicActions

    def __init__(self, repo: Repository, user_dir: Path, store: UserStore | None = None,
                 store_notice: str | None = None, data: ActiveData | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.repo = repo
        self.store = store
        self.store_notice = store_notice  # why notes are off, or what happened to them
        self.settings = open_settings(user_dir)
        self.history = History()
        self._current: str | None = None
        self._detail: JurisdictionDetail | None = None  # the place shown (loaded once)
        self._summaries = repo.jurisdictions()
        self.place_names = {s.code: s.name for s in self._summaries}

        # Left: search, filters, list
        self.search_panel = SearchPanel(repo.info.path, store.path if store is not None else None,
                                        self.place_names, results_view=ListView)
        # The panel's parts, by the names the rest of the window (and its tests) use.
        self.search_field = self.search_panel.field
        self.search_model = self.search_panel.model
        self.search_results = self.search_panel.results
        self.search_status = self.search_panel.status
        self.filters = FilterPanel(self._summaries)
        self.jurisdiction_list = PlaceList(self._summaries)
        self.list_model = self.jurisdiction_list.list_model
        self.filter_model = self.jurisdiction_list.filter_model
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        left_layout.addWidget(self.search_panel, 2)
        left_layout.addWidget(self.filters)
        left_layout.addWidget(self.jurisdiction_list, 3)

        # Right: the tabs. Charts and Screener are made when first shown.
        self.page = PageView()
        self.detail = self.page.browser
        self.page.noteCommand.connect(self._note_command)
        self.charts_panel: ChartsPanel | None = None
        self.screener: ScreenerView | None = None
        self.tabs = LazyTabs()
        self.tabs.setObjectName("pageTabs")
        self.tabs.setAccessibleName(strings.A11Y_TABS)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.page, strings.TAB_JURISDICTION)
        self._charts_index = self.tabs.add_lazy(strings.TAB_CHARTS, self._make_charts)
        self._screener_index = self.tabs.add_lazy(strings.TAB_SCREENER, self._make_screener)
        self.tabs.currentChanged.connect(self._tab_changed)
        right = QWidget()
        outer = QVBoxLayout(right)
        outer.setContentsMargins(0, 6, 6, 6)
        outer.addWidget(self.tabs)
        self.splitter = QSplitter()  # horizontal by default; `Qt` costs start-up time
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self._left = left
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 870])
        self.setCentralWidget(self.splitter)

        # The data in use (desktop/data/data_in_use.py); a window made without it shows a file.
        self.data = data or ActiveData(repo.info.path, "given")
        self.user_dir = user_dir
        self._data_actions: DataActions | None = None
        self.data_label = DataStatus(repo.info, len(self._summaries), self.data)
        self.statusBar().addPermanentWidget(self.data_label)

        self.notes_actions = NotesActions(self)
        self.handouts = HandoutActions(self)
        self.window_settings = WindowSettings(self.settings)
        window_menus.build_actions(self)
        self.search_panel.placeChosen.connect(self._open_found)
        self.jurisdiction_list.placeChosen.connect(self._open_found)
        self.filters.criteriaChanged.connect(self._filter_changed)
        self.filters.sortChanged.connect(self.filter_model.set_sort)
        self.filters.set_shown(self.jurisdiction_list.shown_count())
        if self.store is not None:
            self.list_model.set_bookmarks(set(self.store.bookmarks()))
        self.window_settings.restore(self)
        self.show_overview()
        from desktop.charts import preload  # matplotlib in the idle time after the first paint

        self.chart_preloader = preload.schedule(self)
        self.first_paint = FirstPaint(self)
        # Queued: whatever else waits for the first picture runs first (the benchmark's close).
        self.first_paint.painted.connect(lambda: QTimer.singleShot(0, self._after_first_paint))

    def _after_first_paint(self) -> None:
        """What the first picture does not need (the page's keyboard set-up, File → Update
        data…), then `ready`."""
        if not self.isVisible():  # closed meanwhile
            return
        self.page.keyboard_setup()
        self.data_actions  # noqa: B018 - File → Update data… and the rest, made now
        self.ready.emit()

    @property
    def data_actions(self) -> DataActions:
        """Data packages in the window (desktop/views/data_update.py): made after the first
        paint, or when first asked for."""
        if self._data_actions is None:
            from desktop.views.data_update import DataActions

            given = self.data.origin == "given"
            self._data_actions = DataActions(self, self.user_dir, None if given else self.data)
        return self._data_actions

    # -- tabs --------------------------------------------------------------------------------
    def show_page_tab(self) -> None:
        self.tabs.setCurrentIndex(0)

    def show_charts(self, kind: str | None = None) -> None:
        """Switch to the Charts tab (matplotlib is imported the first time)."""
        self.tabs.setCurrentWidget(self.tabs.made(self._charts_index))
        if kind and self.charts_panel is not None:
            self.charts_panel.show_chart(kind)

    def _make_charts(self) -> QWidget:
        from desktop.charts.chart_data import footer_for, load_details
        from desktop.views.charts_view import ChartsPanel

        panel = ChartsPanel(lambda: load_details(self.repo), theme=self.page.theme(),
                            footer=footer_for(self.repo.info))
        panel.jurisdictionActivated.connect(self._open_found)
        self.charts_panel = panel
        return panel

    def show_screener(self, new_person: bool = False) -> None:
        """Switch to the Screener tab; with `new_person`, clear every answer (Ctrl+N).

        Nothing a person answers is stored: no settings, no history, no file."""
        self.tabs.setCurrentWidget(self.tabs.made(self._screener_index))
        if new_person and self.screener is not None:
            self.screener.new_person()

    def _make_screener(self) -> QWidget:
        from desktop.views.screener_view import ScreenerView

        screener = ScreenerView(self._summaries, self.repo.jurisdiction)
        screener.resultChanged.connect(self.update_page_actions)
        self.clinic.watch_screener(screener)  # the event tally hears place codes only
        if self._current:
            screener.choose_place(self._current)
        self.screener = screener
        return screener

    def new_person(self) -> None:
        """Ctrl+N: the next person sees nothing of the last one's visit: answers, the page
        and title, the search text and the back/forward trail are cleared."""
        self.search_field.clear()
        self.history = History()
        self.show_overview()
        self.show_screener(new_person=True)

    def screener_active(self) -> bool:
        return self.screener is not None and self.tabs.currentWidget() is self.screener

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_panes()

    def _fit_panes(self) -> None:
        narrow = self.width() < self.NARROW and self.screener_active()
        self._left.setVisible(not narrow)

    def _tab_changed(self, _index: int) -> None:
        self._fit_panes()
        self.update_page_actions()

    def changeEvent(self, event) -> None:
        """Pages and charts follow the app's palette (light or dark)."""
        super().changeEvent(event)
        from PySide6.QtCore import QEvent

        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            QTimer.singleShot(0, self._repaint_page)  # after the change reached every widget
            self.page.palette_changed()
            if self.charts_panel is not None:
                self.charts_panel.set_theme(self.page.theme())

    def _repaint_page(self) -> None:
        if self._current and self._detail is not None:
            self.refresh_page()
        elif self.history.current == OVERVIEW:
            self.show_overview(record=False)

    # -- navigation ------------------------------------------------------------------------
    def current_code(self) -> str | None:
        return self._current

    def show_overview(self, record: bool = True) -> None:
        """The start page: national figures and how to use the app."""
        figures = self.repo.national_figures()
        used = {sid for f in figures for sid in f.source_ids}
        self._current = None
        self._detail = None
        self.jurisdiction_list.show_place(None)
        self.page.set_html(render_overview(figures, self.repo.sources(used), self.repo.info,
                                           colors=page_colors_of(self)))
        self._shown(None, record)
        self.page.show_counts(None)

    def show_jurisdiction(self, code: str, record: bool = True) -> bool:
        """Show `code` on the page tab and select it in the list."""
        detail = self.repo.jurisdiction(code)
        if detail is None:
            self.statusBar().showMessage(strings.OPEN_UNKNOWN.format(code=code), 5000)
            return False
        self._current = code
        self._detail = detail
        self.jurisdiction_list.show_place(code)
        self.refresh_page(keep_scroll=False)
        self._shown(detail.name, record)
        # The small counts chart after the page's text is on screen.
        QTimer.singleShot(0, lambda: self.page.show_counts(self._detail))
        self.jurisdictionShown.emit(code)
        return True

    def _shown(self, name: str | None, record: bool) -> None:
        """After a page is shown: the title, the trail, the actions."""
        as_of = wording.date_text(self.repo.info.data_as_of)
        title = strings.fmt(strings.WINDOW_TITLE, as_of=as_of)
        self.setWindowTitle(f"{name} — {title}" if name else title)
        if record:
            self.history.visit(self._current or OVERVIEW)
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())
        self.update_page_actions()

    def refresh_page(self, keep_scroll: bool = True) -> None:
        """Draw the place shown again (its notes or bookmark changed, or the palette)."""
        detail = self._detail
        if detail is None:
            return
        notes = self.store.notes(detail.code) if self.store else None
        bookmarked = bool(self.store and self.store.is_bookmarked(detail.code))
        self.page.set_html(render_detail(detail, self.repo.info, notes, bookmarked,
                                         notes_off=self.store_notice if not self.store else None,
                                         colors=page_colors_of(self)), keep_scroll)

    def update_page_actions(self) -> None:
        printable = (self.screener.has_result() if self.screener is not None
                     and self.screener_active() else self._current is not None)
        for action in (self.print_action, self.save_pdf_action):
            action.setEnabled(printable)
        code, store = self._current, self.store
        on_page = code is not None and store is not None
        self.bookmark_action.setEnabled(on_page)
        self.add_note_action.setEnabled(on_page)
        self.bookmark_action.setChecked(bool(code and store and store.is_bookmarked(code)))

    def go_back(self) -> None:
        self._go(self.history.back())

    def go_forward(self) -> None:
        self._go(self.history.forward())

    def _go(self, page: str | None) -> None:
        if page == OVERVIEW:
            self.show_overview(record=False)
        elif page is not None:
            self.show_jurisdiction(page, record=False)

    def _open_found(self, code: str) -> None:
        """A place was chosen (list, search result): its page, in front."""
        self.show_jurisdiction(code)
        self.show_page_tab()

    def _filter_changed(self, criteria) -> None:
        self.jurisdiction_list.set_criteria(criteria)
        self.filters.set_shown(self.jurisdiction_list.shown_count())

    def _note_command(self, command: str, note_id: str) -> None:
        """The page's note links (desktop/views/notes_actions.py does the work)."""
        if command == "note-add":
            self.notes_actions.add_note()
        elif command == "note-edit":
            self.notes_actions.edit_note(note_id)
        else:
            self.notes_actions.delete_note(note_id)

    # -- the keyboard ------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_panel.focus()

    def open_find_bar(self) -> None:
        self.show_page_tab()
        self.page.find_bar.open_bar()

    def zoom(self, steps: int | None) -> None:
        """Text size: `steps` points larger or smaller; None: the default size."""
        level = self.page.set_zoom(0 if steps is None else self.page.zoom_level() + steps)
        self.settings.setValue("detail/zoom", level)

    # -- dialogs -----------------------------------------------------------------------------
    def open_compare(self) -> None:
        from PySide6.QtCore import Qt

        from desktop.views.compare_dialog import CompareDialog

        dialog = CompareDialog(self._summaries, self.repo.jurisdiction,
                               [self._current] if self._current else [], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.compare_dialog = dialog

    def last_jurisdiction(self) -> str | None:
        return self.window_settings.last_jurisdiction()

    def save_settings(self) -> None:
        self.window_settings.save(self)

    def closeEvent(self, event) -> None:
        self.save_settings()
        self.search_panel.shutdown()
        if self.store is not None:
            self.store.close()
            self.store = None
        super().closeEvent(event)
