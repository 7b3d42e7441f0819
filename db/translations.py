"""Translated data text: which fields are translated, how a translation names the English it
translates, and the files a translator fills in.

    python db/translations.py todo es AZ    # print AZ's missing or stale Spanish as TOML to fill
    python db/translations.py status es     # per place: translated, stale, missing

English stays in the base tables. A translation is one row per fact, field and language,
with its status (machine, draft, reviewed) and the hash of the English it was made from;
when the English changes the build marks it stale and the app shows the English with a
one-line notice. Files: resources/data/translations/<lang>/<CODE>.toml (and national.toml):

    [[texts]]
    of = "relief_path:AZ-prop207-expungement"
    field = "offenses"
    en = "3f2a9c0b1d4e"          # first 12 hex digits of sha256 of the English text
    status = "machine"
    text = "Posesión, uso o transporte de hasta 2.5 onzas ..."
"""

from __future__ import annotations

import hashlib
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop.data.schema import ENUMS, TRANSLATABLE  # noqa: E402

LANGUAGES = ("es",)
# Where each translatable field lives: (table, key column, column).
_COLUMNS = {
    ("jurisdiction", "name"): ("jurisdiction", "code", "name"),
    ("jurisdiction", "summary"): ("jurisdiction", "code", "summary"),
    ("adult_use", "detail"): ("jurisdiction", "code", "adult_use_detail"),
    **{("relief_path", f): ("relief_path", "id", f) for f in TRANSLATABLE["relief_path"]},
    ("relief_count", "note"): ("relief_count", "id", "note"),
    ("note", "text"): ("note", "id", "text"),
    ("caveat", "text"): ("caveat", "id", "text"),
    ("national_figure", "label"): ("national_figure", "id", "label"),
    ("national_figure", "note"): ("national_figure", "id", "note"),
}


def english_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def english_texts(tables: dict[str, list[dict]]) -> dict[tuple[str, str, str], tuple[str, str]]:
    """(subject kind, subject id, field) -> (English text, its place code or '') for every
    translatable field that has text."""
    found = {}
    for (kind, field), (table, key, column) in _COLUMNS.items():
        for row in tables.get(table, []):
            text = row.get(column)
            if text:
                own_code = row.get("code") if table == "jurisdiction" else ""
                place = row.get("jurisdiction") or own_code
                found[(kind, str(row[key]), field)] = (text, place or "")
    return found


def load_translations(data_dir: Path, tables: dict[str, list[dict]],
                      problems: list[str]) -> list[dict]:
    """Validate every translation file; return rows for the `translation` table."""
    english = english_texts(tables)
    rows: list[dict] = []
    seen: dict[tuple, str] = {}
    root = data_dir / "translations"
    for lang_dir in sorted(p for p in root.glob("*") if p.is_dir()):
        lang = lang_dir.name
        if lang not in LANGUAGES:
            problems.append(f"{lang_dir}: unknown language {lang!r} (expected one of "
                            f"{', '.join(LANGUAGES)})")
            continue
        for path in sorted(lang_dir.glob("*.toml")):
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                problems.append(f"{path}: cannot be read as TOML: {exc}")
                continue
            unknown_keys = set(data) - {"texts"}
            if unknown_keys:
                problems.append(f"{path}: unknown key(s) {sorted(unknown_keys)} (only [[texts]])")
            for position, entry in enumerate(data.get("texts", [])):
                row = _entry(f"{path} texts[{position}]", entry, lang, english, problems)
                if row is None:
                    continue
                key = (row["subject_kind"], row["subject_id"], row["field"], lang)
                where = f"{path} texts[{position}]"
                if key in seen:
                    problems.append(f"{where}: duplicate translation (also at {seen[key]})")
                    continue
                seen[key] = where
                rows.append(row)
    return rows


def _entry(where: str, entry: object, lang: str, english: dict,
           problems: list[str]) -> dict | None:
    if not isinstance(entry, dict):
        problems.append(f"{where}: must be a table")
        return None
    extra = set(entry) - {"of", "field", "en", "status", "text"}
    if extra:
        problems.append(f"{where}: unknown key(s) {sorted(extra)}")
    of, field, en, status, text = (entry.get(k) for k in ("of", "field", "en", "status", "text"))
    if not isinstance(of, str) or ":" not in of:
        problems.append(f"{where}.of: must be 'kind:id', got {of!r}")
        return None
    kind, _, subject = of.partition(":")
    if field not in TRANSLATABLE.get(kind, ()):
        problems.append(f"{where}.field: {field!r} of {kind!r} is not translated "
                        f"(translatable: {', '.join(TRANSLATABLE.get(kind, ())) or 'none'})")
        return None
    if (kind, subject, field) not in english:
        problems.append(f"{where}.of: no English {field} for {of!r} (an unknown id, or the "
                        "English field is empty)")
        return None
    if status not in ENUMS["translation_status"]:
        problems.append(f"{where}.status: unknown value {status!r} (expected one of "
                        f"{', '.join(ENUMS['translation_status'])})")
        return None
    if not isinstance(text, str) or not text.strip():
        problems.append(f"{where}.text: must be non-empty text")
        return None
    if not isinstance(en, str) or len(en) != 12:
        problems.append(f"{where}.en: must be the 12-digit hash of the English it translates")
        return None
    source_text, place = english[(kind, subject, field)]
    return {"subject_kind": kind, "subject_id": subject, "field": field, "language": lang,
            "jurisdiction": place or None, "text": " ".join(text.split()), "status": status,
            "en_hash": en, "stale": int(en != english_hash(source_text))}


def todo(lang: str, code: str, data_dir: Path | None = None) -> str:
    """TOML entries for every field of `code` (or 'national') not yet translated or stale,
    with the English as a comment: what a translator fills in."""
    from db.load import load_dataset

    data_dir = data_dir or ROOT / "resources" / "data"
    ds = load_dataset(data_dir)
    done = {(r["subject_kind"], r["subject_id"], r["field"]): r
            for r in ds.rows("translation") if r["language"] == lang and not r["stale"]}
    out = []
    for (kind, subject, field), (text, place) in sorted(english_texts(ds.tables).items()):
        wanted = place == (code if code != "national" else "")  # national: figures, caveats
        if not wanted or (kind, subject, field) in done:
            continue
        english = "\n".join("# " + line for line in _wrap(text))
        out.append(f'[[texts]]\nof = "{kind}:{subject}"\nfield = "{field}"\n'
                   f'en = "{english_hash(text)}"\nstatus = "machine"\n{english}\ntext = """"""\n')
    return "\n".join(out)


def _wrap(text: str, width: int = 96) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line] if line else lines


def status(lang: str, data_dir: Path | None = None) -> str:
    from db.load import load_dataset

    ds = load_dataset(data_dir or ROOT / "resources" / "data")
    english = english_texts(ds.tables)
    rows = [r for r in ds.rows("translation") if r["language"] == lang]
    lines = []
    places = sorted({place or "national" for _, place in english.values()})
    for place in places:
        total = [k for k, (_, p) in english.items() if (p or "national") == place]
        mine = [r for r in rows if (r["jurisdiction"] or "national") == place]
        stale = sum(r["stale"] for r in mine)
        lines.append(f"{place}: {len(mine) - stale}/{len(total)} translated, {stale} stale")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if len(argv) >= 3 and argv[0] == "todo":
        print(todo(argv[1], argv[2]))
        return 0
    if len(argv) >= 2 and argv[0] == "status":
        print(status(argv[1]))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
