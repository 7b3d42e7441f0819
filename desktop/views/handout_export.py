"""The window's side of handouts: File → Export handouts…, and Save as PDF for one place.

A thin layer of dialogs over `desktop.printing.handout`: choose places, folder or one combined
PDF and paper size; write with a progress dialog that can be cancelled. The writing itself
(`write_handouts`) is all or nothing, so a cancel or a full disk leaves no partial file.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressDialog,
    QRadioButton,
    QVBoxLayout,
)

from desktop import i18n, strings
from desktop.data.records import JurisdictionSummary, LocalNote
from desktop.data.repository import Repository
from desktop.data.user_store import UserStore
from desktop.errors import KnownError
from desktop.printing import handout
from desktop.views.clinic_actions import clinic_profile
from desktop.views.error_dialogs import show_known_error


@dataclass(frozen=True)
class ExportChoice:
    codes: tuple[str, ...]
    combined: bool
    page_size: str = handout.DEFAULT_PAGE_SIZE
    include_notes: bool = True


class HandoutExportDialog(QDialog):
    """Which places, one PDF each or one combined, paper size, clinic notes or not."""

    def __init__(self, summaries: Sequence[JurisdictionSummary], parent=None,
                 selected: Iterable[str] = (), page_size: str = handout.DEFAULT_PAGE_SIZE,
                 notes_available: bool = True):
        super().__init__(parent)
        self.setObjectName("handoutExportDialog")
        self.setWindowTitle(strings.EXPORT_TITLE)
        selected = set(selected)

        self.all_places = QRadioButton(strings.EXPORT_ALL.format(count=len(summaries)))
        self.all_places.setObjectName("exportAll")
        self.some_places = QRadioButton(strings.EXPORT_SELECTED)
        self.some_places.setObjectName("exportSelected")
        self.places = QListWidget()
        self.places.setObjectName("exportPlaces")
        for s in summaries:
            item = QListWidgetItem(f"{s.name} ({s.code})")
            item.setData(Qt.ItemDataRole.UserRole, s.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if s.code in selected
                               else Qt.CheckState.Unchecked)
            self.places.addItem(item)
        self.places.itemChanged.connect(lambda _item: self.some_places.setChecked(True))
        which_group = QButtonGroup(self)
        which_group.addButton(self.all_places)
        which_group.addButton(self.some_places)
        (self.some_places if selected else self.all_places).setChecked(True)
        which = QGroupBox(strings.EXPORT_WHICH)
        which_layout = QVBoxLayout(which)
        which_layout.addWidget(self.all_places)
        which_layout.addWidget(self.some_places)
        which_layout.addWidget(self.places)

        self.one_each = QRadioButton(strings.EXPORT_FOLDER)
        self.one_each.setObjectName("exportFolder")
        self.combined = QRadioButton(strings.EXPORT_COMBINED)
        self.combined.setObjectName("exportCombined")
        how_group = QButtonGroup(self)
        how_group.addButton(self.one_each)
        how_group.addButton(self.combined)
        self.one_each.setChecked(True)
        how = QGroupBox(strings.EXPORT_HOW)
        how_layout = QVBoxLayout(how)
        how_layout.addWidget(self.one_each)
        how_layout.addWidget(self.combined)

        self.page = QComboBox()
        self.page.setObjectName("exportPageSize")
        for key, label in strings.HANDOUT_PAGE_SIZES.items():
            self.page.addItem(label, key)
        self.page.setCurrentIndex(max(0, self.page.findData(page_size)))
        self.notes = QCheckBox(strings.EXPORT_INCLUDE_NOTES)
        self.notes.setObjectName("exportIncludeNotes")
        self.notes.setChecked(notes_available)
        self.notes.setEnabled(notes_available)
        form = QFormLayout()
        form.addRow(strings.EXPORT_PAGE, self.page)
        form.addRow(self.notes)

        self.problem = QLabel()
        self.problem.setObjectName("exportProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(which, 1)
        layout.addWidget(how)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def codes(self) -> tuple[str, ...]:
        items = [self.places.item(i) for i in range(self.places.count())]
        if self.all_places.isChecked():
            return tuple(item.data(Qt.ItemDataRole.UserRole) for item in items)
        return tuple(item.data(Qt.ItemDataRole.UserRole) for item in items
                     if item.checkState() == Qt.CheckState.Checked)

    def choice(self) -> ExportChoice:
        return ExportChoice(self.codes(), self.combined.isChecked(), self.page.currentData(),
                            self.notes.isEnabled() and self.notes.isChecked())

    def accept(self) -> None:
        if not self.codes():
            self.problem.setText(strings.EXPORT_NONE_TICKED)
            self.problem.show()
            return
        super().accept()


def clinic_notes(store: UserStore | None,
                 codes: Iterable[str]) -> tuple[dict[str, list[LocalNote]], str | None]:
    """The clinic's notes per place, or none and a plain reason if they cannot be read."""
    if store is None:
        return {}, None
    try:
        return {code: store.notes(code) for code in codes}, None
    except KnownError as error:
        return {}, error.one_line()


