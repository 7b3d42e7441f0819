"""Reading single facts from the built database, for the data review's guard tests
(tests/test_data_review_2026_12_*.py): each helper fails with the id when a fact is missing."""

from __future__ import annotations

import datetime
import sqlite3

import pytest

from desktop.domain.screener import Situation, screen

OZ = 28.349523125
TODAY = datetime.date(2026, 12, 4)
# Research jargon a volunteer must never read (tests/test_data_truth.py scans all places).
JARGON = ("ccrc", "could not be retrieved", "could not be read", "header", "seed article",
          "seed a", "seed b", "appendix", "(bg)", "background knowledge", "dossier",
          "our research", "chart's row")


@pytest.fixture(scope="module")
def db(built_db):
    conn = sqlite3.connect(f"{built_db.as_uri()}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    yield conn
    conn.close()


def _one(db, table: str, key: str, value: str) -> sqlite3.Row:
    row = db.execute(f"SELECT * FROM {table} WHERE {key} = ?", (value,)).fetchone()
    assert row is not None, value
    return row


def path(db, pid) -> sqlite3.Row:
    return _one(db, "relief_path", "id", pid)


def count(db, cid) -> sqlite3.Row:
    return _one(db, "relief_count", "id", cid)


def note(db, nid) -> sqlite3.Row:
    return _one(db, "note", "id", nid)


def place(db, code) -> sqlite3.Row:
    return _one(db, "jurisdiction", "code", code)


def sources(db, kind, sid) -> list[str]:
    return [r[0] for r in db.execute(
        "SELECT source_id FROM fact_source WHERE subject_kind = ? AND subject_id = ?"
        " ORDER BY position", (kind, sid))]


def caveat(db, kind, sid):
    return db.execute("SELECT kind, text FROM caveat WHERE subject_kind = ? AND subject_id = ?",
                      (kind, sid)).fetchone()


def offense_kinds(db, pid) -> set[str]:
    return {r[0] for r in db.execute(
        "SELECT offense_kind FROM relief_path_offense WHERE path_id = ?", (pid,))}


def verdicts(repo, **answers) -> dict[str, str]:
    """The screener's verdict per path for these answers, on the real data."""
    situation = Situation(**answers)
    results = screen(situation, repo.jurisdiction(situation.jurisdiction),
                     repo.jurisdiction("US"), today=TODAY)
    return {r.path_id: r.verdict for r in results}
