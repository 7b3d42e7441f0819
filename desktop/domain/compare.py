"""Two to four jurisdictions side by side: one row per question, one value per place.

Plain data in, plain text out (no Qt, no SQL), so the table, the CSV export and the tests
all read the same words.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass

from desktop import strings
from desktop.data.place_records import JurisdictionDetail, ReliefPath
from desktop.domain import wording


@dataclass(frozen=True)
class CompareRow:
    label: str
    values: tuple[str, ...]   # one per jurisdiction, in the order given


def _text(value: object) -> str:
    return strings.UNKNOWN if value is None or value == "" else str(value)


def _names(paths: list[ReliefPath], with_mechanism: bool = False) -> str:
    if not paths:
        return strings.COMPARE_NONE
    if with_mechanism:
        return "\n".join(strings.COMPARE_BY_MECHANISM.format(
            name=p.name, mechanism=strings.MECHANISM_SHORT[p.mechanism]) for p in paths)
    return "\n".join(p.name for p in paths)


def _per_path(d: JurisdictionDetail, field: str) -> str:
    """One path: its value. Several: 'Path name: value' lines, or the one value they share."""
    if not d.paths:
        return strings.NO_RELIEF_PATHS
    values = [_text(getattr(p, field)) for p in _ordered(d)]
    if len(set(values)) == 1:
        return values[0]
    return "\n".join(strings.COMPARE_PATH_VALUE.format(name=p.name, value=v)
                     for p, v in zip(_ordered(d), values, strict=True))


def _ordered(d: JurisdictionDetail) -> list[ReliefPath]:
    """Ways to clear or seal a record first, then pardons (as on the detail page)."""
    return ([p for p in d.paths if p.kind != "pardon"]
            + [p for p in d.paths if p.kind == "pardon"])


def _relief(d: JurisdictionDetail, mechanisms: tuple[str, ...]) -> list[ReliefPath]:
    return [p for p in d.paths if p.kind != "pardon" and p.mechanism in mechanisms]


def _pardons(d: JurisdictionDetail) -> str:
    pardons = [p for p in d.paths if p.kind == "pardon"]
    if pardons:
        return _names(pardons, with_mechanism=True)
    program = d.summary.pardon_program
    if program == "no":
        return strings.COMPARE_NONE
    return strings.UNKNOWN if program == "unknown" else strings.YES_NO[program]


def _latest_count(d: JurisdictionDetail) -> str:
    if not d.counts:
        return strings.NO_COUNTS
    newest = d.counts[0]  # the repository gives counts newest first
    return strings.COMPARE_COUNT.format(
        sentence=wording.count_sentence(newest),
        as_of=strings.AS_OF.format(date=wording.date_text(newest.as_of)))


def caveat_count(d: JurisdictionDetail) -> int:
    """Every ⚠ item the detail page shows for this place."""
    items = [d.caveats, d.adult_use_caveats]
    items += [p.caveats for p in d.paths]
    items += [c.caveats for c in d.counts]
    items += [n.caveats for n in d.notes]
    return sum(len(c) for c in items)


def _caveats(d: JurisdictionDetail) -> str:
    n = caveat_count(d)
    if n == 0:
        return strings.COMPARE_NO_CAVEATS
    one, many = strings.COMPARE_CAVEATS
    return (one if n == 1 else many).format(n=n)


_ROWS: tuple[tuple[str, Callable[[JurisdictionDetail], str]], ...] = (
    ("status", wording.legal_status),
    ("specific_relief", lambda d: strings.YES_NO[d.summary.specific_relief]),
    ("automatic", lambda d: _names(_relief(d, ("automatic",)))),
    ("petition", lambda d: _names(_relief(d, ("petition", "application")), with_mechanism=True)),
    ("offenses", lambda d: _per_path(d, "offenses")),
    ("limits", lambda d: _per_path(d, "limits")),
    ("waiting_period", lambda d: _per_path(d, "waiting_period")),
    ("fee", lambda d: _per_path(d, "fee")),
    ("handled_by", lambda d: _per_path(d, "handled_by")),
    ("citation", lambda d: _per_path(d, "citation")),
    ("pardons", _pardons),
    ("count", _latest_count),
    ("caveats", _caveats),
)


def compare_rows(details: list[JurisdictionDetail]) -> list[CompareRow]:
    """The comparison table: one row per question, one value per jurisdiction."""
    return [CompareRow(strings.COMPARE_ROWS[key], tuple(value(d) for d in details))
            for key, value in _ROWS]


def compare_csv(details: list[JurisdictionDetail]) -> str:
    """The table as CSV (RFC 4180: quoted where needed, CRLF line endings).

    The first row is an empty cell then the names; then one row per question; the last row
    carries the disclaimer, so the file says what it is wherever it travels.
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["", *(d.name for d in details)])
    for row in compare_rows(details):
        writer.writerow([row.label, *row.values])
    writer.writerow([strings.DISCLAIMER])
    return out.getvalue()
