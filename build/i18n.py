"""The translation catalogs: extract, update, compile and check them (Babel).

    python build/i18n.py extract    # desktop/strings.py -> resources/locale/relief_atlas.pot
    python build/i18n.py update     # merge the template into every language's .po
    python build/i18n.py compile    # .po -> .mo (the app reads the .mo; both are committed)
    python build/i18n.py check      # CI: every message translated, same placeholders, .mo fresh

The messages are the constants of `desktop/strings.py` (the one place for user-facing words),
read by importing it, so a sentence built there from parts is extracted as it is shown.
A translator edits `resources/locale/<lang>/LC_MESSAGES/relief_atlas.po` (Poedit, or any
editor), then runs `update`, `compile` and `check`. How-to: docs/TRANSLATING.md.
"""

from __future__ import annotations

import datetime
import io
import re
import string
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from babel.messages.catalog import Catalog  # noqa: E402
from babel.messages.mofile import write_mo  # noqa: E402
from babel.messages.pofile import read_po, write_po  # noqa: E402

from desktop import APP_NAME, __version__, i18n  # noqa: E402

LOCALE = ROOT / "resources" / "locale"
TEMPLATE = LOCALE / f"{i18n.DOMAIN}.pot"
TRANSLATED = [lang for lang in i18n.LANGUAGES if lang != i18n.DEFAULT]


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"


# Fixed header dates keep the files identical from run to run (a diff shows only messages).
HEADER_DATE = datetime.datetime(2026, 12, 4, tzinfo=datetime.timezone.utc)


def template() -> Catalog:
    catalog = Catalog(project=APP_NAME, version=__version__, charset="utf-8", fuzzy=False,
                      creation_date=HEADER_DATE, revision_date=HEADER_DATE,
                      copyright_holder="Relief Atlas contributors",
                      msgid_bugs_address="the clinic's maintainer")
    for singular, plural in i18n.messages():
        catalog.add(singular if plural is None else (singular, plural),
                    locations=[("desktop/strings.py", 0)])
    return catalog


def _write_po(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, sort_output=False,
             include_lineno=False)
    path.write_bytes(buffer.getvalue())


def _read_po(path: Path, lang: str) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain=i18n.DOMAIN)


def extract() -> Catalog:
    catalog = template()
    _write_po(TEMPLATE, catalog)
    return catalog


def update() -> None:
    pot = extract()
    for lang in TRANSLATED:
        path = po_path(lang)
        if path.exists():
            catalog = _read_po(path, lang)
        else:
            catalog = Catalog(locale=lang, domain=i18n.DOMAIN, project=APP_NAME)
        catalog.update(pot, no_fuzzy_matching=True)
        # The header carries Plural-Forms: it must not be fuzzy, or the .mo leaves it out.
        catalog.fuzzy = False
        catalog.creation_date = catalog.revision_date = HEADER_DATE
        catalog.version, catalog.copyright_holder = __version__, "Relief Atlas contributors"
        catalog.msgid_bugs_address = "the clinic's maintainer"
        catalog.last_translator = "Relief Atlas team (machine-drafted; not reviewed by a lawyer)"
        catalog.language_team = "Spanish"
        _write_po(path, catalog)


def _mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def compile_all() -> None:
    for lang in TRANSLATED:
        catalog = _read_po(po_path(lang), lang)
        po_path(lang).with_suffix(".mo").write_bytes(_mo_bytes(catalog))


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def problems() -> list[str]:
    """What stops a release: an untranslated or fuzzy message, a placeholder that differs,
    a message the code no longer has, a .mo older than its .po."""
    found = []
    wanted = set(i18n.messages())
    for lang in TRANSLATED:
        path = po_path(lang)
        if not path.exists():
            found.append(f"{path}: missing (run `python build/i18n.py update`)")
            continue
        catalog = _read_po(path, lang)
        have = set()
        for message in catalog:
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strs = message.string if isinstance(message.string, tuple) else (message.string,)
            key = (ids[0], ids[1] if len(ids) > 1 else None)
            have.add(key)
            if key not in wanted:
                continue  # not (or no longer) used by the code: `update` drops it
            where = f"{path.name} [{lang}] {ids[0][:50]!r}"
            if message.fuzzy or not all(strs):
                found.append(f"{where}: not translated (or marked fuzzy)")
                continue
            expected = placeholders(ids[0]) | (placeholders(ids[1]) if len(ids) > 1 else set())
            for text in strs:
                if placeholders(text) != expected and not (
                        len(ids) > 1 and placeholders(text) <= expected):
                    found.append(f"{where}: placeholders {sorted(placeholders(text))} "
                                 f"differ from {sorted(expected)}")
            if re.search(r"(?<!&)&(?![&\s])", ids[0]) and not all("&" in s for s in strs):
                found.append(f"{where}: the keyboard accelerator (&) is missing")
        for singular, plural in sorted(wanted - have, key=str):
            found.append(f"{path.name} [{lang}]: no entry for {singular[:50]!r} (run update)")
        mo = path.with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != _mo_bytes(catalog):
            found.append(f"{mo}: out of date (run `python build/i18n.py compile`)")
    return found


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "extract":
        print(f"{TEMPLATE}: {len(extract())} messages")
    elif command == "update":
        update()
        print("updated: " + ", ".join(str(po_path(lang)) for lang in TRANSLATED))
    elif command == "compile":
        compile_all()
        print("compiled: " + ", ".join(str(po_path(lang).with_suffix(".mo")) for lang in TRANSLATED))
    elif command == "check":
        found = problems()
        for line in found:
            print(line)
        print(f"{len(found)} problem(s)" if found else "catalogs complete")
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
