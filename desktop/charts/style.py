"""Shared drawing helpers for the chart modules: a themed figure, themed axes, short numbers."""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import cache

from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.ticker import FuncFormatter

from desktop.charts import theme as theme_module

# Figures are laid out in points at a slide's shape; a PNG's pixels come from the dpi.
SLIDE_SIZE = (12.8, 7.2)


def new_figure(theme: Mapping[str, object], size: tuple[float, float] = SLIDE_SIZE,
               figure: Figure | None = None) -> Figure:
    """A blank constrained-layout figure; `figure`, when given, is cleared and reused (so a
    canvas and its toolbar keep working when the chart is redrawn)."""
    engine = ConstrainedLayoutEngine(w_pad=0.06, h_pad=0.06)
    if figure is None:
        figure = Figure(figsize=size, layout=engine)
    else:
        figure.clear()
        figure.set_layout_engine(engine)
    figure.set_facecolor(str(theme["background"]))
    return figure


def font(theme: Mapping[str, object], scale: float = 1.0) -> float:
    return float(theme["font_size"]) * scale  # type: ignore[arg-type]


def style_axes(ax, theme: Mapping[str, object], grid_axis: str | None = "x") -> None:
    fg, muted, grid = str(theme["foreground"]), str(theme["muted"]), str(theme["grid"])
    ax.set_facecolor(str(theme["background"]))
    for side, spine in ax.spines.items():
        spine.set_color(muted)
        spine.set_visible(side in ("left", "bottom"))
    ax.tick_params(colors=muted, labelcolor=fg, labelsize=font(theme, 0.9))
    if grid_axis:
        ax.grid(axis=grid_axis, color=grid, linewidth=0.8)
        ax.set_axisbelow(True)
    ax.title.set_color(fg)
    ax.xaxis.label.set_color(fg)
    ax.yaxis.label.set_color(fg)


_ADVANCES: dict[str, dict[str, float]] = {}    # weight -> character -> width of 1 pt type
MISSING_GLYPH = 0.6


def text_width(text: str, points: float, weight: str = "normal") -> float:
    """Width in inches of `text` (its longest line) at `points`, from the advance widths of
    the charts' font itself: no figure, renderer or layout needed, so a chart can fit its
    words before it is drawn. Each character is measured once per process (kerning left
    out: within a few percent of what Agg draws)."""
    advances = _ADVANCES.get(weight)
    if advances is None:
        advances = _ADVANCES[weight] = {}
    widest = 0.0
    for line in text.split("\n"):
        width = 0.0
        for ch in line:
            advance = advances.get(ch)
            if advance is None:
                advance = advances[ch] = _advance(ch, weight)
            width += advance
        widest = max(widest, width)
    return widest * points / 72


def _advance(ch: str, weight: str) -> float:
    """Width of `ch` in ems; a character the font lacks counts as a wide one (0.6 em)."""
    from matplotlib.ft2font import LoadFlags

    font = _font(weight)
    if not font.get_char_index(ord(ch)):
        return MISSING_GLYPH
    glyph = font.load_glyph(font.get_char_index(ord(ch)), flags=LoadFlags.NO_HINTING)
    return glyph.linearHoriAdvance / 65536 / 72


@cache
def _font(weight: str):
    """The charts' font file at `weight`, opened apart from the renderers' shared copy, at
    72 pt and 72 dpi (one pixel per point)."""
    from matplotlib.font_manager import FontProperties, findfont
    from matplotlib.ft2font import FT2Font

    font = FT2Font(findfont(FontProperties(weight=weight)))
    font.set_size(72, 72)
    return font


