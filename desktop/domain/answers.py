"""A person's answers to the screener, and the parsing of what they type.

Pure Python (no Qt, no SQL). Nothing here keeps, writes or logs the answers: a `Situation`
lives only as long as the caller holds it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from fractions import Fraction

from desktop import strings

OUNCE_GRAMS = Fraction("28.349523125")  # international avoirdupois ounce, exactly
POUND_GRAMS = Fraction("453.59237")      # international avoirdupois pound, exactly
_UNITS: dict[str, int | Fraction] = {
    "g": 1, "gram": 1, "grams": 1, "gm": 1, "gms": 1,
    "kg": 1000, "kgs": 1000, "kilo": 1000, "kilos": 1000, "kilogram": 1000, "kilograms": 1000,
    "oz": OUNCE_GRAMS, "ozs": OUNCE_GRAMS, "ounce": OUNCE_GRAMS, "ounces": OUNCE_GRAMS,
    "lb": POUND_GRAMS, "lbs": POUND_GRAMS, "pound": POUND_GRAMS, "pounds": POUND_GRAMS,
}
_DONT_KNOW = {"", "?", "unknown", "don't know", "dont know", "do not know", "not sure",
              "dk", "n/a", "na", "none given"}
_NUMBER = r"(?:\d+\s+\d+\s*/\s*\d+|\d+\s*/\s*\d+|\d+(?:\.\d*)?|\.\d+)"
AMOUNT_RE = re.compile(rf"^(?P<number>{_NUMBER})\s*(?P<unit>[a-z]*)\.?$")

OFFENSES = ("possession", "sale_distribution", "cultivation", "paraphernalia", "other")
LEVELS = ("misdemeanor", "felony")
EVENTS = ("offense", "arrest", "conviction")   # the order they happen in
RECORDS = ("conviction", "arrest")             # arrest: arrested or charged, not convicted


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



# -- answers from text ----------------------------------------------------------------------
def _shown(text: str, limit: int = 40) -> str:
    """What the person typed, as one short line for a message (never a line break)."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[:limit - 1] + "…"


def is_dont_know(text: str | None) -> bool:
    return text is None or " ".join(text.lower().replace("’", "'").split()) in _DONT_KNOW


def parse_amount(text: str | None) -> float | None:
    """'1oz', '28 g', '0.5 lb', '2.5 oz', '3/4 oz', '1 1/2 oz' -> grams, converted exactly.

    "Don't know" (or nothing) gives None. Anything else raises ValueError with a plain message.
    """
    if text is None or is_dont_know(text):
        return None
    cleaned = " ".join(text.lower().split())
    match = AMOUNT_RE.match(cleaned)
    if not match:
        raise ValueError(strings.fmt(strings.SCREEN_AMOUNT_BAD, text=_shown(text)))
    unit = match["unit"]
    if not unit:
        raise ValueError(strings.fmt(strings.SCREEN_AMOUNT_NO_UNIT, text=_shown(text)))
    if unit not in _UNITS:
        raise ValueError(strings.fmt(strings.SCREEN_AMOUNT_BAD_UNIT, unit=unit))
    quantity = _number(match["number"], text)
    try:
        return float(quantity * _UNITS[unit])
    except OverflowError:  # hundreds of digits: not an amount anyone had
        raise ValueError(strings.fmt(strings.SCREEN_AMOUNT_BAD, text=_shown(text))) from None


def _number(text: str, original: str) -> Fraction:
    parts = text.replace(" /", "/").replace("/ ", "/").split()
    try:
        value = sum((Fraction(p) for p in parts), Fraction(0))
    except (ValueError, ZeroDivisionError):
        raise ValueError(strings.fmt(strings.SCREEN_AMOUNT_BAD, text=_shown(original))) from None
    return value


_DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%m-%d-%Y")


def parse_when(text: str | None, today: datetime.date | None = None
               ) -> tuple[int | None, datetime.date | None]:
    """'2016' -> (2016, None); '2016-03-14' or '3/14/2016' -> (2016, date); "don't know" ->
    (None, None). Raises ValueError with a plain message for anything else."""
    if text is None or is_dont_know(text):
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
            raise ValueError(strings.fmt(strings.SCREEN_YEAR_BAD, text=_shown(cleaned)))
        year = date.year
    if year < 1900:
        raise ValueError(strings.fmt(strings.SCREEN_YEAR_BAD, text=_shown(cleaned)))
    if year > today.year or (date is not None and date > today):
        raise ValueError(strings.fmt(strings.SCREEN_YEAR_FUTURE, text=_shown(cleaned)))
    return year, date
