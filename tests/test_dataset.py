"""The bundled dataset: coverage, sources for every fact, and the seed articles' counts kept
with their original qualifier and unit. Runs on the real data, with no window."""

from __future__ import annotations

import sqlite3

import pytest

from db.load import USPS_CODES

STATES = USPS_CODES["state"]
TERRITORIES_IN_RESEARCH = ["GU", "MP", "PR", "VI"]


@pytest.fixture(scope="module")
def db(built_db):
    conn = sqlite3.connect(f"{built_db.as_uri()}?mode=ro", uri=True)
    yield conn
    conn.close()


def column(db, sql, *args):
    return [row[0] for row in db.execute(sql, args)]


def test_every_state_dc_federal_and_researched_territory_is_present(db):
    codes = set(column(db, "SELECT code FROM jurisdiction"))
    assert len(STATES) == 50
    missing = set(STATES + ["DC", "US"] + TERRITORIES_IN_RESEARCH) - codes
    assert not missing
    assert column(db, "SELECT kind FROM jurisdiction WHERE code = 'US'") == ["federal"]
    assert column(db, "SELECT kind FROM jurisdiction WHERE code = 'DC'") == ["district"]


def test_every_jurisdiction_has_a_summary_and_a_source(db):
    for code, summary in db.execute("SELECT code, summary FROM jurisdiction"):
        assert summary and len(summary.split()) >= 15, code
        assert column(db, "SELECT source_id FROM fact_source WHERE jurisdiction = ?", code), code


def test_every_path_count_and_note_resolves_to_a_source(db):
    for table in ("relief_path", "relief_count", "note", "national_figure"):
        orphans = column(db, f"SELECT t.id FROM {table} t LEFT JOIN source s "
                             f"ON s.id = t.source_id WHERE s.id IS NULL")
        assert not orphans, (table, orphans)
    assert not column(db, "SELECT f.source_id FROM fact_source f LEFT JOIN source s "
                          "ON s.id = f.source_id WHERE s.id IS NULL")


def test_every_relief_path_has_a_citation_field_and_how_to_apply(db):
    # NULL means the research is silent ("unknown"); the build requires the key to be written.
    rows = db.execute("SELECT id, name, kind, mechanism FROM relief_path").fetchall()
    assert len(rows) >= 50
    for pid, name, kind, mechanism in rows:
        assert name and kind and mechanism, pid


def test_no_specific_relief_is_stated_with_a_source(db):
    for code, kind in db.execute(
            "SELECT code, kind FROM jurisdiction WHERE specific_relief = 'no'").fetchall():
        kinds = column(db, "SELECT kind FROM relief_path WHERE jurisdiction = ?", code)
        assert all(k == "pardon" for k in kinds), code
        notes = " ".join(column(db, "SELECT text FROM note WHERE jurisdiction = ?", code)).lower()
        # States say general record-relief laws are not covered; federal law has no
        # expungement statute at all, and its note says so.
        expected = "no federal" if kind == "federal" else "general"
        assert expected in notes, f"{code}: no note saying what is not covered"


def test_adult_use_years_are_approval_years(db):
    years = dict(db.execute("SELECT code, adult_use_year FROM jurisdiction"))
    # The research's convention: year approved or signed, not effective (NJ 2020, MD 2022).
    assert years["NJ"] == 2020 and years["MD"] == 2022 and years["MO"] == 2022
    assert years["CO"] == 2012 and years["WA"] == 2012 and years["AZ"] == 2020
    assert years["AL"] is None


