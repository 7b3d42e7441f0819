"""The clinic's own bookmarks and notes: kept, exported, merged, and never silently lost."""

from __future__ import annotations

import json
import os
import random
import sqlite3
from pathlib import Path

import pytest

from desktop.data import user_schema, user_store
from desktop.data.records import HIGHLIGHT_END, HIGHLIGHT_START, LocalNote
from desktop.data.user_store import UserStore
from desktop.data.user_transfer import ImportResult
from desktop.errors import UserDataError

COURT = "County court: Thursdays 2–5 pm, room 3\n\nAsk for the self-help desk."


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "data" / "user.db"


@pytest.fixture
def store(db_path):
    with UserStore.open(db_path) as opened:
        yield opened


@pytest.fixture
def clock(monkeypatch):
    """A clock that ticks one second per reading, so ordering never depends on real time."""
    ticks = iter(range(3600))

    def tick() -> str:
        minutes, seconds = divmod(next(ticks), 60)
        return f"2026-11-21T14:{minutes:02d}:{seconds:02d}Z"

    monkeypatch.setattr(user_schema, "utc_now", tick)


def snapshot(store: UserStore) -> tuple[list[str], list[LocalNote]]:
    return store.bookmarks(), store.notes()


def fill(store: UserStore) -> None:
    store.set_bookmark("NY", True)
    store.set_bookmark("CA", True)
    store.add_note("NY", COURT)
    store.add_note("NY", "Legal aid walk-in: Mondays")
    store.add_note("IL", "Clerk waives the fee if you ask")


# -- saving and reopening -------------------------------------------------------------------
def test_notes_and_bookmarks_survive_close_and_reopen(db_path):
    with UserStore.open(db_path) as store:
        fill(store)
        before = snapshot(store)
    assert before[0] == ["CA", "NY"]
    assert len(before[1]) == 3
    with UserStore.open(db_path) as store:
        assert snapshot(store) == before
        assert store.recovered_from is None
        assert store.is_bookmarked("NY") and not store.is_bookmarked("TX")


def test_open_creates_the_folder_and_a_versioned_wal_file(db_path):
    UserStore.open(db_path).close()
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert conn.execute("PRAGMA user_version").fetchone() == (user_schema.SCHEMA_VERSION,)
        assert conn.execute("PRAGMA application_id").fetchone() == (user_schema.APPLICATION_ID,)
    finally:
        conn.close()


def test_default_path_is_in_the_user_data_folder(tmp_path):
    # conftest points RELIEF_ATLAS_DATA_DIR at tmp_path / "home" / "data"
    assert user_store.default_path() == tmp_path / "home" / "data" / "user.db"


def test_each_save_is_committed_at_once(store, db_path):
    other = sqlite3.connect(db_path)
    try:
        note = store.add_note("NY", COURT)
        store.set_bookmark("NY", True)
        assert other.execute("SELECT text FROM local_note").fetchall() == [(COURT,)]
        assert other.execute("SELECT code FROM bookmark").fetchall() == [("NY",)]
        store.update_note(note.id, "Moved to room 4")
        assert other.execute("SELECT text FROM local_note").fetchall() == [("Moved to room 4",)]
        store.delete_note(note.id)
        store.set_bookmark("NY", False)
        assert other.execute("SELECT count(*) FROM local_note").fetchone() == (0,)
        assert other.execute("SELECT count(*) FROM bookmark").fetchone() == (0,)
    finally:
        other.close()


def test_trailing_whitespace_is_stripped_and_inner_newlines_kept(store):
    note = store.add_note("NY", "  Room 3\n\nBring ID \t\n\n")
    assert note.text == "  Room 3\n\nBring ID"
    assert store.notes("NY") == [note]


@pytest.mark.parametrize("text", ["", "   ", "\n\t \n"])
def test_empty_note_is_refused(store, text):
    kept = store.add_note("NY", COURT)
    with pytest.raises(UserDataError) as info:
        store.add_note("NY", text)
    assert "cannot be empty" in info.value.message
    with pytest.raises(UserDataError):
        store.update_note(kept.id, text)
    assert store.notes() == [kept]


