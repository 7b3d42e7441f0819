"""The start page: what the app is for, and the national figures with their sources."""

from __future__ import annotations

from desktop.html_text import escape

from desktop import strings
from desktop.data.records import DataInfo, NationalFigure, Source
from desktop.domain import wording
from desktop.views.page_parts import STYLE, Refs, caveats_html, footer


def figure_phrase(f: NationalFigure) -> str:
    text = wording.count_phrase(f.count, f.qualifier, f.unit, f.count_high)
    return text[:1].upper() + text[1:]


def _section(f: NationalFigure) -> int:
    """Relief first, then counts of laws, then arrests (context, not relief)."""
    if f.unit in ("states", "jurisdictions"):
        return 1
    return 0 if f.action else 2


def render_overview(figures: list[NationalFigure], sources: dict[str, Source],
                    info: DataInfo | None = None) -> str:
    refs = Refs(sources)
    rows = []
    for f in sorted(figures, key=_section):  # stable: newest first within each section
        as_of = strings.AS_OF.format(date=wording.date_text(f.as_of))
        note = f"<br>{escape(f.note)}" if f.note else ""
        rows.append(f"<li><b>{escape(figure_phrase(f))}</b> — {escape(f.label)}"
                    f' <span class="sub">({escape(as_of)})</span>{refs(f.source_ids)}'
                    f"{note}{caveats_html(f.caveats)}</li>")
    return "".join([
        STYLE, f"<h1>{escape(strings.OVERVIEW_TITLE)}</h1>",
        f'<p class="summary">{escape(strings.OVERVIEW_INTRO)}</p>',
        f"<h2>{escape(strings.H_NATIONAL)}</h2>",
        f'<p class="sub">{escape(strings.NATIONAL_NOTE)}</p>',
        "<ul>", *rows, "</ul>", refs.listing(), footer(info),
    ])
