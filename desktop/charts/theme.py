"""Chart colours as plain dicts (no matplotlib): light and dark, plus the series colours.

A caller passes a partial dict (the window passes its Qt palette colours: background,
foreground, muted, grid); `resolve` fills in the rest from the light or dark defaults,
chosen by how dark the background is.

Series colours are colour-blind safe (Paul Tol's high- and medium-contrast schemes) and
differ in lightness, so they stay apart when printed in black and white; the map adds a
hatch and a word on every tile as well.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.contrast import contrast as contrast_ratio  # the one WCAG 2 formula

LIGHT: dict[str, object] = {
    "background": "#ffffff",
    "foreground": "#1a1a1a",
    "muted": "#595959",
    "grid": "#d4d4d4",
    "font_size": 11.0,
    "action": {"expungement": "#004488", "sealing": "#BB5566", "pardon": "#DDAA33",
               "other": "#DDDDDD"},
    # Outline and hatch of an eligible (hollow) bar, where the fill colour is too faint.
    "action_edge": {"other": "#777777", "pardon": "#B8860B"},
    "category": {"automatic": "#004488", "petition": "#6699CC", "pardon": "#EECC66",
                 "none": "#F2F2F2", "unknown": "#FFFFFF"},
    # Text on each tile, readable on its colour.
    "category_text": {"automatic": "#ffffff", "petition": "#000000", "pardon": "#000000",
                      "none": "#333333", "unknown": "#000000"},
    "category_hatch": {"automatic": "", "petition": "//", "pardon": "..", "none": "",
                       "unknown": "xx"},
    "adult_use": "#004488",
    "relief": "#BB5566",
}

DARK: dict[str, object] = {
    **LIGHT,
    "background": "#1f1f1f",
    "foreground": "#eeeeee",
    "muted": "#b3b3b3",
    "grid": "#4a4a4a",
    "action": {"expungement": "#6699CC", "sealing": "#EE99AA", "pardon": "#EECC66",
               "other": "#999999"},
    "action_edge": {},
    "category": {"automatic": "#6699CC", "petition": "#2F5F8A", "pardon": "#997700",
                 "none": "#3a3a3a", "unknown": "#1f1f1f"},
    # On #997700, white reads at 4.2:1 only; black at 5.0:1.
    "category_text": {"automatic": "#000000", "petition": "#ffffff", "pardon": "#000000",
                      "none": "#dddddd", "unknown": "#eeeeee"},
    "adult_use": "#6699CC",
    "relief": "#EE99AA",
}


def luminance(colour: str) -> float:
    """0 (black) .. 1 (white) for '#rrggbb'; anything unreadable counts as light."""
    text = colour.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(ch * 2 for ch in text)
    try:
        r, g, b = (int(text[i:i + 2], 16) / 255 for i in (0, 2, 4))
    except ValueError:
        return 1.0
    return 0.299 * r + 0.587 * g + 0.114 * b


def colours(theme: Mapping[str, object], key: str) -> dict[str, str]:
    """One of a theme's colour tables ("action", "category", ...) as names to colours."""
    table = theme.get(key) or {}
    if not isinstance(table, Mapping):
        raise TypeError(f"theme[{key!r}] is not a table of colours")
    return {str(name): str(colour) for name, colour in table.items()}


def readable_on(background: str, preferred: str, minimum: float = 4.5) -> str:
    """`preferred` when it reaches `minimum` contrast on `background`, else black or white,
    whichever contrasts more."""
    if contrast_ratio(preferred, background) >= minimum:
        return preferred
    return max(("#000000", "#ffffff"), key=lambda c: contrast_ratio(c, background))


def is_dark(theme: Mapping[str, object] | None) -> bool:
    return theme is not None and luminance(str(theme.get("background", "#ffffff"))) < 0.5


def resolve(theme: Mapping[str, object] | None = None) -> dict[str, object]:
    """A full theme: the defaults for a light or dark background, overridden by `theme`.
    Nested dicts (action, category, ...) are merged key by key."""
    base = DARK if is_dark(theme) else LIGHT
    full: dict[str, object] = {k: dict(v) if isinstance(v, dict) else v for k, v in base.items()}
    for key, value in (theme or {}).items():
        if isinstance(value, Mapping) and isinstance(full.get(key), dict):
            full[key] = {**full[key], **value}        # type: ignore[dict-item]
        elif value is not None:
            full[key] = value
    return full
