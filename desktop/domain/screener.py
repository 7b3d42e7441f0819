"""The eligibility screener: from one person's answers to a verdict on each relief path.

Pure Python (no Qt, no SQL). Every rule comes from the structured eligibility fields of a
relief path (docs/DATA_FORMAT.md, "How the screener reads the eligibility fields"), never
from code written for one place. A path checks each field it has against the answers:

- a field that fits gives a reason it *likely* applies;
- an answer of "don't know", or a path too vague to decide (no `offense_kinds`), gives
  *may apply* and says what to check;
- a field that rules the case out gives *does not apply* and says why.

Nothing here keeps, writes or logs the answers: a `Situation` lives only as long as the
caller holds it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from fractions import Fraction

from desktop import strings
from desktop.data.records import JurisdictionDetail, ReliefPath
from desktop.domain import wording

OUNCE_GRAMS = Fraction("28.349523125")  # international avoirdupois ounce, exactly
POUND_GRAMS = Fraction("453.59237")      # international avoirdupois pound, exactly
_UNITS = {
    "g": 1, "gram": 1, "grams": 1, "gm": 1, "gms": 1,
    "kg": 1000, "kgs": 1000, "kilo": 1000, "kilos": 1000, "kilogram": 1000, "kilograms": 1000,
    "oz": OUNCE_GRAMS, "ozs": OUNCE_GRAMS, "ounce": OUNCE_GRAMS, "ounces": OUNCE_GRAMS,
    "lb": POUND_GRAMS, "lbs": POUND_GRAMS, "pound": POUND_GRAMS, "pounds": POUND_GRAMS,
}
_DONT_KNOW = {"", "?", "unknown", "don't know", "dont know", "do not know", "not sure",
              "dk", "n/a", "na", "none given"}
_NUMBER = r"(?:\d+\s+\d+\s*/\s*\d+|\d+\s*/\s*\d+|\d+(?:\.\d*)?|\.\d+)"
_AMOUNT_RE = re.compile(rf"^(?P<number>{_NUMBER})\s*(?P<unit>[a-z]*)\.?$")

# Two amounts closer than this (in grams) are the same amount: a person's "2.5 oz" is at a
# 2.5 oz limit even after floating-point arithmetic. A millionth of a gram is far below any
# amount a court or a scale records.
AMOUNT_TOLERANCE_GRAMS = 1e-6

OFFENSES = ("possession", "sale_distribution", "cultivation", "paraphernalia", "other")
LEVELS = ("misdemeanor", "felony")
EVENTS = ("offense", "arrest", "conviction")   # the order they happen in
RECORDS = ("conviction", "arrest")             # arrest: arrested or charged, not convicted
VERDICTS = ("likely", "may", "no")             # also the order results are listed in

_PASS, _UNSURE, _FAIL = "pass", "unsure", "fail"


@dataclass(frozen=True)
class Situation:
    """One person's answers. None always means "don't know"."""

    jurisdiction: str                 # code of the place whose law the case was under
    offense: str | None = None        # one of OFFENSES
    amount_grams: float | None = None
    amount_said: str | None = None    # the amount as the person said it ("1 oz"), for display
    level: str | None = None          # misdemeanor | felony
    year: int | None = None           # year of the offense, arrest or conviction
    date: datetime.date | None = None  # the exact date, when known (its year is `year`)
    year_of: str | None = None        # which event `year` is (one of EVENTS); None: not sure
    record: str | None = None         # conviction | arrest (arrested or charged, no conviction)
    completed: bool | None = None     # sentence finished, including probation and parole
    age: int | None = None            # age at the time of the offense
    only_conviction: bool | None = None  # this is the person's only criminal conviction
    other_charges: bool | None = None    # the case also had charges not about marijuana

    def __post_init__(self) -> None:
        for name, value, allowed in (("offense", self.offense, OFFENSES),
                                     ("level", self.level, LEVELS),
                                     ("year_of", self.year_of, EVENTS),
                                     ("record", self.record, RECORDS)):
            if value is not None and value not in allowed:
                raise ValueError(f"{name} must be one of {', '.join(allowed)}, not {value!r}")
        if self.amount_grams is not None and self.amount_grams < 0:
            raise ValueError("amount_grams must not be negative")
        if self.date is not None and self.year is None:
            object.__setattr__(self, "year", self.date.year)
        if self.date is not None and self.date.year != self.year:
            raise ValueError("date and year disagree")
        if self.age is not None and not 0 <= self.age <= 120:
            raise ValueError("age must be between 0 and 120")


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

    def as_json(self) -> dict[str, str]:
        return {"path_id": self.path_id, "jurisdiction": self.jurisdiction, "kind": self.kind,
                "mechanism": self.mechanism, "verdict": self.verdict, "reason": self.reason,
                "next_step": self.next_step, "source_id": self.source_id}


