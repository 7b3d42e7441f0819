"""Hostile reference databases, each made from a copy of the real one by one change.

`make(kind, folder, real_db)` returns the path to open. Every kind must be refused by the
one opener with one plain line (tests/test_hostile_files.py runs each through every entry
point). The kinds are the ones a fault run against the app found, plus the file-level ones.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path


def _edit(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
        conn.execute("VACUUM")  # a tidy file: its header states its true size
    finally:
        conn.close()


def _copy_then(*statements: str):
    def make(path: Path, real: Path) -> None:
        shutil.copy(real, path)
        _edit(path, *statements)
    return make


def _truncated_by_one_byte(path: Path, real: Path) -> None:
    path.write_bytes(real.read_bytes()[:-1])


def _one_byte_longer(path: Path, real: Path) -> None:
    path.write_bytes(real.read_bytes() + b"\0")


def _foreign_with_meta(path: Path, real: Path) -> None:
    _edit(path, "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
          "INSERT INTO meta VALUES ('schema_version', '1')",
          "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")


def _link_loop(path: Path, real: Path) -> None:
    other = path.with_name(path.name + ".other")
    os.symlink(other, path)
    os.symlink(path, other)


def _unreadable(path: Path, real: Path) -> None:
    shutil.copy(real, path)
    path.chmod(0)


def _fts_blocks_garbage(path: Path, real: Path) -> None:
    # Every index leaf overwritten with noise; the structure record (id 10) left alone, so
    # the table still "opens" and only a search finds out.
    shutil.copy(real, path)
    _edit(path, "UPDATE search_index_fts_data SET block = randomblob(length(block)) "
                "WHERE id > 10")


KINDS = {
    "dropped_table": _copy_then("DROP TABLE relief_count"),
    "dropped_column": _copy_then("ALTER TABLE relief_path DROP COLUMN how_to_apply"),
    "text_for_count": _copy_then(
        "UPDATE relief_count SET count = 'lots' WHERE rowid = (SELECT min(rowid) FROM relief_count)"),
    "unknown_mechanism": _copy_then(
        "UPDATE relief_path SET mechanism = 'teleport' WHERE rowid = (SELECT min(rowid) FROM relief_path)"),
    "unknown_caveat_kind": _copy_then(
        "UPDATE caveat SET kind = 'rumour' WHERE rowid = (SELECT min(rowid) FROM caveat)"),
    "bad_date": _copy_then(
        "UPDATE relief_count SET as_of = 'last spring' WHERE rowid = (SELECT min(rowid) FROM relief_count)"),
    "missing_source": _copy_then(
        "UPDATE relief_path SET source_id = 'no-such-source' WHERE rowid = (SELECT min(rowid) FROM relief_path)"),
    "schema_version_null": _copy_then(
        "ALTER TABLE meta RENAME TO old_meta", "CREATE TABLE meta (key TEXT, value TEXT)",
        "INSERT INTO meta SELECT key, CASE key WHEN 'schema_version' THEN NULL ELSE value END "
        "FROM old_meta", "DROP TABLE old_meta"),
    "jurisdictions_many": _copy_then("UPDATE meta SET value = 'many' WHERE key = 'jurisdictions'"),
    "newer_version": _copy_then("UPDATE meta SET value = '99' WHERE key = 'schema_version'"),
    "fts_damaged": _fts_blocks_garbage,
    "fts_documents_gone": _copy_then("DELETE FROM search_index WHERE id % 2 = 0"),
    "foreign_with_meta": _foreign_with_meta,
    "truncated_one_byte": _truncated_by_one_byte,
    "one_byte_longer": _one_byte_longer,
    "symlink_loop": _link_loop,
    "unreadable": _unreadable,
    "empty": lambda path, real: path.write_bytes(b""),
    "not_sqlite": lambda path, real: path.write_bytes(os.urandom(4096)),
    "missing": lambda path, real: None,
    "directory": lambda path, real: path.mkdir(),
}

# What the one line must say for each kind (the rest says "damaged or is not a complete ...").
SAYS = {
    "dropped_table": "relief_count",
    "dropped_column": "how_to_apply",
    "text_for_count": "lots",
    "unknown_mechanism": "teleport",
    "unknown_caveat_kind": "rumour",
    "bad_date": "last spring",
    "missing_source": "no-such-source",
    "schema_version_null": "version information is unreadable",
    "jurisdictions_many": "many",
    "newer_version": "needs a newer version",
    "fts_damaged": "search index is damaged",
    "fts_documents_gone": "search index is damaged",
    "foreign_with_meta": "table “source” is missing",
    "truncated_one_byte": "bytes where its header says",
    "one_byte_longer": "bytes where its header says",
    "symlink_loop": "loop of symbolic links",
    "unreadable": "cannot be read (permission)",
    "empty": "is empty",
    "not_sqlite": "damaged or is not a",
    "missing": "was not found",
    "directory": "is not a file",
}


def make(kind: str, folder: Path, real: Path) -> Path:
    path = Path(folder) / f"{kind}.db"
    KINDS[kind](path, real)
    return path
