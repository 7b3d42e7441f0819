"""HTML is escaped by construction: text with `<b>&"'` in any data field, or in any string a
translator could change, shows literally on every page and handout and never becomes markup."""

from __future__ import annotations

import dataclasses
import datetime

import pytest
from PySide6.QtGui import QTextDocument

from desktop import strings
from desktop.data.place_records import (
    JurisdictionDetail,
    Note,
    OfficialLink,
    ReliefCount,
    ReliefPath,
)
from desktop.data.records import Caveat, JurisdictionSummary, LocalNote, NationalFigure, Source
from desktop.domain import screener
from desktop.pages.detail import render_detail
from desktop.pages.overview import render_overview
from desktop.pages.screening import render_screening
from desktop.printing import handout

HOSTILE = "<b>&\"'"

# The free-text fields of each record (codes such as `kind` or `unit` are keys, not text).
TEXT_FIELDS = {
    JurisdictionSummary: ("name",),
    JurisdictionDetail: ("text", "adult_use_detail"),
    ReliefPath: ("name", "offenses", "limits", "waiting_period", "fee", "handled_by",
                 "citation", "how_to_apply", "conditions", "amount_text"),
    ReliefCount: ("note",),
    NationalFigure: ("label", "note"),
    Note: ("text",),
    Caveat: ("text",),
    Source: ("title", "publisher", "url", "date_text"),
    OfficialLink: ("url",),
}


def poison(value):
    """The same records with HOSTILE in front of every free-text field, all the way down."""
    if isinstance(value, tuple):
        return tuple(poison(v) for v in value)
    if isinstance(value, list):
        return [poison(v) for v in value]
    if isinstance(value, dict):
        return {k: poison(v) for k, v in value.items()}
    if not dataclasses.is_dataclass(value):
        return value
    changes = {}
    for f in dataclasses.fields(value):
        current = getattr(value, f.name)
        if f.name in TEXT_FIELDS.get(type(value), ()) and isinstance(current, str):
            changes[f.name] = HOSTILE + current
        elif isinstance(current, (tuple, list, dict)) or dataclasses.is_dataclass(current):
            changes[f.name] = poison(current)
    return dataclasses.replace(value, **changes)


def shown(html: str) -> str:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText()


def assert_literal(html: str, at_least: int) -> None:
    assert HOSTILE not in html  # never markup
    assert shown(html).count(HOSTILE) >= at_least  # shown as typed


@pytest.fixture
def poisoned(repo):
    detail = repo.jurisdiction("MO")
    detail = dataclasses.replace(
        detail, self_help=OfficialLink("https://example.org/help", next(iter(detail.sources))))
    return poison(detail)


def test_every_data_field_shows_literally_on_the_page(qapp, repo, poisoned):
    note = LocalNote(id="a" * 32, jurisdiction="MO", text=HOSTILE + "\nline two",
                     created="2026-12-04T10:00:00Z", updated="2026-12-04T10:00:00Z")
    html = render_detail(poisoned, repo.info, local_notes=[note])
    fields = (1 + 2 + 10 * len(poisoned.paths) + len(poisoned.counts) + len(poisoned.notes))
    assert_literal(html, at_least=fields // 2)
    assert f"{HOSTILE}{poisoned.summary.name[len(HOSTILE):]}" in shown(html)


def test_every_figure_shows_literally_on_the_overview(qapp, repo):
    figures = poison(repo.national_figures())
    ids = {sid for f in figures for sid in f.source_ids}
    html = render_overview(figures, poison(repo.sources(ids)), repo.info)
    assert_literal(html, at_least=len(figures))


def test_every_result_field_shows_literally_on_the_screening(qapp, repo, poisoned):
    situation = screener.Situation("MO", offense="possession", year=2016)
    results = screener.screen(situation, poisoned, today=datetime.date(2026, 12, 4))
    html = render_screening(situation, poisoned, results, [HOSTILE + " note"])
    assert_literal(html, at_least=len(results) + 1)


def test_every_data_field_shows_literally_on_the_handout(qapp, repo, poisoned):
    html = handout.handout_html(poisoned, repo.info)
    assert_literal(html, at_least=5)


def _poisoned_strings(monkeypatch) -> int:
    """Every user-facing string in desktop.strings gets HOSTILE in front, as a careless
    translation might; placeholders are kept so templates still format."""
    changed = 0
    for name in dir(strings):
        if not name.isupper():
            continue
        value = getattr(strings, name)
        if isinstance(value, str) and not value.startswith(("<", "{")):
            monkeypatch.setattr(strings, name, HOSTILE + value)
            changed += 1
        elif isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
            monkeypatch.setattr(strings, name, {k: HOSTILE + v for k, v in value.items()})
            changed += 1
    return changed


def test_translated_strings_never_become_markup(qapp, repo, monkeypatch):
    assert _poisoned_strings(monkeypatch) > 100
    detail = repo.jurisdiction("MO")
    situation = screener.Situation("MO", offense="possession", year=2016)
    results = screener.screen(situation, detail, today=datetime.date(2026, 12, 4))
    figures = repo.national_figures()
    pages = {
        "detail": render_detail(detail, repo.info, local_notes=[]),
        "overview": render_overview(figures, repo.sources(), repo.info),
        "screening": render_screening(situation, detail, results, ["a note"]),
        "handout": handout.handout_html(detail, repo.info),
    }
    for name, html in pages.items():
        assert HOSTILE not in html, name
        assert shown(html).count(HOSTILE) >= 5, name
