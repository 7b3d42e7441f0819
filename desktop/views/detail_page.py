"""The detail page of one jurisdiction as HTML for a QTextBrowser (and, later, handouts).

A pure function from plain data to text, so it is tested without any window. Every fact
shows where it comes from: a numbered reference to the Sources list at the bottom.
"""

from __future__ import annotations

from html import escape

from desktop import strings
from desktop.data.records import Caveat, DataInfo, JurisdictionDetail, ReliefCount, ReliefPath
from desktop.domain import wording

STYLE = """
<style>
h1 { font-size: 20pt; margin-bottom: 0; }
h2 { font-size: 14pt; margin-top: 18px; margin-bottom: 4px; border-bottom: 1px solid #999; }
h3 { font-size: 12pt; margin-top: 12px; margin-bottom: 2px; }
.sub { color: #555; }
.summary { font-size: 12pt; }
.caveat { color: #7a4b00; }
.ref { font-size: 8pt; }
.label { color: #555; padding-right: 10px; }
.unknown { color: #777; font-style: italic; }
.badge { font-weight: bold; }
.foot { color: #555; font-size: 9pt; }
</style>
"""


class _Refs:
    """Numbers sources in the order the page first cites them."""

    def __init__(self, detail: JurisdictionDetail):
        self.detail = detail
        self.order: list[str] = []

    def __call__(self, source_ids: tuple[str, ...]) -> str:
        marks = []
        for sid in source_ids:
            if sid not in self.order:
                self.order.append(sid)
            n = self.order.index(sid) + 1
            marks.append(f'<a href="#src-{n}">{n}</a>')
        return f' <sup class="ref">[{", ".join(marks)}]</sup>' if marks else ""


def _caveats(caveats: tuple[Caveat, ...]) -> str:
    return "".join(
        f'<p class="caveat">⚠ <b>{escape(strings.CAVEAT_KIND[c.kind])}:</b> {escape(c.text)}</p>'
        for c in caveats)


def _value(value: object) -> str:
    if value is None or value == "":
        return f'<span class="unknown">{escape(strings.UNKNOWN)}</span>'
    return escape(str(value))


def _status(d: JurisdictionDetail, refs: _Refs) -> str:
    s = d.summary
    status = strings.ADULT_USE[s.adult_use]
    if s.adult_use == "legalized":
        how = strings.ADULT_USE_HOW.get(d.adult_use_how or "unknown", "")
        status += f" {how}" if how else ""
        status += f" in {s.adult_use_year}" if s.adult_use_year else ""
    elif s.adult_use == "decriminalized" and d.decriminalized_year:
        status += f" since {d.decriminalized_year}"
    parts = [f"<p><b>{escape(status)}</b>{refs(d.adult_use_source_ids)}"]
    if d.adult_use_detail:
        parts.append(f"<br>{escape(d.adult_use_detail)}")
    parts.append("</p>")
    parts.append(
        f"<p>Marijuana-specific record relief: <b>{strings.YES_NO[s.specific_relief]}</b>"
        f" &nbsp;·&nbsp; Marijuana pardon program: <b>{strings.YES_NO[s.pardon_program]}</b></p>")
    parts.append(_caveats(d.adult_use_caveats))
    return "".join(parts)


def _path(p: ReliefPath, refs: _Refs) -> str:
    label = strings.FIELD_LABELS
    rows = [
        ("mechanism", strings.MECHANISM[p.mechanism]),
        ("offenses", p.offenses), ("limits", p.limits),
        ("waiting_period", p.waiting_period), ("fee", p.fee),
        ("handled_by", p.handled_by), ("how_to_apply", p.how_to_apply),
        ("enacted_year", p.enacted_year), ("citation", p.citation),
    ]
    if p.conditions:
        rows.insert(3, ("conditions", p.conditions))
    table = "".join(
        f'<tr><td class="label" valign="top">{escape(label[key])}</td><td>{_value(value)}</td></tr>'
        for key, value in rows)
    return (f"<h3>{escape(p.name)}{refs(p.source_ids)}</h3>"
            f'<p class="sub"><span class="badge">{escape(strings.RELIEF_KIND[p.kind])}</span>'
            f" · {escape(strings.MECHANISM_SHORT[p.mechanism])}</p>"
            f'<table cellspacing="2">{table}</table>{_caveats(p.caveats)}')


