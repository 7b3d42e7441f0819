"""One-page printable handouts, and printing or PDF of any HTML page, with Qt's own printing.

`handout_html` is the print layout of one jurisdiction (large type, black and white, a ruled
space for handwritten notes); it is a pure function, like the detail page. `write_handout_pdf`
fits it on exactly one page: it lays the page out with QTextDocument on the target device and,
while it overflows, walks down `_ladder` (older counts, background notes, source titles, then
whole sentences of the longest fields, with the type a step smaller in between; "what to do
next" and the summary last), then gives back what still fits and fills the rest of the page
with writing lines. Nothing is ever cut inside a sentence. Every PDF goes through
`desktop.data.files.atomic_path`, so a cancelled or failed export leaves no partial file.

A QGuiApplication must exist (fonts). No browser engine: QTextDocument + QPdfWriter/QPrinter.
"""

from __future__ import annotations

import contextlib
import datetime
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import (
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from desktop import __version__, i18n, strings
from desktop.data.files import FileWriteError, atomic_path
from desktop.data.place_records import JurisdictionDetail, OfficialLink, ReliefCount, ReliefPath
from desktop.data.records import ClinicProfile, DataInfo, LocalNote, Source
from desktop.domain import wording
from desktop.domain.clinic import contact_line
from desktop.html_text import escape
from desktop.pages.detail import translation_notes
from desktop.printing.sentences import first_sentences, sentences

PAGE_SIZES = {"letter": QPageSize.PageSizeId.Letter, "a4": QPageSize.PageSizeId.A4}
DEFAULT_PAGE_SIZE = "letter"
MARGIN_MM = 12.7                 # half an inch: inside every printer's printable area
FONT_FAMILIES = ["Arial", "Helvetica", "Liberation Sans", "DejaVu Sans", "Noto Sans", "sans-serif"]
BODY_PT = 11.5                   # "large, readable": the screen page's default is about 9-10 pt
SMALLEST_BODY_PT = 9.5           # below this the sheet stops being readable; scale instead
NEWEST_COUNTS = 3
MIN_RULES = 4                    # handwritten-note lines that always fit
MAX_RULES = 14

ProgressFn = Callable[[int, int], bool]


class ExportCancelled(Exception):
    """The person cancelled a bulk export; nothing was written."""


# -- the plan: how much of the content fits ---------------------------------------------------
@dataclass(frozen=True)
class _Plan:
    counts: int = NEWEST_COUNTS
    background_notes: int | None = None   # None: all of the data's notes ("Good to know")
    caps: tuple[tuple[str, int], ...] = ()  # (field key, sentences kept) for shortened texts
    sources: str = "full"                 # full | short | bare
    qr: bool = True                       # QR codes beside the official addresses
    local_sentences: int | None = None    # cap on sentences per clinic note
    local_notes: int | None = None        # how many clinic notes (newest first)
    rules: int = MIN_RULES
    body_pt: float = BODY_PT
    clinic: str = "full"                  # full | short (name and phone, on the version's line)

    def cap(self, key: str) -> int | None:
        return dict(self.caps).get(key)


@dataclass(frozen=True)
class HandoutFit:
    """How a handout was fitted on its page (for tests and for the curious)."""

    steps: tuple[str, ...]   # what the page left out or made smaller, e.g. "counts=1"
    body_pt: float
    scale: float             # 1.0 unless even the smallest type overflowed
    rules: int               # handwritten-note lines on the page

    @property
    def shortened(self) -> bool:
        return bool(self.steps)


# Fields of a relief path by when they are given up: the detail of who qualifies and the
# where/fee/wait line first, "what to do next" only after the type has been made smaller.
_DETAIL_FIELDS = ("offenses", "limits", "handled_by", "fee", "waiting_period")
_ACTION_FIELDS = ("how_to_apply",)
_PATH_FIELDS = _DETAIL_FIELDS + _ACTION_FIELDS  # every field of a path a plan may shorten


def _field_key(path_id: str, field: str) -> str:
    return f"{path_id}:{field}"


def _ladder(detail: JurisdictionDetail,
            local_notes: Sequence[LocalNote]) -> Iterator[tuple[str, _Plan]]:
    """Ever shorter versions of the page, in the order a volunteer would give things up."""
    plan = _Plan()

    def step(name: str, **changes) -> tuple[str, _Plan]:
        nonlocal plan
        plan = replace(plan, **changes)
        return name, plan

    def shorten(texts: dict[str, str]) -> Iterator[tuple[str, _Plan]]:
        """Drop the last sentence of whichever text is longest, one sentence at a time."""
        parts = {key: sentences(text) for key, text in texts.items() if text}
        kept = {key: len(p) for key, p in parts.items()}
        while True:
            candidates = [key for key in parts if kept[key] > 1]
            if not candidates:
                return
            key = max(candidates, key=lambda k: (len(" ".join(parts[k][:kept[k]])), k))
            kept[key] -= 1
            caps = {**dict(plan.caps), key: kept[key]}
            yield step(f"{key}={kept[key]}", caps=tuple(caps.items()))

    def fields(names: tuple[str, ...]) -> dict[str, str]:
        return {_field_key(p.id, f): getattr(p, f) or "" for p in detail.paths for f in names}

    for n in range(NEWEST_COUNTS - 1, 0, -1):
        yield step(f"counts={n}", counts=n)
    for n in range(len(detail.notes) - 1, -1, -1):
        yield step(f"background_notes={n}", background_notes=n)
    yield step("sources=short", sources="short")
    yield step("body_pt=11.0", body_pt=11.0)
    yield from shorten(fields(_DETAIL_FIELDS))
    yield step("sources=bare", sources="bare")
    # The clinic's own notes are extra to the law: long ones give way before what to do.
    longest_local = max((len(sentences(n.text)) for n in local_notes), default=0)
    for n in range(min(longest_local - 1, 3), 0, -1):
        yield step(f"local_sentences={n}", local_sentences=n)
    for n in range(len(local_notes) - 1, -1, -1):
        yield step(f"local_notes={n}", local_notes=n)
    yield step("body_pt=10.5", body_pt=10.5)
    yield step("rules=2", rules=2)
    yield step("qr=off", qr=False)  # the addresses stay as text
    yield from shorten(fields(_ACTION_FIELDS))
    yield step("counts=0", counts=0)
    yield step("clinic=short", clinic="short")  # the clinic stays reachable: name and phone
    pt = plan.body_pt
    while pt > SMALLEST_BODY_PT:
        pt = round(pt - 0.5, 1)
        yield step(f"body_pt={pt}", body_pt=pt)
    yield from shorten({"summary": detail.text})


# -- the HTML ---------------------------------------------------------------------------------
def _style(pt: float) -> str:
    def s(factor: float) -> str:
        return f"{pt * factor:.1f}pt"
    return f"""<style>
body {{ font-size: {s(1)}; color: #000; }}
p {{ margin-top: 0; margin-bottom: 0; }}
.name {{ font-size: {s(2.2)}; font-weight: bold; }}
.kicker {{ font-size: {s(1.0)}; }}
.asof {{ font-size: {s(0.9)}; }}
.summary {{ font-size: {s(1.08)}; margin-top: {s(0.8)}; }}
.h2 {{ font-size: {s(1.3)}; font-weight: bold; margin-top: {s(0.7)}; margin-bottom: {s(0.1)}; }}
.path {{ font-size: {s(1.1)}; font-weight: bold; }}
.tag {{ font-size: {s(0.85)}; font-weight: bold; color: #fff; background-color: #000; }}
.field {{ margin-top: {s(0.15)}; }}
.small {{ font-size: {s(0.78)}; }}
.disclaimer {{ font-size: {s(0.85)}; font-weight: bold; }}
.clinic {{ font-size: {s(0.95)}; font-weight: bold; }}
td.rule {{ border-bottom: 1px solid #000; font-size: {s(1.9)}; }}
</style>"""


def _h2(text: str) -> str:
    return f'<p class="h2">{escape(text)}</p>'


def _sentences_of(text: str | None, cap: int | None) -> tuple[str, bool]:
    if not text:
        return "", False
    return first_sentences(text, cap)


def _similar(extra: str, shown: str) -> bool:
    """True when `extra` mostly repeats words already shown (limits often restate offenses)."""
    words = _words(extra)
    if not words:
        return True
    return len(words & _words(shown)) / len(words) >= 0.6


_NOTHING_TO_FILE = re.compile(r"^nothing to file\s*[:.;,]\s*", re.IGNORECASE)
_STOPWORDS = {"must", "have", "been", "only", "that", "this", "with", "from", "were", "which",
              "their", "there", "they", "more", "than", "under", "also", "into", "other"}


def _words(text: str) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[a-z0-9]+", text.lower())
            if len(w) > 3 and w not in _STOPWORDS}


