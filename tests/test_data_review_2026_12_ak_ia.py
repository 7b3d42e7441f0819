"""Issue 11, sweep A (AK AL AR AZ CA CO CT DC DE FL GA GU HI IA): each correction and each
important new fact, checked on the real data so that it fails if the fact regresses.
Runs on the built database, read-only, with no window."""

from __future__ import annotations

import sqlite3

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
)

PLACES = "AK AL AR AZ CA CO CT DC DE FL GA GU HI IA".split()


# -- CO: class pardons are state-level, pre-2012, municipal convictions excluded ----------------

@pytest.mark.parametrize("pid, grams", [("CO-2020-class-pardon", OZ),
                                        ("CO-2021-class-pardon", 2 * OZ)])
def test_co_class_pardons_are_state_level_pre_2012_and_exclude_municipal(db, pid, grams):
    p = path(db, pid)
    assert p["kind"] == "pardon" and p["mechanism"] == "automatic"
    assert p["max_amount_grams"] == pytest.approx(grams, abs=1e-9)
    assert offense_kinds(db, pid) == {"possession"}
    assert p["records_covered"] == "convictions"
    # Before legalization took effect (Dec 10, 2012): a later case must not read as pardoned.
    assert p["date_to"] == "2012-12-09" and p["date_applies_to"] == "unstated"
    for text in (p["offenses"], p["limits"], p["conditions"]):
        assert "municipal" in text.lower(), (pid, text)
    assert "state" in p["offenses"].lower() and "2012" in p["offenses"]
    assert p["form_url"] == ("https://cbi.colorado.gov/sections/"
                             "biometric-identification-and-records-unit/marijuana-pardons")
    assert p["form_source_id"] == "S301"
    assert caveat(db, "relief_path", pid)["kind"] == "uncertain"


def test_co_2021_pardon_names_its_executive_order_and_needed_no_application(db):
    p = path(db, "CO-2021-class-pardon")
    assert "C 2021 019" in p["citation"] and "HB 20-1424" in p["citation"]
    assert p["waiting_period"].startswith("None") and "S301" in sources(db, "relief_path", p["id"])


def test_co_summary_says_state_level_pre_2012_and_no_municipal(db):
    summary = place(db, "CO")["summary"]
    assert "municipal" in summary and "before 2012" in summary
    assert "1 oz or less (Oct 2020)" in summary and "2 oz or less (Dec 2021)" in summary


def test_co_pardon_counts_are_kept_as_the_orders_gave_them(db):
    for cid, n, as_of in [("CO-count-2020-10-pardons", 2732, "2020-10-01"),
                          ("CO-count-2021-12-pardons", 1351, "2021-12-30")]:
        c = count(db, cid)
        assert (c["count"], c["qualifier"], c["unit"], c["as_of"], c["official"]) == (
            n, "exact", "convictions", as_of, 1)
        assert "state-court" in c["note"].lower() and "2012" in c["note"]


def test_co_hb21_1090_sealing_note(db):
    n = note(db, "CO-note-hb21-1090-sealing")
    assert "HB 21-1090" in n["text"] and "class 3 felony" in n["text"]
    assert sources(db, "note", n["id"]) == ["S307", "S306"]


# -- CT ------------------------------------------------------------------------------------------

def test_ct_paraphernalia_and_sale_window_is_the_conviction_date(db):
    p = path(db, "CT-petition-erasure-paraphernalia-sale")
    assert p["date_applies_to"] == "conviction" and p["date_to"] == "2021-06-30"
    assert offense_kinds(db, p["id"]) == {"paraphernalia", "sale_distribution", "cultivation"}
    assert "S312" in sources(db, "relief_path", p["id"])
    assert "without saying whether" not in p["conditions"]


def test_ct_newest_erasure_count_keeps_the_first_as_history(db):
    new = count(db, "CT-count-2023-01-09-erased")
    assert (new["count"], new["qualifier"], new["unit"], new["as_of"], new["source_id"]) == (
        43754, "exact", "convictions", "2023-01-09", "S311")
    old = count(db, "CT-count-2023-01-erased")
    assert (old["count"], old["as_of"]) == (42964, "2023-01-01")
    assert "43,754" in place(db, "CT")["summary"]


