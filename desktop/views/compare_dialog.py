"""Compare: two to four jurisdictions side by side, exportable as CSV."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
)

from desktop import strings
from desktop.data.files import FileWriteError, write_atomic
from desktop.data.place_records import JurisdictionDetail
from desktop.data.records import JurisdictionSummary
from desktop.domain.compare import compare_csv
from desktop.models.compare_model import CompareTableModel
from desktop.views import error_dialogs

MAX_CHOICES = 4
REQUIRED = 2  # the first two boxes hold a place or nothing yet; the others may be "none"


class CompareDialog(QDialog):
    """Pick places in four boxes; the table shows each chosen place once, in box order."""

    comparisonChanged = Signal(list)  # codes now shown (empty while fewer than two)

    def __init__(self, summaries: list[JurisdictionSummary],
                 load_detail: Callable[[str], JurisdictionDetail | None],
                 initial: Iterable[str] = (), parent=None):
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle(strings.COMPARE_TITLE)
        self._load_detail = load_detail
        self._cache: dict[str, JurisdictionDetail | None] = {}
        self._details: list[JurisdictionDetail] = []
        # The code behind each item, kept here rather than as item data. PySide6 6.12 under
        # Python 3.11 drops a reference to None whenever a call hands None back to Python (a
        # void method, or currentData() of an item without data); once None's count reaches
        # zero Python aborts ("none_dealloc"). So: no None item data, few calls per event.
        self._codes = [s.code for s in summaries]

        intro = QLabel(strings.COMPARE_INTRO)
        intro.setWordWrap(True)
        choice_label = QLabel(strings.COMPARE_CHOICE_LABEL)
        self.choices: list[QComboBox] = []
        choices_row = QHBoxLayout()
        choices_row.addWidget(choice_label)
        for n in range(MAX_CHOICES):
            combo = QComboBox()
            combo.setObjectName(f"compareChoice{n + 1}")
            combo.setAccessibleName(strings.COMPARE_CHOICE_NAMES[n])
            combo.setToolTip(strings.COMPARE_CHOICE_NAMES[n])
            if n < REQUIRED:
                combo.setPlaceholderText(strings.COMPARE_CHOICE_PLACEHOLDER)
            else:
                combo.addItem(strings.COMPARE_CHOICE_NONE)
            combo.addItems([s.name for s in summaries])
            combo.setCurrentIndex(-1 if n < REQUIRED else 0)
            combo.setMinimumContentsLength(14)
            choices_row.addWidget(combo, 1)
            self.choices.append(combo)
        choice_label.setBuddy(self.choices[0])

        self.model = CompareTableModel(parent=self)
        self.table = QTableView()
        self.table.setObjectName("compareTable")
        self.table.setModel(self.model)
        # Qt's own delegate draws the cells: a Python delegate (HtmlDelegate) would run Python
        # for every cell on every repaint, and under PySide6 6.12 with Python 3.11 each of
        # those calls drops a reference to None (see the note on _codes); scrolling then aborts.
        self.table.setStyleSheet("QTableView::item { padding: 3px 0px; }")  # air above and below
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        columns = self.table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        columns.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for header in (columns, rows):
            font = header.font()
            font.setBold(True)
            header.setFont(font)
        # Rows grow to fit wrapped text. When the window resizes, the stretched columns change
        # width one by one, so the rows are re-fitted once they have all settled.
        self._fit_timer = QTimer(self, singleShot=True, interval=0)
        self._fit_timer.timeout.connect(self._fit_rows)
        columns.sectionResized.connect(lambda *_: self._fit_timer.start())

        self.hint = QLabel(strings.COMPARE_HINT)
        self.hint.setObjectName("compareHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.hint)
        self.stack.addWidget(self.table)

        footnote = QLabel(f"{strings.COMPARE_FOOTNOTE} {strings.DISCLAIMER}")
        footnote.setObjectName("compareFootnote")
        footnote.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("compareStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # it names the file saved
        self.status.setAccessibleName(strings.A11Y_COMPARE_STATUS)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = QPushButton(strings.COMPARE_EXPORT)
        self.export_button.setObjectName("compareExport")
        self.export_button.setAutoDefault(False)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        # Enter after choosing a place in a box must not close the dialog.
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        self.export_button.clicked.connect(self._export_clicked)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(choices_row)
        layout.addWidget(self.stack, 1)
        layout.addWidget(footnote)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.resize(1180, 720)

        for n, code in enumerate(list(initial)[:MAX_CHOICES]):
            self.choose(n, code)
        for combo in self.choices:
            combo.currentIndexChanged.connect(self._refresh)
        self._refresh()

    # -- choosing ------------------------------------------------------------------------------
    def chosen_codes(self) -> list[str]:
        """The codes in the boxes, in order, each once; empty boxes and unknown codes skipped."""
        codes: list[str] = []
        for n in range(MAX_CHOICES):
            code = self.choice(n)
            if code and code not in codes and self._detail(code) is not None:
                codes.append(code)
        return codes

    def choice(self, n: int) -> str | None:
        """The code in box `n` (0-based), or None for an empty box or "— none —"."""
        row = self.choices[n].currentIndex() - self._offset(n)
        return self._codes[row] if 0 <= row < len(self._codes) else None

    def choose(self, n: int, code: str | None) -> bool:
        """Put `code` in box `n` (None empties an optional box); False if it is not listed."""
        if code is None:
            if n < REQUIRED:
                return False
            self.choices[n].setCurrentIndex(0)
            return True
        if code not in self._codes:
            return False
        self.choices[n].setCurrentIndex(self._codes.index(code) + self._offset(n))
        return True

    @staticmethod
    def _offset(n: int) -> int:
        """Optional boxes start with "— none —"."""
        return 0 if n < REQUIRED else 1

    def shown_codes(self) -> list[str]:
        """The codes the table shows now (empty while fewer than two are chosen)."""
        return [d.code for d in self._details]

    def _detail(self, code: str) -> JurisdictionDetail | None:
        if code not in self._cache:
            self._cache[code] = self._load_detail(code)
        return self._cache[code]

    def _refresh(self) -> None:
        codes = self.chosen_codes()
        enough = len(codes) >= REQUIRED
        # chosen_codes() keeps only codes with a detail, so none is dropped here
        self._details = ([d for c in codes if (d := self._detail(c)) is not None]
                         if enough else [])
        self.model.set_details(self._details)
        self.stack.setCurrentWidget(self.table if enough else self.hint)
        self.export_button.setEnabled(enough)
        self.status.clear()
        self._fit_rows()
        self.comparisonChanged.emit(self.shown_codes())

    def _fit_rows(self, *_args) -> None:
        self.table.resizeRowsToContents()

    # -- export --------------------------------------------------------------------------------
    def choose_export_path(self) -> Path | None:
        """Ask where to save; None if the person cancels. Tests replace this method."""
        name = strings.COMPARE_EXPORT_NAME.format(codes="-".join(self.shown_codes()))
        chosen, _ = QFileDialog.getSaveFileName(
            self, strings.COMPARE_EXPORT_TITLE, str(Path.home() / name),
            strings.COMPARE_EXPORT_FILTER)
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix else path.with_suffix(".csv")

    def export_csv(self, path: Path) -> bool:
        """Write the table to `path` whole or not at all; a plain message if that fails."""
        if len(self._details) < REQUIRED:
            return False
        # A byte-order mark so spreadsheet programs read "—" and "§" as written.
        try:
            write_atomic(path, compare_csv(self._details), encoding="utf-8-sig")
        except FileWriteError as error:
            self.status.clear()
            error_dialogs.show_known_error(error, self)
            return False
        self.status.setText(strings.COMPARE_SAVED.format(path=path))
        return True

    def _export_clicked(self) -> None:
        path = self.choose_export_path()
        if path is not None:
            self.export_csv(path)
