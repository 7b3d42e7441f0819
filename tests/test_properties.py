"""Property tests (hypothesis) for the parsers everything else trusts: amounts, dates, the
full-text query builder and the sentence splitter. Pure Python, no window."""

from __future__ import annotations

import datetime
import sqlite3
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.data.search import fts_query
from desktop.domain.answers import OUNCE_GRAMS, POUND_GRAMS, parse_amount, parse_when
from desktop.printing.sentences import sentences

UNITS = {"g": 1, "oz": OUNCE_GRAMS, "lb": POUND_GRAMS, "kg": 1000}
TODAY = datetime.date(2026, 12, 4)


@given(st.integers(0, 10_000), st.integers(0, 99), st.sampled_from(sorted(UNITS)),
       st.sampled_from(["", " ", "  "]))
def test_an_amount_with_a_unit_is_converted_exactly(whole, cents, unit, space):
    text = f"{whole}.{cents:02d}{space}{unit}"
    expected = float(Fraction(f"{whole}.{cents:02d}") * UNITS[unit])
    assert parse_amount(text) == expected


@given(st.integers(1, 9), st.integers(2, 16), st.sampled_from(["oz", "lb"]))
def test_fractions_and_mixed_numbers_are_exact(numerator, denominator, unit):
    value = Fraction(numerator, denominator)
    assert parse_amount(f"{numerator}/{denominator} {unit}") == float(value * UNITS[unit])
    assert parse_amount(f"1 {numerator}/{denominator} {unit}") == float((1 + value) * UNITS[unit])


@given(st.text(max_size=40))
def test_any_text_is_an_amount_or_a_plain_error(text):
    try:
        grams = parse_amount(text)
    except ValueError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert grams is None or grams >= 0


@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=TODAY))
def test_a_date_in_any_accepted_form_reads_back(day):
    for text in (day.isoformat(), f"{day.month}/{day.day}/{day.year}", str(day.year)):
        year, date = parse_when(text, today=TODAY)
        assert year == day.year and date in (None, day)


@given(st.text(max_size=30))
def test_any_text_is_a_date_or_a_plain_error(text):
    try:
        year, date = parse_when(text, today=TODAY)
    except ValueError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert year is None or 1900 <= year <= TODAY.year


@settings(max_examples=300)
@given(st.text(max_size=80))
def test_any_typed_text_is_a_valid_fts5_query(text):
    """Quotes, AND/OR/NEAR, *, -, ^, brackets and emoji are text, never FTS5 syntax."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='porter unicode61 remove_diacritics 2')")
    conn.execute("INSERT INTO t VALUES ('possession of marijuana in Arizona')")
    for any_word in (False, True):
        query = fts_query(text, any_word=any_word)
        if query is not None:
            conn.execute("SELECT count(*) FROM t WHERE t MATCH ?", (query,)).fetchone()


words = st.text(alphabet=st.characters(whitelist_categories=("Ll", "Lu")), min_size=1, max_size=8)


@given(st.lists(st.lists(words, min_size=1, max_size=6), min_size=1, max_size=6))
def test_sentences_rejoin_to_the_text_and_each_ends_where_one_ends(parts):
    text = " ".join(" ".join(w).capitalize() + "." for w in parts)
    found = sentences(text)
    assert " ".join(found) == text
    assert all(s.endswith(".") for s in found)
