"""Plain dataclasses that carry data from the database to the domain and the views."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str | None
    url: str | None
    date_text: str
    published: str | None
    inferred: str | None

    @property
    def date(self) -> str | None:
        """The page's stated date, else the date read from its content."""
        return self.published or self.inferred


@dataclass(frozen=True)
class Caveat:
    kind: str
    text: str


@dataclass(frozen=True)
class Translation:
    """How much of a page is in the language asked for, and how much fell back to English.

    `stale`: fields whose English changed after they were translated (shown in English);
    `missing`: fields with no translation yet (English); `unreviewed`: shown fields not yet
    reviewed by a lawyer (status machine or draft)."""

    language: str
    translated: int = 0
    stale: int = 0
    missing: int = 0
    unreviewed: int = 0


@dataclass(frozen=True)
class OfficialLink:
    """An official web address (a form, a court's self-help page, a legal-aid finder) and
    the source that gives it."""

    url: str
    source_id: str


@dataclass(frozen=True)
class JurisdictionSummary:
    """One row of the jurisdiction list."""

    code: str
    name: str
    kind: str
    adult_use: str
    adult_use_year: int | None
    specific_relief: str
    pardon_program: str
    relief_mechanisms: tuple[str, ...] = ()  # mechanisms of record-clearing (non-pardon) paths
    path_kinds: tuple[str, ...] = ()
    most_relieved: int | None = None          # largest reported count of records cleared or pardons


@dataclass(frozen=True)
class ReliefPath:
    id: str
    kind: str
    mechanism: str
    name: str
    offenses: str | None
    limits: str | None
    waiting_period: str | None
    fee: str | None
    handled_by: str | None
    enacted_year: int | None
    citation: str | None
    how_to_apply: str | None
    source_ids: tuple[str, ...]
    caveats: tuple[Caveat, ...] = ()
    offense_kinds: tuple[str, ...] = ()
    offense_level: str | None = None
    records_covered: str | None = None
    max_amount_grams: float | None = None
    amount_text: str | None = None
    date_applies_to: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    waiting_period_years: float | None = None
    fee_dollars: float | None = None
    min_age: int | None = None
    only_conviction: bool | None = None
    sentence_completed: bool | None = None  # True: sentence finished; False: still serving it
    conditions: str | None = None
    max_amount_exclusive: bool | None = None  # True: the amount must be under the limit
    only_charge: bool | None = None  # True: the only charge in the case; False: mixed cases
    form: OfficialLink | None = None  # where a person applies or checks eligibility


@dataclass(frozen=True)
class ReliefCount:
    id: str
    action: str
    count: int
    count_high: int | None
    qualifier: str
    unit: str
    as_of: str
    official: bool
    note: str | None
    conflict_group: str | None
    source_ids: tuple[str, ...]
    caveats: tuple[Caveat, ...] = ()


@dataclass(frozen=True)
class NationalFigure:
    """A total across states (not federal), e.g. a NORML tally."""

    id: str
    label: str
    action: str | None
    count: int
    count_high: int | None
    qualifier: str
    unit: str
    as_of: str
    note: str | None
    conflict_group: str | None
    source_ids: tuple[str, ...]
    caveats: tuple[Caveat, ...] = ()


@dataclass(frozen=True)
class Note:
    id: str
    text: str
    source_ids: tuple[str, ...]
    caveats: tuple[Caveat, ...] = ()


@dataclass(frozen=True)
class JurisdictionDetail:
    summary: JurisdictionSummary
    text: str
    summary_source_ids: tuple[str, ...]
    adult_use_how: str | None
    decriminalized_year: int | None
    adult_use_detail: str | None
    adult_use_source_ids: tuple[str, ...]
    caveats: tuple[Caveat, ...]
    adult_use_caveats: tuple[Caveat, ...]
    paths: tuple[ReliefPath, ...]
    counts: tuple[ReliefCount, ...]
    notes: tuple[Note, ...]
    sources: dict[str, Source] = field(default_factory=dict)
    as_of: str | None = None  # newest date among the place's own sources (not multi-state)
    self_help: OfficialLink | None = None  # the official court self-help page
    legal_aid: OfficialLink | None = None  # the statewide legal-aid finder
    translation: Translation | None = None  # None: English, as written

    @property
    def code(self) -> str:
        return self.summary.code

    @property
    def name(self) -> str:
        return self.summary.name


@dataclass(frozen=True)
class DataInfo:
    """What the window shows about the data it is using."""

    path: Path
    schema_version: int
    data_as_of: str
    content_hash: str
    jurisdictions: int


@dataclass(frozen=True)
class SearchHit:
    kind: str            # jurisdiction | relief_path | note
    jurisdiction: str
    ref_id: str
    title: str
    snippet: str         # matched words wrapped in HIGHLIGHT_START / HIGHLIGHT_END
    rank: float


@dataclass(frozen=True)
class ClinicProfile:
    """The clinic's contact as printed on every sheet (plain text, one line each); kept in the
    user store (desktop/data/user_store.py)."""

    name: str
    phone: str
    address: str = ""
    hours: str = ""
    web: str = ""


@dataclass(frozen=True)
class LocalNote:
    """A note the clinic keeps about a place, in the user store (never in the reference data)."""

    id: str            # uuid4 hex, stable across export/import
    jurisdiction: str  # USPS code
    text: str
    created: str       # ISO 8601 UTC, seconds precision, e.g. "2026-11-21T14:03:05Z"
    updated: str


@dataclass(frozen=True)
class TallyRow:
    """One day and place of the opt-in event tally: how many of each, nothing else."""

    day: str           # ISO date, e.g. "2026-12-04" (local day; never a time)
    place: str         # USPS code
    pages: int
    screenings: int
    sheets: int


HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
