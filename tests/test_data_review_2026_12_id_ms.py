"""Issue 11, sweep B (ID IL IN KS KY LA MA MD ME MI MN MO MP MS): each correction and each
important new fact, checked on the real data so that it fails if the fact regresses.
Runs on the built database, read-only, with no window (the screener checks use the repository
fixture on the same database)."""

from __future__ import annotations

import pytest

from desktop.domain.screener import POUND_GRAMS
from tests.helpers.data_rows import (  # noqa: F401 (db is a fixture)
    JARGON,
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

LB = float(POUND_GRAMS)
PLACES = "ID IL IN KS KY LA MA MD ME MI MN MO MP MS".split()
MO_PATHS = ("MO-art14-automatic-expungement", "MO-art14-vacate-supervision",
            "MO-art14-petition-prison")


# -- Missouri: Article XIV covers possession, not sale --------------------------------------------
@pytest.mark.parametrize("pid", MO_PATHS)
def test_mo_article_xiv_paths_cover_possession_not_sale(db, pid):
    assert offense_kinds(db, pid) == {"possession"}
    row = path(db, pid)
    assert row["max_amount_grams"] == pytest.approx(3 * LB)
    assert "possession or sale" not in row["offenses"].lower()
    assert "possessing or selling" not in row["offenses"].lower()


def test_mo_automatic_expungement_is_misdemeanors_and_class_d_or_e_simple_possession(db):
    row = path(db, "MO-art14-automatic-expungement")
    assert row["mechanism"] == "automatic"
    assert "Class D or E felonies for simple possession" in row["offenses"]
    assert "not covered" in row["offenses"]
    assert {"S401", "S402"} <= set(sources(db, "relief_path", "MO-art14-automatic-expungement"))


def test_mo_prison_petition_is_possession_of_3_lb_under_section_2_10_7(db):
    row = path(db, "MO-art14-petition-prison")
    assert row["mechanism"] == "petition"
    assert row["citation"] == "Mo. Const. art. XIV, § 2.10(7)(a)"
    assert "possession offenses involving 3 lbs or less" in row["offenses"]
    assert row["fee_dollars"] == 0
    assert "S401" in sources(db, "relief_path", "MO-art14-petition-prison")


def test_mo_supervision_path_keeps_the_sale_wording_only_as_a_conflict(db):
    kind, text = caveat(db, "relief_path", "MO-art14-vacate-supervision")
    assert kind == "conflict"
    assert "possession of 3 lbs or less only" in text


def test_mo_screener_says_no_to_a_felony_sale_and_yes_to_felony_possession(repo):
    sale = verdicts(repo, jurisdiction="MO", offense="sale_distribution", level="felony",
                    amount_grams=LB, year=2019, completed=False)
    assert {pid: sale[pid] for pid in MO_PATHS} == dict.fromkeys(MO_PATHS, "no")
    possession = verdicts(repo, jurisdiction="MO", offense="possession", level="felony",
                          amount_grams=LB, year=2019, completed=False)
    assert possession["MO-art14-petition-prison"] == "likely"
    assert possession["MO-art14-vacate-supervision"] == "likely"
    assert possession["MO-art14-automatic-expungement"] == "no"


def test_mo_law_firm_milestone_is_a_round_figure(db):
    row = count(db, "MO-count-2023-jdp-milestone")
    assert (row["count"], row["qualifier"], row["unit"]) == (100000, "about", "cases")


def test_mo_newest_count_is_more_than_140000_cases_in_january_2025(db):
    row = count(db, "MO-count-2025-01-total")
    assert (row["count"], row["qualifier"], row["unit"], row["as_of"]) == (
        140000, "more_than", "cases", "2025-01")
    assert "307,000" in row["note"]
    newest = db.execute("SELECT id FROM relief_count WHERE jurisdiction = 'MO'"
                        " ORDER BY as_of DESC LIMIT 1").fetchone()[0]
    assert newest == "MO-count-2025-01-total"
    assert count(db, "MO-count-2024-04-viets")["count"] == 112800


def test_mo_2025_supreme_court_gun_charge_ruling(db):
    row = note(db, "MO-note-2025-gun-charge-ruling")
    assert "July 22, 2025" in row["text"] and "not a \"marijuana offense\"" in row["text"]
    assert row["source_id"] == "S401"
    assert place(db, "MO")["as_of"] == "2025-07-22"


# -- Minnesota: multi-count cases and earlier review ---------------------------------------------
def test_mn_board_reviews_some_misdemeanor_multi_count_cases(db):
    row = path(db, "MN-hf100-expungement-board")
    assert row["offense_level"] == "both"
    assert "some misdemeanor and gross misdemeanor cases" in row["offenses"]
    assert row["citation"].startswith("Minn. Stat. § 609A.06")


def test_mn_a_person_may_ask_for_earlier_review(db):
    row = path(db, "MN-hf100-expungement-board")
    assert "earlier review" in row["how_to_apply"]
    assert "mn.gov/ceb" in row["how_to_apply"]
    assert (row["form_url"], row["form_source_id"]) == ("https://mn.gov/ceb/faq", "S411")
    assert "earlier review" in place(db, "MN")["summary"]


def test_mn_board_caseload_count(db):
    row = count(db, "MN-count-2025-board-cases")
    assert (row["count"], row["qualifier"], row["unit"], row["official"]) == (
        110000, "about", "eligible_cases", 1)


# -- Maryland: the 2024 pardon's exact reach -----------------------------------------------------
def test_md_pardon_window_dispositions_and_paraphernalia_rule(db):
    row = path(db, "MD-2024-governor-pardon")
    assert (row["date_applies_to"], row["date_to"]) == ("offense", "2022-12-31")
    assert "probation before judgment" in row["offenses"]
    assert "only other charge was cannabis possession" in row["offenses"]
    assert offense_kinds(db, "MD-2024-governor-pardon") == {"possession", "paraphernalia"}
    assert row["citation"] == "Executive Order 01.01.2024.20 (June 17, 2024)"


def test_md_pardon_says_how_to_check(db):
    row = path(db, "MD-2024-governor-pardon")
    assert "kiosk at any courthouse" in row["how_to_apply"]
    assert "regular way" in row["how_to_apply"]
    assert row["form_url"] == "https://governor.maryland.gov/priorities/Pages/cannabis-pardon-order.aspx"
    assert row["form_source_id"] == "S415"
    assert caveat(db, "relief_path", "MD-2024-governor-pardon") is None


def test_md_2025_case_search_shielding_law(db):
    row = note(db, "MD-note-2025-sb432-case-search")
    assert "SB 432" in row["text"] and "Case Search" in row["text"]
    assert caveat(db, "note", "MD-note-2025-sb432-case-search")[0] == "single_source"


# -- Massachusetts: the 2016 sealing note picks one ---------------------------------------------
def test_ma_2016_sealing_note_is_sourced_and_no_longer_unconfirmed(db):
    row = note(db, "MA-note-2016-sealing")
    assert "2 ounces or less" in row["text"] and "Commissioner of Probation" in row["text"]
    assert sources(db, "note", "MA-note-2016-sealing") == ["S425", "S426"]
    assert caveat(db, "note", "MA-note-2016-sealing") is None


def test_ma_pardon_certificate_link_and_exclusions(db):
    row = path(db, "MA-2024-blanket-pardon")
    assert row["form_url"] == "https://www.mass.gov/info-details/apply-for-a-marijuana-pardon-certificate"
    assert row["form_source_id"] == "S427"
    assert "continuances without a finding" in row["conditions"]
    assert "under 21" in row["conditions"]


# -- Illinois: motion to vacate spelled out ------------------------------------------------------
def test_il_motion_to_vacate_possession_500_g_with_dates(db):
    row = path(db, "IL-crta-motion-to-vacate")
    assert offense_kinds(db, "IL-crta-motion-to-vacate") == {"possession"}
    assert (row["max_amount_grams"], row["date_from"], row["date_to"]) == (
        500, "1973-08-13", "2019-06-25")


def test_il_motion_to_vacate_delivery_30_g(db):
    row = path(db, "IL-crta-motion-to-vacate-delivery")
    assert offense_kinds(db, "IL-crta-motion-to-vacate-delivery") == {"sale_distribution"}
    assert (row["max_amount_grams"], row["date_from"], row["date_to"]) == (
        30, "1983-09-24", "2019-06-25")
    assert "S431" in sources(db, "relief_path", "IL-crta-motion-to-vacate-delivery")


def test_il_arrest_expungement_warns_about_court_records(db):
    kind, text = caveat(db, "relief_path", "IL-crta-automatic-arrest-expungement")
    assert kind == "uncertain" and "court records" in text
    assert place(db, "IL")["legal_aid_url"] == "https://www.illinoislegalaid.org/"


# -- Louisiana: the Aug 1, 2026 sunset has passed ------------------------------------------------
def test_la_no_longer_tells_people_to_file_before_a_passed_deadline(db):
    row = path(db, "LA-hb286-expungement-motion")
    assert "Do it before Aug 1, 2026" not in row["how_to_apply"]
    assert "still be used" in row["how_to_apply"]
    assert caveat(db, "relief_path", "LA-hb286-expungement-motion")[0] == "uncertain"
    assert "is set to end on Aug 1, 2026, so file before then" not in place(db, "LA")["summary"]


# -- Kansas, Idaho, Kentucky: place-specific sources ---------------------------------------------
def test_ks_and_id_status_rests_on_a_source_about_the_state(db):
    ks, id_ = place(db, "KS"), place(db, "ID")
    assert ks["adult_use_source_id"] == "S440" and "jail time" in ks["adult_use_detail"]
    assert id_["adult_use_source_id"] == "S447" and "House Bill 7" in id_["adult_use_detail"]
    assert caveat(db, "adult_use", "KS") is None and caveat(db, "adult_use", "ID") is None
    assert caveat(db, "jurisdiction", "KS")[0] == "thin"
    assert caveat(db, "jurisdiction", "ID")[0] == "thin"


def test_id_2026_ballot_amendment_note_does_not_claim_a_result(db):
    row = note(db, "ID-note-2026-hjr4")
    assert "HJR 4" in row["text"] and "Nov 3, 2026" in row["text"]
    assert "do not give the result" in row["text"]


def test_ky_medical_program_2025_is_not_record_relief(db):
    row = note(db, "KY-note-medical-program-2025")
    assert "Jan 1, 2025" in row["text"] and "does not clear past convictions" in row["text"]
    assert place(db, "KY")["pardon_program"] == "no"


def test_mi_set_aside_link_and_21_day_rule(db):
    row = path(db, "MI-pa192-set-aside")
    assert row["form_source_id"] == "S435"
    assert "MC 227a" in row["how_to_apply"] and "within 21 days" in row["how_to_apply"]


# -- Plain words and sources -------------------------------------------------------------------
def test_no_research_jargon_in_public_text_of_these_places(db):
    found = []
    texts = [("jurisdiction", r["code"], r["summary"] + " " + (r["adult_use_detail"] or ""))
             for r in db.execute("SELECT * FROM jurisdiction")
             if r["code"] in PLACES]
    for table, cols in (("relief_path", ("name", "offenses", "limits", "waiting_period", "fee",
                                         "handled_by", "citation", "how_to_apply",
                                         "conditions")),
                        ("relief_count", ("note",)), ("note", ("text",))):
        for r in db.execute(f"SELECT * FROM {table}"):
            if r["jurisdiction"] in PLACES:
                texts.append((table, r["id"], " ".join(r[c] or "" for c in cols)))
    texts += [("caveat", r["subject_id"], r["text"])
              for r in db.execute("SELECT * FROM caveat") if r["jurisdiction"] in PLACES]
    for table, ident, text in texts:
        found += [(table, ident, w) for w in JARGON if w in text.lower()]
    assert not found, found


def test_new_sources_are_in_the_sweep_b_range_and_dated(db):
    used = {r[0] for r in db.execute(
        "SELECT DISTINCT source_id FROM fact_source WHERE jurisdiction IN (%s)"
        % ",".join("?" * len(PLACES)), PLACES)}
    new = sorted(s for s in used if s.startswith("S4"))
    assert len(new) >= 30
    for sid in new:
        assert 401 <= int(sid[1:]) <= 499
        row = db.execute("SELECT url, date_text FROM source WHERE id = ?", (sid,)).fetchone()
        assert row["url"].startswith("http") and row["date_text"], sid
