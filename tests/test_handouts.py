"""Handouts: exactly one page for every place, text a PDF library can read back, all-or-nothing
bulk export, plain messages for targets that cannot be written, and the command line."""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop import strings
from desktop.data.files import FileWriteError
from desktop.data.records import LocalNote
from desktop.domain import wording
from desktop.printing import handout
from tests.conftest import run_app

NOTE = LocalNote("0" * 32, "AZ", "Maricopa County help desk: Tuesdays 9–12, room 114.",
                 "2026-11-01T10:00:00Z", "2026-11-01T10:00:00Z")


def words(text: str) -> str:
    """Text compared as a reader sees it: one space between words, no ligatures."""
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    return re.sub(r"(?<=\w)- (?=\w)", "-", text)  # "legal-" at a line end, "aid" on the next


def pdf_pages(path: Path) -> list[str]:
    return [words(page.extract_text()) for page in PdfReader(path).pages]


def summary_start(detail) -> str:
    return words(detail.text)[:60].rsplit(" ", 1)[0]


def assert_reads_as(text: str, detail, info) -> None:
    assert words(detail.name) in text
    assert summary_start(detail) in text
    assert wording.date_text(info.data_as_of) in text
    # The place's own age, not only the data's (issue 11).
    place_as_of = (strings.HANDOUT_PLACE_AS_OF.format(date=wording.date_text(detail.as_of))
                   if detail.as_of else strings.HANDOUT_PLACE_AS_OF_NONE)
    assert words(place_as_of) in text, detail.code
    assert words(strings.DISCLAIMER) in text


@pytest.fixture
def details(repo):
    return [repo.jurisdiction(s.code) for s in repo.jurisdictions()]


# -- one page, readable ---------------------------------------------------------------------
@pytest.mark.parametrize("code", ["MO", "AZ", "AL", "MD"])
def test_a_handout_is_one_page_with_name_summary_and_date(qapp, repo, tmp_path, code):
    detail = repo.jurisdiction(code)
    path = tmp_path / f"{code}.pdf"
    fit = handout.write_handout_pdf(detail, repo.info, path)
    pages = pdf_pages(path)
    assert len(pages) == 1
    assert_reads_as(pages[0], detail, repo.info)
    assert fit.scale == 1.0 and fit.body_pt >= handout.SMALLEST_BODY_PT
    assert not list(tmp_path.glob("*.part"))


def test_every_place_fits_one_page_in_letter_and_a4(qapp, repo, details, tmp_path):
    (tmp_path / "letter").mkdir()
    written = handout.write_handouts(details, repo.info, out_dir=tmp_path / "letter")
    assert len(written) == len(details) == repo.info.jurisdictions
    for detail, path in zip(details, written):
        pages = pdf_pages(path)
        assert len(pages) == 1, detail.code
        assert_reads_as(pages[0], detail, repo.info)
    combined = tmp_path / "all-a4.pdf"
    handout.write_handouts(details, repo.info, combined_path=combined, page_size="a4")
    pages = pdf_pages(combined)
    assert len(pages) == len(details)
    for detail, text in zip(details, pages):
        assert_reads_as(text, detail, repo.info)
    box = PdfReader(combined).pages[0].mediabox
    assert round(float(box.width)) == 595 and round(float(box.height)) == 842  # A4 in points


def test_the_parts_shared_between_plans_compose_the_same_page(repo, details):
    # fit_handout writes the parts of the page that plans share once per fit (a memo);
    # every plan of the ladder must come out exactly as if it were composed alone.
    notes = (NOTE, replace(NOTE, id="1" * 32, text="Bring two IDs. Parking is free. Call."))
    for detail in details:
        memo: dict = {}
        plans = [handout._Plan(), *(plan for _, plan in handout._ladder(detail, notes)),
                 handout._Plan()]
        for plan in plans:
            assert (handout._compose(detail, repo.info, notes, plan, None, memo)
                    == handout._compose(detail, repo.info, notes, plan)), detail.code


