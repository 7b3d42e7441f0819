"""The one opener for the reference database: read-only, immutable, fully validated.

Every reader goes through `open_database`: the window, every subcommand, the search thread
and (next) data packages. The file is checked by `desktop.data.validate` before anything
reads it, so a file the app accepts can be shown whole, and one it refuses gets one plain
line. A file already validated in this process (same path, size, times and inode) is not
checked again: the search thread opens its own connection to the same file.

The bundled file is the same on every start, and a full check costs about 6 ms, so it is
validated in full once per computer: its SHA-256 is then kept in `validated-data.txt` in the
user-data folder (`trust_dir`), and a later start only hashes the file (about 1 ms) and
compares. Any other file (`--db`, a data package) is validated in full every time.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from desktop import __version__, strings
from desktop.data.records import DataInfo
from desktop.data.validate import check_file, validate
from desktop.errors import DatabaseError

_validated: dict[tuple, DataInfo] = {}


def read_only_uri(path: Path) -> str:
    """`file:` URI that SQLite opens read-only and treats as unchangeable."""
    return f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1"


def open_database(path: Path | str,
                  trust_dir: Path | None = None) -> tuple[sqlite3.Connection, DataInfo]:
    """Open `path` read-only and check it is a Relief Atlas database we can read, all of it.

    With `trust_dir` (the bundled file: the user-data folder), a file whose SHA-256 was
    recorded there after a full check is not checked again. Raises DatabaseError with a plain
    message for a missing, unreadable, empty, truncated, damaged, foreign, incomplete or
    too-new file. The file's bytes are never written.
    """
    path = Path(path)
    found = check_file(path)
    try:
        uri = read_only_uri(path)
    except (OSError, RuntimeError) as exc:  # resolve(): a link loop appearing meanwhile
        raise DatabaseError(strings.fmt(strings.DB_LINK_LOOP, path=path)) from exc
    key = (uri, found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)
    try:
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        conn.execute("PRAGMA query_only = ON")
    except sqlite3.Error as exc:
        raise DatabaseError(strings.fmt(strings.DB_CORRUPT, path=path), str(exc)) from exc
    try:
        info = _validated.get(key)
        if info is None:
            info = _validated[key] = _trusted_or_validated(conn, path, trust_dir)
        elif info.path != path:
            info = replace(info, path=path)
    except BaseException:
        conn.close()
        raise
    return conn, info


# -- the bundled file, validated once -------------------------------------------------------
TRUST_FILE = "validated-data.txt"
_TRUST_KEEP = 8  # digests remembered (one per data version a laptop has used)


def _trusted_or_validated(conn: sqlite3.Connection, path: Path,
                          trust_dir: Path | None) -> DataInfo:
    if trust_dir is None:
        return validate(conn, path)
    digest = _digest(path)  # with the app's version: a newer app checks the file again
    known = _trusted(trust_dir)
    if digest is not None and digest in known:
        return _info(conn, path)
    info = validate(conn, path)
    if digest is not None:
        _remember(trust_dir, [digest, *known])
    return info


def _digest(path: Path) -> str | None:
    import hashlib

    try:
        with open(path, "rb") as handle:
            return f"{__version__} {hashlib.file_digest(handle, 'sha256').hexdigest()}"
    except OSError:
        return None  # then it is validated in full, which says what is wrong


def _trusted(trust_dir: Path) -> list[str]:
    try:
        text = (trust_dir / TRUST_FILE).read_text(encoding="ascii", errors="replace")
    except (OSError, ValueError):
        return []
    return [line.strip() for line in text.splitlines()[:_TRUST_KEEP] if line.strip()]


def _remember(trust_dir: Path, digests: list[str]) -> None:
    from desktop.data.files import write_atomic
    from desktop.errors import KnownError

    try:
        trust_dir.mkdir(parents=True, exist_ok=True)
        write_atomic(trust_dir / TRUST_FILE,
                     "".join(f"{d}\n" for d in dict.fromkeys(digests[:_TRUST_KEEP])))
    except (OSError, KnownError):
        pass  # a read-only stick: the file is checked in full again next time


def _info(conn: sqlite3.Connection, path: Path) -> DataInfo:
    """The DataInfo of a file that passed the full check before (same bytes)."""
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    (count,) = conn.execute("SELECT count(*) FROM jurisdiction").fetchone()
    return DataInfo(path=path, schema_version=int(meta["schema_version"]),
                    data_as_of=meta.get("data_as_of") or "unknown",
                    content_hash=meta.get("content_hash", ""), jurisdictions=count)