def _new_limits(limits: str, offenses: str) -> str:
    """The clauses of a limits list ('up to 2.5 oz; conduct before Nov 30, 2020') that say
    something the offenses do not, as a sentence; '' when they only repeat them."""
    if _is_none(limits):
        return ""
    clauses = [c.strip().rstrip(".") for c in limits.split(";")]
    new = [c for c in clauses if c and not _similar(c, offenses)]
    if not new:
        return ""
    text = "; ".join(new)
    return text[:1].upper() + text[1:] + "."


def _is_none(value: str | None) -> bool:
    return not value or value.strip().rstrip(".").lower() in ("none", "n/a")


def _caveat_lines(caveats) -> str:
    """The app's ⚠ items, in a line each: what a volunteer should double-check."""
    return "".join(
        f'<p class="field small">⚠ <b>{escape(strings.HANDOUT_CAVEAT)}</b> '
        f"{escape(first_sentences(c.text, 1)[0])}</p>" for c in caveats)


def _path_block(p: ReliefPath, plan: _Plan, cut: list[bool]) -> str:
    """One way to relief: what it is, who qualifies, what to do next, where, fee, wait."""
    def take(field: str) -> str:
        kept, was_cut = _sentences_of(getattr(p, field), plan.cap(_field_key(p.id, field)))
        cut[0] |= was_cut
        return kept

    # Limits often restate the offenses, but sometimes add a date or amount that matters.
    # "Other conditions" is mostly history (who signed, when) and stays in the app.
    who = take("offenses")
    limits = _new_limits(take("limits"), p.offenses or "")
    if limits:
        who = f"{who} {limits}".strip()
    tag = strings.HANDOUT_TAG.get(p.mechanism, p.mechanism.upper())
    if p.kind == "pardon":
        tag = strings.HANDOUT_PARDON_TAG.format(mechanism=tag)
    next_label = strings.HANDOUT_CHECK if p.mechanism == "automatic" else strings.HANDOUT_NEXT
    facts = []
    where = strings.HANDOUT_WHERE.get(p.mechanism, strings.FIELD_LABELS["handled_by"])
    for label, field in ((where, "handled_by"), (strings.HANDOUT_FEE, "fee"),
                         (strings.HANDOUT_WAIT, "waiting_period")):
        value = getattr(p, field)
        if value and not (field != "fee" and _is_none(value)):
            facts.append(f"<b>{escape(label)}:</b> {escape(take(field))}")
    rows = [f'<p><span class="tag">&nbsp;{escape(tag)}&nbsp;</span>&nbsp; '
            f'<span class="path">{escape(p.name)}</span></p>']
    if who:
        rows.append(f'<p class="field"><b>{escape(strings.HANDOUT_WHO)}</b> {escape(who)}</p>')
    how = take("how_to_apply")
    if how and p.mechanism == "automatic":
        how = _NOTHING_TO_FILE.sub("", how, count=1)  # the tag already says so
        how = how[:1].upper() + how[1:]
    if how:
        rows.append(f'<p class="field"><b>{escape(next_label)}</b> {escape(how)}</p>')
    if facts:
        rows.append(f'<p class="field">{" &nbsp;·&nbsp; ".join(facts)}</p>')
    rows.append(_caveat_lines(p.caveats))
    return ('<table width="100%" cellspacing="0" cellpadding="0" style="margin-top: 6px">'
            '<tr><td style="border-left: 3px solid #000; padding-left: 8px; padding-bottom: 2px">'
            + "".join(rows) + "</td></tr></table>")


