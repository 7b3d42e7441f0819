"""How facts are put into words: counts with their qualifier and unit, dates, grams."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from desktop import i18n, strings
from desktop.data.records import Source

if TYPE_CHECKING:
    from desktop.data.place_records import JurisdictionDetail, ReliefCount


def number(value: int) -> str:
    """15000 -> '15,000' (the separator is the language's)."""
    return f"{value:,}".replace(",", strings.THOUSANDS_SEPARATOR)


def count_phrase(count: int, qualifier: str, unit: str, count_high: int | None = None) -> str:
    """'more than 15,000 people', 'up to 3,500 eligible people', '250,000–500,000 ...'.

    The qualifier is never dropped: 'more than 15,000' is not '15,000'.
    """
    singular, plural = strings.UNIT_COUNTED[unit]
    if qualifier == "range" and count_high is not None:
        unit_words = i18n.ngettext(singular, plural, 2).replace("{count}", "").strip()
        return strings.RANGE_COUNTED.format(low=number(count), high=number(count_high),
                                            unit=unit_words)
    # Only an exact 1 is singular: "more than 1" is still more than one.
    n = count if qualifier == "exact" else max(count, 2)
    counted = i18n.ngettext(singular, plural, n).format(count=number(count))
    return strings.QUALIFIED[qualifier].format(counted=counted)


def count_sentence(c: ReliefCount) -> str:
    """'More than 44,000 cases expunged' or, for eligible units, 'Up to 3,500 eligible people'."""
    phrase = count_phrase(c.count, c.qualifier, c.unit, c.count_high)
    if c.unit.startswith("eligible_") or c.unit == "petitions":
        text = phrase
    elif c.unit == "people":
        text = strings.COUNT_DONE_PEOPLE[c.action].format(counted=phrase)
    else:
        text = strings.COUNT_DONE[c.action].format(counted=phrase)
    return text[:1].upper() + text[1:]


def date_text(iso: str | None) -> str:
    """'2023-06-06' -> 'June 6, 2023'; '2023-06' -> 'June 2023'; '2023' -> '2023'."""
    if not iso:
        return strings.UNKNOWN_SHORT
    parts = iso.split("-")
    try:
        if len(parts) == 3:
            d = datetime.date.fromisoformat(iso)
            return strings.DATE_DAY.format(month=strings.MONTHS[d.month - 1], day=d.day,
                                           year=d.year)
        if len(parts) == 2:
            return strings.DATE_MONTH.format(month=strings.MONTHS[int(parts[1]) - 1],
                                             year=parts[0])
    except (ValueError, IndexError):
        return iso
    return iso


def and_list(items: list[str]) -> str:
    """['a', 'b', 'c'] -> 'a, b and c', in the reader's language."""
    if len(items) <= 1:
        return "".join(items)
    return strings.LIST_AND.format(items=strings.LIST_SEPARATOR.join(items[:-1]), last=items[-1])


def source_date(source: Source, about: str | None = None, undated: str | None = None) -> str:
    """The page's stated date in words; for an undated page, the date read from its content
    (`about`) or `undated`. Handouts pass their shorter wording."""
    if source.published:
        return date_text(source.published)
    if source.inferred:
        return (about or strings.SOURCE_NO_DATE_ABOUT).format(date=date_text(source.inferred))
    return undated or strings.SOURCE_NO_DATE


def legal_status(d: JurisdictionDetail, say_how: bool = True) -> str:
    """'Adult use legalized by voters in 2022', 'Decriminalized (not legalized) since 2019';
    without `say_how`, the short form a handout's box has room for."""
    s = d.summary
    status = strings.ADULT_USE[s.adult_use]
    if s.adult_use == "legalized":
        how = d.adult_use_how if say_how and d.adult_use_how in ("ballot", "legislature") else ""
        if s.adult_use_year:
            template = strings.LEGALIZED_HOW_IN[how] if how else strings.LEGALIZED_IN
            return template.format(year=s.adult_use_year)
        return strings.LEGALIZED_HOW[how] if how else status
    if s.adult_use == "decriminalized" and d.decriminalized_year:
        return strings.DECRIMINALIZED_SINCE.format(year=d.decriminalized_year)
    return status
