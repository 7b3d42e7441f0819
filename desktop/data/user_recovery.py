"""What happens when the clinic's file, user.db, cannot be used as it is.

Volunteers depend on it, so nothing is ever silently lost:
- a file that is busy (another window), read-only, on a full disk or unreadable is left
  alone, and the person gets one plain sentence (`explain`, `plain_errors`);
- a file from a newer version of the app is refused, never moved;
- a file whose notes are intact but whose search index is damaged gets the index rebuilt
  from the notes, after a copy of the file as found is kept beside it (`rebuild_damaged`);
- any other damaged or foreign file is set aside: renamed to `<name>.corrupt-<time>` with
  its -wal/-shm/-journal, never deleted (`set_aside`), and a new store is started.

Files are inspected with a read-only connection: a read-write one would delete the -wal
and -shm files of a damaged file when it closes, and they may hold the last notes written.
Plain Python: no Qt.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from desktop import strings
from desktop.data import user_schema as schema
from desktop.errors import UserDataError

_SIDECARS = ("-wal", "-shm", "-journal")


class Damaged(Exception):
    """The file at open is not usable user data and must be set aside."""


def explain(exc: sqlite3.Error, path: Path) -> str | None:
    """A plain sentence for an error the person can act on; None for a bug."""
    primary = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if primary == sqlite3.SQLITE_FULL:
        return strings.USERDATA_DISK_FULL
    if primary in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM):
        return strings.fmt(strings.USERDATA_READ_ONLY, path=path)
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return strings.fmt(strings.USERDATA_BUSY)
    if primary in (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN):
        return strings.fmt(strings.USERDATA_IO, path=path)
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return strings.fmt(strings.USERDATA_DAMAGED, path=path)
    return None


@contextlib.contextmanager
def plain_errors(path: Path, title: str) -> Iterator[None]:
    """Turn SQLite errors a person can act on into UserDataError; let bugs through."""
    try:
        yield
    except sqlite3.Error as exc:
        message = explain(exc, path)
        if message is None:
            raise
        raise UserDataError(message, str(exc), title) from exc


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that can neither write nor remove the file's -wal and -shm."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def inspect(path: Path) -> bool:
    """True for an empty file, False for a usable store; raise Damaged for anything else
    (a busy or unreadable file is not damage: UserDataError, and the file is left alone)."""
    try:
        conn = read_only(path)
        try:
            (integrity,) = conn.execute("PRAGMA quick_check").fetchone()
            (app_id,) = conn.execute("PRAGMA application_id").fetchone()
            (version,) = conn.execute("PRAGMA user_version").fetchone()
            tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
            columns = {table: [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
                       for table in schema.EXPECTED_COLUMNS}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if schema.is_damage(exc):
            raise Damaged(str(exc)) from exc
        message = explain(exc, path)  # busy, unreadable: not damage, so leave the file alone
        if message is None:
            raise
        raise UserDataError(message, str(exc), strings.USERDATA_OPEN_TITLE) from exc
    if integrity != "ok":
        raise Damaged(integrity)
    if not tables and app_id == 0 and version == 0:
        return True
    if app_id != schema.APPLICATION_ID:
        raise Damaged("not Relief Atlas user data")
    if version > schema.SCHEMA_VERSION:  # a newer app's data: refuse, but never move it
        raise UserDataError(strings.fmt(strings.USERDATA_NEWER, found=version,
                                        supported=schema.SCHEMA_VERSION, path=path),
                            title=strings.USERDATA_OPEN_TITLE)
    if version < 1 or columns != schema.EXPECTED_COLUMNS:
        raise Damaged(f"unexpected schema (version {version})")
    return False


def rebuild_damaged(path: Path) -> bool:
    """For a file that fails the checks at open: if only its search index is damaged,
    rebuild the index and keep the file (a copy of it as found is kept beside it first).
    False when the notes themselves are damaged: the caller sets the file aside."""
    try:
        probe = read_only(path)
        try:
            (app_id,) = probe.execute("PRAGMA application_id").fetchone()
            probe.execute(f"SELECT {schema.NOTE_COLUMNS} FROM local_note").fetchall()
            probe.execute("SELECT code, created FROM bookmark").fetchall()
        finally:
            probe.close()
    except sqlite3.DatabaseError:
        return False
    if app_id != schema.APPLICATION_ID:
        return False
    import shutil

    try:
        copy = _free_name(path)
        for suffix in ("", *_SIDECARS):
            if Path(f"{path}{suffix}").exists():
                shutil.copy2(f"{path}{suffix}", f"{copy}{suffix}")
        conn = sqlite3.connect(path, isolation_level=None, timeout=5.0)
        try:
            ok = schema.rebuild_index_safely(conn)
        finally:
            conn.close()
        return ok and not inspect(path)
    except (OSError, sqlite3.DatabaseError, Damaged, UserDataError):
        return False


def _free_name(path: Path) -> Path:
    """<name>.corrupt-<time>, numbered if taken (with any of its sidecars)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 2
    while any(Path(f"{target}{suffix}").exists() for suffix in ("", *_SIDECARS)):
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    return target


def set_aside(path: Path) -> Path:
    """Rename a damaged file (and its -wal/-shm/-journal) to <name>.corrupt-<time>; never
    delete. Sidecars keep their suffix so SQLite tools can still open the pair."""
    target = _free_name(path)
    try:
        path.rename(target)
        for suffix in _SIDECARS:
            sidecar = Path(f"{path}{suffix}")
            if sidecar.exists():
                sidecar.rename(f"{target}{suffix}")
    except OSError as exc:
        raise UserDataError(strings.fmt(strings.USERDATA_SET_ASIDE_FAILED, path=path), str(exc),
                            strings.USERDATA_OPEN_TITLE) from exc
    return target