# (jurisdiction, count, qualifier, unit, action, source) as the seed articles put them.
SEED_COUNTS = [
    ("NV", 15000, "more_than", "people", "pardon", "seedB"),
    ("WA", 3500, "up_to", "eligible_people", "pardon", "seedB"),
    ("IL", 11000, "more_than", "people", "pardon", "seedB"),
    ("CO", 4500, "nearly", "people", "pardon", "seedB"),
    ("OR", 45000, "about", "eligible_people", "pardon", "seedB"),
    ("CA", 200000, "more_than", "convictions", "expungement", "seedB"),
    ("CA", 34000, "exact", "eligible_cases", "other", "seedB"),
    ("IL", 500000, "nearly", "records", "expungement", "seedB"),
    ("NJ", 326000, "more_than", "cases", "expungement", "seedB"),
    ("NY", 200000, "about", "convictions", "expungement", "seedB"),
    ("VA", 64000, "more_than", "convictions", "sealing", "seedB"),
    ("MO", 43000, "about", "cases", "expungement", "seedA"),
    ("MO", 70000, "more_than", "convictions", "expungement", "seedA"),
]


@pytest.mark.parametrize("code, count, qualifier, unit, action, source", SEED_COUNTS)
def test_seed_article_count_is_kept_as_written(db, code, count, qualifier, unit, action, source):
    rows = db.execute(
        "SELECT qualifier, unit, action FROM relief_count c JOIN fact_source f"
        " ON f.subject_kind = 'relief_count' AND f.subject_id = c.id"
        " WHERE c.jurisdiction = ? AND c.count = ? AND f.source_id = ?",
        (code, count, source)).fetchall()
    assert (qualifier, unit, action) in rows, rows


@pytest.mark.parametrize("label_word, count, qualifier, unit", [
    ("pardons", 100000, "about", "convictions"),
    ("expungements", 1700000, "about", "convictions"),
    ("pardons or expungements", 2000000, "nearly", "people")])
def test_seed_article_national_totals(db, label_word, count, qualifier, unit):
    # Seed B's figures, each on one line with NORML's own report where they agree.
    rows = db.execute("SELECT label, qualifier, unit FROM national_figure n JOIN fact_source f"
                      " ON f.subject_kind = 'national_figure' AND f.subject_id = n.id"
                      " WHERE n.count = ? AND f.source_id = 'seedB'", (count,)).fetchall()
    assert any(label_word in label.lower() and (q, u) == (qualifier, unit)
               for label, q, u in rows), rows


@pytest.mark.parametrize("code, seed_count, primary_count", [
    ("NJ", 326000, 362000), ("CO", 4500, 4000), ("MO", 43000, 44000), ("MO", 70000, 70000)])
def test_appendix_a_conflicts_keep_both_numbers_in_one_group(db, code, seed_count,
                                                             primary_count):
    groups = column(db, "SELECT c.conflict_group FROM relief_count c JOIN fact_source f"
                        " ON f.subject_kind = 'relief_count' AND f.subject_id = c.id"
                        " WHERE c.jurisdiction = ? AND c.count = ? AND f.source_id IN"
                        " ('seedA', 'seedB') AND c.conflict_group IS NOT NULL",
                    code, seed_count)
    assert groups, f"{code} {seed_count}: seed count not in a conflict group"
    members = db.execute(
        "SELECT count, source_id FROM relief_count WHERE conflict_group = ?",
        (groups[0],)).fetchall()
    assert any(n == primary_count and s not in ("seedA", "seedB") for n, s in members), members
    caveats = column(db, "SELECT kind FROM caveat WHERE subject_id IN (SELECT id FROM"
                         " relief_count WHERE conflict_group = ?)", groups[0])
    assert "conflict" in caveats


def test_marked_facts_carry_caveats(db):
    # The research marks many facts uncertain (⚠) or background (bg); they must reach the app.
    kinds = dict(db.execute("SELECT kind, COUNT(*) FROM caveat GROUP BY kind"))
    assert kinds.get("conflict", 0) >= 4 and kinds.get("thin", 0) >= 5
    assert kinds.get("background", 0) >= 3 and kinds.get("uncertain", 0) >= 10


def test_data_as_of_is_the_newest_stated_source_date(db):
    newest = max(column(db, "SELECT published FROM source WHERE published IS NOT NULL"))
    assert column(db, "SELECT value FROM meta WHERE key = 'data_as_of'") == [newest]
