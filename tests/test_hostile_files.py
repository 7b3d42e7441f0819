"""Every file the app reads can be hostile: each damaged reference database (built from the
real one, tests/helpers/hostile.py) through every entry point gives one plain line and a
non-zero exit, never a traceback; a file lacking only the later, optional columns opens."""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys

import pytest

from desktop.data import database
from desktop.data.database import open_database
from desktop.errors import DatabaseError
from tests.conftest import run_app
from tests.helpers import hostile

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
KINDS = [k for k in hostile.KINDS if not (k == "unreadable" and IS_ROOT)]  # root reads all


@pytest.fixture(autouse=True)
def _fresh_validation():
    database._validated.clear()
    yield
    database._validated.clear()


@pytest.fixture(autouse=True)
def _no_qt_handler_swap(monkeypatch):
    # In this process pytest-qt owns Qt's message handler; the command would install its own.
    monkeypatch.setattr("desktop.commands.export_handout.quiet_qt_messages", lambda: None)


def _one_plain_line(err: str, kind: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err and "Error:" not in lines[0]
    assert hostile.SAYS[kind] in lines[0], lines[0]
    return lines[0]


ENTRY_POINTS = {
    "screen": lambda db, out: ["screen", "--state", "AZ", "--db", db],
    "export-handout": lambda db, out: ["export-handout", "AZ", "--out", str(out / "h.pdf"),
                                       "--db", db],
    "export-chart": lambda db, out: ["export-chart", "map", "--out", str(out / "c.png"),
                                     "--db", db],
    "notes-import": lambda db, out: ["notes", "import", str(out / "notes.json"), "--db", db],
}


@pytest.mark.parametrize("entry", sorted(ENTRY_POINTS))
@pytest.mark.parametrize("kind", KINDS)
def test_every_command_refuses_every_damaged_database_in_one_line(kind, entry, tmp_path,
                                                                  built_db, capsys, qapp):
    from desktop.__main__ import main

    (tmp_path / "notes.json").write_text('{"format": "relief-atlas-user-data", "version": 1, '
                                         '"bookmarks": [], "notes": []}')
    db = str(hostile.make(kind, tmp_path, built_db))
    code = main(ENTRY_POINTS[entry](db, tmp_path))
    out, err = capsys.readouterr()
    assert code not in (0, None)
    _one_plain_line(err, kind)
    assert not (tmp_path / "h.pdf").exists() and not (tmp_path / "c.png").exists()


@pytest.mark.parametrize("kind", KINDS)
def test_the_window_refuses_every_damaged_database_in_one_line(kind, tmp_path, built_db, qapp,
                                                               capsys, monkeypatch):
    from desktop import app

    shown = []
    monkeypatch.setattr("desktop.views.error_dialogs.show_known_error",
                        lambda error, parent=None: shown.append(error))
    monkeypatch.setattr("sys.excepthook", sys.excepthook)  # app.run installs its own
    code = app.run(hostile.make(kind, tmp_path, built_db))
    _, err = capsys.readouterr()
    assert code != 0
    assert _one_plain_line(err, kind).startswith("Relief Atlas cannot start: ")
    assert len(shown) == 1 and hostile.SAYS[kind] in shown[0].message


@pytest.mark.parametrize("kind", KINDS)
def test_the_smoke_test_refuses_every_damaged_database_in_one_line(kind, tmp_path, built_db):
    result = run_app("--smoke-test", "--db", str(hostile.make(kind, tmp_path, built_db)))
    assert result.returncode != 0
    assert result.stdout == ""
    assert _one_plain_line(result.stderr, kind).startswith("smoke test failed: ")


def test_the_smoke_test_says_one_line_and_nothing_from_qt(built_db):
    result = run_app("--smoke-test", "--db", str(built_db))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 1


def test_every_kind_is_refused_by_the_opener_itself(tmp_path, built_db):
    for kind in KINDS:
        with pytest.raises(DatabaseError) as info:
            open_database(hostile.make(kind, tmp_path, built_db))
        assert hostile.SAYS[kind] in info.value.message, kind


def test_permission_is_not_called_damage(tmp_path, built_db, monkeypatch):
    path = tmp_path / "relief.db"
    shutil.copy(built_db, path)

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", refuse)  # as a file another user owns reads
    with pytest.raises(DatabaseError) as info:
        open_database(path)
    assert "cannot be read (permission)" in info.value.message
    assert "damaged" not in info.value.message


# -- the later, optional columns -------------------------------------------------------------
def _without_later_columns(real, path):
    """A file as built before the columns added within version 1 (schema.py `optional`)."""
    from desktop.data.schema import TABLES, later_columns

    shutil.copy(real, path)
    conn = sqlite3.connect(path)
    for table in TABLES:
        later = later_columns(table)
        if not later:
            continue
        keep = ", ".join(f'"{c}"' for c in TABLES[table]["columns"] if c not in later)
        conn.execute(f'CREATE TABLE "new_{table}" AS SELECT {keep} FROM "{table}"')
        conn.execute(f'DROP TABLE "{table}"')
        conn.execute(f'ALTER TABLE "new_{table}" RENAME TO "{table}"')
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    return path


def test_a_file_without_the_later_columns_opens_and_reads_them_as_unknown(tmp_path, built_db):
    from desktop.data.repository import Repository

    repo = Repository.open(_without_later_columns(built_db, tmp_path / "older.db"))
    try:
        detail = repo.jurisdiction("AZ")
        assert detail.as_of is None and detail.self_help is None
        assert all(p.form is None for p in detail.paths)
        assert repo.search("expungement")
    finally:
        repo.close()


def test_later_columns_are_checked_when_present(tmp_path, built_db):
    path = tmp_path / "bad-link.db"
    shutil.copy(built_db, path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE relief_path SET form_url = 'https://x.example', "
                 "form_source_id = 'gone' WHERE rowid = (SELECT min(rowid) FROM relief_path)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError) as info:
        open_database(path)
    assert "relief_path.form_source_id" in info.value.message and "gone" in info.value.message


# -- the bundled file, validated once ----------------------------------------------------------
def test_the_bundled_file_is_validated_once_then_known_by_its_hash(tmp_path, built_db,
                                                                   monkeypatch):
    trust = tmp_path / "user-data"
    calls = []
    real_validate = database.validate
    monkeypatch.setattr(database, "validate",
                        lambda conn, path: calls.append(path) or real_validate(conn, path))
    for _ in range(2):
        database._validated.clear()
        conn, info = open_database(built_db, trust)
        conn.close()
    assert len(calls) == 1 and info.jurisdictions > 50
    assert (trust / database.TRUST_FILE).is_file()

    changed = tmp_path / "changed.db"  # same trust folder, other bytes: checked in full
    shutil.copy(built_db, changed)
    with sqlite3.connect(changed) as conn:
        conn.execute("UPDATE relief_path SET mechanism = 'teleport' "
                     "WHERE rowid = (SELECT min(rowid) FROM relief_path)")
    conn.close()
    with pytest.raises(DatabaseError):
        open_database(changed, trust)
