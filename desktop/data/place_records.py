"""The records of one place's page: its relief paths, counts, notes, official links and how
much of it is translated. Plain frozen dataclasses, like desktop/data/records.py (which holds
what the start page and the list need); kept apart because making a dataclass costs start-up
time: these are made when the first place is opened (Repository.jurisdiction)."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.data.records import Caveat, JurisdictionSummary, Source


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
