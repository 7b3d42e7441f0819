"""Is this file a Relief Atlas database the app can read, all of it? One validator for the
window, every subcommand and (next) data packages.

`check_file(path)` looks at the file itself before SQLite does: that it exists, is a regular
file that can be read, starts like a SQLite database and is exactly as long as its header says
(a file cut short by one byte is noticed). `validate(conn, path)` then checks the contents
against the declaration in `desktop/data/schema.py` (never restated here): every table and
column the app reads, the type of every value, NOT NULLs, enum values, dates, that every
referenced row (every source) exists, the `meta` values, and that the search index answers.
Either the file passes whole, or a `DatabaseError` says in one plain line what is wrong.

Checks are aggregate queries (one scan per table) plus an FTS5 integrity check on an
in-memory copy (the file itself is opened read-only and immutable): about 5 ms on the
bundled file; `benchmarks/run.py` records it. Plain Python: no Qt.
"""

from __future__ import annotations

import errno
import os
import re
import sqlite3
import stat
from pathlib import Path

from desktop import strings
from desktop.data.records import DataInfo
from desktop.data.schema import ENUMS, FTS_TABLE, OPTIONAL_TABLES, SCHEMA_VERSION, TABLES
from desktop.errors import DatabaseError

SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_BYTES = 100
_FTS = f"{FTS_TABLE}_fts"
# What a value of each declared Python type may be stored as (NULL is checked apart).
_STORAGE = {str: ("text",), int: ("integer",), float: ("real", "integer")}
_TYPE_WORD = {str: "text", int: "a whole number", float: "a number"}
_PARTIAL_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?", re.ASCII)
_HASH = re.compile(r"[0-9a-f]{64}", re.ASCII)
_DIGITS = re.compile(r"[0-9]{1,6}", re.ASCII)
# Extra well-formedness the readers rely on: (table, column) -> GLOB pattern.
_PATTERNS = {("jurisdiction", "code"): "[A-Z][A-Z]"}


# -- the file itself ------------------------------------------------------------------------
def check_file(path: Path) -> os.stat_result:
    """Refuse, in plain words, a path SQLite should not be asked to open."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise _os_error(exc, path) from exc
    if not stat.S_ISREG(info.st_mode):
        raise DatabaseError(strings.fmt(strings.DB_NOT_A_FILE, path=path))
    if info.st_size == 0:
        raise DatabaseError(strings.fmt(strings.DB_EMPTY, path=path))
    try:
        with open(path, "rb") as handle:
            header = handle.read(_HEADER_BYTES)
    except OSError as exc:
        raise _os_error(exc, path) from exc
    if len(header) < _HEADER_BYTES or not header.startswith(SQLITE_MAGIC):
        raise DatabaseError(strings.fmt(strings.DB_CORRUPT, path=path))
    expected = _expected_size(header)
    if expected is not None and expected != info.st_size:
        raise DatabaseError(strings.fmt(strings.DB_WRONG_SIZE, path=path, size=info.st_size,
                                        expected=expected))
    return info


def _expected_size(header: bytes) -> int | None:
    """The file size the SQLite header states (page size × page count), when it states one."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    change_counter, valid_for = header[24:28], header[92:96]
    if page_size < 512 or page_size & (page_size - 1) or pages == 0 or change_counter != valid_for:
        return None  # an old writer: the page count in the header is not kept up to date
    return page_size * pages


def _os_error(exc: OSError, path: Path) -> DatabaseError:
    """What is true about a file that cannot be opened, in plain words."""
    if exc.errno == errno.ENOENT:
        return DatabaseError(strings.fmt(strings.DB_MISSING, path=path), strings.DB_MISSING_HINT)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return DatabaseError(strings.fmt(strings.DB_UNREADABLE, path=path))
    if exc.errno == errno.ELOOP:
        return DatabaseError(strings.fmt(strings.DB_LINK_LOOP, path=path))
    if exc.errno == errno.EISDIR:
        return DatabaseError(strings.fmt(strings.DB_NOT_A_FILE, path=path))
    if exc.errno == errno.ENAMETOOLONG:
        return DatabaseError(strings.fmt(strings.DB_MISSING, path=path))
    return DatabaseError(strings.fmt(strings.DB_READ_FAILED, path=path,
                                     reason=exc.strerror or exc))


# -- the contents ---------------------------------------------------------------------------
class _Invalid(Exception):
    """One plain problem with the contents (a clause for strings.DB_INVALID)."""


