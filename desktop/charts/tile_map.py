"""A tile-grid map of the US: one square per state and DC, territories and federal below,
coloured by what relief exists. Each tile's patch has gid `tile:<code>` for clicks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from matplotlib.colors import to_hex, to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch, Patch

from desktop import strings
from desktop.charts import chart_data, style
from desktop.charts import theme as theme_module
from desktop.contrast import contrast, luminance  # the one WCAG 2 formula
from desktop.data.place_records import JurisdictionDetail

TILE = 0.9          # side of a tile; the grid step is 1
TILE_PREFIX = "tile:"
MIN_CONTRAST = 4.5  # WCAG AA for the tiles' small text


def tile_gid(code: str) -> str:
    return TILE_PREFIX + code


def code_of(gid: str | None) -> str | None:
    """The jurisdiction code of a tile's gid, else None."""
    if gid and gid.startswith(TILE_PREFIX):
        return gid[len(TILE_PREFIX):]
    return None


def _mix(a: str, b: str, share: float) -> str:
    """'#rrggbb' `share` of the way from colour `a` to colour `b`."""
    (ra, ga, ba), (rb, gb, bb) = to_rgb(a), to_rgb(b)
    return to_hex((ra + (rb - ra) * share, ga + (gb - ga) * share, ba + (bb - ba) * share))


def tile_colours(theme: Mapping[str, object], category: str) -> tuple[str, str, str]:
    """(fill, text, hatch) of a tile: the text reaches 4.5:1 (WCAG AA) on the fill and on the
    hatch lines. The theme's text colour when it reads, else black or white by luminance;
    the hatch leans toward the text colour, or away from it where that would dim the text."""
    fill = to_hex(theme_module.colours(theme, "category")[category])
    preferred = theme_module.colours(theme, "category_text")[category]
    text = to_hex(theme_module.readable_on(fill, preferred))
    hatch = _mix(fill, text, 0.25)
    if contrast(text, hatch) < MIN_CONTRAST:
        away = "#ffffff" if luminance(text) < 0.5 else "#000000"
        hatch = _mix(fill, away, 0.35)
    return fill, text, hatch


def tile_step(positions: Mapping[str, tuple[int, int]], size: Sequence[float]) -> float:
    """About how many inches apart tiles are in a figure of `size` (the map takes 1.5/2.5
    of the width beside its key, less the title and footnote): for sizing their words."""
    cols = [c for c, _ in positions.values()]
    rows = [r for _, r in positions.values()]
    width = size[0] * 1.5 / 2.5 - 0.3
    height = size[1] - 1.0
    return min(width / (max(cols) - min(cols) + 1.1), height / (max(rows) - min(rows) + 1.1))


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
    hatch = theme_module.colours(th, "category_hatch")
    edge = str(th["muted"])
    # Words sized to the tiles of this figure: a code and a category word inside each tile.
    step = tile_step(positions, (fig.get_figwidth(), fig.get_figheight()))
    code_size = min(style.font(th, 1.3), step * 72 * 0.36)
    word_size = min(style.font(th, 0.72), step * 72 * 0.2)
    words = {strings.CHART_CATEGORY_TILE[categories.get(code, "unknown")] for code in positions}
    widest = max(words, key=lambda word: style.text_width(word, word_size))
    word_size = style.fit_size(widest, word_size, 0.84 * step, smallest=4.0)
    for code, (col, row) in positions.items():
        category = categories.get(code, "unknown")
        colour, label_colour, hatch_colour = tile_colours(th, category)
        x, y = col - TILE / 2, -row - TILE / 2
        patch = FancyBboxPatch((x, y), TILE, TILE, boxstyle="round,pad=0,rounding_size=0.08",
                               facecolor=colour, edgecolor=edge, linewidth=0.8,
                               hatch=hatch[category] or None, hatchcolor=hatch_colour,
                               gid=tile_gid(code), picker=True)
        ax.add_patch(patch)
        ax.text(col, -row + 0.1, code, ha="center", va="center", fontsize=code_size,
                fontweight="bold", color=label_colour, gid=f"code:{code}")
        ax.text(col, -row - 0.24, strings.CHART_CATEGORY_TILE[category], ha="center",
                va="center", fontsize=word_size, color=label_colour, gid=f"category:{code}")
    extra_cols = [c for code, (c, r) in positions.items() if r == chart_data.EXTRA_ROW]
    if extra_cols:
        ax.text(-TILE / 2, -chart_data.EXTRA_ROW + TILE / 2 + 0.18, strings.CHART_TERRITORIES,
                ha="left", va="bottom", fontsize=style.font(th, 0.9), color=str(th["muted"]))
    cols = [c for c, _ in positions.values()]
    rows = [r for _, r in positions.values()]
    ax.set_xlim(min(cols) - 0.55, max(cols) + 0.55)
    ax.set_ylim(-max(rows) - 0.55, -min(rows) + 0.55)

    counts = Counter(categories.get(code, "unknown") for code in positions)
    # The key's labels wrapped to its column (a long translation must not push the map aside).
    key_size = style.font(th, 1.05)
    key_width = fig.get_figwidth() / 2.5 - (2.6 + 0.8) * key_size / 72 - 0.3
    handles = []
    for c in chart_data.CATEGORIES:
        fill, text, hatch_colour = tile_colours(th, c)
        label = strings.CHART_LEGEND_ENTRY.format(
            name=strings.CHART_CATEGORY[c], count=counts.get(c, 0),
            detail=strings.CHART_CATEGORY_DETAIL[c])
        handles.append(Patch(facecolor=fill, edgecolor=edge, hatch=hatch[c] or None,
                             hatchcolor=hatch_colour,
                             label=style.wrap(label, key_size, key_width)))
    title_size = style.font(th, 1.15)
    legend = key.legend(handles=handles, loc="center left", frameon=False,
                        fontsize=key_size, labelcolor=str(th["foreground"]),
                        handlelength=2.6, handleheight=2.2, labelspacing=1.1,
                        title=style.wrap(strings.CHART_LEGEND_TITLE, title_size,
                                         key_width + 0.5, "bold"),
                        alignment="left",
                        title_fontproperties={"size": title_size, "weight": "bold"})
    legend.get_title().set_color(str(th["foreground"]))
    style.title(fig, strings.CHART_MAP_TITLE, th)
    style.footnote(fig, [footer or ""], th)
    return fig
