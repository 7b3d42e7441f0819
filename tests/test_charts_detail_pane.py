"""The detail pane's counts chart opens on demand (issue 16): a compact, named toggle under
the page, closed at first, so a place's "what to do" is not pushed below the fold and no
figure is drawn until asked; the counts are in the page's text either way; the choice holds
for the session only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop import strings
from desktop.domain import wording
from desktop.views.counts_chart import JurisdictionCountsChart


@pytest.fixture(autouse=True)
def _closed_at_first(monkeypatch):
    """Each test starts as a new session would (the choice lives on the class)."""
    monkeypatch.setattr(JurisdictionCountsChart, "opened_this_session", False)


def counts_chart(qtbot, window, code: str) -> JurisdictionCountsChart:
    window.show_jurisdiction(code)
    qtbot.waitUntil(lambda: window.page.counts_chart is not None
                    and window.page.counts_chart._detail is not None
                    and window.page.counts_chart._detail.code == code)
    return window.page.counts_chart


def test_closed_by_default_a_compact_named_toggle_and_no_figure(qtbot, window):
    chart = counts_chart(qtbot, window, "AZ")
    qtbot.waitUntil(chart.isVisible)
    assert not chart.is_open() and chart.canvas is None
    toggle = chart.toggle
    assert toggle.isVisible() and toggle.text() == strings.COUNTS_CHART_SHOW
    assert toggle.accessibleName() == strings.COUNTS_CHART_SHOW
    assert toggle.accessibleDescription()
    assert toggle.focusPolicy() & Qt.FocusPolicy.TabFocus
    # Compact: a line under the page, the page keeps the room.
    assert chart.height() <= toggle.sizeHint().height() + 4
    assert window.detail.height() > 10 * chart.height()


def test_the_counts_are_in_the_page_text_while_the_chart_is_closed(qtbot, window, repo):
    counts_chart(qtbot, window, "AZ")
    text = window.detail.toPlainText()
    for count in repo.jurisdiction("AZ").counts:
        assert wording.count_sentence(count) in text, count.id


def test_opening_draws_the_chart_with_its_name_and_description(qtbot, window, repo):
    chart = counts_chart(qtbot, window, "AZ")
    qtbot.waitUntil(chart.isVisible)
    chart.toggle.setFocus()
    qtbot.keyClick(chart.toggle, Qt.Key.Key_Space)           # the keyboard opens it
    assert chart.is_open() and chart.canvas is not None
    qtbot.waitUntil(chart.canvas.isVisible)
    assert chart.toggle.text() == chart.toggle.accessibleName() == strings.COUNTS_CHART_HIDE
    az = repo.jurisdiction("AZ")
    gids = {line.get_gid() for ax in chart.canvas.figure.axes for line in ax.lines}
    assert gids >= {f"count:{c.id}" for c in az.counts}
    assert chart.canvas.accessibleName() == strings.CHART_COUNTS_TITLE.format(name="Arizona")
    description = chart.canvas.accessibleDescription()
    assert description.startswith("Arizona: reported counts from 20")
    qtbot.waitUntil(lambda: chart.canvas.height() >= 140)
    # Closing hides the canvas again; the toggle stays.
    qtbot.keyClick(chart.toggle, Qt.Key.Key_Space)
    assert not chart.is_open() and not chart.canvas.isVisible()
    assert chart.toggle.text() == strings.COUNTS_CHART_SHOW


def test_the_choice_holds_for_the_next_pages_and_windows_of_the_session(qtbot, window,
                                                                         built_db):
    chart = counts_chart(qtbot, window, "AZ")
    chart.set_open(True)
    chart = counts_chart(qtbot, window, "MO")                  # the next place: open, drawn
    assert chart.is_open()
    title = chart.canvas.figure.axes[0].get_title(loc="left")
    assert title == strings.CHART_COUNTS_TITLE.format(name="Missouri")
    counts_chart(qtbot, window, "AL")                          # no counts: nothing shown
    assert chart.isHidden()

    from desktop.app import build_main_window

    second = build_main_window(built_db)                       # e.g. after a language switch
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert counts_chart(qtbot, second, "AZ").is_open()
    # Only for this session: nothing about it is written to the settings.
    window.settings.sync()
    assert not [k for k in window.settings.allKeys() if "count" in k.lower()]


def test_a_palette_change_redraws_only_an_open_chart(qtbot, window):
    from desktop.views.palette import theme_from_palette

    chart = counts_chart(qtbot, window, "AZ")
    chart.set_theme(theme_from_palette(window.palette()))     # closed: still nothing drawn
    assert chart.canvas is None
    chart.set_open(True)
    chart.set_theme({"background": "#202020", "foreground": "#eeeeee"})
    face = chart.canvas.figure.get_facecolor()
    assert face[:3] == pytest.approx((0x20 / 255,) * 3)
