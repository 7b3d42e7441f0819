"""Build a synthetic database with N times the real rows, for measuring search at scale.

    python benchmarks/synthetic.py --times 100 --out /tmp/relief-100x.db

Every jurisdiction, relief path, count, note and caveat is copied N times with suffixed ids
and codes (sources are shared), then written by the real build, so the schema, FTS index and
meta are exactly what the app reads.
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

_ID_FIELDS = {
    "jurisdiction": ("code",), "relief_path": ("id", "jurisdiction"),
    "relief_path_offense": ("path_id",), "relief_count": ("id", "jurisdiction", "conflict_group"),
    "note": ("id", "jurisdiction"), "caveat": ("id", "jurisdiction", "subject_id"),
    "fact_source": ("subject_id", "jurisdiction"), "national_figure": (),
}


def multiply(ds: Dataset, times: int) -> Dataset:
    out = Dataset()
    out.tables["source"] = list(ds.rows("source"))
    out.tables["national_figure"] = list(ds.rows("national_figure"))
    for table, fields in _ID_FIELDS.items():
        if table == "national_figure":
            continue
        rows = []
        for k in range(times):
            for row in ds.rows(table):
                if table in ("caveat", "fact_source") and row["jurisdiction"] is None:
                    if k:
                        continue  # national facts exist once
                    rows.append(row)
                    continue
                clone = copy.copy(row)
                for field in fields:
                    if clone.get(field) is not None and k:
                        clone[field] = f"{clone[field]}~{k}"
                if table == "jurisdiction" and k:
                    clone["name"] = f"{row['name']} {k}"
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
