"""The search box and its results: typed text goes to the search thread (which searches the
reference data and the clinic's notes and merges them), and what comes back is shown. The
panel decides nothing about staleness: the controller delivers only the newest results."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from desktop import strings
from desktop.models.search_results import CODE_ROLE, SearchResultsModel

if TYPE_CHECKING:
    from desktop.data.records import SearchHit
    from desktop.models.search_worker import SearchController
    from desktop.views.html_delegate import HtmlDelegate


class SearchField(QLineEdit):
    """Search box: Esc clears it; Down moves into the results."""

    moveDown = Signal()

    def keyPressEvent(self, event):
        from PySide6.QtCore import Qt

        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        if event.key() == Qt.Key.Key_Down:
            self.moveDown.emit()
            return
        super().keyPressEvent(event)


class SearchPanel(QWidget):
    """Box, status line and results list; `placeChosen(code)` when a result is opened."""

    placeChosen = Signal(str)

    def __init__(self, db_path: Path, notes_path: Path | None, names: dict[str, str],
                 results_view: type[QListView] = QListView, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.field = SearchField()
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(strings.SEARCH_PLACEHOLDER)
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(strings.A11Y_SEARCH)
        self.field.setAccessibleDescription(strings.A11Y_SEARCH_DESC)
        self.model = SearchResultsModel(self)
        self.results = results_view()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(strings.A11Y_RESULTS)
        self.results.setModel(self.model)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setWordWrap(True)
        self.results.hide()
        # the HTML painter, installed with the first results
        self._delegate: HtmlDelegate | None = None
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        self.status.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self._fit_height()

        self._sources = (db_path, notes_path, names)
        self._controller: SearchController | None = None  # made at the first keystroke
        self.field.textChanged.connect(self._search)
        self.field.returnPressed.connect(self.open_top_result)
        self.field.moveDown.connect(self.focus_results)
        self.results.activated.connect(self._open)
        self.results.clicked.connect(self._open)

    @property
    def controller(self) -> SearchController:
        """The search thread's controller: made at the first keystroke, since the first
        picture needs neither it nor its thread."""
        if self._controller is None:
            from desktop.models.search_worker import SearchController

            db_path, notes_path, names = self._sources
            self._controller = SearchController(db_path, self, notes_path=notes_path,
                                                names=names)
            self._controller.results.connect(self.show_results)
            self._controller.failed.connect(self._failed)
        return self._controller

    def _search(self, text: str) -> None:
        self.controller.search(text)

    def focus(self) -> None:
        from PySide6.QtCore import Qt

        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def show_results(self, text: str, hits: list[SearchHit]) -> None:
        """The newest results (the controller drops superseded ones)."""
        if hits and self._delegate is None:
            from desktop.models.search_results import HTML_ROLE
            from desktop.views.html_delegate import HtmlDelegate

            self._delegate = HtmlDelegate(HTML_ROLE, self.results)
            self.results.setItemDelegate(self._delegate)
        self.model.set_hits(hits)
        searching = bool(text.strip())
        self.results.setVisible(searching and bool(hits))
        self.status.setVisible(searching and not hits)
        self._fit_height()
        if searching and not hits:
            from PySide6.QtCore import Qt

            # Typed text is text: `<img src=…>` typed into the box is never an image.
            self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setText(strings.NO_RESULTS.format(text=text.strip()[:60]))

    def _fit_height(self) -> None:
        """Only as tall as the box (and the status line) until there are results: the list of
        places below takes the height, and the box stays at the top."""
        from PySide6.QtWidgets import QSizePolicy

        grow = self.results.isVisibleTo(self)
        policy = QSizePolicy.Policy.Expanding if grow else QSizePolicy.Policy.Maximum
        self.setSizePolicy(QSizePolicy.Policy.Preferred, policy)

    def focus_results(self) -> None:
        if self.model.rowCount():
            self.results.setFocus()
            self.results.setCurrentIndex(self.model.index(0))

    def open_top_result(self) -> None:
        if self.model.rowCount():
            self._open(self.model.index(0))

    def _open(self, index: QModelIndex) -> None:
        code = index.data(CODE_ROLE)
        if code:
            self.placeChosen.emit(code)

    def _failed(self, report: str) -> None:
        from desktop.views.error_dialogs import CrashDialog

        CrashDialog(report, self.window()).exec()

    def shutdown(self) -> None:
        if self._controller is not None:
            self._controller.shutdown()
