"""Filter and sort proxy over the jurisdiction list (rules in desktop.domain.filters)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from desktop.domain.filters import Criteria, matches
from desktop.models.jurisdiction_list import SUMMARY_ROLE

SORT_NAME = "name"
SORT_RELIEVED = "relieved"


class JurisdictionFilterModel(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._criteria = Criteria()
        self._sort = SORT_NAME
        self.setDynamicSortFilter(True)

    @property
    def criteria(self) -> Criteria:
        return self._criteria

    def set_criteria(self, criteria: Criteria) -> None:
        if criteria != self._criteria:
            self.beginFilterChange()
            self._criteria = criteria
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_sort(self, key: str) -> None:
        """SORT_NAME keeps the source order (states and DC by name, territories, federal)."""
        self._sort = key
        from PySide6.QtCore import Qt  # not at import: `Qt` costs start-up time (models/roles.py)

        self.invalidate()
        self.sort(0, Qt.SortOrder.AscendingOrder)

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        summary = self.sourceModel().index(source_row, 0, source_parent).data(SUMMARY_ROLE)
        return summary is not None and matches(summary, self._criteria)

    def lessThan(self, left: QModelIndex | QPersistentModelIndex,
                 right: QModelIndex | QPersistentModelIndex) -> bool:
        if self._sort == SORT_RELIEVED:
            a, b = left.data(SUMMARY_ROLE), right.data(SUMMARY_ROLE)
            ka = -(a.most_relieved or -1)
            kb = -(b.most_relieved or -1)
            if ka != kb:
                return ka < kb
        return left.row() < right.row()
