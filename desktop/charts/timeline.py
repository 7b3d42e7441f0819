"""Timeline: how many jurisdictions had legalized adult use and enacted marijuana-specific
relief, year by year (cumulative), with large relief actions marked and labelled below.

Each action's marker has gid `count:<id>`, like the relief chart's bars.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FixedLocator, LogLocator, MaxNLocator, NullFormatter

from desktop import strings
from desktop.charts import chart_data, style
from desktop.charts import theme as theme_module
from desktop.data.place_records import JurisdictionDetail


def timeline(details: Sequence[JurisdictionDetail], *,
             theme: Mapping[str, object] | None = None, footer: str | None = None,
             figure: Figure | None = None, threshold: int = chart_data.LARGE_ACTION,
             size: tuple[float, float] = style.SLIDE_SIZE) -> Figure:
    th = theme_module.resolve(theme)
    fig = style.new_figure(th, size, figure)
    data = chart_data.timeline_data(details, threshold)
    fg, muted = str(th["foreground"]), str(th["muted"])
    if not data.years:
        style.title(fig, strings.CHART_TIMELINE_TITLE, th)
        fig.text(0.5, 0.5, strings.CHART_NO_DATA, ha="center", va="center", color=muted,
                 fontsize=style.font(th, 1.2))
        return fig
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=[1.35, 1])
    first, last = data.years[0], data.years[-1]

    # Cumulative steps: a jurisdiction counts from the year its law passed.
    style.style_axes(top, th, grid_axis="y")
    xs = [first - 0.5, *data.years, last + 1]
    series = ((data.adult_use, str(th["adult_use"]), strings.CHART_TIMELINE_ADULT, "o"),
              (data.relief, str(th["relief"]), strings.CHART_TIMELINE_RELIEF, "s"))
    handles = []
    # The two totals at the right end, apart when they are close (29 over 28).
    close = abs(data.adult_use[-1] - data.relief[-1]) <= max(data.adult_use[-1], 1) * 0.06
    for values, colour, label, marker in series:
        ys = [0, *values, values[-1]]
        top.step(xs, ys, where="post", color=colour, linewidth=3, solid_joinstyle="miter")
        steps = [(y, v) for y, v, before in zip(data.years, values, (0, *values), strict=False)
                 if v != before]
        top.plot([y for y, _ in steps], [v for _, v in steps], linestyle="none", marker=marker,
                 markersize=7, color=colour, markeredgecolor=str(th["background"]),
                 markeredgewidth=1.2)
        handles.append(Line2D([], [], color=colour, linewidth=3, marker=marker, markersize=7,
                              label=label))
        other = data.relief if values is data.adult_use else data.adult_use
        nudge = 0 if not close else (7 if values[-1] > other[-1]
                                     or (values[-1] == other[-1] and marker == "o") else -7)
        top.annotate(str(values[-1]), xy=(last + 1, values[-1]), xytext=(6, nudge),
                     textcoords="offset points", va="center", ha="left",
                     fontsize=style.font(th, 1.15), fontweight="bold", color=colour,
                     annotation_clip=False)
    # Which jurisdictions joined each year, small, beside each step up.
    for new, joined, colour, dy in (
            (data.adult_use_new, data.adult_use, str(th["adult_use"]), 1),
            (data.relief_new, data.relief, str(th["relief"]), -1)):
        for year, codes in new.items():
            if year not in data.years:
                continue
            value = joined[data.years.index(year)]
            text = " ".join(codes)
            if len(codes) > 4:
                text = " ".join(codes[:4]) + "\n" + " ".join(codes[4:])
            top.annotate(text, xy=(year, value), xytext=(-4 if dy > 0 else 4, 8 * dy),
                         textcoords="offset points", ha="right" if dy > 0 else "left",
                         va="bottom" if dy > 0 else "top", fontsize=style.font(th, 0.8),
                         color=colour, linespacing=1.0, in_layout=False)
    top.set_ylabel(strings.CHART_TIMELINE_YLABEL, fontsize=style.font(th, 0.95))
    top.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))
    top.set_ylim(-1, max(data.adult_use[-1], data.relief[-1]) * 1.18 + 1)
    top.legend(handles=handles, loc="upper left", frameon=False, fontsize=style.font(th, 1.0),
               labelcolor=fg)

    # Large relief actions: one marker per jurisdiction, at its date, on a log scale.
    style.style_axes(bottom, th, grid_axis="y")
    bottom.set_title(strings.CHART_TIMELINE_ACTIONS, loc="left", fontsize=style.font(th, 1.0),
                     fontweight="bold", color=fg)
    actions = list(data.actions)
    if actions:
        sizes = [a.value for a in actions]
        low, high = style.log_floor(min(sizes)), max(sizes) * 2.2
        bottom.set_yscale("log")
        bottom.set_ylim(low, high)
        bottom.yaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.5, 5.0)))
        bottom.yaxis.set_major_formatter(style.HUMAN)
        bottom.yaxis.set_minor_formatter(NullFormatter())
        # Labels in a column on the left, each at its marker's height where there is room,
        # tied to the marker by a thin line: the actions crowd into a few recent years while
        # the left side is free.
        span = math.log10(high) - math.log10(low)
        order = sorted(actions, key=lambda a: -a.value)
        action_colours = theme_module.colours(th, "action")
        heights = _spread([(math.log10(a.value) - math.log10(low)) / span for a in order],
                          gap=min(0.085, 0.9 / len(order)))
        for bar, height in zip(order, heights, strict=False):
            x = chart_data.year_fraction(bar.as_of)
            colour = action_colours[bar.group]
            dot = bottom.scatter([x], [bar.value], s=90, color=colour, edgecolor=fg,
                                 linewidth=0.8, zorder=3, picker=True)
            dot.set_gid(bar.gid)
            text = f"{bar.name}: {bar.label} {_unit(bar)} ({chart_data.short_date(bar.as_of)})"
            bottom.annotate(text, xy=(x, bar.value), xytext=(0.015, height),
                            textcoords="axes fraction", ha="left", va="center",
                            fontsize=style.font(th, 0.8), color=fg, zorder=4, in_layout=False,
                            gid=f"label:{bar.count.id}",
                            arrowprops={"arrowstyle": "-", "color": muted, "linewidth": 0.6,
                                        "shrinkA": 3, "shrinkB": 6, "relpos": (1, 0.5)})
    else:
        bottom.set_yticks([])
    bottom.set_xlim(first - 0.6, last + 1.4)
    bottom.xaxis.set_major_locator(FixedLocator(list(range(first, last + 2))))
    bottom.xaxis.set_major_formatter(lambda v, _pos: str(int(v)))
    bottom.tick_params(axis="x", labelsize=style.font(th, 0.95))

    style.title(fig, strings.CHART_TIMELINE_TITLE, th)
    notes = []
    if data.relief_undated:
        notes.append(strings.CHART_TIMELINE_UNDATED.format(codes=", ".join(data.relief_undated)))
    notes.append(strings.CHART_TIMELINE_NOTE.format(
        n=chart_data.short_count(threshold, "at_least")))
    style.footnote(fig, [*notes, footer or ""], th)
    return fig


def _spread(targets: list[float], gap: float, low: float = 0.05,
            high: float = 0.95) -> list[float]:
    """Heights (axes fraction) near `targets` (sorted high to low), at least `gap` apart."""
    placed: list[float] = []
    for t in targets:
        t = min(t, high)
        placed.append(t if not placed else min(t, placed[-1] - gap))
    overflow = low - placed[-1] if placed else 0
    if overflow > 0:                       # pushed off the bottom: move everything up
        placed = [p + overflow for p in placed]
        for i in range(len(placed) - 2, -1, -1):
            placed[i] = max(placed[i], placed[i + 1] + gap)
    return placed


def _unit(bar: chart_data.Bar) -> str:
    """What follows the number: 'people pardoned', 'cases expunged' ('charges' is in the label)."""
    action = strings.COUNT_ACTION[bar.count.action]
    if bar.panel == "other":
        return action
    return f"{strings.UNIT[bar.count.unit][1]} {action}"
