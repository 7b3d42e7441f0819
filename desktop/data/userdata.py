"""The clinic laptop's own data: bookmarks and local notes per jurisdiction, the clinic's
profile (printed on every sheet) and, when the clinic turns it on, the event tally.

Kept in its own SQLite file (never the bundled reference database). Volunteers depend on
it, so nothing is ever silently lost: every save is one transaction, a damaged file is set
aside (renamed, never deleted), and an import never overwrites a note. Plain Python: no Qt.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import time
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

from desktop import paths, strings
from desktop.data.files import write_atomic
from desktop.data.records import HIGHLIGHT_END, HIGHLIGHT_START, ClinicProfile, SearchHit
from desktop.data.search import fts_query
from desktop.errors import KnownError

SCHEMA_VERSION = 1
APPLICATION_ID = 0x52415544  # "RAUD": marks a file as Relief Atlas user data
EXPORT_FORMAT = "relief-atlas-user-data"
EXPORT_VERSION = 1
MAX_IMPORT_BYTES = 50 * 1024 * 1024
# A note is a few lines a volunteer types (court hours, a partner's phone); a page shows all
# of a place's notes, and a 20 MB note once made every page take 6 s to render.
MAX_NOTE_CHARS = 20_000
_IMPORT_CHUNK = 2000  # notes written between progress reports (and chances to cancel)
SEARCH_KIND = "local_note"

_CODE = re.compile(r"[A-Z]{2}")
_NOTE_ID = re.compile(r"[0-9a-f]{32}")
_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", re.ASCII)
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
_SIDECARS = ("-wal", "-shm", "-journal")
_NOTE_FIELDS = ("id", "jurisdiction", "text", "created", "updated")
# The clinic's profile: one line each on a sheet, so short. Name and phone are required.
CLINIC_FIELDS = ("name", "phone", "address", "hours", "web")
MAX_CLINIC_CHARS = {"name": 120, "phone": 40, "address": 160, "hours": 120, "web": 120}
# The event tally: per day and place, how many of each; nothing else (no answers, no names,
# no time finer than the day).
TALLY_KINDS = ("pages", "screenings", "sheets")
ImportProgress = Callable[[int, int], bool]

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
_TALLY_ON = "tally_on"
_EXPECTED_COLUMNS = {
    "bookmark": ["code", "created"],
    "local_note": ["seq", "id", "jurisdiction", "text", "created", "updated"],
    "local_note_fts": ["text"],
}
_NOTE_COLUMNS = "id, jurisdiction, text, created, updated"
_BOOKMARKS = "SELECT code FROM bookmark ORDER BY code"
_MARKERS = (HIGHLIGHT_START, HIGHLIGHT_END)
_SEARCH_SQL = """
SELECT n.jurisdiction, n.id, snippet(local_note_fts, 0, ?, ?, '…', 14),
       bm25(local_note_fts) AS rank
