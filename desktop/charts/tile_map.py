"""A tile-grid map of the US: one square per state and DC, territories and federal below,
coloured by what relief exists. Each tile's patch has gid `tile:<code>` for clicks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch, Patch

from desktop import strings
from desktop.charts import chart_data, style
from desktop.charts import theme as theme_module
from desktop.data.records import JurisdictionDetail

TILE = 0.9          # side of a tile; the grid step is 1
TILE_PREFIX = "tile:"


def tile_gid(code: str) -> str:
    return TILE_PREFIX + code


def code_of(gid: str | None) -> str | None:
    """The jurisdiction code of a tile's gid, else None."""
    if gid and gid.startswith(TILE_PREFIX):
        return gid[len(TILE_PREFIX):]
    return None


def _mix(a: str, b: str, share: float) -> tuple[float, float, float]:
    ra, rb = to_rgb(a), to_rgb(b)
    return tuple(x * (1 - share) + y * share for x, y in zip(ra, rb, strict=False))  # type: ignore[return-value]


def tile_map(details: Sequence[JurisdictionDetail], *,
             theme: Mapping[str, object] | None = None, footer: str | None = None,
             figure: Figure | None = None,
             size: tuple[float, float] = style.SLIDE_SIZE) -> Figure:
    """The map. States and DC missing from `details` are drawn as 'unknown'."""
    th = theme_module.resolve(theme)
    fig = style.new_figure(th, size, figure)
    categories = chart_data.map_categories(details)
    positions = chart_data.tile_positions(categories)
    grid = fig.add_gridspec(1, 2, width_ratios=[1.5, 1])
    ax = fig.add_subplot(grid[0, 0])
    key = fig.add_subplot(grid[0, 1])
    key.set_axis_off()
    ax.set_facecolor(str(th["background"]))
    ax.set_axis_off()
    ax.set_aspect("equal")
    fill, text, hatch = th["category"], th["category_text"], th["category_hatch"]
    edge = str(th["muted"])
    for code, (col, row) in positions.items():
        category = categories.get(code, "unknown")
        colour = str(fill[category])
        x, y = col - TILE / 2, -row - TILE / 2
        patch = FancyBboxPatch((x, y), TILE, TILE, boxstyle="round,pad=0,rounding_size=0.08",
                               facecolor=colour, edgecolor=edge, linewidth=0.8,
                               hatch=hatch[category] or None,
                               hatchcolor=_mix(colour, str(text[category]), 0.25),
                               gid=tile_gid(code), picker=True)
        ax.add_patch(patch)
        label_colour = str(text[category])
        ax.text(col, -row + 0.1, code, ha="center", va="center", fontsize=style.font(th, 1.3),
                fontweight="bold", color=label_colour, gid=f"code:{code}")
        ax.text(col, -row - 0.24, strings.CHART_CATEGORY_TILE[category], ha="center",
                va="center", fontsize=style.font(th, 0.72), color=label_colour,
                gid=f"category:{code}")
    extra_cols = [c for code, (c, r) in positions.items() if r == chart_data.EXTRA_ROW]
    if extra_cols:
        ax.text(-TILE / 2, -chart_data.EXTRA_ROW + TILE / 2 + 0.18, strings.CHART_TERRITORIES,
                ha="left", va="bottom", fontsize=style.font(th, 0.9), color=str(th["muted"]))
    cols = [c for c, _ in positions.values()]
    rows = [r for _, r in positions.values()]
    ax.set_xlim(min(cols) - 0.55, max(cols) + 0.55)
    ax.set_ylim(-max(rows) - 0.55, -min(rows) + 0.55)

    counts = Counter(categories.get(code, "unknown") for code in positions)
    handles = [Patch(facecolor=str(fill[c]), edgecolor=edge, hatch=hatch[c] or None,
                     hatchcolor=_mix(str(fill[c]), str(text[c]), 0.25),
                     label=strings.CHART_LEGEND_ENTRY.format(
                         name=strings.CHART_CATEGORY[c], count=counts.get(c, 0),
                         detail=strings.CHART_CATEGORY_DETAIL[c]))
               for c in chart_data.CATEGORIES]
    legend = key.legend(handles=handles, loc="center left", frameon=False,
                        fontsize=style.font(th, 1.05), labelcolor=str(th["foreground"]),
                        handlelength=2.6, handleheight=2.2, labelspacing=1.1,
                        title=strings.CHART_LEGEND_TITLE, alignment="left",
                        title_fontproperties={"size": style.font(th, 1.15), "weight": "bold"})
    legend.get_title().set_color(str(th["foreground"]))
    style.title(fig, strings.CHART_MAP_TITLE, th)
    style.footnote(fig, [footer or ""], th)
    return fig
