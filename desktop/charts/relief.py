"""Relief by jurisdiction: horizontal bars of the newest reported counts, one panel per unit.

Every bar is one reported count (never a sum), so a qualifier ("15,000+") and a source belong
to exactly one bar: its gid is `count:<id>` (see `chart_data.bar_index`). Bars of one
jurisdiction sit side by side, split by action; eligible counts are outlined and hatched.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import LogLocator, MaxNLocator, NullFormatter

from desktop import strings
from desktop.charts import chart_data, style
from desktop.charts import theme as theme_module
from desktop.data.place_records import JurisdictionDetail

BAR_HEIGHT = 0.8
GROUP_GAP = 0.4           # between jurisdictions, in bar slots
PANEL_OVERHEAD = 3.0       # a panel's title and axis, in bar slots (for balancing columns)
ELIGIBLE_HATCH = "////"
BAR_ROOM = 1.3             # inches a column keeps for its bars, besides names and labels
MIN_BAR_ROOM = 0.9         # ... at the least, when the figure is narrow
SMALLEST_TYPE = 0.8        # of the theme's type size, when the figure is narrow
COLUMN_MARGIN = 0.42       # inches of a column that are neither names nor axes (pads, ticks)


def relief_by_jurisdiction(details: Sequence[JurisdictionDetail], *, log: bool = False,
                           theme: Mapping[str, object] | None = None,
                           footer: str | None = None, figure: Figure | None = None,
                           size: tuple[float, float] = style.SLIDE_SIZE) -> Figure:
    """Bars per jurisdiction, largest first, one panel per unit; `log` for a log x axis."""
    th = theme_module.resolve(theme)
    fig = style.new_figure(th, size, figure)
    panels = chart_data.relief_panels(details)
    if not panels:
        style.title(fig, strings.CHART_RELIEF_TITLE, th)
        fig.text(0.5, 0.5, strings.CHART_NO_DATA, ha="center", va="center",
                 color=str(th["muted"]), fontsize=style.font(th, 1.2))
        return fig
    columns = _columns(panels)
    # Narrower than the words need at full size: every word smaller, down to SMALLEST_TYPE
    # (the window keeps the canvas at least `minimum_width` wide, so it stays readable).
    names_width, label_width = _word_widths(panels, columns, th)
    words = sum(names_width) + sum(label_width)
    scale = (fig.get_figwidth() - len(columns) * MIN_BAR_ROOM) / words
    if scale < 1:
        th = {**th, "font_size": style.font(th, max(SMALLEST_TYPE, scale))}
        names_width, label_width = _word_widths(panels, columns, th)
    # Each column as wide as its names and longest label need, plus room for the bars.
    widths = [n + w + BAR_ROOM for n, w in zip(names_width, label_width, strict=True)]
    subfigs = fig.subfigures(1, len(columns), wspace=0.02, squeeze=False,
                             width_ratios=widths)[0]
    for i, (subfig, names) in enumerate(zip(subfigs, columns, strict=False)):
        subfig.set_facecolor(str(th["background"]))
        axes = subfig.subplots(len(names), 1, squeeze=False,
                               height_ratios=[_weight(panels[n]) for n in names])[:, 0]
        # Room for the bars: the column's width less the names beside them.
        column_width = fig.get_figwidth() * widths[i] / sum(widths)
        for ax, name in zip(axes, names, strict=False):
            _draw_panel(ax, name, panels[name], th, log,
                        column_width - names_width[i] - COLUMN_MARGIN)
    style.title_with_legend(fig, strings.CHART_RELIEF_TITLE, _legend_handles(th), th)
    notes = [strings.CHART_RELIEF_NOTE + "   " + strings.CHART_QUALIFIER_KEY]
    if log:
        notes.append(strings.CHART_LOG_NOTE)
    style.footnote(fig, [*notes, footer or ""], th)
    return fig


def minimum_width(details: Sequence[JurisdictionDetail],
                  theme: Mapping[str, object] | None = None) -> float:
    """The narrowest figure, in inches, in which every name and label of the chart still
    fits (at the smallest type): the window's canvas scrolls rather than go below it."""
    th = theme_module.resolve(theme)
    panels = chart_data.relief_panels(details)
    if not panels:
        return 0.0
    columns = _columns(panels)
    names_width, label_width = _word_widths(panels, columns, th)
    words = sum(names_width) + sum(label_width)
    return SMALLEST_TYPE * words + len(columns) * MIN_BAR_ROOM