def _newest_counts(counts: Sequence[ReliefCount], n: int) -> list[ReliefCount]:
    """The newest `n` reports, one per conflict group (reports about the same thing)."""
    seen: set[str] = set()
    out: list[ReliefCount] = []
    for c in counts:  # the repository orders them newest first
        if c.conflict_group:
            if c.conflict_group in seen:
                continue
            seen.add(c.conflict_group)
        out.append(c)
    return out[:n]


def _in_disagreement(c: ReliefCount, counts: Sequence[ReliefCount]) -> bool:
    return bool(c.conflict_group) and sum(o.conflict_group == c.conflict_group
                                          for o in counts) > 1


def _count_line(c: ReliefCount, differs: bool = False) -> str:
    """One report; `differs` when other sources report the same thing differently."""
    when = strings.HANDOUT_COUNT_AS_OF.format(date=wording.date_text(c.as_of))
    if c.official:
        when += f", {strings.HANDOUT_OFFICIAL}"
    line = f"<li><b>{escape(wording.count_sentence(c))}</b> ({escape(when)})"
    if differs:
        line += f" ⚠ {escape(strings.fmt(strings.HANDOUT_SOURCES_DIFFER))}"
    if c.note:
        note, _ = first_sentences(c.note, 1)  # a report's note explains it in a line
        line += f'<br><span class="small">{escape(note)}</span>'
    for caveat in c.caveats:
        line += (f'<br><span class="small">⚠ {escape(strings.HANDOUT_CAVEAT)} '
                 f"{escape(first_sentences(caveat.text, 1)[0])}</span>")
    return line + "</li>"


def _short_title(title: str, limit: int = 48) -> str:
    if len(title) <= limit:
        return title
    return title[:limit].rsplit(" ", 1)[0].rstrip(",:;–-") + "…"


def _source_line(src: Source, style: str) -> str:
    """'KCUR, “Amendment 3 passed…” (November 10, 2022) kcur.org/…'; shorter styles as room
    runs out: the address goes last, so a person can look a source up without the app."""
    date = escape(wording.source_date(src, strings.HANDOUT_SOURCE_ABOUT,
                                      strings.HANDOUT_SOURCE_UNDATED))
    if style == "bare" or not src.publisher:
        name = src.publisher or f"“{_short_title(src.title)}”"
        return strings.HANDOUT_SOURCE_SHORT.format(publisher=escape(name), date=date)
    title = _short_title(src.title) if style == "short" else src.title
    line = strings.HANDOUT_SOURCE.format(publisher=escape(src.publisher),
                                         title=f"“{escape(title)}”", date=date)
    return f"{line} {escape(_short_url(src.url))}" if src.url and style == "full" else line


