"""The one opener: read-only, never writes, and a plain error for every kind of bad file."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3

import pytest

from desktop.data.database import open_database, read_only_uri
from desktop.data.repository import Repository
from desktop.data.schema import SCHEMA_VERSION
from desktop.errors import DatabaseError
from tests.conftest import run_app


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_uri_is_read_only_and_immutable(built_db):
    uri = read_only_uri(built_db)
    assert uri.startswith("file:///") and uri.endswith("?mode=ro&immutable=1")


def test_uri_escapes_odd_characters(tmp_path, built_db):
    odd = tmp_path / "clinic data #1 ?.db"
    shutil.copy(built_db, odd)
    conn, info = open_database(odd)
    assert info.schema_version == SCHEMA_VERSION
    conn.close()


def test_opener_refuses_writes(built_db):
    conn, _ = open_database(built_db)
    for statement in ("INSERT INTO meta VALUES ('x', 'y')", "DELETE FROM jurisdiction",
                      "CREATE TABLE t (x)", "PRAGMA user_version = 5"):
        with pytest.raises(sqlite3.OperationalError):
            conn.execute(statement)
            conn.commit()
    conn.close()


def test_a_session_leaves_the_file_bytes_unchanged(tmp_path, built_db):
    copy = tmp_path / "relief.db"
    shutil.copy(built_db, copy)
    before = digest(copy)
    repo = Repository.open(copy)
    for summary in repo.jurisdictions():
        repo.jurisdiction(summary.code)
    repo.search("expungement petition")
    repo.close()
    assert digest(copy) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["relief.db"]  # no -wal / -journal


def make_bad_file(kind: str, tmp_path, built_db):
    path = tmp_path / f"{kind}.db"
    if kind == "missing":
        return path
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "random":
        path.write_bytes(bytes(range(256)) * 64)
    elif kind == "text":
        path.write_text("code,name\nAZ,Arizona\n")
    elif kind == "truncated":
        data = built_db.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    elif kind == "newer":
        shutil.copy(built_db, path)
        with sqlite3.connect(path) as conn:
            conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                         (str(SCHEMA_VERSION + 1),))
        conn.close()
    elif kind == "foreign":
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE things (x)")
        conn.close()
    elif kind == "directory":
        path.mkdir()
    return path


BAD_FILES = {
    "missing": "was not found",
    "empty": "is empty",
    "random": "damaged or is not a Relief Atlas database",
    "text": "damaged or is not a Relief Atlas database",
    "truncated": "where its header says",
    "newer": "needs a newer version of Relief Atlas",
    "foreign": "not a Relief Atlas database",
    "directory": "is not a file",
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_file_raises_a_known_error(kind, tmp_path, built_db):
    path = make_bad_file(kind, tmp_path, built_db)
    with pytest.raises(DatabaseError) as info:
        open_database(path)
    assert BAD_FILES[kind] in info.value.message
    assert str(path) in info.value.message


@pytest.mark.parametrize("kind", ["missing", "empty", "random", "truncated", "newer"])
def test_bad_file_through_smoke_test(kind, tmp_path, built_db):
    path = make_bad_file(kind, tmp_path, built_db)
    result = run_app("--smoke-test", "--db", str(path))
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines[-1].startswith("smoke test failed: ")
    assert BAD_FILES[kind] in lines[-1]
    assert "Traceback" not in result.stderr + result.stdout


def test_smoke_test_passes_on_the_real_data(built_db):
    result = run_app("--smoke-test", "--db", str(built_db))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("smoke test passed:")


def test_smoke_test_leaves_the_persons_settings_and_notes_alone(built_db, tmp_path):
    import os

    env_home = tmp_path / "persons-data"  # (conftest puts matplotlib's cache under home/)
    result = run_app_env({"RELIEF_ATLAS_DATA_DIR": str(env_home)}, "--smoke-test", "--db",
                         str(built_db))
    assert result.returncode == 0, result.stderr
    assert not env_home.exists() or not any(env_home.iterdir())
    assert os.environ.get("RELIEF_ATLAS_DATA_DIR") != str(env_home)


def run_app_env(extra: dict[str, str], *args: str):
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **extra)
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
