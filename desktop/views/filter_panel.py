"""The browse filters above the jurisdiction list, each with how many would match (facets)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QWidget

from desktop import strings
from desktop.data.records import JurisdictionSummary
from desktop.domain.filters import FLAGS, Criteria, adult_use_counts, facet_counts
from desktop.models.jurisdiction_filter import SORT_NAME, SORT_RELIEVED

_OBJECT_NAMES = {"automatic": "filterAutomatic", "petition": "filterPetition",
                 "pardon": "filterPardon", "no_relief": "filterNoRelief"}
_STATUSES = ("legalized", "decriminalized", "neither")


class FilterPanel(QWidget):
    criteriaChanged = Signal(object)   # Criteria
    sortChanged = Signal(str)

    def __init__(self, items: list[JurisdictionSummary], parent=None):
        super().__init__(parent)
        self.setObjectName("filterPanel")
        self._items = items
        self.checks: dict[str, QCheckBox] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setVerticalSpacing(2)
        for i, flag in enumerate(FLAGS):
            box = QCheckBox()
            box.setObjectName(_OBJECT_NAMES[flag])
            box.toggled.connect(self._changed)
            self.checks[flag] = box
            layout.addWidget(box, i, 0, 1, 2)  # one column keeps the list pane narrow
        self.adult_use = QComboBox()
        self.adult_use.setObjectName("adultUseFilter")
        self.adult_use.currentIndexChanged.connect(self._changed)
        self.sort = QComboBox()
        self.sort.setObjectName("sortOrder")
        for key in (SORT_NAME, SORT_RELIEVED):
            self.sort.addItem(strings.SORT_LABELS[key], key)
        self.sort.currentIndexChanged.connect(
            lambda: self.sortChanged.emit(self.sort.currentData()))
        self.shown = QLabel()
        self.shown.setObjectName("shownCount")
        layout.addWidget(self.adult_use, len(FLAGS), 0, 1, 2)
        layout.addWidget(self.sort, len(FLAGS) + 1, 0, 1, 2)
        layout.addWidget(self.shown, len(FLAGS) + 2, 0, 1, 2)
        self._refresh_labels()

    def criteria(self) -> Criteria:
        values = {flag: box.isChecked() for flag, box in self.checks.items()}
        return Criteria(adult_use=self.adult_use.currentData(), **values)

    def set_shown(self, shown: int) -> None:
        self.shown.setText(strings.SHOWN_COUNT.format(shown=shown, total=len(self._items)))

    def _changed(self) -> None:
        self._refresh_labels()
        self.criteriaChanged.emit(self.criteria())

    def _refresh_labels(self) -> None:
        c = self.criteria() if self.adult_use.count() else Criteria()
        for flag, count in facet_counts(self._items, c).items():
            self.checks[flag].setText(strings.FACET.format(label=strings.FILTER_LABELS[flag],
                                                           count=count))
        counts = adult_use_counts(self._items, c)
        current = self.adult_use.currentData() if self.adult_use.count() else None
        self.adult_use.blockSignals(True)
        self.adult_use.clear()
        self.adult_use.addItem(strings.ADULT_USE_FILTER_ANY, None)
        for status in _STATUSES:
            self.adult_use.addItem(strings.FACET.format(label=strings.ADULT_USE[status],
                                                        count=counts[status]), status)
        self.adult_use.setCurrentIndex(max(0, self.adult_use.findData(current)))
        self.adult_use.blockSignals(False)
