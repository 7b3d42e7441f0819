"""Finding things fast, as a volunteer does it: filters with counts, sorting, history, find in
page, zoom, and settings that survive a restart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel

from desktop.app import build_main_window
from desktop.models.jurisdiction_list import CODE_ROLE


def shown_codes(window) -> list[str]:
    model = window.jurisdiction_list.model()
    return [model.index(r, 0).data(CODE_ROLE) for r in range(model.rowCount())]


def click_box(qtbot, box: QCheckBox) -> None:
    """Click the tick box itself, as a person does (not the empty width beside the label)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def facet_count(box: QCheckBox) -> int:
    return int(box.text().rsplit("(", 1)[1].rstrip(")"))


def test_automatic_filter_shows_only_automatic_states_and_its_count(qtbot, window, repo):
    box = window.findChild(QCheckBox, "filterAutomatic")
    expected = facet_count(box)
    click_box(qtbot, box)
    codes = shown_codes(window)
    assert len(codes) == expected > 0
    assert "MO" in codes and "NJ" in codes and "AZ" not in codes and "AL" not in codes
    for code in codes:
        detail = repo.jurisdiction(code)
        assert any(p.mechanism == "automatic" and p.kind != "pardon" for p in detail.paths)
    label = window.findChild(QLabel, "shownCount")
    assert label.text() == f"{expected} of 56 shown"


def test_facet_counts_follow_the_other_filters(qtbot, window):
    pardon = window.findChild(QCheckBox, "filterPardon")
    automatic = window.findChild(QCheckBox, "filterAutomatic")
    before = facet_count(pardon)
    click_box(qtbot, automatic)
    assert facet_count(pardon) <= before
    click_box(qtbot, pardon)
    assert len(shown_codes(window)) == facet_count(pardon)


def test_no_specific_relief_and_petition_filters(qtbot, window):
    click_box(qtbot, window.findChild(QCheckBox, "filterNoRelief"))
    codes = shown_codes(window)
    assert "AL" in codes and "FL" in codes and "MO" not in codes
    click_box(qtbot, window.findChild(QCheckBox, "filterNoRelief"))
    click_box(qtbot, window.findChild(QCheckBox, "filterPetition"))
    assert "AZ" in shown_codes(window)


def test_adult_use_filter(qtbot, window, repo):
    combo = window.findChild(QComboBox, "adultUseFilter")
    combo.setCurrentIndex(combo.findData("decriminalized"))
    codes = shown_codes(window)
    statuses = {s.code: s.adult_use for s in repo.jurisdictions()}
    assert codes and all(statuses[c] == "decriminalized" for c in codes)
    assert f"({len(codes)})" in combo.currentText()


def test_sort_by_most_relief_reported(qtbot, window, repo):
    combo = window.findChild(QComboBox, "sortOrder")
    combo.setCurrentIndex(combo.findData("relieved"))
    codes = shown_codes(window)
    values = {s.code: s.most_relieved for s in repo.jurisdictions()}
    ranked = [values[c] for c in codes if values[c] is not None]
    assert ranked == sorted(ranked, reverse=True) and ranked
    assert values[codes[0]] == max(v for v in values.values() if v is not None)
    combo.setCurrentIndex(combo.findData("name"))
    assert shown_codes(window)[:3] == ["AL", "AK", "AZ"]


def test_back_and_forward_with_keys_and_mouse_buttons(qtbot, window):
    window.show_jurisdiction("AZ")
    window.show_jurisdiction("MO")
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_code() == "AZ"
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_code() == "MO"
    qtbot.mouseClick(window.detail.viewport(), Qt.MouseButton.BackButton)
    assert window.current_code() == "AZ"
    qtbot.mouseClick(window.jurisdiction_list.viewport(), Qt.MouseButton.ForwardButton)
    assert window.current_code() == "MO"
    qtbot.mouseClick(window.detail.viewport(), Qt.MouseButton.BackButton)
    qtbot.mouseClick(window.detail.viewport(), Qt.MouseButton.BackButton)
    assert window.current_code() is None  # back to the overview page
    assert "National figures" in window.detail.toPlainText()
    assert not window.back_action.isEnabled() and window.forward_action.isEnabled()


def test_find_in_page_highlights_all_and_steps(qtbot, window):
    window.show_jurisdiction("MO")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    bar = window.page.find_bar
    qtbot.waitUntil(bar.field.hasFocus)
    qtbot.keyClicks(bar.field, "petition")
    total = bar.match_count()
    assert total >= 2
    assert len(window.detail.extraSelections()) == total
    assert bar.status.text() == f"1 of {total}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.status.text() == f"2 of {total}"
    assert window.detail.textCursor().selectedText().lower() == "petition"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and window.detail.extraSelections() == []


def test_find_in_page_says_when_nothing_matches(qtbot, window):
    window.show_jurisdiction("MO")
    window.page.find_bar.open_bar()
    qtbot.keyClicks(window.page.find_bar.field, "zzzz")
    assert window.page.find_bar.status.text() == "Not on this page"


def test_zoom_keys_change_text_size(qtbot, window):
    size = window.detail.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.detail.font().pointSizeF() == size + 2
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.page.zoom_level() == 1
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.detail.font().pointSizeF() == size


def test_zoom_geometry_and_last_jurisdiction_survive_a_restart(qtbot, built_db):
    first = build_main_window(built_db)
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 560)  # within the offscreen screen (800x600): restore clamps to it
    first.zoom(3)
    first.show_jurisdiction("WA")
    first.close()
    second = build_main_window(built_db)
    qtbot.addWidget(second)
    assert second.page.zoom_level() == 3
    assert second.last_jurisdiction() is None  # the next person does not see the last page
    second.window_settings.set_reopen_last(True)  # unless the clinic chose it
    assert second.last_jurisdiction() == "WA"
    assert (second.width(), second.height()) == (760, 560)


@pytest.mark.parametrize("args, expected", [(["--open", "az"], "AZ")])
def test_open_code_on_the_command_line(args, expected, built_db):
    from tests.conftest import run_app

    # --smoke-test honours --open: it shows that jurisdiction instead of the default.
    result = run_app("--smoke-test", "--db", str(built_db), *args)
    assert result.returncode == 0, result.stderr
    assert f"{expected} shown" in result.stdout


def test_filter_proxy_passes_qtmodeltester(qtmodeltester, qtbot, window):
    click_box(qtbot, window.findChild(QCheckBox, "filterPardon"))
    qtmodeltester.check(window.filter_model)


def test_home_is_a_step_back_can_undo(window):
    window.show_jurisdiction("AZ")
    window.home_action.trigger()
    assert window.current_code() is None
    window.back_action.trigger()
    assert window.current_code() == "AZ"
