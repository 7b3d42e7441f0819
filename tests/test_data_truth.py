"""The data tells the truth today (issue 11): plain words on every public text, one line per
national claim, each place dated by its own sources, and a review log that covers every place.
Runs on the real data, with no window."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REVIEW_LOG = ROOT / "docs" / "REVIEW_LOG.md"

# Words of the research notes that mean nothing to a volunteer at a table.
JARGON = ("CCRC's row", "could not be retrieved", "header", "seed article", "seed a", "seed b",
          "appendix", "(bg)", "background knowledge", "dossier", "our research")

# Every text column a page, a handout or a chart shows.
PUBLIC_TEXT = {
    "jurisdiction": ("summary", "adult_use_detail"),
    "relief_path": ("name", "offenses", "limits", "waiting_period", "fee", "handled_by",
                    "citation", "how_to_apply", "conditions", "amount_text"),
    "relief_count": ("note",),
    "national_figure": ("label", "note"),
    "note": ("text",),
    "caveat": ("text",),
}


@pytest.fixture(scope="module")
def db(built_db):
    conn = sqlite3.connect(f"{built_db.as_uri()}?mode=ro", uri=True)
    yield conn
    conn.close()


def test_no_research_jargon_reaches_a_page_or_a_handout(db):
    found = []
    for table, columns in PUBLIC_TEXT.items():
        key = "code" if table == "jurisdiction" else "id"
        for column in columns:
            for ident, text in db.execute(f"SELECT {key}, {column} FROM {table}"):
                lowered = (text or "").lower()
                found += [(table, ident, column, word) for word in JARGON
                          if word.lower() in lowered]
    assert not found, found


def test_the_jargon_scan_would_catch_the_old_wording(db):
    old = ("Thin entry: CCRC's row for Texas could not be retrieved, so this rests on finding "
           "nothing in our sources and on CCRC's header counts.")
    assert [w for w in JARGON if w.lower() in old.lower()]


def test_one_line_per_national_claim(db):
    seen: dict[tuple, str] = {}
    for fid, count, unit, action, as_of in db.execute(
            "SELECT id, count, unit, action, as_of FROM national_figure"):
        claim = (count, unit, action, as_of[:7])
        assert claim not in seen, f"{fid} repeats {seen[claim]}"
        seen[claim] = fid


def test_a_place_is_dated_by_its_own_sources_not_by_multi_state_charts(db):
    for code, as_of in db.execute("SELECT code, as_of FROM jurisdiction"):
        own = [d for (d,) in db.execute(
            "SELECT COALESCE(s.published, s.inferred) FROM fact_source f JOIN source s"
            " ON s.id = f.source_id WHERE f.jurisdiction = ? AND s.scope IS NULL", (code,)) if d]
        assert as_of == (max(own) if own else None) or (own and as_of >= max(own)), code
    multi = {sid for (sid,) in db.execute("SELECT id FROM source WHERE scope = 'multi_state'")}
    assert {"S1", "S2", "S3", "seedB"} <= multi


def test_every_link_names_a_source_and_is_an_address(db):
    rows = db.execute(
        "SELECT code, self_help_url, self_help_source_id FROM jurisdiction UNION ALL"
        " SELECT code, legal_aid_url, legal_aid_source_id FROM jurisdiction UNION ALL"
        " SELECT id, form_url, form_source_id FROM relief_path").fetchall()
    for ident, url, source in rows:
        assert (url is None) == (source is None), ident
        if url:
            assert re.match(r"^https?://[^\s/]+\.[a-z]{2,}", url), (ident, url)


def test_the_review_log_covers_every_place(db):
    codes = {code for (code,) in db.execute("SELECT code FROM jurisdiction")}
    rows = [line for line in REVIEW_LOG.read_text(encoding="utf-8").splitlines()
            if re.match(r"^\| [A-Z]{2} \|", line)]
    logged = {}
    for line in rows:
        cells = [c.strip() for c in line.strip("|").split("|")]
        assert len(cells) >= 4 and re.match(r"^\d{4}-\d{2}-\d{2}$", cells[1]), line
        assert cells[2] and cells[3], line
        logged[cells[0]] = cells
    assert set(logged) == codes, sorted(codes ^ set(logged))