def test_the_print_layout_has_each_part(repo):
    note = replace(NOTE, jurisdiction="MO")
    html = handout.handout_html(repo.jurisdiction("MO"), repo.info, [note])
    for part in (strings.HANDOUT_H_RELIEF, strings.HANDOUT_WHO, strings.HANDOUT_CHECK,
                 strings.HANDOUT_NEXT, strings.HANDOUT_H_COUNTS, strings.HANDOUT_H_LOCAL_NOTES,
                 "Maricopa County help desk", strings.HANDOUT_SOURCES, 'class="rule"'):
        assert part in html
    no_relief = handout.handout_html(repo.jurisdiction("AL"), repo.info)
    assert strings.NO_RELIEF_PATHS in no_relief and strings.HANDOUT_H_LOCAL_NOTES not in no_relief


def test_clinic_notes_appear_when_given(qapp, repo, tmp_path):
    detail = repo.jurisdiction("AZ")
    path = tmp_path / "az.pdf"
    handout.write_handout_pdf(detail, repo.info, path, local_notes=[NOTE])
    text = pdf_pages(path)[0]
    assert strings.HANDOUT_H_LOCAL_NOTES in text and words(NOTE.text) in text
    handout.write_handout_pdf(detail, repo.info, path)
    assert strings.HANDOUT_H_LOCAL_NOTES not in pdf_pages(path)[0]


def test_long_content_is_shortened_at_sentence_boundaries(qapp, repo, tmp_path):
    detail = repo.jurisdiction("AZ")
    steps = [f"Step {n}: bring the court papers for case number {n} to the clerk's office."
             for n in range(1, 60)]
    path_ = replace(detail.paths[0], how_to_apply=" ".join(steps))
    long_detail = replace(detail, paths=(path_,) * 3)
    path = tmp_path / "long.pdf"
    fit = handout.write_handout_pdf(long_detail, repo.info, path)
    text = pdf_pages(path)[0]
    assert len(PdfReader(path).pages) == 1 and fit.scale == 1.0
    assert steps[0] in text and steps[-1] not in text  # the first kept, the rest given up
    kept = [s for s in steps if s in text]
    assert kept == steps[:len(kept)]  # whole sentences, from the start, none cut
    assert words(strings.fmt(strings.HANDOUT_SHORTENED)) in text
    assert summary_start(detail) in text


def test_a_huge_clinic_note_still_gives_one_page(qapp, repo, tmp_path):
    notes = [replace(NOTE, id=f"{n:032x}", text=f"Note {n}. " + "Bring ID and papers. " * 40)
             for n in range(30)]
    path = tmp_path / "notes.pdf"
    fit = handout.write_handout_pdf(repo.jurisdiction("AZ"), repo.info, path, local_notes=notes)
    text = pdf_pages(path)[0]
    assert len(PdfReader(path).pages) == 1 and fit.shortened
    assert "Note 0." in text and "Note 29." not in text  # the newest first, whole sentences
    assert summary_start(repo.jurisdiction("AZ")) in text
    assert "The clinic keeps" in text and "more notes." in text
    # The fullest place with all those notes still fits, in readable type.
    fit = handout.write_handout_pdf(repo.jurisdiction("MD"), repo.info, path, local_notes=notes)
    assert len(PdfReader(path).pages) == 1 and fit.body_pt >= handout.SMALLEST_BODY_PT


def test_sentences_are_not_split_inside_abbreviations():
    text = ("Signed by Gov. Whitmer in 2020. See 21 U.S.C. § 844 and A.R.S. § 36-2862. "
            "Up to 2.5 oz. The court decides.")
    assert handout.sentences(text) == [
        "Signed by Gov. Whitmer in 2020.", "See 21 U.S.C. § 844 and A.R.S. § 36-2862.",
        "Up to 2.5 oz. The court decides."]
    assert handout.first_sentences("One. Two. Three.", 2) == ("One. Two.", True)
    assert handout.first_sentences("One.", None) == ("One.", False)


