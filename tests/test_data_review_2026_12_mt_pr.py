"""Issue 11, sweep C (MT NC ND NE NH NJ NM NV NY OH OK OR PA PR): each correction and each
important new fact, checked on the real data so that it fails if the fact regresses.
Runs on the built database, read-only, with no window (the few screener checks use the
repository over the same database)."""

from __future__ import annotations

import pytest

from tests.helpers.data_rows import (  # noqa: F401 (db is a fixture)
    JARGON,
    OZ,
    caveat,
    count,
    db,
    note,
    offense_kinds,
    path,
    place,
    sources,
    verdicts,
)

PLACES = "MT NC ND NE NH NJ NM NV NY OH OK OR PA PR".split()


# -- NV: the summary pardon does not reach pre-2001 convictions or plea deals --------------------

def test_nv_summary_pardon_covers_convictions_from_2001_to_the_pardon_only(db):
    p = path(db, "NV-2020-summary-pardon")
    assert (p["date_applies_to"], p["date_from"], p["date_to"]) == (
        "conviction", "2001-01-01", "2020-06-17")
    assert "before 2001" in p["offenses"] and "plea" in p["offenses"]
    assert "before 2001" in p["conditions"]
    assert "individual pardon" in p["how_to_apply"]
    assert p["source_id"] == "S501"
    assert {"S502", "S504"} <= set(sources(db, "relief_path", p["id"]))
    assert p["form_url"] == "http://pardons.nv.gov/About/Application/"
    assert p["form_source_id"] == "S100"


def test_nv_summary_no_longer_says_everyone_was_pardoned(db):
    summary = place(db, "NV")["summary"]
    assert "pardoned everyone" not in summary
    assert "2001" in summary and "pleaded to a different charge" in summary
    assert "S501" in sources(db, "jurisdiction", "NV")


def test_nv_screener_keeps_pre_2001_and_post_pardon_convictions_out(repo):
    base = dict(jurisdiction="NV", offense="possession", record="conviction", amount_grams=OZ,
                year_of="conviction")
    assert verdicts(repo, **base, year=2015)["NV-2020-summary-pardon"] == "likely"
    assert verdicts(repo, **base, year=1999)["NV-2020-summary-pardon"] == "no"
    assert verdicts(repo, **base, year=2021)["NV-2020-summary-pardon"] == "no"


def test_nv_ab192_is_sealing_under_nrs_179_271_by_written_request_for_free(db):
    p = path(db, "NV-ab192-sealing")
    assert p["kind"] == "sealing" and p["mechanism"] == "petition"
    assert p["citation"] == "NRS 179.271 (AB 192, 2019)"
    assert p["fee_dollars"] == 0 and p["fee"].startswith("No fee")
    how = p["how_to_apply"]
    assert "written request" in how and "10 judicial days" in how
    assert "does not vacate" in how and "(vacate)" not in how
    assert p["source_id"] == "S503"
    assert caveat(db, "relief_path", p["id"]) is None


def test_nv_pardon_counts(db):
    c = count(db, "NV-count-2020-06-convictions")
    assert (c["count"], c["qualifier"], c["unit"], c["as_of"], c["source_id"]) == (
        15000, "more_than", "convictions", "2020-06-17", "S505")
    assert "15,592" in c["note"]
    seed = count(db, "NV-count-seed-b-pardons")
    assert (seed["count"], seed["qualifier"], seed["unit"]) == (15000, "more_than", "people")
    assert "S507" in sources(db, "relief_count", seed["id"])


# -- NY: CPL 440.46-a is for people serving *or* finished ----------------------------------------

def test_ny_440_46_a_has_no_sentence_rule_and_says_so(db):
    p = path(db, "NY-cpl-440-46-a-motion")
    assert p["sentence_completed"] is None
    assert "finished" in p["offenses"] and "still serving" in p["offenses"]
    assert "completed" in p["conditions"]
    assert p["citation"] == "CPL § 440.46-a" and p["source_id"] == "S512"
    assert caveat(db, "relief_path", p["id"]) is None
    assert p["form_url"].startswith("https://www.nycourts.gov/") and p["form_source_id"] == "S513"


def test_ny_screener_does_not_turn_away_people_who_finished_their_sentence(repo):
    base = dict(jurisdiction="NY", offense="possession", record="conviction", year=2015)
    assert verdicts(repo, **base, completed=True)["NY-cpl-440-46-a-motion"] != "no"
    assert verdicts(repo, **base, completed=False)["NY-cpl-440-46-a-motion"] != "no"


