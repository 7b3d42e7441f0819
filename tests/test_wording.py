"""Counts are put into words with their qualifier and unit; dates read naturally."""

from __future__ import annotations

import pytest

from desktop.data.place_records import ReliefCount
from desktop.data.records import Source
from desktop.domain.wording import count_phrase, count_sentence, date_text, source_date


@pytest.mark.parametrize("count, qualifier, unit, high, expected", [
    (15000, "more_than", "people", None, "more than 15,000 people"),
    (3500, "up_to", "eligible_people", None, "up to 3,500 eligible people"),
    (11000, "more_than", "people", None, "more than 11,000 people"),
    (4500, "nearly", "people", None, "nearly 4,500 people"),
    (43000, "about", "cases", None, "about 43,000 cases"),
    (17350, "at_least", "petitions", None, "at least 17,350 petitions"),
    (250000, "range", "eligible_people", 500000, "250,000–500,000 eligible people"),
    (1, "exact", "people", None, "1 person"),
    (1, "more_than", "people", None, "more than 1 people"),
    (42964, "exact", "convictions", None, "42,964 convictions"),
])
def test_count_phrase_keeps_qualifier_and_unit(count, qualifier, unit, high, expected):
    assert count_phrase(count, qualifier, unit, high) == expected


def make_count(**kw) -> ReliefCount:
    base = dict(id="x", action="pardon", count=15000, count_high=None, qualifier="more_than",
                unit="people", as_of="2022-12", official=False, note=None, conflict_group=None,
                source_ids=("S1",))
    base.update(kw)
    return ReliefCount(**base)


def test_count_sentence_names_the_action():
    assert count_sentence(make_count()) == "More than 15,000 people pardoned"
    assert count_sentence(make_count(action="sealing", unit="records", qualifier="exact",
                                     count=64651)) == "64,651 records sealed"


def test_people_are_not_expunged_their_records_are():
    assert count_sentence(make_count(action="vacatur", qualifier="exact", count=565)) == \
        "565 people who had convictions or sentences vacated"


def test_eligible_counts_are_not_called_pardoned():
    text = count_sentence(make_count(qualifier="up_to", count=3500, unit="eligible_people"))
    assert text == "Up to 3,500 eligible people"
    assert "pardoned" not in text


@pytest.mark.parametrize("iso, expected", [
    ("2023-06-06", "June 6, 2023"), ("2023-06", "June 2023"), ("2023", "2023"),
    (None, "unknown"),
])
def test_date_text(iso, expected):
    assert date_text(iso) == expected


def test_source_date_is_honest_about_missing_dates():
    src = Source("S1", "T", "P", None, "n.d. (Jan 2024)", None, "2024-01")
    assert source_date(src) == "no date shown (about January 2024)"
    assert source_date(Source("S2", "T", "P", None, "n.d.", None, None)) == "no date shown"
    assert source_date(Source("S3", "T", "P", None, "2021-08-31", "2021-08-31", None)) == \
        "August 31, 2021"
