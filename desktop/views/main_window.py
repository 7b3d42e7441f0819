"""The main window: jurisdiction list and search on the left, the detail page on the right."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QLabel, QLineEdit, QListView, QMainWindow, QSplitter, QTextBrowser,
    QVBoxLayout, QWidget,
)

from desktop import strings
from desktop.data.repository import Repository
from desktop.domain import wording
from desktop.models.jurisdiction_list import CODE_ROLE, JurisdictionListModel
from desktop.models.search_results import CODE_ROLE as HIT_CODE_ROLE
from desktop.models.search_results import HTML_ROLE, SearchResultsModel
from desktop.views.detail_page import render_detail
from desktop.views.html_delegate import HtmlDelegate
from desktop.views.overview_page import render_overview


class SearchField(QLineEdit):
    """Search box: Esc clears it."""

    def keyPressEvent(self, event):
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class MainWindow(QMainWindow):
    jurisdictionShown = Signal(str)

    def __init__(self, repo: Repository, bundled: bool = True, parent=None):
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.repo = repo
        self._current: str | None = None

        self.search_field = SearchField()
        self.search_field.setObjectName("searchField")
        self.search_field.setPlaceholderText(strings.SEARCH_PLACEHOLDER)
        self.search_field.setClearButtonEnabled(True)

        self.search_model = SearchResultsModel(self)
        self.search_results = QListView()
        self.search_results.setObjectName("searchResults")
        self.search_results.setModel(self.search_model)
        self.search_results.setItemDelegate(HtmlDelegate(HTML_ROLE, self.search_results))
        self.search_results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.search_results.setWordWrap(True)
        self.search_results.hide()
        self.search_status = QLabel()
        self.search_status.setObjectName("searchStatus")
        self.search_status.hide()

        self.list_model = JurisdictionListModel(repo.jurisdictions(), self)
        self.jurisdiction_list = QListView()
        self.jurisdiction_list.setObjectName("jurisdictionList")
        self.jurisdiction_list.setModel(self.list_model)
        self.jurisdiction_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.jurisdiction_list.setUniformItemSizes(True)

        self.detail = QTextBrowser()
        self.detail.setObjectName("jurisdictionDetail")
        self.detail.setOpenLinks(False)  # offline: only in-page links (source references)
        self.detail.anchorClicked.connect(self._anchor_clicked)
        self.detail.setPlaceholderText(strings.NO_SELECTION)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        left_layout.addWidget(self.search_field)
        left_layout.addWidget(self.search_status)
        left_layout.addWidget(self.search_results, 2)
        left_layout.addWidget(self.jurisdiction_list, 3)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 720])
        self.setCentralWidget(splitter)

        info = repo.info
        as_of = wording.date_text(info.data_as_of)
        self._update_title()
        origin = strings.ORIGIN_BUNDLED if bundled else strings.ORIGIN_OTHER.format(path=info.path)
        self.data_label = QLabel(strings.STATUS_DATA.format(
            as_of=as_of, count=len(self.list_model._items), origin=origin))
        self.data_label.setObjectName("dataStatus")
        self.statusBar().addPermanentWidget(self.data_label)
        self.resize(1100, 760)
        self.show_overview()

        self.jurisdiction_list.selectionModel().currentChanged.connect(self._list_current_changed)
        self.search_field.textChanged.connect(self._search)
        self.search_field.returnPressed.connect(self._open_top_result)
        self.search_results.activated.connect(self._open_hit)
        self.search_results.clicked.connect(self._open_hit)
        for key in (QKeySequence.StandardKey.Find, QKeySequence("Ctrl+K")):
            QShortcut(key, self, activated=self.focus_search)
        QShortcut(QKeySequence("Alt+Home"), self, activated=self.show_overview)

    # -- navigation ------------------------------------------------------------------------
    def current_code(self) -> str | None:
        return self._current

    def show_overview(self) -> None:
        """The start page: national figures and how to use the app."""
        figures = self.repo.national_figures()
        used = {sid for f in figures for sid in f.source_ids}
        self._current = None
        self.jurisdiction_list.clearSelection()
        self.detail.setHtml(render_overview(figures, self.repo.sources(used), self.repo.info))
        self._update_title()

    def show_jurisdiction(self, code: str) -> bool:
        """Show `code` in the detail pane and select it in the list."""
        detail = self.repo.jurisdiction(code)
        if detail is None:
            return False
        self._current = code
        row = self.list_model.row_of(code)
        if row >= 0:
            index = self.list_model.index(row)
            if self.jurisdiction_list.currentIndex() != index:
                self.jurisdiction_list.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.jurisdiction_list.scrollTo(index)
        self.detail.setHtml(render_detail(detail, self.repo.info))
        self.detail.verticalScrollBar().setValue(0)
        self._update_title(detail.name)
        self.jurisdictionShown.emit(code)
        return True

    def _update_title(self, name: str | None = None) -> None:
        title = strings.fmt(strings.WINDOW_TITLE,
                            as_of=wording.date_text(self.repo.info.data_as_of))
        self.setWindowTitle(f"{name} — {title}" if name else title)

    def _list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        code = current.data(CODE_ROLE) if current.isValid() else None
        if code and code != self._current:
            self.show_jurisdiction(code)

    def _anchor_clicked(self, url: QUrl) -> None:
        if url.hasFragment() and not url.scheme():
            self.detail.scrollToAnchor(url.fragment())

    # -- search ----------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def _search(self, text: str) -> None:
        hits = self.repo.search(text) if text.strip() else []
        self.search_model.set_hits(hits)
        searching = bool(text.strip())
        self.search_results.setVisible(searching and bool(hits))
        self.search_status.setVisible(searching and not hits)
        self.search_status.setText(strings.NO_RESULTS.format(text=text.strip()[:60]))

    def _open_top_result(self) -> None:
        if self.search_model.rowCount():
            self._open_hit(self.search_model.index(0))

    def _open_hit(self, index: QModelIndex) -> None:
        code = index.data(HIT_CODE_ROLE)
        if code:
            self.show_jurisdiction(code)
