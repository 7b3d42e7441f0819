"""The detail page of one jurisdiction as HTML for a QTextBrowser (and, later, handouts).

A pure function from plain data to text, so it is tested without any window. Every fact
shows where it comes from: a numbered reference to the Sources list at the bottom.
"""

from __future__ import annotations

from desktop.html_text import escape

from desktop import strings
from desktop.data.records import DataInfo, JurisdictionDetail, ReliefCount, ReliefPath
from desktop.data.userdata import LocalNote
from desktop.domain import wording
from desktop.views.page_parts import STYLE, Refs, caveats_html, footer

LATEST_COUNTS = 3  # reports shown before "Older and other reports"

def _value(value: object) -> str:
    if value is None or value == "":
        return f'<span class="unknown">{escape(strings.UNKNOWN)}</span>'
    return escape(str(value))


def _status(d: JurisdictionDetail, refs: Refs) -> str:
    s = d.summary
    parts = [f"<p><b>{escape(wording.legal_status(d))}</b>{refs(d.adult_use_source_ids)}"]
    if d.adult_use_detail:
        parts.append(f"<br>{escape(d.adult_use_detail)}")
    parts.append("</p>")
    parts.append(
        f"<p>{strings.SPECIFIC_RELIEF_LINE} <b>{strings.YES_NO[s.specific_relief]}</b>"
        f" &nbsp;·&nbsp; {strings.PARDON_PROGRAM_LINE} <b>{strings.YES_NO[s.pardon_program]}</b></p>")
    parts.append(caveats_html(d.adult_use_caveats))
    return "".join(parts)


def _path(p: ReliefPath, refs: Refs) -> str:
    label = strings.FIELD_LABELS
    rows = [
        ("mechanism", strings.MECHANISM[p.mechanism]),
        ("offenses", p.offenses), ("limits", p.limits),
        ("waiting_period", p.waiting_period), ("fee", p.fee),
        ("handled_by", p.handled_by), ("how_to_apply", p.how_to_apply),
        ("enacted_year", p.enacted_year), ("citation", p.citation),
    ]
    if p.form:
        rows.insert(rows.index(("how_to_apply", p.how_to_apply)) + 1, ("form", p.form.url))
    if p.conditions:
        rows.insert(3, ("conditions", p.conditions))
    table = "".join(
        f'<tr><td class="label" valign="top">{escape(label[key])}</td><td>{_value(value)}'
        f'{refs((p.form.source_id,)) if key == "form" and p.form else ""}</td></tr>'
        for key, value in rows)
    return (f"<h3>{escape(p.name)}{refs(p.source_ids)}</h3>"
            f'<p class="sub"><span class="badge">{escape(strings.RELIEF_KIND[p.kind])}</span>'
            f" · {escape(strings.MECHANISM_SHORT[p.mechanism])}</p>"
            f'<table cellspacing="2">{table}</table>{caveats_html(p.caveats)}')


def place_as_of(d: JurisdictionDetail) -> str:
    """'Facts for Texas checked as of June 2024.' (or why there is no such date)."""
    if d.as_of:
        return strings.PLACE_AS_OF.format(place=d.name, date=wording.date_text(d.as_of))
    return strings.PLACE_AS_OF_NONE.format(place=d.name)


def _official_help(d: JurisdictionDetail, refs: Refs) -> str:
    lines = [(template, link) for template, link in ((strings.LINK_SELF_HELP, d.self_help),
                                                    (strings.LINK_LEGAL_AID, d.legal_aid))
             if link is not None]
    if not lines:
        return ""
    items = "".join(f"<li>{escape(template.format(url=link.url))}{refs((link.source_id,))}</li>"
                    for template, link in lines)
    return f"<h2>{escape(strings.H_OFFICIAL_HELP)}</h2><ul>{items}</ul>"


def _count_line(c: ReliefCount, refs: Refs) -> str:
    official = f", {strings.OFFICIAL}" if c.official else ""
    as_of = strings.AS_OF.format(date=wording.date_text(c.as_of))
    line = (f"<b>{escape(wording.count_sentence(c))}</b>"
            f' <span class="sub">({escape(as_of)}{official})</span>{refs(c.source_ids)}')
    if c.note:
        line += f"<br>{escape(c.note)}"
    return line + caveats_html(c.caveats)


def _count_items(counts: tuple[ReliefCount, ...]) -> list[list[ReliefCount]]:
    """Counts grouped: each conflict group is one item (its reports newest first); items
    newest first. The repository already orders counts newest first."""
    items: list[list[ReliefCount]] = []
    by_group: dict[str, list[ReliefCount]] = {}
    for c in counts:
        if c.conflict_group and c.conflict_group in by_group:
            by_group[c.conflict_group].append(c)
            continue
        item = [c]
        if c.conflict_group:
            by_group[c.conflict_group] = item
        items.append(item)
    return items


