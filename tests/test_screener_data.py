"""The eligibility fields the screener added to the data: validated strictly, read back, and
optional in files built before them."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from db.load import DataError, load_dataset
from desktop.data.repository import Repository
from tests.helpers.dataset import JURISDICTION, write_dataset

PATH_END = 'amount_text = "2.5 ounces or less"\n'


def problems(tmp_path, added: str) -> list[str]:
    data = write_dataset(tmp_path / "data", JURISDICTION.replace(PATH_END, PATH_END + added))
    with pytest.raises(DataError) as info:
        load_dataset(data)
    return info.value.problems


def loads(tmp_path, added: str) -> dict:
    data = write_dataset(tmp_path / "data", JURISDICTION.replace(PATH_END, PATH_END + added))
    return load_dataset(data).rows("relief_path")[0]


def test_new_fields_load(tmp_path):
    row = loads(tmp_path, 'max_amount_exclusive = true\nonly_charge = false\n'
                          'date_applies_to = "unstated"\ndate_to = "2021-06-30"\n')
    assert row["max_amount_exclusive"] == 1 and row["only_charge"] == 0
    assert row["date_applies_to"] == "unstated"


@pytest.mark.parametrize("added, words", [
    ('max_amount_exclusive = "yes"\n', "max_amount_exclusive: must be true or false"),
    ('only_charge = 1\n', "only_charge: must be true or false"),
    ('date_applies_to = "sentence"\ndate_to = "2020-01-01"\n', "unknown value 'sentence'"),
    ('date_applies_to = "offense"\n', "date_applies_to: only allowed with date_from or date_to"),
    ('date_to = "2020-01-01"\n', "date_applies_to: missing"),
])
def test_new_fields_are_validated(tmp_path, added, words):
    found = problems(tmp_path, added)
    assert len(found) == 1 and words in found[0], found


def test_exclusive_limit_needs_a_limit(tmp_path):
    jurisdiction = JURISDICTION.replace("max_amount_grams = 70.8738078125\n", "").replace(
        PATH_END, "max_amount_exclusive = true\n")
    data = write_dataset(tmp_path / "data", jurisdiction)
    with pytest.raises(DataError) as info:
        load_dataset(data)
    assert any("max_amount_exclusive: only allowed with max_amount_grams" in p
               for p in info.value.problems)


def test_the_real_data_carries_the_new_rules(repo):
    paths = {p.id: p for code in ("CT", "MD", "NM", "OR", "DC", "RI")
             for p in repo.jurisdiction(code).paths}
    assert paths["CT-automatic-erasure"].max_amount_exclusive is True   # "under 4 oz"
    assert paths["CT-petition-erasure-possession"].max_amount_exclusive is None
    # C.G.S. § 54-142v: "convicted … prior to July 1, 2021" (checked in the 2025 sweep).
    assert paths["CT-petition-erasure-paraphernalia-sale"].date_applies_to == "conviction"
    assert paths["MD-automatic-expungement-possession-only"].only_charge is True
    assert paths["MD-petition-expungement-possession-mixed"].only_charge is False
    assert paths["NM-sb2-automatic-expungement"].only_charge is True
    assert paths["NM-mixed-case-request"].only_charge is False
    assert paths["OR-2022-governor-pardon"].date_to == "2015-12-31"
    assert paths["DC-federal-proclamation-pardon"].date_to == "2023-12-22"
    assert paths["RI-2022-automatic-expungement"].min_age == 18


def test_a_file_built_before_the_new_columns_still_opens(built_db, tmp_path):
    old = tmp_path / "old.db"
    shutil.copy(built_db, old)
    with sqlite3.connect(old) as conn:
        conn.execute("ALTER TABLE relief_path DROP COLUMN max_amount_exclusive")
        conn.execute("ALTER TABLE relief_path DROP COLUMN only_charge")
    conn.close()
    repo = Repository.open(old)
    try:
        paths = {p.id: p for p in repo.jurisdiction("CT").paths}
        assert paths["CT-automatic-erasure"].max_amount_exclusive is None
        assert paths["CT-automatic-erasure"].max_amount_grams == pytest.approx(113.3980925)
    finally:
        repo.close()
