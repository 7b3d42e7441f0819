"""Splitting plain text into sentences at safe boundaries, so a printed sheet shortens a text
by whole sentences and never inside "U.S.C." or "Gov.". Plain Python."""

from __future__ import annotations

import re

# A period after one of these words (or after an initialism such as U.S. or A.R.S.) does not
# end a sentence. Erring this way only makes a kept sentence longer, never cuts one.
_ABBREVIATIONS = {
    "gov", "lt", "rep", "sen", "art", "no", "nos", "mr", "mrs", "ms", "dr", "st", "jr", "sr",
    "inc", "co", "corp", "dept", "const", "stat", "stats", "ann", "sec", "ch", "vs", "v", "etc",
    "approx", "oz", "lb", "lbs", "g", "mg", "kg", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "gen", "atty", "cf", "e.g", "i.e", "p", "pp",
}
_BOUNDARY = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9§])")


def sentences(text: str) -> list[str]:
    """Split plain text into sentences at safe boundaries (never inside 'U.S.C.' or 'Gov.')."""
    text = " ".join(text.split())
    out, start = [], 0
    for m in _BOUNDARY.finditer(text):
        if text[m.start()] == ".":
            word = re.search(r"(\S+)$", text[start:m.start()])
            token = word.group(1).lstrip("(\"'“‘").lower() if word else ""
            if token in _ABBREVIATIONS or "." in token or len(token) == 1 and token.isalpha():
                continue
        out.append(text[start:m.end()].strip())
        start = m.end()
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


def first_sentences(text: str, n: int | None) -> tuple[str, bool]:
    """The first `n` sentences of `text` (all when n is None) and whether any were left out."""
    if n is None:
        return text, False
    parts = sentences(text)
    return " ".join(parts[:n]), len(parts) > n