def _count_item(item: list[ReliefCount], refs: Refs) -> str:
    if len(item) == 1:
        return f"<li>{_count_line(item[0], refs)}</li>"
    lines = "".join(f"<li>{_count_line(c, refs)}</li>" for c in item)
    return (f'<li><span class="caveat"><b>{escape(strings.SOURCES_DIFFER)}:</b> '
            f"{escape(strings.SOURCES_DIFFER_EXPLAINED)}</span><ul>{lines}</ul></li>")


def _counts(d: JurisdictionDetail, refs: Refs) -> str:
    """Newest reports first; the rest under 'Older and other reports'."""
    if not d.counts:
        return f'<p class="unknown">{escape(strings.NO_COUNTS)}</p>'
    items = _count_items(d.counts)
    latest, older = items[:LATEST_COUNTS], items[LATEST_COUNTS:]
    html = "<ul>" + "".join(_count_item(i, refs) for i in latest) + "</ul>"
    if older:
        html += (f"<h3>{escape(strings.COUNT_HISTORY)}</h3><ul>"
                 + "".join(_count_item(i, refs) for i in older) + "</ul>")
    return html


def _local_notes(d: JurisdictionDetail, notes: list[LocalNote] | None,
                 notes_off: str | None) -> str:
    """The clinic's own notes, with links to add, edit and delete (handled by the window)."""
    if notes is None and not notes_off:
        return ""  # no notes store in play (e.g. a printed page)
    html = [f"<h2>{escape(strings.H_LOCAL_NOTES)}</h2>"]
    if notes is None:
        html.append(f'<p class="unknown">{escape(strings.LOCAL_NOTES_OFF.format(reason=notes_off or ""))}</p>')
        return "".join(html)
    if not notes:
        html.append(f'<p class="unknown">{escape(strings.LOCAL_NOTES_EMPTY.format(place=d.name))}</p>')
    for note in notes:
        text = escape(note.text).replace("\n", "<br>")
        updated = strings.LOCAL_NOTE_UPDATED.format(date=wording.date_text(note.updated[:10]))
        html.append(f'<p>{text}<br><span class="sub">{escape(updated)} · '
                    f'<a href="relief:note-edit/{note.id}">{strings.LINK_EDIT}</a> · '
                    f'<a href="relief:note-delete/{note.id}">{strings.LINK_DELETE}</a></span></p>')
    html.append(f'<p><a href="relief:note-add">{escape(strings.LINK_ADD_NOTE)}</a></p>')
    return "".join(html)


def render_detail(d: JurisdictionDetail, info: DataInfo | None = None,
                  local_notes: list[LocalNote] | None = None, bookmarked: bool = False,
                  notes_off: str | None = None) -> str:
    """HTML for the detail pane of one jurisdiction, with the clinic's notes (and links to
    edit them) when `local_notes` is a list; `notes_off` says why notes are unavailable."""
    refs = Refs(d.sources)
    s = d.summary
    relief = [p for p in d.paths if p.kind != "pardon"]
    pardons = [p for p in d.paths if p.kind == "pardon"]
    html = [STYLE, f"<h1>{escape(s.name)}</h1>",
            f'<p class="sub">{escape(strings.JURISDICTION_KIND[s.kind])} · {escape(s.code)}'
            f'{" · " + strings.BOOKMARKED if bookmarked else ""}</p>',
            f'<p class="sub">{escape(place_as_of(d))}</p>',
            f'<p class="summary">{escape(d.text)}{refs(d.summary_source_ids)}</p>',
            caveats_html(d.caveats),
            f"<h2>{strings.H_STATUS}</h2>", _status(d, refs),
            f"<h2>{strings.H_RELIEF}</h2>"]
    html += [_path(p, refs) for p in relief] or [
        f'<p class="unknown">{escape(strings.NO_RELIEF_PATHS)}</p>']
    if pardons:
        html.append(f"<h2>{strings.H_PARDONS}</h2>")
        html += [_path(p, refs) for p in pardons]
    html.append(_official_help(d, refs))
    html.append(_local_notes(d, local_notes, notes_off))
    html += [f"<h2>{strings.H_COUNTS}</h2>", _counts(d, refs)]
    if d.notes:
        html.append(f"<h2>{strings.H_NOTES}</h2>")
        html += [f"<p>{escape(n.text)}{refs(n.source_ids)}</p>{caveats_html(n.caveats)}"
                 for n in d.notes]
    html += [refs.listing(), footer(info)]
    return "".join(html)
