"""What changed between two data versions, in sentences a volunteer reads before an event.

"Virginia: “Automatic sealing” — end of the eligibility window changed from June 30, 2025 to
July 1, 2026." The changes themselves come from `desktop.data.changes` (computed from two
databases); this module only words them. The same sentences make the package's CHANGES
summary (`changes_text`), `data diff` and the window's "What changed" page. No Qt, no SQL.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop import strings
from desktop.data.changes import NATIONAL, SOURCES, Change, PlaceChanges, counts
from desktop.domain import wording

_LONG = 70          # a text value longer than this is "rewritten", not quoted whole
_BOOLEAN = {"only_conviction", "sentence_completed", "official", "max_amount_exclusive",
            "only_charge"}
_DATES = {"date_from", "date_to", "as_of", "published", "inferred"}
_ENUM_WORDS: dict[str, Callable[[str], str]] = {
    "kind": lambda v: strings.RELIEF_KIND.get(v) or strings.JURISDICTION_KIND.get(v, v),
    "mechanism": lambda v: strings.MECHANISM_SHORT.get(v, v),
    "adult_use": lambda v: strings.ADULT_USE.get(v, v),
    "specific_relief": lambda v: strings.YES_NO.get(v, v),
    "pardon_program": lambda v: strings.YES_NO.get(v, v),
    "action": lambda v: strings.COUNT_ACTION.get(v, v),
    "caveat_kind": lambda v: strings.CAVEAT_KIND.get(v, v),
}


def place_label(place: PlaceChanges) -> str:
    if place.code == NATIONAL:
        return strings.CHANGES_NATIONAL
    if place.code == SOURCES:
        return strings.CHANGES_SOURCES
    return place.name


def value_text(field: str, value: object) -> str:
    """A field's value in words: dates as dates, yes/no, enums by their label."""
    if value is None or value == "" or value == ():
        return strings.CHANGES_NOT_STATED
    if field in _BOOLEAN:
        return strings.YES_NO["yes" if value else "no"].lower()
    if field in _DATES and isinstance(value, str):
        return wording.date_text(value)
    if field == "offense_kinds" and isinstance(value, tuple):
        return wording.and_list([strings.CHANGES_OFFENSE.get(str(v), str(v)) for v in value])
    if field == "sources" and isinstance(value, tuple):
        return ", ".join(value)
    if field == "max_amount_grams" and isinstance(value, (int, float)):
        return strings.CHANGES_GRAMS.format(grams=f"{value:g}")
    if field == "fee_dollars" and isinstance(value, (int, float)):
        return f"${value:,.0f}" if value else strings.CHANGES_FREE
    if isinstance(value, int) and not isinstance(value, bool) and field.endswith("count"):
        return wording.number(value)
    words = _ENUM_WORDS.get(field)
    if words is not None and isinstance(value, str):
        return words(value)
    return str(value)


def field_label(table: str, field: str) -> str:
    return (strings.CHANGES_FIELDS.get(f"{table}.{field}") or strings.CHANGES_FIELDS.get(field)
            or field.replace("_", " "))


def _short(text: object) -> str:
    words = " ".join(str(text or "").split())
    return words if len(words) <= _LONG else words[:_LONG - 1].rstrip() + "…"


def fact_label(change: Change) -> str:
    """How a fact is named in a sentence: the path's name, the count in words, a note's start."""
    row = change.row
    if change.table == "relief_path":
        return strings.CHANGES_QUOTED.format(text=row.get("name") or change.fact_id)
    if change.table in ("relief_count", "national_figure"):
        phrase = wording.count_phrase(int(row.get("count") or 0), row.get("qualifier") or "exact",
                                      row.get("unit") or "people", row.get("count_high"))
        return strings.CHANGES_COUNT_LABEL.format(
            count=phrase, action=strings.COUNT_ACTION.get(row.get("action") or "", ""),
            date=wording.date_text(row.get("as_of"))).replace(" , ", ", ")
    if change.table == "note":
        return strings.CHANGES_NOTE_LABEL.format(text=_short(row.get("text")))
    if change.table == "caveat":
        return strings.CHANGES_CAVEAT_LABEL.format(text=_short(row.get("text")))
    if change.table == "source":
        return strings.CHANGES_SOURCE_LABEL.format(text=_short(row.get("title") or change.fact_id))
    return ""


def change_sentence(change: Change) -> str:
    """One change, without the place (the caller puts the place in front)."""
    if change.table == "jurisdiction":
        if change.action == "added":
            return strings.CHANGES_PLACE_ADDED
        if change.action == "removed":
            return strings.CHANGES_PLACE_REMOVED
        return _field_sentence(change, strings.CHANGES_PLACE_FIELD)
    what = fact_label(change)
    if change.action == "added":
        if change.table == "relief_path":
            return strings.CHANGES_PATH_ADDED.format(
                name=what, kind=value_text("kind", change.row.get("kind")).lower(),
                mechanism=value_text("mechanism", change.row.get("mechanism")))
        return strings.CHANGES_FACT_ADDED.format(fact=what)
    if change.action == "removed":
        if change.table == "relief_path":
            what = strings.CHANGES_PATH_LABEL.format(text=change.row.get("name") or change.fact_id)
        return strings.CHANGES_FACT_REMOVED.format(fact=what)
    return _field_sentence(change, strings.CHANGES_FACT_FIELD, fact=what)


def _field_sentence(change: Change, template: str, **values) -> str:
    label = field_label(change.table, change.field or "")
    old, new = change.old, change.new
    if (isinstance(old, str) and len(old) > _LONG) or (isinstance(new, str) and len(new) > _LONG):
        if old and new:
            detail = strings.CHANGES_REWRITTEN.format(field=label)
        elif new:
            detail = strings.CHANGES_SET.format(field=label, new=_short(new))
        else:
            detail = strings.CHANGES_CLEARED.format(field=label, old=_short(old))
    elif old in (None, "", ()):
        detail = strings.CHANGES_SET.format(field=label, new=value_text(change.field or "", new))
    elif new in (None, "", ()):
        detail = strings.CHANGES_CLEARED.format(field=label,
                                                old=value_text(change.field or "", old))
    else:
        detail = strings.CHANGES_FROM_TO.format(field=label,
                                                old=value_text(change.field or "", old),
                                                new=value_text(change.field or "", new))
    return template.format(detail=detail, **values)


def place_sentences(place: PlaceChanges) -> list[tuple[str, str]]:
    """(action, sentence) for each change of one place, the place's name in front."""
    label = place_label(place)
    return [(c.action, strings.CHANGES_LINE.format(place=label, change=change_sentence(c)))
            for c in place.changes]


def summary(places: list[PlaceChanges]) -> str:
    if not places:
        return strings.CHANGES_NONE
    n = counts(places)
    return strings.CHANGES_SUMMARY.format(added=n["added"], changed=n["changed"],
                                          removed=n["removed"],
                                          places=sum(1 for p in places
                                                     if p.code not in (NATIONAL, SOURCES)))


def changes_text(places: list[PlaceChanges], old: str = "", new: str = "") -> str:
    """The plain-text CHANGES summary: a heading, the totals, then one line per change."""
    lines = [strings.CHANGES_TITLE]
    if old or new:
        lines.append(strings.CHANGES_BETWEEN.format(old=old, new=new))
    lines += [summary(places), ""]
    for place in places:
        lines += [sentence for _action, sentence in place_sentences(place)]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
