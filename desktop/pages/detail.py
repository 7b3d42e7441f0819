"""The detail page of one jurisdiction as HTML for a QTextBrowser.

A pure function from plain data to text, so it is tested without any window. Every fact
shows where it comes from: a numbered reference to the Sources list at the bottom.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

from desktop import strings
from desktop.data.records import DataInfo, LocalNote
from desktop.domain import wording
from desktop.pages.colors import PageColors
from desktop.pages.parts import Refs, caveats_html, footer, style

if TYPE_CHECKING:
    from desktop.data.place_records import JurisdictionDetail, ReliefCount, ReliefPath

LATEST_COUNTS = 3  # reports shown before "Older and other reports"
_join = Markup("").join


def _value(value: object) -> Markup:
    if value is None or value == "":
        return Markup('<span class="unknown">{}</span>').format(strings.UNKNOWN)
    return Markup("{}").format(value)


def _status(d: JurisdictionDetail, refs: Refs) -> Markup:
    s = d.summary
    detail = Markup("<br>{}").format(d.adult_use_detail) if d.adult_use_detail else ""
    return Markup(
        "<p><b>{status}</b>{refs}{detail}</p>"
        "<p>{relief_line} <b>{relief}</b> &nbsp;·&nbsp; {pardon_line} <b>{pardon}</b></p>"
        "{caveats}").format(
        status=wording.legal_status(d), refs=refs(d.adult_use_source_ids), detail=detail,
        relief_line=strings.SPECIFIC_RELIEF_LINE, relief=strings.YES_NO[s.specific_relief],
        pardon_line=strings.PARDON_PROGRAM_LINE, pardon=strings.YES_NO[s.pardon_program],
        caveats=caveats_html(d.adult_use_caveats))


def _path(p: ReliefPath, refs: Refs) -> Markup:
    rows: list[tuple[str, object]] = [
        ("mechanism", strings.MECHANISM[p.mechanism]),
        ("offenses", p.offenses), ("limits", p.limits),
        ("waiting_period", p.waiting_period), ("fee", p.fee),
        ("handled_by", p.handled_by), ("how_to_apply", p.how_to_apply),
        ("enacted_year", p.enacted_year), ("citation", p.citation),
    ]
    if p.conditions:
        rows.insert(3, ("conditions", p.conditions))
    if p.form:
        rows.insert(rows.index(("how_to_apply", p.how_to_apply)) + 1, ("form", p.form.url))
    own = refs(p.source_ids)  # the path's sources are numbered before its form's
    row = Markup('<tr><td class="label" valign="top">{label}</td><td>{value}{refs}</td></tr>')
    table = _join(
        row.format(label=strings.FIELD_LABELS[key], value=_value(value),
                   refs=refs((p.form.source_id,)) if key == "form" and p.form else "")
        for key, value in rows)
    return Markup(
        "<h3>{name}{refs}</h3>"
        '<p class="sub"><span class="badge">{kind}</span> · {mechanism}</p>'
        '<table cellspacing="2">{table}</table>{caveats}').format(
        name=p.name, refs=own, kind=strings.RELIEF_KIND[p.kind],
        mechanism=strings.MECHANISM_SHORT[p.mechanism], table=table,
        caveats=caveats_html(p.caveats))


def place_as_of(d: JurisdictionDetail) -> str:
    """'Facts for Texas checked as of June 2024.' (or why there is no such date)."""
    if d.as_of:
        return strings.PLACE_AS_OF.format(place=d.name, date=wording.date_text(d.as_of))
    return strings.PLACE_AS_OF_NONE.format(place=d.name)


def translation_notes(d: JurisdictionDetail) -> list[str]:
    """One line each: the page's translation is unreviewed; parts of it are in English."""
    t = d.translation
    if t is None:
        return []
    notes = []
    if t.unreviewed:
        notes.append(strings.TRANSLATION_UNREVIEWED)
    if t.stale or t.missing:
        notes.append(strings.TRANSLATION_PARTLY_ENGLISH)
    return notes


def _official_help(d: JurisdictionDetail, refs: Refs) -> Markup:
    lines = [(template, link) for template, link in ((strings.LINK_SELF_HELP, d.self_help),
                                                    (strings.LINK_LEGAL_AID, d.legal_aid))
             if link is not None]
    if not lines:
        return Markup("")
    items = _join(Markup("<li>{}{}</li>").format(template.format(url=link.url),
                                                 refs((link.source_id,)))
                  for template, link in lines)
    return Markup("<h2>{}</h2><ul>{}</ul>").format(strings.H_OFFICIAL_HELP, items)


def _count_line(c: ReliefCount, refs: Refs) -> Markup:
    official = f", {strings.OFFICIAL}" if c.official else ""
    as_of = strings.AS_OF.format(date=wording.date_text(c.as_of))
    note = Markup("<br>{}").format(c.note) if c.note else ""
    return Markup('<b>{count}</b> <span class="sub">({as_of}{official})</span>{refs}{note}'
                  "{caveats}").format(
        count=wording.count_sentence(c), as_of=as_of, official=official,
        refs=refs(c.source_ids), note=note, caveats=caveats_html(c.caveats))


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


