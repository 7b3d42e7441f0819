"""The one opener for the bundled database: read-only, immutable, version-checked."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop import strings
from desktop.data.records import DataInfo
from desktop.data.schema import SCHEMA_VERSION
from desktop.errors import DatabaseError

_SQLITE_MAGIC = b"SQLite format 3\x00"


def read_only_uri(path: Path) -> str:
    """`file:` URI that SQLite opens read-only and treats as unchangeable."""
    return f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1"


def open_database(path: Path | str) -> tuple[sqlite3.Connection, DataInfo]:
    """Open `path` read-only and check it is a Relief Atlas database we can read.

    Raises DatabaseError with a plain message for a missing, empty, damaged, foreign or
    too-new file. The file's bytes are never written.
    """
    path = Path(path)
    if not path.exists():
        raise DatabaseError(strings.fmt(strings.DB_MISSING, path=path), strings.DB_MISSING_HINT)
    if not path.is_file():
        raise DatabaseError(strings.fmt(strings.DB_NOT_A_FILE, path=path))
    try:
        with path.open("rb") as handle:
            header = handle.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise DatabaseError(strings.fmt(strings.DB_CORRUPT, path=path), str(exc)) from exc
    if not header:
        raise DatabaseError(strings.fmt(strings.DB_EMPTY, path=path))
    if header != _SQLITE_MAGIC:
        raise DatabaseError(strings.fmt(strings.DB_CORRUPT, path=path))
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, check_same_thread=False)
    except sqlite3.Error as exc:
        raise DatabaseError(strings.fmt(strings.DB_CORRUPT, path=path), str(exc)) from exc
    try:
        info = _check(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn, info


def _check(conn: sqlite3.Connection, path: Path) -> DataInfo:
    try:
        conn.execute("PRAGMA query_only = ON")
        (integrity,) = conn.execute("PRAGMA quick_check").fetchone()
        if integrity != "ok":
            raise DatabaseError(strings.fmt(strings.DB_CORRUPT, path=path), integrity)
        has_meta = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
        if not has_meta:
            raise DatabaseError(strings.fmt(strings.DB_NOT_OURS, path=path))
        meta = dict(conn.execute("SELECT key, value FROM meta"))
    except sqlite3.Error as exc:
        raise DatabaseError(strings.fmt(strings.DB_CORRUPT, path=path), str(exc)) from exc
    try:
        version = int(meta["schema_version"])
    except (KeyError, ValueError) as exc:
        raise DatabaseError(strings.fmt(strings.DB_BAD_VERSION, path=path)) from exc
    if version > SCHEMA_VERSION:
        raise DatabaseError(strings.fmt(strings.DB_NEWER, path=path, found=version,
                                        supported=SCHEMA_VERSION))
    if version < 1:
        raise DatabaseError(strings.fmt(strings.DB_BAD_VERSION, path=path))
    return DataInfo(
        path=path, schema_version=version, data_as_of=meta.get("data_as_of", "unknown"),
        content_hash=meta.get("content_hash", ""),
        jurisdictions=int(meta.get("jurisdictions", "0") or 0),
    )