def validate(conn: sqlite3.Connection, path: Path) -> DataInfo:
    """Check everything the app reads; return the file's DataInfo or raise DatabaseError."""
    try:
        (integrity,) = conn.execute("PRAGMA quick_check").fetchone()
        if integrity != "ok":
            raise DatabaseError(strings.fmt(strings.DB_CORRUPT, path=path), integrity)
        tables = _tables(conn)
        if "meta" not in tables:
            raise DatabaseError(strings.fmt(strings.DB_NOT_OURS, path=path))
        version, meta = _version(conn, tables, path)
        _check_tables(conn, tables)
        count = _check_meta(conn, meta)
        _check_search(conn, tables)
    except _Invalid as problem:
        raise DatabaseError(strings.fmt(strings.DB_INVALID, path=path, problem=problem)) from None
    except sqlite3.Error as exc:
        raise DatabaseError(strings.fmt(strings.DB_CORRUPT, path=path), str(exc)) from exc
    return DataInfo(path=path, schema_version=version,
                    data_as_of=meta.get("data_as_of") or "unknown",
                    content_hash=meta.get("content_hash", ""), jurisdictions=count)


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}


def _version(conn, tables, path) -> tuple[int, dict[str, str]]:
    columns = _columns(conn, "meta")
    if not {"key", "value"} <= columns:
        raise DatabaseError(strings.fmt(strings.DB_NOT_OURS, path=path))
    meta: dict[str, str] = {}
    for key, value in conn.execute("SELECT key, value FROM meta"):
        if isinstance(key, str):
            meta[key] = value
    raw = meta.get("schema_version")
    if not isinstance(raw, str) or not _DIGITS.fullmatch(raw):
        raise DatabaseError(strings.fmt(strings.DB_BAD_VERSION, path=path))
    version = int(raw)
    if version > SCHEMA_VERSION:
        raise DatabaseError(strings.fmt(strings.DB_NEWER, path=path, found=version,
                                        supported=SCHEMA_VERSION))
    if version < 1:
        raise DatabaseError(strings.fmt(strings.DB_BAD_VERSION, path=path))
    for table in TABLES:
        if table not in tables and table not in OPTIONAL_TABLES:
            raise _Invalid(strings.fmt(strings.VALID_NO_TABLE, table=table))
    return version, meta


def _check_tables(conn: sqlite3.Connection, tables: set[str]) -> None:
    present = {t: _columns(conn, t) for t in TABLES if t in tables}
    for table, columns in present.items():
        spec = TABLES[table]
        optional = set(spec.get("optional", ()))
        for column in spec["columns"]:
            if column not in columns and column not in optional:
                raise _Invalid(strings.fmt(strings.VALID_NO_COLUMN, table=table, column=column))
    for table, columns in present.items():
        _check_values(conn, table, columns)
    for table, columns in present.items():
        for column, other, other_column in TABLES[table]["fks"]:
            if column in columns and other in present:
                _check_reference(conn, table, column, other, other_column)


def _checks(table: str, columns: set[str]) -> list[tuple[str, str, str, str]]:
    """(column, what is wrong, SQL that is true for a bad value, template) for `table`."""
    spec = TABLES[table]
    found = []
    for column, kind in spec["columns"].items():
        if column not in columns:
            continue
        q = f'"{column}"'
        allowed = ", ".join(f"'{t}'" for t in (*_STORAGE[kind], "null"))
        found.append((column, _TYPE_WORD[kind], f"typeof({q}) NOT IN ({allowed})",
                      strings.VALID_WRONG_TYPE))
        if column in spec["not_null"]:
            found.append((column, "", f"{q} IS NULL", strings.VALID_NULL))
        enum = spec.get("enums", {}).get(column)
        if enum is not None:
            values = ", ".join("'" + v.replace("'", "''") + "'" for v in ENUMS[enum])
            found.append((column, "", f"{q} NOT IN ({values})", strings.VALID_ENUM))
        pattern = _PATTERNS.get((table, column))
        if pattern is not None:
            found.append((column, "", f"{q} NOT GLOB '{pattern}'", strings.VALID_BAD_VALUE))
    return found


