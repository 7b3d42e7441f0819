"""The form of the clinic's own file, user.db: its tables and the marks that say a file is
Relief Atlas user data (application id, version), creating and upgrading them, the notes'
search index, and the rules every value meets whether it is typed in the window, given on
the command line or read from an import file (a note's length, the clinic's fields, times).

Used by `user_store` (the store), `user_recovery` (a damaged file) and `user_transfer` (the
export file). Plain Python: no Qt.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from desktop import strings
from desktop.data.records import ClinicProfile
from desktop.errors import UserDataError

SCHEMA_VERSION = 1
APPLICATION_ID = 0x52415544  # "RAUD": marks a file as Relief Atlas user data
# A note is a few lines a volunteer types (court hours, a partner's phone); a page shows all
# of a place's notes, and a 20 MB note once made every page take 6 s to render.
MAX_NOTE_CHARS = 20_000
# The clinic's profile: one line each on a sheet, so short. Name and phone are required.
CLINIC_FIELDS = ("name", "phone", "address", "hours", "web")
MAX_CLINIC_CHARS = {"name": 120, "phone": 40, "address": 160, "hours": 120, "web": 120}
# The event tally: per day and place, how many of each; nothing else (no answers, no names,
# no time finer than the day).
TALLY_KINDS = ("pages", "screenings", "sheets")

CODE = re.compile(r"[A-Z]{2}")
_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", re.ASCII)
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
NOTE_COLUMNS = "id, jurisdiction, text, created, updated"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS bookmark (
    code TEXT PRIMARY KEY CHECK (code GLOB '[A-Z][A-Z]'),
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS local_note (
    seq INTEGER PRIMARY KEY,  -- explicit, so VACUUM never renumbers the FTS rowids
    id TEXT NOT NULL UNIQUE,
    jurisdiction TEXT NOT NULL CHECK (jurisdiction GLOB '[A-Z][A-Z]'),
    text TEXT NOT NULL CHECK (trim(text) <> ''),
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS local_note_by_place ON local_note (jurisdiction, updated);
CREATE VIRTUAL TABLE IF NOT EXISTS local_note_fts USING fts5(
    text, content='local_note', content_rowid='seq',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS local_note_ai AFTER INSERT ON local_note BEGIN
    INSERT INTO local_note_fts (rowid, text) VALUES (new.seq, new.text);
END;
CREATE TRIGGER IF NOT EXISTS local_note_ad AFTER DELETE ON local_note BEGIN
    INSERT INTO local_note_fts (local_note_fts, rowid, text) VALUES ('delete', old.seq, old.text);
END;
CREATE TRIGGER IF NOT EXISTS local_note_au AFTER UPDATE ON local_note BEGIN
    INSERT INTO local_note_fts (local_note_fts, rowid, text) VALUES ('delete', old.seq, old.text);
    INSERT INTO local_note_fts (rowid, text) VALUES (new.seq, new.text);
END;
"""
# Tables added within schema version 1: created in any store that lacks them when it is
# opened for writing; a store without them reads as "no profile, tally off and empty", and an
# older version of the app opens a store with them unchanged (it checks only its own tables).
_LATER_SCHEMA = """
CREATE TABLE IF NOT EXISTS clinic (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL CHECK (trim(name) <> ''),
    phone TEXT NOT NULL,
    address TEXT NOT NULL,
    hours TEXT NOT NULL,
    web TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS event_tally (
    day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    place TEXT NOT NULL CHECK (place GLOB '[A-Z][A-Z]'),
    pages INTEGER NOT NULL DEFAULT 0,
    screenings INTEGER NOT NULL DEFAULT 0,
    sheets INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, place)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS store_setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
"""
_LATER_TABLES = ("clinic", "event_tally", "store_setting")
# The tables of version 1 as first made: a file without exactly these is not user data.
EXPECTED_COLUMNS = {
    "bookmark": ["code", "created"],
    "local_note": ["seq", "id", "jurisdiction", "text", "created", "updated"],
    "local_note_fts": ["text"],
}


# -- making and upgrading the tables --------------------------------------------------------
def create_tables(conn: sqlite3.Connection) -> None:
    """Create the tables in one transaction (IF NOT EXISTS: another window may race us)."""
    _in_one_transaction(conn, f"{_SCHEMA} {_LATER_SCHEMA} "
                              f"PRAGMA application_id = {APPLICATION_ID}; "
                              f"PRAGMA user_version = {SCHEMA_VERSION};")


def add_later_tables(conn: sqlite3.Connection) -> None:
    """Add the tables added within version 1 to a store made before them (one transaction;
    nothing is written when they are all there)."""
    have = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if all(table in have for table in _LATER_TABLES):
        return
    _in_one_transaction(conn, _LATER_SCHEMA)


