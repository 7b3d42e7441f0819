"""`relief-atlas screen`: the screener on the command line, as text and as JSON."""

from __future__ import annotations

import json

import pytest

from desktop import strings
from tests.conftest import run_app

KEYS = ["path_id", "jurisdiction", "kind", "mechanism", "verdict", "reason", "next_step",
        "source_id"]


def screen(built_db, *args: str):
    return run_app("screen", "--db", str(built_db), *args)


def test_text_result_reads_aloud(built_db):
    done = screen(built_db, "--state", "AZ", "--offense", "possession", "--amount", "1oz",
                  "--level", "misdemeanor", "--year", "2016")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    out = done.stdout
    assert out.startswith("What may help: Arizona\n")
    assert "Amount: 1 oz (28.35 g)" in out
    assert "1. Expungement under Proposition 207 — LIKELY APPLIES" in out
    assert "It fits what we know: it covers possession;" in out
    assert "Where to file: The court where the case ended" in out
    assert "Fee: No filing fee" in out
    assert "[S17]" in out
    flat = " ".join(out.split())
    assert strings.DISCLAIMER in flat and strings.SCREEN_LEGAL_AID in flat
    assert max(len(line) for line in out.splitlines()) <= 88


def test_json_is_a_list_of_verdicts(built_db):
    done = screen(built_db, "--state", "mo", "--offense", "possession", "--amount", "3 lb",
                  "--level", "felony", "--year", "2016", "--completed", "yes", "--json")
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    assert [list(r) for r in results] == [KEYS] * 3
    verdicts = {r["path_id"]: r["verdict"] for r in results}
    assert verdicts == {"MO-art14-automatic-expungement": "likely",
                        "MO-art14-vacate-supervision": "no", "MO-art14-petition-prison": "no"}
    assert all(r["jurisdiction"] == "MO" and r["reason"] and r["next_step"] for r in results)


def test_amount_just_over_the_limit(built_db):
    done = screen(built_db, "--state", "AZ", "--offense", "possession", "--amount", "2.51 oz",
                  "--year", "2016", "--json")
    (result,) = json.loads(done.stdout)
    assert result["verdict"] == "no" and "is more than that" in result["reason"]


def test_every_answer_may_be_unknown(built_db):
    done = screen(built_db, "--state", "US", "--json")
    assert done.returncode == 0, done.stderr
    assert {r["verdict"] for r in json.loads(done.stdout)} == {"may"}
    federal = screen(built_db, "--state", "federal", "--offense", "possession", "--year",
                     "2020", "--completed", "unknown", "--json")
    assert {r["verdict"] for r in json.loads(federal.stdout)} == {"likely"}


def test_no_relief_place_says_so(built_db):
    done = screen(built_db, "--state", "AL", "--offense", "possession")
    assert done.returncode == 0
    assert strings.fmt(strings.SCREEN_NO_PATHS, place="Alabama").split(".")[0] in \
        " ".join(done.stdout.split())
    assert json.loads(screen(built_db, "--state", "AL", "--json").stdout) == []


@pytest.mark.parametrize("args, words", [
    (["--state", "ZZ"], "unknown place “ZZ”"),
    ([], "--state is required"),
    (["--state", "AZ", "--amount", "12"], "needs a unit"),
    (["--state", "AZ", "--amount", "lots"], "is not an amount"),
    (["--state", "AZ", "--level", "big"], "--level must be one of misdemeanor, felony, unknown"),
    (["--state", "AZ", "--year", "sixteen"], "is not a year or a date"),
    (["--state", "AZ", "--completed", "maybe"], "--completed must be one of yes, no, unknown"),
    (["--state", "AZ", "--offense", "theft"], "--offense must be one of"),
    (["--state", "AZ", "--age", "old"], "--age must be a number of years"),
    (["--state", "AZ", "--json", "--state"], "expected one argument"),
])
def test_bad_input_is_one_line_and_exit_2(built_db, args, words):
    done = screen(built_db, *args)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], done.stderr
    assert "Traceback" not in done.stderr


def test_unusable_data_is_one_line_and_exit_1(tmp_path):
    done = run_app("screen", "--db", str(tmp_path / "missing.db"), "--state", "AZ")
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1 and "not found" in done.stderr


def test_db_before_the_command_name_is_kept(built_db):
    done = run_app("--db", str(built_db), "screen", "--state", "AZ", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["path_id"] == "AZ-prop207-expungement"


def test_the_command_writes_nothing(built_db, tmp_path):
    home = tmp_path / "home"
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    done = screen(built_db, "--state", "WA", "--offense", "possession", "--amount", "17 g",
                  "--year", "2005", "--age", "23")
    assert done.returncode == 0
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
    assert not home.exists() or not any(home.rglob("*"))


def test_two_convictions_on_the_command_line_with_a_sheet(built_db, tmp_path):
    import json

    from pypdf import PdfReader

    from tests.conftest import run_app

    out = tmp_path / "sheet.pdf"
    result = run_app("screen", "--db", str(built_db), "--json",
                     "--conviction", "state=AZ,offense=possession,amount=1oz,level=misdemeanor,year=2016",
                     "--conviction", "state=MO,offense=possession", "--out", str(out))
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout[:result.stdout.rindex("]") + 1])
    assert {r["conviction"] for r in rows} == {1, 2}
    assert {r["jurisdiction"] for r in rows if r["conviction"] == 1} >= {"AZ"}
    assert {r["jurisdiction"] for r in rows if r["conviction"] == 2} >= {"MO"}
    text = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert "Arizona" in text and "Missouri" in text


def test_a_malformed_conviction_is_one_plain_line(built_db):
    from tests.conftest import run_app

    result = run_app("screen", "--db", str(built_db), "--conviction", "offense=possession")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "state=" in result.stderr and "Traceback" not in result.stderr