FROM local_note_fts JOIN local_note AS n ON n.seq = local_note_fts.rowid
WHERE local_note_fts MATCH ?
ORDER BY rank, n.updated DESC, n.id DESC
LIMIT ?
"""


@dataclass(frozen=True)
class LocalNote:
    id: str            # uuid4 hex, stable across export/import
    jurisdiction: str  # USPS code
    text: str
    created: str       # ISO 8601 UTC, seconds precision, e.g. "2026-11-21T14:03:05Z"
    updated: str


@dataclass(frozen=True)
class TallyRow:
    day: str           # ISO date, e.g. "2026-12-04" (local day; never a time)
    place: str         # USPS code
    pages: int
    screenings: int
    sheets: int


@dataclass(frozen=True)
class ImportResult:
    notes_added: int
    notes_unchanged: int      # same id, same text: skipped
    notes_kept_both: int      # same id, different text: imported as a NEW note (new id)
    bookmarks_added: int
    # The file's clinic profile: "" none in the file, "added" (this computer had none),
    # "same" (identical), "kept" (this computer keeps its own; the file's was not used).
    clinic: str = ""
    clinic_name: str = ""     # the name of the profile in the file

    def summary(self) -> str:
        """What the import did, in sentences (the window and `notes import` say the same)."""
        text = strings.fmt(strings.USERDATA_IMPORT_DONE, added=self.notes_added,
                           bookmarks=self.bookmarks_added, unchanged=self.notes_unchanged,
                           both=self.notes_kept_both)
        if self.clinic == "added":
            text += " " + strings.fmt(strings.CLINIC_IMPORT_ADDED, name=self.clinic_name)
        elif self.clinic == "kept":
            text += " " + strings.fmt(strings.CLINIC_IMPORT_KEPT, name=self.clinic_name)
        return text


class UserDataError(KnownError):
    """Bookmarks or notes could not be opened, read, saved or imported (plain message)."""

    title = strings.USERDATA_SAVE_TITLE

    def __init__(self, message: str, detail: str = "", title: str | None = None):
        super().__init__(message, detail)
        if title:
            self.title = title


class ImportCancelled(UserDataError):
    """The person cancelled an import; nothing was written."""

    def __init__(self) -> None:
        super().__init__(strings.IMPORT_CANCELLED, title=strings.USERDATA_IMPORT_TITLE)


class _Damaged(Exception):
    """The file at open is not usable user data and must be set aside."""


def utc_now() -> str:
    """Now, as stored: ISO 8601 UTC to the second (tests replace this to order notes)."""
    return datetime.now(UTC).strftime(_TIME_FORMAT)


USER_DB_NAME = "user.db"


def default_path(portable: bool = False) -> Path:
    return paths.user_data_dir(portable) / USER_DB_NAME


def clean_text(text: str) -> str:
    """Note text as saved: trailing whitespace removed, inner newlines kept; never empty,
    never longer than MAX_NOTE_CHARS."""
    text = text.rstrip()
    if not text:
        raise UserDataError(strings.USERDATA_EMPTY_NOTE)
    if len(text) > MAX_NOTE_CHARS:
        raise UserDataError(strings.fmt(strings.USERDATA_NOTE_TOO_LONG, limit=MAX_NOTE_CHARS,
                                        length=len(text)))
    if not _storable(text):
        raise UserDataError(strings.USERDATA_NOTE_BAD_TEXT)
    return text


def _storable(text: str) -> bool:
    """False for text SQLite cannot store: a lone surrogate ("\\ud800") from JSON or a paste."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def clean_clinic(values: dict[str, object], refuse=None) -> ClinicProfile | None:
    """The clinic's profile as saved: each field on one line (runs of spaces and line breaks
    become one space), at most MAX_CLINIC_CHARS[field], printable text SQLite can store;
    name and phone required. None when every field is empty (no profile).
    `refuse(problem, **values)`, problem one of "not_text", "too_long", "required", builds
    the error (an import names its file); by default a UserDataError in whole sentences."""
    if refuse is None:
        def refuse(problem: str, **kw: object) -> UserDataError:
            return UserDataError(strings.fmt(strings.CLINIC_PROBLEMS[problem], **kw),
                                 title=strings.CLINIC_SAVE_TITLE)
    cleaned: dict[str, str] = {}
    for field in CLINIC_FIELDS:
        label = strings.CLINIC_FIELD_NAMES[field]
        value = values.get(field) or ""
        if not isinstance(value, str):
            raise refuse("not_text", field=label)
        value = " ".join(value.split())
        if not _storable(value) or not value.isprintable():
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


def today() -> str:
    """The tally's day: the local date only (tests replace this)."""
    from datetime import date

    return date.today().isoformat()


