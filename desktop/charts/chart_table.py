"""Every chart as text: a one-line description of what it shows (for screen readers) and a
table of the same numbers, units, qualifiers and sources (the "Show as table" view).

Plain Python over the same data the figures are drawn from (`chart_data`); no matplotlib, so
a screen-reader user never waits for a chart to be drawn.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from desktop import strings
from desktop.charts import chart_data
from desktop.data.place_records import JurisdictionDetail
from desktop.domain import wording


@dataclass(frozen=True)
class ChartTable:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    codes: tuple[str, ...]     # the place of each row (for opening it from the table)


def describe(kind: str, details: Sequence[JurisdictionDetail]) -> str:
    """One line saying what the chart shows, from the data (never a fixed sentence)."""
    if kind == "map":
        counts = Counter(chart_data.map_categories(details).values())
        parts = [strings.CHART_A11Y_MAP_PART.format(n=counts[c], category=strings.CHART_CATEGORY[c])
                 for c in strings.CHART_CATEGORY if counts.get(c)]
        return strings.CHART_A11Y_MAP.format(parts=strings.LIST_SEPARATOR.join(parts))
    if kind == "relief":
        bars = [b for b in chart_data.relief_bars(details) if not b.eligible]
        pardons = [b for b in bars if b.group == "pardon"]
        cleared = [b for b in bars if b.group != "pardon" and b.count.unit != "petitions"]
        lead = {name: max(group, key=lambda b: b.value) for name, group in
                (("pardons", pardons), ("cleared", cleared)) if group}
        return strings.CHART_A11Y_RELIEF.format(
            pardons=lead["pardons"].name if "pardons" in lead else "—",
            cleared=lead["cleared"].name if "cleared" in lead else "—")
    timeline = chart_data.timeline_data(details)
    if not timeline.years:
        return strings.CHART_A11Y_TIMELINE_EMPTY
    return strings.CHART_A11Y_TIMELINE.format(
        first=timeline.years[0], last=timeline.years[-1],
        adult=timeline.adult_use[-1], relief=timeline.relief[-1])


def describe_counts(detail: JurisdictionDetail) -> str:
    """One line for the detail pane's counts chart: the years it spans and the newest count."""
    if not detail.counts:
        return strings.NO_COUNTS
    years = [int(chart_data.year_fraction(c.as_of)) for c in detail.counts]
    newest = max(detail.counts, key=lambda c: chart_data.year_fraction(c.as_of))
    return strings.CHART_A11Y_COUNTS.format(
        name=detail.name, first=min(years), last=max(years),
        newest=f"{wording.count_sentence(newest)} "
               f"({strings.AS_OF.format(date=wording.date_text(newest.as_of))})")


def table(kind: str, details: Sequence[JurisdictionDetail]) -> ChartTable:
    """The chart's numbers as rows a keyboard and a screen reader can walk."""
    if kind == "map":
        categories = chart_data.map_categories(details)
        rows: list[tuple[str, ...]] = [
            (d.name, strings.CHART_CATEGORY[categories[d.code]],
             strings.CHART_CATEGORY_DETAIL[categories[d.code]]) for d in details]
        return ChartTable(strings.CHART_TABLE_HEADERS["map"], tuple(rows),
                          tuple(d.code for d in details))
    if kind == "relief":
        bars = chart_data.relief_bars(details)
        rows = [(b.name, wording.count_sentence(b.count), wording.date_text(b.as_of),
                 _source(b)) for b in bars]
        return ChartTable(strings.CHART_TABLE_HEADERS["relief"], tuple(rows),
                          tuple(b.code for b in bars))
    names = {d.code: d.name for d in details}
    timeline = chart_data.timeline_data(details)
    events: list[tuple[int, str, str]] = []
    for year, codes in timeline.adult_use_new.items():
        events += [(year, code, strings.CHART_TABLE_LEGALIZED) for code in codes]
    for year, codes in timeline.relief_new.items():
        events += [(year, code, strings.CHART_TABLE_RELIEF_LAW) for code in codes]
    events += [(int(chart_data.year_fraction(b.as_of)), b.code, wording.count_sentence(b.count))
               for b in timeline.actions]
    events.sort(key=lambda e: (e[0], names[e[1]]))
    rows = [(str(year), names[code], what) for year, code, what in events]
    return ChartTable(strings.CHART_TABLE_HEADERS["timeline"], tuple(rows),
                      tuple(code for _, code, _ in events))


def _source(bar: chart_data.Bar) -> str:
    if bar.source is None:
        return bar.source_id or ""
    return strings.CHART_TABLE_SOURCE.format(
        publisher=bar.source.publisher or strings.PUBLISHER_UNKNOWN,
        date=wording.source_date(bar.source))
