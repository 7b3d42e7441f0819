"""File → Import clinic notes: the import runs on a worker thread behind a progress dialog
that can be cancelled, so 100,000 notes never freeze the window.

The worker opens its own connection to the notes file (a SQLite connection belongs to one
thread) and calls `UserStore.import_file`, which checks the whole file first and writes it in
one transaction: a cancel, a refusal or a full disk leaves the notes exactly as they were.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Collection
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog

from desktop import strings
from desktop.data.user_store import UserStore
from desktop.data.user_transfer import ImportResult
from desktop.errors import KnownError, crash_report


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal()

    def __init__(self, store_path: Path, file: Path, codes: Collection[str]):
        super().__init__()
        self._store_path, self._file, self._codes = store_path, file, codes
        self.cancelled = threading.Event()
        self.outcome: ImportResult | KnownError | str | None = None  # str: a crash report

    @Slot()
    def run(self) -> None:
        try:
            with UserStore.open(self._store_path) as store:
                self.outcome = store.import_file(self._file, self._codes, self._progress)
        except KnownError as error:
            self.outcome = error
        except Exception:  # noqa: BLE001 - a bug: reported by the GUI thread
            self.outcome = crash_report(*sys.exc_info())
        self.finished.emit()

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self.cancelled.is_set()


class _Progress(QProgressDialog):
    """The dialog; lives in the GUI thread, so the worker's reports are queued to it."""

    def __init__(self, parent=None):
        super().__init__(strings.IMPORT_PROGRESS, strings.IMPORT_PROGRESS_CANCEL, 0, 0, parent)
        self.setObjectName("notesImportProgress")
        self.setWindowTitle(strings.ACTION_IMPORT_NOTES.rstrip("…."))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)  # a small file is done before the dialog would show
        self.setAutoReset(False)
        self.setAutoClose(False)

    @Slot(int, int)
    def report(self, done: int, total: int) -> None:
        if self.maximum() != total:
            self.setMaximum(max(total, 1))
        self.setValue(min(done, total))


def import_notes(parent, store_path: Path, file: Path,
                 codes: Collection[str]) -> ImportResult:
    """Import `file` into the notes at `store_path` with a progress dialog; returns the
    counts, or raises KnownError (ImportCancelled when the person cancelled)."""
    worker = _Worker(store_path, file, codes)
    thread = QThread()
    thread.setObjectName("notesImportThread")
    worker.moveToThread(thread)
    dialog = _Progress(parent)
    loop = QEventLoop()
    thread.started.connect(worker.run)
    worker.progressed.connect(dialog.report)
    worker.finished.connect(loop.quit)
    dialog.canceled.connect(worker.cancelled.set)
    thread.start()
    try:
        loop.exec()  # the window keeps painting; the dialog is modal to it
    finally:
        thread.quit()
        thread.wait()
        dialog.close()
        dialog.deleteLater()
    outcome = worker.outcome
    if isinstance(outcome, ImportResult):
        return outcome
    if isinstance(outcome, KnownError):
        raise outcome
    from desktop.views.error_dialogs import CrashDialog

    CrashDialog(str(outcome), parent).exec()
    raise KnownError(strings.IMPORT_CANCELLED)