def tally_csv(rows: Sequence[TallyRow]) -> str:
    """The tally as CSV (the window's export and `tally export` write the same)."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["day", "place", *TALLY_KINDS])
    writer.writerows([r.day, r.place, r.pages, r.screenings, r.sheets] for r in rows)
    return out.getvalue()


def _check_code(code: str) -> str:
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        raise ValueError(f"not a two-letter jurisdiction code: {code!r}")  # a caller's bug
    return code


def _explain(exc: sqlite3.Error, path: Path) -> str | None:
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
def _plain_errors(path: Path, title: str) -> Iterator[None]:
    """Turn SQLite errors a person can act on into UserDataError; let bugs through."""
    try:
        yield
    except sqlite3.Error as exc:
        message = _explain(exc, path)
        if message is None:
            raise
        raise UserDataError(message, str(exc), title) from exc


class UserStore:
    """Bookmarks and local notes in one SQLite file, opened read-write in WAL mode."""

    def __init__(self, conn: sqlite3.Connection, path: Path, recovered_from: Path | None,
                 index_rebuilt: bool = False):
        self._conn = conn
        self.path = path
        self.recovered_from = recovered_from
        self.index_rebuilt = index_rebuilt  # the notes' search index was damaged and rebuilt

    # -- opening ------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path) -> UserStore:
        """Open or create the store; a damaged or foreign file is set aside, never deleted."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserDataError(strings.fmt(strings.USERDATA_FOLDER, folder=path.parent),
                                str(exc), strings.USERDATA_OPEN_TITLE) from exc
        recovered = None
        rebuilt = False
        fresh = not path.exists()
        if not fresh:
            try:
                fresh = _inspect(path)
            except _Damaged:
                # A damaged search index must not hide intact notes: rebuild it from the
                # notes table first (a copy of the file is kept), set the file aside if not.
                rebuilt = _rebuild_damaged(path)
                if not rebuilt:
                    recovered = _set_aside(path)
                    fresh = True
        conn = _connect(path)
        try:
            with _plain_errors(path, strings.USERDATA_OPEN_TITLE):
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA foreign_keys = ON")
                if fresh:
                    _create_schema(conn)
                else:
                    _add_later_tables(conn)
                    if not _index_ok(conn):
                        _rebuild_index(conn)
                        rebuilt = True
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, recovered, rebuilt)

    @classmethod
    def open_read_only(cls, path: Path) -> UserStore | None:
        """An existing store, for reading only (command-line tools): nothing is created, set
        aside or written. None when there is no store there yet."""
        path = Path(path)
        if not path.is_file():
            return None
        try:
            if _inspect(path):
                return None  # an empty file: no notes yet
        except _Damaged as exc:
            raise UserDataError(strings.fmt(strings.USERDATA_DAMAGED_UNCHANGED, path=path),
                                str(exc), strings.USERDATA_READ_TITLE) from exc
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        return cls(conn, path, None)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # -- transactions -------------------------------------------------------------------------
    @contextlib.contextmanager
    def _saving(self) -> Iterator[sqlite3.Connection]:
        """One transaction per save: all of it is kept, or (rolled back) none of it."""
        with _plain_errors(self.path, strings.USERDATA_SAVE_TITLE):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:  # SQLite may already have rolled back
                    self._conn.execute("ROLLBACK")
                raise

    @contextlib.contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """A consistent snapshot for reads that take several statements."""
        with _plain_errors(self.path, strings.USERDATA_READ_TITLE):
            self._conn.execute("BEGIN")
            try:
                yield self._conn
            finally:
                if self._conn.in_transaction:
                    self._conn.execute("COMMIT")

    # -- bookmarks ----------------------------------------------------------------------------
    def bookmarks(self) -> list[str]:
        with self._reading() as conn:
            return [code for (code,) in conn.execute(_BOOKMARKS)]

    def is_bookmarked(self, code: str) -> bool:
        with self._reading() as conn:
            row = conn.execute("SELECT 1 FROM bookmark WHERE code = ?", (code,)).fetchone()
        return row is not None

    def set_bookmark(self, code: str, on: bool) -> None:
        _check_code(code)
        with self._saving() as conn:
            if on:
                conn.execute("INSERT OR IGNORE INTO bookmark (code, created) VALUES (?, ?)",
                             (code, utc_now()))
            else:
                conn.execute("DELETE FROM bookmark WHERE code = ?", (code,))

    # -- notes --------------------------------------------------------------------------------
    def notes(self, code: str | None = None) -> list[LocalNote]:
        """Notes for one jurisdiction (or all), most recently updated first. Ties go by
        the data alone (not by insertion), so every laptop lists the same notes alike."""
        where, args = ("WHERE jurisdiction = ?", (code,)) if code is not None else ("", ())
        with self._reading() as conn:
            rows = conn.execute(f"SELECT {_NOTE_COLUMNS} FROM local_note {where} "
                                "ORDER BY updated DESC, created DESC, id DESC", args).fetchall()
        return [LocalNote(*row) for row in rows]

    def _note(self, conn: sqlite3.Connection, note_id: str) -> LocalNote | None:
        row = conn.execute(f"SELECT {_NOTE_COLUMNS} FROM local_note WHERE id = ?",
                           (note_id,)).fetchone()
        return LocalNote(*row) if row else None

    def add_note(self, code: str, text: str) -> LocalNote:
        now = utc_now()
        import uuid  # json and uuid are imported where used: start-up does not need them

        note = LocalNote(uuid.uuid4().hex, _check_code(code), clean_text(text), now, now)
        with self._saving() as conn:
            conn.execute(f"INSERT INTO local_note ({_NOTE_COLUMNS}) VALUES (?, ?, ?, ?, ?)",
                         (note.id, note.jurisdiction, note.text, note.created, note.updated))
        return note

    def update_note(self, note_id: str, text: str) -> LocalNote:
        """Save new text; unchanged text is not a change (the note keeps its `updated`)."""
        text = clean_text(text)
        with self._saving() as conn:
            old = self._note(conn, note_id)
            if old is None:
                raise UserDataError(strings.fmt(strings.USERDATA_NOTE_GONE))
            if old.text == text:
                return old
            now = utc_now()
            conn.execute("UPDATE local_note SET text = ?, updated = ? WHERE id = ?",
                         (text, now, note_id))
        return LocalNote(old.id, old.jurisdiction, text, old.created, now)

    def delete_note(self, note_id: str) -> None:
        """Delete a note; deleting one that is already gone does nothing."""
        with self._saving() as conn:
            conn.execute("DELETE FROM local_note WHERE id = ?", (note_id,))

    # -- search -------------------------------------------------------------------------------
    def search(self, text: str, limit: int = 20) -> list[SearchHit]:
        """Notes with every word typed; if none, with any word (as the reference search does)."""
        query = fts_query(text)
        if query is None:
            return []
        try:
            rows = self._search(text, query, limit)
        except UserDataError:
            # The index broke while in use: rebuild it from the notes and ask once more.
            if self._conn.in_transaction or not _rebuild_index_safely(self._conn):
                raise
            self.index_rebuilt = True
            rows = self._search(text, query, limit)
        return [SearchHit(SEARCH_KIND, code, ref, strings.USERDATA_NOTE_TITLE, snippet, rank)
                for code, ref, snippet, rank in rows]

    def _search(self, text: str, query: str, limit: int) -> list[tuple]:
        with self._reading() as conn:
            rows = conn.execute(_SEARCH_SQL, (*_MARKERS, query, limit)).fetchall()
            if not rows and " " in query:
                any_word = fts_query(text, any_word=True)
                rows = conn.execute(_SEARCH_SQL, (*_MARKERS, any_word, limit)).fetchall()
        return rows

    # -- the clinic's profile -------------------------------------------------------------------
    def _has_table(self, conn: sqlite3.Connection, table: str) -> bool:
        """False in a store made before the table was added, opened read-only."""
        return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                            (table,)).fetchone() is not None

    def clinic(self) -> ClinicProfile | None:
        """The clinic's profile, or None when none was entered on this computer."""
        with self._reading() as conn:
            return self._clinic(conn)

    def _clinic(self, conn: sqlite3.Connection) -> ClinicProfile | None:
        if not self._has_table(conn, "clinic"):
            return None
        row = conn.execute(f"SELECT {', '.join(CLINIC_FIELDS)} FROM clinic WHERE id = 1"
                           ).fetchone()
        return ClinicProfile(*row) if row else None

    def set_clinic(self, profile: ClinicProfile | dict[str, str] | None) -> ClinicProfile | None:
        """Save the clinic's profile (checked as `clean_clinic` does); None or every field
        empty removes it. Returns the profile as saved."""
        if isinstance(profile, ClinicProfile):
            profile = {f: getattr(profile, f) for f in CLINIC_FIELDS}
        cleaned = clean_clinic(profile or {})
        with self._saving() as conn:
            if cleaned is None:
                conn.execute("DELETE FROM clinic")
            else:
                self._write_clinic(conn, cleaned)
        return cleaned

    @staticmethod
    def _write_clinic(conn: sqlite3.Connection, profile: ClinicProfile) -> None:
        conn.execute("INSERT OR REPLACE INTO clinic (id, name, phone, address, hours, web, "
                     "updated) VALUES (1, ?, ?, ?, ?, ?, ?)",
                     (*(getattr(profile, f) for f in CLINIC_FIELDS), utc_now()))

    # -- the event tally (opt-in) --------------------------------------------------------------
    def tally_enabled(self) -> bool:
        with self._reading() as conn:
            return self._tally_on(conn)

    def _tally_on(self, conn: sqlite3.Connection) -> bool:
        if not self._has_table(conn, "store_setting"):
            return False
        row = conn.execute("SELECT value FROM store_setting WHERE key = ?",
                           (_TALLY_ON,)).fetchone()
        return bool(row) and row[0] == "1"

    def set_tally_enabled(self, on: bool) -> None:
        """Turn the tally on or off; what was counted is kept until reset."""
        with self._saving() as conn:
            conn.execute("INSERT OR REPLACE INTO store_setting (key, value) VALUES (?, ?)",
                         (_TALLY_ON, "1" if on else "0"))

    def count_event(self, place: str, kind: str, day: str | None = None) -> bool:
        """One more page opened, screening run or sheet printed for `place` today, if the
        tally is on (else nothing is written). Only the day, the place and the kind are
        ever stored. Returns True when counted."""
        if kind not in TALLY_KINDS:
            raise ValueError(f"not a tally kind: {kind!r}")  # a caller's bug
        _check_code(place)
        day = day or today()
        if not self.tally_enabled():  # off: a read, never a write lock
            return False
        with self._saving() as conn:
            if not self._tally_on(conn):
                return False
            conn.execute(f"INSERT INTO event_tally (day, place, {kind}) VALUES (?, ?, 1) "
                         f"ON CONFLICT (day, place) DO UPDATE SET {kind} = {kind} + 1",
                         (day, place))
        return True

    def tally(self) -> list[TallyRow]:
        """Every counted day and place, oldest day first."""
        with self._reading() as conn:
            if not self._has_table(conn, "event_tally"):
                return []
            rows = conn.execute("SELECT day, place, pages, screenings, sheets FROM event_tally "
                                "ORDER BY day, place").fetchall()
        return [TallyRow(*row) for row in rows]

    def reset_tally(self) -> int:
        """Forget every count (the on/off choice stays); returns the rows removed."""
        with self._saving() as conn:
            return conn.execute("DELETE FROM event_tally").rowcount

    def export_tally(self, path: Path) -> int:
        """Write the tally as CSV (whole or not at all); returns the number of rows."""
        rows = self.tally()
        write_atomic(path, tally_csv(rows))
        return len(rows)

    # -- export and import --------------------------------------------------------------------
    def export(self, path: Path) -> int:
        """Write every bookmark and note, and the clinic's profile, to a JSON file (whole or
        not at all); returns the number of notes. A failed write raises FileWriteError (a
        KnownError)."""
        with self._reading() as conn:
            bookmarks = [code for (code,) in conn.execute(_BOOKMARKS)]
            rows = conn.execute(f"SELECT {_NOTE_COLUMNS} FROM local_note "
                                "ORDER BY jurisdiction, created, id").fetchall()
            clinic = self._clinic(conn)
        write_export(path, bookmarks, rows, clinic)
        return len(rows)

    def import_file(self, path: Path, known_codes: Collection[str] | None = None,
                    progress: ImportProgress | None = None) -> ImportResult:
        """Merge an exported file, checked in full first, in one transaction.

        A note whose id is known but whose place or text differs is added with a new id, so
        both versions are kept; if that text is already here for that place (the same note,
        or a copy kept by an earlier import of the same file), it counts as unchanged.
        With `known_codes` (the places of the reference data), a note or bookmark for any
        other place refuses the file. `progress(done, total)` is called as notes are written;
        returning False cancels (ImportCancelled): nothing is kept. Linear in the number of
        notes here and in the file (one pass each, the duplicate checks in memory).
        """
        bookmarks, incoming, their_clinic = _read_export(Path(path), known_codes)
        added = unchanged = kept_both = bookmarks_added = 0
        clinic = ""
        total = len(incoming)
        with self._saving() as conn:
            ids: set[str] = set()
            texts: set[tuple[str, str]] = set()
            for note_id, code, text in conn.execute(
                    "SELECT id, jurisdiction, text FROM local_note"):
                ids.add(note_id)
                texts.add((code, text))
            rows = []
            for n, note in enumerate(incoming):
                if progress is not None and n % _IMPORT_CHUNK == 0:
                    _report(progress, n, total, conn, rows)
                already_here = (note.jurisdiction, note.text) in texts
                if note.id not in ids:
                    added += 1
                elif already_here:
                    unchanged += 1
                    continue
                else:
                    kept_both += 1
                    import uuid

                    note = replace(note, id=uuid.uuid4().hex)
                ids.add(note.id)
                texts.add((note.jurisdiction, note.text))
                rows.append((note.id, note.jurisdiction, note.text, note.created, note.updated))
            _report(progress, total, total, conn, rows)
            for code in bookmarks:
                bookmarks_added += conn.execute(
                    "INSERT OR IGNORE INTO bookmark (code, created) VALUES (?, ?)",
                    (code, utc_now())).rowcount
            if their_clinic is not None:
                # A laptop with no profile takes the file's; one with a profile keeps its own.
                ours = self._clinic(conn)
                if ours is None:
                    self._write_clinic(conn, their_clinic)
                    clinic = "added"
                else:
                    clinic = "same" if ours == their_clinic else "kept"
        return ImportResult(added, unchanged, kept_both, bookmarks_added, clinic,
                            their_clinic.name if their_clinic else "")