def _check_values(conn: sqlite3.Connection, table: str, columns: set[str]) -> None:
    checks = _checks(table, columns)
    if checks:
        # One scan: a count of bad values per check; the first bad value is then looked up.
        counts = conn.execute(
            "SELECT " + ", ".join(f"count(*) FILTER (WHERE {bad})" for _, _, bad, _ in checks)
            + f' FROM "{table}"').fetchone()
        for (column, expected, bad, template), n in zip(checks, counts, strict=False):
            if n:
                (value,) = conn.execute(
                    f'SELECT "{column}" FROM "{table}" WHERE {bad} LIMIT 1').fetchone()
                raise _Invalid(strings.fmt(template, table=table, column=column,
                                           expected=expected, value=_shown(value)))
    for column, form in TABLES[table].get("dates", {}).items():
        if column not in columns:
            continue
        for (value,) in conn.execute(
                f'SELECT DISTINCT "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL'):
            if not _is_date(value, full=form == "full"):
                raise _Invalid(strings.fmt(strings.VALID_BAD_DATE, table=table, column=column,
                                           value=_shown(value)))


def _check_reference(conn, table: str, column: str, other: str, other_column: str) -> None:
    row = conn.execute(
        f'SELECT t."{column}" FROM "{table}" AS t WHERE t."{column}" IS NOT NULL AND NOT EXISTS'
        f' (SELECT 1 FROM "{other}" AS o WHERE o."{other_column}" = t."{column}") LIMIT 1'
    ).fetchone()
    if row is not None:
        raise _Invalid(strings.fmt(strings.VALID_MISSING_REF, table=table, column=column,
                                   value=_shown(row[0]), other=other))


def _check_meta(conn: sqlite3.Connection, meta: dict[str, str]) -> int:
    """The meta values the app shows; returns the number of places."""
    (count,) = conn.execute("SELECT count(*) FROM jurisdiction").fetchone()
    if not count:
        raise _Invalid(strings.fmt(strings.VALID_NO_PLACES))
    expected = {
        "data_as_of": (lambda v: v == "unknown" or _is_date(v), strings.VALID_META_DATE),
        "content_hash": (lambda v: bool(_HASH.fullmatch(v)), strings.VALID_META_HASH),
        "jurisdictions": (lambda v: bool(_DIGITS.fullmatch(v)) and int(v) == count,
                          strings.VALID_META_COUNT),
    }
    for key, (ok, what) in expected.items():
        if key not in meta:
            continue
        value = meta[key]
        if not isinstance(value, str) or not ok(value):
            raise _Invalid(strings.fmt(strings.VALID_META, key=key, value=_shown(value),
                                       expected=what))
    return count


def _check_search(conn: sqlite3.Connection, tables: set[str]) -> None:
    """The search index exists, matches its documents and answers a query.

    FTS5's own integrity check is a write statement, refused on a read-only file, so it runs
    on an in-memory copy (about 1 ms for the bundled file)."""
    if _FTS not in tables:
        raise _Invalid(strings.fmt(strings.VALID_NO_TABLE, table=_FTS))
    try:  # every indexed document is one the app can show (the index names them by id)
        orphan = conn.execute(
            f"SELECT (SELECT count(*) FROM {_FTS}_docsize) != (SELECT count(*) FROM {FTS_TABLE})"
            f" OR EXISTS (SELECT 1 FROM {_FTS}_docsize WHERE id NOT IN"
            f" (SELECT id FROM {FTS_TABLE}))").fetchone()[0]
    except sqlite3.Error as exc:
        raise _Invalid(strings.fmt(strings.VALID_SEARCH)) from exc
    if orphan:
        raise _Invalid(strings.fmt(strings.VALID_SEARCH))
    copy = sqlite3.connect(":memory:")
    try:
        conn.backup(copy)
        copy.execute(f"INSERT INTO {_FTS} ({_FTS}) VALUES ('integrity-check')")
        copy.execute(f"SELECT rowid FROM {_FTS} WHERE {_FTS} MATCH '\"a\"*' LIMIT 1").fetchall()
    except sqlite3.Error as exc:
        raise _Invalid(strings.fmt(strings.VALID_SEARCH)) from exc
    finally:
        copy.close()


# -- helpers --------------------------------------------------------------------------------
def _is_date(value: object, full: bool = False) -> bool:
    if not isinstance(value, str) or not _PARTIAL_DATE.fullmatch(value):
        return False
    if len(value) != 10:
        return not full
    import datetime

    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _shown(value: object, limit: int = 40) -> str:
    """A stored value as a message may quote it: printable, one line, short."""
    if isinstance(value, bytes):
        return f"{len(value)} bytes of binary data"
    text = "".join(ch if ch.isprintable() else "?" for ch in str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"