def _short_url(url: str) -> str:
    """'https://www.kcur.org/news/2022-...' without its scheme and 'www.': shorter to print."""
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")


def official_links(d: JurisdictionDetail) -> list[tuple[str, OfficialLink]]:
    """(what it is, link) for each official address a person can act on, at most three:
    the forms of the ways to relief first, then the courts' self-help and the legal-aid
    finder. Never an address without its source (the data refuses one)."""
    found: list[tuple[str, OfficialLink]] = []
    seen: set[str] = set()
    for p in d.paths:
        if p.form is not None and p.form.url not in seen:
            found.append((strings.HANDOUT_LINK_FORM.format(path=p.name), p.form))
            seen.add(p.form.url)
    for label, link in ((strings.HANDOUT_LINK_SELF_HELP, d.self_help),
                        (strings.HANDOUT_LINK_LEGAL_AID, d.legal_aid)):
        if link is not None and link.url not in seen:
            found.append((label, link))
            seen.add(link.url)
    return found[:3]


def _links_block(links: list[tuple[str, OfficialLink]], with_qr: bool) -> str:
    rows = []
    for label, link in links:
        text = (f'<p class="field"><b>{escape(label)}</b><br>'
                f"{escape(link.url)}</p>")
        if with_qr:
            from desktop.pages.qr import qr_data_uri

            rows.append(f'<tr><td width="62" valign="top"><img src="{qr_data_uri(link.url)}" '
                        f'width="58" height="58"></td><td valign="middle">{text}</td></tr>')
        else:
            rows.append(f'<tr><td valign="top">{text}</td></tr>')
    return f'<table cellspacing="0" cellpadding="1">{"".join(rows)}</table>'


def _rules(n: int) -> str:
    rows = "".join('<tr><td class="rule">&nbsp;</td></tr>' for _ in range(n))
    return f'<table width="100%" cellspacing="0" cellpadding="0">{rows}</table>'


def _glance(d: JurisdictionDetail) -> str:
    """Three boxed answers at the top: can a record be cleared, pardons, legal status."""
    s = d.summary
    used = {p.mechanism for p in d.paths if p.kind != "pardon"}
    mechanisms = [strings.HANDOUT_MECHANISM[m] for m in strings.HANDOUT_MECHANISM if m in used]
    relief = (strings.HANDOUT_MECHANISM_JOIN.join(mechanisms) if mechanisms
              else strings.HANDOUT_RELIEF_NONE)
    status = wording.legal_status(d, say_how=False)
    cells = "".join(
        f'<td width="33%" style="padding: 4px 8px; border: 1px solid #000">'
        f'<span class="small">{escape(label)}</span><br><b>{escape(value)}</b></td>'
        for label, value in ((strings.HANDOUT_GLANCE_RELIEF, relief[:1].upper() + relief[1:]),
                             (strings.HANDOUT_GLANCE_PARDON, strings.YES_NO[s.pardon_program]),
                             (strings.HANDOUT_GLANCE_STATUS, status)))
    return ('<table width="100%" cellspacing="0" cellpadding="0" style="margin-top: 6px; '
            f'border-collapse: collapse"><tr>{cells}</tr></table>')


def _clinic_notes(local_notes: Sequence[LocalNote], plan: _Plan, cut: list[bool]) -> str:
    if not local_notes:
        return ""
    shown = local_notes if plan.local_notes is None else local_notes[:plan.local_notes]
    html = [_h2(strings.HANDOUT_H_LOCAL_NOTES)]
    for note in shown:
        text, was_cut = first_sentences(note.text, plan.local_sentences)
        cut[0] |= was_cut
        lines = [escape(" ".join(line.split())) for line in text.splitlines() if line.strip()]
        html.append(f'<p class="field">{"<br>".join(lines)}</p>')
    left_out = len(local_notes) - len(shown)
    if left_out:
        more = i18n.ngettext(*strings.HANDOUT_MORE_LOCAL_NOTES, left_out).format(n=left_out)
        html.append(f'<p class="field"><i>{escape(more)}</i></p>')
    return "".join(html)