def _details(repo: Repository, choice: ExportChoice, lang: str | None = None) -> list:
    return [d for d in (repo.jurisdiction(code, lang) for code in choice.codes) if d is not None]


def _sheet_language(lang: str | None):
    """Sheets are composed in their own language (the window may speak another)."""
    return i18n.speaking(lang or i18n.current())


def run_export(parent, repo: Repository, store: UserStore | None, choice: ExportChoice,
               target: Path, details: list | None = None,
               lang: str | None = None) -> list[Path] | None:
    """Write the handouts of `choice` to `target` (a folder, or the combined PDF) with a
    progress dialog; None if cancelled or failed (a known error is shown). `details` are
    the chosen places when the caller has already loaded them."""
    details = _details(repo, choice, lang) if details is None else details
    notes, notes_off = clinic_notes(store if choice.include_notes else None, choice.codes)
    clinic = clinic_profile(store)
    progress = QProgressDialog(strings.EXPORT_PROGRESS, strings.EXPORT_PROGRESS_CANCEL, 0,
                               len(details), parent)
    progress.setObjectName("handoutExportProgress")
    progress.setWindowTitle(strings.EXPORT_TITLE)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)

    def report(done: int, total: int) -> bool:
        progress.setValue(done)  # a modal progress dialog processes events here
        return not progress.wasCanceled()

    try:
        with _sheet_language(lang):
            if choice.combined:
                paths = handout.write_handouts(details, repo.info, combined_path=target,
                                               progress=report, page_size=choice.page_size,
                                               local_notes=notes, clinic=clinic)
            else:
                paths = handout.write_handouts(details, repo.info, out_dir=target,
                                               progress=report, page_size=choice.page_size,
                                               local_notes=notes, clinic=clinic)
    except handout.ExportCancelled:
        _status(parent, strings.HANDOUT_CANCELLED)
        return None
    except KnownError as error:
        show_known_error(error, parent)
        return None
    finally:
        progress.close()
        progress.deleteLater()
    message = (strings.HANDOUT_SAVED.format(path=target) if len(paths) == 1
               else strings.HANDOUT_EXPORTED.format(count=len(paths), path=target))
    if notes_off:
        message += " " + strings.HANDOUT_NOTES_OFF.format(reason=notes_off)
    _status(parent, message)
    return paths


def _status(parent, message: str) -> None:
    status_bar = getattr(parent, "statusBar", None)
    if callable(status_bar):
        status_bar().showMessage(message, 10000)


def export_handouts_dialog(parent, repo: Repository, store: UserStore | None,
                           selected: Iterable[str] = (),
                           page_size: str = handout.DEFAULT_PAGE_SIZE,
                           lang: str | None = None) -> list[Path] | None:
    """File → Export handouts…: ask what and where, then write. Returns the files written,
    or None if the person cancelled or it failed (after saying why)."""
    dialog = HandoutExportDialog(repo.jurisdictions(), parent, selected, page_size,
                                 notes_available=store is not None)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        choice = dialog.choice()
    finally:
        dialog.deleteLater()
    details = _details(repo, choice, lang)  # loaded once: file names, then the handouts
    if choice.combined:
        combined = strings.HANDOUT_COMBINED_NAME.format(date=datetime.date.today().isoformat())
        name, _ = QFileDialog.getSaveFileName(parent, strings.EXPORT_CHOOSE_FILE,
                                              str(save_folder(parent) / combined),
                                              strings.HANDOUT_PDF_FILTER)
        if not name:
            return None
        target = _with_pdf_suffix(Path(name))
    else:
        name = QFileDialog.getExistingDirectory(parent, strings.EXPORT_CHOOSE_FOLDER,
                                                str(save_folder(parent)))
        if not name:
            return None
        target = Path(name)
        if not _confirm_replace(parent, details, target):
            return None
    return run_export(parent, repo, store, choice, target, details, lang)


