"""The start page: what the app is for, and the national figures with their sources."""

from __future__ import annotations

from markupsafe import Markup

from desktop import strings
from desktop.data.records import DataInfo, NationalFigure, Source
from desktop.domain import wording
from desktop.pages.colors import PageColors
from desktop.pages.parts import Refs, caveats_html, footer, style


def figure_phrase(f: NationalFigure) -> str:
    text = wording.count_phrase(f.count, f.qualifier, f.unit, f.count_high)
    return text[:1].upper() + text[1:]


def _section(f: NationalFigure) -> int:
    """Relief first, then counts of laws, then arrests (context, not relief)."""
    if f.unit in ("states", "jurisdictions"):
        return 1
    return 0 if f.action else 2


def render_overview(figures: list[NationalFigure], sources: dict[str, Source],
                    info: DataInfo | None = None, colors: PageColors | None = None) -> Markup:
    refs = Refs(sources)
    row = Markup('<li><b>{phrase}</b> — {label} <span class="sub">({as_of})</span>{refs}'
                 "{note}{caveats}</li>")
    rows = []
    for f in sorted(figures, key=_section):  # stable: newest first within each section
        rows.append(row.format(
            phrase=figure_phrase(f), label=f.label,
            as_of=strings.AS_OF.format(date=wording.date_text(f.as_of)),
            refs=refs(f.source_ids), note=Markup("<br>{}").format(f.note) if f.note else "",
            caveats=caveats_html(f.caveats)))
    return Markup("").join([
        style(colors) if colors else style(), Markup("<h1>{}</h1>").format(strings.OVERVIEW_TITLE),
        Markup('<p class="summary">{}</p>').format(strings.OVERVIEW_INTRO),
        Markup("<h2>{}</h2>").format(strings.H_NATIONAL),
        Markup('<p class="sub">{}</p>').format(strings.NATIONAL_NOTE),
        Markup("<ul>{}</ul>").format(Markup("").join(rows)), refs.listing(), footer(info),
    ])