def _compose(d: JurisdictionDetail, info: DataInfo | None, local_notes: Sequence[LocalNote],
             plan: _Plan, clinic: ClinicProfile | None = None,
             memo: dict[tuple, tuple[str, bool]] | None = None) -> str:
    """The page for one plan: what is shown, how short, how large.

    `memo`: one dict for all the plans of one fit (same place, notes, clinic and language),
    so a part that a plan leaves as it was (a way to relief with the same sentences kept,
    the sources in the same style) is written once, not for every plan tried."""
    cut = [False]  # set when a sentence or a note was left out anywhere
    parts = {} if memo is None else memo

    def path_block(p: ReliefPath) -> str:
        key = ("path", id(p), *(plan.cap(_field_key(p.id, f)) for f in _PATH_FIELDS))
        if key not in parts:
            was_cut = [False]
            parts[key] = (_path_block(p, plan, was_cut), was_cut[0])
        html, was_cut_here = parts[key]
        cut[0] |= was_cut_here
        return html
    as_of = (strings.HANDOUT_AS_OF.format(date=wording.date_text(info.data_as_of))
             if info is not None else "")
    place_as_of = (strings.HANDOUT_PLACE_AS_OF.format(date=wording.date_text(d.as_of))
                   if d.as_of else strings.HANDOUT_PLACE_AS_OF_NONE)
    summary, cut[0] = first_sentences(d.text, plan.cap("summary"))
    html = [_style(plan.body_pt), "<body>",
            '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
            f'<td valign="bottom"><p class="name">{escape(d.name)}</p></td>'
            f'<td valign="bottom" align="right"><p class="asof">{escape(place_as_of)}</p></td>'
            "</tr></table>",
            f'<p class="kicker">{escape(strings.HANDOUT_KICKER)}</p>',
            *(f'<p class="small"><i>{escape(n)}</i></p>' for n in translation_notes(d)),
            _glance(d),
            f'<p class="summary">{escape(summary)}</p>',
            _caveat_lines((*d.caveats, *d.adult_use_caveats))]
    cited = [*d.summary_source_ids, *d.adult_use_source_ids]

    relief = [p for p in d.paths if p.kind != "pardon"]
    pardons = [p for p in d.paths if p.kind == "pardon"]
    html.append(_h2(strings.HANDOUT_H_RELIEF))
    html += [path_block(p) for p in relief] or [
        f"<p>{escape(strings.NO_RELIEF_PATHS)}</p>"]
    if pardons:
        html.append(_h2(strings.HANDOUT_H_PARDONS))
        html += [path_block(p) for p in pardons]
    cited += [sid for p in d.paths for sid in p.source_ids]

    background = d.notes if plan.background_notes is None else d.notes[:plan.background_notes]
    if background:
        html.append(_h2(strings.HANDOUT_H_GOOD_TO_KNOW))
        html += [f'<p class="field">{escape(n.text)}</p>' for n in background]
        cited += [sid for n in background for sid in n.source_ids]
    cut[0] |= len(background) < len(d.notes)

    counts = _newest_counts(d.counts, plan.counts)
    if counts:
        html.append(_h2(strings.HANDOUT_H_COUNTS))
        html.append('<ul style="margin-top: 0; margin-bottom: 0; -qt-list-indent: 1">'
                    + "".join(_count_line(c, _in_disagreement(c, d.counts)) for c in counts)
                    + "</ul>")
        cited += [sid for c in counts for sid in c.source_ids]

    links = official_links(d)
    if links:
        html.append(_h2(strings.HANDOUT_H_LINKS))
        html.append(_links_block(links, plan.qr))
        cited += [link.source_id for _, link in links]
    html.append(_clinic_notes(local_notes, plan, cut))
    html += [_h2(strings.HANDOUT_H_HANDWRITTEN), _rules(plan.rules)]

    key = ("sources", plan.sources, *cited)
    if key not in parts:
        parts[key] = ("; ".join(_source_line(d.sources[sid], plan.sources)
                                for sid in dict.fromkeys(cited) if sid in d.sources), False)
    listed = parts[key][0]
    html.append('<p class="small" style="margin-top: 8px">'
                f"<b>{escape(strings.HANDOUT_SOURCES)}:</b> {listed}</p>")
    foot = escape(strings.DISCLAIMER)
    if cut[0]:
        foot += " " + escape(strings.fmt(strings.HANDOUT_SHORTENED))
    version = strings.fmt(strings.HANDOUT_FOOTER, version=__version__, as_of=as_of)
    # The clinic's line lives in the disclaimer box: no block of its own.
    # Short of room, it shares the version's line (name and phone only).
    short = plan.clinic == "short"
    contact = escape(contact_line(clinic, short=short))
    version = escape(version)
    if contact and short:
        version = f"<b>{contact}</b> · {version}"
    contact = f'<p class="clinic">{contact}</p>' if contact and not short else ""
    html.append('<table width="100%" cellspacing="0" cellpadding="0" style="margin-top: 6px; '
                'border-collapse: collapse"><tr>'
                '<td style="border: 1.5px solid #000; padding: 4px 8px">'
                f'{contact}<p class="disclaimer">{foot}</p><p class="small">{version}</p>'
                "</td></tr></table></body>")
    return "".join(html)


def handout_html(detail: JurisdictionDetail, info: DataInfo | None,
                 local_notes: Iterable[LocalNote] = (), *,
                 clinic: ClinicProfile | None = None) -> str:
    """The full print layout of one jurisdiction (nothing shortened; may exceed a page).

    `write_handout_pdf` fits it on one page; this unshortened form suits the system print
    dialog and tests. `clinic`: the clinic's contact, printed in the disclaimer box."""
    return _compose(detail, info, tuple(local_notes), _Plan(), clinic)


