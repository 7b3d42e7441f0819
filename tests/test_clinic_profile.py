"""The clinic's profile (issue 17): kept in user.db with the clinic's notes, checked like a
note, carried by notes export/import (a laptop with its own profile keeps it), printed on
every sheet — the place handout and the screening sheet, from the window and the command
line — still one page for every place, and set or shown with `relief-atlas clinic`."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
from pathlib import Path

import pytest

from desktop import strings
from desktop.data.records import ClinicProfile
from desktop.data.user_schema import CLINIC_FIELDS
from desktop.data.user_store import USER_DB_NAME, UserStore, default_path
from desktop.data.user_transfer import EXPORT_FORMAT
from desktop.domain.clinic import contact_line
from desktop.errors import UserDataError
from desktop.pages import screening
from desktop.printing import handout
from tests.conftest import run_app
from tests.test_handouts import assert_reads_as, pdf_pages, words

CLINIC = ClinicProfile("Tucson Community Legal Aid", "(520) 555-0100",
                       "100 N Stone Ave, Suite 300, Tucson, AZ 85701", "Tue–Thu 9 am–5 pm",
                       "tucsonlegalaid.example.org")
OTHER = ClinicProfile("Phoenix Expungement Desk", "(602) 555-0199")


def user_db() -> Path:
    return default_path()


def pdf_text(path: Path) -> str:
    return " ".join(pdf_pages(path))


def assert_carries(text: str, clinic: ClinicProfile = CLINIC) -> None:
    assert words(clinic.name) in text and clinic.phone in text, text[-400:]



# -- the store --------------------------------------------------------------------------------
def test_the_profile_is_saved_checked_and_removed(tmp_path):
    with UserStore.open(tmp_path / "user.db") as store:
        assert store.clinic() is None
        saved = store.set_clinic({"name": "  Tucson Community\nLegal Aid ",
                                  "phone": "(520) 555-0100", "address": CLINIC.address,
                                  "hours": CLINIC.hours, "web": CLINIC.web})
        assert saved == CLINIC == store.clinic()  # one line each, spaces tidied
    with UserStore.open(tmp_path / "user.db") as store:  # kept across opens
        assert store.clinic() == CLINIC
        for values, problem in (({"name": "A"}, "phone number"), ({"phone": "1"}, "name"),
                                ({"name": "x" * 121, "phone": "1"}, "at most 120"),
                                ({"name": "A\x07", "phone": "1"}, "cannot be printed"),
                                ({"name": "A\ud800", "phone": "1"}, "cannot be printed")):
            with pytest.raises(UserDataError) as caught:
                store.set_clinic(values)
            assert problem in caught.value.message
        assert store.clinic() == CLINIC  # a refused save changes nothing
        assert store.set_clinic({"name": " ", "phone": ""}) is None  # every field empty
        assert store.clinic() is None


def test_a_store_made_before_the_profile_gains_it_and_keeps_its_notes(tmp_path):
    path = tmp_path / "user.db"
    with UserStore.open(path) as store:
        note = store.add_note("AZ", "Court desk: room 114.")
    conn = sqlite3.connect(path)
    conn.executescript("DROP TABLE clinic; DROP TABLE event_tally; DROP TABLE store_setting;")
    conn.close()
    read_only = UserStore.open_read_only(path)  # the command line never adds tables
    with read_only:
        assert read_only.clinic() is None and read_only.tally() == []
        assert not read_only.tally_enabled()
    with UserStore.open(path) as store:
        assert store.recovered_from is None and store.notes() == [note]
        store.set_clinic(CLINIC)
        assert store.clinic() == CLINIC


# -- export and import ------------------------------------------------------------------------
def test_export_carries_the_profile_and_an_empty_laptop_takes_it(tmp_path):
    with UserStore.open(tmp_path / "a.db") as store:
        store.add_note("AZ", "Court desk: room 114.")
        store.set_clinic(CLINIC)
        store.export(tmp_path / "notes.json")
    data = json.loads((tmp_path / "notes.json").read_text())
    assert data["version"] == 1 and data["clinic"]["name"] == CLINIC.name
    with UserStore.open(tmp_path / "b.db") as other:
        result = other.import_file(tmp_path / "notes.json")
        assert result.clinic == "added" and other.clinic() == CLINIC
        assert CLINIC.name in result.summary()
        again = other.import_file(tmp_path / "notes.json")
        assert again.clinic == "same" and CLINIC.name not in again.summary()


def test_a_laptop_with_its_own_profile_keeps_it_and_says_so(tmp_path):
    with UserStore.open(tmp_path / "a.db") as store:
        store.set_clinic(CLINIC)
        store.export(tmp_path / "notes.json")
    with UserStore.open(tmp_path / "b.db") as other:
        other.set_clinic(OTHER)
        result = other.import_file(tmp_path / "notes.json")
        assert result.clinic == "kept" and other.clinic() == OTHER
        assert result.summary().endswith(strings.fmt(strings.CLINIC_IMPORT_KEPT,
                                                     name=CLINIC.name))


def test_a_version_1_file_without_a_profile_still_imports(tmp_path):
    old = {"format": EXPORT_FORMAT, "version": 1, "exported": "2026-11-01T10:00:00Z",
           "bookmarks": ["AZ"], "notes": []}
    (tmp_path / "old.json").write_text(json.dumps(old))
    with UserStore.open(tmp_path / "b.db") as store:
        store.set_clinic(OTHER)
        result = store.import_file(tmp_path / "old.json")
        assert result.bookmarks_added == 1 and result.clinic == ""
        assert store.clinic() == OTHER


@pytest.mark.parametrize("clinic, problem", [
    (["Tucson"], "not a set of named fields"),
    ({"name": "Tucson"}, "no phone number"),
    ({"name": "Tucson", "phone": 5200}, "phone number in it is not printable text"),
    ({"name": "T" * 500, "phone": "1"}, "longer than 120 characters"),
    ({"name": "Tucson\u0000", "phone": "1"}, "not printable text"),
])
def test_a_bad_profile_in_a_file_refuses_the_whole_file(tmp_path, clinic, problem):
    bad = {"format": EXPORT_FORMAT, "version": 1, "exported": "2026-11-01T10:00:00Z",
           "bookmarks": ["AZ"], "notes": [], "clinic": clinic}
    (tmp_path / "bad.json").write_text(json.dumps(bad))
    with UserStore.open(tmp_path / "b.db") as store:
        with pytest.raises(UserDataError) as caught:
            store.import_file(tmp_path / "bad.json")
        assert problem in caught.value.message and "Nothing was changed" in caught.value.message
        assert store.bookmarks() == [] and store.clinic() is None


# -- on the sheets ----------------------------------------------------------------------------
def test_the_clinic_line_is_escaped_on_both_sheets(repo):
    hostile = ClinicProfile("<b>&\"'", "<i>555</i>")
    html = handout.handout_html(repo.jurisdiction("AZ"), repo.info, clinic=hostile)
    assert "&lt;b&gt;&amp;" in html and "<b>&" not in html and "<i>555" not in html
    detail = repo.jurisdiction("AZ")
    sheet = screening.render_sheet(_situation("AZ"), detail, [], [], repo.info, "0",
                                   clinic=hostile)
    assert "&lt;b&gt;&amp;" in sheet and "<i>555" not in sheet
    assert contact_line(None) == "" and contact_line(CLINIC).startswith("Your clinic: ")


def _situation(code: str):
    from desktop.domain.screener import Situation

    return Situation(jurisdiction=code)


def test_every_place_stays_one_page_with_the_clinic_in_letter_and_a4(qapp, repo, tmp_path):
    """The clinic's line sits in the disclaimer box; short of room it keeps the name and phone
    on the version's line before any type is shrunk below the readable size."""
    details = [repo.jurisdiction(s.code) for s in repo.jurisdictions()]
    assert len(details) == 56
    for size in ("letter", "a4"):
        for detail in details:
            path = tmp_path / f"{detail.code}-{size}.pdf"
            fit = handout.write_handout_pdf(detail, repo.info, path, size, clinic=CLINIC)
            pages = pdf_pages(path)
            assert len(pages) == 1, (detail.code, size)
            assert fit.scale == 1.0 and fit.body_pt >= handout.SMALLEST_BODY_PT, detail.code
            assert_reads_as(pages[0], detail, repo.info)
            assert_carries(pages[0])


