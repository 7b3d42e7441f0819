"""The eligibility screener on the real data: verdicts, reasons, next steps, amounts, dates."""

from __future__ import annotations

import dataclasses
import datetime
import re
from fractions import Fraction

import pytest

from desktop import strings
from desktop.domain.screener import (
    OUNCE_GRAMS,
    POUND_GRAMS,
    PathResult,
    Situation,
    amount_text,
    describe_answers,
    parse_amount,
    parse_when,
    relevant_questions,
    screen,
    screening_notes,
)

TODAY = datetime.date(2026, 6, 1)
OZ = float(OUNCE_GRAMS)
LB = float(POUND_GRAMS)
D = datetime.date


def run(repo, **answers) -> dict[str, str]:
    situation = Situation(**answers)
    detail = repo.jurisdiction(situation.jurisdiction)
    results = screen(situation, detail, repo.jurisdiction("US"), today=TODAY)
    return {r.path_id: r.verdict for r in results}


# A sentence-completed, possession-of-1-oz conviction, with every further answer that fits.
AZ = dict(jurisdiction="AZ", offense="possession", level="misdemeanor")
MO = dict(jurisdiction="MO", offense="possession", level="misdemeanor", completed=True)
MO_PATHS = ("MO-art14-automatic-expungement", "MO-art14-vacate-supervision",
            "MO-art14-petition-prison")
CT = dict(jurisdiction="CT", offense="possession", record="conviction")
WA = dict(jurisdiction="WA", offense="possession", level="misdemeanor", record="conviction",
          age=30, only_conviction=True, amount_grams=20.0)
WA_PARDON = "WA-2019-marijuana-justice-pardon"
US = dict(jurisdiction="US", offense="possession", year_of="offense")
US_2022, US_2023 = "US-2022-proclamation-10467-pardon", "US-2023-12-proclamation-pardon"


def only(verdicts: dict[str, str], path_id: str) -> str:
    return verdicts[path_id]


