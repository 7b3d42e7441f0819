"""The clinic laptop's own data in user.db: bookmarks and local notes per jurisdiction, the
clinic's profile (printed on every sheet) and, when the clinic turns it on, the event tally.

Kept in its own SQLite file (never the bundled reference database), opened read-write in WAL
mode. Every save is one transaction; an import never overwrites a note. The file's tables
and the rules of its values are `user_schema`; what happens to a damaged, busy or read-only
file is `user_recovery`; the export file is `user_transfer`. Plain Python: no Qt.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from desktop import paths, strings
from desktop.data import user_recovery as recovery
from desktop.data import user_schema as schema
from desktop.data.files import write_atomic
from desktop.data.records import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    ClinicProfile,
    LocalNote,
    SearchHit,
    TallyRow,
)
from desktop.data.search import fts_query
from desktop.errors import UserDataError

if TYPE_CHECKING:  # the export file's module is imported when a file is exported or imported
    from desktop.data.user_transfer import ImportProgress, ImportResult

USER_DB_NAME = "user.db"
SEARCH_KIND = "local_note"
_IMPORT_CHUNK = 2000  # notes written between progress reports (and chances to cancel)
_TALLY_ON = "tally_on"
_INSERT_TRIGGER = "local_note_ai"  # user_schema: indexes each new note for search
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


def default_path(portable: bool = False) -> Path:
    return paths.user_data_dir(portable) / USER_DB_NAME


def tally_csv(rows: Sequence[TallyRow]) -> str:
    """The tally as CSV (the window's export and `tally export` write the same)."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["day", "place", *schema.TALLY_KINDS])
    writer.writerows([r.day, r.place, r.pages, r.screenings, r.sheets] for r in rows)
    return out.getvalue()


class UserStore:
    """Bookmarks, local notes, the clinic's profile and the tally in one SQLite file. Rows
    are read by column name (sqlite3.Row), never by position."""

    def __init__(self, conn: sqlite3.Connection, path: Path, recovered_from: Path | None,
                 index_rebuilt: bool = False):
        conn.row_factory = sqlite3.Row
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
                fresh = recovery.inspect(path)
            except recovery.Damaged:
                # A damaged search index must not hide intact notes: rebuild it from the
                # notes table first (a copy of the file is kept), set the file aside if not.
                rebuilt = recovery.rebuild_damaged(path)
                if not rebuilt:
                    recovered = recovery.set_aside(path)
                    fresh = True
        conn = _connect(path)
        try:
            with recovery.plain_errors(path, strings.USERDATA_OPEN_TITLE):
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA foreign_keys = ON")
                if fresh:
                    schema.create_tables(conn)
                else:
                    schema.add_later_tables(conn)
                    if not schema.index_ok(conn):
                        schema.rebuild_index(conn)
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
            if recovery.inspect(path):
                return None  # an empty file: no notes yet
        except recovery.Damaged as exc:
            raise UserDataError(strings.fmt(strings.USERDATA_DAMAGED_UNCHANGED, path=path),
                                str(exc), strings.USERDATA_READ_TITLE) from exc
        return cls(recovery.read_only(path), path, None)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- transactions -------------------------------------------------------------------------
    @contextlib.contextmanager
    def _saving(self) -> Iterator[sqlite3.Connection]:
        """One transaction per save: all of it is kept, or (rolled back) none of it."""
        with recovery.plain_errors(self.path, strings.USERDATA_SAVE_TITLE):
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
        with recovery.plain_errors(self.path, strings.USERDATA_READ_TITLE):
            self._conn.execute("BEGIN")
            try:
                yield self._conn
            finally:
                if self._conn.in_transaction:
                    self._conn.execute("COMMIT")

    # -- bookmarks ----------------------------------------------------------------------------
    def bookmarks(self) -> list[str]:
        with self._reading() as conn:
            return [row["code"] for row in conn.execute(_BOOKMARKS)]

    def is_bookmarked(self, code: str) -> bool:
        with self._reading() as conn:
            row = conn.execute("SELECT 1 FROM bookmark WHERE code = ?", (code,)).fetchone()
        return row is not None

    def set_bookmark(self, code: str, on: bool) -> None:
        schema.check_code(code)
        with self._saving() as conn:
            if on:
                conn.execute("INSERT OR IGNORE INTO bookmark (code, created) VALUES (?, ?)",
                             (code, schema.utc_now()))
            else:
                conn.execute("DELETE FROM bookmark WHERE code = ?", (code,))

    # -- notes --------------------------------------------------------------------------------
    def notes(self, code: str | None = None) -> list[LocalNote]:
        """Notes for one jurisdiction (or all), most recently updated first. Ties go by
        the data alone (not by insertion), so every laptop lists the same notes alike."""
        where, args = ("WHERE jurisdiction = ?", (code,)) if code is not None else ("", ())
        with self._reading() as conn:
            rows = conn.execute(f"SELECT {schema.NOTE_COLUMNS} FROM local_note {where} "
                                "ORDER BY updated DESC, created DESC, id DESC", args).fetchall()
        return [LocalNote(**row) for row in rows]

    def _note(self, conn: sqlite3.Connection, note_id: str) -> LocalNote | None:
        row = conn.execute(f"SELECT {schema.NOTE_COLUMNS} FROM local_note WHERE id = ?",
                           (note_id,)).fetchone()
        return LocalNote(**row) if row else None

    def add_note(self, code: str, text: str) -> LocalNote:
        now = schema.utc_now()
        import uuid  # json and uuid are imported where used: start-up does not need them

        note = LocalNote(uuid.uuid4().hex, schema.check_code(code), schema.clean_text(text),
                         now, now)
        with self._saving() as conn:
            _insert_notes(conn, [note])
        return note

    def update_note(self, note_id: str, text: str) -> LocalNote:
        """Save new text; unchanged text is not a change (the note keeps its `updated`)."""
        text = schema.clean_text(text)
        with self._saving() as conn:
            old = self._note(conn, note_id)
            if old is None:
                raise UserDataError(strings.fmt(strings.USERDATA_NOTE_GONE))
            if old.text == text:
                return old
            now = schema.utc_now()
            conn.execute("UPDATE local_note SET text = ?, updated = ? WHERE id = ?",
                         (text, now, note_id))
        return replace(old, text=text, updated=now)

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
            if self._conn.in_transaction or not schema.rebuild_index_safely(self._conn):
                raise
            self.index_rebuilt = True
            rows = self._search(text, query, limit)
        return [SearchHit(SEARCH_KIND, code, ref, strings.USERDATA_NOTE_TITLE, snippet, rank)
                for code, ref, snippet, rank in rows]

    def _search(self, text: str, query: str, limit: int) -> list[Any]:
        with self._reading() as conn:
            rows = conn.execute(_SEARCH_SQL, (*_MARKERS, query, limit)).fetchall()
            any_word = fts_query(text, any_word=True) if not rows and " " in query else None
            if any_word is not None:
                rows = conn.execute(_SEARCH_SQL, (*_MARKERS, any_word, limit)).fetchall()
        return rows

    # -- the clinic's profile -------------------------------------------------------------------
    def clinic(self) -> ClinicProfile | None:
        """The clinic's profile, or None when none was entered on this computer."""
        with self._reading() as conn:
            return self._clinic(conn)

    def _clinic(self, conn: sqlite3.Connection) -> ClinicProfile | None:
        if not schema.has_table(conn, "clinic"):
            return None
        row = conn.execute(f"SELECT {', '.join(schema.CLINIC_FIELDS)} FROM clinic WHERE id = 1"
                           ).fetchone()
        return ClinicProfile(**row) if row else None

    def set_clinic(self, profile: ClinicProfile | Mapping[str, str] | None
                   ) -> ClinicProfile | None:
        """Save the clinic's profile (checked as `clean_clinic` does); None or every field
        empty removes it. Returns the profile as saved."""
        if isinstance(profile, ClinicProfile):
            profile = {f: getattr(profile, f) for f in schema.CLINIC_FIELDS}
        cleaned = schema.clean_clinic(profile or {})
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
                     (*(getattr(profile, f) for f in schema.CLINIC_FIELDS), schema.utc_now()))

    # -- the event tally (opt-in) --------------------------------------------------------------
    def tally_enabled(self) -> bool:
        with self._reading() as conn:
            return self._tally_on(conn)

    def _tally_on(self, conn: sqlite3.Connection) -> bool:
        if not schema.has_table(conn, "store_setting"):
            return False
        row = conn.execute("SELECT value FROM store_setting WHERE key = ?",
                           (_TALLY_ON,)).fetchone()
        return bool(row) and row["value"] == "1"

    def set_tally_enabled(self, on: bool) -> None:
        """Turn the tally on or off; what was counted is kept until reset."""
        with self._saving() as conn:
            conn.execute("INSERT OR REPLACE INTO store_setting (key, value) VALUES (?, ?)",
                         (_TALLY_ON, "1" if on else "0"))

    def count_event(self, place: str, kind: str, day: str | None = None) -> bool:
        """One more page opened, screening run or sheet printed for `place` today, if the
        tally is on (else nothing is written). Only the day, the place and the kind are
        ever stored. Returns True when counted."""
        if kind not in schema.TALLY_KINDS:
            raise ValueError(f"not a tally kind: {kind!r}")  # a caller's bug
        schema.check_code(place)
        day = day or schema.today()
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
            if not schema.has_table(conn, "event_tally"):
                return []
            rows = conn.execute("SELECT day, place, pages, screenings, sheets FROM event_tally "
                                "ORDER BY day, place").fetchall()
        return [TallyRow(**row) for row in rows]

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
            bookmarks = [row["code"] for row in conn.execute(_BOOKMARKS)]
            notes = [LocalNote(**row) for row in conn.execute(
                f"SELECT {schema.NOTE_COLUMNS} FROM local_note ORDER BY jurisdiction, created, id")]
            clinic = self._clinic(conn)
        from desktop.data.user_transfer import write_export

        write_export(path, bookmarks, notes, clinic)
        return len(notes)

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
        from desktop.data.user_transfer import ImportResult, read_export

        bookmarks, incoming, their_clinic = read_export(Path(path), known_codes)
        added = unchanged = kept_both = bookmarks_added = 0
        clinic = ""
        total = len(incoming)
        with self._saving() as conn, _bulk_insert(conn):
            ids: set[str] = set()
            texts: set[tuple[str, str]] = set()
            for row in conn.execute("SELECT id, jurisdiction, text FROM local_note"):
                ids.add(row["id"])
                texts.add((row["jurisdiction"], row["text"]))
            pending: list[LocalNote] = []
            for n, note in enumerate(incoming):
                if progress is not None and n % _IMPORT_CHUNK == 0:
                    _report(progress, n, total, conn, pending)
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
                pending.append(note)
            _report(progress, total, total, conn, pending)
            for code in bookmarks:
                bookmarks_added += conn.execute(
                    "INSERT OR IGNORE INTO bookmark (code, created) VALUES (?, ?)",
                    (code, schema.utc_now())).rowcount
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