def test_ct_petition_paths_link_the_state_petition_page(db):
    for pid in ("CT-petition-erasure-possession", "CT-petition-erasure-paraphernalia-sale"):
        p = path(db, pid)
        assert p["form_url"] == ("https://portal.ct.gov/cleanslate/"
                                 "petition-for-cannabis-erasure?language=en_US")
        assert p["form_source_id"] == "S32"


# -- DC: the automatic expungement deadline moved; a repeal bill is pending ---------------------

def test_dc_automatic_expungement_deadline_is_oct_2027(db):
    p = path(db, "DC-2022-automatic-expungement")
    assert "Oct 1, 2027" in p["waiting_period"] and "Jan 1, 2025" not in p["waiting_period"]
    assert "§ 16-802" in p["citation"] and p["source_id"] == "S313"
    assert "March 1, 2025" in p["conditions"]
    summary = place(db, "DC")["summary"]
    assert "Oct 1, 2027" in summary and "Jan 1, 2025" not in summary


def test_dc_repeal_bill_is_a_caveat_not_a_fact(db):
    kind, text = caveat(db, "relief_path", "DC-2022-automatic-expungement")
    assert kind == "uncertain" and "H.R. 5242" in text
    assert "S315" in sources(db, "relief_path", "DC-2022-automatic-expungement")


def test_dc_feb_2015_date_is_sourced_not_background(db):
    assert caveat(db, "adult_use", "DC") is None
    assert "S45" in sources(db, "adult_use", "DC")


def test_dc_pardon_links_the_certificate_page(db):
    p = path(db, "DC-federal-proclamation-pardon")
    assert p["form_url"] == "https://www.justice.gov/pardon/presidential-proclamation-marijuana-possession"
    assert p["form_source_id"] == "S178"


# -- HI ------------------------------------------------------------------------------------------

def test_hi_sb2487_outcome_is_known_and_the_caveat_is_gone(db):
    j = place(db, "HI")
    assert "rejected it on April 22, 2024" in j["adult_use_detail"]
    assert caveat(db, "adult_use", "HI") is None
    assert "S328" in sources(db, "adult_use", "HI")


def test_hi_pilot_was_widened_by_hb132(db):
    p = path(db, "HI-hb1595-pilot")
    assert "HB 132 (2025)" in p["citation"] and "Act 62" in p["citation"]
    assert "Schedule V" in p["offenses"] and p["mechanism"] == "automatic"
    assert p["records_covered"] == "arrests"
    assert caveat(db, "relief_path", p["id"])["kind"] == "uncertain"


@pytest.mark.parametrize("cid, n, qualifier, unit, as_of", [
    ("HI-count-2025-04-pilot-cleared", 246, "exact", "records", "2025-04-04"),
    ("HI-count-2025-01-pilot-eligible", 2200, "more_than", "eligible_records", "2025-01-24"),
    ("HI-count-2024-hb1383-expunged", 2, "exact", "records", "2024"),
    ("HI-count-2024-hb1383-eligible", 12000, "about", "eligible_records", "2024"),
])
def test_hi_new_counts(db, cid, n, qualifier, unit, as_of):
    c = count(db, cid)
    assert (c["count"], c["qualifier"], c["unit"], c["as_of"]) == (n, qualifier, unit, as_of)


def test_hi_pilot_review_count_includes_denials(db):
    c = count(db, "HI-count-2024-12-pilot-reviewed")
    assert c["count"] == 640 and "33 denied" in c["note"]


def test_hi_task_force_was_signed(db):
    n = note(db, "HI-note-clean-slate-bill")
    assert "signed" in n["text"] and "awaiting" not in n["text"] and n["source_id"] == "S329"


# -- DE ------------------------------------------------------------------------------------------

def test_de_clean_slate_note_and_summary(db):
    n = note(db, "DE-note-clean-slate")
    assert "Aug 1, 2024" in n["text"] and n["source_id"] == "S317"
    assert "Clean Slate" in place(db, "DE")["summary"]


def test_de_eligible_estimates_are_one_conflict_group(db):
    rows = db.execute("SELECT count, count_high, qualifier FROM relief_count"
                      " WHERE conflict_group = 'DE-eligible' ORDER BY count").fetchall()
    assert [tuple(r) for r in rows] == [(500, 700, "range"), (1250, None, "up_to")]


# -- AZ, CA ---------------------------------------------------------------------------------------

