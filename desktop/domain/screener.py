"""The eligibility screener: from one person's answers to a verdict on each relief path.

Pure Python (no Qt, no SQL). Three rooms, one entry:

- `desktop/domain/answers.py`: the answers (`Situation`) and parsing what a person types;
- `desktop/domain/rules.py`: the rules, from answers and a path to a verdict with
  structured reasons (codes and values, no words);
- `desktop/domain/screening_wording.py`: those reasons, steps and counts in words.

This module puts them together: `screen()` gives a `PathResult` per path, with the words a
volunteer reads out. Nothing here keeps, writes or logs the answers: a `Situation` lives
only as long as the caller holds it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from desktop import strings
from desktop.data.place_records import JurisdictionDetail, ReliefPath
from desktop.domain import rules, wording
from desktop.domain.answers import (  # noqa: F401  (the screener's public names)
    EVENTS,
    LEVELS,
    OFFENSES,
    OUNCE_GRAMS,
    POUND_GRAMS,
    RECORDS,
    Situation,
    is_dont_know,
    parse_amount,
    parse_when,
)
from desktop.domain.rules import AMOUNT_TOLERANCE_GRAMS, VERDICTS, Verdict  # noqa: F401
from desktop.domain.screening_wording import (  # noqa: F401
    amount_text,
    describe_answers,
    grams_text,
    reason_line,
    reason_text,
    steps,
    steps_text,
)
from desktop.domain.screening_wording import verdict_counts as _verdict_counts


@dataclass(frozen=True)
class PathResult:
    """The verdict on one relief path, with everything a volunteer reads out."""

    path_id: str
    jurisdiction: str
    name: str
    kind: str
    mechanism: str
    verdict: str                         # likely | may | no
    reason: str                          # plain words: why, what to check, or why not
    next_step: str                       # the labelled parts of `steps`, as one text
    source_id: str
    source_title: str
    source_publisher: str | None
    source_date: str                     # as the source shows it, in words
    fits: tuple[str, ...] = ()           # what fits the answers (clauses)
    checks: tuple[str, ...] = ()         # for "may": each thing to check (sentences)
    fails: tuple[str, ...] = ()          # for "no": each reason it does not apply (clauses)
    also: str | None = None              # further conditions in the data's own words
    limits: str | None = None            # the path's limits in the data's own words
    steps: tuple[tuple[str, str], ...] = ()  # next step as (label, text) pairs
    caveats: tuple[str, ...] = ()
    reasons: tuple[rules.Reason, ...] = ()  # the same reasons as codes and values

    def as_json(self) -> dict[str, str]:
        return {"path_id": self.path_id, "jurisdiction": self.jurisdiction, "kind": self.kind,
                "mechanism": self.mechanism, "verdict": self.verdict, "reason": self.reason,
                "next_step": self.next_step, "source_id": self.source_id}


def screen(situation: Situation, detail: JurisdictionDetail,
           federal_detail: JurisdictionDetail | None = None,
           today: datetime.date | None = None) -> list[PathResult]:
    """A verdict on each relief path that could reach this person's case, best first.

    `detail` is the place whose law the case was under. The federal pardons
    (`federal_detail`'s paths) apply where the case is federal, each once; they do not
    reach a state's or territory's convictions (see `screening_notes`), and D.C. carries the
    presidential pardons of D.C. Code possession as its own path. An empty list means no
    marijuana-specific path at all. `today` (default: today) decides waiting periods.
    """
    if detail.code != situation.jurisdiction:
        raise ValueError(f"detail is for {detail.code}, the situation for {situation.jurisdiction}")
    today = today or datetime.date.today()
    candidates = [(detail, p) for p in detail.paths]
    if federal_detail is not None and situation.jurisdiction == federal_detail.code:
        known = {p.id for p in detail.paths}
        candidates += [(federal_detail, p) for p in federal_detail.paths if p.id not in known]
    results = [_judge(situation, where, path, today) for where, path in candidates]
    return sorted(results, key=lambda r: VERDICTS.index(r.verdict))


def screening_notes(situation: Situation, detail: JurisdictionDetail,
                    federal_detail: JurisdictionDetail | None = None,
                    for_sheet: bool = False) -> list[str]:
    """Plain sentences to read beside the results: no specific relief here; the federal
    pardons do not reach a state's convictions. `for_sheet`: the printed sheet's wording,
    with no instruction about the app (the person does not have it)."""
    notes = []
    if not detail.paths:
        notes.append(strings.fmt(strings.SCREEN_NO_PATHS, place=detail.name))
        notes += [n.text for n in detail.notes]
    if (federal_detail is not None and detail.summary.kind in ("state", "territory")
            and any(p.kind == "pardon" for p in federal_detail.paths)):
        notes.append(strings.fmt(strings.SHEET_FEDERAL_NOTE if for_sheet
                                 else strings.SCREEN_FEDERAL_NOTE, place=detail.name))
    return notes


def relevant_questions(detail: JurisdictionDetail | None) -> set[str]:
    """The further questions a place's paths need: 'record', 'age', 'only_conviction',
    'other_charges' (the core questions are always asked)."""
    return rules.relevant_questions(detail.paths if detail is not None else ())


def verdict_counts(results: list[PathResult]) -> str:
    """'1 path likely applies · 2 paths may apply': the line above a screening's result."""
    return _verdict_counts([r.verdict for r in results])


def _judge(s: Situation, where: JurisdictionDetail, p: ReliefPath,
           today: datetime.date) -> PathResult:
    judgement = rules.judge(s, p, today)
    verdict = judgement.verdict
    found = steps(p, verdict)
    sid = p.source_ids[0] if p.source_ids else ""
    source = where.sources.get(sid)
    return PathResult(
        path_id=p.id, jurisdiction=where.code, name=p.name, kind=p.kind,
        mechanism=p.mechanism, verdict=str(verdict), reason=reason_line(judgement),
        next_step=steps_text(found),
        source_id=sid, source_title=source.title if source else sid,
        source_publisher=source.publisher if source else None,
        source_date=wording.source_date(source) if source else strings.UNKNOWN_SHORT,
        fits=tuple(reason_text(r) for r in judgement.by_status(rules.Status.FITS)),
        checks=tuple(reason_text(r) for r in judgement.by_status(rules.Status.CHECK)),
        fails=tuple(reason_text(r) for r in judgement.by_status(rules.Status.FAILS)),
        also=p.conditions if verdict != Verdict.NO else None, steps=found,
        limits=p.limits if verdict != Verdict.NO else None,
        caveats=tuple(c.text for c in p.caveats), reasons=judgement.reasons)