def write_export(path: Path, bookmarks: Sequence[str], rows: Sequence[Sequence[str]],
                 clinic: ClinicProfile | None = None) -> None:
    """Write an export file (whole or not at all) of these bookmarks and note rows, and the
    clinic's profile if there is one (an optional "clinic" object: version 1 files without
    it are still read)."""
    payload = {
        "format": EXPORT_FORMAT, "version": EXPORT_VERSION, "exported": utc_now(),
        "bookmarks": list(bookmarks),
        "notes": [dict(zip(_NOTE_FIELDS, row, strict=False)) for row in rows],
    }
    if clinic is not None:
        payload["clinic"] = {f: getattr(clinic, f) for f in CLINIC_FIELDS}
    import json

    write_atomic(path, json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def _report(progress: ImportProgress | None, done: int, total: int,
            conn: sqlite3.Connection, rows: list) -> None:
    """Write the notes gathered so far, then say how far along; False from `progress`
    cancels the whole import (the transaction is rolled back)."""
    if rows:
        conn.executemany(f"INSERT INTO local_note ({_NOTE_COLUMNS}) VALUES (?, ?, ?, ?, ?)",
                         rows)
        rows.clear()
    if progress is not None and progress(done, total) is False:
        raise ImportCancelled()


# -- the notes' search index ----------------------------------------------------------------
def _index_ok(conn: sqlite3.Connection) -> bool:
    """FTS5's own check of the notes' index against the notes table."""
    try:
        conn.execute("INSERT INTO local_note_fts (local_note_fts) VALUES ('integrity-check')")
    except sqlite3.DatabaseError as exc:
        if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in (sqlite3.SQLITE_CORRUPT,
                                                             sqlite3.SQLITE_NOTADB):
            return False
        raise
    return True


def _rebuild_index(conn: sqlite3.Connection) -> None:
    """Rebuild the notes' search index from the notes table (nothing else is written)."""
    conn.execute("INSERT INTO local_note_fts (local_note_fts) VALUES ('rebuild')")


def _rebuild_index_safely(conn: sqlite3.Connection) -> bool:
    try:
        _rebuild_index(conn)
    except sqlite3.DatabaseError:
        return False
    return _index_ok(conn)


def _rebuild_damaged(path: Path) -> bool:
    """For a file that fails the checks at open: if only its search index is damaged,
    rebuild the index and keep the file (a copy of it as found is kept beside it first).
    False when the notes themselves are damaged: the caller sets the file aside."""
    try:
        probe = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            (app_id,) = probe.execute("PRAGMA application_id").fetchone()
            probe.execute(f"SELECT {_NOTE_COLUMNS} FROM local_note").fetchall()
            probe.execute("SELECT code, created FROM bookmark").fetchall()
        finally:
            probe.close()
    except sqlite3.DatabaseError:
        return False
    if app_id != APPLICATION_ID:
        return False
    import shutil

    try:
        copy = _free_name(path)
        for suffix in ("", *_SIDECARS):
            if Path(f"{path}{suffix}").exists():
                shutil.copy2(f"{path}{suffix}", f"{copy}{suffix}")
        conn = sqlite3.connect(path, isolation_level=None, timeout=5.0)
        try:
            ok = _rebuild_index_safely(conn)
        finally:
            conn.close()
        return ok and not _inspect(path)
    except (OSError, sqlite3.DatabaseError, _Damaged, UserDataError):
        return False


# -- opening helpers ------------------------------------------------------------------------
def _connect(path: Path) -> sqlite3.Connection:
    try:
        return sqlite3.connect(path, isolation_level=None, timeout=5.0)
    except sqlite3.Error as exc:
        raise UserDataError(strings.fmt(strings.USERDATA_FOLDER, folder=path.parent),
                            str(exc), strings.USERDATA_OPEN_TITLE) from exc


def _inspect(path: Path) -> bool:
    """True for an empty file, False for a usable store; raise _Damaged for anything else.

    Uses a read-only connection: a read-write one would delete the -wal and -shm files of a
    damaged file when it closes, and they may hold the last notes written.
    """
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            (integrity,) = conn.execute("PRAGMA quick_check").fetchone()
            (app_id,) = conn.execute("PRAGMA application_id").fetchone()
            (version,) = conn.execute("PRAGMA user_version").fetchone()
            tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
            columns = {table: [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
                       for table in _EXPECTED_COLUMNS}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in (sqlite3.SQLITE_CORRUPT,
                                                             sqlite3.SQLITE_NOTADB):
            raise _Damaged(str(exc)) from exc
        message = _explain(exc, path)  # busy, unreadable: not damage, so leave the file alone
        if message is None:
            raise
        raise UserDataError(message, str(exc), strings.USERDATA_OPEN_TITLE) from exc
    if integrity != "ok":
        raise _Damaged(integrity)
    if not tables and app_id == 0 and version == 0:
        return True
    if app_id != APPLICATION_ID:
        raise _Damaged("not Relief Atlas user data")
    if version > SCHEMA_VERSION:  # a newer app's data: refuse, but never move it
        raise UserDataError(strings.fmt(strings.USERDATA_NEWER, found=version,
                                        supported=SCHEMA_VERSION, path=path),
                            title=strings.USERDATA_OPEN_TITLE)
    if version < 1 or columns != _EXPECTED_COLUMNS:
        raise _Damaged(f"unexpected schema (version {version})")
    return False


def _add_later_tables(conn: sqlite3.Connection) -> None:
    """Add the tables added within version 1 to a store made before them (one transaction;
    nothing is written when they are all there)."""
    have = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if all(table in have for table in _LATER_TABLES):
        return
    try:
        conn.executescript(f"BEGIN IMMEDIATE; {_LATER_SCHEMA} COMMIT;")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _create_schema(conn: sqlite3.Connection) -> None:
    """Create the tables in one transaction (IF NOT EXISTS: another window may race us)."""
    try:
        conn.executescript(f"BEGIN IMMEDIATE; {_SCHEMA} {_LATER_SCHEMA} "
                           f"PRAGMA application_id = {APPLICATION_ID}; "
                           f"PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _free_name(path: Path) -> Path:
    """<name>.corrupt-<time>, numbered if taken (with any of its sidecars)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 2
    while any(Path(f"{target}{suffix}").exists() for suffix in ("", *_SIDECARS)):
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    return target


def _set_aside(path: Path) -> Path:
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


# -- import validation ----------------------------------------------------------------------
def _read_export(path: Path, known_codes: Collection[str] | None = None
                 ) -> tuple[list[str], list[LocalNote], ClinicProfile | None]:
    """Parse and check a whole export file before anything is written."""
    name = path.name

    def refuse(template: str, **values: object) -> UserDataError:
        return UserDataError(strings.fmt(template, name=name, **values),
                             title=strings.USERDATA_IMPORT_TITLE)

    def problem(template: str, **values: object) -> UserDataError:
        return refuse(strings.IMPORT_PROBLEM, problem=strings.fmt(template, **values))

    raw = _read_bounded(path, refuse)
    try:
        import json

        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise refuse(strings.IMPORT_NOT_JSON) from exc
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise refuse(strings.IMPORT_WRONG_FORMAT)
    version = data.get("version")
    if type(version) is not int or version < 1:
        raise refuse(strings.IMPORT_WRONG_FORMAT)
    if version > EXPORT_VERSION:
        raise refuse(strings.IMPORT_NEWER, found=version, supported=EXPORT_VERSION)
    for field in ("bookmarks", "notes"):
        if field not in data:
            raise problem(strings.IMPORT_MISSING, field=field)
        if not isinstance(data[field], list):
            raise problem(strings.IMPORT_NOT_LIST, field=field)

    for n, code in enumerate(data["bookmarks"], 1):
        if not isinstance(code, str) or not _CODE.fullmatch(code):
            raise problem(strings.IMPORT_BAD_BOOKMARK, n=n)
        if known_codes is not None and code not in known_codes:
            raise problem(strings.IMPORT_BOOKMARK_UNKNOWN_PLACE, n=n, code=code)
    notes: list[LocalNote] = []
    first_seen: dict[str, int] = {}
    for n, item in enumerate(data["notes"], 1):
        if not isinstance(item, dict):
            raise problem(strings.IMPORT_NOTE_NOT_OBJECT, n=n)
        for field in _NOTE_FIELDS:
            if field not in item:
                raise problem(strings.IMPORT_NOTE_MISSING, n=n, field=field)
            if not isinstance(item[field], str):
                raise problem(strings.IMPORT_NOTE_NOT_TEXT, n=n, field=field)
        if not _NOTE_ID.fullmatch(item["id"]):
            raise problem(strings.IMPORT_NOTE_BAD_ID, n=n)
        if item["id"] in first_seen:
            raise problem(strings.IMPORT_NOTE_DUPLICATE, n=n, first=first_seen[item["id"]])
        first_seen[item["id"]] = n
        if not _CODE.fullmatch(item["jurisdiction"]):
            raise problem(strings.IMPORT_NOTE_BAD_CODE, n=n, code=_printable(item["jurisdiction"]))
        if known_codes is not None and item["jurisdiction"] not in known_codes:
            raise problem(strings.IMPORT_NOTE_UNKNOWN_PLACE, n=n, id=item["id"],
                          code=item["jurisdiction"])
        text = item["text"].rstrip()
        if not text:
            raise problem(strings.IMPORT_NOTE_EMPTY, n=n)
        if len(text) > MAX_NOTE_CHARS:
            raise problem(strings.IMPORT_NOTE_TOO_LONG, n=n, id=item["id"], limit=MAX_NOTE_CHARS)
        if not _storable(text):
            raise problem(strings.IMPORT_NOTE_BAD_TEXT, n=n, id=item["id"])
        for field in ("created", "updated"):
            if not _is_time(item[field]):
                raise problem(strings.IMPORT_NOTE_BAD_TIME, n=n, field=field)
        notes.append(LocalNote(item["id"], item["jurisdiction"], text,
                               item["created"], item["updated"]))
    clinic = None
    if data.get("clinic") is not None:
        item = data["clinic"]
        if not isinstance(item, dict):
            raise problem(strings.IMPORT_CLINIC_NOT_OBJECT)
        clinic = clean_clinic({f: item.get(f) for f in CLINIC_FIELDS},
                              lambda kind, **kw: problem(strings.IMPORT_CLINIC_PROBLEMS[kind],
                                                         **kw))
    return list(dict.fromkeys(data["bookmarks"])), notes, clinic


def _read_bounded(path: Path, refuse) -> bytes:
    """The file's bytes, if it is an ordinary file no larger than MAX_IMPORT_BYTES. A device
    (/dev/zero, /dev/urandom), a pipe or a folder is refused before a byte is read, and no
    read is ever unbounded."""
    import os
    import stat

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # opening a FIFO would wait for a writer
            raise refuse(strings.IMPORT_NOT_A_FILE)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise refuse(strings.IMPORT_UNREADABLE, reason=exc.strerror or exc) from exc
    try:
        with open(fd, "rb", closefd=True) as handle:
            found = os.fstat(handle.fileno())
            if not stat.S_ISREG(found.st_mode):  # swapped for something else meanwhile
                raise refuse(strings.IMPORT_NOT_A_FILE)
            if found.st_size > MAX_IMPORT_BYTES:
                raise refuse(strings.IMPORT_TOO_BIG)
            raw = handle.read(MAX_IMPORT_BYTES + 1)
    except OSError as exc:
        raise refuse(strings.IMPORT_UNREADABLE, reason=exc.strerror or exc) from exc
    if len(raw) > MAX_IMPORT_BYTES:
        raise refuse(strings.IMPORT_TOO_BIG)
    return raw


def _printable(value: str, limit: int = 20) -> str:
    return "".join(ch if ch.isprintable() else "?" for ch in value[:limit])


def _is_time(value: str) -> bool:
    """True for a real UTC time written as stored, e.g. 2026-11-21T14:03:05Z."""
    if not _TIME.fullmatch(value):
        return False
    try:  # fromisoformat: a real date and time (not 02-30), ten times faster than strptime
        datetime.fromisoformat(value[:-1])
    except ValueError:
        return False
    return True