def test_ny_mrta_offense_list_is_the_court_systems_own(db):
    p = path(db, "NY-mrta-automatic-expungement")
    for section in ("221.05", "221.40", "222.45", "240.36", "220.06"):
        assert section in p["offenses"], section
    assert p["source_id"] == "S514"
    assert place(db, "NY")["self_help_url"].startswith("https://nycourts.gov/courthelp")


# -- NJ: only cases made up solely of the listed offenses ----------------------------------------

def test_nj_automatic_expungement_is_for_cases_made_up_solely_of_listed_offenses(db):
    p = path(db, "NJ-2021-automatic-expungement")
    assert offense_kinds(db, p["id"]) == {"possession", "sale_distribution"}
    assert p["only_charge"] == 1
    assert "only when the same case also had" in p["offenses"]
    for statute in ("2C:35-5(b)(12)", "2C:35-10(a)(3)", "2C:35-10(a)(4)", "2C:36-2"):
        assert statute in p["offenses"], statute
    assert p["source_id"] == "S508"
    assert p["form_url"] == "https://www.njcourts.gov/marihashexpunge.html"


def test_nj_screener_paraphernalia_alone_is_not_covered(repo):
    alone = verdicts(repo, jurisdiction="NJ", offense="paraphernalia", year=2015)
    assert alone["NJ-2021-automatic-expungement"] == "no"
    with_other = verdicts(repo, jurisdiction="NJ", offense="possession", year=2015,
                          other_charges=True)
    assert with_other["NJ-2021-automatic-expungement"] == "no"
    solely = verdicts(repo, jurisdiction="NJ", offense="possession", year=2015,
                      other_charges=False)
    assert solely["NJ-2021-automatic-expungement"] == "likely"


def test_nj_dismissed_count_is_nearly_88000(db):
    c = count(db, "NJ-count-2021-07-dismissed")
    assert (c["count"], c["qualifier"], c["unit"], c["as_of"]) == (
        88000, "nearly", "cases", "2021-07-12")
    assert c["source_id"] == "S510" and c["official"] == 1


# -- OR: the Nov 2022 pardon figures are the Governor's office's ---------------------------------

@pytest.mark.parametrize("cid, n, qualifier, unit", [
    ("OR-count-2022-11-convictions", 47144, "exact", "convictions"),
    ("OR-count-2022-11-people", 45000, "about", "people")])
def test_or_pardon_figures_are_official(db, cid, n, qualifier, unit):
    c = count(db, cid)
    assert (c["count"], c["qualifier"], c["unit"], c["official"]) == (n, qualifier, unit, 1)
    assert "Governor's office" in c["note"]


# -- MT: expungement is open to people still serving too -----------------------------------------

def test_mt_expungement_has_no_finished_sentence_rule(db):
    p = path(db, "MT-16-12-113-expungement")
    assert p["sentence_completed"] is None
    assert "still serving" in p["how_to_apply"] and p["enacted_year"] == 2020
    assert path(db, "MT-16-12-113-resentencing")["sentence_completed"] == 0


# -- NH: the annulment law reaches arrests as well as convictions --------------------------------

def test_nh_annulment_covers_arrests_and_convictions_at_any_time(db):
    p = path(db, "NH-hb399-annulment")
    assert p["records_covered"] == "both" and p["waiting_period_years"] == 0
    assert p["citation"] == "RSA 651:5-b (HB 399, 2019)" and p["source_id"] == "S542"
    assert "$325" in p["fee"]


def test_nh_2025_bills_are_a_note_not_law(db):
    n = note(db, "NH-note-2025-bills")
    assert "HB 196" in n["text"] and "became law" in n["text"]
    assert caveat(db, "note", n["id"])["kind"] == "uncertain"


# -- NM ------------------------------------------------------------------------------------------

def test_nm_mixed_cases_are_a_request_since_2023(db):
    p = path(db, "NM-mixed-case-request")
    assert p["enacted_year"] == 2023 and "§ 29-3A-8(C)" in p["citation"]
    assert p["only_charge"] == 0 and p["source_id"] == "S516"


def test_nm_sentence_review_is_started_by_the_facility(db):
    p = path(db, "NM-sb2-sentence-review")
    assert "§ 29-3A-9" in p["citation"] and p["fee_dollars"] == 0
    assert "must tell the court" in p["how_to_apply"]
    assert caveat(db, "relief_path", p["id"]) is None


