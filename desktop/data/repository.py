"""Read the reference data into plain dataclasses. All SQL for the reference data lives here."""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.data import places
from desktop.data import search as search_module
from desktop.data.database import open_database
from desktop.data.records import (
    Caveat,
    DataInfo,
    JurisdictionSummary,
    NationalFigure,
    SearchHit,
    Source,
)
from desktop.data.schema import TRANSLATABLE, later_columns

if TYPE_CHECKING:
    from desktop.data.place_records import JurisdictionDetail, OfficialLink, ReliefCount, ReliefPath


def _page_records():
    """desktop/data/place_records.py, imported when the first place is opened: making its
    dataclasses costs ~8 ms, which start-up (the list and the start page) does not need."""
    from desktop.data import place_records

    return place_records

# Units that count records actually cleared or people pardoned (not eligibility or petitions).
RELIEVED_UNITS = ("people", "cases", "convictions", "records", "charges")
_KIND_ORDER = ("CASE kind WHEN 'state' THEN 0 WHEN 'district' THEN 0 WHEN 'territory' THEN 1"
               " ELSE 2 END")
# Tables whose later columns (added after schema_version 1 first shipped, declared in
# schema.py) are read here: a file built before them still opens, and they read as NULL.
_LATER_COLUMNS_READ = ("relief_path", "jurisdiction")


_SUMMARY_COLUMNS = ("code, name, kind, adult_use, adult_use_year, specific_relief,"
                    " pardon_program")
_PATH_FLAGS = ("only_conviction", "sentence_completed", "max_amount_exclusive", "only_charge")