def wrap(text: str, points: float, width: float, weight: str = "normal") -> str:
    """`text` broken between words into lines no wider than `width` inches (a single word
    wider than that keeps a line of its own)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and text_width(candidate, points, weight) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return "\n".join(lines)


def fit_size(text: str, points: float, width: float, weight: str = "normal",
             smallest: float = 6.0) -> float:
    """The largest size up to `points` (not below `smallest`) at which `text` is at most
    `width` inches wide."""
    measured = text_width(text, points, weight)
    if measured <= width:
        return points
    return max(smallest, points * width / measured)


def legend_layout(labels: list[str], points: float, width: float, handle: float,
                  most: int = 3) -> tuple[int, list[str]]:
    """Columns and labels (wrapped to at most two lines) for a legend of `labels` across
    `width` inches, `handle` inches being each entry's key and spacing: as many columns as
    fit, up to `most`."""
    for ncols in range(min(most, len(labels)), 0, -1):
        wrapped = [wrap(label, points, width / ncols - handle) for label in labels]
        if ncols == 1 or (legend_width(wrapped, points, ncols, handle) <= width
                          and all(w.count("\n") <= 1 for w in wrapped)):
            return ncols, wrapped
    return 1, list(labels)


def legend_width(labels: list[str], points: float, ncols: int, handle: float) -> float:
    """Inches a legend of `labels` in `ncols` columns takes (matplotlib splits the entries
    into columns as numpy's array_split does: the first columns take one more)."""
    rows, extra = divmod(len(labels), ncols)
    total, start = 0.0, 0
    for column in range(ncols):
        size = rows + (1 if column < extra else 0)
        if size:
            total += max(text_width(t, points) for t in labels[start:start + size]) + handle
        start += size
    return total


def human(value: float, _pos=None) -> str:
    """Axis ticks a room can read: 0, 500, 2k, 250k, 1.5M."""
    if value == 0:
        return "0"
    magnitude = abs(value)
    for limit, suffix in ((1e6, "M"), (1e3, "k")):
        if magnitude >= limit:
            scaled = value / limit
            text = f"{scaled:.1f}".rstrip("0").rstrip(".")
            return f"{text}{suffix}"
    if magnitude < 1:
        return f"{value:g}"
    return f"{value:,.0f}"


HUMAN = FuncFormatter(human)


def contrast_text(colour: str) -> str:
    """Black or white, whichever reads better on `colour`."""
    return "#000000" if theme_module.luminance(colour) > 0.55 else "#ffffff"


def log_floor(value: float) -> float:
    return 10 ** math.floor(math.log10(max(value, 1)))


def title(figure: Figure, text: str, theme: Mapping[str, object]) -> None:
    size = font(theme, 1.45)
    figure.suptitle(wrap(text, size, figure.get_figwidth() - 0.3, "bold"), x=0.01, ha="left",
                    fontsize=size, fontweight="bold", color=str(theme["foreground"]))


def title_with_legend(figure: Figure, text: str, handles: list, theme: Mapping[str, object],
                      ncols: int | None = None) -> None:
    """The chart's title with its legend underneath, top left. One figure legend, so
    constrained layout keeps room for both (a suptitle and an outside legend overlap).
    The entries take as many columns as the figure's width holds (all in one row when
    they fit)."""
    size, title_size = font(theme, 0.95), font(theme, 1.45)
    width = figure.get_figwidth() - 0.3
    if ncols is None:
        labels = [str(h.get_label()) for h in handles]
        handle = (1.6 + 0.8 + 1.6) * size / 72
        ncols = next((n for n in range(len(handles), 1, -1)
                      if legend_width(labels, size, n, handle) <= width), 1)
    figure.legend(handles=handles, loc="outside upper left", ncols=ncols,
                  frameon=False, title=wrap(text, title_size, width, "bold"), alignment="left",
                  title_fontproperties={"size": title_size, "weight": "bold"},
                  fontsize=size, labelcolor=str(theme["foreground"]),
                  handlelength=1.6, columnspacing=1.6, borderaxespad=0.2)
    figure.legends[-1].get_title().set_color(str(theme["foreground"]))


def footnote(figure: Figure, lines: list[str], theme: Mapping[str, object]) -> None:
    """Small print under the chart (constrained layout keeps room for it), each line wrapped
    to the figure's width."""
    size = font(theme, 0.85)
    lines = [wrap(line, size, figure.get_figwidth() - 0.3) for line in lines if line]
    if lines:
        figure.supxlabel("\n".join(lines), x=0.01, ha="left", fontsize=size,
                         color=str(theme["muted"]), linespacing=1.4)
