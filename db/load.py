"""Read and validate the TOML source files into plain rows, one list per table.

Validation collects every problem it finds, each naming the file, the key and the reason,
so a data maintainer fixes a whole batch at once. Format: docs/DATA_FORMAT.md.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from desktop.data.schema import ENUMS

USPS_CODES = {
    "state": (
        "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV "
        "NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
    ).split(),
    "district": ["DC"],
    "territory": ["AS", "GU", "MP", "PR", "VI"],
    "federal": ["US"],
}
KNOWN_CODES = {code: kind for kind, codes in USPS_CODES.items() for code in codes}

UNKNOWN = "unknown"
RESEARCH_NOTE = "research_note"
_DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_FULL_DATE_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


class DataError(Exception):
    """The source files do not validate; `problems` lists each one."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the source data:\n" + "\n".join(problems))


@dataclass
class Dataset:
    """Validated rows for every table except meta and the search index."""

    tables: dict[str, list[dict]] = field(default_factory=dict)

    def rows(self, table: str) -> list[dict]:
        return self.tables.setdefault(table, [])


def is_valid_date(text: object, full: bool = False) -> bool:
    if not isinstance(text, str):
        return False
    if not (_FULL_DATE_RE if full else _DATE_RE).match(text):
        return False
    if len(text) == 10:
        import datetime

        try:
            datetime.date.fromisoformat(text)
        except ValueError:
            return False
    return True


