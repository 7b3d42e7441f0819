"""Table model for Compare: one column per jurisdiction, one row per question."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop import strings
from desktop.data.place_records import JurisdictionDetail
from desktop.domain.compare import CompareRow, compare_rows

_TOP_LEFT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft


class CompareTableModel(QAbstractTableModel):
    def __init__(self, details: list[JurisdictionDetail] | None = None, parent=None):
        super().__init__(parent)
        self._names: list[str] = []
        self._rows: list[CompareRow] = []
        if details:
            self.set_details(details)

    def set_details(self, details: list[JurisdictionDetail]) -> None:
        """Show these jurisdictions, in this order (an empty list empties the table)."""
        self.beginResetModel()
        self._names = [d.name for d in details]
        self._rows = compare_rows(list(details)) if details else []
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._names)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)
                                       and 0 <= index.column() < len(self._names)):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            # A blank line between a cell's entries (one per path or name), so that where one
            # wrapped entry ends and the next begins is plain in a narrow column.
            return row.values[index.column()].replace("\n", "\n\n")
        if role == Qt.ItemDataRole.ToolTipRole:
            title = strings.COMPARE_CELL_TIP.format(name=self._names[index.column()],
                                                    label=row.label)
            return f"{title}\n{row.values[index.column()]}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _TOP_LEFT  # tall wrapped cells read from the top
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        labels = self._names if horizontal else [r.label for r in self._rows]
        if not 0 <= section < len(labels):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return labels[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and not horizontal:
            return _TOP_LEFT
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- for the dialog and tests -----------------------------------------------------------

    def rows(self) -> list[CompareRow]:
        return list(self._rows)