def test_notes_newest_updated_first_and_per_place(store, clock):
    first = store.add_note("NY", "first")
    second = store.add_note("IL", "second")
    third = store.add_note("NY", "third")
    assert [n.text for n in store.notes()] == ["third", "second", "first"]
    edited = store.update_note(first.id, "first, edited")
    assert (edited.id, edited.created) == (first.id, first.created)
    assert edited.updated > third.updated
    assert store.notes() == [edited, third, second]
    assert store.notes("NY") == [edited, third]
    assert store.notes("TX") == []


def test_saving_unchanged_text_keeps_the_updated_time(store, clock):
    note = store.add_note("NY", COURT)
    assert store.update_note(note.id, COURT + "  \n") == note
    assert store.notes() == [note]


def test_update_of_a_deleted_note_is_refused_not_lost_silently(store):
    note = store.add_note("NY", COURT)
    store.delete_note(note.id)
    store.delete_note(note.id)  # already gone: nothing to do
    with pytest.raises(UserDataError) as info:
        store.update_note(note.id, "edited")
    assert "no longer exists" in info.value.message
    assert store.notes() == []


# -- search ---------------------------------------------------------------------------------
def test_search_finds_notes_with_highlights(store):
    fill(store)
    court = next(n for n in store.notes("NY") if n.text == COURT)
    hits = store.search("thursday room")
    assert [(h.kind, h.jurisdiction, h.ref_id, h.title) for h in hits] == [
        ("local_note", "NY", court.id, "Clinic note")]
    assert f"{HIGHLIGHT_START}Thursdays{HIGHLIGHT_END}" in hits[0].snippet
    assert isinstance(hits[0].rank, float)
    assert [h.ref_id for h in store.search("thurs")] == [court.id]  # prefix
    assert len(store.search("room walk", limit=1)) == 1  # any-word fallback, limited


def test_search_follows_edits_and_deletes(store):
    note = store.add_note("NY", COURT)
    store.update_note(note.id, "Clerk's office: Fridays")
    assert store.search("thursday") == []
    assert [h.ref_id for h in store.search("fridays")] == [note.id]
    store.delete_note(note.id)
    assert store.search("fridays") == []


@pytest.mark.parametrize("text", [
    '"', '""', '"room', "AND", "OR NOT", "room AND", "*", "room*", "-room", "^room", "NEAR(room",
    "text:room", "(", ")", "{room}", "🙂", "room 🙂 3", "'; DROP TABLE local_note; --", "",
    "   ", "\x00", "x" * 500, " ".join(["room"] * 250), "é" * 500,
])
def test_hostile_search_text_never_raises(store, text):
    store.add_note("NY", 'room "3" AND * 🙂 NEAR(')
    hits = store.search(text)
    assert isinstance(hits, list)
    assert len(store.notes()) == 1


# -- export and import ----------------------------------------------------------------------
def test_export_then_import_on_a_clean_store_reproduces_everything(tmp_path, store):
    fill(store)
    out = tmp_path / "notes.json"
    assert store.export(out) == 3
    data = json.loads(out.read_text(encoding="utf-8"))
    assert list(data) == ["format", "version", "exported", "bookmarks", "notes"]
    assert (data["format"], data["version"]) == ("relief-atlas-user-data", 1)
    assert data["bookmarks"] == ["CA", "NY"]
    keys = [(n["jurisdiction"], n["created"], n["id"]) for n in data["notes"]]
    assert keys == sorted(keys)
    with UserStore.open(tmp_path / "other" / "user.db") as clean:
        result = clean.import_file(out)
        assert result == ImportResult(notes_added=3, notes_unchanged=0, notes_kept_both=0,
                                      bookmarks_added=2)
        assert snapshot(clean) == snapshot(store)


def test_reimport_is_idempotent(tmp_path, store):
    fill(store)
    out = tmp_path / "notes.json"
    store.export(out)
    before = snapshot(store)
    assert store.import_file(out) == ImportResult(0, 3, 0, 0)
    assert store.import_file(out) == ImportResult(0, 3, 0, 0)
    assert snapshot(store) == before


