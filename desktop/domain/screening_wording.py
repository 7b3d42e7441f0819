"""The screener's words: renders the rules' structured reasons (desktop/domain/rules.py) as
the sentences a volunteer reads out, and the answers and counts shown beside them.

Pure Python (no Qt, no SQL). One renderer per reason code; a language renders the same
codes and values (`strings` holds the templates).
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from desktop import i18n, strings
from desktop.data.place_records import ReliefPath
from desktop.domain import wording
from desktop.domain.answers import AMOUNT_RE, OFFENSES, Situation
from desktop.domain.rules import Judgement, Reason, Status, Verdict


def grams_text(grams: float) -> str:
    """28.349523125 -> '28.35 g'; 30 -> '30 g'."""
    text = f"{grams:,.2f}".rstrip("0").rstrip(".")
    return f"{text} g"


def amount_words(grams: float | None, said: str | None) -> str:
    """An amount in the person's words with grams: '1 oz (28.35 g)'."""
    if grams is None:
        return strings.SCREEN_DONT_KNOW
    in_grams = grams_text(grams)
    said = " ".join((said or "").split())
    match = AMOUNT_RE.match(said.lower())
    if match and match["unit"]:
        said = f"{' '.join(match['number'].split())} {match['unit']}"  # "1oz" -> "1 oz"
    if not said or said.replace(" ", "") == in_grams.replace(" ", ""):
        return in_grams
    return f"{said} ({in_grams})"


def amount_text(situation: Situation) -> str:
    """The person's amount in their words with grams: '1 oz (28.35 g)'."""
    return amount_words(situation.amount_grams, situation.amount_said)