_IMPORT_CACHE_KIB = 65536  # page cache while importing: the id index of 100,000 notes fits


@contextlib.contextmanager
def _bulk_insert(conn: sqlite3.Connection) -> Iterator[None]:
    """Many notes in the open transaction, indexed for search once at the end.

    The per-row trigger that indexes each new note (one FTS5 update per row, interleaved
    with the notes' own pages) costs twice the insert itself; here it is dropped for the
    import and the new notes (every seq above the largest before it: seq is never reused
    downwards) are indexed in one INSERT ... SELECT, then the trigger is put back exactly as
    it was (its own SQL from sqlite_master). All of it is in the caller's transaction, so a
    cancelled or failed import rolls the trigger back with the notes. The page cache is
    made large enough that the random ids' index stays in memory, and restored after."""
    row = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                       (_INSERT_TRIGGER,)).fetchone()
    trigger = row[0] if row is not None else None
    before = conn.execute("SELECT coalesce(max(seq), 0) FROM local_note").fetchone()[0]
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = {-_IMPORT_CACHE_KIB}")
    try:
        if trigger is not None:
            conn.execute(f"DROP TRIGGER {_INSERT_TRIGGER}")
        yield
        if trigger is not None:
            conn.execute("INSERT INTO local_note_fts (rowid, text) "
                         "SELECT seq, text FROM local_note WHERE seq > ?", (before,))
            conn.execute(trigger)
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache)}")


def _insert_notes(conn: sqlite3.Connection, notes: Sequence[LocalNote]) -> None:
    conn.executemany(f"INSERT INTO local_note ({schema.NOTE_COLUMNS}) VALUES (?, ?, ?, ?, ?)",
                     [(n.id, n.jurisdiction, n.text, n.created, n.updated) for n in notes])


def _report(progress: ImportProgress | None, done: int, total: int,
            conn: sqlite3.Connection, pending: list[LocalNote]) -> None:
    """Write the notes gathered so far, then say how far along; False from `progress`
    cancels the whole import (the transaction is rolled back)."""
    if pending:
        _insert_notes(conn, pending)
        pending.clear()
    if progress is not None and progress(done, total) is False:
        from desktop.data.user_transfer import ImportCancelled

        raise ImportCancelled()


def _connect(path: Path) -> sqlite3.Connection:
    try:
        return sqlite3.connect(path, isolation_level=None, timeout=5.0)
    except sqlite3.Error as exc:
        raise UserDataError(strings.fmt(strings.USERDATA_FOLDER, folder=path.parent),
                            str(exc), strings.USERDATA_OPEN_TITLE) from exc