def _columns(panels: dict[str, list[chart_data.JurisdictionBars]]) -> list[list[str]]:
    return _balance(list(panels), {p: _weight(rows) for p, rows in panels.items()},
                    min(3, len(panels)))


def _word_widths(panels: dict[str, list[chart_data.JurisdictionBars]],
                 columns: list[list[str]], th: Mapping[str, object]
                 ) -> tuple[list[float], list[float]]:
    """Inches of each column's widest place name and widest bar label."""
    name_size, label_size = style.font(th, 0.95), style.font(th, 0.85)
    names = [max(style.text_width(r.name, name_size) for n in column for r in panels[n])
             for column in columns]
    labels = [max(style.text_width(b.label, label_size) for n in column for r in panels[n]
                  for b in r.bars) for column in columns]
    return names, labels


def _weight(rows: list[chart_data.JurisdictionBars]) -> float:
    slots = sum(len(r.bars) for r in rows) + GROUP_GAP * (len(rows) - 1)
    return slots + PANEL_OVERHEAD


def _balance(names: list[str], weight: dict[str, float], ncols: int) -> list[list[str]]:
    """Split the panels, in order, into `ncols` columns of nearly equal height."""
    if ncols <= 1 or len(names) <= 1:
        return [names]
    best, best_cost = [names], math.inf
    for cut in range(1, len(names) - ncols + 2):
        rest = _balance(names[cut:], weight, ncols - 1)
        split = [names[:cut], *rest]
        cost = max(sum(weight[n] for n in column) for column in split)
        if len(split) == ncols and cost < best_cost:
            best, best_cost = split, cost
    return best


def _legend_handles(th) -> list[Patch]:
    colours = th["action"]
    handles = [Patch(facecolor=colours[g], edgecolor=str(th["foreground"]), linewidth=0.6,
                     label=strings.CHART_ACTION_LEGEND[g]) for g in chart_data.ACTION_GROUPS]
    handles.append(Patch(facecolor=str(th["background"]), edgecolor=str(th["foreground"]),
                         hatch=ELIGIBLE_HATCH, linewidth=1.2, label=strings.CHART_ELIGIBLE_LEGEND))
    return handles


class _Scale:
    """Where a value falls across the axis (0 = left edge, 1 = right edge)."""

    def __init__(self, log: bool, left: float, right: float):
        self.log, self.left, self.right = log, left, right

    def _t(self, x: float) -> float:
        return math.log10(max(x, self.left)) if self.log else x

    def share(self, x: float) -> float:
        return (self._t(x) - self._t(self.left)) / (self._t(self.right) - self._t(self.left))

    def right_for(self, x: float, share: float) -> float:
        """The right limit that puts `x` at `share` of the axis."""
        if self.log:
            lo = math.log10(self.left)
            return 10 ** (lo + (math.log10(x) - lo) / share)
        return self.left + (x - self.left) / share