# -- bulk export: all or nothing --------------------------------------------------------------
def test_cancelling_a_bulk_export_leaves_no_file(qapp, repo, details, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    old = folder / handout.handout_file_name(details[0])
    old.write_bytes(b"an earlier handout")
    calls = []

    def progress(done, total):
        calls.append((done, total))
        return done < 5

    with pytest.raises(handout.ExportCancelled):
        handout.write_handouts(details, repo.info, out_dir=folder, progress=progress)
    assert calls[0] == (0, len(details)) and calls[-1] == (5, len(details))
    assert sorted(p.name for p in folder.iterdir()) == [old.name]  # nothing new, nothing partial
    assert old.read_bytes() == b"an earlier handout"

    combined = tmp_path / "all.pdf"
    with pytest.raises(handout.ExportCancelled):
        handout.write_handouts(details, repo.info, combined_path=combined,
                               progress=lambda done, total: done < 3)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_failure_midway_leaves_no_file(qapp, repo, details, tmp_path, monkeypatch):
    real = handout.paint_handout

    def paint(detail, *args, **kwargs):
        if detail.code == details[3].code:
            raise FileWriteError("The disk is full.")
        return real(detail, *args, **kwargs)

    monkeypatch.setattr(handout, "paint_handout", paint)
    with pytest.raises(FileWriteError):
        handout.write_handouts(details, repo.info, out_dir=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_progress_reports_every_step(qapp, repo, details, tmp_path):
    calls = []
    handout.write_handouts(details[:3], repo.info, combined_path=tmp_path / "three.pdf",
                           progress=lambda done, total: calls.append((done, total)) or True)
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert len(PdfReader(tmp_path / "three.pdf").pages) == 3


# -- targets that cannot be written -------------------------------------------------------------
def test_an_unwritable_target_gives_a_plain_message(qapp, repo, tmp_path):
    detail = repo.jurisdiction("AZ")
    with pytest.raises(FileWriteError, match="folder does not exist"):
        handout.write_handout_pdf(detail, repo.info, tmp_path / "missing" / "az.pdf")
    (tmp_path / "taken").mkdir()
    with pytest.raises(FileWriteError, match="is a folder, not a file name"):
        handout.write_handout_pdf(detail, repo.info, tmp_path / "taken")
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    with pytest.raises(FileWriteError, match="is a file, not a folder"):
        handout.write_handouts([detail], repo.info, out_dir=a_file)
    if os.name == "posix" and os.geteuid() != 0:  # root may write anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        with pytest.raises(FileWriteError, match="cannot be written to"):
            handout.write_handout_pdf(detail, repo.info, locked / "az.pdf")
    assert not list(tmp_path.rglob("*.pdf")) and not list(tmp_path.rglob("*.part"))


# -- any HTML page (screener results, the detail page) -----------------------------------------
def test_any_html_page_becomes_a_pdf(qapp, tmp_path):
    screener = ("<h1>Your answers</h1><p>Arizona, possession, 2016.</p>"
                f"<p>{strings.DISCLAIMER}</p>")
    path = tmp_path / "screener.pdf"
    assert handout.write_html_pdf(screener, path) == 1
    assert "Arizona, possession, 2016." in pdf_pages(path)[0]
    long_page = "".join(f"<p>Paragraph {n} of a long page.</p>" for n in range(300))
    assert handout.write_html_pdf(long_page, tmp_path / "long.pdf", "a4") > 1
    assert len(PdfReader(tmp_path / "long.pdf").pages) > 1


def test_printing_goes_to_the_chosen_printer(qapp, repo, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageLayout(handout.page_layout("letter"))
    handout.print_handout_to(repo.jurisdiction("NJ"), repo.info, printer)
    pages = pdf_pages(tmp_path / "printed.pdf")
    assert len(pages) == 1 and "New Jersey" in pages[0]


def test_an_unknown_page_size_is_refused_before_writing(qapp, repo, tmp_path):
    with pytest.raises(ValueError):
        handout.write_handout_pdf(repo.jurisdiction("AZ"), repo.info, tmp_path / "x.pdf", "legal")
    assert list(tmp_path.iterdir()) == []


# -- the export dialog ------------------------------------------------------------------------
def test_export_dialog_choices(qtbot, repo):
    from desktop.views.handout_export import HandoutExportDialog

    dialog = HandoutExportDialog(repo.jurisdictions(), selected=["AZ", "MO"], page_size="a4")
    qtbot.addWidget(dialog)
    choice = dialog.choice()
    assert set(choice.codes) == {"AZ", "MO"} and choice.page_size == "a4"
    assert not choice.combined and choice.include_notes
    dialog.all_places.setChecked(True)
    dialog.combined.setChecked(True)
    assert len(dialog.choice().codes) == repo.info.jurisdictions and dialog.choice().combined
    dialog.some_places.setChecked(True)
    for i in range(dialog.places.count()):
        dialog.places.item(i).setCheckState(dialog.places.item(i).checkState().Unchecked)
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.problem.text() == strings.EXPORT_NONE_TICKED


def test_export_from_the_window_writes_with_clinic_notes(qtbot, window, tmp_path):
    from desktop.views.handout_export import ExportChoice, run_export

    window.store.add_note("AZ", NOTE.text)
    choice = ExportChoice(("AZ", "AL"), combined=True)
    paths = run_export(window, window.repo, window.store, choice, tmp_path / "two.pdf")
    assert paths == [tmp_path / "two.pdf"]
    pages = pdf_pages(paths[0])
    assert len(pages) == 2 and words(NOTE.text) in pages[0] and "Alabama" in pages[1]
    assert "two.pdf" in window.statusBar().currentMessage()


# -- the command line -------------------------------------------------------------------------
def test_cli_writes_one_handout(built_db, tmp_path):
    out = tmp_path / "az.pdf"
    result = run_app("export-handout", "AZ", "--out", str(out), "--db", str(built_db),
                     "--page", "a4")
    assert result.returncode == 0, result.stderr
    pages = pdf_pages(out)
    assert len(pages) == 1 and "Arizona" in pages[0]


def test_cli_all_covers_every_place(built_db, repo, tmp_path):
    out = tmp_path / "handouts"
    result = run_app("export-handout", "--all", "--out", str(out), "--db", str(built_db))
    assert result.returncode == 0, result.stderr
    files = sorted(out.glob("*.pdf"))
    assert len(files) == repo.info.jurisdictions == len(repo.jurisdictions())
    assert {f.name.split("-")[0] for f in files} == {s.code for s in repo.jurisdictions()}
    assert all(len(PdfReader(f).pages) == 1 for f in files)


@pytest.mark.parametrize("target", ["missing/az.pdf", "a-file/az.pdf"])
def test_cli_unwritable_target_gives_one_line(built_db, tmp_path, target):
    (tmp_path / "a-file").write_text("x")
    result = run_app("export-handout", "AZ", "--out", str(tmp_path / target), "--db", str(built_db))
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert str(tmp_path) in result.stderr
    assert not list(tmp_path.rglob("*.pdf")) and not list(tmp_path.rglob("*.part"))


def test_cli_refuses_unknown_codes_and_missing_choices(built_db, tmp_path):
    unknown = run_app("export-handout", "ZZ", "--out", str(tmp_path / "x.pdf"),
                      "--db", str(built_db))
    assert unknown.returncode != 0 and "ZZ" in unknown.stderr and unknown.stderr.count("\n") == 1
    neither = run_app("export-handout", "--out", str(tmp_path / "x.pdf"), "--db", str(built_db))
    assert neither.returncode != 0 and "--all" in neither.stderr
    assert list(tmp_path.iterdir()) == []


def test_cancelling_in_the_progress_dialog_writes_nothing(qtbot, window, tmp_path, monkeypatch):
    from desktop.views import handout_export

    monkeypatch.setattr(handout_export.QProgressDialog, "wasCanceled", lambda self: True)
    choice = handout_export.ExportChoice(("AZ", "AL", "MO"), combined=False)
    out = tmp_path / "out"
    out.mkdir()
    assert handout_export.run_export(window, window.repo, None, choice, out) is None
    assert list(out.iterdir()) == []
    assert window.statusBar().currentMessage() == strings.HANDOUT_CANCELLED


def test_smoke_handout_writes_a_pdf(qapp, repo, tmp_path):
    path = handout.smoke_handout(repo.jurisdiction("MO"), repo.info, tmp_path)
    assert path.parent == tmp_path and len(PdfReader(path).pages) == 1


def test_cli_includes_the_clinic_notes_unless_told_not_to(built_db, tmp_path):
    from desktop.data.user_store import UserStore, default_path

    with UserStore.open(default_path()) as store:
        store.add_note("AZ", NOTE.text)
    out = tmp_path / "az.pdf"
    result = run_app("export-handout", "AZ", "--out", str(out), "--db", str(built_db))
    assert result.returncode == 0, result.stderr
    assert words(NOTE.text) in pdf_pages(out)[0]
    result = run_app("export-handout", "AZ", "--out", str(out), "--db", str(built_db),
                     "--no-clinic-notes")
    assert result.returncode == 0, result.stderr
    assert words(NOTE.text) not in pdf_pages(out)[0]


def test_export_handout_leaves_a_damaged_notes_file_alone(tmp_path, built_db):
    import os

    from tests.conftest import run_app

    data_dir = Path(os.environ["RELIEF_ATLAS_DATA_DIR"])
    data_dir.mkdir(parents=True)
    junk = b"not a database" * 50
    (data_dir / "user.db").write_bytes(junk)
    result = run_app("export-handout", "MO", "--out", str(tmp_path / "mo.pdf"), "--db",
                     str(built_db))
    assert result.returncode == 0, result.stderr
    assert "clinic notes were left out" in result.stderr
    assert sorted(p.name for p in data_dir.iterdir()) == ["user.db"]
    assert (data_dir / "user.db").read_bytes() == junk


def test_file_names_carry_the_place_and_the_day(repo):
    import datetime

    day = datetime.date(2026, 12, 4)
    assert handout.handout_file_name(repo.jurisdiction("AZ"), day) == "AZ-2026-12-04.pdf"
    assert handout.screening_file_name("AZ", day) == "screening-AZ-2026-12-04.pdf"


def test_save_dialogs_start_in_documents_then_in_the_folder_last_used(window, tmp_path, monkeypatch):
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QFileDialog

    from desktop.views import handout_export

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    asked = []

    def answer(parent, title, suggested, *rest):
        asked.append(suggested)
        return str(tmp_path / "AZ.pdf"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    window.show_jurisdiction("AZ")
    window.handouts.save_pdf()
    first = handout_export.Path(asked[0])
    assert first.name.startswith("AZ-") and first.parent == handout_export.Path(documents)
    window.handouts.save_pdf()
    assert handout_export.Path(asked[1]).parent == tmp_path  # the folder chosen last time


def test_official_addresses_print_as_text_and_as_a_qr_code_that_reads_the_same(qapp, repo, tmp_path):
    """The form's address is on the sheet twice: as text, and as a QR code whose modules are
    the code of that same address (decoded here by comparing with segno's matrix)."""
    import io
    from dataclasses import replace

    from PIL import Image

    from desktop.data.place_records import OfficialLink
    from desktop.pages.qr import BORDER, qr_matrix

    detail = repo.jurisdiction("AZ")
    url = "https://www.azcourts.gov/selfservicecenter/Prop-207"
    source = detail.paths[0].source_ids[0]
    path = replace(detail.paths[0], form=OfficialLink(url, source))
    detail = replace(detail, paths=(path, *detail.paths[1:]))
    out = tmp_path / "AZ.pdf"
    handout.write_handout_pdf(detail, repo.info, out)
    page = PdfReader(out).pages[0]
    assert url in " ".join(page.extract_text().split())
    assert "in Relief Atlas" not in page.extract_text()
    matrix = qr_matrix(url)
    size = len(matrix) + 2 * BORDER

    def modules(data: bytes):
        image = Image.open(io.BytesIO(data)).convert("L")
        cell = image.width / size
        return tuple(tuple(image.getpixel((int((BORDER + x + 0.5) * cell),
                                           int((BORDER + y + 0.5) * cell))) < 128
                           for x in range(len(matrix))) for y in range(len(matrix)))

    assert any(modules(image.data) == matrix for image in page.images)
