"""How facts are put into words: counts with their qualifier and unit, dates, grams."""

from __future__ import annotations

import datetime

from desktop import strings
from desktop.data.records import JurisdictionDetail, ReliefCount, Source

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def number(value: int) -> str:
    return f"{value:,}"


def count_phrase(count: int, qualifier: str, unit: str, count_high: int | None = None) -> str:
    """'more than 15,000 people', 'up to 3,500 eligible people', '250,000–500,000 ...'.

    The qualifier is never dropped: 'more than 15,000' is not '15,000'.
    """
    singular, plural = strings.UNIT[unit]
    if qualifier == "range" and count_high is not None:
        return f"{number(count)}–{number(count_high)} {plural}"
    noun = singular if count == 1 and qualifier == "exact" else plural
    return f"{strings.QUALIFIER[qualifier]}{number(count)} {noun}"


def count_sentence(c: ReliefCount) -> str:
    """'More than 44,000 cases expunged' or, for eligible units, 'Up to 3,500 eligible people'."""
    phrase = count_phrase(c.count, c.qualifier, c.unit, c.count_high)
    if c.unit.startswith("eligible_") or c.unit == "petitions":
        text = phrase
    elif c.unit == "people":
        text = f"{phrase} {strings.COUNT_ACTION_PEOPLE[c.action]}"
    else:
        text = f"{phrase} {strings.COUNT_ACTION[c.action]}"
    return text[:1].upper() + text[1:]


def date_text(iso: str | None) -> str:
    """'2023-06-06' -> 'June 6, 2023'; '2023-06' -> 'June 2023'; '2023' -> '2023'."""
    if not iso:
        return strings.UNKNOWN_SHORT
    parts = iso.split("-")
    try:
        if len(parts) == 3:
            d = datetime.date.fromisoformat(iso)
            return f"{_MONTHS[d.month - 1]} {d.day}, {d.year}"
        if len(parts) == 2:
            return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        return iso
    return iso


def source_date(source: Source, about: str = strings.SOURCE_NO_DATE_ABOUT,
                undated: str = strings.SOURCE_NO_DATE) -> str:
    """The page's stated date in words; for an undated page, the date read from its content
    (`about`) or `undated`. Handouts pass their shorter wording."""
    if source.published:
        return date_text(source.published)
    if source.inferred:
        return about.format(date=date_text(source.inferred))
    return undated


def legal_status(d: JurisdictionDetail, say_how: bool = True) -> str:
    """'Adult use legalized by voters in 2022', 'Decriminalized (not legalized) since 2019';
    without `say_how`, the short form a handout's box has room for."""
    s = d.summary
    status = strings.ADULT_USE[s.adult_use]
    if s.adult_use == "legalized":
        how = strings.ADULT_USE_HOW.get(d.adult_use_how or "unknown", "") if say_how else ""
        status += f" {how}" if how else ""
        status += f" in {s.adult_use_year}" if s.adult_use_year else ""
    elif s.adult_use == "decriminalized" and d.decriminalized_year:
        status += f" since {d.decriminalized_year}"
    return status
