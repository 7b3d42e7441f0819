"""The screener's rules on small synthetic paths: codes and values, no words, no research data.

The acceptance scenarios on the real data stay in tests/test_screener.py."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from desktop.domain import rules, screening_wording
from desktop.domain.answers import OUNCE_GRAMS, Situation
from desktop.domain.rules import Reason, Status, Verdict, judge
from tests.helpers.paths import make_path

TODAY = datetime.date(2026, 12, 4)


def codes(judgement) -> list[tuple[str, str]]:
    return [(str(r.status), r.code) for r in judgement.reasons]


def test_a_path_with_only_an_offense_rule_fits_a_matching_case():
    j = judge(Situation("XX", offense="possession"), make_path(), TODAY)
    assert j.verdict == Verdict.LIKELY
    assert j.reasons == (Reason(Status.FITS, "offense.fits", {"offense": "possession"}),)


@pytest.mark.parametrize("offense, expected", [
    (None, (Verdict.MAY, "offense.check")),
    ("sale_distribution", (Verdict.NO, "offense.not_covered")),
    ("other", (Verdict.NO, "offense.not_covered")),
])
def test_offense_rule(offense, expected):
    j = judge(Situation("XX", offense=offense), make_path(), TODAY)
    assert (j.verdict, j.reasons[0].code) == expected


def test_an_other_offense_is_checked_against_a_path_that_lists_other():
    j = judge(Situation("XX", offense="other"), make_path(offense_kinds=("possession", "other")),
              TODAY)
    assert (j.verdict, j.reasons[0].code) == (Verdict.MAY, "offense.check_other")


@pytest.mark.parametrize("said, exclusive, verdict, code", [
    (1.0, None, Verdict.LIKELY, "amount.fits"),
    (2.5, None, Verdict.LIKELY, "amount.fits"),       # at the limit is within it
    (2.5, True, Verdict.NO, "amount.not_under"),      # "under 2.5 oz" excludes 2.5 oz
    (3.0, None, Verdict.NO, "amount.over"),
    (None, None, Verdict.MAY, "amount.check"),
])
def test_amount_rule_is_exact(said, exclusive, verdict, code):
    limit = float(oz_grams(2.5))
    grams = None if said is None else float(oz_grams(said))
    path = make_path(max_amount_grams=limit, amount_text="2.5 oz", max_amount_exclusive=exclusive)
    j = judge(Situation("XX", offense="possession", amount_grams=grams), path, TODAY)
    assert (j.verdict, j.reasons[-1].code) == (verdict, code)
    assert j.reasons[-1].params["limit_grams"] == limit


def oz_grams(ounces: float):
    from fractions import Fraction

    return Fraction(str(ounces)) * OUNCE_GRAMS


@pytest.mark.parametrize("year, year_of, code", [
    (2015, "offense", "date.fits"),
    (2021, "offense", "date.check_edge"),      # the window ends within 2021
    (2023, "offense", "date.outside"),
    (None, None, "date.check"),
])
def test_window_rule_reports_the_iso_dates_it_used(year, year_of, code):
    path = make_path(date_applies_to="offense", date_to="2021-06-30")
    j = judge(Situation("XX", offense="possession", year=year, year_of=year_of), path, TODAY)
    reason = j.reasons[-1]
    assert reason.code == code
    assert reason.params["end"] == "2021-06-30" and reason.params["event"] == "offense"


def test_a_conviction_after_the_window_may_still_be_for_an_offense_inside_it():
    path = make_path(date_applies_to="offense", date_to="2020-11-29")
    j = judge(Situation("XX", offense="possession", year=2022, year_of="conviction"), path, TODAY)
    assert j.verdict == Verdict.MAY and j.reasons[-1].code == "date.check_other_event"


@pytest.mark.parametrize("completed, rule, verdict", [
    (True, True, Verdict.LIKELY), (False, True, Verdict.NO),
    (None, True, Verdict.MAY), (True, False, Verdict.NO), (True, None, Verdict.LIKELY),
])
def test_sentence_rule(completed, rule, verdict):
    j = judge(Situation("XX", offense="possession", completed=completed),
              make_path(sentence_completed=rule), TODAY)
    assert j.verdict == verdict


def test_waiting_period_not_yet_passed_names_the_earliest_year():
    j = judge(Situation("XX", offense="possession", year=2024),
              make_path(waiting_period_years=5.0), TODAY)
    assert j.verdict == Verdict.MAY
    assert j.reasons[-1].code == "wait.not_yet" and j.reasons[-1].params["earliest"] == 2029
    assert judge(Situation("XX", offense="possession", year=2015),
                 make_path(waiting_period_years=5.0), TODAY).verdict == Verdict.LIKELY


def test_an_automatic_pardon_without_a_window_reaches_older_cases_only():
    path = make_path(kind="pardon", mechanism="automatic", enacted_year=2022)
    older = judge(Situation("XX", offense="possession", year=2019), path, TODAY)
    newer = judge(Situation("XX", offense="possession", year=2023), path, TODAY)
    assert older.verdict == Verdict.LIKELY and newer.verdict == Verdict.MAY


def test_age_record_only_conviction_and_charges_rules():
    path = make_path(min_age=21, records_covered="convictions", only_conviction=True,
                     only_charge=True)
    person = Situation("XX", offense="possession", age=19, record="conviction",
                       only_conviction=False, other_charges=True)
    j = judge(person, path, TODAY)
    assert j.verdict == Verdict.NO
    assert {r.code for r in j.by_status(Status.FAILS)} == {
        "age.under", "only_conviction.other", "only_charge.other"}
    assert [r.code for r in j.by_status(Status.FITS)] == ["offense.fits", "record.fits"]


def test_no_reason_carries_words():
    # Values only: codes, ISO dates, numbers and the data's own text; no rendered sentence.
    path = make_path(date_applies_to="offense", date_to="2021-06-30", min_age=21,
                     waiting_period_years=3.0, max_amount_grams=28.0, amount_text="1 oz")
    j = judge(Situation("XX", offense="possession", year=2021, age=30, amount_grams=10.0),
              path, TODAY)
    for reason in j.reasons:
        for value in reason.params.values():
            assert not isinstance(value, str) or value in {
                "possession", "offense", "2021-06-30", "1 oz", "Possession", "end", "start"}, (
                reason.code, value)


def test_every_code_a_rule_can_give_has_words():
    source = Path(rules.__file__).read_text(encoding="utf-8")
    emitted = set(re.findall(r'Reason\(Status\.\w+, "([a-z_.]+)"', source))
    assert len(emitted) >= 35
    assert emitted == set(screening_wording._RENDER)


def test_relevant_questions_follow_the_paths():
    assert rules.relevant_questions((make_path(),)) == set()
    assert rules.relevant_questions((make_path(min_age=21, only_charge=False),)) == {
        "age", "other_charges"}
