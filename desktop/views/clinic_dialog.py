"""File → Clinic details… (the clinic's profile printed on every sheet) and File → Event
tally… (on/off, the counts per day and place, Reset, Export CSV). Both read and write the
clinic's user store (desktop/data/user_store.py); nothing here knows what a person answered.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop import i18n, strings
from desktop.data.records import ClinicProfile
from desktop.data.user_schema import CLINIC_FIELDS, MAX_CLINIC_CHARS, TALLY_KINDS
from desktop.data.user_store import UserStore
from desktop.errors import KnownError

ISO_DAY = Qt.ItemDataRole.UserRole  # a Day cell keeps its ISO date (the CSV's form) here


def locale_of_language(lang: str | None = None) -> QLocale:
    """The QLocale of the app's language (`desktop.i18n`): 'es' -> Spanish, else English."""
    lang = lang or i18n.current()
    return QLocale(lang if lang in i18n.LANGUAGES else i18n.DEFAULT)


def day_text(iso_day: str, locale: QLocale | None = None) -> str:
    """'2026-12-04' as the locale writes a short date, with the year in full ('4/12/2026' in
    Spanish, '12/4/2026' in English); anything that is not an ISO date is shown as it is."""
    date = QDate.fromString(iso_day, Qt.DateFormat.ISODate)
    if not date.isValid():
        return iso_day
    locale = locale or locale_of_language()
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return locale.toString(date, pattern)


def _problem_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # messages quote typed text and paths
    label.setStyleSheet("color: #8b1a1a;")
    label.hide()
    return label