SCENARIOS = [
    # -- automatic relief --------------------------------------------------------------------
    pytest.param(dict(MO, amount_grams=OZ, year=2016), {
        MO_PATHS[0]: "likely", MO_PATHS[1]: "no", MO_PATHS[2]: "no"}, id="MO-automatic-done"),
    # Article XIV reaches felony simple possession up to 3 lb, not sale (issue 11, S401, S402).
    pytest.param(dict(MO, offense="possession", level="felony", amount_grams=LB,
                      year=2019, completed=False), {
        MO_PATHS[0]: "no", MO_PATHS[1]: "likely", MO_PATHS[2]: "likely"}, id="MO-still-serving"),
    pytest.param(dict(MO, offense="sale_distribution", level="felony", amount_grams=LB,
                      year=2019, completed=False), {
        MO_PATHS[0]: "no", MO_PATHS[1]: "no", MO_PATHS[2]: "no"}, id="MO-sale-not-covered"),
    pytest.param(dict(MO, amount_grams=3 * LB, level="felony"), {
        MO_PATHS[0]: "likely", MO_PATHS[1]: "no", MO_PATHS[2]: "no"}, id="MO-at-3-lb"),
    pytest.param(dict(MO, amount_grams=parse_amount("2.99 lb")), {
        MO_PATHS[0]: "likely", MO_PATHS[1]: "no", MO_PATHS[2]: "no"}, id="MO-under-3-lb"),
    pytest.param(dict(MO, amount_grams=3 * LB + 0.01), {
        MO_PATHS[0]: "no", MO_PATHS[1]: "no", MO_PATHS[2]: "no"}, id="MO-over-3-lb"),
    pytest.param(dict(MO, offense="cultivation", amount_grams=OZ), {
        MO_PATHS[0]: "no", MO_PATHS[1]: "no", MO_PATHS[2]: "no"}, id="MO-cultivation-not-covered"),
    pytest.param(dict(jurisdiction="MO"), {
        MO_PATHS[0]: "may", MO_PATHS[1]: "may", MO_PATHS[2]: "may"}, id="MO-all-unknown"),
    # Automatic only for cases made up solely of the listed offenses (njcourts.gov, issue 11).
    pytest.param(dict(jurisdiction="NJ", offense="possession", year=2015, other_charges=False), {
        "NJ-2021-automatic-expungement": "likely", "NJ-2021-probation-vacated": "may",
        "NJ-2021-motion-or-petition": "may"}, id="NJ-automatic"),
    pytest.param(dict(CT, amount_grams=parse_amount("3.99 oz"), year=2010, year_of="conviction"),
                 {"CT-automatic-erasure": "likely", "CT-petition-erasure-possession": "likely",
                  "CT-petition-erasure-paraphernalia-sale": "no"}, id="CT-under-4-oz"),
    pytest.param(dict(CT, amount_grams=4 * OZ, year=2010, year_of="conviction"), {
        "CT-automatic-erasure": "no", "CT-petition-erasure-possession": "likely",
        "CT-petition-erasure-paraphernalia-sale": "no"}, id="CT-at-4-oz-is-not-under-4-oz"),
    pytest.param(dict(CT, amount_grams=4 * OZ + 0.01, year=2010, year_of="conviction"), {
        "CT-automatic-erasure": "no", "CT-petition-erasure-possession": "no",
        "CT-petition-erasure-paraphernalia-sale": "no"}, id="CT-over-4-oz"),
    pytest.param(dict(CT, amount_grams=OZ, date=D(2015, 9, 30), year_of="conviction"), {
        "CT-automatic-erasure": "likely", "CT-petition-erasure-possession": "likely",
        "CT-petition-erasure-paraphernalia-sale": "no"}, id="CT-last-day-of-automatic-window"),
    pytest.param(dict(CT, amount_grams=OZ, date=D(2015, 10, 1), year_of="conviction"), {
        "CT-automatic-erasure": "no", "CT-petition-erasure-possession": "likely",
        "CT-petition-erasure-paraphernalia-sale": "no"}, id="CT-day-after-automatic-window"),
    pytest.param(dict(CT, amount_grams=OZ, date=D(1999, 12, 31), year_of="conviction"), {
        "CT-automatic-erasure": "no", "CT-petition-erasure-possession": "likely",
        "CT-petition-erasure-paraphernalia-sale": "no"}, id="CT-day-before-automatic-window"),
    pytest.param(dict(CT, amount_grams=OZ, year=2010, year_of="offense"), {
        "CT-automatic-erasure": "may", "CT-petition-erasure-possession": "may",
        "CT-petition-erasure-paraphernalia-sale": "no"}, id="CT-offense-year-not-conviction"),
    pytest.param(dict(CT, offense="paraphernalia", year=2021, year_of="offense"), {
        "CT-automatic-erasure": "no", "CT-petition-erasure-possession": "no",
        "CT-petition-erasure-paraphernalia-sale": "may"}, id="CT-unstated-window-edge-year"),
    pytest.param(dict(CT, offense="paraphernalia", year=2022, year_of="offense"), {
        "CT-automatic-erasure": "no", "CT-petition-erasure-possession": "no",
        "CT-petition-erasure-paraphernalia-sale": "no"}, id="CT-unstated-window-after"),
    pytest.param(dict(jurisdiction="VT", offense="possession", record="conviction",
                      amount_grams=2 * OZ, date=D(2020, 12, 31), year_of="conviction"),
                 {"VT-s234-automatic-expungement": "likely"}, id="VT-at-2-oz-last-day"),
    pytest.param(dict(jurisdiction="VT", offense="possession", record="conviction",
                      amount_grams=2 * OZ, year=2021, year_of="conviction"),
                 {"VT-s234-automatic-expungement": "no"}, id="VT-after-window"),
    pytest.param(dict(jurisdiction="VA", offense="possession", level="felony", record="conviction"),
                 {"VA-automatic-sealing": "no", "VA-distribution-automatic-sealing": "no",
                  "VA-felony-expungement-petition": "may"},
                 id="VA-felony"),
    # -- petition only -------------------------------------------------------------------------
    pytest.param(dict(AZ, amount_grams=OZ, year=2016),
                 {"AZ-prop207-expungement": "likely"}, id="AZ-1-oz-2016"),
    pytest.param(dict(AZ, amount_grams=2.5 * OZ, year=2016),
                 {"AZ-prop207-expungement": "likely"}, id="AZ-at-2.5-oz"),
    pytest.param(dict(AZ, amount_grams=70.8738, year=2016),
                 {"AZ-prop207-expungement": "likely"}, id="AZ-just-under-2.5-oz"),
    pytest.param(dict(AZ, amount_grams=70.874, year=2016),
                 {"AZ-prop207-expungement": "no"}, id="AZ-just-over-2.5-oz"),
    pytest.param(dict(AZ, amount_grams=OZ, date=D(2020, 11, 29), year_of="offense"),
                 {"AZ-prop207-expungement": "likely"}, id="AZ-last-day"),
    pytest.param(dict(AZ, amount_grams=OZ, date=D(2020, 11, 30), year_of="offense"),
                 {"AZ-prop207-expungement": "no"}, id="AZ-day-after"),
    pytest.param(dict(AZ, amount_grams=OZ, year=2020, year_of="offense"),
                 {"AZ-prop207-expungement": "may"}, id="AZ-year-the-window-closes"),
    pytest.param(dict(AZ, amount_grams=OZ, year=2021),
                 {"AZ-prop207-expungement": "may"}, id="AZ-2021-conviction-could-be-2020-offense"),
    pytest.param(dict(AZ, amount_grams=OZ, year=2021, year_of="offense"),
                 {"AZ-prop207-expungement": "no"}, id="AZ-2021-offense"),
    pytest.param(dict(AZ, offense="sale_distribution", amount_grams=OZ, year=2016),
                 {"AZ-prop207-expungement": "no"}, id="AZ-sale-not-covered"),
    pytest.param(dict(jurisdiction="AZ"), {"AZ-prop207-expungement": "may"}, id="AZ-all-unknown"),
    pytest.param(dict(jurisdiction="NH", offense="possession", record="conviction",
                      amount_grams=parse_amount("3/4 oz"), date=D(2017, 9, 15),
                      year_of="offense"), {"NH-hb399-annulment": "likely"}, id="NH-at-limits"),
    pytest.param(dict(jurisdiction="NH", offense="possession", record="conviction",
                      amount_grams=parse_amount("3/4 oz") + 0.01, year=2010, year_of="offense"),
                 {"NH-hb399-annulment": "no"}, id="NH-over-3/4-oz"),
    pytest.param(dict(jurisdiction="NH", offense="possession", record="conviction",
                      amount_grams=OZ / 2, date=D(2017, 9, 16), year_of="offense"),
                 {"NH-hb399-annulment": "no"}, id="NH-day-after-decriminalization"),
    pytest.param(dict(jurisdiction="LA", offense="possession", level="misdemeanor",
                      record="conviction", amount_grams=14.0),
                 {"LA-hb286-expungement-motion": "likely"}, id="LA-at-14-g"),
    pytest.param(dict(jurisdiction="LA", offense="possession", level="misdemeanor",
                      record="conviction", amount_grams=14.01),
                 {"LA-hb286-expungement-motion": "no"}, id="LA-over-14-g"),
    pytest.param(dict(jurisdiction="LA", offense="possession", level="felony",
                      record="conviction", amount_grams=10.0),
                 {"LA-hb286-expungement-motion": "no"}, id="LA-felony"),
    pytest.param(dict(jurisdiction="HI", offense="possession", record="conviction",
                      amount_grams=2.99),
                 {"HI-hb1383-expungement": "likely", "HI-hb1595-pilot": "no"}, id="HI-under-3-g"),
    pytest.param(dict(jurisdiction="HI", offense="possession", record="arrest",
                      amount_grams=3.01),
                 {"HI-hb1383-expungement": "no", "HI-hb1595-pilot": "likely"},
                 id="HI-arrest-only-over-3-g"),
    pytest.param(dict(jurisdiction="CO", offense="possession", level="misdemeanor",
                      record="conviction", amount_grams=OZ, date=D(2012, 12, 9),
                      year_of="offense"),
                 # The pardons end at Dec 9, 2012 without saying whether that is the
                 # offense's or the conviction's date: a later conviction may fall outside.
                 {"CO-24-72-710-sealing": "likely", "CO-2020-class-pardon": "may",
                  "CO-2021-class-pardon": "may"}, id="CO-last-day-before-legalization"),
    pytest.param(dict(jurisdiction="CO", offense="possession", level="misdemeanor",
                      record="conviction", amount_grams=OZ + 0.01, date=D(2012, 12, 10),
                      year_of="offense"),
                 # Both class pardons cover only convictions from before legalization (S27, S301).
                 {"CO-24-72-710-sealing": "no", "CO-2020-class-pardon": "no",
                  "CO-2021-class-pardon": "no"}, id="CO-after-window-just-over-1-oz"),
    pytest.param(dict(jurisdiction="DE", offense="possession", record="conviction",
                      amount_grams=OZ, date=D(1977, 1, 1), year_of="conviction",
                      only_conviction=True),
                 {"DE-sb197-expungement": "likely"}, id="DE-first-day"),
    pytest.param(dict(jurisdiction="DE", offense="possession", record="conviction",
                      amount_grams=OZ, year=1976, year_of="conviction", only_conviction=True),
                 {"DE-sb197-expungement": "no"}, id="DE-before-window"),
    pytest.param(dict(jurisdiction="DE", offense="possession", record="conviction",
                      amount_grams=OZ, year=2010, year_of="conviction", only_conviction=False),
                 {"DE-sb197-expungement": "no"}, id="DE-not-the-only-conviction"),
    pytest.param(dict(jurisdiction="MD", offense="possession", year=2020, year_of="offense",
                      other_charges=False),
                 {"MD-automatic-expungement-possession-only": "likely",
                  "MD-petition-expungement-possession-mixed": "may",
                  "MD-petition-expungement-pwid": "no", "MD-resentencing-possession": "may",
                  "MD-2024-governor-pardon": "may"}, id="MD-possession-only-charge"),
    pytest.param(dict(jurisdiction="MD", offense="possession", year=2020, year_of="offense",
                      other_charges=True),
                 {"MD-automatic-expungement-possession-only": "no",
                  "MD-petition-expungement-possession-mixed": "likely",
                  "MD-petition-expungement-pwid": "no", "MD-resentencing-possession": "may",
                  "MD-2024-governor-pardon": "may"}, id="MD-possession-with-other-charges"),
    pytest.param(dict(jurisdiction="RI", offense="possession", age=17),
                 {"RI-2022-automatic-expungement": "no"}, id="RI-under-18"),
    pytest.param(dict(jurisdiction="RI", offense="possession", age=18),
                 {"RI-2022-automatic-expungement": "likely"}, id="RI-at-18"),
    # -- pardons only ------------------------------------------------------------------------
    pytest.param(dict(jurisdiction="PA", offense="possession", record="conviction",
                      amount_grams=30.0, only_conviction=True),
                 {"PA-2019-expedited-pardon-review": "likely",
                  "PA-2022-marijuana-pardon-project": "likely"}, id="PA-at-30-g"),
    pytest.param(dict(jurisdiction="PA", offense="possession", record="conviction",
                      amount_grams=30.5, only_conviction=True),
                 {"PA-2019-expedited-pardon-review": "likely",
                  "PA-2022-marijuana-pardon-project": "no"}, id="PA-over-30-g"),
    # The 2020 pardon covers convictions from 2001 to June 17, 2020 (issue 11).
    pytest.param(dict(jurisdiction="NV", offense="possession", record="conviction",
                      amount_grams=OZ, year=2015, year_of="conviction"),
                 {"NV-ab192-sealing": "may", "NV-2020-summary-pardon": "likely"},
                 id="NV-pardon-older-case"),
    pytest.param(dict(jurisdiction="NV", offense="possession", record="conviction",
                      amount_grams=OZ, year=2021),
                 {"NV-ab192-sealing": "may", "NV-2020-summary-pardon": "no"},
                 id="NV-case-after-the-pardon"),
    pytest.param(dict(jurisdiction="NV", offense="possession", record="conviction",
                      amount_grams=OZ + 0.001, year=2015),
                 {"NV-ab192-sealing": "may", "NV-2020-summary-pardon": "no"},
                 id="NV-just-over-1-oz"),
    pytest.param(dict(WA, date=D(1998, 1, 1), year_of="conviction"),
                 {"WA-sb5605-vacatur": "likely", WA_PARDON: "likely"}, id="WA-pardon-first-day"),
    pytest.param(dict(WA, date=D(1997, 12, 31), year_of="conviction"),
                 {"WA-sb5605-vacatur": "likely", WA_PARDON: "no"}, id="WA-pardon-day-before"),
    pytest.param(dict(WA, date=D(2012, 12, 5), year_of="conviction"),
                 {"WA-sb5605-vacatur": "likely", WA_PARDON: "likely"}, id="WA-pardon-last-day"),
    pytest.param(dict(WA, date=D(2012, 12, 6), year_of="conviction"),
                 {"WA-sb5605-vacatur": "likely", WA_PARDON: "no"}, id="WA-pardon-day-after"),
    pytest.param(dict(WA, year=2005, age=20),
                 {"WA-sb5605-vacatur": "no", WA_PARDON: "no"}, id="WA-under-21"),
    pytest.param(dict(WA, year=2005, year_of="conviction", amount_grams=40.0),
                 {"WA-sb5605-vacatur": "likely", WA_PARDON: "likely"}, id="WA-at-40-g"),
    pytest.param(dict(WA, year=2005, year_of="conviction", amount_grams=40.5),
                 {"WA-sb5605-vacatur": "no", WA_PARDON: "likely"}, id="WA-over-40-g"),
    pytest.param(dict(WA, year=2005, year_of="conviction", only_conviction=False),
                 {"WA-sb5605-vacatur": "likely", WA_PARDON: "no"}, id="WA-other-convictions"),
    pytest.param(dict(jurisdiction="OR", offense="possession", record="conviction",
                      amount_grams=OZ, age=30, other_charges=False, year=2014,
                      year_of="conviction"),
                 {"OR-sb420-set-aside": "likely", "OR-ors137226-set-aside": "may",
                  "OR-2022-governor-pardon": "likely"}, id="OR-pardon-window-inside"),
    pytest.param(dict(jurisdiction="OR", offense="possession", record="conviction",
                      amount_grams=OZ, age=30, other_charges=False, year=2016,
                      year_of="conviction"),
                 {"OR-sb420-set-aside": "may", "OR-ors137226-set-aside": "may",
                  "OR-2022-governor-pardon": "may"}, id="OR-unstated-window-2016-conviction"),
    pytest.param(dict(jurisdiction="OR", offense="possession", record="conviction",
                      amount_grams=OZ, age=30, other_charges=False, year=2016,
                      year_of="offense"),
                 {"OR-sb420-set-aside": "no", "OR-ors137226-set-aside": "may",
                  "OR-2022-governor-pardon": "no"}, id="OR-2016-offense"),
    # -- no marijuana-specific relief ------------------------------------------------------------
    pytest.param(dict(jurisdiction="AL", offense="possession", year=2016), {}, id="AL-no-relief"),
    pytest.param(dict(jurisdiction="TX"), {}, id="TX-no-relief"),
    # -- federal and D.C. ----------------------------------------------------------------------
    pytest.param(dict(US, date=D(2022, 10, 6)), {US_2022: "likely", US_2023: "likely"},
                 id="US-last-day-of-2022-pardon"),
    pytest.param(dict(US, date=D(2022, 10, 7)), {US_2022: "no", US_2023: "likely"},
                 id="US-day-after-2022-pardon"),
    pytest.param(dict(US, date=D(2023, 12, 22)), {US_2022: "no", US_2023: "likely"},
                 id="US-last-day-of-2023-pardon"),
    pytest.param(dict(US, date=D(2023, 12, 23)), {US_2022: "no", US_2023: "no"},
                 id="US-after-both-pardons"),
    pytest.param(dict(US, offense="sale_distribution", year=2010),
                 {US_2022: "no", US_2023: "no"}, id="US-sale-not-pardoned"),
    pytest.param(dict(US, offense="other", year=2010),
                 {US_2022: "no", US_2023: "may"}, id="US-other-offense-check-the-list"),
    pytest.param(dict(jurisdiction="US"), {US_2022: "may", US_2023: "may"}, id="US-all-unknown"),
    pytest.param(dict(jurisdiction="DC", offense="possession", year=2010, year_of="offense",
                      other_charges=False),
                 {"DC-2022-automatic-expungement": "may", "DC-2014-sealing-motion": "may",
                  "DC-federal-proclamation-pardon": "likely"}, id="DC-possession-2010"),
    pytest.param(dict(jurisdiction="DC", offense="possession", year=2024, year_of="offense"),
                 {"DC-2022-automatic-expungement": "may", "DC-2014-sealing-motion": "may",
                  "DC-federal-proclamation-pardon": "no"}, id="DC-after-the-pardons"),
]


