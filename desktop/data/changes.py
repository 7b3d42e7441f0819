"""What changed between two reference databases, per place: facts added, changed, removed.

Computed from the two files, never typed by hand: `data pack` writes it as the package's
CHANGES summary, `data diff` prints it, and the window's "What changed" view shows it. This
module finds the changes as plain records (table, fact id, field, old and new value);
`desktop.domain.changes` puts them into sentences. Both files are opened with the one opener
(read-only, fully validated). Plain Python: no Qt.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

NATIONAL = ""          # the place code of national figures
SOURCES = "*sources"   # the place code of changes to sources themselves

# table -> (key column, place column or None, subject kinds whose sources belong to the fact)
_FACTS: dict[str, tuple[str, str | None, tuple[str, ...]]] = {
    "jurisdiction": ("code", "code", ("jurisdiction", "adult_use")),
    "relief_path": ("id", "jurisdiction", ("relief_path",)),
    "relief_count": ("id", "jurisdiction", ("relief_count",)),
    "note": ("id", "jurisdiction", ("note",)),
    "caveat": ("id", "jurisdiction", ()),
    "national_figure": ("id", None, ("national_figure",)),
    "source": ("id", None, ()),
}
# Columns that are bookkeeping, not facts a volunteer reads.
_IGNORED = {"position", "jurisdiction", "code", "id"}
_IGNORED_BY_TABLE = {"jurisdiction": {"as_of"}, "caveat": {"subject_kind", "subject_id"}}


@dataclass(frozen=True)
class Change:
    action: str                 # "added" | "changed" | "removed"
    table: str
    fact_id: str
    row: dict                   # the fact as it is now (as it was, when removed)
    field: str | None = None    # what changed ("changed" only); "offense_kinds", "sources" too
    old: object = None
    new: object = None
    old_row: dict | None = None


@dataclass(frozen=True)
class PlaceChanges:
    code: str                   # a place code, NATIONAL or SOURCES
    name: str
    changes: tuple[Change, ...]


def diff_databases(old: Path, new: Path) -> list[PlaceChanges]:
    """Open both files (validated, read-only) and compare them."""
    from desktop.data.database import open_database

    old_conn, _ = open_database(old)
    try:
        new_conn, _ = open_database(new)
        try:
            return diff_connections(old_conn, new_conn)
        finally:
            new_conn.close()
    finally:
        old_conn.close()


def diff_connections(old: sqlite3.Connection, new: sqlite3.Connection) -> list[PlaceChanges]:
    before, after = _facts(old), _facts(new)
    names = {**_place_names(old), **_place_names(new)}
    found: dict[str, list[Change]] = defaultdict(list)
    for table in _FACTS:
        a, b = before[table], after[table]
        for key in a.keys() - b.keys():
            found[_place(table, a[key])].append(Change("removed", table, key, a[key]))
        for key in b.keys() - a.keys():
            found[_place(table, b[key])].append(Change("added", table, key, b[key]))
        for key in sorted(a.keys() & b.keys()):
            old_row, new_row = a[key], b[key]
            if old_row == new_row:
                continue
            ignored = _IGNORED | _IGNORED_BY_TABLE.get(table, set())
            for column in _columns_in_order(old_row, new_row):
                if column in ignored:
                    continue
                if old_row.get(column) != new_row.get(column):
                    found[_place(table, new_row)].append(Change(
                        "changed", table, key, new_row, column, old_row.get(column),
                        new_row.get(column), old_row))
    order = {"removed": 0, "added": 1, "changed": 2}
    tables = list(_FACTS)
    out = []
    for code, changes in found.items():
        changes.sort(key=lambda c: (tables.index(c.table), order[c.action], c.fact_id))
        out.append(PlaceChanges(code, names.get(code, code), tuple(changes)))
    out.sort(key=lambda p: (p.code == SOURCES, p.code != NATIONAL, p.name))
    return out


def _place(table: str, row: dict) -> str:
    if table == "source":
        return SOURCES
    if table == "national_figure":
        return NATIONAL
    return row.get("jurisdiction") or row.get("code") or NATIONAL


def _columns_in_order(a: dict, b: dict) -> list[str]:
    return list(dict.fromkeys([*a, *b]))


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _place_names(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT code, name FROM jurisdiction"))


def _facts(conn: sqlite3.Connection) -> dict[str, dict[str, dict]]:
    """table -> fact id -> the fact's columns, with its offense kinds and sources folded in."""
    present = _tables(conn)
    sources: dict[tuple[str, str], list[str]] = defaultdict(list)
    if "fact_source" in present:
        for kind, subject, source in conn.execute(
                "SELECT subject_kind, subject_id, source_id FROM fact_source "
                "ORDER BY subject_kind, subject_id, position"):
            sources[(kind, subject)].append(source)
    offenses: dict[str, list[str]] = defaultdict(list)
    if "relief_path_offense" in present:
        for path, kind in conn.execute(
                "SELECT path_id, offense_kind FROM relief_path_offense ORDER BY path_id, "
                "offense_kind"):
            offenses[path].append(kind)
    out: dict[str, dict[str, dict]] = {}
    for table, (key, _place_column, kinds) in _FACTS.items():
        rows: dict[str, dict] = {}
        if table in present:
            cursor = conn.execute(f'SELECT * FROM "{table}"')
            columns = [d[0] for d in cursor.description]
            for values in cursor:
                row = dict(zip(columns, values, strict=True))
                fact = str(row[key])
                if table == "relief_path":
                    row["offense_kinds"] = tuple(offenses.get(fact, ()))
                if kinds:
                    row["sources"] = tuple(s for k in kinds for s in sources.get((k, fact), ()))
                rows[fact] = row
        out[table] = rows
    return out


def counts(places: list[PlaceChanges]) -> dict[str, int]:
    """How many facts were added, changed and removed in all (a changed fact counts once)."""
    total = {"added": 0, "changed": 0, "removed": 0}
    for place in places:
        changed = set()
        for change in place.changes:
            if change.action == "changed":
                changed.add((change.table, change.fact_id))
            else:
                total[change.action] += 1
        total["changed"] += len(changed)
    return total
