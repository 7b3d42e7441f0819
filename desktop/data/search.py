"""Full-text search over the bundled index, with user text always treated as text."""

from __future__ import annotations

import re
import sqlite3

from desktop.data.records import HIGHLIGHT_END, HIGHLIGHT_START, SearchHit

MAX_QUERY_CHARS = 200
MAX_TERMS = 12
_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str, any_word: bool = False) -> str | None:
    """Turn anything a person types into a safe FTS5 query, or None if nothing to search.

    Every word becomes a quoted string with a prefix star ("expun" finds "expungement"),
    so quotes, AND/OR/NOT/NEAR, `*`, `-`, `^`, `:`, brackets and emoji are plain text.
    Words are all required, or with `any_word` any one of them.
    """
    words = _WORD.findall(text[:MAX_QUERY_CHARS])[:MAX_TERMS]
    if not words:
        return None
    return (" OR " if any_word else " ").join(f'"{w}"*' for w in words)


# Ranking costs about a microsecond per matching document, so a query matching thousands
# (one or two letters typed, on a large database) is ordered by the index's own order instead:
# the build numbers jurisdiction pages first, then relief paths, then notes.
# One pass decides and answers: the first RANK_LIMIT + 1 matches in index order are read
# (FTS5 stops there); more than RANK_LIMIT of them are answered in that order, fewer ranked.
# (A prefix of one or two letters still costs FTS5 a merge of every matching term's document
# list; counting all matches first did that merge twice.)
RANK_LIMIT = 2000
_KIND_WEIGHT = ("CASE s.kind WHEN 'jurisdiction' THEN 3.0 WHEN 'relief_path' THEN 1.5 "
                "ELSE 1.0 END")
FIRST_SQL = """
SELECT rowid FROM search_index_fts WHERE search_index_fts MATCH ? ORDER BY rowid LIMIT ?
"""
RANKED_SQL = f"""
SELECT f.rowid, bm25(search_index_fts, 5.0, 1.0) * {_KIND_WEIGHT} AS score
FROM search_index_fts AS f JOIN search_index AS s ON s.id = f.rowid
WHERE search_index_fts MATCH ? ORDER BY score, f.rowid LIMIT ?
"""
DETAIL_SQL = ("SELECT id, kind, jurisdiction, ref_id, title, body FROM search_index"
              " WHERE id IN ({ids})")
SNIPPET_CHARS = 110


_SUFFIXES = ("ings", "ing", "ed", "es", "s")


def _highlighter(text: str) -> re.Pattern[str] | None:
    """A regex for words starting with a typed word, or with its crude stem ("petitioned"
    also highlights "petition", as the stemmed index found it)."""
    roots = set()
    for word in _WORD.findall(text[:MAX_QUERY_CHARS])[:MAX_TERMS]:
        word = word.lower()
        for suffix in _SUFFIXES:
            if len(word) - len(suffix) >= 4 and word.endswith(suffix):
                word = word[: -len(suffix)]
                break
        roots.add(re.escape(word))
    if not roots:
        return None
    return re.compile(r"\b(?:" + "|".join(sorted(roots, key=len, reverse=True)) + r")\w*",
                      re.IGNORECASE)


def make_snippet(body: str, text: str, width: int = SNIPPET_CHARS) -> str:
    """About `width` characters of `body` around the first match, matches wrapped in the
    highlight markers, cut at word boundaries with an ellipsis where text was left out."""
    pattern = _highlighter(text)
    first = pattern.search(body) if pattern else None
    start = 0 if first is None else max(0, first.start() - width // 4)
    if start:
        space = body.find(" ", start)
        start = space + 1 if 0 <= space < (first.start() if first else len(body)) else start
    end = min(len(body), start + width)
    if end < len(body):
        space = body.rfind(" ", start, end)
        end = space if space > start else end
    excerpt = body[start:end]
    if pattern:
        excerpt = pattern.sub(lambda m: f"{HIGHLIGHT_START}{m.group(0)}{HIGHLIGHT_END}", excerpt)
    return ("…" if start > 0 else "") + excerpt + ("…" if end < len(body) else "")


def _ranked_ids(conn: sqlite3.Connection, query: str, limit: int) -> list[tuple[int, float]]:
    first = [row[0] for row in conn.execute(FIRST_SQL, (query, max(RANK_LIMIT + 1, limit)))]
    if len(first) > RANK_LIMIT:
        return [(rowid, 0.0) for rowid in first[:limit]]
    if not first:
        return []
    return conn.execute(RANKED_SQL, (query, limit)).fetchall()


def search(conn: sqlite3.Connection, text: str, limit: int = 50) -> list[SearchHit]:
    """Ranked hits for documents with every word; if none, for documents with any word
    ("arizona 2016" still finds Arizona when no page mentions 2016). FTS5 finds and ranks;
    snippets are made here, only for the hits returned."""
    query = fts_query(text)
    if query is None:
        return []
    ranked = _ranked_ids(conn, query, limit)
    any_word = fts_query(text, any_word=True) if not ranked and " " in query else None
    if any_word is not None:
        ranked = _ranked_ids(conn, any_word, limit)
    if not ranked:
        return []
    sql = DETAIL_SQL.format(ids=", ".join("?" * len(ranked)))
    rows = {row[0]: row[1:] for row in conn.execute(sql, [r[0] for r in ranked])}
    hits, seen = [], set()
    for rowid, score in ranked:  # best first: a page found in two languages is listed once
        kind, code, ref, title, body = rows[rowid]
        if (kind, ref) not in seen:
            seen.add((kind, ref))
            hits.append(SearchHit(kind, code, ref, title, make_snippet(body, text), score))
    return hits
