"""Data packages in the window: File → Update data…, Revert to previous data, What changed,
Trust a data key…, and the data in use in the status bar and in About.

The install runs on a worker thread (`InstallThread`) behind a progress dialog that can be
cancelled, so the window never freezes, even for a large package. When the data in use
changes, `switched` is emitted and the app builds the window again over the new data, on the
same page (`desktop/app.py`); the old connection to the previous file is closed with the old
window, and the previous version folder is kept. The checks and the switch themselves are
`desktop.data.packages` (plain Python), imported when an action runs; this module is imported
after the window's first paint (MainWindow.data_actions).
"""

from __future__ import annotations

import sys
import threading
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup
from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressBar, QProgressDialog

from desktop import strings
from desktop.data.data_in_use import ActiveData, installed_record
from desktop.domain import wording
from desktop.errors import KnownError, crash_report
from desktop.pages.changes import render_changes
from desktop.views.help_dialogs import HelpDialog
from desktop.views.palette import page_colors_of
from desktop.views.window_menus import add_action

if TYPE_CHECKING:

    from desktop.data.changes import PlaceChanges

PROGRESS_STEPS = 1000


class InstallThread(QThread):
    """`packages.install` off the GUI thread; reports progress, then success or the error."""

    progressed = Signal(str, int, int)
    succeeded = Signal(object)   # the Manifest
    failed = Signal(object)      # the KnownError (PackageError, OlderData, Cancelled)

    def __init__(self, package: Path, user_dir: Path, allow_older: bool, parent=None):
        super().__init__(parent)
        self.package, self.user_dir, self.allow_older = package, user_dir, allow_older
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, stage: str, done: int, total: int) -> None:
        from desktop.data.packages import Cancelled

        if self._cancel.is_set() and stage != "done":
            raise Cancelled(strings.PKG_CANCELLED)
        self.progressed.emit(stage, done, total)

    def run(self) -> None:
        from desktop.data import packages
        try:
            manifest = packages.install(self.package, self.user_dir, self._progress,
                                        allow_older=self.allow_older)
        except KnownError as error:
            self.failed.emit(error)
        except Exception as error:  # noqa: BLE001 (a bug: one line, the report in the detail)
            self.failed.emit(KnownError(f"{type(error).__name__}: {error}",
                                        crash_report(*sys.exc_info())))
        else:
            self.succeeded.emit(manifest)