@pytest.mark.parametrize("answers, expected", SCENARIOS)
def test_scenario(repo, answers, expected):
    assert run(repo, **answers) == expected


def test_there_are_at_least_30_scenarios():
    assert len(SCENARIOS) >= 30


# -- what every result carries ------------------------------------------------------------------
def all_results(repo, situation_for) -> list[PathResult]:
    federal = repo.jurisdiction("US")
    found = []
    for summary in repo.jurisdictions():
        detail = repo.jurisdiction(summary.code)
        found += screen(situation_for(summary.code), detail, federal, today=TODAY)
    return found


@pytest.mark.parametrize("answers", [
    {}, dict(offense="possession", amount_grams=OZ, level="misdemeanor", year=2010,
             record="conviction", completed=True, age=30, only_conviction=True,
             other_charges=False),
    dict(offense="sale_distribution", amount_grams=10 * LB, level="felony", year=2025,
         year_of="offense", completed=False, age=17, only_conviction=False, other_charges=True),
], ids=["unknown", "fits", "far-off"])
def test_every_result_has_a_reason_a_next_step_and_a_dated_source(repo, answers):
    results = all_results(repo, lambda code: Situation(jurisdiction=code, **answers))
    assert results
    for r in results:
        assert r.verdict in ("likely", "may", "no")
        assert len(r.reason) > 20 and len(r.next_step) > 20, r.path_id
        assert r.source_id and r.source_title and r.source_date, r.path_id
        if r.verdict == "may":
            assert r.checks and all(c.startswith("Check") for c in r.checks), r.path_id
        if r.verdict == "no":
            assert r.fails and r.reason.startswith("It does not apply because"), r.path_id
            assert r.also is None
        if r.verdict == "likely":
            assert r.fits and not r.checks and not r.fails, r.path_id
        if r.mechanism != "automatic" and r.verdict != "no":
            labels = [label for label, _ in r.steps]
            assert labels == [strings.SCREEN_STEP_WHERE, strings.SCREEN_STEP_HOW,
                              strings.SCREEN_STEP_FEE, strings.SCREEN_STEP_WAIT]
        if r.mechanism == "automatic" and r.verdict != "no":
            assert r.steps[-1] == (strings.SCREEN_STEP_IF_NOT, strings.SCREEN_IF_NOT)


