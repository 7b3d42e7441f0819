"""The screener's result as HTML for a QTextBrowser, and for printing or saving as PDF.

A pure function from the answers and the verdicts to text, tested with no window. The
disclaimer and the pointer to legal aid sit right under the verdict counts, before any path,
so a printed page never carries a verdict without them.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from desktop import i18n, strings
from desktop.data.place_records import JurisdictionDetail
from desktop.data.records import ClinicProfile, DataInfo
from desktop.domain import wording
from desktop.domain.clinic import contact_line
from desktop.domain.screener import (
    PathResult,
    Situation,
    describe_answers,
    relevant_questions,
    verdict_counts,
)
from desktop.pages.colors import LIGHT, PageColors
from desktop.pages.parts import style


def screen_style(colors: PageColors = LIGHT) -> Markup:
    return style(colors) + Markup("""
<style>
.counts {{ font-size: large; font-weight: bold; }}
h1.case {{ font-size: x-large; margin-top: 22px; }}
.verdict {{ font-weight: bold; font-size: large; }}
.steplabel {{ color: {c.muted}; padding-right: 10px; font-weight: bold; }}
.source {{ color: {c.muted}; }}
</style>
""").format(c=colors)


_join = Markup("").join


def render_empty(message: str | None = None, colors: PageColors = LIGHT) -> Markup:
    return screen_style(colors) + Markup('<p class="summary">{}</p>').format(
        strings.SCREEN_EMPTY if message is None else message)


@dataclass(frozen=True)
class Case:
    """One conviction's screening: the answers, the place's data, the verdicts, the notes."""

    situation: Situation
    detail: JurisdictionDetail
    results: list[PathResult]
    notes: list[str]


def render_screening(situation: Situation, detail: JurisdictionDetail,
                     results: list[PathResult], notes: list[str],
                     colors: PageColors = LIGHT) -> Markup:
    """The whole result: answers used, verdict counts, disclaimer, one block per path, notes."""
    return render_cases([Case(situation, detail, results, notes)], colors)


def render_cases(cases: list[Case], colors: PageColors = LIGHT) -> Markup:
    """One person's screening, one block per conviction (several when they have more than one
    old case, perhaps in two states). The verdicts come first, then the disclaimer: at 125%
    on a 1366x768 laptop the verdict must be above the fold."""
    parts = [screen_style(colors)]
    if len(cases) == 1:
        case = cases[0]
        parts.append(Markup("<h1>{}</h1>").format(
            strings.SCREEN_RESULT_TITLE.format(place=case.detail.name)))
        if case.results:
            parts.append(Markup('<p class="counts">{}</p>').format(verdict_counts(case.results)))
        parts.append(_notice(colors))
        parts.append(_case_body(case, colors))
        return _join(parts)
    parts.append(Markup("<h1>{}</h1>").format(strings.SCREEN_RESULT_TITLE_MANY))
    parts.append(Markup('<p class="counts">{}</p>').format(_all_counts(cases)))
    parts.append(_notice(colors))
    for number, case in enumerate(cases, start=1):
        parts.append(Markup('<h1 class="case">{}</h1>').format(
            strings.SCREEN_CASE_HEADING.format(n=number, place=case.detail.name)))
        if case.results:
            parts.append(Markup('<p class="counts">{}</p>').format(verdict_counts(case.results)))
        parts.append(_case_body(case, colors))
    return _join(parts)


def _all_counts(cases: list[Case]) -> str:
    counted = i18n.ngettext(*strings.SCREEN_CASES_COUNT, len(cases)).format(n=len(cases))
    return strings.SCREEN_CASES_SUMMARY.format(
        cases=counted, counts=verdict_counts([r for c in cases for r in c.results]) or "—")


def _case_body(case: Case, colors: PageColors) -> Markup:
    answers = describe_answers(case.situation, case.detail.name,
                               relevant_questions(case.detail))
    parts = [Markup('<p class="answers"><b>{}:</b> {}</p>').format(
        strings.SCREEN_ANSWERS,
        Markup(" · ").join(Markup("{}: {}").format(k, v) for k, v in answers))]
    parts += [_result(result, colors) for result in case.results]
    if case.notes:
        parts.append(Markup("<h2>{}</h2><ul>{}</ul>").format(
            strings.SCREEN_H_NOTES, _join(Markup("<li>{}</li>").format(n) for n in case.notes)))
    return _join(parts)


def _notice(colors: PageColors) -> Markup:
    return Markup('<table class="notice" width="100%" cellpadding="5" bgcolor="{bg}">'
                  '<tr><td style="color: {fg}">{}<br>{}</td></tr></table>').format(
        strings.DISCLAIMER, strings.SCREEN_LEGAL_AID, bg=colors.notice_bg, fg=colors.text)


def _result(r: PathResult, colors: PageColors) -> Markup:
    verdict = f"{strings.SCREEN_VERDICT_MARK[r.verdict]} {strings.SCREEN_VERDICT[r.verdict]}"
    kind = strings.SCREEN_PATH_KIND.format(kind=strings.RELIEF_KIND[r.kind],
                                           mechanism=strings.MECHANISM[r.mechanism])
    html = [Markup("<h2>{}</h2>").format(r.name),
            Markup('<p><span class="verdict" style="color:{color}">{verdict}</span>'
                   ' &nbsp;<span class="sub">{kind}</span></p>').format(
                color=getattr(colors, r.verdict), verdict=verdict, kind=kind)]
    heading = Markup("<p><b>{}:</b></p>{}")
    why = {"likely": r.fits, "may": r.checks, "no": r.fails}[r.verdict]
    html.append(heading.format(strings.SCREEN_H_WHY[r.verdict], _list(why)))
    if r.verdict == "may" and r.fits:
        html.append(heading.format(strings.SCREEN_H_FITS, _list(r.fits)))
    labelled = Markup("<p><b>{}:</b> {}</p>")
    if r.limits:
        html.append(labelled.format(strings.SCREEN_H_LIMITS, r.limits))
    if r.also:
        html.append(labelled.format(strings.SCREEN_H_ALSO, r.also))
    rows = _join(Markup('<tr><td class="steplabel" valign="top">{}</td><td>{}</td></tr>').format(
        label, text) for label, text in r.steps)
    if r.verdict != "no":
        html.append(Markup("<p><b>{}:</b></p>").format(strings.SCREEN_H_NEXT))
    html.append(Markup('<table cellspacing="2">{}</table>').format(rows))
    source = strings.SCREEN_SOURCE.format(
        title=r.source_title.rstrip("."), publisher=r.source_publisher or strings.PUBLISHER_UNKNOWN,
        date=r.source_date, id=r.source_id)
    html.append(Markup('<p class="source">{}</p>').format(source))
    html += [Markup('<p class="caveat">⚠ {}</p>').format(c) for c in r.caveats]
    return _join(html)


def _list(items: tuple[str, ...]) -> Markup:
    return Markup("<ul>{}</ul>").format(
        _join(Markup("<li>{}</li>").format(_capital(i)) for i in items))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# -- the printed screening sheet ----------------------------------------------------------------
SHEET_STYLE = Markup("""
<style>
body { color: #000; }
h1 { font-size: 20pt; margin-bottom: 0; }
h2 { font-size: 14pt; margin-top: 10px; margin-bottom: 2px; }
.asof { font-size: 9pt; }
.small { font-size: 9pt; }
.verdict { font-weight: bold; }
.rule { border-bottom: 1px solid #000; height: 22px; }
.case { font-size: 16pt; margin-top: 14px; }
.clinic { font-weight: bold; }
</style>
""")


def render_sheet(situation: Situation, detail: JurisdictionDetail, results: list[PathResult],
                 notes: list[str], info: DataInfo | None, version: str, *,
                 clinic: ClinicProfile | None = None) -> Markup:
    """The screening of one conviction as a sheet to take home (see `render_case_sheet`)."""
    return render_case_sheet([Case(situation, detail, results, notes)], info, version,
                             clinic=clinic)


def render_case_sheet(cases: list[Case], info: DataInfo | None, version: str, *,
                      clinic: ClinicProfile | None = None) -> Markup:
    """The screening as a sheet the person takes home: the data's date and the version, the
    disclaimer in a box (with the clinic's contact when the clinic entered one), then per
    conviction the answers and only the paths that apply or may apply with their reasons and
    next steps; sources as publisher and date (no internal codes); lines for notes. Notes are
    the sheet's wording (screening_notes(for_sheet=True))."""
    as_of = (strings.HANDOUT_AS_OF.format(date=wording.date_text(info.data_as_of))
             if info is not None else "")
    title = (strings.SCREEN_RESULT_TITLE.format(place=cases[0].detail.name) if len(cases) == 1
             else strings.SCREEN_RESULT_TITLE_MANY)
    contact = contact_line(clinic)
    contact = Markup('<br><span class="clinic">{}</span>').format(contact) if contact else ""
    parts = [SHEET_STYLE,
             Markup('<table width="100%"><tr><td><h1>{}</h1></td>'
                    '<td align="right" valign="bottom"><p class="asof">{}<br>{}</p></td>'
                    "</tr></table>").format(
                 title, as_of, strings.fmt(strings.SHEET_VERSION, version=version)),
             Markup('<table width="100%" cellspacing="0" style="border-collapse: collapse">'
                    '<tr><td style="border: 1.5px solid #000; padding: 5px">'
                    "<b>{}</b><br>{}{}</td></tr></table>").format(
                 strings.DISCLAIMER, strings.SCREEN_LEGAL_AID, contact)]
    for number, case in enumerate(cases, start=1):
        if len(cases) > 1:
            parts.append(Markup('<h1 class="case">{}</h1>').format(
                strings.SCREEN_CASE_HEADING.format(n=number, place=case.detail.name)))
        parts.append(_sheet_case(case))
    lines = _join(Markup('<tr><td class="rule">&nbsp;</td></tr>') for _ in range(4))
    parts.append(Markup('<h2>{}</h2><table width="100%" cellspacing="0">{}</table>').format(
        strings.HANDOUT_H_HANDWRITTEN, lines))
    return _join(parts)


def _sheet_case(case: Case) -> Markup:
    answers = describe_answers(case.situation, case.detail.name, relevant_questions(case.detail))
    parts = [Markup('<p class="small"><b>{}:</b> {}</p>').format(
        strings.SCREEN_ANSWERS,
        Markup(" · ").join(Markup("{}: {}").format(k, v) for k, v in answers))]
    relevant = [r for r in case.results if r.verdict != "no"]
    if not relevant:
        parts.append(Markup("<p><b>{}</b></p>").format(strings.SHEET_NOTHING_APPLIES))
    for r in relevant:
        verdict = f"{strings.SCREEN_VERDICT_MARK[r.verdict]} {strings.SCREEN_VERDICT[r.verdict]}"
        why = r.fits if r.verdict == "likely" else r.checks
        rows = _join(Markup('<tr><td valign="top"><b>{}</b></td><td>{}</td></tr>').format(
            label, text) for label, text in r.steps)
        source = strings.SHEET_SOURCE.format(
            publisher=r.source_publisher or strings.PUBLISHER_UNKNOWN, date=r.source_date)
        parts.append(Markup(
            '<h2>{name}</h2><p><span class="verdict">{verdict}</span> · {kind}</p>'
            "<p><b>{why_label}:</b></p>{why}"
            '<table cellspacing="2">{rows}</table><p class="small">{source}</p>').format(
            name=r.name, verdict=verdict,
            kind=strings.SCREEN_PATH_KIND.format(kind=strings.RELIEF_KIND[r.kind],
                                                 mechanism=strings.MECHANISM[r.mechanism]),
            why_label=strings.SCREEN_H_WHY[r.verdict], why=_list(why), rows=rows,
            source=source))
    if case.notes:
        parts.append(Markup("<h2>{}</h2><ul>{}</ul>").format(
            strings.SCREEN_H_NOTES, _join(Markup("<li>{}</li>").format(n) for n in case.notes)))
    return _join(parts)