def test_conflicting_edit_keeps_both_versions(tmp_path, store):
    original = store.add_note("NY", COURT)
    out = tmp_path / "laptop-a.json"
    store.export(out)
    with UserStore.open(tmp_path / "b" / "user.db") as other:
        other.import_file(out)
        other.update_note(original.id, "Court moved to room 4")
        result = other.import_file(out)
        assert result == ImportResult(0, 0, 1, 0)
        notes = other.notes("NY")
        assert sorted(n.text for n in notes) == sorted([COURT, "Court moved to room 4"])
        copy = next(n for n in notes if n.text == COURT)
        assert copy.id != original.id
        assert (copy.created, copy.updated) == (original.created, original.updated)
        # Importing the same file again adds no third copy.
        assert other.import_file(out) == ImportResult(0, 1, 0, 0)
        assert len(other.notes()) == 2


def test_import_merges_bookmarks_and_new_notes(tmp_path, store):
    store.set_bookmark("NY", True)
    kept = store.add_note("NY", COURT)
    with UserStore.open(tmp_path / "b" / "user.db") as other:
        other.set_bookmark("NY", True)
        other.set_bookmark("TX", True)
        theirs = other.add_note("TX", "Bring two copies")
        other.export(tmp_path / "b.json")
    assert store.import_file(tmp_path / "b.json") == ImportResult(1, 0, 0, 1)
    assert store.bookmarks() == ["NY", "TX"]
    assert sorted(store.notes(), key=lambda n: n.id) == sorted([kept, theirs], key=lambda n: n.id)


def _valid_export() -> dict:
    return {"format": "relief-atlas-user-data", "version": 1, "exported": "2026-11-21T14:03:05Z",
            "bookmarks": ["NY"],
            "notes": [{"id": "a" * 32, "jurisdiction": "NY", "text": "Room 3",
                       "created": "2026-11-21T14:03:05Z", "updated": "2026-11-21T14:03:05Z"}]}


def _break(change):
    data = _valid_export()
    change(data)
    return json.dumps(data)


BAD_IMPORTS = {
    "empty file": "",
    "not json": "County court: Thursdays",
    "truncated json": json.dumps(_valid_export())[:40],
    "a list": "[]",
    "wrong format": _break(lambda d: d.update(format="something-else")),
    "no format": _break(lambda d: d.pop("format")),
    "newer version": _break(lambda d: d.update(version=2)),
    "version as text": _break(lambda d: d.update(version="1")),
    "version true": _break(lambda d: d.update(version=True)),
    "no notes": _break(lambda d: d.pop("notes")),
    "no bookmarks": _break(lambda d: d.pop("bookmarks")),
    "notes not a list": _break(lambda d: d.update(notes={"id": "x"})),
    "bookmark lowercase": _break(lambda d: d["bookmarks"].append("ny")),
    "bookmark too long": _break(lambda d: d["bookmarks"].append("NYC")),
    "bookmark a number": _break(lambda d: d["bookmarks"].append(12)),
    "note not an object": _break(lambda d: d["notes"].append("Room 3")),
    "note without text": _break(lambda d: d["notes"][0].pop("text")),
    "note without id": _break(lambda d: d["notes"][0].pop("id")),
    "note without updated": _break(lambda d: d["notes"][0].pop("updated")),
    "text a number": _break(lambda d: d["notes"][0].update(text=3)),
    "text null": _break(lambda d: d["notes"][0].update(text=None)),
    "text blank": _break(lambda d: d["notes"][0].update(text="  \n ")),
    "place a name": _break(lambda d: d["notes"][0].update(jurisdiction="New York")),
    "place lowercase": _break(lambda d: d["notes"][0].update(jurisdiction="ny")),
    "id not hex": _break(lambda d: d["notes"][0].update(id="not-an-id")),
    "duplicate id": _break(lambda d: d["notes"].append(dict(d["notes"][0], text="Other"))),
    "date not iso": _break(lambda d: d["notes"][0].update(created="21/11/2026")),
    "impossible date": _break(lambda d: d["notes"][0].update(updated="2026-02-30T14:03:05Z")),
    "date without zone": _break(lambda d: d["notes"][0].update(created="2026-11-21T14:03:05")),
}


