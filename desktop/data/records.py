"""Plain dataclasses that carry data from the database to the domain and the views."""

from __future__ import annotations

from dataclasses import dataclass
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