# -- answers from text ----------------------------------------------------------------------
def is_dont_know(text: str | None) -> bool:
    return text is None or " ".join(text.lower().replace("’", "'").split()) in _DONT_KNOW


def parse_amount(text: str | None) -> float | None:
    """'1oz', '28 g', '0.5 lb', '2.5 oz', '3/4 oz', '1 1/2 oz' -> grams, converted exactly.

    "Don't know" (or nothing) gives None. Anything else raises ValueError with a plain message.
    """
    if is_dont_know(text):
        return None
    cleaned = " ".join(text.lower().split())
    match = _AMOUNT_RE.match(cleaned)
    if not match:
        raise ValueError(strings.fmt(strings.SCREEN_AMOUNT_BAD, text=text.strip()))
    unit = match["unit"]
    if not unit:
        raise ValueError(strings.fmt(strings.SCREEN_AMOUNT_NO_UNIT, text=text.strip()))
    if unit not in _UNITS:
        raise ValueError(strings.fmt(strings.SCREEN_AMOUNT_BAD_UNIT, unit=unit))
    quantity = _number(match["number"], text)
    try:
        return float(quantity * _UNITS[unit])
    except OverflowError:  # hundreds of digits: not an amount anyone had
        raise ValueError(strings.fmt(strings.SCREEN_AMOUNT_BAD, text=text.strip()[:40])) from None


def _number(text: str, original: str) -> Fraction:
    parts = text.replace(" /", "/").replace("/ ", "/").split()
    try:
        value = sum((Fraction(p) for p in parts), Fraction(0))
    except (ValueError, ZeroDivisionError):
        raise ValueError(strings.fmt(strings.SCREEN_AMOUNT_BAD, text=original.strip())) from None
    return value


_DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%m-%d-%Y")


def parse_when(text: str | None, today: datetime.date | None = None
               ) -> tuple[int | None, datetime.date | None]:
    """'2016' -> (2016, None); '2016-03-14' or '3/14/2016' -> (2016, date); "don't know" ->
    (None, None). Raises ValueError with a plain message for anything else."""
    if is_dont_know(text):
        return None, None
    cleaned = text.strip()
    today = today or datetime.date.today()
    if re.fullmatch(r"\d{4}", cleaned):
        year, date = int(cleaned), None
    else:
        for pattern in _DATE_FORMATS:
            try:
                date = datetime.datetime.strptime(cleaned, pattern).date()
                break
            except ValueError:
                continue
        else:
            raise ValueError(strings.fmt(strings.SCREEN_YEAR_BAD, text=cleaned))
        year = date.year
    if year < 1900:
        raise ValueError(strings.fmt(strings.SCREEN_YEAR_BAD, text=cleaned))
    if year > today.year or (date is not None and date > today):
        raise ValueError(strings.fmt(strings.SCREEN_YEAR_FUTURE, text=cleaned))
    return year, date


def grams_text(grams: float) -> str:
    """28.349523125 -> '28.35 g'; 30 -> '30 g'."""
    text = f"{grams:,.2f}".rstrip("0").rstrip(".")
    return f"{text} g"


def amount_text(situation: Situation) -> str:
    """The person's amount in their words with grams: '1 oz (28.35 g)'."""
    if situation.amount_grams is None:
        return strings.SCREEN_DONT_KNOW
    grams = grams_text(situation.amount_grams)
    said = " ".join((situation.amount_said or "").split())
    match = _AMOUNT_RE.match(said.lower())
    if match and match["unit"]:
        said = f"{' '.join(match['number'].split())} {match['unit']}"  # "1oz" -> "1 oz"
    if not said or said.replace(" ", "") == grams.replace(" ", ""):
        return grams
    return f"{said} ({grams})"


