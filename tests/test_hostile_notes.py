"""Notes import against hostile files: each refused in one plain sentence, nothing half
imported; linear, cancellable, off the GUI thread; a damaged notes index is rebuilt; and the
`relief-atlas notes export|import` commands with the same checks."""

from __future__ import annotations

import json
import os
import sqlite3
import sys

import pytest

from desktop.data.user_schema import MAX_NOTE_CHARS
from desktop.data.user_store import UserStore
from desktop.data.user_transfer import EXPORT_FORMAT, ImportCancelled, ImportResult
from desktop.errors import UserDataError

NOTE_ID = "0123456789abcdef0123456789abcdef"
TIME = "2026-11-21T14:03:05Z"
CODES = {"AZ", "NY", "MO", "US"}


def export_file(path, notes=(), bookmarks=(), raw_text=None):
    if raw_text is not None:
        path.write_text(raw_text, encoding="utf-8")
        return path
    path.write_text(json.dumps({"format": EXPORT_FORMAT, "version": 1, "exported": TIME,
                                "bookmarks": list(bookmarks), "notes": list(notes)}))
    return path


def note(i=0, code="AZ", text=None):
    return {"id": f"{i:032x}", "jurisdiction": code, "text": text or f"note {i}",
            "created": TIME, "updated": TIME}


@pytest.fixture
def store(tmp_path):
    with UserStore.open(tmp_path / "user.db") as s:
        s.add_note("AZ", "court opens at nine")
        s.set_bookmark("NY", True)
        yield s


def snapshot(store):
    return store.notes(), store.bookmarks()


def refused(store, path, codes=CODES) -> str:
    before = snapshot(store)
    with pytest.raises(UserDataError) as info:
        store.import_file(path, codes)
    assert snapshot(store) == before  # nothing half-imported
    message = info.value.one_line()
    assert "\n" not in message and "Traceback" not in message
    return message


def test_a_lone_surrogate_is_refused_naming_the_note(store, tmp_path):
    raw = json.dumps({"format": EXPORT_FORMAT, "version": 1, "bookmarks": [],
                      "notes": [note(1), note(2, text="placeholder")]})
    path = export_file(tmp_path / "s.json", raw_text=raw.replace("placeholder", "bad \\ud800"))
    message = refused(store, path)
    assert "note 2" in message and f"{2:032x}" in message


def test_a_note_over_the_size_cap_is_refused(store, tmp_path):
    path = export_file(tmp_path / "big.json", [note(1, text="x" * (MAX_NOTE_CHARS + 1))])
    assert "longer than 20000 characters" in refused(store, path)
    with pytest.raises(UserDataError):
        store.add_note("AZ", "y" * (MAX_NOTE_CHARS + 1))


def test_notes_and_bookmarks_for_unknown_places_are_refused(store, tmp_path):
    assert "“ZZ”" in refused(store, export_file(tmp_path / "n.json", [note(1, code="ZZ")]))
    assert "bookmark 2" in refused(store, export_file(tmp_path / "b.json",
                                                       bookmarks=["AZ", "ZZ"]))


@pytest.mark.parametrize("kind", ["dev_zero", "dev_urandom", "fifo", "folder"])
def test_anything_but_an_ordinary_file_is_refused_before_reading(kind, store, tmp_path):
    if kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        path = tmp_path / "pipe.json"
        os.mkfifo(path)  # reading it would wait forever for a writer
    elif kind == "folder":
        path = tmp_path / "folder.json"
        path.mkdir()
    else:
        path = f"/dev/{kind.split('_')[1]}"
        if not os.path.exists(path):
            pytest.skip(f"no {path} here")
    assert "not an ordinary file" in refused(store, path)


def test_version_one_files_stay_importable(store, tmp_path):
    path = export_file(tmp_path / "v1.json", [note(1, code="MO")], ["MO"])
    assert store.import_file(path, CODES) == ImportResult(1, 0, 0, 1)


def test_cancelling_keeps_nothing(store, tmp_path):
    path = export_file(tmp_path / "many.json", [note(i) for i in range(5000)])
    before = snapshot(store)
    seen = []
    with pytest.raises(ImportCancelled):
        store.import_file(path, CODES, lambda done, total: seen.append(done) or done < 2000)
    assert snapshot(store) == before and seen[-1] == 2000


def test_importing_twice_is_linear_and_keeps_one_copy(store, tmp_path):
    path = export_file(tmp_path / "many.json", [note(i) for i in range(3000)])
    assert store.import_file(path, CODES).notes_added == 3000
    assert store.import_file(path, CODES) == ImportResult(0, 3000, 0, 0)
    assert len(store.notes("AZ")) == 3001


def _insert_trigger(store):
    row = store._conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                              "AND name = 'local_note_ai'").fetchone()
    return row[0] if row else None


def test_imported_notes_are_indexed_once_and_the_trigger_is_back(store, tmp_path):
    # The import indexes its notes for search in one statement at the end, without the
    # per-row trigger; the index must hold exactly what the trigger would have put there.
    trigger = _insert_trigger(store)
    path = export_file(tmp_path / "many.json",
                       [note(i, text=f"clerk window {i} opens early") for i in range(2500)])
    assert store.import_file(path, CODES).notes_added == 2500
    assert _insert_trigger(store) == trigger
    assert store._conn.execute("INSERT INTO local_note_fts (local_note_fts) "
                               "VALUES ('integrity-check')") is not None
    assert [hit.jurisdiction for hit in store.search("court opens")] == ["AZ"]  # the note before
    assert len(store.search("clerk window", limit=5000)) == 2500
    later = store.add_note("MO", "a courthouse ramp at the side door")
    assert [hit.ref_id for hit in store.search("ramp")] == [later.id]  # trigger works again