def _count_item(item: list[ReliefCount], refs: Refs) -> Markup:
    if len(item) == 1:
        return Markup("<li>{}</li>").format(_count_line(item[0], refs))
    lines = _join(Markup("<li>{}</li>").format(_count_line(c, refs)) for c in item)
    return Markup('<li><span class="caveat"><b>{}:</b> {}</span><ul>{}</ul></li>').format(
        strings.SOURCES_DIFFER, strings.SOURCES_DIFFER_EXPLAINED, lines)


def _counts(d: JurisdictionDetail, refs: Refs) -> Markup:
    """Newest reports first; the rest under 'Older and other reports'."""
    if not d.counts:
        return Markup('<p class="unknown">{}</p>').format(strings.NO_COUNTS)
    items = _count_items(d.counts)
    latest, older = items[:LATEST_COUNTS], items[LATEST_COUNTS:]
    html = Markup("<ul>{}</ul>").format(_join(_count_item(i, refs) for i in latest))
    if older:
        html += Markup("<h3>{}</h3><ul>{}</ul>").format(
            strings.COUNT_HISTORY, _join(_count_item(i, refs) for i in older))
    return html


def _local_notes(d: JurisdictionDetail, notes: list[LocalNote] | None,
                 notes_off: str | None) -> Markup:
    """The clinic's own notes, with links to add, edit and delete (handled by the window)."""
    if notes is None and not notes_off:
        return Markup("")  # no notes store in play (e.g. a printed page)
    html = [Markup("<h2>{}</h2>").format(strings.H_LOCAL_NOTES)]
    if notes is None:
        html.append(Markup('<p class="unknown">{}</p>').format(
            strings.LOCAL_NOTES_OFF.format(reason=notes_off or "")))
        return _join(html)
    if not notes:
        html.append(Markup('<p class="unknown">{}</p>').format(
            strings.LOCAL_NOTES_EMPTY.format(place=d.name)))
    for note in notes:
        text = Markup("<br>").join(note.text.split("\n"))
        updated = strings.LOCAL_NOTE_UPDATED.format(date=wording.date_text(note.updated[:10]))
        html.append(Markup(
            '<p>{text}<br><span class="sub">{updated} · '
            '<a href="relief:note-edit/{id}">{edit}</a> · '
            '<a href="relief:note-delete/{id}">{delete}</a></span></p>').format(
            text=text, updated=updated, id=note.id, edit=strings.LINK_EDIT,
            delete=strings.LINK_DELETE))
    html.append(Markup('<p><a href="relief:note-add">{}</a></p>').format(strings.LINK_ADD_NOTE))
    return _join(html)


def render_detail(d: JurisdictionDetail, info: DataInfo | None = None,
                  local_notes: list[LocalNote] | None = None, bookmarked: bool = False,
                  notes_off: str | None = None, colors: PageColors | None = None) -> Markup:
    """HTML for the detail pane of one jurisdiction, with the clinic's notes (and links to
    edit them) when `local_notes` is a list; `notes_off` says why notes are unavailable."""
    refs = Refs(d.sources)
    s = d.summary
    relief = [p for p in d.paths if p.kind != "pardon"]
    pardons = [p for p in d.paths if p.kind == "pardon"]
    kind_line = f"{strings.JURISDICTION_KIND[s.kind]} · {s.code}"
    if bookmarked:
        kind_line += f" · {strings.BOOKMARKED}"
    h2 = Markup("<h2>{}</h2>")
    html = [style(colors) if colors else style(), Markup("<h1>{}</h1>").format(s.name),
            Markup('<p class="sub">{}</p>').format(kind_line),
            Markup('<p class="sub">{}</p>').format(place_as_of(d)),
            *(Markup('<p class="caveat">{}</p>').format(n) for n in translation_notes(d)),
            Markup('<p class="summary">{}{}</p>').format(d.text, refs(d.summary_source_ids)),
            caveats_html(d.caveats),
            h2.format(strings.H_STATUS), _status(d, refs),
            h2.format(strings.H_RELIEF)]
    html += [_path(p, refs) for p in relief] or [
        Markup('<p class="unknown">{}</p>').format(strings.NO_RELIEF_PATHS)]
    if pardons:
        html.append(h2.format(strings.H_PARDONS))
        html += [_path(p, refs) for p in pardons]
    html.append(_official_help(d, refs))
    html.append(_local_notes(d, local_notes, notes_off))
    html += [h2.format(strings.H_COUNTS), _counts(d, refs)]
    if d.notes:
        html.append(h2.format(strings.H_NOTES))
        html += [Markup("<p>{}{}</p>{}").format(n.text, refs(n.source_ids), caveats_html(n.caveats))
                 for n in d.notes]
    html += [refs.listing(), footer(info)]
    return _join(html)
