"""The map's tile text reads on every tile (issue 16): WCAG 2 contrast of at least 4.5:1
between the code and word on a tile and the tile's colour — and its hatch lines — for every
category, in the light and the dark theme and in themes made from a Qt palette."""

from __future__ import annotations

import pytest
from matplotlib.colors import to_hex

from desktop.charts import chart_data
from desktop.charts import theme as theme_module
from desktop.charts.tile_map import MIN_CONTRAST, tile_colours, tile_map

THEMES = {
    "light": theme_module.resolve(),
    "dark": theme_module.resolve({"background": "#1f1f1f", "foreground": "#eeeeee"}),
    # What the window passes (palette.theme_from_palette): a palette's own colours.
    "light palette": theme_module.resolve({"background": "#ffffff", "foreground": "#000000",
                                           "muted": "#6d6d6d", "grid": "#cacaca"}),
    "dark palette": theme_module.resolve({"background": "#2d2d2d", "foreground": "#ffffff",
                                          "muted": "#9e9e9e", "grid": "#3c3c3c"}),
}


def test_the_contrast_ratio_is_wcags():
    assert theme_module.contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert theme_module.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert theme_module.contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1)
    assert theme_module.readable_on("#997700", "#ffffff") == "#000000"     # 4.2:1 -> black
    assert theme_module.readable_on("#004488", "#ffffff") == "#ffffff"


@pytest.mark.parametrize("name", list(THEMES))
@pytest.mark.parametrize("category", chart_data.CATEGORIES)
def test_tile_text_reaches_4_5_to_1_on_its_tile(name, category):
    fill, text, hatch = tile_colours(THEMES[name], category)
    assert theme_module.contrast_ratio(text, fill) >= MIN_CONTRAST == 4.5
    assert theme_module.contrast_ratio(text, hatch) >= MIN_CONTRAST


@pytest.mark.parametrize("name", ["light", "dark"])
def test_the_drawn_map_uses_those_colours(repo, name):
    details = chart_data.load_details(repo)
    th = THEMES[name]
    fig = tile_map(details, theme=th)
    ax = fig.axes[0]
    categories = chart_data.map_categories(details)
    fills = {p.get_gid(): to_hex(p.get_facecolor()) for p in ax.patches}
    checked = 0
    for text in ax.texts:
        gid = text.get_gid() or ""
        if not gid.startswith(("code:", "category:")):
            continue
        code = gid.split(":", 1)[1]
        fill = fills[f"tile:{code}"]
        colour = to_hex(text.get_color())
        assert theme_module.contrast_ratio(colour, fill) >= 4.5, (code, colour, fill)
        assert (fill, colour) == tile_colours(th, categories.get(code, "unknown"))[:2]
        checked += 1
    assert checked == 2 * len(chart_data.tile_positions(categories))