def test_all_unknown_is_never_a_bare_no(repo):
    """With nothing known but the place, no path is ruled out."""
    results = all_results(repo, lambda code: Situation(jurisdiction=code))
    assert {r.verdict for r in results} == {"may"}


def test_a_path_without_offense_kinds_is_at_best_may(repo):
    """California's paths do not list offenses in structured form: the verdict says to check."""
    results = screen(Situation(jurisdiction="CA", offense="possession", level="felony",
                               record="conviction", completed=True, year=2010),
                     repo.jurisdiction("CA"), today=TODAY)
    assert {r.verdict for r in results} == {"may"}
    petition = next(r for r in results if r.path_id == "CA-prop64-petition")
    assert petition.checks == (strings.SCREEN_CHECK_OFFENSE_UNLISTED.format(
        offenses="“A wide range of marijuana offenses, felony or misdemeanor, for people who "
                 "have completed their sentence”"),)


def test_reasons_read_as_plain_sentences(repo):
    az = repo.jurisdiction("AZ")
    likely, = screen(Situation(**AZ, amount_grams=OZ, amount_said="1oz", year=2016), az)
    assert likely.reason == (
        "It fits what we know: it covers possession; 1 oz (28.35 g) is within the limit, 2.5 "
        "ounces or less (12.5 grams or less of concentrate); it covers offenses on or before "
        "November 29, 2020, and the offense or conviction was in 2016. Also make sure: Plants "
        "must have been grown at the person's primary residence for personal use.")
    no, = screen(Situation(**AZ, amount_grams=3 * OZ, amount_said="3 oz", year=2016), az)
    assert no.reason == (
        "It does not apply because the limit is 2.5 ounces or less (12.5 grams or less of "
        "concentrate), and 3 oz (85.05 g) is more than that.")
    may, = screen(Situation(jurisdiction="AZ", offense="possession", year=2020,
                            year_of="offense"), az)
    assert may.checks == (
        "Check the amount: the limit is 2.5 ounces or less (12.5 grams or less of concentrate).",
        ("Check the date of the offense exactly: it covers offenses on or before November 29, "
         "2020, and the offense was in 2020, the year it ends."))