@pytest.mark.parametrize("content", BAD_IMPORTS.values(), ids=BAD_IMPORTS.keys())
def test_bad_import_is_refused_and_changes_nothing(tmp_path, store, content):
    fill(store)
    before = snapshot(store)
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(UserDataError) as info:
        store.import_file(bad)
    assert "bad.json" in info.value.message
    assert info.value.title == "The notes file was not imported"
    assert snapshot(store) == before


def test_bad_import_names_the_problem(tmp_path, store):
    bad = tmp_path / "bad.json"
    bad.write_text(_break(lambda d: d["notes"].append(dict(d["notes"][0], id="b" * 32,
                                                           jurisdiction="NYC"))))
    with pytest.raises(UserDataError) as info:
        store.import_file(bad)
    assert "note 2" in info.value.message and "NYC" in info.value.message
    bad.write_text(_break(lambda d: d.update(version=7)))
    with pytest.raises(UserDataError) as info:
        store.import_file(bad)
    assert "newer version" in info.value.message


def test_import_of_binary_or_missing_file_is_refused(tmp_path, store):
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(bytes(range(256)) * 4)
    for path in (binary, tmp_path / "missing.json", tmp_path):
        with pytest.raises(UserDataError):
            store.import_file(path)
    assert snapshot(store) == ([], [])


def test_valid_import_fixture_is_accepted(tmp_path, store):
    """Guards the bad-import cases above: each differs from an accepted file in one way."""
    good = tmp_path / "good.json"
    good.write_text(json.dumps(_valid_export()))
    assert store.import_file(good) == ImportResult(1, 0, 0, 1)


