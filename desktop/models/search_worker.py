"""Search that never blocks the window: queries run on a worker thread, and a new keystroke
supersedes the one in flight (it is interrupted and its late results are dropped)."""

from __future__ import annotations

import atexit
import sqlite3
import sys
import weakref
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from desktop import strings
from desktop.data.records import SearchHit
from desktop.data.repository import Repository
from desktop.data.user_store import UserStore
from desktop.errors import KnownError, crash_report


def _interrupted(exc: BaseException | None) -> bool:
    """A query stopped by `interrupt()` (a newer keystroke), told by SQLite's error code."""
    while exc is not None:
        if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_INTERRUPT:
            return True
        exc = exc.__cause__ or exc.__context__
    return False


class _Worker(QObject):
    """Runs a search on its own thread: the reference data and the clinic's own notes,
    merged here (the clinic's notes first), so the window only shows what arrives."""

    done = Signal(int, str, list)
    failed = Signal(str)  # a crash report; shown by the GUI thread, never from here

    def __init__(self, db_path: Path, notes_path: Path | None = None,
                 names: dict[str, str] | None = None):
        super().__init__()
        self._db_path = db_path
        self._notes_path = notes_path
        self._names = names or {}
        self._repo: Repository | None = None
        self._notes: UserStore | None = None
        self.latest = 0  # written by the GUI thread; a plain int is atomic under the GIL

    @property
    def repo(self) -> Repository:
        if self._repo is None:  # opened in the worker thread, used only there
            self._repo = Repository.open(self._db_path)
        return self._repo

    @Slot(int, str)
    def run(self, generation: int, text: str) -> None:
        if generation != self.latest:
            return  # superseded before it started
        try:
            hits = self.repo.search(text)
        except Exception as exc:  # noqa: BLE001 - reported to the GUI thread below
            if not _interrupted(exc):  # an interrupted query is expected
                self.failed.emit(crash_report(*sys.exc_info()))
            return
        if generation == self.latest:
            self.done.emit(generation, text, self._note_hits(text) + hits)

    def _note_hits(self, text: str) -> list[SearchHit]:
        """The clinic's notes that match, titled with their place; none when the notes file
        is missing or cannot be read (the window says why, once)."""
        if self._notes_path is None:
            return []
        try:
            if self._notes is None:
                self._notes = UserStore.open_read_only(self._notes_path)
            found = self._notes.search(text) if self._notes is not None else []
        except KnownError:
            return []
        return [replace(h, title=strings.LOCAL_NOTE_HIT.format(
                    place=self._names.get(h.jurisdiction, h.jurisdiction))) for h in found]

    def interrupt(self) -> None:
        if self._repo is not None:
            self._repo.interrupt()

    @Slot()
    def close(self) -> None:
        if self._repo is not None:
            self._repo.close()
            self._repo = None
        if self._notes is not None:
            self._notes.close()
            self._notes = None


_LIVE: weakref.WeakSet[SearchController] = weakref.WeakSet()


@atexit.register
def _stop_all() -> None:
    """A QThread still running when Python exits aborts the process: stop them all."""
    for controller in list(_LIVE):
        controller.shutdown()


class SearchController(QObject):
    """Owns the worker thread (started on the first search). `search(text)`; results arrive
    through `results(text, hits)`. Call `shutdown()` when done (the window does on close)."""

    results = Signal(str, list)
    failed = Signal(str)
    _request = Signal(int, str)
    _close = Signal()

    def __init__(self, db_path: Path, parent=None, notes_path: Path | None = None,
                 names: dict[str, str] | None = None):
        super().__init__(parent)
        self._generation = 0
        self._thread = QThread()
        self._thread.setObjectName("searchThread")
        self._worker = _Worker(db_path, notes_path, names)
        self._worker.moveToThread(self._thread)
        self._request.connect(self._worker.run)
        self._close.connect(self._worker.close)
        self._worker.done.connect(self._deliver)
        self._worker.failed.connect(self.failed)
        _LIVE.add(self)

    def search(self, text: str) -> None:
        self._generation += 1
        self._worker.latest = self._generation
        self._worker.interrupt()
        if text.strip():
            if not self._thread.isRunning():
                self._thread.start()
            self._request.emit(self._generation, text)
        else:
            self.results.emit(text, [])

    def _deliver(self, generation: int, text: str, hits: list[SearchHit]) -> None:
        if generation == self._generation:
            self.results.emit(text, hits)

    def shutdown(self) -> None:
        if self._thread.isRunning():
            self._worker.latest = -1
            self._worker.interrupt()
            self._close.emit()
            self._thread.quit()
            self._thread.wait()