# -- laying out and painting ------------------------------------------------------------------
def page_layout(page_size: str = DEFAULT_PAGE_SIZE) -> QPageLayout:
    try:
        size_id = PAGE_SIZES[page_size]
    except KeyError:
        raise ValueError(strings.HANDOUT_UNKNOWN_PAGE.format(size=page_size)) from None
    return QPageLayout(QPageSize(size_id), QPageLayout.Orientation.Portrait,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                       QPageLayout.Unit.Millimeter)


def _font(body_pt: float) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(body_pt)
    # No "fi"/"fl" ligatures: text copied from the PDF (or read aloud) must say "file".
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def _document(html: str, device: QPagedPaintDevice, body_pt: float = BODY_PT) -> QTextDocument:
    """`html` laid out for `device`'s printable area, one page tall."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(_font(body_pt))
    doc.setDocumentMargin(0)
    # The page size before the text: setHtml starts laying out at once, and a later
    # setPageSize would throw that away and start again (a third of the cost of a fit).
    doc.setPageSize(QSizeF(device.width(), device.height()))
    doc.setHtml(html)
    return doc


def _bottom(doc: QTextDocument) -> float:
    """Where the content ends (the last block's bottom edge), in device units."""
    return doc.documentLayout().blockBoundingRect(doc.lastBlock()).bottom()


def _fits(doc: QTextDocument, height: float) -> bool:
    return doc.pageCount() == 1 and _bottom(doc) <= height


def fit_handout(detail: JurisdictionDetail, info: DataInfo | None, device: QPagedPaintDevice,
                local_notes: Sequence[LocalNote] = (), *,
                clinic: ClinicProfile | None = None) -> tuple[QTextDocument, HandoutFit]:
    """The handout laid out to fill exactly one page of `device`.

    Walks down the ladder of shortenings until the page fits, then gives back whatever the
    smaller type made room for (most useful first), then fills the rest of the page with
    lines for handwritten notes.
    """
    local_notes = tuple(local_notes)
    height = device.height()
    docs: dict[_Plan, QTextDocument] = {}
    parts: dict[tuple, tuple[str, bool]] = {}  # the parts of the page the plans share

    def fits(plan: _Plan) -> bool:
        if plan not in docs:
            docs[plan] = _document(_compose(detail, info, local_notes, plan, clinic, parts),
                                   device, plan.body_pt)
        return _fits(docs[plan], height)

    plan = _Plan()
    if not fits(plan):
        for _name, plan in _ladder(detail, local_notes):
            if fits(plan):
                break
        else:
            return _scaled(detail, info, device, local_notes, plan, clinic)
        plan = _relax(plan, detail, len(local_notes), fits)
    # Fill the rest of the page with lines for handwritten notes.
    one_more = replace(plan, rules=plan.rules + 1)
    fits(one_more)
    line = _bottom(docs[one_more]) - _bottom(docs[plan])
    if line > 0:
        rules = min(plan.rules + int((height - _bottom(docs[plan])) // line), MAX_RULES)
        while rules > plan.rules:
            if fits(replace(plan, rules=rules)):
                plan = replace(plan, rules=rules)
                break
            rules -= 1
    return docs[plan], HandoutFit(_describe(plan, detail), plan.body_pt, 1.0, plan.rules)


def _relax(plan: _Plan, detail: JurisdictionDetail, n_local: int,
           fits: Callable[[_Plan], bool]) -> _Plan:
    """Undo shortenings one at a time, most useful first, keeping each that still fits: the
    ladder gives things up before it makes the type smaller, and the smaller type may have
    made room for them again."""
    def keep(trial: _Plan) -> bool:
        nonlocal plan
        if trial != plan and fits(trial):
            plan = trial
            return True
        return False

    def rank(key: str) -> tuple[int, str]:
        return (0 if key == "summary" else 1 if key.endswith(":how_to_apply") else 2, key)

    for key in sorted(dict(plan.caps), key=rank):
        keep(replace(plan, caps=tuple((k, v) for k, v in plan.caps if k != key)))
    while plan.local_notes is not None:
        more = plan.local_notes + 1
        if not keep(replace(plan, local_notes=more if more < n_local else None)):
            break
    keep(replace(plan, local_sentences=None))
    while plan.counts < NEWEST_COUNTS and keep(replace(plan, counts=plan.counts + 1)):
        pass
    while plan.background_notes is not None:
        more = plan.background_notes + 1
        if not keep(replace(plan, background_notes=more if more < len(detail.notes) else None)):
            break
    keep(replace(plan, clinic="full"))
    if plan.sources == "bare":
        keep(replace(plan, sources="short"))
    if plan.sources == "short":
        keep(replace(plan, sources="full"))
    return plan


def _describe(plan: _Plan, detail: JurisdictionDetail) -> tuple[str, ...]:
    """What the final plan left out or made smaller, e.g. ('counts=1', 'body_pt=10.5')."""
    default = _Plan()
    steps = []
    if plan.counts < len(_newest_counts(detail.counts, default.counts)):
        steps.append(f"counts={plan.counts}")
    if plan.background_notes is not None:
        steps.append(f"background_notes={plan.background_notes}")
    steps += [f"{key}={n}" for key, n in plan.caps]
    for name in ("sources", "local_sentences", "local_notes", "body_pt", "clinic"):
        if getattr(plan, name) != getattr(default, name):
            steps.append(f"{name}={getattr(plan, name)}")
    if plan.rules < MIN_RULES:
        steps.append(f"rules={plan.rules}")
    return tuple(steps)


def _scaled(detail, info, device, local_notes, plan,
            clinic=None) -> tuple[QTextDocument, HandoutFit]:
    """Last resort for content no shortening can fit (say, one enormous clinic note): lay the
    page out taller and shrink it onto the page. Never overflows, never cuts."""
    width, height = device.width(), device.height()
    html = _compose(detail, info, local_notes, plan, clinic)
    scale = 1.0
    for _ in range(8):
        doc = _document(html, device, plan.body_pt)
        doc.setPageSize(QSizeF(width / scale, 1e9))
        needed = _bottom(doc)
        if needed * scale <= height:
            break
        scale = min(scale * 0.97, height / needed)
    doc.setPageSize(QSizeF(width / scale, height / scale))
    return doc, HandoutFit((*_describe(plan, detail), f"scale={scale:.2f}"), plan.body_pt, scale,
                           plan.rules)


def paint_handout(detail: JurisdictionDetail, info: DataInfo | None, device: QPagedPaintDevice,
                  painter: QPainter, local_notes: Sequence[LocalNote] = (), *,
                  clinic: ClinicProfile | None = None) -> HandoutFit:
    """Paint one fitted handout on the current page of `device` (a QPdfWriter or QPrinter)."""
    doc, fit = fit_handout(detail, info, device, local_notes, clinic=clinic)
    painter.save()
    painter.scale(fit.scale, fit.scale)
    doc.drawContents(painter, QRectF(0, 0, device.width() / fit.scale,
                                     device.height() / fit.scale))
    painter.restore()
    return fit


def _pdf_writer(path: Path, page_size: str, title: str) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setPageLayout(page_layout(page_size))
    writer.setTitle(title)
    writer.setCreator(strings.fmt("{app}") + f" {__version__}")
    writer.setResolution(600)
    return writer


@contextlib.contextmanager
def _painting(writer: QPdfWriter, path: Path):
    painter = QPainter()
    if not painter.begin(writer):
        raise FileWriteError(strings.HANDOUT_NOT_WRITTEN.format(reason=path))
    try:
        yield painter
    finally:
        painter.end()  # closes the file, so it can be renamed or removed (Windows)


_PDF_END = b"%%EOF"
_FULL_BELOW = 1 << 20  # bytes free: a PDF cut short on a drive this full ran out of room


def _check_written(tmp: Path, final: Path) -> None:
    """Qt's PDF writer does not report a failed write: check the file ends as a PDF does
    (a full disk leaves it cut short), and say the disk is full when it is."""
    try:
        with tmp.open("rb") as handle:
            handle.seek(max(0, tmp.stat().st_size - 64))
            ok = _PDF_END in handle.read()
    except OSError:
        ok = False
    if ok:
        return
    import shutil

    try:
        full = shutil.disk_usage(tmp.parent).free < _FULL_BELOW
    except OSError:
        full = False
    if full:
        raise FileWriteError(strings.FILE_DISK_FULL.format(name=final.name))
    raise FileWriteError(strings.HANDOUT_NOT_WRITTEN.format(reason=final))


def write_handout_pdf(detail: JurisdictionDetail, info: DataInfo | None, path: Path | str,
                      page_size: str = DEFAULT_PAGE_SIZE,
                      local_notes: Iterable[LocalNote] = (), *,
                      clinic: ClinicProfile | None = None) -> HandoutFit:
    """Write the one-page handout of `detail` to `path` (whole or not at all).

    Raises FileWriteError (a KnownError with a plain message) when the file cannot be written.
    """
    path = Path(path)
    page_layout(page_size)  # an unknown size fails before any file is touched
    with atomic_path(path) as tmp:
        writer = _pdf_writer(tmp, page_size, detail.name)
        with _painting(writer, path) as painter:
            fit = paint_handout(detail, info, writer, painter, tuple(local_notes), clinic=clinic)
        _check_written(tmp, path)
    return fit


def handout_file_name(detail: JurisdictionDetail, today: datetime.date | None = None) -> str:
    """'AZ-2026-12-04.pdf': the place and the day, so one day's sheets never overwrite
    another's."""
    day = (today or datetime.date.today()).isoformat()
    return strings.HANDOUT_FILE_NAME.format(code=detail.code, date=day)


def screening_file_name(code: str, today: datetime.date | None = None) -> str:
    day = (today or datetime.date.today()).isoformat()
    return strings.SCREENING_PDF_NAME.format(code=code, date=day)


def write_handouts(details: Sequence[JurisdictionDetail], info: DataInfo | None,
                   out_dir: Path | str | None = None, combined_path: Path | str | None = None,
                   progress: ProgressFn | None = None, page_size: str = DEFAULT_PAGE_SIZE,
                   local_notes: Mapping[str, Sequence[LocalNote]] | None = None, *,
                   clinic: ClinicProfile | None = None) -> list[Path]:
    """Write one handout per detail: a PDF each into `out_dir`, or all in `combined_path`.

    `progress(done, total)` is called before each handout and at the end; returning False
    cancels. All or nothing: the files are renamed into place only once every one is
    complete, so a cancelled or failed export leaves no new or partial file (ExportCancelled
    or FileWriteError is raised). Returns the paths written.
    """
    if (out_dir is None) == (combined_path is None):
        raise ValueError("give exactly one of out_dir and combined_path")
    page_layout(page_size)
    notes_of = local_notes or {}
    total = len(details)

    def step(done: int) -> None:
        if progress is not None and progress(done, total) is False:
            raise ExportCancelled()

    if combined_path is not None:
        path = Path(combined_path)
        with atomic_path(path) as tmp:
            writer = _pdf_writer(tmp, page_size, strings.fmt("{app}"))
            with _painting(writer, path) as painter:
                for i, detail in enumerate(details):
                    step(i)
                    if i:
                        writer.newPage()
                    paint_handout(detail, info, writer, painter, notes_of.get(detail.code, ()),
                                  clinic=clinic)
            _check_written(tmp, path)
            step(total)
        return [path]

    assert out_dir is not None  # exactly one of the two: checked above
    folder = Path(out_dir)
    if folder.exists() and not folder.is_dir():
        raise FileWriteError(strings.HANDOUT_BAD_TARGET.format(path=folder))
    written: list[Path] = []
    with contextlib.ExitStack() as stack:
        for i, detail in enumerate(details):
            step(i)
            path = folder / handout_file_name(detail)
            tmp = stack.enter_context(atomic_path(path))
            writer = _pdf_writer(tmp, page_size, detail.name)
            with _painting(writer, path) as painter:
                paint_handout(detail, info, writer, painter, notes_of.get(detail.code, ()),
                              clinic=clinic)
            _check_written(tmp, path)
            written.append(path)
        step(total)
    return written


# -- any HTML page (a screener result, the detail page) -----------------------------------------
def write_html_pdf(html: str, path: Path | str, page_size: str = DEFAULT_PAGE_SIZE,
                   title: str = "") -> int:
    """Write any HTML page (e.g. a screener result) to a PDF, as many pages as it needs.

    Returns the number of pages. Raises FileWriteError when the file cannot be written."""
    path = Path(path)
    page_layout(page_size)
    with atomic_path(path) as tmp:
        writer = _pdf_writer(tmp, page_size, title or strings.fmt("{app}"))
        doc = _document(html, writer)  # paginated: no page numbers added
        pages = doc.pageCount()
        doc.print_(writer)
        _check_written(tmp, path)
    return pages


def print_html_to(html: str, printer) -> None:
    """Print `html` on a configured QPrinter (the part of `print_html` after the dialog)."""
    _document(html, printer).print_(printer)


def print_handout_to(detail: JurisdictionDetail, info: DataInfo | None, printer,
                     local_notes: Iterable[LocalNote] = (), *,
                     clinic: ClinicProfile | None = None) -> HandoutFit:
    """Print the one-page handout on a configured QPrinter."""
    painter = QPainter()
    if not painter.begin(printer):
        raise FileWriteError(strings.HANDOUT_NOT_WRITTEN.format(reason=printer.printerName()))
    try:
        return paint_handout(detail, info, printer, painter, tuple(local_notes), clinic=clinic)
    finally:
        painter.end()


def _ask_printer(parent, page_size: str):
    """A QPrinter the person chose in the system print dialog, or None if they cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(page_size))
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer


def print_html(html: str, parent=None, page_size: str = DEFAULT_PAGE_SIZE) -> bool:
    """Print any HTML page through the system print dialog; False if the person cancelled."""
    printer = _ask_printer(parent, page_size)
    if printer is None:
        return False
    print_html_to(html, printer)
    return True


def print_handout(detail: JurisdictionDetail, info: DataInfo | None, parent=None,
                  local_notes: Iterable[LocalNote] = (),
                  page_size: str = DEFAULT_PAGE_SIZE, *,
                  clinic: ClinicProfile | None = None) -> bool:
    """Print the one-page handout through the system print dialog (the detail pane's Print)."""
    printer = _ask_printer(parent, page_size)
    if printer is None:
        return False
    print_handout_to(detail, info, printer, local_notes, clinic=clinic)
    return True


def smoke_handout(detail: JurisdictionDetail, info: DataInfo | None, folder: Path | str) -> Path:
    """Write one handout into `folder` and check it is a PDF (for `--smoke-test`)."""
    path = Path(folder) / handout_file_name(detail)
    write_handout_pdf(detail, info, path)
    with path.open("rb") as f:
        if f.read(5) != b"%PDF-":
            raise FileWriteError(strings.HANDOUT_NOT_WRITTEN.format(reason=path))
    return path
