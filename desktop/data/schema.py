"""The public schema of the bundled database: tables, columns and allowed values.

One declaration shared by the build (`db/build.py`) and the app's opener, so the two can
never disagree about a column or an enum. Plain Python: no Qt, no SQL execution here.
"""

from __future__ import annotations

SCHEMA_VERSION = 1

# Allowed values. Order matters: it is the order the app lists them in.
ENUMS: dict[str, tuple[str, ...]] = {
    "jurisdiction_kind": ("state", "district", "territory", "federal"),
    "adult_use": ("legalized", "decriminalized", "neither", "unknown"),
    "adult_use_how": ("ballot", "legislature", "unknown"),
    "yes_no_unknown": ("yes", "no", "unknown"),
    "relief_kind": (
        "expungement", "sealing", "vacatur", "set_aside", "annulment",
        "dismissal", "resentencing", "pardon",
    ),
    "mechanism": ("automatic", "petition", "application"),
    "offense_kind": ("possession", "sale_distribution", "cultivation", "paraphernalia", "other"),
    "offense_level": ("misdemeanor", "felony", "both"),
    "records_covered": ("convictions", "arrests", "both"),
    "date_applies_to": ("offense", "conviction", "arrest", "unstated"),
    "count_action": ("pardon", "expungement", "sealing", "vacatur", "other"),
    "qualifier": ("exact", "more_than", "at_least", "up_to", "about", "nearly", "range"),
    "unit": (
        "people", "cases", "convictions", "records", "charges", "petitions",
        "eligible_people", "eligible_cases", "eligible_convictions", "eligible_records",
        "arrests", "states", "jurisdictions",
    ),
    "caveat_kind": ("uncertain", "conflict", "single_source", "background", "thin"),
    "source_scope": ("multi_state",),
    # machine: drafted without a person's review; draft: a person translated it; reviewed: a
    # Spanish-speaking lawyer checked it against the English.
    "translation_status": ("machine", "draft", "reviewed"),
    "subject_kind": ("jurisdiction", "adult_use", "relief_path", "relief_count", "note",
                     "national_figure"),
}

