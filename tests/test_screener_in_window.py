"""The screener inside the window: Ctrl+N starts a new person, nothing answered is stored,
and Print / Save as PDF act on the result while the Screener tab is in front."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import Qt

from tests.test_screener_view import result_text, screen_arizona


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_ctrl_n_opens_a_cleared_screener(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    view = window.screener
    assert view is not None and window.tabs.currentWidget() is view
    screen_arizona(qtbot, view)
    assert "Likely applies" in result_text(view) or "likely" in result_text(view).lower()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert not view.has_result()
    assert view.situation() is None  # no place chosen: every answer cleared


def test_a_screening_through_the_window_writes_nothing(qtbot, window):
    user_dir = Path(os.environ["RELIEF_ATLAS_DATA_DIR"])
    window.settings.sync()
    before = snapshot(user_dir)
    window.show_screener(new_person=True)
    screen_arizona(qtbot, window.screener)
    assert window.screener.has_result()
    window.show_page_tab()
    window.show_screener()
    window.settings.sync()
    assert snapshot(user_dir) == before
    assert window.history.current == ""  # the screening left no trace in the history


def test_save_as_pdf_saves_the_screening_result(qtbot, window, tmp_path, monkeypatch):
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    window.show_screener(new_person=True)
    assert not window.save_pdf_action.isEnabled()  # nothing to save yet
    screen_arizona(qtbot, window.screener)
    assert window.save_pdf_action.isEnabled()
    target = tmp_path / "screening.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(target), "")))
    window.save_pdf_action.trigger()
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(target).pages).split())
    assert "Arizona" in text and "not legal advice" in text


def test_the_saved_screening_sheet_is_worth_keeping(window, qtbot, tmp_path, monkeypatch):
    """Data as of, version, the disclaimer, only what applies or may apply, sources as
    publisher and date: no internal codes, no instructions about the app."""
    import re

    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    from desktop import __version__, strings
    from desktop.domain import wording

    target = tmp_path / "sheet.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.show_screener()
    screener = window.screener
    screener.choose_place("MO")
    screener.offense.setCurrentIndex(1)  # possession
    window.handouts.save_pdf()
    qtbot.waitUntil(target.exists)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(target).pages)
    assert wording.date_text(window.repo.info.data_as_of) in text and __version__ in text
    assert " ".join(strings.DISCLAIMER.split()[:8]) in text
    assert not re.search(r"\[S\d+\]|\[seed", text)
    assert "choose" not in text.lower() or "“Federal”" not in text
    assert strings.SCREEN_VERDICT["no"] not in text
    assert strings.HANDOUT_H_HANDWRITTEN in text


def test_two_convictions_in_two_states_give_one_result_and_one_sheet(window, qtbot, tmp_path,
                                                                     monkeypatch):
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    from desktop import strings

    window.show_screener()
    view = window.screener
    view.choose_place("AZ")
    view.offense.setCurrentIndex(1)  # possession
    view.year.setText("2016")
    view.add_case_button.click()
    assert view.case_count() == 2 and view.case_tabs.isVisible()
    assert view.current_code() is None  # the new conviction starts empty
    view.choose_place("MO")
    view.offense.setCurrentIndex(1)
    text = view.result.toPlainText()
    assert strings.SCREEN_CASE_HEADING.format(n=1, place="Arizona") in text
    assert strings.SCREEN_CASE_HEADING.format(n=2, place="Missouri") in text
    assert "Proposition 207" in text and "Article XIV" in text

    view.case_tabs.setCurrentIndex(0)  # back to the first: its answers are still there
    assert view.current_code() == "AZ" and view.year.text() == "2016"

    target = tmp_path / "both.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.handouts.save_pdf()
    qtbot.waitUntil(target.exists)
    sheet = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(target).pages)
    assert "Arizona" in sheet and "Missouri" in sheet

    view.remove_case_button.click()
    assert view.case_count() == 1 and not view.case_tabs.isVisible()
    view.add_case_button.click()
    window.new_person()
    assert view.case_count() == 1 and view.current_code() is None
