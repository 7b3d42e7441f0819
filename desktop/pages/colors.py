"""Page colours from the palette: every text colour keeps at least 4.5:1 contrast (WCAG AA)
against the page's background, in a light and in a dark palette.

Plain Python: the view reads its QPalette's base (background) and text colours and passes
them to `page_colors`; pages build their style from the result. Printed sheets stay light.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from desktop.contrast import MIN_CONTRAST, contrast, luminance, rgb


@dataclass(frozen=True)
class PageColors:
    text: str
    background: str
    muted: str       # sub-lines, labels, the footer
    unknown: str     # "Unknown — not in our sources"
    caveat: str      # ⚠ lines and notices
    link: str
    notice_bg: str   # the screener's disclaimer box
    likely: str      # verdict colours
    may: str
    no: str


LIGHT = PageColors(text="#000000", background="#ffffff", muted="#555555", unknown="#5f5f5f",
                   caveat="#7a4b00", link="#0b57d0", notice_bg="#f1f1f1", likely="#1b5e20",
                   may="#7a4b00", no="#8b1a1a")
DARK = PageColors(text="#eeeeee", background="#1e1e1e", muted="#bdbdbd", unknown="#b0b0b0",
                  caveat="#f2c46d", link="#8ab4f8", notice_bg="#2e2e2e", likely="#81c995",
                  may="#f2c46d", no="#f28b82")


def _hex(channels: tuple[float, ...]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in channels)


def _toward(color: str, target: str, background: str) -> str:
    """`color` moved toward `target` just far enough to read on `background`."""
    start, end = rgb(color), rgb(target)
    for step in range(11):
        t = step / 10
        mixed = _hex(tuple(s + (e - s) * t for s, e in zip(start, end, strict=True)))
        if contrast(mixed, background) >= MIN_CONTRAST:
            return mixed
    return target


def page_colors(background: str = LIGHT.background, text: str = LIGHT.text) -> PageColors:
    """Colours for a page drawn on `background` with body `text` (the palette's base and
    text): the light or dark set, each colour nudged until it reads at 4.5:1."""
    base = DARK if luminance(background) < 0.4 else LIGHT
    colors = replace(base, background=background, text=text)
    notice = colors.notice_bg
    adjusted = {}
    for f in fields(PageColors):
        if f.name in ("text", "background", "notice_bg"):
            continue
        value = getattr(colors, f.name)
        for surface in (background, notice):
            if contrast(value, surface) < MIN_CONTRAST:
                value = _toward(value, text, surface)
        adjusted[f.name] = value
    return replace(colors, **adjusted)