def describe_answers(s: Situation, place: str, extra: set[str] = frozenset()
                     ) -> list[tuple[str, str]]:
    """The answers as (label, words) pairs, to read back or print beside the result. The
    further questions appear when `extra` names them or they were answered."""
    labels = strings.SCREEN_ANSWER_LABELS
    dont_know = strings.SCREEN_DONT_KNOW
    if s.year is None:
        when = dont_know
    else:
        at = wording.date_text(s.date.isoformat()) if s.date else str(s.year)
        when = f"{at} ({strings.SCREEN_YEAR_OF_WORD[s.year_of]})"
    rows = [
        ("place", place),
        ("offense", strings.SCREEN_OFFENSE[s.offense] if s.offense else dont_know),
        ("amount", amount_text(s)),
        ("level", strings.SCREEN_LEVEL_WORD[s.level]),
        ("year", when),
        ("completed", strings.SCREEN_YES_NO[s.completed]),
    ]
    further = {
        "record": (s.record, strings.SCREEN_RECORD_WORD[s.record]),
        "age": (s.age, dont_know if s.age is None else str(s.age)),
        "only_conviction": (s.only_conviction, strings.SCREEN_YES_NO[s.only_conviction]),
        "other_charges": (s.other_charges, strings.SCREEN_YES_NO[s.other_charges]),
    }
    for key, (value, words) in further.items():
        if key in extra or value is not None:
            rows.append((key, words))
    return [(labels[key], words) for key, words in rows]


# -- the screening --------------------------------------------------------------------------
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
                    federal_detail: JurisdictionDetail | None = None) -> list[str]:
    """Plain sentences to read beside the results: no specific relief here; the federal
    pardons do not reach a state's convictions."""
    notes = []
    if not detail.paths:
        notes.append(strings.fmt(strings.SCREEN_NO_PATHS, place=detail.name))
        notes += [n.text for n in detail.notes]
    if (federal_detail is not None and detail.summary.kind in ("state", "territory")
            and any(p.kind == "pardon" for p in federal_detail.paths)):
        notes.append(strings.fmt(strings.SCREEN_FEDERAL_NOTE, place=detail.name))
    return notes


def relevant_questions(detail: JurisdictionDetail | None) -> set[str]:
    """The further questions a place's paths need: 'record', 'age', 'only_conviction',
    'other_charges' (the core questions are always asked)."""
    needed = set()
    for p in detail.paths if detail is not None else ():
        if p.records_covered in ("convictions", "arrests"):
            needed.add("record")
        if p.min_age is not None:
            needed.add("age")
        if p.only_conviction:
            needed.add("only_conviction")
        if p.only_charge is not None:
            needed.add("other_charges")
    return needed


def _judge(s: Situation, where: JurisdictionDetail, p: ReliefPath,
           today: datetime.date) -> PathResult:
    outcomes = [o for o in (
        _offense(s, p), _level(s, p), _record(s, p), _amount(s, p), _window(s, p),
        _pardon_date(s, p), _sentence(s, p), _age(s, p), _only_conviction(s, p),
        _only_charge(s, p), _waiting(s, p, today),
    ) if o is not None]
    fits = tuple(text for status, text in outcomes if status == _PASS)
    checks = tuple(text for status, text in outcomes if status == _UNSURE)
    fails = tuple(text for status, text in outcomes if status == _FAIL)
    verdict = "no" if fails else "may" if checks else "likely"
    also = p.conditions if verdict != "no" else None
    if verdict == "likely":
        reason = strings.SCREEN_REASON_LIKELY.format(fits=_clauses(fits))
    elif verdict == "may":
        reason = " ".join(checks)
        if fits:
            reason += " " + strings.SCREEN_REASON_FITS.format(fits=_clauses(fits))
    else:
        reason = strings.SCREEN_REASON_NO.format(fails=_clauses(fails, "; and "))
    if also:
        reason += " " + strings.SCREEN_ALSO.format(text=also)
    steps = _steps(p, verdict)
    sid = p.source_ids[0] if p.source_ids else ""
    source = where.sources.get(sid)
    return PathResult(
        path_id=p.id, jurisdiction=where.code, name=p.name, kind=p.kind,
        mechanism=p.mechanism, verdict=verdict, reason=reason,
        next_step=" ".join(f"{label}: {_sentence_end(text)}" for label, text in steps),
        source_id=sid, source_title=source.title if source else sid,
        source_publisher=source.publisher if source else None,
        source_date=wording.source_date(source) if source else strings.UNKNOWN_SHORT,
        fits=fits, checks=checks, fails=fails, also=also, steps=steps,
        limits=p.limits if verdict != "no" else None,
        caveats=tuple(c.text for c in p.caveats))