class ClinicDialog(QDialog):
    """Name, phone, address, hours, web site: checked and saved on OK (all empty removes
    the profile); a problem is shown in the dialog, which stays open."""

    def __init__(self, store: UserStore, parent=None):
        super().__init__(parent)
        self.setObjectName("clinicDialog")
        self.setWindowTitle(strings.CLINIC_DIALOG_TITLE)
        self.setMinimumWidth(480)
        self.store = store
        self.saved: ClinicProfile | None = None  # the profile as saved, after OK (None: removed)
        try:
            profile = store.clinic()
        except KnownError as error:
            profile = None
            self._initial_problem = error.one_line()
        else:
            self._initial_problem = ""
        intro = QLabel(strings.CLINIC_DIALOG_INTRO)
        intro.setWordWrap(True)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for field in CLINIC_FIELDS:
            edit = QLineEdit(getattr(profile, field) if profile else "")
            edit.setObjectName(f"clinic_{field}")
            edit.setMaxLength(MAX_CLINIC_CHARS[field])
            edit.setAccessibleName(strings.A11Y_CLINIC_FIELDS[field])
            if field in strings.CLINIC_PLACEHOLDERS:
                edit.setPlaceholderText(strings.CLINIC_PLACEHOLDERS[field])
            label = QLabel(strings.CLINIC_LABELS[field])
            label.setBuddy(edit)
            form.addRow(label, edit)
            self.fields[field] = edit
        self.problem = _problem_label("clinicProblem")
        if self._initial_problem:
            self._show_problem(self._initial_problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def values(self) -> dict[str, str]:
        return {field: edit.text() for field, edit in self.fields.items()}

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def accept(self) -> None:
        try:
            self.saved = self.store.set_clinic(self.values())
        except KnownError as error:
            self._show_problem(error.message)
            return
        super().accept()


class TallyDialog(QDialog):
    """The event tally: turn it on or off, see the counts, reset them, export them as CSV."""

    def __init__(self, store: UserStore, names: dict[str, str], parent=None):
        super().__init__(parent)
        self.setObjectName("tallyDialog")
        self.setWindowTitle(strings.TALLY_DIALOG_TITLE)
        self.resize(640, 420)
        self.store = store
        self.names = names
        intro = QLabel(strings.TALLY_INTRO)
        intro.setWordWrap(True)
        self.enabled = QCheckBox(strings.TALLY_ENABLE)
        self.enabled.setObjectName("tallyEnabled")
        self.enabled.setAccessibleName(strings.TALLY_ENABLE.replace("&", ""))
        self.table = QTableWidget(0, len(strings.TALLY_COLUMNS))
        self.table.setObjectName("tallyTable")
        self.table.setAccessibleName(strings.A11Y_TALLY_TABLE)
        self.table.setHorizontalHeaderLabels(list(strings.TALLY_COLUMNS.values()))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.totals = QLabel()
        self.totals.setObjectName("tallyTotals")
        self.totals.setWordWrap(True)
        self.problem = _problem_label("tallyProblem")
        self.status = QLabel()
        self.status.setObjectName("tallyStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # it names a file
        self.reset_button = QPushButton(strings.TALLY_RESET)
        self.reset_button.setObjectName("tallyReset")
        self.reset_button.setAccessibleName(strings.TALLY_RESET.replace("&", "").rstrip("…"))
        self.export_button = QPushButton(strings.TALLY_EXPORT)
        self.export_button.setObjectName("tallyExport")
        self.export_button.setAccessibleName(strings.TALLY_EXPORT.replace("&", "").rstrip("…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.reset_button.clicked.connect(lambda: self.reset())
        self.export_button.clicked.connect(lambda: self.export_csv())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.enabled)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.status)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        try:
            self.enabled.setChecked(store.tally_enabled())
        except KnownError as error:
            self.problem.setText(error.one_line())
            self.problem.show()
        self.enabled.toggled.connect(self.set_enabled)
        self.refresh()

    def _call(self, fn, *args):
        """(result, True), or (None, False) after showing a known error in the dialog."""
        try:
            return fn(*args), True
        except KnownError as error:
            self.problem.setText(error.one_line())
            self.problem.show()
            return None, False

    def set_enabled(self, on: bool) -> None:
        _, ok = self._call(self.store.set_tally_enabled, on)
        if not ok:
            self.enabled.blockSignals(True)
            self.enabled.setChecked(not on)
            self.enabled.blockSignals(False)

    def refresh(self) -> None:
        rows, ok = self._call(self.store.tally)
        rows = rows or []
        self.table.setRowCount(len(rows))
        locale = locale_of_language()
        for n, r in enumerate(rows):
            place = self.names.get(r.place)
            # The day as the window's language writes dates; the CSV export keeps ISO dates.
            values = [day_text(r.day, locale), f"{place} ({r.place})" if place else r.place,
                      *(str(getattr(r, kind)) for kind in TALLY_KINDS)]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 0:
                    item.setData(ISO_DAY, r.day)
                    date = QDate.fromString(r.day, Qt.DateFormat.ISODate)
                    if date.isValid():
                        item.setToolTip(locale.toString(date, QLocale.FormatType.LongFormat))
                if column >= 2:
                    align = Qt.AlignmentFlag
                    item.setTextAlignment(align.AlignRight | align.AlignVCenter)
                self.table.setItem(n, column, item)
        self.table.resizeColumnsToContents()
        sums = {kind: sum(getattr(r, kind) for r in rows) for kind in TALLY_KINDS}
        self.totals.setText(strings.TALLY_TOTALS.format(**sums) if rows else strings.TALLY_EMPTY)
        self.reset_button.setEnabled(bool(rows))

    def reset(self, confirm: bool = True) -> bool:
        if confirm:
            box = QMessageBox(QMessageBox.Icon.Question, strings.TALLY_DIALOG_TITLE,
                              strings.TALLY_CONFIRM_RESET,
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
            box.setObjectName("confirmTallyReset")
            try:
                if box.exec() != QMessageBox.StandardButton.Yes:
                    return False
            finally:
                box.deleteLater()
        _, ok = self._call(self.store.reset_tally)
        self.refresh()
        if ok:
            self.status.setText(strings.TALLY_WAS_RESET)
        return ok

    def export_csv(self, path: Path | None = None) -> Path | None:
        if path is None:
            from desktop.views.handout_export import save_folder

            suggested = strings.TALLY_CSV_NAME.format(date=datetime.date.today().isoformat())
            name, _ = QFileDialog.getSaveFileName(self, strings.TALLY_EXPORT.replace("&", ""),
                                                  str(save_folder(self.parent()) / suggested),
                                                  strings.TALLY_CSV_FILTER)
            if not name:
                return None
            path = Path(name)
        count, ok = self._call(self.store.export_tally, path)
        if not ok:
            return None
        self.status.setText(strings.TALLY_EXPORTED.format(count=count, path=path))
        return path
