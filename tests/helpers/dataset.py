"""Write small, valid source-data folders that tests then break one key at a time."""

from __future__ import annotations

from pathlib import Path

SOURCES = '''
[S1]
title = "Test source one"
publisher = "Test Publisher"
url = "https://example.org/one"
date_text = "2024-06-01"
published = "2024-06-01"

[S2]
title = "Test source two"
publisher = "Other Publisher"
url = "https://example.org/two"
date_text = "n.d. (Jan 2023)"
inferred = "2023-01"
'''

JURISDICTION = '''
code = "AZ"
name = "Arizona"
kind = "state"
summary = "Arizona clears old marijuana records by petition."
summary_sources = ["S1"]
specific_relief = "yes"
pardon_program = "no"

[adult_use]
status = "legalized"
year = 2020
how = "ballot"
source = "S1"

[[relief_paths]]
id = "AZ-petition"
kind = "expungement"
mechanism = "petition"
name = "Expungement by petition"
offenses = "Possession of up to 2.5 oz"
limits = "Up to 2.5 oz"
waiting_period = "None"
fee = "No filing fee"
handled_by = "The court where the case ended"
enacted_year = 2020
citation = "A.R.S. § 36-2862"
how_to_apply = "File a petition."
source = "S1"
more_sources = ["S2"]
max_amount_grams = 70.8738078125
amount_text = "2.5 ounces or less"

[[counts]]
id = "AZ-count-petitions"
action = "expungement"
count = 17350
qualifier = "at_least"
unit = "petitions"
as_of = "2022-11-03"
official = false
source = "S2"
'''


def write_dataset(root: Path, jurisdiction: str = JURISDICTION, sources: str = SOURCES,
                  extra: dict[str, str] | None = None) -> Path:
    """A data folder at `root` with one jurisdiction file (AZ.toml) plus `extra` files."""
    (root / "jurisdictions").mkdir(parents=True, exist_ok=True)
    (root / "sources.toml").write_text(sources, encoding="utf-8")
    (root / "jurisdictions" / "AZ.toml").write_text(jurisdiction, encoding="utf-8")
    for name, text in (extra or {}).items():
        (root / name).write_text(text, encoding="utf-8")
    return root
