"""Pieces shared by the HTML pages (detail page, overview, later handouts): style, numbered
source references, caveats, the sources list and the footer. Pure functions, no widgets."""

from __future__ import annotations

from markupsafe import Markup

from desktop import strings
from desktop.data.records import Caveat, DataInfo, Source
from desktop.domain import wording
from desktop.pages.colors import LIGHT, PageColors


def style(colors: PageColors = LIGHT) -> Markup:
    """The pages' style sheet in these colours (from the palette: see colors.py)."""
    return Markup("""
<style>
h1 {{ font-size: xx-large; margin-bottom: 0; }}
h2 {{ font-size: x-large; margin-top: 18px; margin-bottom: 4px; }}
h3 {{ font-size: large; margin-top: 12px; margin-bottom: 2px; }}
a {{ color: {c.link}; }}
.sub {{ color: {c.muted}; }}
.summary {{ font-size: large; }}
.caveat {{ color: {c.caveat}; }}
.label {{ color: {c.muted}; padding-right: 10px; }}
.unknown {{ color: {c.unknown}; font-style: italic; }}
.badge {{ font-weight: bold; }}
.foot {{ color: {c.muted}; font-size: small; }}
</style>
""").format(c=colors)


class Refs:
    """Numbers sources in the order a page first cites them: `refs(ids)` -> '[1, 2]'."""

    def __init__(self, sources: dict[str, Source]):
        self.sources = sources
        self.order: list[str] = []

    def __call__(self, source_ids: tuple[str, ...]) -> Markup:
        marks = []
        for sid in source_ids:
            if sid not in self.order:
                self.order.append(sid)
            n = self.order.index(sid) + 1
            marks.append(Markup('<a href="#src-{n}">{n}</a>').format(n=n))
        if not marks:
            return Markup("")
        return Markup(' <sup class="ref">[{}]</sup>').format(Markup(", ").join(marks))

    def listing(self) -> Markup:
        """The numbered Sources section for everything cited so far."""
        items = []
        for n, sid in enumerate(self.order, start=1):
            src = self.sources[sid]
            line = strings.SOURCE_LINE.format(
                title=src.title, publisher=src.publisher or strings.PUBLISHER_UNKNOWN,
                date=wording.source_date(src))
            url = Markup('<br><span class="sub">{}</span>').format(src.url) if src.url else ""
            items.append(Markup('<li><a name="src-{n}"></a>{line}{url}</li>').format(
                n=n, line=line, url=url))
        return Markup("<h2>{}</h2><ol>{}</ol>").format(strings.H_SOURCES, Markup("").join(items))


def caveats_html(caveats: tuple[Caveat, ...]) -> Markup:
    return Markup("").join(
        Markup('<p class="caveat">⚠ <b>{kind}:</b> {text}</p>').format(
            kind=strings.CAVEAT_KIND[c.kind], text=c.text)
        for c in caveats)


def footer(info: DataInfo | None) -> Markup:
    foot = strings.DISCLAIMER
    if info is not None:
        foot += " " + strings.DATA_AS_OF.format(date=wording.date_text(info.data_as_of))
    return Markup('<p class="foot">{}</p>').format(foot)
