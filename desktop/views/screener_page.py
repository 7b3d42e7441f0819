"""The screener's result as HTML for a QTextBrowser, and for printing or saving as PDF.

A pure function from the answers and the verdicts to text, tested with no window. The
disclaimer and the pointer to legal aid sit right under the verdict counts, before any path,
so a printed page never carries a verdict without them.
"""

from __future__ import annotations

from desktop.html_text import escape

from desktop import strings
from desktop.data.records import JurisdictionDetail
from desktop.domain.screener import (
    PathResult, Situation, describe_answers, relevant_questions, verdict_counts,
)
from desktop.views.page_parts import STYLE

VERDICT_COLOR = {"likely": "#1b5e20", "may": "#7a4b00", "no": "#8b1a1a"}
SCREEN_STYLE = STYLE + """
<style>
.answers { color: #333; }
.counts { font-size: large; font-weight: bold; }
.notice { background-color: #f1f1f1; }
.verdict { font-weight: bold; font-size: large; }
.steplabel { color: #555; padding-right: 10px; font-weight: bold; }
.source { color: #555; }
</style>
"""


def render_empty(message: str = strings.SCREEN_EMPTY) -> str:
    return f'{SCREEN_STYLE}<p class="summary">{escape(message)}</p>'


def render_screening(situation: Situation, detail: JurisdictionDetail,
                     results: list[PathResult], notes: list[str]) -> str:
    """The whole result: answers used, verdict counts, disclaimer, one block per path, notes."""
    parts = [SCREEN_STYLE,
             f"<h1>{escape(strings.SCREEN_RESULT_TITLE.format(place=detail.name))}</h1>"]
    answers = describe_answers(situation, detail.name, relevant_questions(detail))
    parts.append('<p class="answers"><b>' + escape(strings.SCREEN_ANSWERS) + ":</b> "
                 + " · ".join(f"{escape(k)}: {escape(v)}" for k, v in answers) + "</p>")
    if results:
        parts.append(f'<p class="counts">{escape(verdict_counts(results))}</p>')
    parts.append(_notice())
    for result in results:
        parts.append(_result(result))
    if notes:
        parts.append(f"<h2>{escape(strings.SCREEN_H_NOTES)}</h2><ul>")
        parts += [f"<li>{escape(n)}</li>" for n in notes]
        parts.append("</ul>")
    return "".join(parts)


def _notice() -> str:
    text = f"{escape(strings.DISCLAIMER)}<br>{escape(strings.SCREEN_LEGAL_AID)}"
    return (f'<table class="notice" width="100%" cellpadding="8" bgcolor="#f1f1f1">'
            f"<tr><td>{text}</td></tr></table>")


def _result(r: PathResult) -> str:
    color = VERDICT_COLOR[r.verdict]
    verdict = f"{strings.SCREEN_VERDICT_MARK[r.verdict]} {strings.SCREEN_VERDICT[r.verdict]}"
    kind = strings.SCREEN_PATH_KIND.format(kind=strings.RELIEF_KIND[r.kind],
                                           mechanism=strings.MECHANISM[r.mechanism])
    html = [f"<h2>{escape(r.name)}</h2>",
            (f'<p><span class="verdict" style="color:{color}">{escape(verdict)}</span>'
             f' &nbsp;<span class="sub">{escape(kind)}</span></p>')]
    why = {"likely": r.fits, "may": r.checks, "no": r.fails}[r.verdict]
    html.append(f"<p><b>{escape(strings.SCREEN_H_WHY[r.verdict])}:</b></p>{_list(why)}")
    if r.verdict == "may" and r.fits:
        html.append(f"<p><b>{escape(strings.SCREEN_H_FITS)}:</b></p>{_list(r.fits)}")
    if r.limits:
        html.append(f"<p><b>{escape(strings.SCREEN_H_LIMITS)}:</b> {escape(r.limits)}</p>")
    if r.also:
        html.append(f"<p><b>{escape(strings.SCREEN_H_ALSO)}:</b> {escape(r.also)}</p>")
    rows = "".join(
        f'<tr><td class="steplabel" valign="top">{escape(label)}</td>'
        f"<td>{escape(text)}</td></tr>" for label, text in r.steps)
    if r.verdict != "no":
        html.append(f"<p><b>{escape(strings.SCREEN_H_NEXT)}:</b></p>")
    html.append(f'<table cellspacing="2">{rows}</table>')
    source = strings.SCREEN_SOURCE.format(
        title=r.source_title.rstrip("."), publisher=r.source_publisher or strings.PUBLISHER_UNKNOWN,
        date=r.source_date, id=r.source_id)
    html.append(f'<p class="source">{escape(source)}</p>')
    html += [f'<p class="caveat">⚠ {escape(c)}</p>' for c in r.caveats]
    return "".join(html)


def _list(items: tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{escape(_capital(i))}</li>" for i in items) + "</ul>"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
