"""Small synthetic relief paths for rule tests: one field at a time, no research data."""

from __future__ import annotations

from desktop.data.place_records import ReliefPath


def make_path(**fields) -> ReliefPath:
    """A petition path that covers possession, with no other rule unless `fields` add one."""
    base = dict(id="XX-test", kind="expungement", mechanism="petition", name="Test path",
                offenses="Possession", limits=None, waiting_period=None, fee=None,
                handled_by="The court", enacted_year=2020, citation=None,
                how_to_apply="File a petition.", source_ids=("S1",),
                offense_kinds=("possession",))
    base.update(fields)
    return ReliefPath(**base)