class _Checker:
    """Reads values out of one TOML table, recording problems against `where`."""

    def __init__(self, problems: list[str], where: str, data: dict):
        self.problems = problems
        self.where = where
        self.data = data
        self.used: set[str] = set()

    def problem(self, key: str | None, reason: str) -> None:
        at = f"{self.where}.{key}" if key else self.where
        self.problems.append(f"{at}: {reason}")

    def raw(self, key: str):
        self.used.add(key)
        return self.data.get(key)

    def text(self, key: str, required: bool = True, allow_unknown: bool = False) -> str | None:
        value = self.raw(key)
        if value is None:
            if required:
                hint = ' (write "unknown" if the research does not say)' if allow_unknown else ""
                self.problem(key, f"missing{hint}")
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(key, f"must be non-empty text, got {value!r}")
            return None
        value = " ".join(value.split())
        if value.lower() == UNKNOWN:
            if allow_unknown:
                return None
            self.problem(key, '"unknown" is not allowed here')
            return None
        return value

    def enum(self, key: str, enum: str, required: bool = True) -> str | None:
        value = self.raw(key)
        if value is None:
            if required:
                self.problem(key, f"missing (one of {', '.join(ENUMS[enum])})")
            return None
        if value not in ENUMS[enum]:
            self.problem(key, f"unknown value {value!r} (expected one of {', '.join(ENUMS[enum])})")
            return None
        return value

    def integer(self, key: str, required: bool = False, minimum: int | None = 0,
                maximum: int | None = None) -> int | None:
        value = self.raw(key)
        if value is None or value == UNKNOWN:
            if required:
                self.problem(key, "missing")
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(key, f"must be a whole number, got {value!r}")
            return None
        if minimum is not None and value < minimum:
            self.problem(key, f"must not be negative, got {value}" if minimum == 0
                         else f"must be at least {minimum}, got {value}")
            return None
        if maximum is not None and value > maximum:
            self.problem(key, f"must be at most {maximum}, got {value}")
            return None
        return value

    def number(self, key: str) -> float | None:
        value = self.raw(key)
        if value is None or value == UNKNOWN:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(key, f"must be a number, got {value!r}")
            return None
        if value < 0:
            self.problem(key, f"must not be negative, got {value}")
            return None
        return float(value)

    def flag(self, key: str, required: bool = False) -> int | None:
        value = self.raw(key)
        if value is None or value == UNKNOWN:
            if required:
                self.problem(key, "missing (true or false)")
            return None
        if not isinstance(value, bool):
            self.problem(key, f"must be true or false, got {value!r}")
            return None
        return int(value)

    def date(self, key: str, required: bool = False, full: bool = False) -> str | None:
        value = self.raw(key)
        if value is None:
            if required:
                self.problem(key, "missing date")
            return None
        if not is_valid_date(value, full=full):
            shape = "YYYY-MM-DD" if full else "YYYY, YYYY-MM or YYYY-MM-DD"
            self.problem(key, f"malformed date {value!r} (expected {shape})")
            return None
        return value

    def ident(self, key: str = "id") -> str | None:
        value = self.raw(key)
        if not isinstance(value, str) or not _ID_RE.match(value):
            self.problem(key, f"missing or malformed id {value!r}")
            return None
        return value

    def enum_list(self, key: str, enum: str) -> list[str] | None:
        value = self.raw(key)
        if value is None:
            return None
        if not isinstance(value, list) or not value:
            self.problem(key, "must be a non-empty list")
            return None
        good = []
        for item in value:
            if item not in ENUMS[enum]:
                allowed = ", ".join(ENUMS[enum])
                self.problem(key, f"unknown value {item!r} (expected one of {allowed})")
            elif item not in good:
                good.append(item)
        return good

    def source_ids(self, sources: dict, primary_key: str = "source",
                   more_key: str = "more_sources", required: bool = True) -> list[str]:
        """The primary source id first, then the others; each must exist in sources.toml."""
        ids: list[str] = []
        primary = self.raw(primary_key)
        if primary is None:
            if required:
                self.problem(primary_key, "missing source id")
        elif not isinstance(primary, str):
            self.problem(primary_key, f"must be a source id, got {primary!r}")
        else:
            ids.append(primary)
        more = self.raw(more_key)
        if more is not None:
            if not isinstance(more, list) or not all(isinstance(m, str) for m in more):
                self.problem(more_key, "must be a list of source ids")
            else:
                ids += [m for m in more if m not in ids]
        for sid in ids:
            if sid not in sources:
                self.problem(primary_key if sid == primary else more_key,
                             f"unknown source id {sid!r} (not in sources.toml)")
        return [sid for sid in ids if sid in sources]

    def source_list(self, sources: dict, key: str) -> list[str]:
        """A required, non-empty list of source ids."""
        value = self.raw(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            self.problem(key, "missing: a list of one or more source ids")
            return []
        for sid in value:
            if sid not in sources:
                self.problem(key, f"unknown source id {sid!r} (not in sources.toml)")
        return list(dict.fromkeys(v for v in value if v in sources))

    def link(self, url_key: str, source_key: str, sources: dict) -> tuple[str | None, str | None]:
        """An official web address and the source that gives it: both or neither."""
        url = self.text(url_key, required=False)
        sid = self.raw(source_key)
        if url is None and sid is None:
            return None, None
        if url is None:
            self.problem(url_key, f"missing: {source_key} is given without an address")
            return None, None
        if not url.startswith("https://") and not url.startswith("http://"):
            self.problem(url_key, f"must start with http:// or https://, got {url!r}")
            return None, None
        if sid is None:
            self.problem(source_key,
                         f"missing: no link without the source that gives it ({url_key})")
            return None, None
        if not isinstance(sid, str) or sid not in sources:
            self.problem(source_key, f"unknown source id {sid!r} (not in sources.toml)")
            return None, None
        return url, sid

    def finish(self, allowed_extra: Collection[str] = frozenset()) -> None:
        # A maintainers' note: kept in the TOML for the next reviewer, never stored or shown.
        if RESEARCH_NOTE in self.data:
            self.text(RESEARCH_NOTE, required=False)
        for key in self.data:
            if key not in self.used and key not in allowed_extra:
                self.problem(key, "unknown key (a typo? see docs/DATA_FORMAT.md)")


def _is_table(entry: object, where: str, problems: list[str]) -> bool:
    if isinstance(entry, dict):
        return True
    problems.append(f"{where}: must be a table ([[...]] entry), got {entry!r}")
    return False


def _read_toml(path: Path, problems: list[str]) -> dict | None:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        problems.append(f"{path}: not valid TOML: {exc}")
    except OSError as exc:
        problems.append(f"{path}: cannot be read: {exc.strerror or exc}")
    return None


def load_dataset(data_dir: Path) -> Dataset:
    """Validate every file under `data_dir` and return the rows; raise DataError on problems."""
    problems: list[str] = []
    ds = Dataset()
    ids_seen: dict[str, str] = {}

    def claim_id(ident: str | None, where: str) -> bool:
        if ident is None:
            return False
        if ident in ids_seen:
            problems.append(f"{where}: duplicate id {ident!r} (also used at {ids_seen[ident]})")
            return False
        ids_seen[ident] = where
        return True

    sources: dict = {}
    for source_file in [data_dir / "sources.toml", *sorted((data_dir / "sources").glob("*.toml"))]:
        for sid, row in _load_sources(source_file, problems, ds).items():
            if sid in sources:
                problems.append(
                    f"{source_file} [{sid}]: duplicate source id (also in another file)")
            sources[sid] = row
    paths = sorted((data_dir / "jurisdictions").glob("*.toml"))
    if not paths:
        problems.append(f"{data_dir / 'jurisdictions'}: no jurisdiction files found")
    for path in paths:
        data = _read_toml(path, problems)
        if data is not None:
            _load_jurisdiction(path, data, sources, problems, ds, claim_id)
    national = data_dir / "national.toml"
    if national.exists():
        data = _read_toml(national, problems)
        if data is not None:
            _load_national(national, data, sources, problems, ds, claim_id)
    if not problems:
        from db.translations import load_translations

        ds.tables["translation"] = load_translations(data_dir, ds.tables, problems)
    if problems:
        raise DataError(problems)
    _date_places(ds)
    return ds


def _date_places(ds: Dataset) -> None:
    """Set each jurisdiction's `as_of`: the newest date among its own sources.

    Multi-state charts and tallies (scope = "multi_state") are left out: their recent date
    would make a thin entry look current. NULL when a place has no source of its own."""
    dates = {s["id"]: s["published"] or s["inferred"] for s in ds.rows("source")
             if s["scope"] != "multi_state"}
    newest: dict[str, str] = {}
    cited = [(f["jurisdiction"], f["source_id"]) for f in ds.rows("fact_source")]
    for j in ds.rows("jurisdiction"):
        cited += [(j["code"], j[k]) for k in ("self_help_source_id", "legal_aid_source_id")]
    cited += [(p["jurisdiction"], p["form_source_id"]) for p in ds.rows("relief_path")]
    for code, sid in cited:
        date = dates.get(sid)
        if code and date and date > newest.get(code, ""):
            newest[code] = date
    for j in ds.rows("jurisdiction"):
        j["as_of"] = newest.get(j["code"])


def _load_sources(path: Path, problems: list[str], ds: Dataset) -> dict:
    data = _read_toml(path, problems)
    if data is None:
        return {}
    sources = {}
    for sid, entry in data.items():
        where = f"{path} [{sid}]"
        if not isinstance(entry, dict):
            problems.append(f"{where}: must be a table of source fields")
            continue
        if not _ID_RE.match(sid):
            problems.append(f"{where}: malformed source id")
            continue
        c = _Checker(problems, where, entry)
        row = {
            "id": sid,
            "title": c.text("title"),
            "publisher": c.text("publisher", allow_unknown=True),
            "url": c.text("url", required=False),
            "date_text": c.text("date_text"),
            "published": c.date("published"),
            "inferred": c.date("inferred"),
            "scope": c.enum("scope", "source_scope", required=False),
        }
        if row["url"] and not row["url"].startswith(("http://", "https://")):
            c.problem("url", f"must start with http:// or https://, got {row['url']!r}")
        c.finish()
        if sid not in sources:
            sources[sid] = row
            ds.rows("source").append(row)
    return sources


def _add_caveat(c: _Checker, ds: Dataset, jurisdiction: str | None, subject_kind: str,
                subject_id: str) -> None:
    text = c.text("caveat", required=False)
    kind = c.enum("caveat_kind", "caveat_kind", required=text is not None)
    if kind is not None and text is None:
        c.problem("caveat", "missing text for caveat_kind")
    if text and kind:
        ds.rows("caveat").append({
            "id": f"{subject_kind}:{subject_id}", "jurisdiction": jurisdiction,
            "subject_kind": subject_kind, "subject_id": subject_id, "kind": kind, "text": text,
        })


def _add_fact_sources(ds: Dataset, subject_kind: str, subject_id: str,
                      jurisdiction: str | None, ids: list[str]) -> None:
    for position, sid in enumerate(ids):
        ds.rows("fact_source").append({
            "subject_kind": subject_kind, "subject_id": subject_id, "source_id": sid,
            "jurisdiction": jurisdiction, "role": "primary" if position == 0 else "more",
            "position": position,
        })


def _load_jurisdiction(path: Path, data: dict, sources: dict, problems: list[str],
                       ds: Dataset, claim_id) -> None:
    where = str(path)
    c = _Checker(problems, where, data)
    code = c.raw("code")
    if code not in KNOWN_CODES:
        c.problem("code", f"unknown jurisdiction code {code!r} (expected a USPS code or US)")
        return
    if path.stem != code:
        c.problem("code", f"{code!r} does not match the file name {path.name!r}")
    if not claim_id(code, where):
        return
    kind = c.enum("kind", "jurisdiction_kind")
    if kind and kind != KNOWN_CODES[code]:
        c.problem("kind", f"{code} is a {KNOWN_CODES[code]}, not a {kind}")
    summary_ids = c.source_list(sources, "summary_sources")
    row = {
        "code": code,
        "name": c.text("name"),
        "kind": kind,
        "summary": c.text("summary"),
        "summary_source_id": summary_ids[0] if summary_ids else None,
        "specific_relief": c.enum("specific_relief", "yes_no_unknown"),
        "pardon_program": c.enum("pardon_program", "yes_no_unknown"),
    }
    _add_fact_sources(ds, "jurisdiction", code, code, summary_ids)
    _add_caveat(c, ds, code, "jurisdiction", code)
    links = c.raw("links")
    if links is not None and not isinstance(links, dict):
        c.problem("links", "must be a [links] table")
        links = None
    lc = _Checker(problems, f"{where} [links]", links or {})
    for name in ("self_help", "legal_aid"):
        row[f"{name}_url"], row[f"{name}_source_id"] = lc.link(f"{name}_url", f"{name}_source",
                                                                 sources)
    lc.finish()

    adult = c.raw("adult_use")
    if not isinstance(adult, dict):
        c.problem("adult_use", "missing [adult_use] table")
    else:
        a = _Checker(problems, f"{where} [adult_use]", adult)
        status = a.enum("status", "adult_use")
        year = a.integer("year", minimum=1900, maximum=2100)
        how = a.enum("how", "adult_use_how", required=False)
        if status == "legalized" and how is None:
            a.problem("how",
                      "missing for a legalized jurisdiction (ballot, legislature or unknown)")
        if status not in (None, "legalized") and (year is not None or how is not None):
            a.problem("year", "year and how apply only when status is legalized")
        ids = a.source_ids(sources)
        row.update({
            "adult_use": status, "adult_use_year": year, "adult_use_how": how,
            "decriminalized_year": a.integer("decriminalized_year", minimum=1900, maximum=2100),
            "adult_use_detail": a.text("detail", required=False),
            "adult_use_source_id": ids[0] if ids else None,
        })
        _add_fact_sources(ds, "adult_use", code, code, ids)
        _add_caveat(a, ds, code, "adult_use", code)
        a.finish()
    ds.rows("jurisdiction").append(row)

    paths = c.raw("relief_paths") or []
    for position, entry in enumerate(paths):
        _load_path(f"{where} relief_paths[{position}]", entry, position, code, sources,
                   problems, ds, claim_id)
    for position, entry in enumerate(c.raw("counts") or []):
        _load_count(f"{where} counts[{position}]", entry, code, sources, problems, ds,
                    claim_id, table="relief_count")
    for position, entry in enumerate(c.raw("notes") or []):
        if not _is_table(entry, f"{where} notes[{position}]", problems):
            continue
        n = _Checker(problems, f"{where} notes[{position}]", entry)
        nid = n.ident()
        if nid is not None and claim_id(nid, n.where):
            ids = n.source_ids(sources)
            ds.rows("note").append({"id": nid, "jurisdiction": code, "position": position,
                                    "text": n.text("text"),
                                    "source_id": ids[0] if ids else None})
            _add_fact_sources(ds, "note", nid, code, ids)
            _add_caveat(n, ds, code, "note", nid)
        n.finish()
    if row["specific_relief"] == "yes" and not any(
            isinstance(p, dict) and p.get("kind") != "pardon" for p in paths):
        c.problem("specific_relief", '"yes" but no relief_paths of a record-clearing kind')
    if row["pardon_program"] == "yes" and not any(
            isinstance(p, dict) and p.get("kind") == "pardon" for p in paths):
        c.problem("pardon_program", '"yes" but no relief_paths of kind "pardon"')
    c.finish()


def _load_path(where: str, entry: dict, position: int, code: str, sources: dict,
               problems: list[str], ds: Dataset, claim_id) -> None:
    if not _is_table(entry, where, problems):
        return
    c = _Checker(problems, where, entry)
    pid = c.ident()
    if pid is None or not claim_id(pid, where):
        return
    ids = c.source_ids(sources)
    offense_kinds = c.enum_list("offense_kinds", "offense_kind")
    date_from = c.date("date_from", full=True)
    date_to = c.date("date_to", full=True)
    if date_from and date_to and date_from > date_to:
        c.problem("date_to", f"{date_to} is before date_from {date_from}")
    row = {
        "id": pid, "jurisdiction": code, "position": position,
        "kind": c.enum("kind", "relief_kind"),
        "mechanism": c.enum("mechanism", "mechanism"),
        "name": c.text("name"),
        "offenses": c.text("offenses", allow_unknown=True),
        "limits": c.text("limits", allow_unknown=True),
        "waiting_period": c.text("waiting_period", allow_unknown=True),
        "fee": c.text("fee", allow_unknown=True),
        "handled_by": c.text("handled_by", allow_unknown=True),
        "enacted_year": c.integer("enacted_year", minimum=1900, maximum=2100),
        "citation": c.text("citation", allow_unknown=True),
        "how_to_apply": c.text("how_to_apply", allow_unknown=True),
        "source_id": ids[0] if ids else None,
        "offense_level": c.enum("offense_level", "offense_level", required=False),
        "records_covered": c.enum("records_covered", "records_covered", required=False),
        "max_amount_grams": c.number("max_amount_grams"),
        "amount_text": c.text("amount_text", required=False),
        "date_applies_to": c.enum("date_applies_to", "date_applies_to", required=False),
        "date_from": date_from,
        "date_to": date_to,
        "waiting_period_years": c.number("waiting_period_years"),
        "fee_dollars": c.number("fee_dollars"),
        "min_age": c.integer("min_age", maximum=100),
        "only_conviction": c.flag("only_conviction"),
        "sentence_completed": c.flag("sentence_completed"),
        "conditions": c.text("conditions", required=False),
        "max_amount_exclusive": c.flag("max_amount_exclusive"),
        "only_charge": c.flag("only_charge"),
    }
    row["form_url"], row["form_source_id"] = c.link("form_url", "form_source", sources)
    if "enacted_year" not in entry:
        c.problem("enacted_year", 'missing (write "unknown" if the research does not say)')
    if row["max_amount_grams"] is not None and not row["amount_text"]:
        c.problem("amount_text", "missing: keep the original wording of max_amount_grams")
    if row["max_amount_exclusive"] is not None and row["max_amount_grams"] is None:
        c.problem("max_amount_exclusive", "only allowed with max_amount_grams")
    if (date_from or date_to) and "date_applies_to" not in entry:
        c.problem("date_applies_to", "missing: say whether the window is of the offense, "
                  'conviction or arrest ("unstated" if the source does not say)')
    if row["date_applies_to"] and not (date_from or date_to):
        c.problem("date_applies_to", "only allowed with date_from or date_to")
    ds.rows("relief_path").append(row)
    for kind in offense_kinds or []:
        ds.rows("relief_path_offense").append({"path_id": pid, "offense_kind": kind})
    _add_fact_sources(ds, "relief_path", pid, code, ids)
    _add_caveat(c, ds, code, "relief_path", pid)
    c.finish()


def _load_count(where: str, entry: dict, code: str | None, sources: dict,
                problems: list[str], ds: Dataset, claim_id, table: str) -> None:
    if not _is_table(entry, where, problems):
        return
    c = _Checker(problems, where, entry)
    cid = c.ident()
    if cid is None or not claim_id(cid, where):
        return
    ids = c.source_ids(sources)
    qualifier = c.enum("qualifier", "qualifier")
    count = c.integer("count", required=True)
    high = c.integer("count_high")
    if qualifier == "range" and high is None:
        c.problem("count_high", 'missing: a "range" needs its upper bound')
    if qualifier != "range" and high is not None:
        c.problem("count_high", 'only allowed with qualifier = "range"')
    if high is not None and count is not None and high < count:
        c.problem("count_high", f"{high} is below count {count}")
    row = {
        "id": cid, "action": c.enum("action", "count_action", required=table == "relief_count"),
        "count": count, "count_high": high, "qualifier": qualifier,
        "unit": c.enum("unit", "unit"),
        "as_of": c.date("as_of", required=True),
        "note": c.text("note", required=False),
        "conflict_group": c.text("conflict_group", required=False),
        "source_id": ids[0] if ids else None,
    }
    if table == "relief_count":
        row["jurisdiction"] = code
        row["official"] = c.flag("official", required=True)
        subject = "relief_count"
    else:
        row["label"] = c.text("label")
        subject = "national_figure"
    ds.rows(table).append(row)
    _add_fact_sources(ds, subject, cid, code, ids)
    _add_caveat(c, ds, code, subject, cid)
    c.finish()


def _load_national(path: Path, data: dict, sources: dict, problems: list[str],
                   ds: Dataset, claim_id) -> None:
    c = _Checker(problems, str(path), data)
    for position, entry in enumerate(c.raw("figures") or []):
        _load_count(f"{path} figures[{position}]", entry, None, sources, problems, ds,
                    claim_id, table="national_figure")
    c.finish()