class Repository:
    """The reference data, read-only. Create with `Repository.open(path)`."""

    def __init__(self, conn: sqlite3.Connection, info: DataInfo):
        self._conn = conn
        self.info = info
        self._later: dict[str, str] = {}
        for table in _LATER_COLUMNS_READ:
            names = later_columns(table)
            present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
            self._later[table] = ", ".join(
                name if name in present else f"NULL AS {name}" for name in names)

    language = "en"  # the language pages are read in unless a call asks for another

    @classmethod
    def open(cls, path: Path | str, trust_dir: Path | None = None) -> Repository:
        """Open and validate `path` (see `open_database`; `trust_dir` for the bundled file)."""
        conn, info = open_database(path, trust_dir)
        return cls(conn, info)

    @classmethod
    def open_default(cls, db: Path | str | None = None, portable: bool = False) -> Repository:
        """`db` (validated in full), or else the bundled file (validated in full once per
        computer, then checked by its hash: see `desktop.data.database`)."""
        from desktop import paths

        if db is not None:
            return cls.open(db)
        return cls.open(paths.bundled_database(), trust_dir=paths.user_data_dir(portable))

    def close(self) -> None:
        self._conn.close()

    def interrupt(self) -> None:
        """Abort a query running on another thread (a newer search supersedes it)."""
        self._conn.interrupt()

    # -- lists -----------------------------------------------------------------------------
    def jurisdictions(self, lang: str | None = None) -> list[JurisdictionSummary]:
        """States and DC by name, then territories, then federal (names in `lang`, sorted
        in English order so the list keeps its shape)."""
        names = self._translated_names(lang or self.language)
        mechanisms: dict[str, set[str]] = defaultdict(set)
        kinds: dict[str, set[str]] = defaultdict(set)
        for code, kind, mechanism in self._conn.execute(
                "SELECT jurisdiction, kind, mechanism FROM relief_path"):
            kinds[code].add(kind)
            if kind != "pardon":
                mechanisms[code].add(mechanism)
        relieved = dict(self._conn.execute(
            "SELECT jurisdiction, MAX(count) FROM relief_count WHERE action != 'other' AND unit IN"
            f" ({', '.join('?' * len(RELIEVED_UNITS))}) GROUP BY jurisdiction", RELIEVED_UNITS))
        rows = self._rows(f"SELECT {_SUMMARY_COLUMNS} FROM jurisdiction"
                          f" ORDER BY {_KIND_ORDER}, name")
        return [JurisdictionSummary(**{**row, "name": names.get(row["code"], row["name"])},
                                    relief_mechanisms=tuple(sorted(mechanisms[row["code"]])),
                                    path_kinds=tuple(sorted(kinds[row["code"]])),
                                    most_relieved=relieved.get(row["code"]))
                for row in rows]

    def _rows(self, sql: str, args: tuple | list = ()) -> list[dict]:
        """Rows as {column: value}: a column added to a SELECT never shifts another field."""
        cursor = self._conn.execute(sql, args)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    # -- one jurisdiction --------------------------------------------------------------------
    def jurisdiction(self, code: str, lang: str | None = None) -> JurisdictionDetail | None:
        """One place's page; in `lang` (default: the repository's language) where translated,
        in English where not (see `JurisdictionDetail.translation`)."""
        detail = self._jurisdiction(code)
        lang = lang or self.language
        if detail is None or lang == "en":
            return detail
        return _translate_detail(detail, self._translations(code, lang), lang)

    def _jurisdiction(self, code: str) -> JurisdictionDetail | None:
        found = self._rows(
            f"SELECT {_SUMMARY_COLUMNS}, summary, adult_use_how, decriminalized_year,"
            f" adult_use_detail, {self._later['jurisdiction']}"
            " FROM jurisdiction WHERE code = ?", (code,))
        if not found:
            return None
        row = found[0]
        sources_of = self._fact_sources(code)
        caveats_of = self._caveats(code)
        paths = self._paths(code, sources_of, caveats_of)
        counts = self._counts(code, sources_of, caveats_of)
        pr = _page_records()
        notes = tuple(
            pr.Note(nid, text, sources_of[("note", nid)], caveats_of[("note", nid)])
            for nid, text in self._conn.execute(
                "SELECT id, text FROM note WHERE jurisdiction = ? ORDER BY position", (code,)))
        summary = JurisdictionSummary(
            **{c: row[c] for c in _SUMMARY_COLUMNS.split(", ")},
            relief_mechanisms=tuple(sorted({p.mechanism for p in paths if p.kind != "pardon"})),
            path_kinds=tuple(sorted({p.kind for p in paths})))
        self_help = _link(row["self_help_url"], row["self_help_source_id"])
        legal_aid = _link(row["legal_aid_url"], row["legal_aid_source_id"])
        used = {sid for ids in sources_of.values() for sid in ids}
        used |= {link.source_id for link in (self_help, legal_aid, *(p.form for p in paths))
                 if link is not None}
        return pr.JurisdictionDetail(
            summary=summary, text=row["summary"],
            summary_source_ids=sources_of[("jurisdiction", code)],
            adult_use_how=row["adult_use_how"], decriminalized_year=row["decriminalized_year"],
            adult_use_detail=row["adult_use_detail"],
            adult_use_source_ids=sources_of[("adult_use", code)],
            caveats=caveats_of[("jurisdiction", code)],
            adult_use_caveats=caveats_of[("adult_use", code)],
            paths=paths, counts=counts, notes=notes, sources=self.sources(used),
            as_of=row["as_of"], self_help=self_help, legal_aid=legal_aid,
        )

    def sources(self, ids: set[str] | None = None) -> dict[str, Source]:
        """The sources with these ids (all of them when `ids` is None)."""
        sql = "SELECT id, title, publisher, url, date_text, published, inferred FROM source"
        if ids is None:
            rows = self._rows(sql)
        else:
            wanted = sorted(ids)
            rows = self._rows(f"{sql} WHERE id IN ({', '.join('?' * len(wanted))})", wanted)
        return {r["id"]: Source(**r) for r in rows}

    def national_figures(self, lang: str | None = None) -> list[NationalFigure]:
        """Totals across states, newest first (label and note in `lang` where translated)."""
        figures = self._national_figures()
        lang = lang or self.language
        if lang == "en":
            return figures
        found = self._translations(None, lang)
        tally: Counter = Counter()
        return [replace(
            _translate(f, found, "national_figure", f.id, TRANSLATABLE["national_figure"], tally),
            caveats=tuple(_translate(c, found, "caveat", f"national_figure:{f.id}", ("text",),
                                     tally) for c in f.caveats))
            for f in figures]

    def _national_figures(self) -> list[NationalFigure]:
        sources_of = self._fact_sources(None)
        caveats_of = self._caveats(None)
        rows = self._rows(
            "SELECT id, label, action, count, count_high, qualifier, unit, as_of, note,"
            " conflict_group FROM national_figure ORDER BY as_of DESC, count DESC, id")
        return [NationalFigure(**r, source_ids=sources_of[("national_figure", r["id"])],
                               caveats=caveats_of[("national_figure", r["id"])]) for r in rows]

    def _has_translations(self) -> bool:
        if not hasattr(self, "_translation_table"):
            self._translation_table = bool(self._conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'translation'"
            ).fetchone())
        return self._translation_table

    def _translations(self, code: str | None, lang: str) -> _Found:
        if not self._has_translations():
            return {}
        return {(kind, ident, field): (text, status, stale)
                for kind, ident, field, text, status, stale in self._conn.execute(
                    "SELECT subject_kind, subject_id, field, text, status, stale"
                    " FROM translation WHERE jurisdiction IS ? AND language = ?", (code, lang))}

    def _translated_names(self, lang: str) -> dict[str, str]:
        if lang == "en" or not self._has_translations():
            return {}
        return dict(self._conn.execute(
            "SELECT subject_id, text FROM translation WHERE subject_kind = 'jurisdiction'"
            " AND field = 'name' AND language = ? AND stale = 0", (lang,)))

    def _fact_sources(self, code: str | None) -> defaultdict[tuple[str, str], tuple[str, ...]]:
        found: defaultdict[tuple[str, str], list[str]] = defaultdict(list)
        for kind, subject, sid in self._conn.execute(
                "SELECT subject_kind, subject_id, source_id FROM fact_source"
                " WHERE jurisdiction IS ? ORDER BY subject_kind, subject_id, position", (code,)):
            found[(kind, subject)].append(sid)
        return defaultdict(tuple, {k: tuple(v) for k, v in found.items()})

    def _caveats(self, code: str | None) -> defaultdict[tuple[str, str], tuple[Caveat, ...]]:
        found: defaultdict[tuple[str, str], list[Caveat]] = defaultdict(list)
        for kind, subject, ckind, text in self._conn.execute(
                "SELECT subject_kind, subject_id, kind, text FROM caveat"
                " WHERE jurisdiction IS ? ORDER BY id", (code,)):
            found[(kind, subject)].append(Caveat(ckind, text))
        return defaultdict(tuple, {k: tuple(v) for k, v in found.items()})

    def _paths(self, code, sources_of, caveats_of) -> tuple[ReliefPath, ...]:
        offenses: defaultdict[str, list[str]] = defaultdict(list)
        for pid, kind in self._conn.execute(
                "SELECT o.path_id, o.offense_kind FROM relief_path_offense AS o"
                " JOIN relief_path AS p ON p.id = o.path_id WHERE p.jurisdiction = ?", (code,)):
            offenses[pid].append(kind)
        rows = self._rows(
            "SELECT id, kind, mechanism, name, offenses, limits, waiting_period, fee, handled_by,"
            " enacted_year, citation, how_to_apply, offense_level, records_covered,"
            " max_amount_grams, amount_text, date_applies_to, date_from, date_to,"
            " waiting_period_years, fee_dollars, min_age, only_conviction, sentence_completed,"
            f" conditions, {self._later['relief_path']}"
            " FROM relief_path WHERE jurisdiction = ? ORDER BY position", (code,))
        paths = []
        for r in rows:
            pid = r["id"]
            for flag in _PATH_FLAGS:
                r[flag] = _flag(r[flag])
            form = _link(r.pop("form_url"), r.pop("form_source_id"))
            paths.append(_page_records().ReliefPath(
                **r, form=form, source_ids=sources_of[("relief_path", pid)],
                caveats=caveats_of[("relief_path", pid)], offense_kinds=tuple(offenses[pid])))
        return tuple(paths)

    def _counts(self, code, sources_of, caveats_of) -> tuple[ReliefCount, ...]:
        """Newest first; ties keep the larger figure first."""
        rows = self._rows(
            "SELECT id, action, count, count_high, qualifier, unit, as_of, official, note,"
            " conflict_group FROM relief_count WHERE jurisdiction = ?"
            " ORDER BY as_of DESC, count DESC, id", (code,))
        count = _page_records().ReliefCount
        return tuple(
            count(**{**r, "official": bool(r["official"])},
                        source_ids=sources_of[("relief_count", r["id"])],
                        caveats=caveats_of[("relief_count", r["id"])])
            for r in rows)

    # -- search ------------------------------------------------------------------------------
    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Places named by code, abbreviation or name first ("AZ", "D.C.", "Nueva York"),
        then full-text hits (the same place's page is not listed twice)."""
        named = places.match_places(text, self._place_names())
        hits = [SearchHit("jurisdiction", code, code, self._place_names()[code][0],
                          self._place_summary(code, text), float("-inf"))
                for code in named[:5]]
        listed = {h.ref_id for h in hits}
        hits += [h for h in search_module.search(self._conn, text, limit)
                 if not (h.kind == "jurisdiction" and h.ref_id in listed)]
        return hits[:limit]

    def _place_names(self) -> dict[str, list[str]]:
        """Each place's names: in the repository's language first, then English, then the
        other translations. Read once."""
        if not hasattr(self, "_names"):
            names: dict[str, list[str]] = {code: [name] for code, name in self._conn.execute(
                "SELECT code, name FROM jurisdiction")}
            if self._has_translations():
                for code, name in self._conn.execute(
                        "SELECT subject_id, text FROM translation WHERE subject_kind ="
                        " 'jurisdiction' AND field = 'name' AND stale = 0"):
                    if code in names and name not in names[code]:
                        names[code].append(name)
            self._names = names
        own = self._translated_names(self.language)
        return {code: [own.get(code, found[0]), *found] for code, found in self._names.items()}

    def _place_summary(self, code: str, text: str) -> str:
        (summary,) = self._conn.execute("SELECT summary FROM jurisdiction WHERE code = ?",
                                        (code,)).fetchone()
        return search_module.make_snippet(summary, text)


# -- translations -------------------------------------------------------------------------------
# (subject kind, subject id, field) -> (text, status, stale)
_Found = dict[tuple[str, str, str], tuple[str, str, int]]


def _translate(record, found: _Found, kind: str, ident: str, fields: tuple[str, ...],
               tally: Counter, keys: dict[str, str] | None = None):
    """`record` with each field replaced by its translation where there is a current one;
    `keys` names the translation field where it differs from the record's attribute."""
    changes = {}
    for field in fields:
        if not getattr(record, field, None):
            continue  # no English: nothing to translate, nothing missing
        hit = found.get((kind, ident, (keys or {}).get(field, field)))
        if hit is None:
            tally["missing"] += 1
        elif hit[2]:
            tally["stale"] += 1
        else:
            changes[field] = hit[0]
            tally["translated"] += 1
            tally["unreviewed"] += hit[1] != "reviewed"
    return replace(record, **changes) if changes else record


def _translate_detail(d: JurisdictionDetail, found: _Found, lang: str) -> JurisdictionDetail:
    tally: Counter = Counter()

    def caveats(subject_kind: str, subject_id: str, items: tuple[Caveat, ...]):
        return tuple(_translate(c, found, "caveat", f"{subject_kind}:{subject_id}", ("text",),
                                tally) for c in items)

    summary = _translate(d.summary, found, "jurisdiction", d.code, ("name",), tally)
    path_fields = TRANSLATABLE["relief_path"]
    paths = tuple(replace(_translate(p, found, "relief_path", p.id, path_fields, tally),
                          caveats=caveats("relief_path", p.id, p.caveats)) for p in d.paths)
    counts = tuple(replace(_translate(c, found, "relief_count", c.id, ("note",), tally),
                           caveats=caveats("relief_count", c.id, c.caveats)) for c in d.counts)
    notes = tuple(replace(_translate(n, found, "note", n.id, ("text",), tally),
                          caveats=caveats("note", n.id, n.caveats)) for n in d.notes)
    fields = _translate(d, found, "jurisdiction", d.code, ("text",), tally,
                        keys={"text": "summary"})
    fields = _translate(fields, found, "adult_use", d.code, ("adult_use_detail",), tally,
                        keys={"adult_use_detail": "detail"})
    return replace(
        d, summary=summary, paths=paths, counts=counts, notes=notes,
        text=fields.text, adult_use_detail=fields.adult_use_detail,
        caveats=caveats("jurisdiction", d.code, d.caveats),
        adult_use_caveats=caveats("adult_use", d.code, d.adult_use_caveats),
        translation=_page_records().Translation(lang, **{k: tally[k] for k in
                                         ("translated", "stale", "missing", "unreviewed")}))


def _link(url: str | None, source_id: str | None) -> OfficialLink | None:
    return _page_records().OfficialLink(url, source_id) if url and source_id else None


def _flag(value: int | None) -> bool | None:
    return None if value is None else bool(value)