def test_nm_court_count_spring_2023(db):
    c = count(db, "NM-count-2023-04-courts")
    assert (c["count"], c["qualifier"], c["unit"], c["as_of"], c["official"]) == (
        14500, "about", "cases", "2023-04", 1)


# -- OH: SB 56 (2025) creates marijuana-specific expungement -------------------------------------

def test_oh_sb56_expungement_path(db):
    p = path(db, "OH-sb56-expungement")
    assert (p["kind"], p["mechanism"], p["enacted_year"]) == ("expungement", "petition", 2025)
    assert offense_kinds(db, p["id"]) == {"possession"}
    assert p["max_amount_grams"] == pytest.approx(2.5 * OZ, abs=1e-9)
    assert p["fee_dollars"] == 50 and "45 to 90 days" in p["how_to_apply"]
    kind, text = caveat(db, "relief_path", p["id"])
    assert kind == "uncertain" and "Dec. 19, 2025" in text
    assert "S525" in sources(db, "relief_path", p["id"])
    j = place(db, "OH")
    assert j["specific_relief"] == "yes" and "Dec. 19, 2025" in j["summary"]
    assert j["legal_aid_url"] == "https://www.ohiolegalhelp.org"


# -- OK / ND / PA / NC / PR: new facts ------------------------------------------------------------

def test_ok_sq820_and_medical_status_are_sourced(db):
    j = place(db, "OK")
    assert "March 7, 2023" in j["adult_use_detail"] and "2018" in j["adult_use_detail"]
    assert caveat(db, "adult_use", "OK") is None
    assert "S528" in sources(db, "adult_use", "OK")


def test_nd_2024_measure_and_second_pardon_round(db):
    assert "Measure 5 on Nov 5, 2024 (52.53% no)" in place(db, "ND")["adult_use_detail"]
    c = count(db, "ND-count-2020-11-pardoned")
    assert (c["count"], c["qualifier"], c["unit"], c["as_of"], c["official"]) == (
        24, "exact", "people", "2020-11-09", 1)
    assert count(db, "ND-count-2020-01-pardoned")["source_id"] == "S539"
    assert path(db, "ND-2019-pardon-policy")["form_url"] == (
        "https://www.docr.nd.gov/pardon-advisory-board")


def test_pa_expedited_review_count_and_2025_bill(db):
    c = count(db, "PA-count-2021-03-expedited-pardons")
    assert (c["count"], c["qualifier"], c["as_of"], c["official"]) == (95, "exact",
                                                                       "2021-03-01", 1)
    assert path(db, "PA-2019-expedited-pardon-review")["fee_dollars"] == 0
    assert "not law" in note(db, "PA-note-2025-legalization-bill")["text"]
    assert place(db, "PA")["specific_relief"] == "no"


def test_nc_2025_bills_note(db):
    n = note(db, "NC-note-2025-bills")
    assert "Senate Bill 350" in n["text"] and "House Bill 413" in n["text"]


def test_pr_medical_only_status_is_sourced(db):
    assert caveat(db, "adult_use", "PR") is None
    assert "Ley MEDICINAL" in place(db, "PR")["adult_use_detail"]


# -- plain words -----------------------------------------------------------------------------------

def test_no_research_jargon_in_these_places_public_text(db):
    marks = ",".join("?" * len(PLACES))
    texts = []
    texts += db.execute(f"SELECT code, summary FROM jurisdiction WHERE code IN ({marks})",
                        PLACES).fetchall()
    texts += db.execute(f"SELECT code, adult_use_detail FROM jurisdiction WHERE code IN ({marks})",
                        PLACES).fetchall()
    for table, column in (("relief_path", "offenses"), ("relief_path", "how_to_apply"),
                          ("relief_path", "conditions"), ("relief_count", "note"),
                          ("note", "text")):
        texts += db.execute(f"SELECT id, {column} FROM {table} WHERE jurisdiction IN ({marks})",
                            PLACES).fetchall()
    texts += db.execute(
        f"SELECT subject_id, text FROM caveat WHERE subject_id IN ({marks})"
        f" OR substr(subject_id, 1, 3) IN ({marks})",
        PLACES + [f"{c}-" for c in PLACES]).fetchall()
    found = [(ident, word) for ident, text in texts for word in JARGON
             if word in (text or "").lower()]
    assert not found, found