def _confirm_replace(parent, details: list, folder: Path) -> bool:
    names = {handout.handout_file_name(d) for d in details}
    existing = [n for n in names if (folder / n).exists()]
    if not existing:
        return True
    box = QMessageBox(QMessageBox.Icon.Question, strings.EXPORT_TITLE,
                      strings.EXPORT_OVERWRITE.format(count=len(existing), folder=folder),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setObjectName("confirmReplaceDialog")
    box.setTextFormat(Qt.TextFormat.PlainText)  # a folder's name is shown as it is written
    try:
        return box.exec() == QMessageBox.StandardButton.Yes
    finally:
        box.deleteLater()


def save_folder(parent) -> Path:
    """Where a save dialog starts: the folder the clinic last saved sheets into, else the
    person's Documents folder (never the program's own folder)."""
    settings = getattr(parent, "settings", None)
    chosen = str(settings.value("print/folder", "") or "") if settings is not None else ""
    if chosen and Path(chosen).is_dir():
        return Path(chosen)
    from PySide6.QtCore import QStandardPaths

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def _remember_folder(parent, path: Path) -> None:
    settings = getattr(parent, "settings", None)
    if settings is not None:
        settings.setValue("print/folder", str(path.parent))


def _with_pdf_suffix(path: Path) -> Path:
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def save_handout_dialog(parent, repo: Repository, store: UserStore | None, code: str,
                        page_size: str = handout.DEFAULT_PAGE_SIZE,
                        lang: str | None = None) -> Path | None:
    """The detail pane's Save as PDF: the one-page handout of `code` (in `lang`)."""
    detail = repo.jurisdiction(code, lang)
    if detail is None:
        return None
    name, _ = QFileDialog.getSaveFileName(parent, strings.HANDOUT_SAVE_TITLE,
                                          str(save_folder(parent)
                                              / handout.handout_file_name(detail)),
                                          strings.HANDOUT_PDF_FILTER)
    if not name:
        return None
    path = _with_pdf_suffix(Path(name))
    _remember_folder(parent, path)
    notes, _ = clinic_notes(store, [code])
    try:
        with _sheet_language(lang):
            handout.write_handout_pdf(detail, repo.info, path, page_size, notes.get(code, ()),
                                      clinic=clinic_profile(store))
    except KnownError as error:
        show_known_error(error, parent)
        return None
    _status(parent, strings.HANDOUT_SAVED.format(path=path))
    return path


def print_handout_dialog(parent, repo: Repository, store: UserStore | None, code: str,
                         page_size: str = handout.DEFAULT_PAGE_SIZE,
                         lang: str | None = None) -> bool:
    """The detail pane's Print: the one-page handout of `code` (in `lang`) through the
    system dialog."""
    detail = repo.jurisdiction(code, lang)
    if detail is None:
        return False
    notes, _ = clinic_notes(store, [code])
    try:
        with _sheet_language(lang):
            return handout.print_handout(detail, repo.info, parent, notes.get(code, ()),
                                         page_size, clinic=clinic_profile(store))
    except KnownError as error:
        show_known_error(error, parent)
        return False


def save_html_pdf_dialog(parent, html: str, suggested_name: str,
                         page_size: str = handout.DEFAULT_PAGE_SIZE) -> Path | None:
    """Save any HTML page (a screener result) as a PDF, asking where."""
    name, _ = QFileDialog.getSaveFileName(parent, strings.HANDOUT_SAVE_TITLE,
                                          str(save_folder(parent) / suggested_name),
                                          strings.HANDOUT_PDF_FILTER)
    if not name:
        return None
    path = _with_pdf_suffix(Path(name))
    _remember_folder(parent, path)
    try:
        handout.write_html_pdf(html, path, page_size)
    except KnownError as error:
        show_known_error(error, parent)
        return None
    _status(parent, strings.HANDOUT_SAVED.format(path=path))
    return path