# -- one check per eligibility field: (status, words) or None when the path has no such rule --
def _offense(s: Situation, p: ReliefPath):
    if not p.offense_kinds:
        said = _quote(p.offenses) if p.offenses else strings.UNKNOWN_SHORT
        return _UNSURE, strings.SCREEN_CHECK_OFFENSE_UNLISTED.format(offenses=said)
    kinds = _and_list([strings.SCREEN_OFFENSE[k] for k in OFFENSES if k in p.offense_kinds])
    if s.offense is None:
        return _UNSURE, strings.SCREEN_CHECK_OFFENSE.format(kinds=kinds)
    if s.offense not in p.offense_kinds:
        return _FAIL, strings.SCREEN_NO_OFFENSE.format(
            kinds=kinds, offense=strings.SCREEN_OFFENSE[s.offense])
    if s.offense == "other":
        return _UNSURE, strings.SCREEN_CHECK_OFFENSE_OTHER.format(
            offenses=_quote(p.offenses) if p.offenses else kinds)
    return _PASS, strings.SCREEN_FITS_OFFENSE.format(offense=strings.SCREEN_OFFENSE[s.offense])


def _level(s: Situation, p: ReliefPath):
    if p.offense_level in (None, "both"):
        return None
    plural = strings.SCREEN_LEVEL_PLURAL[p.offense_level]
    if s.level is None:
        return _UNSURE, strings.SCREEN_CHECK_LEVEL.format(plural=plural)
    if s.level != p.offense_level:
        return _FAIL, strings.SCREEN_NO_LEVEL.format(plural=plural, level=s.level)
    return _PASS, strings.SCREEN_FITS_LEVEL.format(plural=plural, level=s.level)


def _record(s: Situation, p: ReliefPath):
    if p.records_covered in (None, "both"):
        return None
    needed = "conviction" if p.records_covered == "convictions" else "arrest"
    only = strings.SCREEN_RECORD_ONLY[needed]
    if s.record is None:
        return _UNSURE, strings.SCREEN_CHECK_RECORD.format(only=only)
    if s.record != needed:
        return _FAIL, strings.SCREEN_NO_RECORD.format(
            only=only, record=strings.SCREEN_RECORD_IS[s.record])
    return _PASS, strings.SCREEN_RECORD_FITS[needed]


def _amount(s: Situation, p: ReliefPath):
    if p.max_amount_grams is None:
        return None
    limit = p.amount_text or grams_text(p.max_amount_grams)
    if s.amount_grams is None:
        return _UNSURE, strings.SCREEN_CHECK_AMOUNT.format(limit=limit)
    said = amount_text(s)
    difference = s.amount_grams - p.max_amount_grams
    if difference > AMOUNT_TOLERANCE_GRAMS:
        return _FAIL, strings.SCREEN_NO_AMOUNT.format(limit=limit, amount=said)
    if p.max_amount_exclusive and difference >= -AMOUNT_TOLERANCE_GRAMS:
        return _FAIL, strings.SCREEN_NO_AMOUNT_UNDER.format(limit=limit, amount=said)
    return _PASS, strings.SCREEN_FITS_AMOUNT.format(limit=limit, amount=said)


def _window(s: Situation, p: ReliefPath):
    if not (p.date_from or p.date_to):
        return None
    start = datetime.date.fromisoformat(p.date_from) if p.date_from else None
    end = datetime.date.fromisoformat(p.date_to) if p.date_to else None
    event = p.date_applies_to or "unstated"
    window = _window_words(event, start, end)
    what = strings.SCREEN_EVENT_DATE[event]
    if s.year is None:
        return _UNSURE, strings.SCREEN_CHECK_DATE.format(what=what, window=window)
    fit = _fit(s, event, start, end)
    when = _when_words(s)
    if fit == "inside":
        return _PASS, strings.SCREEN_FITS_DATE.format(window=window, when=when)
    if fit == "outside":
        return _FAIL, strings.SCREEN_NO_DATE.format(window=window, when=when)
    if _fit(s, event, start, end, same_event=True) == "partial":  # the window opens or closes then
        edge = "end" if end is not None and end.year == s.year else "start"
        return _UNSURE, strings.SCREEN_CHECK_EDGE_DATE.format(
            what=what, window=window, when=when, edge=strings.SCREEN_EDGE[edge])
    given = strings.SCREEN_GIVEN["date" if s.date else "year"].format(
        at=wording.date_text(s.date.isoformat()) if s.date else s.year)
    if s.year_of is None:
        return _UNSURE, strings.SCREEN_CHECK_WHICH_DATE.format(
            what=what, window=window, given=given)
    return _UNSURE, strings.SCREEN_CHECK_OTHER_DATE.format(
        what=what, window=window, given=given, event=s.year_of)


