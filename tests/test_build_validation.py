"""db/build.py refuses bad source data, naming the file, the key and the reason."""

from __future__ import annotations

import sqlite3

import pytest

from db.build import build
from db.build import main as build_main
from db.load import DataError, load_dataset
from tests.helpers.dataset import JURISDICTION, SOURCES, write_dataset


def problems_for(tmp_path, jurisdiction=JURISDICTION, sources=SOURCES, extra=None) -> list[str]:
    data = write_dataset(tmp_path / "data", jurisdiction, sources, extra)
    with pytest.raises(DataError) as info:
        load_dataset(data)
    return info.value.problems


def one_problem(tmp_path, **kwargs) -> str:
    problems = problems_for(tmp_path, **kwargs)
    assert len(problems) == 1, problems
    return problems[0]


def test_valid_dataset_builds(tmp_path):
    data = write_dataset(tmp_path / "data")
    meta = build(data, tmp_path / "out.db")
    assert meta["schema_version"] == "1"
    assert meta["data_as_of"] == "2024-06-01"  # the newest stated source date
    with sqlite3.connect(tmp_path / "out.db") as conn:
        assert conn.execute("SELECT name FROM jurisdiction").fetchall() == [("Arizona",)]


def test_unknown_jurisdiction_code(tmp_path):
    bad = JURISDICTION.replace('code = "AZ"', 'code = "ZZ"')
    problem = one_problem(tmp_path, jurisdiction=bad)
    assert "AZ.toml.code" in problem and "unknown jurisdiction code 'ZZ'" in problem


def test_missing_source_id(tmp_path):
    bad = JURISDICTION.replace('how_to_apply = "File a petition."\nsource = "S1"\n',
                               'how_to_apply = "File a petition."\n')
    problem = one_problem(tmp_path, jurisdiction=bad)
    assert "AZ.toml relief_paths[0].source" in problem and "missing source id" in problem


def test_unknown_source_id(tmp_path):
    bad = JURISDICTION.replace('source = "S2"', 'source = "S99"')
    problem = one_problem(tmp_path, jurisdiction=bad)
    assert "counts[0].source" in problem and "unknown source id 'S99'" in problem


def test_malformed_date(tmp_path):
    bad = JURISDICTION.replace('as_of = "2022-11-03"', 'as_of = "11/03/2022"')
    problem = one_problem(tmp_path, jurisdiction=bad)
    assert "counts[0].as_of" in problem and "malformed date '11/03/2022'" in problem


def test_impossible_date(tmp_path):
    bad = JURISDICTION.replace('as_of = "2022-11-03"', 'as_of = "2022-02-30"')
    assert "malformed date '2022-02-30'" in one_problem(tmp_path, jurisdiction=bad)


def test_malformed_source_date(tmp_path):
    bad = SOURCES.replace('published = "2024-06-01"', 'published = "June 2024"')
    problem = one_problem(tmp_path, sources=bad)
    assert "sources.toml [S1].published" in problem and "malformed date" in problem


def test_negative_count(tmp_path):
    bad = JURISDICTION.replace("count = 17350", "count = -5")
    problem = one_problem(tmp_path, jurisdiction=bad)
    assert "counts[0].count" in problem and "must not be negative" in problem


@pytest.mark.parametrize("value", ["17350.5", '"17,350"'])
def test_non_integer_count(tmp_path, value):
    bad = JURISDICTION.replace("count = 17350", f"count = {value}")
    problem = one_problem(tmp_path, jurisdiction=bad)
    assert "counts[0].count" in problem and "must be a whole number" in problem


@pytest.mark.parametrize("old, new, where", [
    ('mechanism = "petition"', 'mechanism = "magic"', "relief_paths[0].mechanism"),
    ('kind = "expungement"', 'kind = "forgiveness"', "relief_paths[0].kind"),
    ('qualifier = "at_least"', 'qualifier = "roughly"', "counts[0].qualifier"),
    ('unit = "petitions"', 'unit = "persons"', "counts[0].unit"),
    ('status = "legalized"', 'status = "sort_of"', "[adult_use].status"),
])
def test_unknown_enum_value(tmp_path, old, new, where):
    problem = one_problem(tmp_path, jurisdiction=JURISDICTION.replace(old, new, 1))
    assert where in problem and "unknown value" in problem and "expected one of" in problem


