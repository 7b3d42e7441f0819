"""Shared drawing helpers for the chart modules: a themed figure, themed axes, short numbers."""

from __future__ import annotations

import math
from collections.abc import Mapping

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from desktop.charts import theme as theme_module

# Figures are laid out in points at a slide's shape; a PNG's pixels come from the dpi.
SLIDE_SIZE = (12.8, 7.2)


def new_figure(theme: Mapping[str, object], size: tuple[float, float] = SLIDE_SIZE,
               figure: Figure | None = None) -> Figure:
    """A blank constrained-layout figure; `figure`, when given, is cleared and reused (so a
    canvas and its toolbar keep working when the chart is redrawn)."""
    if figure is None:
        figure = Figure(figsize=size, layout="constrained")
    else:
        figure.clear()
        figure.set_layout_engine("constrained")
    figure.set_facecolor(str(theme["background"]))
    figure.get_layout_engine().set(w_pad=0.06, h_pad=0.06)
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
    figure.suptitle(text, x=0.01, ha="left", fontsize=font(theme, 1.45), fontweight="bold",
                    color=str(theme["foreground"]))


def title_with_legend(figure: Figure, text: str, handles: list, theme: Mapping[str, object],
                      ncols: int | None = None) -> None:
    """The chart's title with its legend underneath, top left. One figure legend, so
    constrained layout keeps room for both (a suptitle and an outside legend overlap)."""
    figure.legend(handles=handles, loc="outside upper left", ncols=ncols or len(handles),
                  frameon=False, title=text, alignment="left",
                  title_fontproperties={"size": font(theme, 1.45), "weight": "bold"},
                  fontsize=font(theme, 0.95), labelcolor=str(theme["foreground"]),
                  handlelength=1.6, columnspacing=1.6, borderaxespad=0.2)
    figure.legends[-1].get_title().set_color(str(theme["foreground"]))


def footnote(figure: Figure, lines: list[str], theme: Mapping[str, object]) -> None:
    """Small print under the chart (constrained layout keeps room for it)."""
    lines = [line for line in lines if line]
    if lines:
        figure.supxlabel("\n".join(lines), x=0.01, ha="left", fontsize=font(theme, 0.85),
                         color=str(theme["muted"]), linespacing=1.4)
