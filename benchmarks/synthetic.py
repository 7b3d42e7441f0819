"""Build a synthetic database with N times the real rows, for measuring search at scale.

    python benchmarks/synthetic.py --times 100 --out /tmp/relief-100x.db

The places stay the 56 real ones (a jurisdiction code is two capital letters, and the
country will not grow); what grows is what each place holds: relief paths, counts, notes,
caveats, their sources and translations (counties, history and Spanish text). Every such row
is copied N times with suffixed ids (sources are shared), then written by the real build, so
the schema, FTS index (English and Spanish documents) and meta are exactly what the app reads.
"""

from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from db.build import DEFAULT_DATA, write_database  # noqa: E402
from db.load import Dataset, load_dataset  # noqa: E402

# Tables whose rows belong to one fact under a place, and the fields that name that fact.
_ID_FIELDS = {
    "relief_path": ("id",), "relief_path_offense": ("path_id",),
    "relief_count": ("id", "conflict_group"), "note": ("id",), "caveat": ("id",),
    "fact_source": (), "translation": (),
}
# Facts that are copied; caveats, sources and translations of these follow their fact.
_COPIED_KINDS = {"relief_path", "relief_count", "note"}


def multiply(ds: Dataset, times: int) -> Dataset:
    out = Dataset()
    for table, rows in ds.tables.items():
        if table not in _ID_FIELDS:
            out.tables[table] = list(rows)          # places, sources, national figures
    for table, fields in _ID_FIELDS.items():
        rows = list(ds.rows(table))
        for k in range(1, times):
            for row in ds.rows(table):
                kind = row.get("subject_kind")
                if kind is not None and kind not in _COPIED_KINDS:
                    continue                          # a place's own facts exist once
                clone = copy.copy(row)
                for field in (*fields, *(("subject_id",) if kind else ())):
                    if clone.get(field) is not None:
                        clone[field] = f"{clone[field]}~{k}"
                rows.append(clone)
        out.tables[table] = rows
    return out


def build_synthetic(times: int, out: Path) -> dict[str, str]:
    return write_database(multiply(load_dataset(DEFAULT_DATA), times), out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--times", type=int, default=100)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    meta = build_synthetic(args.times, args.out)
    print(f"wrote {args.out}: {meta['jurisdictions']} jurisdictions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
