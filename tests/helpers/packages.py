"""Data packages for tests: a test signing key (made here, never a release key), a newer
database with real changes, and signed packages of it (good and deliberately bad)."""

from __future__ import annotations

import copy
import hashlib
import json
import sqlite3
import zipfile
from pathlib import Path

from desktop.data import keys, packages

ROOT = Path(__file__).resolve().parent.parent.parent
DATA_DIR = ROOT / "resources" / "data"


def changed_dataset(source_date: str = "2026-11-20"):
    """The real dataset with a few facts changed, as a maintainer would: Virginia's automatic
    sealing gets a start date, a count is added, a note removed, and a newer source."""
    from db.load import load_dataset

    ds = load_dataset(DATA_DIR)
    ds = copy.deepcopy(ds)
    for row in ds.rows("relief_path"):
        if row["id"] == "VA-automatic-sealing":
            row["date_from"] = "2026-07-01"
            row["fee"] = "No fee"
    counts = [r for r in ds.rows("relief_count") if r["jurisdiction"] == "VA"]
    added = dict(counts[0], id="VA-count-2026-11-test", count=250000, qualifier="more_than",
                 unit="records", as_of="2026-11-01")
    ds.rows("relief_count").append(added)
    for row in list(ds.rows("fact_source")):
        if row["subject_kind"] == "relief_count" and row["subject_id"] == counts[0]["id"]:
            ds.rows("fact_source").append(dict(row, subject_id=added["id"]))
    notes = ds.rows("note")
    gone = next(n for n in notes if n["id"] == "VA-note-2025-proposal")
    notes.remove(gone)
    ds.tables["fact_source"] = [
        r for r in ds.rows("fact_source")
        if not (r["subject_kind"] == "note" and r["subject_id"] == gone["id"])]
    ds.tables["caveat"] = [r for r in ds.rows("caveat") if r.get("subject_id") != gone["id"]]
    ds.tables["translation"] = [r for r in ds.rows("translation")
                                if r.get("subject_id") != gone["id"]]
    for row in ds.rows("source"):
        if row["id"] == "S155":
            row["published"] = source_date
    return ds


def build_changed(out: Path, **kwargs) -> Path:
    from db.build import write_database

    write_database(changed_dataset(**kwargs), out)
    return out


def signing_key(folder: Path, name: str = "test clinic") -> tuple[Path, keys.PublicKey]:
    prefix = folder / name.replace(" ", "-")
    public = keys.generate(prefix, name)
    return prefix.with_name(prefix.name + ".key"), public


def make_package(db: Path, key: Path, out: Path, since: Path | None = None) -> Path:
    from desktop.commands.data import changes_between

    old = since or (ROOT / "db" / "relief.db")
    packages.pack(db, key, out, changes_between(old, db), since=old)
    return out


def resign(pkg: Path, key: Path, out: Path, edit_manifest=None, members: dict | None = None,
           names: dict | None = None) -> Path:
    """Re-write a package with a manifest changed by `edit_manifest(dict)` and members
    replaced (`members`: name -> bytes), re-hashed and signed again by `key` — a package a
    trusted signer made badly, or on purpose."""
    with zipfile.ZipFile(pkg) as zf:
        data = {n: zf.read(n) for n in packages.MEMBERS}
    data.update(members or {})
    manifest = json.loads(data[packages.MANIFEST])
    for member in (packages.CHANGES, packages.DATABASE):
        manifest["members"][member] = {"size": len(data[member]),
                                       "sha256": hashlib.sha256(data[member]).hexdigest()}
    if edit_manifest is not None:
        edit_manifest(manifest)
    body = json.dumps(manifest, indent=2, sort_keys=True).encode()
    data[packages.MANIFEST] = body
    data[packages.SIGNATURE] = keys.load_secret(key).sign(body)
    with zipfile.ZipFile(out, "w") as zf:
        for member in packages.MEMBERS:
            zf.writestr(packages._entry((names or {}).get(member, member),
                                        len(data[member])), data[member])
    return out


def edit_database(db: Path, out: Path, *statements: str) -> Path:
    """A copy of `db` with SQL applied (and its meta kept): a database that fails validation."""
    out.write_bytes(db.read_bytes())
    conn = sqlite3.connect(out)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    return out
