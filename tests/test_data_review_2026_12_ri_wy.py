"""Issue 11, sweep D (RI SC SD TN TX US UT VA VI VT WA WV WI WY): each correction and each
important new fact, checked on the real data so that it fails if the fact regresses.
Runs on the built database, read-only, with no window."""

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
)

PLACES = "RI SC SD TN TX US UT VA VI VT WA WV WI WY".split()
VA_FAQ = "https://vscc.virginia.gov/sealingfaqs.asp"


# -- VA: the repealed §§ 19.2-392.2:1 / :2 are replaced by sealing under §§ 19.2-392.6 / .12 ------

def test_va_no_path_cites_the_repealed_expungement_sections_as_current(db):
    for row in db.execute("SELECT id, citation FROM relief_path WHERE jurisdiction = 'VA'"):
        assert "392.2:1" not in (row["citation"] or ""), row["id"]
        assert "392.2:2" not in (row["citation"] or ""), row["id"]


def test_va_possession_records_are_sealed_automatically_under_19_2_392_6(db):
    p = path(db, "VA-automatic-sealing")
    assert (p["kind"], p["mechanism"]) == ("sealing", "automatic")
    assert "19.2-392.6" in p["citation"] and "392.6:1" in p["citation"]
    assert "2026" in p["citation"] and "HB 2723" in p["citation"]
    # Possession only: distribution has its own 7-year path.
    assert offense_kinds(db, "VA-automatic-sealing") == {"possession"}
    assert p["records_covered"] == "both" and p["offense_level"] == "misdemeanor"
    assert "July 1, 2026" in p["waiting_period"]
    assert p["form_url"] == VA_FAQ and p["form_source_id"] == "S609"
    # Says what the law provides, without claiming the State Police have finished.
    kind, text = caveat(db, "relief_path", "VA-automatic-sealing")
    assert kind == "uncertain" and "may still appear" in text
    assert {"S603", "S608"} <= set(sources(db, "relief_path", "VA-automatic-sealing"))


def test_va_misdemeanor_distribution_is_sealed_after_seven_years(db):
    p = path(db, "VA-distribution-automatic-sealing")
    assert (p["kind"], p["mechanism"]) == ("sealing", "automatic")
    assert offense_kinds(db, "VA-distribution-automatic-sealing") == {"sale_distribution"}
    assert p["offense_level"] == "misdemeanor" and p["records_covered"] == "convictions"
    assert p["waiting_period_years"] == 7
    assert "19.2-392.6" in p["citation"] and "18.2-248.1" in p["offenses"]


def test_va_petition_is_sealing_under_19_2_392_12_with_no_court_fees(db):
    p = path(db, "VA-felony-expungement-petition")
    assert (p["kind"], p["mechanism"]) == ("sealing", "petition")
    assert "19.2-392.12" in p["citation"] and "2026" in p["citation"]
    assert "Class 5 or 6 felony" in p["offenses"]
    assert p["offense_level"] == "both" and p["records_covered"] == "both"
    assert (p["date_applies_to"], p["date_from"]) == ("offense", "1986-01-01")
    assert p["fee_dollars"] == 0
    assert "repealed" in p["conditions"] and "HB 2400" in p["conditions"]
    # Whether a marijuana felony is Class 5 or 6 depends on the case: the screener says "may".
    assert offense_kinds(db, "VA-felony-expungement-petition") == set()
    assert "S604" in sources(db, "relief_path", "VA-felony-expungement-petition")


def test_va_2025_bills_are_law_not_a_pending_proposal(db):
    n = note(db, "VA-note-2025-proposal")
    assert "signed April 2, 2025" in n["text"] and "July 1, 2026" in n["text"]
    assert "pending" not in n["text"].lower()
    assert caveat(db, "note", "VA-note-2025-proposal") is None
    assert {"S606", "S607", "S608"} <= set(sources(db, "note", "VA-note-2025-proposal"))
    assert "July 1, 2026" in place(db, "VA")["summary"]