def _fit(s: Situation, event: str, start: datetime.date | None,
         end: datetime.date | None, same_event: bool = False) -> str:
    """'inside', 'outside' or 'partial': where the path's event can fall, given the date the
    person gave and what it may be the date of. Events happen in the order of EVENTS, so a
    conviction is never before the offense: the offense's year bounds the conviction's date
    from below only. With `same_event`, only the readings where the date given is the date
    the window is about (so 'partial' then means the window opens or closes in that year)."""
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


def _pardon_date(s: Situation, p: ReliefPath):
    """A pardon granted once, to everyone covered, can only reach cases from before it. When
    the data gives no window, a case from before the year of the pardon's law fits; a later
    one may not."""
    if p.kind != "pardon" or p.mechanism != "automatic" or p.date_from or p.date_to:
        return None
    if p.enacted_year is None:
        return _UNSURE, strings.SCREEN_CHECK_PARDON_DATE_UNKNOWN
    if s.year is None:
        return _UNSURE, strings.SCREEN_CHECK_PARDON_DATE.format(year=p.enacted_year)
    if s.year < p.enacted_year:
        return _PASS, strings.SCREEN_FITS_PARDON_DATE.format(year=p.enacted_year, when=s.year)
    return _UNSURE, strings.SCREEN_CHECK_PARDON_DATE.format(year=p.enacted_year)


def _sentence(s: Situation, p: ReliefPath):
    if p.sentence_completed is None or s.record == "arrest":
        return None
    rule = "finished" if p.sentence_completed else "serving"
    only = strings.SCREEN_SENTENCE_ONLY[rule]
    if s.completed is None:
        return _UNSURE, strings.SCREEN_CHECK_SENTENCE.format(only=only)
    if s.completed != p.sentence_completed:
        state = strings.SCREEN_SENTENCE_IS["finished" if s.completed else "serving"]
        return _FAIL, strings.SCREEN_NO_SENTENCE.format(only=only, state=state)
    return _PASS, strings.SCREEN_FITS_SENTENCE.format(only=only)


def _age(s: Situation, p: ReliefPath):
    if p.min_age is None:
        return None
    if s.age is None:
        return _UNSURE, strings.SCREEN_CHECK_AGE.format(age=p.min_age)
    if s.age < p.min_age:
        return _FAIL, strings.SCREEN_NO_AGE.format(age=p.min_age, was=s.age)
    return _PASS, strings.SCREEN_FITS_AGE.format(age=p.min_age, was=s.age)


def _only_conviction(s: Situation, p: ReliefPath):
    if not p.only_conviction or s.record == "arrest":
        return None
    if s.only_conviction is None:
        return _UNSURE, strings.SCREEN_CHECK_ONLY_CONVICTION
    if not s.only_conviction:
        return _FAIL, strings.SCREEN_NO_ONLY_CONVICTION
    return _PASS, strings.SCREEN_FITS_ONLY_CONVICTION


def _only_charge(s: Situation, p: ReliefPath):
    if p.only_charge is None:
        return None
    if p.only_charge:
        if s.other_charges is None:
            return _UNSURE, strings.SCREEN_CHECK_ONLY_CHARGE
        if s.other_charges:
            return _FAIL, strings.SCREEN_NO_ONLY_CHARGE
        return _PASS, strings.SCREEN_FITS_ONLY_CHARGE
    # A path for cases with several charges. "No other charges" does not rule it out: a
    # second marijuana charge (paraphernalia, say) can make a case mixed.
    if s.other_charges:
        return _PASS, strings.SCREEN_FITS_MIXED
    return _UNSURE, strings.SCREEN_CHECK_MIXED


