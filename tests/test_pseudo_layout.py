"""Long translations do not clip: in the pseudo-language (every string 40% longer), at
1366x768, no visible label, button or tab shows less than its whole text."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton, QTabBar

from desktop import i18n


def clipped(window) -> list[str]:
    found = []
    for label in window.findChildren(QLabel):
        if not label.isVisible() or label.wordWrap() or not label.text() or label.pixmap():
            continue
        text = label.text().replace("&", "")
        if "<" in text:  # rich text wraps or elides on its own
            continue
        if label.fontMetrics().horizontalAdvance(text) > label.contentsRect().width() + 2:
            found.append(f"label {label.objectName() or text[:30]!r}")
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible() or not button.text() or not isinstance(button, QPushButton):
            continue
        text = button.text().replace("&", "")
        if button.fontMetrics().horizontalAdvance(text) > button.width():
            found.append(f"button {text[:30]!r}")
    for bar in window.findChildren(QTabBar):
        if not bar.isVisible():
            continue
        for i in range(bar.count()):
            text = bar.tabText(i).replace("&", "")
            if bar.fontMetrics().horizontalAdvance(text) > bar.tabRect(i).width():
                found.append(f"tab {text[:30]!r}")
    return found


def test_nothing_is_clipped_with_strings_forty_percent_longer(qtbot, built_db):
    from desktop.app import build_main_window

    i18n.activate("pseudo")
    window = build_main_window(built_db)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    assert window.width() == 1366
    window.show_jurisdiction("AZ")
    problems = {"page": clipped(window)}
    window.show_screener()
    window.screener.choose_place("AZ")
    for label in window.screener.extra.values():
        window.screener.form.setRowVisible(label, True)
    problems["screener"] = clipped(window)
    assert not any(problems.values()), problems
