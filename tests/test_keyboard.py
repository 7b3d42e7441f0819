"""Keyboard: no Alt-letter twice among what is reachable at once, in English and Spanish."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel

from desktop import i18n


def mnemonic(text: str) -> str | None:
    match = re.search(r"&([^&\s])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def reachable_letters(window) -> list[tuple[str, str]]:
    """(letter, text) of the menu bar and of every visible label with a buddy and button."""
    found = [(mnemonic(a.text()), a.text()) for a in window.menuBar().actions()]
    page = window.tabs.currentWidget()
    for label in page.findChildren(QLabel):
        if label.isVisibleTo(window) and label.buddy() is not None:
            found.append((mnemonic(label.text()), label.text()))
    for button in page.findChildren(QAbstractButton):
        if button.isVisibleTo(window):
            found.append((mnemonic(button.text()), button.text()))
    return [(letter, text) for letter, text in found if letter]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_alt_letter_twice_on_any_tab(qtbot, built_db, lang):
    from desktop.app import build_main_window

    i18n.activate(lang)
    window = build_main_window(built_db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_jurisdiction("AZ")
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        if window.tabs.currentWidget() is window.screener:  # every question a place may ask
            for label in window.screener.extra.values():
                window.screener.form.setRowVisible(label, True)
        letters = reachable_letters(window)
        assert letters, index
        seen: dict[str, str] = {}
        for letter, text in letters:
            assert letter not in seen, f"Alt+{letter}: {text!r} and {seen[letter]!r} ({lang})"
            seen[letter] = text
