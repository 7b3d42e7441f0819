"""The main window: filters, search and the jurisdiction list on the left, the page on the right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QUrl, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n, strings
from desktop.data.repository import Repository
from desktop.data.userdata import UserStore
from desktop.domain import wording
from desktop.domain.history import OVERVIEW, History
from desktop.models.jurisdiction_filter import JurisdictionFilterModel
from desktop.models.jurisdiction_list import CODE_ROLE, JurisdictionListModel
from desktop.pages.detail import render_detail
from desktop.pages.overview import render_overview
from desktop.settings import open_settings
from desktop.views import window_menus
from desktop.views.filter_panel import FilterPanel
from desktop.views.notes_actions import NotesActions
from desktop.views.palette import page_colors_of
from desktop.views.search_panel import SearchPanel

ZOOM_LIMITS = (-4, 10)   # steps of one point from the default text size
# Keyboard focus must be visible on the list and the page (the platform style shows none).
FOCUS_STYLE = ("QListView:focus, QTextBrowser:focus "
               "{ border: 2px solid palette(highlight); }")

# Start-up imports only what the first window shows: PySide builds the Python enums of every
# Qt class when it is imported (QStyle, QMessageBox, QKeySequence... cost milliseconds each),
# so dialogs, the find bar and the search-result painter are imported when first used.


def _plain_text(widget) -> None:
    """Show a label's (or message box's) text as typed, never as rich text. `Qt` is imported
    here, when first needed, not at start-up (see above)."""
    from PySide6.QtCore import Qt

    widget.setTextFormat(Qt.TextFormat.PlainText)


def _message_box():
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox


class _BackForwardButtons:
    """Mouse back/forward buttons go back/forward. Overriding mousePressEvent on the views
    (rather than an application-wide event filter) keeps Python off every other event."""

    def mousePressEvent(self, event):
        from PySide6.QtCore import Qt

        step = {Qt.MouseButton.BackButton: -1, Qt.MouseButton.ForwardButton: 1}.get(event.button())
        window = self.window()
        if step and isinstance(window, MainWindow):
            window.go_back() if step < 0 else window.go_forward()
            event.accept()
            return
        super().mousePressEvent(event)


class _ListView(_BackForwardButtons, QListView):
    pass


class _TextBrowser(_BackForwardButtons, QTextBrowser):
    pass


class MainWindow(_BackForwardButtons, QMainWindow):
    jurisdictionShown = Signal(str)
    languageChosen = Signal(str)  # the app rebuilds the window in that language

    def __init__(self, repo: Repository, user_dir: Path, store: UserStore | None = None,
                 store_notice: str | None = None, bundled: bool = True, parent=None):
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.repo = repo
        self.store = store
        self.store_notice = store_notice  # why notes are off, or what happened to them
        self.settings = open_settings(user_dir)
        self.history = History()
        self._current: str | None = None
        self._detail = None  # the JurisdictionDetail shown (read-only data: loaded once)
        self._zoom = 0
        self._summaries = repo.jurisdictions()

        # Left: search, filters, list
        self.search_panel = SearchPanel(
            repo.info.path, store.path if store is not None else None,
            {x.code: x.name for x in self._summaries}, results_view=_ListView)
        # The panel's parts, by the names the rest of the window (and its tests) use.
        self.search_field = self.search_panel.field
        self.search_model = self.search_panel.model
        self.search_results = self.search_panel.results
        self.search_status = self.search_panel.status
        self.search = self.search_panel.controller

        self.filters = FilterPanel(self._summaries)
        self.list_model = JurisdictionListModel(self._summaries, self)
        self._names = {s.code: s.name for s in self._summaries}
        self.filter_model = JurisdictionFilterModel(self)
        self.filter_model.setSourceModel(self.list_model)
        self.jurisdiction_list = _ListView()
        self.jurisdiction_list.setObjectName("jurisdictionList")
        self.jurisdiction_list.setAccessibleName(strings.A11Y_LIST)
        self.jurisdiction_list.setAccessibleDescription(strings.A11Y_LIST_DESC)
        self.jurisdiction_list.setModel(self.filter_model)
        self.jurisdiction_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.jurisdiction_list.setUniformItemSizes(True)
        self.jurisdiction_list.setStyleSheet(FOCUS_STYLE)

        # Right: the page and its find bar
        self.detail = _TextBrowser()
        self.detail.setObjectName("jurisdictionDetail")
        self.detail.setAccessibleName(strings.A11Y_PAGE)
        self.detail.setAccessibleDescription(strings.A11Y_PAGE_DESC)
        self.detail.setOpenLinks(False)  # offline: only in-page links (source references)
        self.detail.setStyleSheet(FOCUS_STYLE)
        self.detail.anchorClicked.connect(self._anchor_clicked)
        self._find_bar = None
        self._base_point_size = self.detail.font().pointSizeF()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        left_layout.addWidget(self.search_panel, 2)
        left_layout.addWidget(self.filters)
        left_layout.addWidget(self.jurisdiction_list, 3)
        # The jurisdiction page: text, the find bar (made when first used), and a small chart
        # of its counts (made, and matplotlib imported, after the text of a page with counts).
        page = QWidget()
        right_layout = QVBoxLayout(page)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(2)
        right_layout.addWidget(self.detail, 1)
        self._right_layout = right_layout
        self.counts_chart = None
        self.charts_panel = None
        self.tabs = QTabWidget()
        self.tabs.setObjectName("pageTabs")
        self.tabs.setAccessibleName(strings.A11Y_TABS)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(page, strings.TAB_JURISDICTION)
        self._charts_tab = QWidget()  # replaced by the charts panel when first shown
        self.tabs.addTab(self._charts_tab, strings.TAB_CHARTS)
        self.screener = None
        self._screener_tab = QWidget()  # replaced by the screener when first shown
        self.tabs.addTab(self._screener_tab, strings.TAB_SCREENER)
        self.tabs.currentChanged.connect(self._tab_changed)
        right = QWidget()
        outer = QVBoxLayout(right)
        outer.setContentsMargins(0, 6, 6, 6)
        outer.addWidget(self.tabs)
        self.splitter = QSplitter()  # horizontal by default; `Qt` costs start-up time
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 870])
        self.setCentralWidget(self.splitter)

        self._bundled = bundled
        origin = strings.ORIGIN_BUNDLED if bundled else strings.ORIGIN_OTHER.format(
            path=repo.info.path)
        self.data_label = QLabel(strings.STATUS_DATA.format(
            as_of=wording.date_text(repo.info.data_as_of), count=len(self._summaries),
            origin=origin))
        self.data_label.setObjectName("dataStatus")
        if not bundled:  # a path the person chose may look like markup: show it as typed
            _plain_text(self.data_label)
        self.data_label.setAccessibleName(strings.A11Y_DATA_STATUS)
        self.statusBar().addPermanentWidget(self.data_label)

        self.notes_actions = NotesActions(self)
        window_menus.build_actions(self)
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self.keyboard_setup)
        self.search_panel.placeChosen.connect(self._open_found)
        self.jurisdiction_list.selectionModel().currentChanged.connect(self._list_current_changed)
        self.filters.criteriaChanged.connect(self._filter_changed)
        self.filters.sortChanged.connect(self.filter_model.set_sort)
        self.filters.set_shown(self.filter_model.rowCount())
        if self.store is not None:
            self.list_model.set_bookmarks(set(self.store.bookmarks()))
        self._restore_settings()
        self.set_page_size(self.page_size())
        self.show_overview()
        from desktop.charts import preload  # matplotlib in the idle time after the first paint

        self.chart_preloader = preload.schedule(self)

    @property
    def find_bar(self):
        """Find in page, built the first time it is needed."""
        if self._find_bar is None:
            from desktop.views.find_bar import FindBar

            self._find_bar = FindBar(self.detail)
            self._right_layout.addWidget(self._find_bar)
        return self._find_bar

    def open_find_bar(self) -> None:
        self.show_page_tab()
        self.find_bar.open_bar()

    # -- tabs: the jurisdiction page, charts ------------------------------------------------
    def show_page_tab(self) -> None:
        self.tabs.setCurrentIndex(0)

    def show_charts(self, kind: str | None = None) -> None:
        """Switch to the Charts tab (matplotlib is imported the first time)."""
        self.tabs.setCurrentIndex(self.tabs.indexOf(self._charts_widget()))
        if kind:
            self.charts_panel.show_chart(kind)

    def _charts_widget(self) -> QWidget:
        if self.charts_panel is None:
            from desktop.charts.chart_data import footer_for, load_details
            from desktop.views.charts_view import ChartsPanel, theme_from_palette

            panel = ChartsPanel(lambda: load_details(self.repo),
                                theme=theme_from_palette(self.palette()),
                                footer=footer_for(self.repo.info))
            panel.jurisdictionActivated.connect(self._open_from_chart)
            self._replace_tab(self._charts_tab, panel, strings.TAB_CHARTS)
            self._charts_tab = panel
            self.charts_panel = panel
        return self.charts_panel

    def _replace_tab(self, placeholder: QWidget, widget: QWidget, label: str) -> None:
        index = self.tabs.indexOf(placeholder)
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, label)
        self.tabs.blockSignals(False)
        placeholder.deleteLater()

    def show_screener(self, new_person: bool = False) -> None:
        """Switch to the Screener tab; with `new_person`, clear every answer (Ctrl+N).

        Nothing a person answers is stored: no settings, no history, no file."""
        if self.screener is None:
            from desktop.views.screener_view import ScreenerView

            self.screener = ScreenerView(self._summaries, self.repo.jurisdiction)
            self.screener.resultChanged.connect(self._update_page_actions)
            self.clinic.watch_screener(self.screener)  # the event tally hears place codes only
            if self._current:
                self.screener.choose_place(self._current)
            self._replace_tab(self._screener_tab, self.screener, strings.TAB_SCREENER)
            self._screener_tab = self.screener
        self.tabs.setCurrentIndex(self.tabs.indexOf(self.screener))
        if new_person:
            self.screener.new_person()

    def new_person(self) -> None:
        """Ctrl+N: the next person sees nothing of the last one's visit: answers, the page
        and title, the search text and the back/forward trail are cleared."""
        self.search_field.clear()
        self.history = History()
        self.show_overview()
        self.show_screener(new_person=True)

    def _screener_active(self) -> bool:
        return self.screener is not None and self.tabs.currentWidget() is self.screener

    # Narrower than this, the Screener tab hides the list pane so the questions and the
    # verdict get the width (a 1366-pixel laptop at 125% is 1093 wide).
    NARROW = 1150

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_panes()

    def _fit_panes(self) -> None:
        narrow = self.width() < self.NARROW and self._screener_active()
        self.splitter.widget(0).setVisible(not narrow)

    def _tab_changed(self, index: int) -> None:
        self._fit_panes()
        widget = self.tabs.widget(index)
        if widget is self._charts_tab and self.charts_panel is None:
            self.show_charts()
        elif widget is self._screener_tab and self.screener is None:
            self.show_screener()
        self._update_page_actions()

    def _open_from_chart(self, code: str) -> None:
        self.show_jurisdiction(code)
        self.show_page_tab()

    def _update_counts_chart(self) -> None:
        """Draw the small counts chart for the page shown (after its text is on screen)."""
        detail = self._detail if self._current else None
        if self.counts_chart is None:
            if detail is None or not detail.counts:
                return
            from desktop.views.charts_view import JurisdictionCountsChart, theme_from_palette

            self.counts_chart = JurisdictionCountsChart(theme_from_palette(self.palette()))
            self.counts_chart.setMaximumHeight(190)  # the page's text comes first
            self._right_layout.insertWidget(1, self.counts_chart)
        self.counts_chart.set_detail(detail)

    def changeEvent(self, event) -> None:
        """Pages and charts follow the app's palette (light or dark)."""
        super().changeEvent(event)
        from PySide6.QtCore import QEvent

        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            from PySide6.QtCore import QTimer

            # After the palette change has reached every widget.
            QTimer.singleShot(0, self._repaint_page)
            if self.charts_panel is not None or self.counts_chart is not None:
                from desktop.views.charts_view import theme_from_palette

                theme = theme_from_palette(self.palette())
                for chart in (self.charts_panel, self.counts_chart):
                    if chart is not None:
                        chart.set_theme(theme)

    def keyboard_setup(self) -> None:
        """Tab leaves the page in one step instead of visiting every footnote number: links
        stay clickable, the keyboard reads and scrolls the text, and the clinic-note links have
        keyboard routes in the Bookmarks menu. Run just after the first paint: the `Qt`
        namespace costs ~40 ms to import, which start-up does not pay."""
        from PySide6.QtCore import Qt

        flags = Qt.TextInteractionFlag
        self.detail.setTextInteractionFlags(flags.TextSelectableByMouse
                                            | flags.TextSelectableByKeyboard
                                            | flags.LinksAccessibleByMouse)

    def _repaint_page(self) -> None:
        if self._current and self._detail is not None:
            self._render_current(keep_scroll=True)
        elif self.history.current() == OVERVIEW:
            self.show_overview(record=False)

    # -- actions and menus -----------------------------------------------------------------
    # -- navigation ------------------------------------------------------------------------
    def current_code(self) -> str | None:
        return self._current

    def show_overview(self, record: bool = True) -> None:
        """The start page: national figures and how to use the app."""
        figures = self.repo.national_figures()
        used = {sid for f in figures for sid in f.source_ids}
        self._current = None
        self._detail = None
        self.jurisdiction_list.selectionModel().clearCurrentIndex()
        self.jurisdiction_list.clearSelection()
        self._set_page(render_overview(figures, self.repo.sources(used), self.repo.info,
                                       colors=page_colors_of(self)))
        self._update_title()
        if record:
            self.history.visit(OVERVIEW)
        self._update_history_actions()
        self._update_page_actions()
        if self.counts_chart is not None:
            self.counts_chart.set_detail(None)

    def choose_language(self, code: str) -> None:
        """Remember the window's language and ask the app to show the window in it."""
        self.settings.setValue("window/language", code)
        if code != i18n.current():
            self.languageChosen.emit(code)

    def show_jurisdiction(self, code: str, record: bool = True) -> bool:
        """Show `code` in the detail pane and select it in the list."""
        detail = self.repo.jurisdiction(code)
        if detail is None:
            self.statusBar().showMessage(strings.OPEN_UNKNOWN.format(code=code), 5000)
            return False
        self._current = code
        self._detail = detail
        self._select_in_list(code)
        self._render_current(detail)
        self._update_title(detail.name)
        if record:
            self.history.visit(code)
        self._update_history_actions()
        self._update_page_actions()
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self._update_counts_chart)
        self.jurisdictionShown.emit(code)
        return True

    def _render_current(self, detail=None, keep_scroll: bool = False) -> None:
        detail = detail or self._detail
        notes = self.store.notes(detail.code) if self.store else None
        bookmarked = bool(self.store and self.store.is_bookmarked(detail.code))
        scroll = self.detail.verticalScrollBar().value()
        self._set_page(render_detail(detail, self.repo.info, notes, bookmarked,
                                     notes_off=self.store_notice if not self.store else None,
                                     colors=page_colors_of(self)))
        if keep_scroll:
            self.detail.verticalScrollBar().setValue(scroll)

    def _update_page_actions(self) -> None:
        printable = (self.screener.has_result() if self._screener_active()
                     else self._current is not None)
        for action in (self.print_action, self.save_pdf_action):
            action.setEnabled(printable)
        on_page = self._current is not None and self.store is not None
        self.bookmark_action.setEnabled(on_page)
        self.add_note_action.setEnabled(on_page)
        self.bookmark_action.setChecked(bool(on_page and self.store.is_bookmarked(self._current)))

    def go_back(self) -> None:
        self._go(self.history.back())

    def go_forward(self) -> None:
        self._go(self.history.forward())

    def _go(self, page: str | None) -> None:
        if page is None:
            return
        if page == OVERVIEW:
            self.show_overview(record=False)
        else:
            self.show_jurisdiction(page, record=False)

    def _update_history_actions(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())

    def _set_page(self, html: str) -> None:
        self.detail.setHtml(html)
        self.detail.verticalScrollBar().setValue(0)
        if self._find_bar is not None:
            self._find_bar.refresh()

    def _select_in_list(self, code: str) -> None:
        row = self.list_model.row_of(code)
        if row < 0:
            return
        index = self.filter_model.mapFromSource(self.list_model.index(row))
        if not index.isValid():  # filtered out: show it anyway, just not selected
            self.jurisdiction_list.clearSelection()
            return
        if self.jurisdiction_list.currentIndex() != index:
            self.jurisdiction_list.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.jurisdiction_list.scrollTo(index)

    def _update_title(self, name: str | None = None) -> None:
        title = strings.fmt(strings.WINDOW_TITLE,
                            as_of=wording.date_text(self.repo.info.data_as_of))
        self.setWindowTitle(f"{name} — {title}" if name else title)

    def _list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        code = current.data(CODE_ROLE) if current.isValid() else None
        if code and code != self._current:
            self.show_jurisdiction(code)
            self.show_page_tab()

    def _filter_changed(self, criteria) -> None:
        self.filter_model.set_criteria(criteria)
        self.filters.set_shown(self.filter_model.rowCount())
        if self._current:
            self._select_in_list(self._current)

    def _anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == "relief":
            command, _, note_id = url.path().partition("/")
            if command == "note-add":
                self.add_note()
            elif command == "note-edit":
                self.edit_note(note_id)
            elif command == "note-delete":
                self.delete_note(note_id)
        elif url.hasFragment() and not url.scheme():
            self.detail.scrollToAnchor(url.fragment())

    # -- bookmarks and clinic notes (desktop/views/notes_actions.py) -------------------------
    def toggle_bookmark(self) -> None:
        self.notes_actions.toggle_bookmark()

    def add_note(self, text: str | None = None) -> bool:
        return self.notes_actions.add_note(text)

    def edit_note(self, note_id: str, text: str | None = None) -> bool:
        return self.notes_actions.edit_note(note_id, text)

    def delete_note(self, note_id: str) -> bool:
        return self.notes_actions.delete_note(note_id)

    def export_notes(self, path: Path | None = None) -> bool:
        return self.notes_actions.export_notes(path)

    def import_notes(self, path: Path | None = None) -> bool:
        return self.notes_actions.import_notes(path)

    def _fill_bookmarks_menu(self) -> None:
        self.notes_actions.fill_bookmarks_menu()

    def _ask_note_text(self, text: str = "") -> str | None:
        from desktop.views.note_dialog import NoteDialog

        dialog = NoteDialog(self._names.get(self._current or "", ""), text, self)
        accepted = dialog.exec() == NoteDialog.DialogCode.Accepted
        typed = dialog.text()
        dialog.deleteLater()
        return typed if accepted else None

    def confirm(self, question: str) -> bool:
        box = _message_box()
        answer = box.question(self, strings.H_LOCAL_NOTES, question)
        return answer == box.StandardButton.Yes

    # -- handouts --------------------------------------------------------------------------
    def page_size(self) -> str:
        size = str(self.settings.value("print/page_size", "letter"))
        return size if size in strings.HANDOUT_PAGE_SIZES else "letter"

    def handout_language(self) -> str:
        """The language of printed and saved sheets: chosen apart from the window's (the
        volunteer may read English while the person reads Spanish)."""
        lang = str(self.settings.value("print/language", "") or "")
        return lang if lang in i18n.LANGUAGES else i18n.current()

    def set_handout_language(self, lang: str) -> None:
        self.settings.setValue("print/language", lang)
        for key, action in self.handout_language_actions.items():
            action.setChecked(key == lang)

    def set_page_size(self, size: str) -> None:
        self.settings.setValue("print/page_size", size)
        for key, action in self.paper_actions.items():
            action.setChecked(key == size)

    def print_page(self) -> None:
        """Print the screener's result when it is in front, else the page's handout."""
        if self._screener_active():
            from desktop.printing.handout import print_html

            if self.screener.has_result() and print_html(
                    self.screener.sheet_html(self.repo.info, self.handout_language(),
                                             clinic=self.clinic.profile()),
                    self, self.page_size()):
                self.clinic.count(self.screener.sheet_places(), "sheets")
        elif self._current:
            from desktop.views.handout_export import print_handout_dialog

            if print_handout_dialog(self, self.repo, self.store, self._current,
                                    page_size=self.page_size(), lang=self.handout_language()):
                self.clinic.count([self._current], "sheets")

    def save_page_pdf(self) -> None:
        if self._screener_active():
            from desktop.printing.handout import screening_file_name
            from desktop.views.handout_export import save_html_pdf_dialog

            if self.screener.has_result() and save_html_pdf_dialog(
                    self, self.screener.sheet_html(self.repo.info, self.handout_language(),
                                                   clinic=self.clinic.profile()),
                    screening_file_name(self.screener.current_code() or ""), self.page_size()):
                self.clinic.count(self.screener.sheet_places(), "sheets")
        elif self._current:
            from desktop.views.handout_export import save_handout_dialog

            if save_handout_dialog(self, self.repo, self.store, self._current,
                                   page_size=self.page_size(), lang=self.handout_language()):
                self.clinic.count([self._current], "sheets")

    def export_handouts(self) -> None:
        from desktop.views.handout_export import export_handouts_dialog

        export_handouts_dialog(self, self.repo, self.store,
                               selected=[self._current] if self._current else [],
                               page_size=self.page_size(), lang=self.handout_language())

    def show_store_notice(self) -> None:
        """Tell the person, once, if their notes were set aside or cannot be used."""
        if not self.store_notice:
            return
        self.statusBar().showMessage(self.store_notice, 30000)
        mb = _message_box()
        box = mb(mb.Icon.Warning, strings.NOTES_NOTICE_TITLE, self.store_notice,
                 mb.StandardButton.Ok, self)
        box.setObjectName("notesNoticeDialog")
        _plain_text(box)  # it names a file path
        box.open()

    def open_compare(self) -> None:
        from desktop.views.compare_dialog import CompareDialog

        dialog = CompareDialog(self._summaries, self.repo.jurisdiction,
                               [self._current] if self._current else [], self)
        from PySide6.QtCore import Qt

        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.compare_dialog = dialog

    # -- search ----------------------------------------------------------------------------
    def focus_next_pane(self) -> None:
        """F6: the search box, the list, the page (or the tab in front), and round again."""
        page = self.detail if self.tabs.currentIndex() == 0 else self.tabs.currentWidget()
        panes = [self.search_field, self.jurisdiction_list, page]
        focused = self.focusWidget()
        current = next((i for i, pane in enumerate(panes)
                        if focused is not None and (focused is pane or pane.isAncestorOf(focused))),
                       -1)
        target = panes[(current + 1) % len(panes)]
        target.setFocus()
        if target is page and self.focusWidget() is not page:
            page.focusNextChild()

    def show_shortcuts(self) -> None:
        from desktop.views.help_dialogs import HelpDialog, shortcut_rows, shortcuts_html

        extra = [(what, keys) for keys, what in strings.HELP_EXTRA_KEYS]
        html = shortcuts_html(shortcut_rows(self.actions()), extra)
        HelpDialog(strings.HELP_SHORTCUTS_TITLE, html, "shortcutsDialog", self).exec()

    def show_about(self) -> None:
        from desktop.views.help_dialogs import HelpDialog, about_html

        origin = strings.ORIGIN_BUNDLED if self._bundled else strings.ORIGIN_OTHER.format(
            path=self.repo.info.path)
        extra: list[str] = []
        data_actions = getattr(self, "data_actions", None)  # data packages (views/data_update)
        if data_actions is not None:
            origin, extra = data_actions.origin_text(origin), data_actions.about_lines()
        HelpDialog(strings.ACTION_ABOUT, about_html(self.repo.info, origin, extra),
                   "aboutDialog", self).exec()

    def focus_search(self) -> None:
        self.search_panel.focus()

    def _open_found(self, code: str) -> None:
        """A search result was opened: its place's page, in front."""
        self.show_jurisdiction(code)
        self.show_page_tab()

    # -- zoom and settings -----------------------------------------------------------------
    def zoom(self, steps: int) -> None:
        self._set_zoom(self._zoom + steps)

    def zoom_reset(self) -> None:
        self._set_zoom(0)

    def zoom_level(self) -> int:
        return self._zoom

    def _set_zoom(self, level: int) -> None:
        self._zoom = max(ZOOM_LIMITS[0], min(ZOOM_LIMITS[1], level))
        font = self.detail.font()
        font.setPointSizeF(self._base_point_size + self._zoom)
        self.detail.setFont(font)
        self.settings.setValue("detail/zoom", self._zoom)

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:  # first start: fit the screen (clinic laptops are often 1366x768)
            screen = self.screen().availableGeometry()
            self.resize(min(1180, int(screen.width() * 0.92)),
                        min(780, int(screen.height() * 0.9)))
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        try:
            self._set_zoom(int(self.settings.value("detail/zoom", 0)))
        except (TypeError, ValueError):
            self._set_zoom(0)

    def reopen_last(self) -> bool:
        """Whether the app opens at the last page shown: off unless the clinic turns it on,
        so a new person never sees the previous person's state."""
        return str(self.settings.value("privacy/reopen_last", "false")).lower() == "true"

    def set_reopen_last(self, on: bool) -> None:
        self.settings.setValue("privacy/reopen_last", "true" if on else "false")

    def last_jurisdiction(self) -> str | None:
        if not self.reopen_last():
            return None
        value = self.settings.value("last/jurisdiction")
        return str(value) if value else None

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("detail/zoom", self._zoom)
        self.settings.setValue("last/jurisdiction", self._current or "")
        self.settings.sync()

    def closeEvent(self, event) -> None:
        self.save_settings()
        self.search_panel.shutdown()
        if self.store is not None:
            self.store.close()
            self.store = None
        super().closeEvent(event)
