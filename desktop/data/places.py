"""Finding a place by what a person types for it: its code ("AZ"), a common abbreviation
("Ariz.", "D.C.", "N.Y."), its name or the start of it, in English or Spanish.

A place that matches this way comes before any full-text hit: "DC" opens the District of
Columbia, not a Maine note that mentions DC; "Washington DC" puts DC before Washington state.
Plain Python over the names the repository already holds.
"""

from __future__ import annotations

import re
import unicodedata

# The common written abbreviations (AP style and the older postal ones) and other names
# people use. Codes and full names are matched without being listed here.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "AL": ("ala",), "AK": (), "AZ": ("ariz",), "AR": ("ark",), "CA": ("calif", "cal"),
    "CO": ("colo",), "CT": ("conn",), "DE": ("del",),
    "DC": ("d c", "washington dc", "washington d c", "district of columbia",
           "distrito de columbia"),
    "FL": ("fla",), "GA": (), "HI": (), "ID": (), "IL": ("ill",), "IN": ("ind",), "IA": (),
    "KS": ("kan", "kans"), "KY": (), "LA": (), "ME": (), "MD": (), "MA": ("mass",),
    "MI": ("mich",), "MN": ("minn",), "MS": ("miss",), "MO": (), "MT": ("mont",),
    "NE": ("neb", "nebr"), "NV": ("nev",), "NH": ("n h",), "NJ": ("n j",), "NM": ("n m", "n mex"),
    "NY": ("n y", "new york state"), "NC": ("n c",), "ND": ("n d", "n dak"), "OH": (),
    "OK": ("okla",), "OR": ("ore", "oreg"), "PA": ("pa", "penn", "penna"), "RI": ("r i",),
    "SC": ("s c",), "SD": ("s d", "s dak"), "TN": ("tenn",), "TX": ("tex",), "UT": (),
    "VT": (), "VA": (), "WA": ("wash", "washington state"), "WV": ("w va", "w v"),
    "WI": ("wis", "wisc"), "WY": ("wyo",),
    "US": ("federal", "u s", "usa", "united states", "federal government", "feds"),
    "GU": (), "MP": ("cnmi", "northern marianas"), "PR": ("p r",),
    "VI": ("usvi", "u s v i", "virgin islands", "us virgin islands"),
}


def normalize(text: str) -> str:
    """'D.C.' -> 'd c'; 'Nueva   York' -> 'nueva york'; accents folded ('México' -> 'mexico')."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def match_places(text: str, names: dict[str, list[str]]) -> list[str]:
    """Codes of the places `text` names, best first: the whole text as a code, name or
    abbreviation; then names that start with it; then a name inside a longer sentence
    ("possession in Arizona in 2016"). `names` maps each code to its names (English,
    Spanish)."""
    query = normalize(text)
    if not query:
        return []
    forms = {code: _forms(code, known) for code, known in names.items()}
    exact = [code for code, f in forms.items() if query in f]
    prefix = [code for code, f in forms.items() if code not in exact and len(query) >= 3
              and any(form.startswith(query) for form in f)]
    found = exact + prefix
    if found:
        return found
    # Inside a sentence: names and abbreviations of two or more letters, longest first, and
    # a code only when typed in capitals ("in" is a word; "IN" is Indiana).
    words = query.split()
    capitals = {w.lower() for w in re.findall(r"\b[A-Z]{2}\b", text)}
    inside = []
    for size in (4, 3, 2, 1):
        for start in range(len(words) - size + 1):
            phrase = " ".join(words[start:start + size])
            for code, f in forms.items():
                if code in inside:
                    continue
                if phrase in f and (len(phrase) > 2 or phrase in capitals):
                    inside.append(code)
    return inside


def _forms(code: str, known: list[str]) -> set[str]:
    forms = {normalize(code), *(normalize(n) for n in known),
             *(normalize(a) for a in ABBREVIATIONS.get(code, ()))}
    forms.discard("")
    return forms