def _draw_panel(ax, panel: str, rows: list[chart_data.JurisdictionBars], th, log: bool,
                axes_width: float) -> None:
    """One unit's bars; `axes_width` (inches) is used to keep every label on the panel."""
    style.style_axes(ax, th, grid_axis="x")
    fg, bg = str(th["foreground"]), str(th["background"])
    size = style.font(th, 0.85)
    placed: list[tuple[float, chart_data.Bar]] = []
    ticks, tick_labels = [], []
    y = 0.0
    for i, row in enumerate(rows):
        top = y
        for bar in row.bars:
            placed.append((y, bar))
            y += 1
        if i % 2 == 1:        # a faint band behind every other jurisdiction
            ax.axhspan(top - 0.5 - GROUP_GAP / 2, y - 0.5 + GROUP_GAP / 2,
                       color=str(th["grid"]), alpha=0.35, linewidth=0, zorder=0)
        ticks.append((top + y - 1) / 2)
        tick_labels.append(row.name)
        y += GROUP_GAP

    # Limits: a label goes inside its bar when the bar is long and the label fits in it;
    # otherwise after the bar, with the axis stretched so that it stays on the panel.
    largest = max(max(b.value, b.value_high or 0) for _, b in placed)
    smallest = min(b.value for _, b in placed)
    left = style.log_floor(smallest) / 2 if log else 0
    scale = _Scale(log, left, largest * (1.3 if log else 1.04))
    most = largest * (5 if log else 1.6)      # stretch the axis no further than this
    label_share = {b.gid: (style.text_width(b.label, size) + 0.12) / max(axes_width, 0.5)
                   for _, b in placed}
    inside: set[str] = set()
    for _ in range(3):
        needed = scale.right
        inside.clear()
        for _, bar in placed:
            end = bar.value_high or bar.value
            room = label_share[bar.gid]
            if scale.share(end) + room <= 0.99:
                continue
            if scale.share(end) >= room + 0.02:
                inside.add(bar.gid)
            elif room < 0.9:
                needed = max(needed, scale.right_for(end, 0.99 - room))
        needed = min(needed, most)
        if needed <= scale.right * 1.001:
            break
        scale = _Scale(log, left, needed)

    if log:
        ax.set_xscale("log")
        ax.xaxis.set_major_locator(LogLocator(base=10))
        ax.xaxis.set_minor_formatter(NullFormatter())
    else:                                  # ticks ~0.5 in apart at least: "300k" never touches
        ax.xaxis.set_major_locator(MaxNLocator(nbins=max(2, min(5, int(axes_width / 0.5))),
                                               steps=[1, 2, 2.5, 5, 10]))
    ax.xaxis.set_major_formatter(style.HUMAN)
    ax.set_xlim(scale.left, scale.right)
    ax.set_ylim(y - GROUP_GAP - 0.5 + 0.15, -0.65)
    ax.set_yticks(ticks, tick_labels, fontsize=style.font(th, 0.95))
    ax.tick_params(axis="y", length=0)
    # The title wrapped to the panel (and smaller if one word is still too wide): never
    # past the column's edge.
    title_size, room = style.font(th, 1.1), axes_width + 0.1
    title = style.wrap(strings.CHART_UNIT_PANEL[panel], title_size, room, "bold")
    ax.set_title(title, loc="left", fontsize=style.fit_size(title, title_size, room, "bold"),
                 fontweight="bold", color=fg)

    for y_pos, bar in placed:
        colour = str(th["action"][bar.group])
        edge = str(th["action_edge"].get(bar.group, colour))
        if bar.eligible:
            rect = ax.barh(y_pos, bar.value, height=BAR_HEIGHT, color=bg, edgecolor=edge,
                           hatch=ELIGIBLE_HATCH, hatchcolor=edge, linewidth=1.6, zorder=2)[0]
        else:
            rect = ax.barh(y_pos, bar.value, height=BAR_HEIGHT, color=colour, edgecolor=fg,
                           linewidth=0.6, zorder=2)[0]
        rect.set_gid(bar.gid)
        rect.set_picker(True)
        end = bar.value
        if bar.value_high:
            # A range: the low end as usual, the rest up to the high end fainter and dashed.
            extra = ax.barh(y_pos, bar.value_high - bar.value, left=bar.value,
                            height=BAR_HEIGHT, color=bg, edgecolor=edge, hatch="//",
                            hatchcolor=edge, linewidth=1.2, linestyle="--", alpha=0.55,
                            zorder=2)[0]
            extra.set_gid(bar.gid)
            extra.set_picker(True)
            end = bar.value_high
        gid = f"label:{bar.count.id}"
        box: dict[str, str] | None = {"boxstyle": "square,pad=0.2", "facecolor": bg,
                                      "edgecolor": "none"}
        if bar.gid in inside:
            if bar.eligible:
                text_colour = fg
            else:
                box, text_colour = None, style.contrast_text(colour)
            ax.annotate(bar.label, xy=(end, y_pos), xytext=(-5, 0), textcoords="offset points",
                        ha="right", va="center", fontsize=size, color=text_colour, bbox=box,
                        zorder=3, gid=gid, in_layout=False)
        elif scale.share(end) + label_share[bar.gid] <= 1.0:
            ax.annotate(bar.label, xy=(end, y_pos), xytext=(5, 0), textcoords="offset points",
                        ha="left", va="center", fontsize=size, color=fg, zorder=3, gid=gid,
                        in_layout=False)
        else:
            # Fits neither in the bar nor after it: at the panel's right edge, on a box over
            # the bar's end, so it never leaves the figure.
            ax.annotate(bar.label, xy=(1, y_pos), xycoords=("axes fraction", "data"),
                        xytext=(-3, 0), textcoords="offset points", ha="right", va="center",
                        fontsize=style.fit_size(bar.label, size, axes_width - 0.1, smallest=5),
                        color=fg, bbox=box, zorder=4, gid=gid, in_layout=False)