def test_az_prosecutor_filed_count_and_form_link(db):
    c = count(db, "AZ-count-2024-01-maricopa-prosecutor-requests")
    assert (c["count"], c["qualifier"], c["unit"], c["as_of"], c["source_id"]) == (
        23000, "nearly", "petitions", "2024-01", "S309")
    p = path(db, "AZ-prop207-expungement")
    assert (p["form_url"], p["form_source_id"]) == ("https://www.azcourts.gov/prop207", "S17")
    assert (place(db, "AZ")["self_help_url"], place(db, "AZ")["self_help_source_id"]) == (
        "https://www.azcourts.gov/prop207", "S17")


def test_ca_prop64_petition_names_the_court_forms_and_sections(db):
    p = path(db, "CA-prop64-petition")
    assert "CR-400" in p["how_to_apply"] and "CR-401" in p["how_to_apply"]
    assert "Nov 9, 2016" in p["conditions"] and "§ 11360" in p["conditions"]
    assert p["form_url"] == ("https://selfhelp.courts.ca.gov/clean-your-record/"
                             "marijuana-conviction-relief-prop-64")
    assert p["form_source_id"] == "S310" and place(db, "CA")["self_help_source_id"] == "S310"


# -- places with no marijuana-specific relief ---------------------------------------------------

def test_ak_hb81_is_a_bill_not_a_law(db):
    n = note(db, "AK-note-hb81-2025")
    assert "HB 81" in n["text"] and "not show it becoming law" in n["text"]
    assert n["source_id"] == "S308"
    assert place(db, "AK")["specific_relief"] == "no"


def test_fl_amendment_3_failed(db):
    j = place(db, "FL")
    assert "Amendment 3" in j["adult_use_detail"] and "60%" in j["adult_use_detail"]
    assert j["adult_use"] == "neither" and j["adult_use_year"] is None
    assert "S321" in sources(db, "adult_use", "FL")


def test_ga_atlanta_ordinance_is_sourced(db):
    j = place(db, "GA")
    assert "17-O-1152" in j["adult_use_detail"] and "$75" in j["adult_use_detail"]
    assert caveat(db, "adult_use", "GA")["kind"] == "thin"
    assert "S322" in sources(db, "adult_use", "GA")


@pytest.mark.parametrize("nid, words", [
    ("AL-note-2021-general-expungement", ("Act 2021-286", "three years")),
    ("AR-note-general-sealing", ("$50", "uniform petition")),
    ("IA-note-general-misdemeanor-expungement", ("§ 901C.3", "eight years")),
])
def test_general_relief_notes(db, nid, words):
    text = note(db, nid)["text"]
    assert text.startswith("Related, but not marijuana-specific")
    assert all(w in text for w in words)


def test_ia_links_iowa_legal_aid(db):
    j = place(db, "IA")
    assert j["legal_aid_url"].startswith("https://www.iowalegalaid.org/")
    assert j["legal_aid_source_id"] == "S333"


# -- plain words, for every place of this sweep --------------------------------------------------

def test_no_research_jargon_in_this_sweeps_places(db):
    texts = []
    for code in PLACES:
        j = place(db, code)
        texts += [(code, j["summary"]), (code, j["adult_use_detail"])]
        for table, columns in (("relief_path", "name, offenses, limits, waiting_period, fee,"
                                " handled_by, citation, how_to_apply, conditions"),
                               ("relief_count", "note"), ("note", "text"), ("caveat", "text")):
            for row in db.execute(f"SELECT id, {columns} FROM {table} WHERE jurisdiction = ?",
                                  (code,)):
                texts += [(row[0], value) for value in tuple(row)[1:]]
    found = [(who, w) for who, text in texts for w in JARGON if w in (text or "").lower()]
    assert not found, found


def test_thin_places_keep_a_plain_thin_caveat(db):
    for code in ("FL", "GA", "IA"):
        kind, text = caveat(db, "jurisdiction", code)
        assert kind == "thin" and text.startswith("Our sources for")


def test_arizona_adults_may_possess_one_ounce_not_one_and_a_half(built_db):

    conn = sqlite3.connect(f"{built_db.as_uri()}?mode=ro", uri=True)
    (detail,) = conn.execute("SELECT adult_use_detail FROM jurisdiction WHERE code = 'AZ'").fetchone()
    conn.close()
    assert "up to 1 oz" in detail and "1.5 oz" not in detail
    assert "more than 1 oz and up to 2.5 oz is a petty offense" in detail