def test_duplicate_id(tmp_path):
    dup = JURISDICTION + '''
[[counts]]
id = "AZ-count-petitions"
action = "expungement"
count = 1
qualifier = "exact"
unit = "cases"
as_of = "2023"
official = false
source = "S1"
'''
    problem = one_problem(tmp_path, jurisdiction=dup)
    assert "counts[1]" in problem and "duplicate id 'AZ-count-petitions'" in problem
    assert "also used at" in problem and "counts[0]" in problem


def test_missing_citation_and_summary(tmp_path):
    bad = (JURISDICTION.replace('citation = "A.R.S. § 36-2862"\n', "")
           .replace('summary = "Arizona clears old marijuana records by petition."\n', ""))
    problems = problems_for(tmp_path, jurisdiction=bad)
    assert any("AZ.toml.summary: missing" in p for p in problems)
    assert any("relief_paths[0].citation: missing" in p and '"unknown"' in p for p in problems)


def test_count_without_as_of(tmp_path):
    bad = JURISDICTION.replace('as_of = "2022-11-03"\n', "")
    assert "counts[0].as_of: missing date" in one_problem(tmp_path, jurisdiction=bad)


def test_typo_key_is_reported(tmp_path):
    bad = JURISDICTION.replace("fee = ", "feee = ")
    problems = problems_for(tmp_path, jurisdiction=bad)
    assert any("relief_paths[0].feee: unknown key" in p for p in problems)


def test_file_name_must_match_code(tmp_path):
    bad = JURISDICTION.replace('code = "AZ"', 'code = "CA"').replace('name = "Arizona"',
                                                                      'name = "California"')
    assert "does not match the file name 'AZ.toml'" in one_problem(tmp_path, jurisdiction=bad)


def test_not_toml(tmp_path):
    problem = one_problem(tmp_path, jurisdiction="code = \n")
    assert "AZ.toml: not valid TOML" in problem


def test_refused_build_writes_nothing_and_says_why(tmp_path, capsys):
    bad = JURISDICTION.replace("count = 17350", "count = -5")
    data = write_dataset(tmp_path / "data", bad)
    out = tmp_path / "out.db"
    assert build_main(["--data", str(data), "--out", str(out)]) == 1
    assert not out.exists()
    assert list(tmp_path.glob("*.db")) == []
    err = capsys.readouterr().err
    assert "build refused: 1 problem(s)" in err and "must not be negative" in err


def test_two_builds_give_the_same_content_hash(tmp_path):
    data = write_dataset(tmp_path / "data")
    first = build(data, tmp_path / "a.db")["content_hash"]
    second = build(data, tmp_path / "b.db")["content_hash"]
    assert first == second and len(first) == 64


def test_content_hash_changes_with_the_data(tmp_path):
    first = build(write_dataset(tmp_path / "a"), tmp_path / "a.db")["content_hash"]
    changed = JURISDICTION.replace("count = 17350", "count = 17351")
    second = build(write_dataset(tmp_path / "b", changed), tmp_path / "b.db")["content_hash"]
    assert first != second


def test_real_dataset_builds_twice_identically(tmp_path):
    from db.build import DEFAULT_DATA

    a = build(DEFAULT_DATA, tmp_path / "a.db")
    b = build(DEFAULT_DATA, tmp_path / "b.db")
    assert a["content_hash"] == b["content_hash"]


def test_fts_uses_porter_stemming(tmp_path):
    build(write_dataset(tmp_path / "data"), tmp_path / "out.db")
    with sqlite3.connect(tmp_path / "out.db") as conn:
        sql = conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'search_index_fts'").fetchone()[0]
        assert "porter" in sql
        # "petitions" in the stored text is found by the stem "petition"
        hits = conn.execute("SELECT rowid FROM search_index_fts WHERE search_index_fts MATCH "
                            "'petitioned'").fetchall()
        assert hits


def test_declared_column_types(tmp_path):
    build(write_dataset(tmp_path / "data"), tmp_path / "out.db")
    with sqlite3.connect(tmp_path / "out.db") as conn:
        types = {r[1]: r[2] for r in conn.execute("PRAGMA table_info(relief_count)")}
        assert types["count"] == "INTEGER" and types["as_of"] == "TEXT"
        types = {r[1]: r[2] for r in conn.execute("PRAGMA table_info(relief_path)")}
        assert types["max_amount_grams"] == "REAL" and types["enacted_year"] == "INTEGER"


# -- a place's own as-of date, official links, maintainers' notes (issue 11) ----------------

