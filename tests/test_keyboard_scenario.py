"""The core flow with the keyboard only: "I was convicted of possession in Arizona in 2016"
-> Arizona's page -> a screening -> a saved PDF, without touching the mouse."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def focused():
    return QApplication.focusWidget()


def test_arizona_possession_2016_by_keyboard_to_a_saved_sheet(window, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "screening-AZ.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    # Find the place: Ctrl+K, type, Enter.
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    qtbot.waitUntil(lambda: focused() is window.search_field)
    qtbot.keyClicks(window.search_field, "AZ")
    qtbot.waitUntil(lambda: window.search_model.rowCount() > 0)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_code() == "AZ")
    assert "Expungement under Proposition 207" in window.detail.toPlainText()

    # Screen the person: Ctrl+3 opens the screener on Arizona; Alt-letters reach each answer.
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    qtbot.waitUntil(lambda: window.screener is not None and window.screener.isVisible())
    screener = window.screener
    assert screener.current_code() == "AZ"
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: focused() is screener.offense)
    qtbot.keyClicks(screener.offense, "P")  # the first choice starting with P: Possession
    qtbot.waitUntil(lambda: screener.offense.currentText() == "Possession")
    qtbot.keyClick(window, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: focused() is screener.amount)
    qtbot.keyClicks(screener.amount, "1")
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: focused() is screener.year)
    qtbot.keyClicks(screener.year, "2016")
    qtbot.waitUntil(lambda: "likely applies" in screener.result.toPlainText())

    # Save the sheet: Ctrl+Shift+S.
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(target.exists)
    text = " ".join(PdfReader(target).pages[0].extract_text().split())
    assert "Arizona" in text and "Likely applies" in text
