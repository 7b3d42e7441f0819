"""Page colours come from the palette and every text colour reads at 4.5:1 or more against
its background, in a light and a dark palette (computed from the rendered HTML)."""

from __future__ import annotations

import datetime
import re

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QTextBrowser

from desktop.domain import screener
from desktop.pages.colors import MIN_CONTRAST, contrast, page_colors
from desktop.pages.detail import render_detail
from desktop.pages.overview import render_overview
from desktop.pages.screening import render_screening
from desktop.views.palette import page_colors_of

PALETTES = {"light": ("#ffffff", "#000000"), "dark": ("#1e1e1e", "#eeeeee"),
            "dark-blue": ("#0d1b2a", "#e0e1dd"), "grey": ("#f0f0f0", "#202020")}


def colours_used(html: str) -> tuple[set[str], set[str]]:
    """Text colours (CSS `color:`) and background colours (`bgcolor`, `background-color`)."""
    text = set(re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})", html))
    backgrounds = set(re.findall(r'(?:bgcolor="|background-color:\s*)(#[0-9a-fA-F]{3,6})', html))
    return text, backgrounds


@pytest.fixture
def pages(repo):
    def render(colors):
        detail = repo.jurisdiction("MO")
        situation = screener.Situation("MO", offense="possession", year=2016)
        results = screener.screen(situation, detail, repo.jurisdiction("US"),
                                  today=datetime.date(2026, 12, 4))
        assert results
        return {
            "detail": render_detail(detail, repo.info, local_notes=[], colors=colors),
            "overview": render_overview(repo.national_figures(), repo.sources(), repo.info,
                                        colors=colors),
            "screening": render_screening(situation, detail, results, ["note"], colors=colors),
        }
    return render


@pytest.mark.parametrize("name", PALETTES)
def test_every_text_colour_reads_on_every_background(pages, name):
    background, text = PALETTES[name]
    colors = page_colors(background, text)
    for page, html in pages(colors).items():
        fg, bg = colours_used(html)
        assert fg, page
        verdicts = {colors.likely, colors.may, colors.no}  # whichever verdicts a case gets
        for surface in bg | {background}:
            for colour in fg | {text} | verdicts:
                assert contrast(colour, surface) >= MIN_CONTRAST, (name, page, colour, surface)


def test_dark_palette_gives_light_text_colours_and_a_dark_notice_box(qapp):
    browser = QTextBrowser()
    palette = browser.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    browser.setPalette(palette)
    colors = page_colors_of(browser)
    assert colors.background == "#1e1e1e"
    assert contrast(colors.notice_bg, "#eeeeee") >= MIN_CONTRAST  # the box stays dark
    assert contrast(colors.caveat, colors.notice_bg) >= MIN_CONTRAST
    light = page_colors_of(QTextBrowser())
    assert light.caveat != colors.caveat


def test_a_colour_that_would_not_read_is_nudged_until_it_does():
    colors = page_colors("#777777", "#ffffff")  # a mid-grey page: nothing reads by default
    for value in (colors.muted, colors.caveat, colors.likely, colors.no, colors.link):
        assert contrast(value, "#777777") >= MIN_CONTRAST or value == "#ffffff"


@pytest.mark.parametrize("name", ["light", "dark", "dark-blue", "grey"])
def test_the_screeners_notes_under_a_field_read_in_every_palette(qtbot, repo, name):
    from desktop.views.screener_view import ScreenerView

    background, text = PALETTES[name]
    view = ScreenerView(repo.jurisdictions(), repo.jurisdiction)
    qtbot.addWidget(view)
    palette = view.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(background))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
    view.setPalette(palette)
    view.choose_place("AZ")
    for typed, label in (("2 oz", view.amount_note), ("next year", view.year_note)):
        field = view.amount if label is view.amount_note else view.year
        field.setText(typed)
        assert label.isVisibleTo(view) and label.text()
        colour = re.search(r"color:\s*(#[0-9a-fA-F]{6})", label.styleSheet()).group(1)
        assert contrast(colour, background) >= MIN_CONTRAST, (typed, colour, background)


@pytest.mark.parametrize("page, colour", [("MO", "caveat"), (None, "muted")])
def test_switching_to_a_dark_palette_redraws_the_page_in_dark_colours(window, qtbot, qapp,
                                                                      page, colour):
    """A place's page and the start page (which used to raise: History.current was called
    as a method) are drawn again in the dark colours."""
    if page:
        window.show_jurisdiction(page)
    else:
        window.show_overview()
    light = window.detail.toHtml()
    palette = qapp.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    original = qapp.palette()
    try:
        qapp.setPalette(palette)
        qtbot.waitUntil(lambda: window.detail.toHtml() != light)
        dark = getattr(page_colors("#1e1e1e", "#eeeeee"), colour)
        assert dark.lower() in window.detail.toHtml().lower()
    finally:
        qapp.setPalette(original)
