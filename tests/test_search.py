"""Search at the data layer: anything typed is text, prefixes match, matches are marked."""

from __future__ import annotations

import pytest

from desktop.data import search as search_module
from desktop.data.records import HIGHLIGHT_END, HIGHLIGHT_START
from desktop.data.search import fts_query, make_snippet

HOSTILE = ['"', '""', "'", "AND", "OR", "NOT", "NEAR", "NEAR(a b)", "expunge AND", "a OR b",
           "*", "**", "-", "-x", "^", "^a", ":", "title:", "body:x", "(", ")", "()", "\\",
           "a\\b", "{x}", "[x]", "💚", "weed 🌿 ", "x" * 500, "ä ö ü", "日本", "%", "_", "\x00",
           "'; DROP TABLE jurisdiction;--", " " * 20]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_never_raises(repo, text):
    hits = repo.search(text)
    assert isinstance(hits, list)


def test_every_word_is_quoted_and_a_prefix():
    assert fts_query('expun "AND" *') == '"expun"* "AND"*'
    assert fts_query("arizona 2016", any_word=True) == '"arizona"* OR "2016"*'
    assert fts_query("*** ---") is None


def test_prefix_finds_expungement(repo):
    hits = repo.search("expun")
    assert hits and any("xpunge" in h.snippet for h in hits)


def test_jurisdiction_page_ranks_first_for_its_name(repo):
    assert repo.search("Missouri")[0].ref_id == "MO"
    assert repo.search("new jersey")[0].ref_id == "NJ"


def test_falls_back_to_any_word(repo):
    hits = repo.search("arizona 2016")
    assert hits and hits[0].jurisdiction == "AZ"


def test_matches_are_highlighted_in_the_snippet(repo):
    hit = repo.search("petition arizona")[0]
    assert f"{HIGHLIGHT_START}Arizona{HIGHLIGHT_END}" in hit.snippet


def test_large_match_sets_use_index_order(repo, monkeypatch):
    monkeypatch.setattr(search_module, "RANK_LIMIT", 0)
    hits = repo.search("marijuana")
    kinds = [h.kind for h in hits]
    assert kinds and kinds == sorted(kinds, key=["jurisdiction", "relief_path", "note"].index)


def test_snippet_cuts_at_words_and_marks_omissions():
    body = "one two three " * 20 + "the petitioned case " + "four five six " * 20
    snippet = make_snippet(body, "petition")
    assert snippet.startswith("…") and snippet.endswith("…")
    assert f"{HIGHLIGHT_START}petitioned{HIGHLIGHT_END}" in snippet
    assert make_snippet("short text", "zzz") == "short text"
    assert f"{HIGHLIGHT_START}petition{HIGHLIGHT_END}" in make_snippet("a petition", "petitioned")


def test_ranked_up_to_the_rank_limit_and_index_order_past_it(repo, monkeypatch):
    conn = repo._conn
    query = fts_query("petition")
    (total,) = conn.execute("SELECT count(*) FROM search_index_fts WHERE search_index_fts "
                            "MATCH ?", (query,)).fetchone()
    assert total > 3
    monkeypatch.setattr(search_module, "RANK_LIMIT", total)
    ranked = search_module._ranked_ids(conn, query, 50)
    assert len(ranked) == min(total, 50) and all(score != 0.0 for _, score in ranked)
    monkeypatch.setattr(search_module, "RANK_LIMIT", total - 1)
    in_order = search_module._ranked_ids(conn, query, 50)
    assert [score for _, score in in_order] == [0.0] * min(total, 50)
    every = [rowid for (rowid,) in conn.execute(
        "SELECT rowid FROM search_index_fts WHERE search_index_fts MATCH ? ORDER BY rowid",
        (query,))]
    assert [rowid for rowid, _ in in_order] == every[:50]
