"""WCAG 2 contrast of two colours, the one formula: the page colours (desktop/pages/colors.py)
and the charts' tile text (desktop/charts) both keep text at 4.5:1 (AA) with it. Plain Python."""

from __future__ import annotations

MIN_CONTRAST = 4.5


def rgb(color: str) -> tuple[int, int, int]:
    """(r, g, b) of '#rrggbb' or '#rgb', 0 to 255."""
    color = color.lstrip("#")
    if len(color) == 3:
        color = "".join(c * 2 for c in color)
    return int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)


def luminance(color: str) -> float:
    """WCAG 2 relative luminance: 0 for black, 1 for white."""
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
