"""The list of places under the filters: a list view over the filter proxy over the list
model (desktop/models). It says which place was chosen (`placeChosen`) and shows the place
the window is on (`show_place`), even when a filter hides it."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QWidget

from desktop import strings
from desktop.data.records import JurisdictionSummary
from desktop.domain.filters import Criteria
from desktop.models.jurisdiction_filter import JurisdictionFilterModel
from desktop.models.jurisdiction_list import CODE_ROLE, JurisdictionListModel
from desktop.views.mouse_navigation import ListView
from desktop.views.page_view import FOCUS_STYLE


class PlaceList(ListView):
    placeChosen = Signal(str)

    def __init__(self, summaries: list[JurisdictionSummary], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("jurisdictionList")
        self.setAccessibleName(strings.A11Y_LIST)
        self.setAccessibleDescription(strings.A11Y_LIST_DESC)
        self.list_model = JurisdictionListModel(summaries, self)
        self.filter_model = JurisdictionFilterModel(self)
        self.filter_model.setSourceModel(self.list_model)
        self.setModel(self.filter_model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformItemSizes(True)
        self.setStyleSheet(FOCUS_STYLE)
        self._shown: str | None = None
        self.selectionModel().currentChanged.connect(self._current_changed)

    def shown_count(self) -> int:
        return self.filter_model.rowCount()

    def set_criteria(self, criteria: Criteria) -> None:
        self.filter_model.set_criteria(criteria)
        if self._shown:
            self.show_place(self._shown)

    def show_place(self, code: str | None) -> None:
        """Select the place the window shows (None: the start page, nothing selected)."""
        self._shown = code
        row = self.list_model.row_of(code) if code else -1
        index = (self.filter_model.mapFromSource(self.list_model.index(row)) if row >= 0
                 else QModelIndex())
        if not index.isValid():  # the start page, or filtered out: shown, not selected
            self.selectionModel().clearCurrentIndex()
            self.clearSelection()
            return
        if self.currentIndex() != index:
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        code = current.data(CODE_ROLE) if current.isValid() else None
        if code and code != self._shown:
            self.placeChosen.emit(code)
