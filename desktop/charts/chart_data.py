"""What each chart needs, reduced from `JurisdictionDetail`s. Plain Python: no matplotlib, no Qt.

Kept apart from the drawing code so the choices (which count stands for a jurisdiction, which
map category it falls in, which year its relief dates from) are tested without a figure.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from desktop import strings
from desktop.data.place_records import JurisdictionDetail, ReliefCount
from desktop.data.records import DataInfo, Source
from desktop.domain import wording

# Bars are split into these action groups; vacatur and the rest count as "other".
ACTION_GROUPS = ("pardon", "expungement", "sealing", "other")
# One panel per unit, so people, cases, convictions and records are never added or compared
# on one axis. The rest (charges, petitions, arrests) share a panel, and all eligible counts
# another (so estimates of who could be helped do not dwarf who was): their labels name the unit.
UNIT_PANELS = ("people", "cases", "convictions", "records", "other", "eligible")
# Map categories, from most to least relief.
CATEGORIES = ("automatic", "petition", "pardon", "none", "unknown")
# A relief action at least this large is marked on the timeline.
LARGE_ACTION = 25_000

# The usual square tile grid (NPR's): (column, row), row 0 at the top.
STATE_TILES: dict[str, tuple[int, int]] = {
    "AK": (0, 0), "ME": (10, 0),
    "VT": (9, 1), "NH": (10, 1),
    "WA": (0, 2), "ID": (1, 2), "MT": (2, 2), "ND": (3, 2), "MN": (4, 2), "IL": (5, 2),
    "WI": (6, 2), "MI": (7, 2), "NY": (8, 2), "RI": (9, 2), "MA": (10, 2),
    "OR": (0, 3), "NV": (1, 3), "WY": (2, 3), "SD": (3, 3), "IA": (4, 3), "IN": (5, 3),
    "OH": (6, 3), "PA": (7, 3), "NJ": (8, 3), "CT": (9, 3),
    "CA": (0, 4), "UT": (1, 4), "CO": (2, 4), "NE": (3, 4), "MO": (4, 4), "KY": (5, 4),
    "WV": (6, 4), "VA": (7, 4), "MD": (8, 4), "DE": (9, 4),
    "AZ": (1, 5), "NM": (2, 5), "KS": (3, 5), "AR": (4, 5), "TN": (5, 5), "NC": (6, 5),
    "SC": (7, 5), "DC": (8, 5),
    "OK": (3, 6), "LA": (4, 6), "MS": (5, 6), "AL": (6, 6), "GA": (7, 6),
    "HI": (0, 7), "TX": (3, 7), "FL": (8, 7),
}
EXTRA_ROW = 9                                   # territories and federal, below a gap
EXTRA_ORDER = ("PR", "VI", "GU", "MP", "AS")    # federal goes last, set apart


# -- input -------------------------------------------------------------------------------------

def load_details(repo) -> list[JurisdictionDetail]:
    """Every jurisdiction's detail from a `Repository`, in its order: the charts' input."""
    return [d for d in (repo.jurisdiction(s.code) for s in repo.jurisdictions()) if d]


def footer_for(info: DataInfo | None) -> str | None:
    """'Relief Atlas · data as of June 1, 2025 · ...', printed under an exported chart."""
    if info is None:
        return None
    return strings.fmt(strings.CHART_FOOTER, date=wording.date_text(info.data_as_of))


# -- numbers as labels -------------------------------------------------------------------------

def short_count(count: int, qualifier: str, count_high: int | None = None) -> str:
    """'15,000+', '≈43,000', '≤3,500', '250,000–500,000': the qualifier is never dropped."""
    if qualifier == "range" and count_high is not None:
        return strings.CHART_QUALIFIER_SHORT["range"].format(
            n=wording.number(count), high=wording.number(count_high))
    template = strings.CHART_QUALIFIER_SHORT.get(qualifier, "{n}")
    return template.format(n=wording.number(count), high="")


def unit_panel(unit: str) -> str:
    if is_eligible(unit):
        return "eligible"
    return unit if unit in UNIT_PANELS else "other"


def is_eligible(unit: str) -> bool:
    return unit.startswith("eligible_")


def action_group(action: str) -> str:
    return action if action in ACTION_GROUPS else "other"


def short_name(detail_or_name: JurisdictionDetail | str) -> str:
    """'Federal (United States)' -> 'Federal'; a bar label has no room for the rest."""
    name = detail_or_name if isinstance(detail_or_name, str) else detail_or_name.name
    return name.split(" (")[0]


def short_date(iso: str) -> str:
    """'2023-06-06' and '2023-06' -> 'Jun 2023'; '2023' -> '2023'."""
    parts = iso.split("-")
    if len(parts) >= 2 and parts[1].isdecimal() and 1 <= int(parts[1]) <= 12:
        return f"{strings.CHART_MONTHS_SHORT[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def year_fraction(iso: str) -> float:
    """'2023' -> 2023.5 (mid-year), '2023-06' -> mid-June, '2023-06-06' -> that day."""
    parts = iso.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return year + 0.5
    if len(parts) == 2:
        return year + (int(parts[1]) - 0.5) / 12
    day = datetime.date.fromisoformat(iso)
    start = datetime.date(year, 1, 1)
    length = (datetime.date(year + 1, 1, 1) - start).days
    return year + (day - start).days / length


# -- relief by jurisdiction --------------------------------------------------------------------

@dataclass(frozen=True)
class Bar:
    """One reported count, ready to be one bar: the number, how to label it, where it is from."""

    code: str
    name: str
    count: ReliefCount
    source: Source | None

    @property
    def gid(self) -> str:
        return f"count:{self.count.id}"

    @property
    def value(self) -> int:
        return self.count.count

    @property
    def value_high(self) -> int | None:
        return self.count.count_high if self.count.qualifier == "range" else None

    @property
    def group(self) -> str:
        return action_group(self.count.action)

    @property
    def panel(self) -> str:
        return unit_panel(self.count.unit)

    @property
    def eligible(self) -> bool:
        return is_eligible(self.count.unit)

    @property
    def source_id(self) -> str | None:
        return self.count.source_ids[0] if self.count.source_ids else None

    @property
    def as_of(self) -> str:
        return self.count.as_of

    @property
    def label(self) -> str:
        """The number as the bar shows it: '15,000+', or with its unit where the panel mixes
        units: '≈203,000 charges', and in the eligible panel '≤3,500 people'."""
        text = short_count(self.count.count, self.count.qualifier, self.count.count_high)
        if self.panel == "other":
            text = f"{text} {strings.UNIT[self.count.unit][1]}"
        elif self.panel == "eligible":       # the panel says "eligible"; the bar names the unit
            text = f"{text} {strings.UNIT[self.count.unit.removeprefix('eligible_')][1]}"
        return text

    def describe(self) -> str:
        """One line for a hover or a click: the sentence, the date and the source."""
        text = strings.CHART_BAR_INFO.format(
            name=self.name, sentence=wording.count_sentence(self.count),
            as_of=wording.date_text(self.count.as_of))
        if self.source is not None:
            where = self.source.title
            if self.source.publisher:
                where += f", {self.source.publisher}"
            text += " " + strings.CHART_BAR_SOURCE.format(source=where, id=self.source.id)
        elif self.source_id:
            text += " " + strings.CHART_BAR_SOURCE.format(source=self.source_id, id=self.source_id)
        return text


@dataclass(frozen=True)
class JurisdictionBars:
    """The bars of one jurisdiction in one panel, largest first."""

    code: str
    name: str
    bars: tuple[Bar, ...]

    @property
    def confirmed_max(self) -> int:
        return max((b.value for b in self.bars if not b.eligible), default=0)

    @property
    def largest(self) -> int:
        return max(max(b.value, b.value_high or 0) for b in self.bars)


def newest_counts(detail: JurisdictionDetail) -> list[ReliefCount]:
    """The newest count for each action and unit (the repository gives counts newest first,
    the larger of a tie first). Zero counts are left out: a bar of nothing tells nothing."""
    seen: set[tuple[str, str]] = set()
    chosen = []
    for c in detail.counts:
        key = (c.action, c.unit)
        if key in seen or c.count <= 0:
            continue
        seen.add(key)
        chosen.append(c)
    return chosen


def relief_bars(details: Iterable[JurisdictionDetail]) -> list[Bar]:
    bars = []
    for d in details:
        for c in newest_counts(d):
            source = d.sources.get(c.source_ids[0]) if c.source_ids else None
            bars.append(Bar(d.code, short_name(d), c, source))
    return bars


def relief_panels(details: Iterable[JurisdictionDetail]) -> dict[str, list[JurisdictionBars]]:
    """Panel -> jurisdictions, largest count first. Panels with no bars are left out."""
    grouped: dict[str, dict[str, list[Bar]]] = {p: {} for p in UNIT_PANELS}
    names: dict[str, str] = {}
    for bar in relief_bars(details):
        grouped[bar.panel].setdefault(bar.code, []).append(bar)
        names[bar.code] = bar.name
    panels: dict[str, list[JurisdictionBars]] = {}
    for panel in UNIT_PANELS:
        rows = [JurisdictionBars(code, names[code], tuple(sorted(
                    bars, key=lambda b: (b.eligible, -b.value, ACTION_GROUPS.index(b.group)))))
                for code, bars in grouped[panel].items()]
        if rows:
            rows.sort(key=lambda r: (r.confirmed_max == 0, -r.confirmed_max, -r.largest, r.code))
            panels[panel] = rows
    return panels


def bar_index(details: Iterable[JurisdictionDetail]) -> dict[str, Bar]:
    """Artist gid -> bar, for hover and click."""
    return {b.gid: b for b in relief_bars(details)}


# -- the map -----------------------------------------------------------------------------------

def relief_category(detail: JurisdictionDetail) -> str:
    """automatic | petition | pardon | none | unknown.

    Read from the relief paths first: any record-clearing path (not a pardon) that is
    automatic makes it 'automatic'; clearing paths that all need a filing make it 'petition';
    pardon paths alone make it 'pardon'. With no paths, the yes/no flags decide.
    """
    clearing = [p for p in detail.paths if p.kind != "pardon"]
    if any(p.mechanism == "automatic" for p in clearing):
        return "automatic"
    if clearing:
        return "petition"
    s = detail.summary
    if any(p.kind == "pardon" for p in detail.paths):
        return "pardon"
    if s.specific_relief == "no" and s.pardon_program == "yes":
        return "pardon"
    if s.specific_relief == "no" and s.pardon_program == "no":
        return "none"
    return "unknown"


def map_categories(details: Iterable[JurisdictionDetail]) -> dict[str, str]:
    return {d.code: relief_category(d) for d in details}


def tile_positions(codes: Iterable[str]) -> dict[str, tuple[int, int]]:
    """(column, row) of every tile: the 50 states and DC in the usual grid (present in the
    data or not), then territories and federal in a row below."""
    codes = list(codes)
    positions = dict(STATE_TILES)
    extra = [c for c in codes if c not in STATE_TILES]
    extra.sort(key=lambda c: (c == "US", EXTRA_ORDER.index(c) if c in EXTRA_ORDER else 99, c))
    column = 0
    for code in extra:
        if code == "US" and column:
            column += 1                  # federal stands apart from the territories
        positions[code] = (column, EXTRA_ROW)
        column += 1
    return positions


# -- the timeline ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Timeline:
    years: tuple[int, ...]
    adult_use: tuple[int, ...]           # cumulative number of jurisdictions, per year
    relief: tuple[int, ...]
    adult_use_new: dict[int, tuple[str, ...]]
    relief_new: dict[int, tuple[str, ...]]
    relief_undated: tuple[str, ...]      # relief in the data, but no year for it
    actions: tuple[Bar, ...]             # large relief actions, oldest first


def relief_year(detail: JurisdictionDetail) -> int | None:
    """Year marijuana-specific relief was enacted: the earliest record-clearing path's year
    (pardon paths only when there is no other), None when the data gives none."""
    if detail.summary.specific_relief != "yes":
        return None
    clearing = [p.enacted_year for p in detail.paths if p.kind != "pardon" and p.enacted_year]
    pardons = [p.enacted_year for p in detail.paths if p.kind == "pardon" and p.enacted_year]
    years = clearing or pardons
    return min(years) if years else None


def large_actions(details: Iterable[JurisdictionDetail],
                  threshold: int = LARGE_ACTION) -> list[Bar]:
    """Per jurisdiction, its largest confirmed relief count (not eligible, not petitions)
    when it reaches `threshold`; oldest first."""
    best: dict[str, Bar] = {}
    for bar in relief_bars(details):
        if bar.eligible or bar.count.unit in ("petitions", "arrests") or bar.value < threshold:
            continue
        if bar.code not in best or bar.value > best[bar.code].value:
            best[bar.code] = bar
    return sorted(best.values(), key=lambda b: (year_fraction(b.as_of), -b.value, b.code))


def timeline_data(details: Iterable[JurisdictionDetail],
                  threshold: int = LARGE_ACTION) -> Timeline:
    details = list(details)
    adult: dict[int, list[str]] = {}
    relief: dict[int, list[str]] = {}
    undated = []
    for d in details:
        s = d.summary
        if s.adult_use == "legalized" and s.adult_use_year:
            adult.setdefault(s.adult_use_year, []).append(d.code)
        if s.specific_relief == "yes":
            year = relief_year(d)
            if year is None:
                undated.append(d.code)
            else:
                relief.setdefault(year, []).append(d.code)
    actions = large_actions(details, threshold)
    known = list(adult) + list(relief) + [int(year_fraction(b.as_of)) for b in actions]
    if not known:
        return Timeline((), (), (), {}, {}, tuple(sorted(undated)), ())
    years = tuple(range(min(known), max(known) + 1))
    cumulative_adult, cumulative_relief = [], []
    total_a = total_r = 0
    for y in years:
        total_a += len(adult.get(y, ()))
        total_r += len(relief.get(y, ()))
        cumulative_adult.append(total_a)
        cumulative_relief.append(total_r)
    return Timeline(years, tuple(cumulative_adult), tuple(cumulative_relief),
                    {y: tuple(sorted(c)) for y, c in adult.items()},
                    {y: tuple(sorted(c)) for y, c in relief.items()},
                    tuple(sorted(undated)), tuple(actions))


# -- one jurisdiction's counts -----------------------------------------------------------------

@dataclass(frozen=True)
class Series:
    """Reports of one action in one unit over time, oldest first."""

    action: str
    unit: str
    counts: tuple[ReliefCount, ...]

    @property
    def group(self) -> str:
        return action_group(self.action)

    @property
    def eligible(self) -> bool:
        return is_eligible(self.unit)

    @property
    def label(self) -> str:
        return strings.CHART_SERIES_LABEL.format(
            action=strings.CHART_ACTION.get(self.action, strings.CHART_ACTION["other"]),
            unit=strings.UNIT[self.unit][1])


def count_series(detail: JurisdictionDetail) -> list[Series]:
    """One series per (action, unit); confirmed before eligible, biggest newest count first."""
    found: dict[tuple[str, str], list[ReliefCount]] = {}
    for c in detail.counts:
        found.setdefault((c.action, c.unit), []).append(c)
    series = [Series(action, unit, tuple(sorted(cs, key=lambda c: (year_fraction(c.as_of), c.id))))
              for (action, unit), cs in found.items()]
    series.sort(key=lambda s: (s.eligible, -s.counts[-1].count, s.action, s.unit))
    return series
