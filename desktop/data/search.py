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


SEARCH_SQL = f"""
SELECT s.kind, s.jurisdiction, s.ref_id, s.title,
       snippet(search_index_fts, 1, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', 14),
       bm25(search_index_fts, 5.0, 1.0) AS rank
FROM search_index_fts
JOIN search_index AS s ON s.id = search_index_fts.rowid
WHERE search_index_fts MATCH ?
ORDER BY rank * CASE s.kind WHEN 'jurisdiction' THEN 3.0 WHEN 'relief_path' THEN 1.5 ELSE 1.0 END,
         s.id
LIMIT ?
"""


def search(conn: sqlite3.Connection, text: str, limit: int = 50) -> list[SearchHit]:
    """Ranked hits for documents with every word; if none, for documents with any word
    ("arizona 2016" still finds Arizona when no page mentions 2016)."""
    query = fts_query(text)
    if query is None:
        return []
    rows = conn.execute(SEARCH_SQL, (query, limit)).fetchall()
    if not rows and " " in query:
        rows = conn.execute(SEARCH_SQL, (fts_query(text, any_word=True), limit)).fetchall()
    return [SearchHit(kind, code, ref, title, snippet, rank)
            for kind, code, ref, title, snippet, rank in rows]
