"""Pieces shared by the HTML pages (detail page, overview, later handouts): style, numbered
source references, caveats, the sources list and the footer. Pure functions, no widgets."""

from __future__ import annotations

from desktop.html_text import escape

from desktop import strings
from desktop.data.records import Caveat, DataInfo, Source
from desktop.domain import wording

STYLE = """
<style>
h1 { font-size: xx-large; margin-bottom: 0; }
h2 { font-size: x-large; margin-top: 18px; margin-bottom: 4px; }
h3 { font-size: large; margin-top: 12px; margin-bottom: 2px; }
.sub { color: #555; }
.summary { font-size: large; }
.caveat { color: #7a4b00; }
.ref { }
.label { color: #555; padding-right: 10px; }
.unknown { color: #777; font-style: italic; }
.badge { font-weight: bold; }
.foot { color: #555; font-size: small; }
</style>
"""


class Refs:
    """Numbers sources in the order a page first cites them: `refs(ids)` -> '[1, 2]'."""

    def __init__(self, sources: dict[str, Source]):
        self.sources = sources
        self.order: list[str] = []

    def __call__(self, source_ids: tuple[str, ...]) -> str:
        marks = []
        for sid in source_ids:
            if sid not in self.order:
                self.order.append(sid)
            n = self.order.index(sid) + 1
            marks.append(f'<a href="#src-{n}">{n}</a>')
        return f' <sup class="ref">[{", ".join(marks)}]</sup>' if marks else ""

    def listing(self) -> str:
        """The numbered Sources section for everything cited so far."""
        items = []
        for n, sid in enumerate(self.order, start=1):
            src = self.sources[sid]
            line = strings.SOURCE_LINE.format(
                title=escape(src.title), publisher=escape(src.publisher or strings.PUBLISHER_UNKNOWN),
                date=escape(wording.source_date(src)))
            url = f'<br><span class="sub">{escape(src.url)}</span>' if src.url else ""
            items.append(f'<li><a name="src-{n}"></a>{line}{url}</li>')
        return f"<h2>{strings.H_SOURCES}</h2><ol>{''.join(items)}</ol>"


def caveats_html(caveats: tuple[Caveat, ...]) -> str:
    return "".join(
        f'<p class="caveat">⚠ <b>{escape(strings.CAVEAT_KIND[c.kind])}:</b> {escape(c.text)}</p>'
        for c in caveats)


def footer(info: DataInfo | None) -> str:
    foot = escape(strings.DISCLAIMER)
    if info is not None:
        foot += " " + escape(strings.DATA_AS_OF.format(date=wording.date_text(info.data_as_of)))
    return f'<p class="foot">{foot}</p>'