# table -> (columns {name: sqlite type}, primary key, not-null columns, foreign keys, and
# optionally: "optional" columns, "enums" {column: ENUMS key}, "dates" {column: "full" for
# YYYY-MM-DD, "partial" for YYYY, YYYY-MM or YYYY-MM-DD}). Foreign keys are (column,
# other_table, other_column). "optional" columns were added within version 1: a file built
# before them still opens, and readers treat them as NULL (desktop/data/validate.py checks
# them only when present; desktop/data/repository.py reads them through `later_columns`).
TABLES: dict[str, dict] = {
    "source": {
        "columns": {"id": str, "title": str, "publisher": str, "url": str, "date_text": str,
                    "published": str, "inferred": str,
                    # Added within version 1: "multi_state" for 50-state charts and national
                    # tallies (they do not date a place's own facts); NULL otherwise.
                    "scope": str},
        "pk": "id",
        "not_null": {"title", "date_text"},
        "fks": [],
        "optional": {"scope"},
        "enums": {"scope": "source_scope"},
        "dates": {"published": "partial", "inferred": "partial"},
    },
    "jurisdiction": {
        "columns": {"code": str, "name": str, "kind": str, "adult_use": str,
                    "adult_use_year": int, "adult_use_how": str, "decriminalized_year": int,
                    "adult_use_detail": str, "adult_use_source_id": str,
                    "specific_relief": str, "pardon_program": str,
                    "summary": str, "summary_source_id": str,
                    # Added within version 1 (readers must allow them missing): the newest
                    # date among the place's own sources, and official links with the
                    # source that gives each.
                    "as_of": str, "self_help_url": str, "self_help_source_id": str,
                    "legal_aid_url": str, "legal_aid_source_id": str},
        "pk": "code",
        "not_null": {"name", "kind", "adult_use", "specific_relief", "pardon_program",
                     "summary", "summary_source_id", "adult_use_source_id"},
        "fks": [("adult_use_source_id", "source", "id"), ("summary_source_id", "source", "id"),
                ("self_help_source_id", "source", "id"), ("legal_aid_source_id", "source", "id")],
        "optional": {"as_of", "self_help_url", "self_help_source_id", "legal_aid_url",
                     "legal_aid_source_id"},
        "enums": {"kind": "jurisdiction_kind", "adult_use": "adult_use",
                  "adult_use_how": "adult_use_how", "specific_relief": "yes_no_unknown",
                  "pardon_program": "yes_no_unknown"},
        "dates": {"as_of": "partial"},
    },
    "relief_path": {
        "columns": {"id": str, "jurisdiction": str, "position": int, "kind": str,
                    "mechanism": str, "name": str, "offenses": str, "limits": str,
                    "waiting_period": str, "fee": str, "handled_by": str, "enacted_year": int,
                    "citation": str, "how_to_apply": str, "source_id": str,
                    "offense_level": str, "records_covered": str, "max_amount_grams": float,
                    "amount_text": str, "date_applies_to": str, "date_from": str,
                    "date_to": str, "waiting_period_years": float, "fee_dollars": float,
                    "min_age": int, "only_conviction": int, "sentence_completed": int,
                    "conditions": str,
                    # Added after schema_version 1 shipped (readers must allow them missing):
                    "max_amount_exclusive": int, "only_charge": int,
                    # The official page or form where a person acts, and its source.
                    "form_url": str, "form_source_id": str},
        "pk": "id",
        "not_null": {"jurisdiction", "position", "kind", "mechanism", "name", "source_id"},
        "fks": [("jurisdiction", "jurisdiction", "code"), ("source_id", "source", "id"),
                ("form_source_id", "source", "id")],
        "optional": {"max_amount_exclusive", "only_charge", "form_url", "form_source_id"},
        "enums": {"kind": "relief_kind", "mechanism": "mechanism",
                  "offense_level": "offense_level", "records_covered": "records_covered",
                  "date_applies_to": "date_applies_to"},
        "dates": {"date_from": "full", "date_to": "full"},
    },
    "relief_path_offense": {
        "columns": {"path_id": str, "offense_kind": str},
        "pk": ("path_id", "offense_kind"),
        "not_null": {"path_id", "offense_kind"},
        "fks": [("path_id", "relief_path", "id")],
        "enums": {"offense_kind": "offense_kind"},
    },
    "relief_count": {
        "columns": {"id": str, "jurisdiction": str, "action": str, "count": int,
                    "count_high": int, "qualifier": str, "unit": str, "as_of": str,
                    "official": int, "note": str, "conflict_group": str, "source_id": str},
        "pk": "id",
        "not_null": {"jurisdiction", "action", "count", "qualifier", "unit", "as_of",
                     "official", "source_id"},
        "fks": [("jurisdiction", "jurisdiction", "code"), ("source_id", "source", "id")],
        "enums": {"action": "count_action", "qualifier": "qualifier", "unit": "unit"},
        "dates": {"as_of": "partial"},
    },
    "national_figure": {
        "columns": {"id": str, "label": str, "action": str, "count": int, "count_high": int,
                    "qualifier": str, "unit": str, "as_of": str, "note": str,
                    "conflict_group": str, "source_id": str},
        "pk": "id",
        "not_null": {"label", "count", "qualifier", "unit", "as_of", "source_id"},
        "fks": [("source_id", "source", "id")],
        "enums": {"action": "count_action", "qualifier": "qualifier", "unit": "unit"},
        "dates": {"as_of": "partial"},
    },
    "note": {
        "columns": {"id": str, "jurisdiction": str, "position": int, "text": str,
                    "source_id": str},
        "pk": "id",
        "not_null": {"jurisdiction", "position", "text", "source_id"},
        "fks": [("jurisdiction", "jurisdiction", "code"), ("source_id", "source", "id")],
    },
    "caveat": {
        "columns": {"id": str, "jurisdiction": str, "subject_kind": str, "subject_id": str,
                    "kind": str, "text": str},
        "pk": "id",
        "not_null": {"subject_kind", "subject_id", "kind", "text"},
        "fks": [],
        "enums": {"subject_kind": "subject_kind", "kind": "caveat_kind"},
    },
    # Every source behind every fact: the primary one (role 'primary') and the others.
    "fact_source": {
        "columns": {"subject_kind": str, "subject_id": str, "source_id": str,
                    "jurisdiction": str, "role": str, "position": int},
        "pk": ("subject_kind", "subject_id", "source_id"),
        "not_null": {"subject_kind", "subject_id", "source_id", "role", "position"},
        "fks": [("source_id", "source", "id")],
        "enums": {"subject_kind": "subject_kind"},
    },
    # One row per searchable thing; FTS5 (porter) over title and body.
    "search_index": {
        "columns": {"id": int, "kind": str, "jurisdiction": str, "ref_id": str,
                    "title": str, "body": str,
                    # Added within version 1: the language of title and body (NULL: English).
                    "language": str},
        "pk": "id",
        "not_null": {"kind", "ref_id", "title", "body"},
        "fks": [],
        "optional": {"language"},
        "enums": {"kind": "subject_kind"},
    },
    # Translated prose, keyed by fact (subject_kind, subject_id) and field. English stays in
    # the base tables; `stale` = 1 when the English changed after the translation was made
    # (its `en_hash` no longer matches), and the app then shows the English. Added within
    # version 1: older files have no such table (English only).
    "translation": {
        "columns": {"subject_kind": str, "subject_id": str, "field": str, "language": str,
                    "jurisdiction": str, "text": str, "status": str, "en_hash": str,
                    "stale": int},
        "pk": ("subject_kind", "subject_id", "field", "language"),
        "not_null": {"subject_kind", "subject_id", "field", "language", "text", "status",
                     "en_hash", "stale"},
        "fks": [],
        "enums": {"status": "translation_status"},
    },
    "meta": {
        "columns": {"key": str, "value": str},
        "pk": "key",
        "not_null": {"value"},
        "fks": [],
    },
}

# Prose a volunteer or a handout shows, per subject kind: what the `translation` table may
# hold. Numbers, dates, citations, statute and court names are never translated.
TRANSLATABLE: dict[str, tuple[str, ...]] = {
    "jurisdiction": ("name", "summary"),
    "adult_use": ("detail",),
    "relief_path": ("name", "offenses", "limits", "waiting_period", "fee", "handled_by",
                    "how_to_apply", "conditions", "amount_text"),
    "relief_count": ("note",),
    "note": ("text",),
    "caveat": ("text",),
    "national_figure": ("label", "note"),
}

# Tables added within version 1 (older files have none: readers check before using them).
OPTIONAL_TABLES = frozenset({"translation"})


def later_columns(table: str) -> tuple[str, ...]:
    """The columns of `table` added within version 1 (a file may lack them), in the order
    they are declared."""
    optional = TABLES[table].get("optional", ())
    return tuple(name for name in TABLES[table]["columns"] if name in optional)


FTS_TABLE = "search_index"
FTS_COLUMNS = ("title", "body")
