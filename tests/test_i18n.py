"""Languages: the system locale, switching, plurals, the stretched pseudo-language, and the
catalogs CI checks (every message translated, same placeholders, .mo compiled)."""

from __future__ import annotations

import importlib.util
import string
from pathlib import Path

import pytest

from desktop import i18n, strings
from desktop.domain import wording

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("env, expected", [
    ({"LANG": "es_US.UTF-8"}, "es"), ({"LANG": "es_MX"}, "es"), ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LC_ALL": "es_ES.UTF-8", "LANG": "en_US"}, "es"), ({"LC_ALL": "C"}, "en"),
    ({"LANGUAGE": "fr:es"}, "es"), ({}, "en"), ({"LANG": "de_DE"}, "en"),
])
def test_the_system_locale_decides_the_first_language(env, expected):
    assert i18n.system_language(env) == expected


def test_switching_rebinds_strings_and_speaking_switches_back():
    english = strings.H_SOURCES
    with i18n.speaking("pseudo"):
        assert strings.H_SOURCES != english and "Sources" not in strings.H_SOURCES
        assert strings.RELIEF_KIND["pardon"].startswith("[")
    assert strings.H_SOURCES == english and i18n.current() == "en"
    with pytest.raises(ValueError):
        i18n.activate("fr")


def test_pseudo_stretches_every_string_by_forty_percent_and_keeps_placeholders():
    for name, value in i18n.english_constants().items():
        for text in ([value] if isinstance(value, str) else []):
            stretched = i18n._pseudo(text)
            assert len(stretched) >= len(text) * 1.4 - 1, name
            fields = {f for _, f, _, _ in string.Formatter().parse(text) if f}
            assert {f for _, f, _, _ in string.Formatter().parse(stretched) if f} == fields, name


def test_counts_use_plurals_by_count_and_keep_their_qualifier():
    assert wording.count_phrase(1, "exact", "people") == "1 person"
    assert wording.count_phrase(1, "more_than", "people") == "more than 1 people"
    assert wording.count_phrase(15000, "more_than", "people") == "more than 15,000 people"
    assert wording.count_phrase(3500, "up_to", "eligible_people") == "up to 3,500 eligible people"
    assert wording.count_phrase(250000, "range", "cases", 500000) == "250,000–500,000 cases"
    assert wording.and_list(["a", "b", "c"]) == "a, b and c"


def test_every_message_is_extracted_once():
    messages = i18n.messages()
    assert len(messages) == len(set(messages)) > 500
    plural = [m for m in messages if m[1] is not None]
    assert ("{count} person", "{count} people") in plural


def test_catalogs_are_complete_consistent_and_compiled():
    if importlib.util.find_spec("babel") is None:
        pytest.skip("Babel is in the test extra")
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "build" / "i18n.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    assert tool.problems() == []


def test_spanish_reads_spanish():
    with i18n.speaking("es"):
        assert strings.H_SOURCES == "Fuentes"
        assert wording.date_text("2023-06-06") == "6 de junio de 2023"
        assert wording.count_phrase(15000, "more_than", "people") == "más de 15,000 personas"
        assert "no asesoría legal" in strings.DISCLAIMER
