"""Which jurisdictions match the browse filters, and how many each filter would leave (facets).

Pure functions over JurisdictionSummary, shared by the Qt proxy model and its tests.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from desktop.data.records import JurisdictionSummary

FLAGS = ("automatic", "petition", "pardon", "no_relief")


@dataclass(frozen=True)
class Criteria:
    """Ticked filters are all required; adult_use None means any legal status."""

    automatic: bool = False
    petition: bool = False
    pardon: bool = False
    no_relief: bool = False
    adult_use: str | None = None

    def with_flag(self, flag: str, on: bool = True) -> Criteria:
        return replace(self, **{flag: on})  # type: ignore[arg-type]  # flags are the bools


def has_flag(s: JurisdictionSummary, flag: str) -> bool:
    if flag == "automatic":
        return "automatic" in s.relief_mechanisms
    if flag == "petition":
        return bool({"petition", "application"} & set(s.relief_mechanisms))
    if flag == "pardon":
        return s.pardon_program == "yes" or "pardon" in s.path_kinds
    if flag == "no_relief":
        return s.specific_relief == "no"
    raise ValueError(flag)


def matches(s: JurisdictionSummary, c: Criteria) -> bool:
    if c.adult_use is not None and s.adult_use != c.adult_use:
        return False
    return all(has_flag(s, flag) for flag in FLAGS if getattr(c, flag))


def facet_counts(items: list[JurisdictionSummary], c: Criteria) -> dict[str, int]:
    """For each flag, how many jurisdictions would match if it were ticked (with the others
    as they are), like Datasette's facets."""
    ticked = {flag: c.with_flag(flag) for flag in FLAGS}  # made once, not once per place
    return {flag: sum(matches(s, wanted) for s in items) for flag, wanted in ticked.items()}


def adult_use_counts(items: list[JurisdictionSummary], c: Criteria) -> dict[str, int]:
    chosen = {status: replace(c, adult_use=status)
              for status in ("legalized", "decriminalized", "neither", "unknown")}
    return {status: sum(matches(s, wanted) for s in items) for status, wanted in chosen.items()}