def _waiting(s: Situation, p: ReliefPath, today: datetime.date):
    years = p.waiting_period_years
    if not years:
        return None
    wait = p.waiting_period or strings.SCREEN_YEARS.format(n=_number_words(years))
    if s.year is None:
        return _UNSURE, strings.SCREEN_CHECK_WAIT.format(wait=wait)
    earliest = s.year + years
    if earliest > today.year:
        return _UNSURE, strings.SCREEN_CHECK_WAIT_NOT_YET.format(
            wait=wait, year=_number_words(earliest))
    return None  # it may have passed; the next steps say how long it is


# -- next steps -------------------------------------------------------------------------------
def _steps(p: ReliefPath, verdict: str) -> tuple[tuple[str, str], ...]:
    """What to do: for automatic relief how to confirm it happened and what to do if not;
    for a petition or application where to file, how, the fee and the waiting period. Only
    what the data says; "unknown" otherwise."""
    unknown = strings.UNKNOWN
    if verdict == "no":
        return ((strings.SCREEN_STEP_NEXT, strings.SCREEN_NEXT_NO),)
    if p.mechanism == "automatic":
        steps = [(strings.SCREEN_STEP_HAPPENS, p.how_to_apply or strings.SCREEN_CONFIRM_UNKNOWN)]
        if p.handled_by:
            steps.append((strings.SCREEN_STEP_WHO, p.handled_by))
        steps.append((strings.SCREEN_STEP_IF_NOT, strings.SCREEN_IF_NOT))
        return tuple(steps)
    return (
        (strings.SCREEN_STEP_WHERE, p.handled_by or unknown),
        (strings.SCREEN_STEP_HOW, p.how_to_apply or unknown),
        (strings.SCREEN_STEP_FEE, _fee(p)),
        (strings.SCREEN_STEP_WAIT, _wait(p)),
    )


def _fee(p: ReliefPath) -> str:
    if p.fee:
        return p.fee
    if p.fee_dollars is None:
        return strings.UNKNOWN
    return strings.SCREEN_NO_FEE if p.fee_dollars == 0 else f"${p.fee_dollars:,.0f}"


def _wait(p: ReliefPath) -> str:
    if p.waiting_period:
        return p.waiting_period
    if p.waiting_period_years is None:
        return strings.UNKNOWN
    if p.waiting_period_years == 0:
        return strings.SCREEN_NO_WAIT
    return strings.SCREEN_YEARS.format(n=_number_words(p.waiting_period_years))


# -- words ----------------------------------------------------------------------------------
def _window_words(event: str, start: datetime.date | None, end: datetime.date | None) -> str:
    events = strings.SCREEN_EVENTS[event]
    if start and end:
        words = strings.SCREEN_WINDOW_BOTH.format(
            events=events, start=wording.date_text(start.isoformat()),
            end=wording.date_text(end.isoformat()))
    elif end:
        words = strings.SCREEN_WINDOW_TO.format(
            events=events, end=wording.date_text(end.isoformat()))
    else:
        words = strings.SCREEN_WINDOW_FROM.format(
            events=events, start=wording.date_text(start.isoformat()))
    if event == "unstated":
        words += strings.SCREEN_WINDOW_UNSTATED
    return words


def _when_words(s: Situation) -> str:
    at = (strings.SCREEN_ON_DATE.format(date=wording.date_text(s.date.isoformat()))
          if s.date else strings.SCREEN_IN_YEAR.format(year=s.year))
    if s.year_of:
        return strings.SCREEN_WHEN_EVENT.format(event=s.year_of, at=at)
    return strings.SCREEN_WHEN_CASE.format(at=at)


def _quote(text: str) -> str:
    return f"“{text.strip().rstrip('.')}”"


def _and_list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _clauses(parts: tuple[str, ...], joiner: str = "; ") -> str:
    return joiner.join(parts)


def _sentence_end(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def _number_words(value: float) -> str:
    return f"{value:g}"


def verdict_counts(results: list[PathResult]) -> str:
    """'1 path likely applies · 2 paths may apply': the line above a screening's result."""
    parts = []
    for verdict in ("likely", "may", "no"):
        n = sum(r.verdict == verdict for r in results)
        if n:
            one, many = strings.SCREEN_COUNT[verdict]
            parts.append((one if n == 1 else many).format(n=n))
    return " · ".join(parts)