def _count(c: ReliefCount, refs: _Refs, differs: bool) -> str:
    bits = [f"<b>{escape(wording.count_sentence(c))}</b>",
            f' <span class="sub">({escape(strings.AS_OF.format(date=wording.date_text(c.as_of)))}'
            f'{", " + strings.OFFICIAL if c.official else ""})</span>', refs(c.source_ids)]
    if differs:
        bits.append(f' <span class="caveat">— {escape(strings.SOURCES_DIFFER)}</span>')
    if c.note:
        bits.append(f"<br>{escape(c.note)}")
    return f"<li>{''.join(bits)}{_caveats(c.caveats)}</li>"


def _counts(d: JurisdictionDetail, refs: _Refs) -> str:
    if not d.counts:
        return f'<p class="unknown">{escape(strings.NO_COUNTS)}</p>'
    groups: dict[str, int] = {}
    for c in d.counts:
        if c.conflict_group:
            groups[c.conflict_group] = groups.get(c.conflict_group, 0) + 1
    return "<ul>" + "".join(
        _count(c, refs, groups.get(c.conflict_group or "", 0) > 1) for c in d.counts) + "</ul>"


def _sources(d: JurisdictionDetail, refs: _Refs) -> str:
    items = []
    for n, sid in enumerate(refs.order, start=1):
        src = d.sources[sid]
        line = strings.SOURCE_LINE.format(
            title=escape(src.title), publisher=escape(src.publisher or "publisher unknown"),
            date=escape(wording.source_date(src)))
        url = f'<br><span class="sub">{escape(src.url)}</span>' if src.url else ""
        items.append(f'<li><a name="src-{n}"></a>{line}{url}</li>')
    return f"<h2>{strings.H_SOURCES}</h2><ol>{''.join(items)}</ol>"


def render_detail(d: JurisdictionDetail, info: DataInfo | None = None) -> str:
    """HTML for the detail pane of one jurisdiction."""
    refs = _Refs(d)
    s = d.summary
    relief = [p for p in d.paths if p.kind != "pardon"]
    pardons = [p for p in d.paths if p.kind == "pardon"]
    html = [STYLE, f"<h1>{escape(s.name)}</h1>",
            f'<p class="sub">{escape(strings.JURISDICTION_KIND[s.kind])} · {escape(s.code)}</p>',
            f'<p class="summary">{escape(d.text)}{refs(d.summary_source_ids)}</p>',
            _caveats(d.caveats),
            f"<h2>{strings.H_STATUS}</h2>", _status(d, refs),
            f"<h2>{strings.H_RELIEF}</h2>"]
    html += [_path(p, refs) for p in relief] or [
        f'<p class="unknown">{escape(strings.NO_RELIEF_PATHS)}</p>']
    if pardons:
        html.append(f"<h2>{strings.H_PARDONS}</h2>")
        html += [_path(p, refs) for p in pardons]
    html += [f"<h2>{strings.H_COUNTS}</h2>", _counts(d, refs)]
    if d.notes:
        html.append(f"<h2>{strings.H_NOTES}</h2>")
        html += [f"<p>{escape(n.text)}{refs(n.source_ids)}</p>{_caveats(n.caveats)}"
                 for n in d.notes]
    html.append(_sources(d, refs))
    foot = escape(strings.DISCLAIMER)
    if info is not None:
        foot += " " + escape(f"Data as of {wording.date_text(info.data_as_of)}.")
    html.append(f'<p class="foot">{foot}</p>')
    return "".join(html)