class DataActions(QObject):
    """The data-package actions of one main window."""

    switched = Signal(bool)   # the data in use changed; True: show what changed afterwards
    installFinished = Signal(bool)

    def __init__(self, window, user_dir: Path, active: ActiveData | None):
        super().__init__(window)
        self.window, self.user_dir, self.active = window, Path(user_dir), active
        # Not `thread`: that is QObject.thread(), the thread this object lives in.
        self.install_thread: InstallThread | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.last_error: str | None = None
        explicit = active is None  # --db: the window shows that file, packages do not apply
        make = partial(add_action, window)
        self.update_action = make(strings.DATA_MENU_UPDATE, lambda: self.update_data(),
                                  name="updateDataAction")
        self.revert_action = make(strings.DATA_MENU_REVERT, lambda: self.revert(),
                                  name="revertDataAction")
        self.changes_action = make(strings.DATA_MENU_CHANGES, lambda: self.show_changes(),
                                   name="dataChangesAction")
        self.trust_action = make(strings.DATA_MENU_TRUST, lambda: self.trust_key(),
                                 name="trustKeyAction")
        actions = [self.update_action, self.revert_action, self.changes_action,
                   self.trust_action]
        for action in actions:
            action.setEnabled(not explicit)
            if explicit:
                action.setToolTip(strings.DATA_EXPLICIT_FILE)
        menu = window.file_menu
        menu.insertActions(window.quit_action, actions)
        menu.insertSeparator(window.quit_action)
        self.revert_action.setEnabled(not explicit and self._can_revert())
        if active is not None and active.notice:
            window.statusBar().showMessage(active.notice, 60000)

    # -- what the window says about its data (the status bar's line: views/data_status.py) --
    def about_lines(self) -> list[str]:
        lines = []
        if self.active is not None and self.active.origin == "package":
            installed = _installed_from(self.user_dir, self.active.folder)
            lines.append(strings.ABOUT_SIGNED.format(
                version=self.active.data_version, file=installed or "—",
                signer=self.active.signer or strings.PKG_SIGNER_UNKNOWN))
        if self.active is not None and self.active.notice:
            lines.append(strings.ABOUT_NOTICE.format(notice=self.active.notice))
        return lines

    def _can_revert(self) -> bool:
        from desktop.data import packages

        try:
            pointer = packages.read_pointer(self.user_dir)
        except packages.PackageError:
            return False
        return pointer["active"] is not None or pointer["previous"] is not None

    # -- File → Update data… --------------------------------------------------------------
    def update_data(self, package: Path | None = None, allow_older: bool = False) -> bool:
        """Choose a package (unless given) and install it behind a progress dialog. Returns
        whether an install was started; the outcome arrives by `installFinished`."""
        if self.install_thread is not None:
            return False
        package = package or self._choose(strings.DATA_CHOOSE_TITLE, strings.DATA_CHOOSE_FILTER)
        if package is None:
            return False
        self._last_package = Path(package)
        self._show_progress()
        thread = self.install_thread = InstallThread(Path(package), self.user_dir, allow_older,
                                                     self)
        thread.progressed.connect(self._progressed)
        thread.succeeded.connect(self._installed)
        thread.failed.connect(self._failed)
        thread.finished.connect(self._thread_done)
        thread.start()
        return True

    def _show_progress(self) -> None:
        dialog = QProgressDialog(strings.DATA_PROGRESS["verify"], strings.DATA_PROGRESS_CANCEL,
                                 0, PROGRESS_STEPS, self.window)
        dialog.setObjectName("dataProgressDialog")
        dialog.setAccessibleName(strings.DATA_PROGRESS_TITLE)
        dialog.setWindowTitle(strings.DATA_PROGRESS_TITLE)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)   # a real package is done before it would appear
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        bar = QProgressBar(dialog)
        bar.setObjectName("dataProgressBar")
        bar.setAccessibleName(strings.A11Y_DATA_PROGRESS)
        dialog.setBar(bar)
        dialog.canceled.connect(self._cancel)
        dialog.setValue(0)
        self.progress_dialog = dialog

    def _cancel(self) -> None:
        if self.install_thread is not None:
            self.install_thread.cancel()

    def _progressed(self, stage: str, done: int, total: int) -> None:
        dialog = self.progress_dialog
        if dialog is None:
            return
        dialog.setLabelText(strings.DATA_PROGRESS.get(stage, ""))
        if stage == "copy" and total:
            dialog.setValue(int(PROGRESS_STEPS * 0.9 * done / total))
        elif stage == "check":
            dialog.setValue(int(PROGRESS_STEPS * 0.9))
        elif stage in ("switch", "done"):
            dialog.setValue(PROGRESS_STEPS - 1)

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect(self._cancel)
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def _thread_done(self) -> None:
        thread, self.install_thread = self.install_thread, None
        if thread is not None:
            thread.deleteLater()

    def _installed(self, manifest) -> None:
        self._close_progress()
        self.last_error = None
        message = strings.DATA_INSTALLED.format(
            as_of=wording.date_text(manifest.data_as_of), version=manifest.data_version,
            signer=manifest.key.name)
        self.window.statusBar().showMessage(message, 30000)
        self.installFinished.emit(True)
        self.switched.emit(True)

    def _failed(self, error) -> None:
        from desktop.data.packages import OlderData

        self._close_progress()
        if isinstance(error, OlderData) and self.ask_older(error.one_line()):
            self.update_data(self._last_package, allow_older=True)
            return
        line = f"{error.one_line()} {strings.PKG_UNCHANGED}"
        self.last_error = line
        self.window.statusBar().showMessage(line, 30000)
        self.installFinished.emit(False)
        if self.window.isVisible():
            box = QMessageBox(QMessageBox.Icon.Warning, strings.PKG_ERROR_TITLE, line,
                              QMessageBox.StandardButton.Ok, self.window)
            box.setObjectName("dataUpdateFailedDialog")
            box.setAccessibleName(strings.PKG_ERROR_TITLE)
            box.open()
            self.failed_box = box

    _last_package: Path | None = None

    def ask_older(self, line: str) -> bool:
        """Ask before going back to older data (a question, as for a downgrade)."""
        box = QMessageBox(QMessageBox.Icon.Question, strings.DATA_OLDER_TITLE, line,
                          QMessageBox.StandardButton.Cancel, self.window)
        box.setObjectName("dataOlderDialog")
        box.setAccessibleName(strings.DATA_OLDER_TITLE)
        install = box.addButton(strings.DATA_OLDER_INSTALL, QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        return box.clickedButton() is install

    def _choose(self, title: str, name_filter: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self.window, title, "", name_filter)
        return Path(name) if name else None

    def confirm(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(self.window, title, question)
        return answer == QMessageBox.StandardButton.Yes

    # -- File → Revert to previous data ---------------------------------------------------
    def revert(self, confirm: bool = True) -> bool:
        from desktop.data import packages
        try:
            found = packages.status(self.user_dir)
        except KnownError as error:
            self.window.statusBar().showMessage(error.one_line(), 30000)
            return False
        if found["previous"] is None:
            self.window.statusBar().showMessage(strings.PKG_NO_PREVIOUS, 30000)
            return False
        from desktop.commands.data import describe

        what = describe(found["previous"])
        if confirm and not self.confirm(strings.DATA_REVERT_TITLE,
                                        strings.DATA_REVERT_ASK.format(what=what)):
            return False
        try:
            packages.revert(self.user_dir)
        except KnownError as error:
            self.last_error = error.one_line()
            self.window.statusBar().showMessage(error.one_line(), 30000)
            return False
        self.window.statusBar().showMessage(strings.DATA_REVERTED.format(what=what), 30000)
        self.switched.emit(False)
        return True

    # -- What changed ---------------------------------------------------------------------
    def changes(self) -> tuple[list[PlaceChanges], str, str] | None:
        """(places, old label, new label) between the previous data and the data in use;
        None when no package was ever installed."""
        from desktop.data import packages
        from desktop.data.changes import diff_databases

        found = packages.status(self.user_dir)
        if found["previous"] is None or "path" not in found["active"]:
            return None
        old, new = found["previous"], found["active"]
        return (diff_databases(Path(old["path"]), Path(new["path"])), _data_label(old),
                _data_label(new))

    def show_changes(self):
        try:
            found = self.changes() if self.active is not None else None
        except KnownError as error:
            self.window.statusBar().showMessage(error.one_line(), 30000)
            return None
        if found is None:
            html = Markup("<h2>{}</h2><p>{}</p>").format(
                strings.DATA_CHANGES_TITLE, strings.fmt(strings.DATA_CHANGES_NOTHING))
        else:
            html = render_changes(*found, colors=page_colors_of(self.window))
        dialog = HelpDialog(strings.DATA_CHANGES_TITLE, html, "dataChangesDialog", self.window)
        dialog.text.setAccessibleName(strings.A11Y_CHANGES_PAGE)
        dialog.setAccessibleName(strings.DATA_CHANGES_TITLE)
        dialog.resize(720, 560)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.changes_dialog = dialog
        return dialog

    # -- File → Trust a data key… ---------------------------------------------------------
    def trust_key(self, pubfile: Path | None = None, confirm: bool = True) -> bool:
        from desktop.data import keys
        pubfile = pubfile or self._choose(strings.DATA_MENU_TRUST.replace("&", ""),
                                          strings.DATA_CHOOSE_KEY_FILTER)
        if pubfile is None:
            return False
        try:
            key = keys.load_public(pubfile)
            question = strings.DATA_TRUST_ASK.format(name=key.name, fingerprint=key.fingerprint)
            if confirm and not self.confirm(strings.DATA_TRUST_TITLE, question):
                return False
            keys.trust(self.user_dir, key)
        except KnownError as error:
            self.window.statusBar().showMessage(error.one_line(), 30000)
            return False
        self.window.statusBar().showMessage(strings.PKG_CLI_TRUSTED.format(
            name=key.name, fingerprint=key.fingerprint), 30000)
        return True


def _data_label(entry: dict) -> str:
    return strings.CHANGES_FROM_DATA.format(as_of=wording.date_text(entry.get("data_as_of")),
                                            hash=str(entry.get("content_hash"))[:12])


def _installed_from(user_dir: Path, folder: str | None) -> str | None:
    if folder is None:
        return None
    return str(installed_record(user_dir, folder).get("installed_from") or "") or None

