"""Build the bundled SQLite database from the TOML files in resources/data/.

    python db/build.py [--out PATH] [--data DIR]

Validates every source file first (see docs/DATA_FORMAT.md) and refuses to build on any
problem. The result is deterministic: the same inputs give the same `content_hash`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python db/build.py` from a checkout without installing
    sys.path.insert(0, str(ROOT))

import sqlite_utils  # noqa: E402

from db.load import DataError, Dataset, load_dataset  # noqa: E402
from desktop.data.schema import FTS_COLUMNS, FTS_TABLE, SCHEMA_VERSION, TABLES  # noqa: E402

DEFAULT_DATA = ROOT / "resources" / "data"
DEFAULT_OUT = ROOT / "db" / "relief.db"


# Spanish words for the ideas, so "borrar antecedentes", "sellar", "indulto" or "posesión"
# find the right places whether or not a place's text has been translated yet. Accents are
# folded by the index (remove_diacritics), so "posesion" finds "posesión".
SPANISH_TERMS = {
    "expungement": "eliminación eliminar borrar limpiar antecedentes penales expediente",
    "sealing": "sellado sellar ocultar antecedentes penales expediente",
    "vacatur": "anulación anular borrar condena antecedentes",
    "set_aside": "anulación anular condena antecedentes",
    "annulment": "anulación anular antecedentes",
    "dismissal": "desestimación desestimar cargos antecedentes",
    "resentencing": "nueva sentencia reducir condena",
    "pardon": "indulto indultar perdón perdonar",
    "automatic": "automático automática",
    "petition": "petición solicitar tribunal",
    "application": "solicitud solicitar",
    "possession": "posesión poseer",
    "sale_distribution": "venta distribución",
    "cultivation": "cultivo cultivar plantas",
    "paraphernalia": "parafernalia",
}
SEARCH_TOKENIZER = "porter unicode61 remove_diacritics 2"
# FTS5 prefix indexes for one-, two- and three-letter prefixes: what people type first.
SEARCH_PREFIXES = "1 2 3"


def search_rows(ds: Dataset) -> list[dict]:
    """One searchable document per jurisdiction, relief path and note in English, and one
    per language where there is translated text or a Spanish word for the idea."""
    names = {j["code"]: j["name"] for j in ds.rows("jurisdiction")}
    translated = {(t["subject_kind"], t["subject_id"], t["field"]): t["text"]
                  for t in ds.rows("translation") if t["language"] == "es" and not t["stale"]}

    def es(kind: str, ident: str, field: str) -> str | None:
        return translated.get((kind, ident, field))

    offenses: dict[str, list[str]] = {}
    for o in ds.rows("relief_path_offense"):
        offenses.setdefault(o["path_id"], []).append(o["offense_kind"])
    docs: list[tuple[str, str, str, str, str, str | None]] = []
    for j in sorted(ds.rows("jurisdiction"), key=lambda r: r["code"]):
        body = " ".join(filter(None, [j["summary"], j["adult_use_detail"]]))
        docs.append(("jurisdiction", j["code"], j["code"], j["name"], body, None))
        es_name = es("jurisdiction", j["code"], "name")
        es_body = " ".join(filter(None, [es("jurisdiction", j["code"], "summary"),
                                         es("adult_use", j["code"], "detail")]))
        if es_name or es_body:
            docs.append(("jurisdiction", j["code"], j["code"], es_name or j["name"],
                         es_body or es_name or "", "es"))
    for p in sorted(ds.rows("relief_path"), key=lambda r: r["id"]):
        fields = ("offenses", "limits", "how_to_apply", "handled_by", "citation", "conditions",
                  "waiting_period", "fee")
        body = " ".join(filter(None, [p[f] for f in fields]))
        place = names[p["jurisdiction"]]
        docs.append(("relief_path", p["jurisdiction"], p["id"], f"{place}: {p['name']}",
                     body or p["name"], None))
        es_place = es("jurisdiction", p["jurisdiction"], "name") or place
        es_text = " ".join(filter(None, [es("relief_path", p["id"], f) for f in fields]))
        terms = " ".join(SPANISH_TERMS.get(k, "") for k in
                         (p["kind"], p["mechanism"], *offenses.get(p["id"], [])))
        es_title = f"{es_place}: {es('relief_path', p['id'], 'name') or p['name']}"
        docs.append(("relief_path", p["jurisdiction"], p["id"], es_title,
                     " ".join(filter(None, [es_text, terms])), "es"))
    for n in sorted(ds.rows("note"), key=lambda r: r["id"]):
        docs.append(("note", n["jurisdiction"], n["id"],
                     f"{names[n['jurisdiction']]}: note", n["text"], None))
        es_note = es("note", n["id"], "text")
        if es_note:
            es_place = es("jurisdiction", n["jurisdiction"], "name") or names[n["jurisdiction"]]
            docs.append(("note", n["jurisdiction"], n["id"], f"{es_place}: nota", es_note, "es"))
    return [
        {"id": i, "kind": kind, "jurisdiction": code, "ref_id": ref, "title": title,
         "body": body, "language": lang}
        for i, (kind, code, ref, title, body, lang) in enumerate(docs, start=1)
    ]


def _sort_key(table: str):
    pk = TABLES[table]["pk"]
    cols = pk if isinstance(pk, tuple) else (pk,)
    return lambda row: tuple(str(row[c]) for c in cols)


def content_hash(conn: sqlite3.Connection) -> str:
    """SHA-256 over every row of every public table, in primary-key order."""
    digest = hashlib.sha256()
    for table in sorted(TABLES):
        if table == "meta":
            continue
        spec = TABLES[table]
        cols = list(spec["columns"])
        pk = spec["pk"] if isinstance(spec["pk"], tuple) else (spec["pk"],)
        order = ", ".join(f'"{c}"' for c in pk)
        select = ", ".join(f'"{c}"' for c in cols)
        digest.update(f"\x00{table}\x00".encode())
        for row in conn.execute(f'SELECT {select} FROM "{table}" ORDER BY {order}'):
            digest.update(json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode())
            digest.update(b"\n")
    return digest.hexdigest()


def data_as_of(ds: Dataset) -> str:
    dates = [s["published"] for s in ds.rows("source") if s["published"]]
    return max(dates) if dates else "unknown"


def write_database(ds: Dataset, out: Path) -> dict[str, str]:
    """Write `ds` to `out` atomically (temp file, then rename); return the meta values."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".relief-", suffix=".db", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        db = sqlite_utils.Database(tmp, recreate=True)
        db.conn.execute("PRAGMA foreign_keys = ON")
        tables = dict(ds.tables)
        tables[FTS_TABLE] = search_rows(ds)
        # Parents first so foreign keys resolve.
        order = ["source", "jurisdiction", "relief_path", "relief_path_offense", "relief_count",
                 "national_figure", "note", "caveat", "fact_source", "translation", FTS_TABLE]
        with db.conn:
            for table in order:
                spec = TABLES[table]
                db.table(table).create(
                    spec["columns"], pk=spec["pk"], not_null=spec["not_null"],
                    foreign_keys=spec["fks"] or None,
                )
                rows = sorted(tables.get(table, []), key=_sort_key(table))
                if rows:
                    db.table(table).insert_all(rows, batch_size=500)
            for table, column in [("relief_path", "jurisdiction"),
                                  ("relief_count", "jurisdiction"), ("note", "jurisdiction"),
                                  ("caveat", "jurisdiction"), ("fact_source", "jurisdiction")]:
                db.table(table).create_index([column])
        # By hand, not enable_fts: sqlite-utils has no option for FTS5's prefix index, which
        # keeps "expungement p" (every word starting "p") within a frame at 1000x the data.
        columns = ", ".join(f'"{column}"' for column in FTS_COLUMNS)
        with db.conn:
            db.conn.execute(
                f'CREATE VIRTUAL TABLE "{FTS_TABLE}_fts" USING FTS5 ({columns}, '
                f"tokenize='{SEARCH_TOKENIZER}', prefix='{SEARCH_PREFIXES}', "
                f'content="{FTS_TABLE}")')
            db.conn.execute(f'INSERT INTO "{FTS_TABLE}_fts" (rowid, {columns}) '
                            f'SELECT rowid, {columns} FROM "{FTS_TABLE}"')
        db.table(FTS_TABLE).optimize()
        problems = list(db.conn.execute("PRAGMA foreign_key_check"))
        if problems:
            raise DataError([f"foreign key check failed: {p}" for p in problems])
        meta = {
            "schema_version": str(SCHEMA_VERSION),
            "data_as_of": data_as_of(ds),
            "content_hash": content_hash(db.conn),
            "jurisdictions": str(len(ds.rows("jurisdiction"))),
        }
        db.table("meta").create(TABLES["meta"]["columns"], pk="key", not_null={"value"})
        db.table("meta").insert_all([{"key": k, "value": v} for k, v in sorted(meta.items())])
        db.conn.commit()
        db.conn.execute("VACUUM")
        db.close()
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return meta


def build(data_dir: Path = DEFAULT_DATA, out: Path = DEFAULT_OUT) -> dict[str, str]:
    """Validate `data_dir` and write the database to `out`. Raises DataError."""
    return write_database(load_dataset(data_dir), out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="database file to write")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="source data folder")
    args = parser.parse_args(argv)
    try:
        meta = build(args.data, args.out)
    except DataError as exc:
        print(f"build refused: {len(exc.problems)} problem(s) in {args.data}:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"build failed: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.out}: {meta['jurisdictions']} jurisdictions, data as of "
          f"{meta['data_as_of']}, content hash {meta['content_hash'][:12]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