def test_which_date_is_explained(repo):
    ct = repo.jurisdiction("CT")
    auto = screen(Situation(**CT, amount_grams=OZ, year=2010), ct)[0]
    assert auto.path_id == "CT-automatic-erasure" and auto.verdict == "may"
    assert ("Check the date of the conviction: it covers convictions from January 1, 2000 to "
            "September 30, 2015. The year given (2010) may be that of the offense or of the "
            "conviction, so it is not enough to tell.") in auto.checks


def test_next_steps_come_from_the_data(repo):
    az, = screen(Situation(**AZ, amount_grams=OZ, year=2016), repo.jurisdiction("AZ"))
    steps = dict(az.steps)
    path = repo.jurisdiction("AZ").paths[0]
    assert steps[strings.SCREEN_STEP_WHERE] == path.handled_by
    assert steps[strings.SCREEN_STEP_HOW] == path.how_to_apply
    assert steps[strings.SCREEN_STEP_FEE] == "No filing fee"
    assert steps[strings.SCREEN_STEP_WAIT] == "None stated"
    assert az.source_id == "S17" and az.source_date == "no date shown"
    mo = screen(Situation(**MO, year=2016), repo.jurisdiction("MO"))[0]
    assert mo.mechanism == "automatic"
    assert dict(mo.steps)[strings.SCREEN_STEP_HAPPENS].startswith("Nothing to file")
    ca = next(r for r in screen(Situation(jurisdiction="CA"), repo.jurisdiction("CA"))
              if r.path_id == "CA-prop64-petition")
    assert dict(ca.steps)[strings.SCREEN_STEP_FEE] == strings.UNKNOWN  # "unknown", honestly