def test_a_cancelled_import_puts_the_trigger_back(store, tmp_path):
    trigger = _insert_trigger(store)
    path = export_file(tmp_path / "many.json", [note(i) for i in range(5000)])
    with pytest.raises(ImportCancelled):
        store.import_file(path, CODES, lambda done, total: done < 2000)
    assert _insert_trigger(store) == trigger
    added = store.add_note("NY", "the ramp is at the side door")
    assert [hit.ref_id for hit in store.search("ramp")] == [added.id]


@pytest.mark.parametrize("damage", ["garbage", "rows_gone"])
def test_a_damaged_notes_index_is_rebuilt_not_set_aside(damage, tmp_path):
    path = tmp_path / "user.db"
    with UserStore.open(path) as s:
        for i in range(30):
            s.add_note("AZ", f"court hours {i}")
    conn = sqlite3.connect(path)
    if damage == "garbage":
        conn.execute("UPDATE local_note_fts_data SET block = randomblob(length(block)) "
                     "WHERE id > 10")
    else:
        conn.execute("DELETE FROM local_note_fts_data WHERE id > 10")
    conn.commit()
    conn.close()
    with UserStore.open(path) as s:
        assert s.recovered_from is None and s.index_rebuilt
        assert len(s.notes()) == 30 and s.search("court")
    from desktop.app import open_user_store

    store, notice = open_user_store(path)
    store.close()
    assert notice is None  # rebuilt once; the next start finds it whole


def test_a_corrupt_index_met_in_a_search_is_rebuilt_and_the_search_answers(tmp_path):
    path = tmp_path / "user.db"
    with UserStore.open(path) as s:
        for i in range(30):
            s.add_note("AZ", f"court hours {i}")
        s._conn.execute("UPDATE local_note_fts_data SET block = randomblob(length(block)) "
                        "WHERE id > 10")
        assert s.search("court")
        assert s.index_rebuilt


# -- the window: off the GUI thread, cancellable ---------------------------------------------
def test_the_window_imports_on_a_thread_and_a_cancel_keeps_nothing(qtbot, window, tmp_path,
                                                                   monkeypatch):
    from PySide6.QtCore import QMetaObject, QObject, Qt, Slot
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from desktop.views import notes_import

    class Person(QObject):  # in the GUI thread: presses the dialog's Cancel button
        @Slot()
        def press_cancel(self):
            dialog = window.findChild(QProgressDialog, "notesImportProgress")
            dialog.findChild(QPushButton).click()

    person = Person()
    path = export_file(tmp_path / "many.json", [note(i, code="MO") for i in range(5000)])
    original = notes_import._Worker._progress
    threads = []

    def first_waits_for_the_person(self, done, total):
        threads.append(notes_import.QThread.currentThread())
        original(self, done, total)
        if done == 0:
            QMetaObject.invokeMethod(person, "press_cancel", Qt.ConnectionType.QueuedConnection)
            self.cancelled.wait(30)  # until the dialog's Cancel is pressed
        return not self.cancelled.is_set()

    monkeypatch.setattr(notes_import._Worker, "_progress", first_waits_for_the_person)
    before = window.store.notes()
    assert not window.notes_actions.import_notes(path)
    assert window.store.notes() == before
    assert "cancelled" in window.statusBar().currentMessage()
    assert threads and all(t is not window.thread() for t in threads)


# -- the command line -----------------------------------------------------------------------
def test_notes_export_then_import_on_the_command_line(tmp_path, built_db, capsys, monkeypatch):
    from desktop.__main__ import main

    monkeypatch.setenv("RELIEF_ATLAS_DATA_DIR", str(tmp_path / "laptop-a"))
    with UserStore.open(tmp_path / "laptop-a" / "user.db") as s:
        s.add_note("AZ", "Clinic every Tuesday “upstairs”")
        s.set_bookmark("AZ", True)
    assert main(["notes", "export", str(tmp_path / "out.json")]) == 0
    assert "Exported 1 clinic notes" in capsys.readouterr().out
    monkeypatch.setenv("RELIEF_ATLAS_DATA_DIR", str(tmp_path / "laptop-b"))
    assert main(["notes", "import", str(tmp_path / "out.json"), "--db", str(built_db)]) == 0
    assert "Imported 1 new notes and 1 new bookmarks" in capsys.readouterr().out
    with UserStore.open(tmp_path / "laptop-b" / "user.db") as s:
        assert [n.text for n in s.notes()] == ["Clinic every Tuesday “upstairs”"]


def test_notes_import_on_the_command_line_refuses_in_one_line(tmp_path, built_db, capsys):
    from desktop.__main__ import main

    bad = export_file(tmp_path / "zz.json", [note(1, code="ZZ")])
    assert main(["notes", "import", str(bad), "--db", str(built_db)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "“ZZ”" in err[0] and "Nothing was changed" in err[0]
    if sys.platform.startswith("linux"):
        assert main(["notes", "import", "/dev/zero", "--db", str(built_db)]) == 1
        assert "not an ordinary file" in capsys.readouterr().err
