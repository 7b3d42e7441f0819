"""The screener's rules: from a person's answers and one relief path to a verdict with reasons.

Pure Python (no Qt, no SQL) and no words: a rule returns a `Reason`, a code and the values
it was decided on (offense codes, ISO dates, years, grams, the data's own text), and
`desktop/domain/screening_wording.py` renders it in a language. Every rule comes from the
structured eligibility fields of a relief path (docs/DATA_FORMAT.md, "How the screener reads
the eligibility fields"), never from code written for one place:

- a field that fits gives a reason it *likely* applies;
- an answer of "don't know", or a path too vague to decide (no `offense_kinds`), gives
  *may apply* and says what to check;
- a field that rules the case out gives *does not apply* and says why.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from desktop.data.place_records import ReliefPath
from desktop.domain.answers import EVENTS, Situation

# Two amounts closer than this (in grams) are the same amount: a person's "2.5 oz" is at a
# 2.5 oz limit even after floating-point arithmetic. A millionth of a gram is far below any
# amount a court or a scale records.
AMOUNT_TOLERANCE_GRAMS = 1e-6


class Status(StrEnum):
    """What one eligibility field says of the case."""

    FITS = "fits"
    CHECK = "check"   # don't know, or the data is too vague to decide
    FAILS = "fails"


class Verdict(StrEnum):
    """The verdict on one path; the order is the order results are listed in."""

    LIKELY = "likely"
    MAY = "may"
    NO = "no"


VERDICTS = tuple(Verdict)


@dataclass(frozen=True)
class Reason:
    """One rule's finding: `code` names the sentence, `params` the values it is built from.

    Codes are `<rule>.<finding>`, e.g. "offense.fits", "amount.over", "date.check_edge"."""

    status: Status
    code: str
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Judgement:
    """The verdict on one path and every reason for it, in rule order."""

    path: ReliefPath
    verdict: Verdict
    reasons: tuple[Reason, ...]

    def by_status(self, status: Status) -> tuple[Reason, ...]:
        return tuple(r for r in self.reasons if r.status == status)


def judge(s: Situation, p: ReliefPath, today: datetime.date) -> Judgement:
    reasons = tuple(r for r in (
        _offense(s, p), _level(s, p), _record(s, p), _amount(s, p), _window(s, p),
        _pardon_date(s, p), _sentence(s, p), _age(s, p), _only_conviction(s, p),
        _only_charge(s, p), _waiting(s, p, today),
    ) if r is not None)
    statuses = {r.status for r in reasons}
    verdict = (Verdict.NO if Status.FAILS in statuses
               else Verdict.MAY if Status.CHECK in statuses else Verdict.LIKELY)
    return Judgement(p, verdict, reasons)


def relevant_questions(paths: tuple[ReliefPath, ...]) -> set[str]:
    """The further questions these paths need: 'record', 'age', 'only_conviction',
    'other_charges' (the core questions are always asked)."""
    needed = set()
    for p in paths:
        if p.records_covered in ("convictions", "arrests"):
            needed.add("record")
        if p.min_age is not None:
            needed.add("age")
        if p.only_conviction:
            needed.add("only_conviction")
        if p.only_charge is not None:
            needed.add("other_charges")
    return needed


# -- one rule per eligibility field: a Reason, or None when the path has no such rule --------
def _offense(s: Situation, p: ReliefPath) -> Reason:
    if not p.offense_kinds:
        return Reason(Status.CHECK, "offense.check_unlisted", {"offenses": p.offenses})
    kinds = p.offense_kinds
    if s.offense is None:
        return Reason(Status.CHECK, "offense.check", {"kinds": kinds})
    if s.offense not in kinds:
        return Reason(Status.FAILS, "offense.not_covered", {"kinds": kinds, "offense": s.offense})
    if s.offense == "other":
        return Reason(Status.CHECK, "offense.check_other", {"kinds": kinds, "offenses": p.offenses})
    return Reason(Status.FITS, "offense.fits", {"offense": s.offense})


def _level(s: Situation, p: ReliefPath) -> Reason | None:
    if p.offense_level in (None, "both"):
        return None
    params = {"only": p.offense_level, "level": s.level}
    if s.level is None:
        return Reason(Status.CHECK, "level.check", params)
    if s.level != p.offense_level:
        return Reason(Status.FAILS, "level.other", params)
    return Reason(Status.FITS, "level.fits", params)


def _record(s: Situation, p: ReliefPath) -> Reason | None:
    if p.records_covered in (None, "both"):
        return None
    needed = "conviction" if p.records_covered == "convictions" else "arrest"
    params = {"only": needed, "record": s.record}
    if s.record is None:
        return Reason(Status.CHECK, "record.check", params)
    if s.record != needed:
        return Reason(Status.FAILS, "record.other", params)
    return Reason(Status.FITS, "record.fits", params)


def _amount(s: Situation, p: ReliefPath) -> Reason | None:
    if p.max_amount_grams is None:
        return None
    params = {"limit_grams": p.max_amount_grams, "limit_text": p.amount_text,
              "grams": s.amount_grams, "said": s.amount_said}
    if s.amount_grams is None:
        return Reason(Status.CHECK, "amount.check", params)
    difference = s.amount_grams - p.max_amount_grams
    if difference > AMOUNT_TOLERANCE_GRAMS:
        return Reason(Status.FAILS, "amount.over", params)
    if p.max_amount_exclusive and difference >= -AMOUNT_TOLERANCE_GRAMS:
        return Reason(Status.FAILS, "amount.not_under", params)
    return Reason(Status.FITS, "amount.fits", params)


def _window(s: Situation, p: ReliefPath) -> Reason | None:
    if not (p.date_from or p.date_to):
        return None
    start = datetime.date.fromisoformat(p.date_from) if p.date_from else None
    end = datetime.date.fromisoformat(p.date_to) if p.date_to else None
    event = p.date_applies_to or "unstated"
    params: dict[str, object] = {"event": event, "start": p.date_from, "end": p.date_to}
    if s.year is None:
        return Reason(Status.CHECK, "date.check", params)
    params.update(when_year=s.year, when_date=s.date.isoformat() if s.date else None,
                  year_of=s.year_of)
    fit = _fit(s, event, start, end)
    if fit == "inside":
        return Reason(Status.FITS, "date.fits", params)
    if fit == "outside":
        return Reason(Status.FAILS, "date.outside", params)
    if _fit(s, event, start, end, same_event=True) == "partial":  # the window opens or closes then
        params["edge"] = "end" if end is not None and end.year == s.year else "start"
        return Reason(Status.CHECK, "date.check_edge", params)
    if s.year_of is None:
        return Reason(Status.CHECK, "date.check_which", params)
    return Reason(Status.CHECK, "date.check_other_event", params)


def _fit(s: Situation, event: str, start: datetime.date | None,
         end: datetime.date | None, same_event: bool = False) -> str:
    """'inside', 'outside' or 'partial': where the path's event can fall, given the date the
    person gave and what it may be the date of. Events happen in the order of EVENTS, so a
    conviction is never before the offense: the offense's year bounds the conviction's date
    from below only. With `same_event`, only the readings where the date given is the date
    the window is about (so 'partial' then means the window opens or closes in that year)."""
    assert s.year is not None
    low = s.date or datetime.date(s.year, 1, 1)
    high = s.date or datetime.date(s.year, 12, 31)
    possible = [e for e in EVENTS if not (s.record == "arrest" and e == "conviction")]
    given = [s.year_of] if s.year_of else [e for e in ("offense", "conviction") if e in possible]
    targets = [event] if event in EVENTS else possible
    fits = set()
    for g in given:
        for t in targets:
            if same_event and g != t:
                continue
            order = EVENTS.index(t) - EVENTS.index(g)
            a = low if order >= 0 else None      # earliest the path's event can be
            b = high if order <= 0 else None     # latest it can be
            inside = ((start is None or (a is not None and a >= start))
                      and (end is None or (b is not None and b <= end)))
            outside = ((end is not None and a is not None and a > end)
                       or (start is not None and b is not None and b < start))
            fits.add("inside" if inside else "outside" if outside else "partial")
    if not fits:
        return "inside"  # no reading where the date given is the window's own date
    return fits.pop() if len(fits) == 1 else "partial"


def _pardon_date(s: Situation, p: ReliefPath) -> Reason | None:
    """A pardon granted once, to everyone covered, can only reach cases from before it. When
    the data gives no window, a case from before the year of the pardon's law fits; a later
    one may not."""
    if p.kind != "pardon" or p.mechanism != "automatic" or p.date_from or p.date_to:
        return None
    params = {"year": p.enacted_year, "when_year": s.year}
    if p.enacted_year is None:
        return Reason(Status.CHECK, "pardon_date.check_unknown", params)
    if s.year is None or s.year >= p.enacted_year:
        return Reason(Status.CHECK, "pardon_date.check", params)
    return Reason(Status.FITS, "pardon_date.fits", params)


def _sentence(s: Situation, p: ReliefPath) -> Reason | None:
    if p.sentence_completed is None or s.record == "arrest":
        return None
    params = {"only": "finished" if p.sentence_completed else "serving",
              "state": None if s.completed is None else "finished" if s.completed else "serving"}
    if s.completed is None:
        return Reason(Status.CHECK, "sentence.check", params)
    if s.completed != p.sentence_completed:
        return Reason(Status.FAILS, "sentence.other", params)
    return Reason(Status.FITS, "sentence.fits", params)


def _age(s: Situation, p: ReliefPath) -> Reason | None:
    if p.min_age is None:
        return None
    params = {"age": p.min_age, "was": s.age}
    if s.age is None:
        return Reason(Status.CHECK, "age.check", params)
    if s.age < p.min_age:
        return Reason(Status.FAILS, "age.under", params)
    return Reason(Status.FITS, "age.fits", params)


def _only_conviction(s: Situation, p: ReliefPath) -> Reason | None:
    if not p.only_conviction or s.record == "arrest":
        return None
    if s.only_conviction is None:
        return Reason(Status.CHECK, "only_conviction.check")
    if not s.only_conviction:
        return Reason(Status.FAILS, "only_conviction.other")
    return Reason(Status.FITS, "only_conviction.fits")


def _only_charge(s: Situation, p: ReliefPath) -> Reason | None:
    if p.only_charge is None:
        return None
    if p.only_charge:
        if s.other_charges is None:
            return Reason(Status.CHECK, "only_charge.check")
        if s.other_charges:
            return Reason(Status.FAILS, "only_charge.other")
        return Reason(Status.FITS, "only_charge.fits")
    # A path for cases with several charges. "No other charges" does not rule it out: a
    # second marijuana charge (paraphernalia, say) can make a case mixed.
    if s.other_charges:
        return Reason(Status.FITS, "mixed.fits")
    return Reason(Status.CHECK, "mixed.check")


def _waiting(s: Situation, p: ReliefPath, today: datetime.date) -> Reason | None:
    years = p.waiting_period_years
    if not years:
        return None
    params = {"years": years, "wait_text": p.waiting_period}
    if s.year is None:
        return Reason(Status.CHECK, "wait.check", params)
    earliest = s.year + years
    if earliest > today.year:
        return Reason(Status.CHECK, "wait.not_yet", {**params, "earliest": earliest})
    return None  # it may have passed; the next steps say how long it is