def test_caveats_travel_with_the_result(repo):
    pa = {r.path_id: r for r in screen(Situation(jurisdiction="PA"), repo.jurisdiction("PA"))}
    assert "It is closed" in pa["PA-2022-marijuana-pardon-project"].caveats[0]


def test_waiting_period_not_yet_over(repo):
    nm = repo.jurisdiction("NM")
    answers = dict(jurisdiction="NM", offense="possession", other_charges=False,
                   year_of="conviction")
    recent = {r.path_id: r for r in screen(Situation(**answers, year=2025), nm, today=TODAY)}
    auto = recent["NM-sb2-automatic-expungement"]
    assert auto.verdict == "may"
    assert any("it ends in 2027 at the earliest" in c for c in auto.checks)
    older = {r.path_id: r for r in screen(Situation(**answers, year=2019), nm, today=TODAY)}
    assert not any("waiting period" in c for c in older["NM-sb2-automatic-expungement"].checks)


def test_results_are_listed_likely_then_may_then_no(repo):
    results = screen(Situation(jurisdiction="MD", offense="possession", year=2020,
                               year_of="offense", other_charges=True), repo.jurisdiction("MD"))
    order = [r.verdict for r in results]
    assert order == sorted(order, key=["likely", "may", "no"].index)


def test_federal_paths_join_only_a_federal_case(repo):
    us = repo.jurisdiction("US")
    az = screen(Situation(jurisdiction="AZ"), repo.jurisdiction("AZ"), us)
    assert [r.jurisdiction for r in az] == ["AZ"]
    federal = screen(Situation(jurisdiction="US"), us, us)
    assert sorted(r.path_id for r in federal) == [US_2022, US_2023]  # not twice