def test_the_command_line_sheets_carry_the_clinic(built_db, tmp_path):
    result = run_app("clinic", "set", "--name", CLINIC.name, "--phone", CLINIC.phone,
                     "--address", CLINIC.address, "--hours", CLINIC.hours, "--web", CLINIC.web)
    assert result.returncode == 0, result.stderr
    assert contact_line(CLINIC) in result.stdout
    shown = run_app("clinic", "show")
    assert shown.returncode == 0 and f"Phone: {CLINIC.phone}" in shown.stdout
    handout_pdf = tmp_path / "az.pdf"
    result = run_app("export-handout", "AZ", "--out", str(handout_pdf), "--db", str(built_db))
    assert result.returncode == 0, result.stderr
    assert_carries(pdf_text(handout_pdf))
    sheet = tmp_path / "screening.pdf"
    result = run_app("screen", "--db", str(built_db), "--conviction",
                     "state=AZ,offense=possession,amount=1oz,level=misdemeanor,year=2016",
                     "--conviction", "state=MO,offense=possession,amount=1oz,year=2015",
                     "--out", str(sheet))
    assert result.returncode == 0, result.stderr
    text = pdf_text(sheet)
    assert_carries(text)
    assert words(strings.DISCLAIMER) in text and "[S" not in text


def test_clinic_command_errors_are_one_line(tmp_path):
    result = run_app("clinic", "set", "--name", "Tucson")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        strings.fmt(strings.CLINIC_PROBLEMS["required"], field="phone number")]
    assert not user_db().exists()  # refused before the notes file is made
    result = run_app("clinic", "set", "--name", "x" * 300, "--phone", "1")
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
    assert "at most 120 characters" in result.stderr
    result = run_app("clinic", "show")
    assert result.returncode == 0 and "no clinic details yet" in result.stdout
    assert not user_db().exists()  # show never creates the notes file
    result = run_app("clinic", "set", "--clear")
    assert result.returncode == 0 and "Removed" in result.stdout


