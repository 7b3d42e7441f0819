"""The "What changed" page: per place, the facts added, changed and removed between two data
versions (sentences from `desktop.domain.changes`). Markup, so every value is escaped."""

from __future__ import annotations

from markupsafe import Markup

from desktop import strings
from desktop.data.changes import PlaceChanges
from desktop.domain import changes as wording
from desktop.pages.colors import PageColors
from desktop.pages.parts import style


def render_changes(places: list[PlaceChanges], old: str, new: str,
                   colors: PageColors | None = None) -> Markup:
    parts = [style(colors) if colors else style(),
             Markup("<h1>{}</h1>").format(strings.CHANGES_TITLE),
             Markup('<p class="sub">{}</p>').format(strings.CHANGES_BETWEEN.format(old=old,
                                                                                   new=new)),
             Markup('<p class="summary">{}</p>').format(wording.summary(places))]
    item = Markup("<li>{}</li>")
    for place in places:
        parts.append(Markup("<h2>{}</h2>").format(wording.place_label(place)))
        for action in ("added", "changed", "removed"):
            rows = [item.format(_capital(wording.change_sentence(c)))
                    for c in place.changes if c.action == action]
            if rows:
                parts.append(Markup("<h3>{}</h3><ul>{}</ul>").format(
                    strings.CHANGES_ACTION[action], Markup("").join(rows)))
    return Markup("").join(parts)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
