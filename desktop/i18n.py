"""Languages: which one is in use, and the gettext catalogs that speak it.

`desktop/strings.py` stays the one place for the words a person sees, written in English.
`activate("es")` rebinds each of its constants to the Spanish of the compiled catalog
(`resources/locale/es/LC_MESSAGES/relief_atlas.mo`, made from the `.po` a translator edits
with `python build/i18n.py update|compile`). Code reads `strings.NAME` when it runs, so the
next page, sheet or dialog speaks the new language. Plural pairs (`strings.PLURALS`) stay as
English msgids and go through `ngettext` when a count is known (`strings.plural`).

`speaking(lang)` switches for the length of a block: a handout can be Spanish while the
window is English. Plain Python (no Qt): the domain layer renders through it too. Qt's own
dialogs get their translation from `qtbase_<lang>.qm` in the view layer (`desktop/app.py`).
"""

from __future__ import annotations

import gettext
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from desktop import paths, strings

LANGUAGES = {"en": "English", "es": "Español"}
DEFAULT = "en"
DOMAIN = "relief_atlas"
# A test language: every string stretched by 40% (accented, bracketed) to show clipped
# labels before a translator does, as vorta's TRANS_SCALE does. Never offered in menus.
PSEUDO = "pseudo"
STRETCH = 0.4

_lock = threading.RLock()
_english: dict[str, object] = {}
_current = DEFAULT


def locale_dir() -> Path:
    return paths.resource_root() / "resources" / "locale"


def language_of(locale_name: str | None) -> str | None:
    """'es_US.UTF-8' -> 'es'; 'C' or an unsupported language -> None."""
    if not locale_name:
        return None
    code = locale_name.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
    return code if code in LANGUAGES else None


def system_language(environ: dict[str, str] | None = None) -> str:
    """The language of the system locale (LC_ALL, LC_MESSAGES, LANG, LANGUAGE), else English."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:  # the first one set decides, as in POSIX
            return language_of(value) or DEFAULT
    for part in env.get("LANGUAGE", "").split(":"):
        if language_of(part):
            return language_of(part) or DEFAULT
    return DEFAULT


@cache
def catalog(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of `lang`; English (and a missing file) translate to themselves."""
    if lang in (DEFAULT, PSEUDO):
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, locale_dir(), languages=[lang], fallback=True)


def current() -> str:
    return _current


def activate(lang: str) -> None:
    """Rebind every constant of `desktop.strings` to `lang` (one of LANGUAGES, or PSEUDO)."""
    global _current
    if lang not in LANGUAGES and lang != PSEUDO:
        raise ValueError(f"unknown language {lang!r} (expected one of {', '.join(LANGUAGES)})")
    with _lock:
        if not _english:
            _english.update(english_constants())
        translate = _pseudo if lang == PSEUDO else catalog(lang).gettext
        for name, value in _english.items():
            if name not in strings.PLURALS:
                setattr(strings, name, _translated(value, translate, top=True))
        _current = lang


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Render in `lang` inside the block, then return to the language before it."""
    with _lock:
        before = _current
        activate(lang)
        try:
            yield
        finally:
            activate(before)


def ngettext(singular: str, plural: str, n: int) -> str:
    if _current == PSEUDO:
        return _pseudo(singular if n == 1 else plural)
    return catalog(_current).ngettext(singular, plural, n)


def english_constants() -> dict[str, object]:
    """Every user-facing constant of `desktop.strings` as written (English)."""
    source = _english or vars(strings)
    return {name: value for name, value in source.items()
            if name.isupper() and _is_text(value)}


def messages() -> list[tuple[str, str | None]]:
    """Every msgid (with its plural, if any) in `desktop.strings`, for extraction."""
    found: dict[tuple[str, str | None], None] = {}
    for name, value in english_constants().items():
        if name in strings.PLURALS:
            for pair in _plural_pairs(value):
                found[pair] = None
        else:
            for text in _texts(_labels_only(value)):
                found[(text, None)] = None
    return list(found)


def _is_text(value: object) -> bool:
    return bool(list(_texts(value)))


def _texts(value: object) -> Iterator[str]:
    if isinstance(value, str):
        if value.strip():
            yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _texts(item)


def _plural_pairs(value: object) -> Iterator[tuple[str, str]]:
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, str) for v in value):
        yield value[0], value[1]
    elif isinstance(value, dict):
        for item in value.values():
            yield from _plural_pairs(item)


def _is_choices(value: object) -> bool:
    """A tuple of (code, label) pairs, such as the screener's choices: codes stay as they are."""
    return (isinstance(value, tuple) and bool(value) and all(
        isinstance(item, tuple) and len(item) == 2 and all(isinstance(v, str) for v in item)
        for item in value))


def _labels_only(value: object) -> object:
    if isinstance(value, tuple) and _is_choices(value):
        return tuple(label for _, label in value)
    return value


def _translated(value, translate, top: bool = False):
    if top and _is_choices(value):
        return tuple((code, translate(label) if label.strip() else label) for code, label in value)
    if isinstance(value, str):
        return translate(value) if value.strip() else value
    if isinstance(value, dict):
        return {key: _translated(item, translate) for key, item in value.items()}
    if isinstance(value, tuple):
        return tuple(_translated(item, translate) for item in value)
    if isinstance(value, list):
        return [_translated(item, translate) for item in value]
    return value


_ACCENTS = str.maketrans("aeiouAEIOUnNcC", "áéíóúÁÉÍÓÚñÑçÇ")


def _pseudo(text: str) -> str:
    """'Search {place}' -> '[Séárch {place}~~~~]': 40% longer, placeholders untouched."""
    out, depth = [], 0
    for ch in text:
        depth += ch == "{"
        out.append(ch if depth else ch.translate(_ACCENTS))
        depth -= ch == "}" and depth > 0
    extra = max(1, round(len(text) * STRETCH) - 2)
    # In words of five, so a stretched sentence still wraps where a real one would.
    padding = ("".join(" " if i % 5 == 4 else "~" for i in range(extra)) if " " in text
               else "~" * extra)
    return f"[{''.join(out)}{padding}]"