def test_notes_beside_the_result(repo):
    us = repo.jurisdiction("US")
    al = repo.jurisdiction("AL")
    notes = screening_notes(Situation(jurisdiction="AL"), al, us)
    assert notes[0] == strings.fmt(strings.SCREEN_NO_PATHS, place="Alabama")
    assert al.notes[0].text in notes
    assert strings.fmt(strings.SCREEN_FEDERAL_NOTE, place="Alabama") in notes
    assert screening_notes(Situation(jurisdiction="DC"), repo.jurisdiction("DC"), us) == []
    assert screening_notes(Situation(jurisdiction="US"), us, us) == []


def test_relevant_questions_follow_the_paths(repo):
    assert relevant_questions(repo.jurisdiction("AZ")) == set()
    assert relevant_questions(repo.jurisdiction("WA")) == {"record", "age", "only_conviction"}
    assert relevant_questions(repo.jurisdiction("MD")) == {"record", "other_charges"}
    assert relevant_questions(None) == set()


def test_screen_refuses_a_detail_for_another_place(repo):
    with pytest.raises(ValueError):
        screen(Situation(jurisdiction="AZ"), repo.jurisdiction("MO"))


def test_answers_are_described_for_reading_back():
    s = Situation(jurisdiction="AZ", offense="possession", amount_grams=OZ, amount_said="1oz",
                  level="misdemeanor", date=D(2016, 3, 14), year_of="offense")
    assert describe_answers(s, "Arizona") == [
        ("Where", "Arizona"), ("Offense", "possession"), ("Amount", "1 oz (28.35 g)"),
        ("Level", "misdemeanor"), ("When", "March 14, 2016 (year of the offense)"),
        ("Sentence finished", "don't know")]
    assert describe_answers(Situation(jurisdiction="WA"), "Washington", {"age"})[-1] == (
        "Age at the offense", "don't know")


# -- amounts --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, grams", [
    ("1oz", Fraction("28.349523125")), ("1 oz", Fraction("28.349523125")),
    ("28 g", Fraction(28)), ("28g", Fraction(28)), ("0.5 lb", Fraction("226.796185")),
    ("2.5 oz", Fraction("70.8738078125")), ("3/4 oz", Fraction("21.26214234375")),
    ("1 1/2 oz", Fraction("42.5242846875")), ("3 lbs", Fraction("1360.77711")),
    ("2 Ounces", Fraction("56.69904625")), (".5 g", Fraction("0.5")), ("1 kg", Fraction(1000)),
    ("0 g", Fraction(0)), ("  14  grams ", Fraction(14)), ("1 oz.", Fraction("28.349523125")),
])
def test_parse_amount_converts_exactly(text, grams):
    assert parse_amount(text) == float(grams)