def test_va_seed_count_is_kept_with_plain_wording(db):
    c = count(db, "VA-count-seed-b-64000")
    assert (c["count"], c["qualifier"], c["unit"]) == (64000, "more_than", "convictions")
    assert "seed" not in c["note"].lower()
    assert caveat(db, "relief_count", "VA-count-seed-b-64000")[0] == "conflict"


# -- VI: the proclaimed pardon is automatic; vi.gov confirms automatic expungement to 2 oz ---------

def test_vi_pardon_is_automatic_and_the_form_is_only_for_papers(db):
    p = path(db, "VI-2023-possession-pardon")
    assert (p["kind"], p["mechanism"]) == ("pardon", "automatic")
    assert offense_kinds(db, "VI-2023-possession-pardon") == {"possession"}
    assert "Jan 18, 2023" in p["citation"]
    assert "Nothing to apply for" in p["how_to_apply"] and "papers" in p["how_to_apply"]
    assert "S614" in sources(db, "relief_path", "VI-2023-possession-pardon")


def test_vi_automatic_expungement_is_confirmed_by_the_government(db):
    p = path(db, "VI-act-8679-expungement")
    assert p["mechanism"] == "automatic"
    assert p["max_amount_grams"] == pytest.approx(2 * OZ, abs=1e-9)
    assert sources(db, "relief_path", "VI-act-8679-expungement")[0] == "S615"
    kind, text = caveat(db, "relief_path", "VI-act-8679-expungement")
    assert kind != "single_source" and "single" not in text.lower()
    assert p["form_url"].startswith("https://www.vi.gov/") and p["form_source_id"] == "S615"


def test_vi_task_force_count_keeps_its_qualifier_and_unit(db):
    c = count(db, "VI-count-2023-12-task-force-review")
    assert (c["count"], c["qualifier"], c["unit"], c["as_of"]) == (
        90, "more_than", "eligible_cases", "2023-12")
    assert "not yet expunged" in c["note"]


# -- US: 2025 executive order and the 2026 rule are not legalization or record relief -----------

def test_us_rescheduling_is_recorded_without_changing_the_status(db):
    j = place(db, "US")
    assert j["adult_use"] == "neither"
    assert "Executive Order 14370" in j["adult_use_detail"]
    assert "April 28, 2026" in j["adult_use_detail"] and "Schedule I" in j["adult_use_detail"]
    assert "S620" in sources(db, "adult_use", "US")
    assert "Not record relief" in note(db, "US-note-2026-rescheduling")["text"]


def test_us_pardon_paths_link_to_the_pardon_attorney(db):
    for pid in ("US-2022-proclamation-10467-pardon", "US-2023-12-proclamation-pardon"):
        p = path(db, pid)
        assert p["form_url"] == ("https://www.justice.gov/pardon/"
                                 "presidential-proclamation-marijuana-possession")
        assert p["form_source_id"] == "S178"


# -- new facts in the no-relief states ------------------------------------------------------------

def test_sd_ballot_results_of_2022_and_2024(db):
    detail = place(db, "SD")["adult_use_detail"]
    assert "Initiated Measure 29" in detail and "55.54%" in detail
    assert "237,228" in detail and "189,916" in detail
    assert "Initiated Measure 27" in detail
    assert place(db, "SD")["adult_use"] == "neither"


def test_tx_city_ordinances_are_sourced_and_not_background(db):
    j = place(db, "TX")
    assert "appeals court" in j["adult_use_detail"] and "April 2025" in j["adult_use_detail"]
    assert "S622" in sources(db, "adult_use", "TX")
    assert caveat(db, "adult_use", "TX") is None
    assert j["specific_relief"] == "no"


def test_wi_pardons_are_for_felonies_and_legalization_was_cut_in_2025(db):
    text = note(db, "WI-note-general-pardons")["text"]
    assert "Wisconsin felony" in text and "five years" in text and "no fee" in text
    assert "felony" in place(db, "WI")["summary"]
    detail = place(db, "WI")["adult_use_detail"]
    assert "May 8, 2025" in detail and "Joint Finance Committee" in detail