# -- damaged files at open ------------------------------------------------------------------
def _truncated_store(path: Path) -> bytes:
    with UserStore.open(path) as store:
        fill(store)
        for i in range(50):
            store.add_note("NY", f"note {i} " + "words " * 100)
    data = path.read_bytes()
    return data[: len(data) // 2]


def _scribbled_store(path: Path) -> bytes:
    """Page 1 (header and schema) intact, every other page overwritten: only a full check
    of the file finds this."""
    _truncated_store(path.with_name("source.db"))
    whole = path.with_name("source.db").read_bytes()
    return whole[:4096] + random.Random(3).randbytes(len(whole) - 4096)


def _bad_free_page_count(path: Path) -> bytes:
    """Readable, but the integrity check reports damage (no SQLite error is raised)."""
    with UserStore.open(path) as store:
        store.add_note("NY", COURT)
    data = bytearray(path.read_bytes())
    data[36:40] = (7).to_bytes(4, "big")  # header: number of free pages
    return bytes(data)


def _foreign_sqlite(path: Path) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    conn.execute("INSERT INTO invoices (amount) VALUES (12.5)")
    conn.commit()
    conn.close()
    return path.read_bytes()


def _wrong_schema(path: Path) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {user_schema.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("CREATE TABLE local_note (id TEXT)")
    conn.commit()
    conn.close()
    return path.read_bytes()


DAMAGED = {
    "random bytes": lambda path: random.Random(7).randbytes(8192),
    "truncated": _truncated_store,
    "scribbled pages": _scribbled_store,
    "bad free-page count": _bad_free_page_count,
    "plain text": lambda path: b"not a database, just some notes\n",
    "sqlite header only": lambda path: b"SQLite format 3\x00" + b"\x00" * 20,
    "foreign tables": _foreign_sqlite,
    "our id, wrong schema": _wrong_schema,
}


@pytest.mark.parametrize("make", DAMAGED.values(), ids=DAMAGED.keys())
def test_damaged_file_is_set_aside_and_a_fresh_store_works(tmp_path, make):
    path = tmp_path / "user.db"
    original = make(path)
    path.write_bytes(original)
    with UserStore.open(path) as store:
        moved = store.recovered_from
        assert moved is not None
        assert moved.parent == path.parent
        assert moved.name.startswith("user.db.corrupt-")
        assert moved.read_bytes() == original
        assert snapshot(store) == ([], [])
        note = store.add_note("NY", COURT)
        store.set_bookmark("NY", True)
    with UserStore.open(path) as store:
        assert store.recovered_from is None
        assert snapshot(store) == (["NY"], [note])


def test_sidecar_files_move_with_the_damaged_file(tmp_path):
    path = tmp_path / "user.db"
    path.write_bytes(b"garbage" * 100)
    (tmp_path / "user.db-wal").write_bytes(b"wal bytes")
    (tmp_path / "user.db-shm").write_bytes(b"shm bytes")
    with UserStore.open(path) as store:
        moved = store.recovered_from
        assert Path(f"{moved}-wal").read_bytes() == b"wal bytes"
        assert Path(f"{moved}-shm").exists()  # an index SQLite rebuilds; its bytes may change
        store.add_note("NY", COURT)  # a fresh WAL, not the damaged one
        assert len(store.notes()) == 1


def test_a_second_recovery_never_overwrites_the_first(tmp_path):
    path = tmp_path / "user.db"
    moved = []
    for content in (b"first damaged file", b"second damaged file"):
        path.unlink(missing_ok=True)
        for sidecar in tmp_path.glob("user.db-*"):
            sidecar.unlink()
        path.write_bytes(content)
        with UserStore.open(path) as store:
            moved.append(store.recovered_from)
    assert moved[0] != moved[1]
    assert [p.read_bytes() for p in moved] == [b"first damaged file", b"second damaged file"]


def test_file_from_a_newer_version_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "user.db"
    UserStore.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {user_schema.SCHEMA_VERSION + 1}")
    conn.close()
    original = path.read_bytes()
    with pytest.raises(UserDataError) as info:
        UserStore.open(path)
    assert "newer version" in info.value.message
    assert path.read_bytes() == original
    assert not list(tmp_path.glob("*corrupt*"))


# -- disk full, read-only, unwritable folder ------------------------------------------------
def _fill_the_disk(store: UserStore) -> None:
    """Simulate a full disk: SQLite may not grow the file beyond its current size."""
    conn = store._conn  # the only way to make SQLite itself say SQLITE_FULL
    (pages,) = conn.execute("PRAGMA page_count").fetchone()
    conn.execute(f"PRAGMA max_page_count = {pages}")


def test_disk_full_gives_a_plain_message_and_keeps_earlier_notes(tmp_path, db_path):
    with UserStore.open(db_path) as store:
        fill(store)
        before = snapshot(store)
        _fill_the_disk(store)
        with pytest.raises(UserDataError) as info:
            store.add_note("NY", "long " * 3_900)  # under the per-note cap
        assert info.value.message.startswith("The disk is full")
        assert "sqlite" not in info.value.message.lower()
        assert info.value.title == "Your notes could not be saved"
        assert snapshot(store) == before
        assert store.search("long") == []
    with UserStore.open(db_path) as store:
        assert snapshot(store) == before


def test_disk_full_during_import_writes_none_of_it(tmp_path, store):
    fill(store)
    before = snapshot(store)
    data = _valid_export()
    data["notes"] = [dict(data["notes"][0], id=f"{i:032x}", text=f"note {i} " + "x" * 2000)
                     for i in range(40)]
    data["bookmarks"] = ["TX", "WA"]
    big = tmp_path / "big.json"
    big.write_text(json.dumps(data))
    _fill_the_disk(store)
    with pytest.raises(UserDataError):
        store.import_file(big)
    assert snapshot(store) == before


def test_read_only_store_gives_a_plain_message(store):
    store.set_bookmark("NY", True)
    store._conn.execute("PRAGMA query_only = ON")  # SQLite then says "readonly"
    with pytest.raises(UserDataError) as info:
        store.set_bookmark("TX", True)
    assert "read-only" in info.value.message
    with pytest.raises(UserDataError):
        store.add_note("NY", COURT)
    assert snapshot(store) == (["NY"], [])


def test_folder_that_cannot_be_created_gives_a_plain_message(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(UserDataError) as info:
        UserStore.open(blocker / "data" / "user.db")
    assert "cannot create or write its notes folder" in info.value.message
    assert info.value.title == "Your notes could not be opened"
    assert blocker.read_text() == "a file where the folder should be"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root can write read-only folders")
def test_read_only_folder_gives_a_plain_message(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(UserDataError):
            UserStore.open(folder / "user.db")
    finally:
        folder.chmod(0o700)