@pytest.mark.parametrize("text", ["", "  ", "don't know", "Don’t know", "unknown", "?", None])
def test_parse_amount_dont_know(text):
    assert parse_amount(text) is None


@pytest.mark.parametrize("text, words", [
    ("12", "needs a unit"), ("a bag", "is not an amount"), ("-1 oz", "is not an amount"),
    ("1 stone", "is not a unit"), ("1/0 oz", "is not an amount"), ("1,5 oz", "is not an amount"),
    ("oz", "is not an amount"), ("2 oz 3 g", "is not an amount"),
])
def test_parse_amount_refuses_garbage_with_a_plain_message(text, words):
    with pytest.raises(ValueError, match=words):
        parse_amount(text)


def test_the_data_limits_are_exact_conversions_of_their_wording(repo):
    """Each max_amount_grams is its amount_text's first quantity, converted exactly (so a
    person's "2.5 oz" is *at* a 2.5 oz limit, not over it)."""
    quantity = re.compile(r"(\d+/\d+|\d+(?:\.\d+)?)\s*(ounces?|oz|grams?|g|lbs?|pounds?)\b")
    checked = 0
    for summary in repo.jurisdictions():
        for p in repo.jurisdiction(summary.code).paths:
            if p.max_amount_grams is None:
                continue
            number, unit = quantity.search(p.amount_text).groups()
            assert parse_amount(f"{number} {unit}") == p.max_amount_grams, p.id
            checked += 1
    assert checked >= 20


def test_amount_text_shows_what_was_said_and_grams():
    assert amount_text(Situation(jurisdiction="AZ", amount_grams=OZ, amount_said="1oz")) == \
        "1 oz (28.35 g)"
    grams = Situation(jurisdiction="AZ", amount_grams=28.0, amount_said="28 g")
    assert amount_text(grams) == "28 g"
    assert amount_text(Situation(jurisdiction="AZ")) == "don't know"


# -- dates and answers ----------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("2016", (2016, None)), (" 2016 ", (2016, None)), ("2016-03-14", (2016, D(2016, 3, 14))),
    ("3/14/2016", (2016, D(2016, 3, 14))), ("03-14-2016", (2016, D(2016, 3, 14))),
    ("", (None, None)), ("don't know", (None, None)),
])
def test_parse_when(text, expected):
    assert parse_when(text, today=TODAY) == expected


@pytest.mark.parametrize("text, words", [
    ("sixteen", "is not a year"), ("16", "is not a year"), ("2016-02-30", "is not a year"),
    ("1850", "is not a year"), ("2027", "is in the future"), ("6/2/2026", "is in the future"),
])
def test_parse_when_refuses(text, words):
    with pytest.raises(ValueError, match=words):
        parse_when(text, today=TODAY)


@pytest.mark.parametrize("bad", [dict(offense="theft"), dict(level="petty"),
                                 dict(year_of="sentence"), dict(record="ticket"),
                                 dict(amount_grams=-1.0), dict(age=200),
                                 dict(year=2015, date=D(2016, 1, 1))])
def test_situation_refuses_impossible_answers(bad):
    with pytest.raises(ValueError):
        Situation(jurisdiction="AZ", **bad)


def test_situation_takes_its_year_from_the_date():
    assert Situation(jurisdiction="AZ", date=D(2016, 3, 14)).year == 2016


def test_json_has_exactly_the_public_keys(repo):
    r, = screen(Situation(jurisdiction="AZ"), repo.jurisdiction("AZ"))
    assert list(r.as_json()) == ["path_id", "jurisdiction", "kind", "mechanism", "verdict",
                                 "reason", "next_step", "source_id"]
    assert dataclasses.is_dataclass(r)


def test_absurd_amounts_and_ages_get_a_plain_message():
    from desktop.domain.screener import parse_amount

    with pytest.raises(ValueError):
        parse_amount("9" * 400 + " oz")


def test_cli_rejects_a_superscript_age(built_db):
    from tests.conftest import run_app

    result = run_app("screen", "--state", "AZ", "--age", "²", "--db", str(built_db))
    assert result.returncode == 2 and "Traceback" not in result.stderr