@pytest.mark.parametrize("nid, words", [
    ("SC-note-general-expungement", ("3 years", "marijuana included", "solicitor")),
    ("TN-note-general-expungement", ("free", "dismissed")),
    ("WV-note-general-expungement", ("June 7, 2019", "only once")),
    ("WY-note-general-expungement", ("5 years", "$100", "$300")),
    ("SD-note-general-expungement", ("acquittal",)),
    ("TX-note-general-record-clearing", ("expunction", "nondisclosure")),
    ("WA-note-state-v-blake", ("Feb 25, 2021", "RCW 69.50.4013", "150,000")),
])
def test_general_record_relief_notes_say_not_marijuana_specific(db, nid, words):
    text = note(db, nid)["text"]
    assert text.startswith(("Not marijuana-specific", "Related, not marijuana-specific")), nid
    for word in words:
        assert word in text, (nid, word)


def test_specific_relief_stays_no_in_the_no_relief_states(db):
    for code in ("SC", "SD", "TN", "TX", "WV", "WI", "WY"):
        assert place(db, code)["specific_relief"] == "no", code
        kinds = {r[0] for r in db.execute(
            "SELECT kind FROM relief_path WHERE jurisdiction = ?", (code,))}
        assert kinds <= {"pardon"}, code


# -- WA: the expedited pardon may no longer be offered --------------------------------------------

def test_wa_pardon_keeps_its_window_and_warns_that_it_may_have_ended(db):
    p = path(db, "WA-2019-marijuana-justice-pardon")
    assert (p["date_from"], p["date_to"], p["only_conviction"]) == ("1998-01-01", "2012-12-05", 1)
    assert caveat(db, "relief_path", "WA-2019-marijuana-justice-pardon")[0] == "uncertain"
    assert p["form_source_id"] == "S159"


# -- links and plain words, all places of this sweep ----------------------------------------------

@pytest.mark.parametrize("code, kind, url", [
    ("VA", "self_help", "https://selfhelp.vacourts.gov/"),
    ("TX", "self_help", "https://guides.sll.texas.gov/expunctions-and-non-disclosure/general-information"),
    ("TN", "self_help", "https://tncourts.gov/node/7163651"),
    ("SD", "self_help", "https://ujs.sd.gov/self-help/civil-law-help/expungement"),
    ("UT", "self_help", "https://www.utcourts.gov/howto/expunge/index.html"),
    ("VT", "self_help", "https://www.vermontjudiciary.org/criminal/expungement"),
    ("VT", "legal_aid", "https://vtlawhelp.org/expungement"),
    ("WA", "legal_aid", "https://www.washingtonlawhelp.org/"),
])
def test_links_are_set_with_their_source(db, code, kind, url):
    j = place(db, code)
    assert j[f"{kind}_url"] == url
    assert j[f"{kind}_source_id"] is not None


def test_no_research_jargon_in_this_sweeps_public_text(db):
    marks = ",".join("?" * len(PLACES))
    texts = [("summary", c, t) for c, t in db.execute(
        f"SELECT code, summary FROM jurisdiction WHERE code IN ({marks})", PLACES)]
    texts += [("detail", c, t) for c, t in db.execute(
        f"SELECT code, adult_use_detail FROM jurisdiction WHERE code IN ({marks})", PLACES)]
    texts += [("caveat", i, t) for i, t in db.execute(
        f"SELECT id, text FROM caveat WHERE jurisdiction IN ({marks})", PLACES)]
    texts += [("note", i, t) for i, t in db.execute(
        f"SELECT id, text FROM note WHERE jurisdiction IN ({marks})", PLACES)]
    texts += [("count", i, t) for i, t in db.execute(
        f"SELECT id, note FROM relief_count WHERE jurisdiction IN ({marks})", PLACES)]
    found = [(what, ident, word) for what, ident, text in texts for word in JARGON
             if word in (text or "").lower()]
    assert not found, found


def test_thin_places_keep_a_plain_thin_caveat(db):
    for code in ("SC", "TN", "TX", "WV", "WY"):
        kind, text = caveat(db, "jurisdiction", code)
        assert kind == "thin" and "legal-aid office" in text, code
