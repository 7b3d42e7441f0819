"""Finding a place by its code, an abbreviation or its name comes before full-text hits."""

from __future__ import annotations

import pytest

from desktop.data.places import match_places, normalize

NAMES = {"AZ": ["Arizona"], "DC": ["District of Columbia"], "WA": ["Washington"],
         "IN": ["Indiana"], "NY": ["New York", "Nueva York"], "ME": ["Maine"],
         "VI": ["U.S. Virgin Islands", "Islas Vírgenes de los EE. UU."], "VA": ["Virginia"]}


@pytest.mark.parametrize("typed, first", [
    ("AZ", "AZ"), ("az", "AZ"), ("Ariz.", "AZ"), ("arizona", "AZ"), ("Ariz", "AZ"),
    ("DC", "DC"), ("D.C.", "DC"), ("Washington DC", "DC"), ("washington, d.c.", "DC"),
    ("washington", "WA"), ("N.Y.", "NY"), ("Nueva York", "NY"), ("nueva", "NY"),
    ("possession in Arizona in 2016", "AZ"), ("islas virgenes", "VI"),
])
def test_a_place_is_found_by_what_people_type_for_it(typed, first):
    assert match_places(typed, NAMES)[0] == first


def test_a_two_letter_word_in_a_sentence_is_not_a_code_unless_typed_in_capitals():
    assert match_places("convicted in 2016", NAMES) == []
    assert match_places("convicted in IN in 2016", NAMES) == ["IN"]
    assert match_places("me", NAMES) == ["ME"]  # on its own, a code is a code


def test_normalize_folds_case_accents_and_dots():
    assert normalize("D.C.") == "d c" and normalize("Vírgenes") == "virgenes"


@pytest.mark.parametrize("typed, code", [("AZ", "AZ"), ("TX", "TX"), ("NY", "NY"), ("CA", "CA"),
                                         ("DC", "DC"), ("Washington DC", "DC"),
                                         ("Ariz.", "AZ"), ("N.Y.", "NY")])
def test_search_lists_the_place_first_on_the_real_data(repo, typed, code):
    hits = repo.search(typed)
    assert (hits[0].kind, hits[0].ref_id) == ("jurisdiction", code)
    assert [h.ref_id for h in hits if h.kind == "jurisdiction"].count(code) == 1