def _in_one_transaction(conn: sqlite3.Connection, script: str) -> None:
    try:
        conn.executescript(f"BEGIN IMMEDIATE; {script} COMMIT;")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def has_table(conn: sqlite3.Connection, table: str) -> bool:
    """False in a store made before the table was added, opened read-only."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (table,)).fetchone() is not None


# -- the notes' search index ----------------------------------------------------------------
def is_damage(exc: sqlite3.Error) -> bool:
    """True for SQLite's "the file is damaged" and "not a database" (by error code)."""
    return (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in (sqlite3.SQLITE_CORRUPT,
                                                            sqlite3.SQLITE_NOTADB)


def index_ok(conn: sqlite3.Connection) -> bool:
    """FTS5's own check of the notes' index against the notes table."""
    try:
        conn.execute("INSERT INTO local_note_fts (local_note_fts) VALUES ('integrity-check')")
    except sqlite3.DatabaseError as exc:
        if is_damage(exc):
            return False
        raise
    return True


def rebuild_index(conn: sqlite3.Connection) -> None:
    """Rebuild the notes' search index from the notes table (nothing else is written)."""
    conn.execute("INSERT INTO local_note_fts (local_note_fts) VALUES ('rebuild')")


def rebuild_index_safely(conn: sqlite3.Connection) -> bool:
    """Rebuild the index; False when that fails or the rebuilt index still fails its check."""
    try:
        rebuild_index(conn)
    except sqlite3.DatabaseError:
        return False
    return index_ok(conn)


# -- times ----------------------------------------------------------------------------------
def utc_now() -> str:
    """Now, as stored: ISO 8601 UTC to the second (tests replace this to order notes)."""
    return datetime.now(UTC).strftime(_TIME_FORMAT)


def is_time(value: str) -> bool:
    """True for a real UTC time written as stored, e.g. 2026-11-21T14:03:05Z."""
    if not _TIME.fullmatch(value):
        return False
    try:  # fromisoformat: a real date and time (not 02-30), ten times faster than strptime
        datetime.fromisoformat(value[:-1])
    except ValueError:
        return False
    return True


def today() -> str:
    """The tally's day: the local date only (tests replace this)."""
    from datetime import date

    return date.today().isoformat()


# -- values ---------------------------------------------------------------------------------
def check_code(code: str) -> str:
    if not isinstance(code, str) or not CODE.fullmatch(code):
        raise ValueError(f"not a two-letter jurisdiction code: {code!r}")  # a caller's bug
    return code


def storable(text: str) -> bool:
    """False for text SQLite cannot store: a lone surrogate ("\\ud800") from JSON or a paste."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def clean_text(text: str) -> str:
    """Note text as saved: trailing whitespace removed, inner newlines kept; never empty,
    never longer than MAX_NOTE_CHARS."""
    text = text.rstrip()
    if not text:
        raise UserDataError(strings.USERDATA_EMPTY_NOTE)
    if len(text) > MAX_NOTE_CHARS:
        raise UserDataError(strings.fmt(strings.USERDATA_NOTE_TOO_LONG, limit=MAX_NOTE_CHARS,
                                        length=len(text)))
    if not storable(text):
        raise UserDataError(strings.USERDATA_NOTE_BAD_TEXT)
    return text


Refuse = Callable[..., Exception]  # refuse(problem, **values) -> the error to raise


def _refuse_in_sentences(problem: str, **values: object) -> UserDataError:
    return UserDataError(strings.fmt(strings.CLINIC_PROBLEMS[problem], **values),
                         title=strings.CLINIC_SAVE_TITLE)


def clean_clinic(values: Mapping[str, object],
                 refuse: Refuse = _refuse_in_sentences) -> ClinicProfile | None:
    """The clinic's profile as saved: each field on one line (runs of spaces and line breaks
    become one space), at most MAX_CLINIC_CHARS[field], printable text SQLite can store;
    name and phone required. None when every field is empty (no profile).
    `refuse(problem, **values)`, problem one of "not_text", "too_long", "required", builds
    the error (an import names its file); by default a UserDataError in whole sentences."""
    cleaned: dict[str, str] = {}
    for field in CLINIC_FIELDS:
        label = strings.CLINIC_FIELD_NAMES[field]
        value = values.get(field) or ""
        if not isinstance(value, str):
            raise refuse("not_text", field=label)
        value = " ".join(value.split())
        if not storable(value) or not value.isprintable():
            raise refuse("not_text", field=label)
        if len(value) > MAX_CLINIC_CHARS[field]:
            raise refuse("too_long", field=label, limit=MAX_CLINIC_CHARS[field])
        cleaned[field] = value
    if not any(cleaned.values()):
        return None
    for field in ("name", "phone"):
        if not cleaned[field]:
            raise refuse("required", field=strings.CLINIC_FIELD_NAMES[field])
    return ClinicProfile(**cleaned)