def test_portable_mode_keeps_the_profile_beside_the_program(tmp_path, monkeypatch, capsys):
    from desktop import paths
    from desktop.commands import clinic

    monkeypatch.setattr(paths, "executable_dir", lambda: tmp_path / "program")
    args = argparse.Namespace(clinic_action="set", portable=True, clear=False,
                              **{f: getattr(CLINIC, f) for f in CLINIC_FIELDS})
    assert clinic.run(args) == 0
    portable_db = tmp_path / "program" / "user-data" / USER_DB_NAME
    with UserStore.open_read_only(portable_db) as store:
        assert store.clinic() == CLINIC
    assert not user_db().exists()
    assert clinic.run(argparse.Namespace(clinic_action="show", portable=True)) == 0
    assert CLINIC.web in capsys.readouterr().out


# -- the window -------------------------------------------------------------------------------
def test_the_clinic_dialog_is_labelled_and_saves(window, qtbot):
    from PySide6.QtWidgets import QLabel, QLineEdit

    assert window.clinic.clinic_action in window.file_menu.actions()
    assert window.clinic.tally_action in window.file_menu.actions()
    dialog = window.clinic.open_clinic(exec_=False)
    qtbot.addWidget(dialog)
    edits = dialog.findChildren(QLineEdit)
    assert len(edits) == 5 and all(e.accessibleName() for e in edits)
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy()}
    assert buddies == set(edits)
    letters = [label.text().split("&")[1][0].lower()
               for label in dialog.findChildren(QLabel) if label.buddy()]
    assert len(letters) == len(set(letters)) == 5
    dialog.fields["name"].setText(CLINIC.name)
    dialog.accept()  # no phone: refused, the dialog stays open and says why
    assert dialog.problem.isVisibleTo(dialog) and "phone number" in dialog.problem.text()
    assert window.store.clinic() is None
    for field in CLINIC_FIELDS:
        dialog.fields[field].setText(getattr(CLINIC, field))
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted and window.store.clinic() == CLINIC
    again = window.clinic.open_clinic(exec_=False)
    qtbot.addWidget(again)
    assert again.fields["phone"].text() == CLINIC.phone


def test_sheets_saved_from_the_window_carry_the_clinic(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from tests.test_screener_view import screen_arizona

    window.store.set_clinic(CLINIC)
    targets = iter([tmp_path / "AZ.pdf", tmp_path / "screening.pdf"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(next(targets)), ""))
    window.show_jurisdiction("AZ")
    window.handouts.save_pdf()
    qtbot.waitUntil((tmp_path / "AZ.pdf").exists)
    pages = pdf_pages(tmp_path / "AZ.pdf")
    assert len(pages) == 1
    assert_carries(pages[0])
    window.show_screener(new_person=True)
    screen_arizona(qtbot, window.screener)
    assert CLINIC.name in window.screener.sheet_html(window.repo.info,
                                                     clinic=window.clinic.profile())
    window.handouts.save_pdf()
    qtbot.waitUntil((tmp_path / "screening.pdf").exists)
    assert_carries(pdf_text(tmp_path / "screening.pdf"))


def test_importing_notes_in_the_window_says_whose_profile_is_kept(window, tmp_path):
    with UserStore.open(tmp_path / "other.db") as other:
        other.set_clinic(OTHER)
        other.export(tmp_path / "notes.json")
    window.store.set_clinic(CLINIC)
    assert window.notes_actions.import_notes(tmp_path / "notes.json")
    assert OTHER.name in window.statusBar().currentMessage()
    assert window.store.clinic() == CLINIC


def test_spanish_sheet_says_your_clinic_in_spanish(repo):
    from desktop import i18n

    with i18n.speaking("es"):
        line = contact_line(CLINIC)
    assert line.startswith("Su clínica: ") and "teléfono (520) 555-0100" in line
    assert os.environ["RELIEF_ATLAS_DATA_DIR"]  # (the isolated user folder is in use)