def _place(tmp_path, jurisdiction=JURISDICTION, sources=SOURCES, extra=None) -> dict:
    data = write_dataset(tmp_path / "data", jurisdiction, sources, extra)
    build(data, tmp_path / "out.db")
    with sqlite3.connect(tmp_path / "out.db") as conn:
        conn.row_factory = sqlite3.Row
        return dict(conn.execute("SELECT * FROM jurisdiction").fetchone())


def test_place_as_of_is_its_newest_own_source(tmp_path):
    # S1 (2024-06-01) is cited by the summary; S2 ("about 2023-01") by a count.
    assert _place(tmp_path)["as_of"] == "2024-06-01"


def test_multi_state_sources_do_not_date_a_place(tmp_path):
    sources = SOURCES.replace('published = "2024-06-01"',
                              'published = "2024-06-01"\nscope = "multi_state"')
    assert _place(tmp_path, sources=sources)["as_of"] == "2023-01"


def test_a_place_with_only_multi_state_sources_has_no_as_of(tmp_path):
    sources = (SOURCES.replace('published = "2024-06-01"',
                               'published = "2024-06-01"\nscope = "multi_state"')
               .replace('inferred = "2023-01"', 'inferred = "2023-01"\nscope = "multi_state"'))
    assert _place(tmp_path, sources=sources)["as_of"] is None


def test_unknown_source_scope_is_refused(tmp_path):
    sources = SOURCES.replace('published = "2024-06-01"', 'published = "2024-06-01"\nscope = "planet"')
    problem = one_problem(tmp_path, sources=sources)
    assert "[S1].scope" in problem and "unknown value 'planet'" in problem


def test_sources_folder_adds_sources_and_refuses_duplicates(tmp_path):
    more = '[S7]\ntitle = "A newer page"\npublisher = "Court"\nurl = "https://example.org/7"\n' \
           'date_text = "Dec 1, 2025"\npublished = "2025-12-01"\n'
    jurisdiction = JURISDICTION.replace('summary_sources = ["S1"]', 'summary_sources = ["S1", "S7"]')
    data = write_dataset(tmp_path / "data", jurisdiction)
    (data / "sources").mkdir()
    (data / "sources" / "review.toml").write_text(more, encoding="utf-8")
    meta = build(data, tmp_path / "out.db")
    assert meta["data_as_of"] == "2025-12-01"
    (data / "sources" / "again.toml").write_text(more, encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_dataset(data)
    assert any("[S7]: duplicate source id" in p for p in info.value.problems)


def test_official_links_are_stored_with_their_source(tmp_path):
    jurisdiction = JURISDICTION.replace(
        'how_to_apply = "File a petition."\n',
        'how_to_apply = "File a petition."\nform_url = "https://example.org/form"\nform_source = "S2"\n'
    ) + '\n[links]\nself_help_url = "https://example.org/help"\nself_help_source = "S1"\n'
    row = _place(tmp_path, jurisdiction=jurisdiction)
    assert (row["self_help_url"], row["self_help_source_id"]) == ("https://example.org/help", "S1")
    assert row["legal_aid_url"] is None
    with sqlite3.connect(tmp_path / "out.db") as conn:
        assert conn.execute("SELECT form_url, form_source_id FROM relief_path").fetchone() == (
            "https://example.org/form", "S2")


@pytest.mark.parametrize("links, expected", [
    ('self_help_url = "https://example.org/help"', "self_help_source: missing: no link without"),
    ('self_help_source = "S1"', "self_help_url: missing"),
    ('self_help_url = "example.org"\nself_help_source = "S1"', "must start with http"),
    ('legal_aid_url = "https://example.org"\nlegal_aid_source = "S9"', "unknown source id 'S9'"),
    ('court_url = "https://example.org"', "court_url: unknown key"),
])
def test_a_link_needs_an_address_and_a_known_source(tmp_path, links, expected):
    problem = one_problem(tmp_path, jurisdiction=JURISDICTION + f"\n[links]\n{links}\n")
    assert "[links]" in problem and expected in problem


def test_research_note_is_kept_out_of_the_database(tmp_path):
    jurisdiction = JURISDICTION.replace(
        'pardon_program = "no"', 'pardon_program = "no"\nresearch_note = "CCRC row not retrieved"')
    data = write_dataset(tmp_path / "data", jurisdiction)
    build(data, tmp_path / "out.db")
    assert b"CCRC row not retrieved" not in (tmp_path / "out.db").read_bytes()
    bad = JURISDICTION.replace('pardon_program = "no"', 'pardon_program = "no"\nresearch_note = 3')
    assert "research_note: must be non-empty text" in one_problem(tmp_path / "b", jurisdiction=bad)
