"""A small chart for one jurisdiction's detail pane: its reported counts by action and date.

One line per action and unit (colour = action, marker = unit); eligible counts hollow and
dashed. Each marker has gid `count:<id>`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Literal

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import LogLocator, MaxNLocator, NullFormatter

from desktop import strings
from desktop.charts import chart_data, style
from desktop.charts import theme as theme_module
from desktop.data.place_records import JurisdictionDetail, ReliefCount

SMALL_SIZE = (6.4, 3.2)
MARKERS = {"people": "o", "cases": "s", "convictions": "^", "records": "D"}
OTHER_MARKER = "v"


def jurisdiction_counts(detail: JurisdictionDetail, *,
                        theme: Mapping[str, object] | None = None,
                        figure: Figure | None = None,
                        size: tuple[float, float] = SMALL_SIZE) -> Figure:
    th = theme_module.resolve({"font_size": 9.0, **(theme or {})})
    fig = style.new_figure(th, size, figure)
    fg, bg = str(th["foreground"]), str(th["background"])
    series = chart_data.count_series(detail)
    ax = fig.add_subplot()
    style.style_axes(ax, th, grid_axis="y")
    ax.set_title(strings.CHART_COUNTS_TITLE.format(name=detail.name), loc="left",
                 fontsize=style.font(th, 1.15), fontweight="bold", color=fg)
    if not series:
        ax.set_axis_off()
        ax.text(0.5, 0.5, strings.NO_COUNTS, ha="center", va="center", transform=ax.transAxes,
                color=str(th["muted"]), fontsize=style.font(th, 1.0))
        return fig
    values = [c.count for s in series for c in s.counts]
    positive = [v for v in values if v > 0]
    log = bool(positive) and min(values) > 0 and max(values) / min(values) > 30
    handles = []
    xs_all: list[float] = []
    newest: list[tuple[float, ReliefCount]] = []
    actions = theme_module.colours(th, "action")
    action_edges = theme_module.colours(th, "action_edge")
    for s in series:
        colour = actions[s.group]
        edge = action_edges.get(s.group, colour)
        marker = MARKERS.get(s.unit.removeprefix("eligible_"), OTHER_MARKER)
        xs = [chart_data.year_fraction(c.as_of) for c in s.counts]
        ys = [c.count for c in s.counts]
        xs_all += xs
        # Eligible counts hollow and dashed; reported ones filled and solid.
        linestyle: Literal["--", "-"] = "--" if s.eligible else "-"
        face = bg if s.eligible else colour
        line_colour = edge if s.eligible or s.group == "other" else colour
        ax.plot(xs, ys, marker=marker, markersize=7, markeredgecolor=edge if s.eligible else fg,
                markeredgewidth=1.3 if s.eligible else 0.6, linewidth=1.1, alpha=0.9, zorder=2,
                linestyle=linestyle, markerfacecolor=face, color=line_colour)
        for x, c in zip(xs, s.counts, strict=False):
            hit = ax.plot([x], [c.count], linestyle="none", marker=marker, markersize=9,
                          alpha=0, zorder=3, picker=True)[0]
            hit.set_gid(f"count:{c.id}")
        newest.append((xs[-1], s.counts[-1]))
        handles.append(Line2D([], [], marker=marker, markersize=6, linewidth=1.6,
                              markeredgecolor=edge if s.eligible else fg, label=s.label,
                              linestyle=linestyle, markerfacecolor=face, color=line_colour))
    if log:
        ax.set_yscale("log")
        ax.yaxis.set_major_locator(LogLocator(base=10))
        ax.yaxis.set_minor_formatter(NullFormatter())
        ax.set_ylim(style.log_floor(min(positive)) * 0.7, max(values) * 2)
    else:
        ax.yaxis.set_major_locator(MaxNLocator(nbins=4))
        ax.set_ylim(0, max(values) * 1.2 or 1)
    ax.yaxis.set_major_formatter(style.HUMAN)
    first, last = min(xs_all), max(xs_all)
    ax.set_xlim(first - 0.35, last + max(0.7, 0.3 * (last - first)))   # room for the labels
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))
    ax.xaxis.set_major_formatter(lambda v, _pos: str(int(v)))
    # The newest figure of each line, nudged down when it would sit on another's.
    taken: list[tuple[float, float]] = []
    for x, c in newest:
        y_key = c.count if not log else math.log10(max(c.count, 1))
        near = (max(values) * 0.08) if not log else 0.25
        shift = 0
        while any(abs(x - tx) < 0.6 and abs(y_key - ty) < near for tx, ty in taken):
            y_key -= near
            shift -= 11
        taken.append((x, y_key))
        ax.annotate(chart_data.short_count(c.count, c.qualifier, c.count_high),
                    xy=(x, c.count), xytext=(7, shift), textcoords="offset points",
                    ha="left", va="center", fontsize=style.font(th, 0.9), color=fg,
                    in_layout=False)
    # As many columns as the figure's width holds, long labels on two lines.
    legend_size = style.font(th, 0.85)
    ncols, legend_labels = style.legend_layout(
        [str(h.get_label()) for h in handles], legend_size, fig.get_figwidth() - 0.3,
        handle=(2.4 + 0.8 + 2.0) * legend_size / 72)
    for handle, label in zip(handles, legend_labels, strict=True):
        handle.set_label(label)
    fig.legend(handles=handles, loc="outside lower center", ncols=ncols, frameon=False,
               fontsize=legend_size, labelcolor=fg, handlelength=2.4)
    return fig