def describe_answers(s: Situation, place: str, extra: Collection[str] = frozenset()
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


# -- reasons ----------------------------------------------------------------------------------
def reason_text(reason: Reason) -> str:
    """One reason in words: a clause for what fits or fails, a sentence for what to check."""
    return _RENDER[reason.code](**reason.params)


def reason_line(judgement: Judgement) -> str:
    """Why a path likely applies, what to check, or why it does not, as one text."""
    fits = [reason_text(r) for r in judgement.by_status(Status.FITS)]
    if judgement.verdict == Verdict.LIKELY:
        text = strings.SCREEN_REASON_LIKELY.format(fits="; ".join(fits))
    elif judgement.verdict == Verdict.MAY:
        text = " ".join(reason_text(r) for r in judgement.by_status(Status.CHECK))
        if fits:
            text += " " + strings.SCREEN_REASON_FITS.format(fits="; ".join(fits))
    else:
        fails = [reason_text(r) for r in judgement.by_status(Status.FAILS)]
        text = strings.SCREEN_REASON_NO.format(fails=strings.SCREEN_REASONS_AND.join(fails))
    if judgement.verdict != Verdict.NO and judgement.path.conditions:
        text += " " + strings.SCREEN_ALSO.format(text=judgement.path.conditions)
    return text


def _kinds(kinds) -> str:
    return wording.and_list([strings.SCREEN_OFFENSE[k] for k in OFFENSES if k in kinds])


def _limit(limit_text: str | None, limit_grams: float) -> str:
    return limit_text or grams_text(limit_grams)


def _window(event: str, start: str | None, end: str | None) -> str:
    events = strings.SCREEN_EVENTS[event]
    if start and end:
        words = strings.SCREEN_WINDOW_BOTH.format(
            events=events, start=wording.date_text(start), end=wording.date_text(end))
    elif end:
        words = strings.SCREEN_WINDOW_TO.format(events=events, end=wording.date_text(end))
    else:
        words = strings.SCREEN_WINDOW_FROM.format(events=events, start=wording.date_text(start))
    if event == "unstated":
        words += strings.SCREEN_WINDOW_UNSTATED
    return words


def _when(when_year: int, when_date: str | None, year_of: str | None) -> str:
    at = (strings.SCREEN_ON_DATE.format(date=wording.date_text(when_date))
          if when_date else strings.SCREEN_IN_YEAR.format(year=when_year))
    if year_of:
        return strings.SCREEN_WHEN_EVENT.format(event=strings.SCREEN_EVENT_WORD[year_of], at=at)
    return strings.SCREEN_WHEN_CASE.format(at=at)


def _date(template: str) -> Callable[..., str]:
    """A date rule's sentence: the window and, when the person gave one, their date."""
    def render(event, start, end, when_year=None, when_date=None, year_of=None, edge=None):
        values = {"what": strings.SCREEN_EVENT_DATE[event], "window": _window(event, start, end)}
        if when_year is not None:
            values["when"] = _when(when_year, when_date, year_of)
            values["given"] = strings.SCREEN_GIVEN["date" if when_date else "year"].format(
                at=wording.date_text(when_date) if when_date else when_year)
            values["event"] = strings.SCREEN_EVENT_WORD.get(year_of, "")
        if edge:
            values["edge"] = strings.SCREEN_EDGE[edge]
        return template.format(**values)
    return render


def _amount(template: str) -> Callable[..., str]:
    def render(limit_grams, limit_text, grams, said):
        return template.format(limit=_limit(limit_text, limit_grams),
                               amount=amount_words(grams, said))
    return render


def _wait(template: str) -> Callable[..., str]:
    def render(years, wait_text, earliest=None):
        wait = wait_text or strings.SCREEN_YEARS.format(n=_number_words(years))
        return template.format(wait=wait, year=None if earliest is None
                               else _number_words(earliest))
    return render


_RENDER: dict[str, Callable[..., str]] = {
    "offense.check_unlisted": lambda offenses: strings.SCREEN_CHECK_OFFENSE_UNLISTED.format(
        offenses=_quote(offenses) if offenses else strings.UNKNOWN_SHORT),
    "offense.check": lambda kinds: strings.SCREEN_CHECK_OFFENSE.format(kinds=_kinds(kinds)),
    "offense.not_covered": lambda kinds, offense: strings.SCREEN_NO_OFFENSE.format(
        kinds=_kinds(kinds), offense=strings.SCREEN_OFFENSE[offense]),
    "offense.check_other": lambda kinds, offenses: strings.SCREEN_CHECK_OFFENSE_OTHER.format(
        offenses=_quote(offenses) if offenses else _kinds(kinds)),
    "offense.fits": lambda offense: strings.SCREEN_FITS_OFFENSE.format(
        offense=strings.SCREEN_OFFENSE[offense]),
    "level.check": lambda only, level: strings.SCREEN_CHECK_LEVEL.format(
        plural=strings.SCREEN_LEVEL_PLURAL[only]),
    "level.other": lambda only, level: strings.SCREEN_NO_LEVEL.format(
        plural=strings.SCREEN_LEVEL_PLURAL[only], level=strings.SCREEN_LEVEL_WORD[level]),
    "level.fits": lambda only, level: strings.SCREEN_FITS_LEVEL.format(
        plural=strings.SCREEN_LEVEL_PLURAL[only], level=strings.SCREEN_LEVEL_WORD[level]),
    "record.check": lambda only, record: strings.SCREEN_CHECK_RECORD.format(
        only=strings.SCREEN_RECORD_ONLY[only]),
    "record.other": lambda only, record: strings.SCREEN_NO_RECORD.format(
        only=strings.SCREEN_RECORD_ONLY[only], record=strings.SCREEN_RECORD_IS[record]),
    "record.fits": lambda only, record: strings.SCREEN_RECORD_FITS[only],
    "amount.check": lambda limit_grams, limit_text, grams, said: strings.SCREEN_CHECK_AMOUNT.format(
        limit=_limit(limit_text, limit_grams)),
    "amount.over": _amount(strings.SCREEN_NO_AMOUNT),
    "amount.not_under": _amount(strings.SCREEN_NO_AMOUNT_UNDER),
    "amount.fits": _amount(strings.SCREEN_FITS_AMOUNT),
    "date.check": _date(strings.SCREEN_CHECK_DATE),
    "date.fits": _date(strings.SCREEN_FITS_DATE),
    "date.outside": _date(strings.SCREEN_NO_DATE),
    "date.check_edge": _date(strings.SCREEN_CHECK_EDGE_DATE),
    "date.check_which": _date(strings.SCREEN_CHECK_WHICH_DATE),
    "date.check_other_event": _date(strings.SCREEN_CHECK_OTHER_DATE),
    "pardon_date.check_unknown": lambda year, when_year: strings.SCREEN_CHECK_PARDON_DATE_UNKNOWN,
    "pardon_date.check": lambda year, when_year: strings.SCREEN_CHECK_PARDON_DATE.format(year=year),
    "pardon_date.fits": lambda year, when_year: strings.SCREEN_FITS_PARDON_DATE.format(
        year=year, when=when_year),
    "sentence.check": lambda only, state: strings.SCREEN_CHECK_SENTENCE.format(
        only=strings.SCREEN_SENTENCE_ONLY[only]),
    "sentence.other": lambda only, state: strings.SCREEN_NO_SENTENCE.format(
        only=strings.SCREEN_SENTENCE_ONLY[only], state=strings.SCREEN_SENTENCE_IS[state]),
    "sentence.fits": lambda only, state: strings.SCREEN_FITS_SENTENCE.format(
        only=strings.SCREEN_SENTENCE_ONLY[only]),
    "age.check": lambda age, was: strings.SCREEN_CHECK_AGE.format(age=age),
    "age.under": lambda age, was: strings.SCREEN_NO_AGE.format(age=age, was=was),
    "age.fits": lambda age, was: strings.SCREEN_FITS_AGE.format(age=age, was=was),
    "only_conviction.check": lambda: strings.SCREEN_CHECK_ONLY_CONVICTION,
    "only_conviction.other": lambda: strings.SCREEN_NO_ONLY_CONVICTION,
    "only_conviction.fits": lambda: strings.SCREEN_FITS_ONLY_CONVICTION,
    "only_charge.check": lambda: strings.SCREEN_CHECK_ONLY_CHARGE,
    "only_charge.other": lambda: strings.SCREEN_NO_ONLY_CHARGE,
    "only_charge.fits": lambda: strings.SCREEN_FITS_ONLY_CHARGE,
    "mixed.fits": lambda: strings.SCREEN_FITS_MIXED,
    "mixed.check": lambda: strings.SCREEN_CHECK_MIXED,
    "wait.check": _wait(strings.SCREEN_CHECK_WAIT),
    "wait.not_yet": _wait(strings.SCREEN_CHECK_WAIT_NOT_YET),
}


# -- next steps -------------------------------------------------------------------------------
def steps(p: ReliefPath, verdict: Verdict) -> tuple[tuple[str, str], ...]:
    """What to do: for automatic relief how to confirm it happened and what to do if not;
    for a petition or application where to file, how, the fee and the waiting period. Only
    what the data says; "unknown" otherwise."""
    unknown = strings.UNKNOWN
    if verdict == Verdict.NO:
        return ((strings.SCREEN_STEP_NEXT, strings.SCREEN_NEXT_NO),)
    if p.mechanism == "automatic":
        found = [(strings.SCREEN_STEP_HAPPENS, p.how_to_apply or strings.SCREEN_CONFIRM_UNKNOWN)]
        if p.handled_by:
            found.append((strings.SCREEN_STEP_WHO, p.handled_by))
        found.append((strings.SCREEN_STEP_IF_NOT, strings.SCREEN_IF_NOT))
        return tuple(found)
    return (
        (strings.SCREEN_STEP_WHERE, p.handled_by or unknown),
        (strings.SCREEN_STEP_HOW, p.how_to_apply or unknown),
        (strings.SCREEN_STEP_FEE, _fee(p)),
        (strings.SCREEN_STEP_WAIT, _waiting_period(p)),
    )


def steps_text(found: tuple[tuple[str, str], ...]) -> str:
    return " ".join(f"{label}: {_sentence_end(text)}" for label, text in found)


def _fee(p: ReliefPath) -> str:
    if p.fee:
        return p.fee
    if p.fee_dollars is None:
        return strings.UNKNOWN
    if p.fee_dollars == 0:
        return strings.SCREEN_NO_FEE
    return strings.FEE_DOLLARS.format(amount=wording.number(round(p.fee_dollars)))


def _waiting_period(p: ReliefPath) -> str:
    if p.waiting_period:
        return p.waiting_period
    if p.waiting_period_years is None:
        return strings.UNKNOWN
    if p.waiting_period_years == 0:
        return strings.SCREEN_NO_WAIT
    return strings.SCREEN_YEARS.format(n=_number_words(p.waiting_period_years))


def verdict_counts(verdicts: list[str]) -> str:
    """'1 path likely applies · 2 paths may apply': the line above a screening's result."""
    parts = []
    for verdict in Verdict:
        n = sum(v == verdict for v in verdicts)
        if n:
            parts.append(i18n.ngettext(*strings.SCREEN_COUNT[verdict], n).format(n=n))
    return " · ".join(parts)


# -- small words ------------------------------------------------------------------------------
def _quote(text: str) -> str:
    return f"“{text.strip().rstrip('.')}”"


def _sentence_end(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def _number_words(value: float) -> str:
    return f"{value:g}"

