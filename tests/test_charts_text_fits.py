"""No chart text is cut off (issue 16): every drawn text artist — titles, tick labels, legend
entries and titles, tile words, bar labels, annotations, footnotes — lies inside the figure,
in English and in Spanish (longer), at the default size and at the smallest size the window
gives each chart. Measured with the Agg renderer, without any window."""

from __future__ import annotations

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text

from desktop import i18n, strings
from desktop.charts import chart_data
from desktop.charts.counts import jurisdiction_counts
from desktop.charts.relief import relief_by_jurisdiction
from desktop.charts.tile_map import tile_map
from desktop.charts.timeline import timeline

LANGUAGES = ("en", "es")
# The default size of each figure, and the canvas's minimum on screen (charts_view.MIN_SIZE
# at 100 dpi; the detail pane's counts chart is wide and short).
BIG_SIZES = {"default": None, "relief": (10.0, 6.4), "map": (9.0, 5.6), "timeline": (9.0, 5.6)}
COUNTS_SIZES = {"default": None, "detail pane": (10.0, 1.6)}
COUNTS_PLACES = ("AZ", "CA", "IL", "MO", "NJ")
SLACK = 0.5  # pixels: rounding in the renderer


@pytest.fixture(scope="module")
def spoken(built_db):
    """Details in each language: the charts' words from the catalogs, place names from the
    data's translations."""
    from desktop.data.repository import Repository

    found = {}
    for lang in LANGUAGES:
        repo = Repository.open(built_db)
        repo.language = lang
        try:
            with i18n.speaking(lang):
                found[lang] = chart_data.load_details(repo)
        finally:
            repo.close()
    return found


def drawn_texts(fig) -> list[tuple[Text, object]]:
    """(artist, window extent) of every non-empty text the figure draws."""
    FigureCanvasAgg(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    skipped: set[int] = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            span = high - low
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                # Not drawn: an axis that is off, or a tick outside the view (as matplotlib
                # decides, with a little tolerance).
                if not ax.axison or not (low - 1e-9 * span <= tick.get_loc() <= high + 1e-9 * span):
                    skipped.update((id(tick.label1), id(tick.label2)))
    texts = []
    for text in fig.findobj(Text):
        if id(text) in skipped or not text.get_visible() or not text.get_text().strip():
            continue
        texts.append((text, text.get_window_extent(renderer)))
    return texts


def outside(fig) -> list[str]:
    box = fig.bbox
    return [f"{text.get_text()!r} at {[round(v) for v in extent.extents]}"
            for text, extent in drawn_texts(fig)
            if extent.x0 < box.x0 - SLACK or extent.y0 < box.y0 - SLACK
            or extent.x1 > box.x1 + SLACK or extent.y1 > box.y1 + SLACK]


def sized(size):
    return {} if size is None else {"size": size}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("chart", ["relief", "relief log", "map", "timeline"])
@pytest.mark.parametrize("where", ["default", "on screen"])
def test_every_text_of_the_big_charts_is_inside_the_figure(spoken, lang, chart, where):
    details = spoken[lang]
    kind = chart.split()[0]
    size = BIG_SIZES["default" if where == "default" else kind]
    footer = "Relief Atlas · data as of June 4, 2026 · every figure with its source in the app"
    i18n.activate(lang)
    if kind == "relief":
        fig = relief_by_jurisdiction(details, log=chart.endswith("log"), footer=footer,
                                     **sized(size))
    elif kind == "map":
        fig = tile_map(details, footer=footer, **sized(size))
    else:
        fig = timeline(details, footer=footer, **sized(size))
    assert len(drawn_texts(fig)) > 20
    assert outside(fig) == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("where", list(COUNTS_SIZES))
def test_every_text_of_the_counts_chart_is_inside_the_figure(spoken, lang, where):
    i18n.activate(lang)
    for code in COUNTS_PLACES:
        detail = next(d for d in spoken[lang] if d.code == code)
        assert detail.counts, code
        fig = jurisdiction_counts(detail, **sized(COUNTS_SIZES[where]))
        assert outside(fig) == [], code


def test_the_texts_reported_cut_off_before_are_whole(spoken):
    """The map key's longest entry, a tile's word, Colorado's "nearly 4,500" and the third
    relief panel's title, in full, inside the figure."""
    details = spoken["en"]
    relief = relief_by_jurisdiction(details)
    texts = {t.get_text().replace("\n", " "): extent for t, extent in drawn_texts(relief)}
    assert "nearly 4,500" in texts
    assert strings.CHART_UNIT_PANEL["eligible"] in texts
    assert outside(relief) == []
    fig = tile_map(details)
    words = {t.get_text().replace("\n", " ") for t, _ in drawn_texts(fig)}
    assert any(w.startswith(strings.CHART_CATEGORY["none"])
               and w.endswith(strings.CHART_CATEGORY_DETAIL["none"]) for w in words)
    assert strings.CHART_CATEGORY_TILE["petition"] in words


def test_tile_words_stay_inside_their_tiles(spoken):
    """The word under each code ("petition") fits its tile, in both languages, at the
    default size and the smallest on screen."""
    for lang in LANGUAGES:
        i18n.activate(lang)
        for size in (None, BIG_SIZES["map"]):
            fig = tile_map(spoken[lang], **sized(size))
            extents = dict(drawn_texts(fig))
            FigureCanvasAgg(fig)
            renderer = fig.canvas.get_renderer()
            ax = fig.axes[0]
            tiles = {p.get_gid(): p.get_window_extent(renderer) for p in ax.patches}
            for text in ax.texts:
                gid = text.get_gid() or ""
                if not gid.startswith(("code:", "category:")):
                    continue
                tile = tiles["tile:" + gid.split(":", 1)[1]]
                word = extents[text]
                assert tile.x0 <= word.x0 and word.x1 <= tile.x1, (lang, size, gid)
                assert tile.y0 <= word.y0 and word.y1 <= tile.y1, (lang, size, gid)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("log", [False, True])
def test_bar_labels_never_cover_the_place_names(spoken, lang, log):
    """A label that fits neither in nor after its bar stays inside its panel, over the bar,
    never over the names beside it — at the default size and at the narrowest figure the
    window allows (`minimum_width`, where the type is smallest)."""
    from desktop.charts.relief import minimum_width

    i18n.activate(lang)
    details = spoken[lang]
    for size in (None, (minimum_width(details), 6.4)):
        fig = relief_by_jurisdiction(details, log=log, **sized(size))
        extents = dict(drawn_texts(fig))
        for ax in fig.axes:
            left = ax.get_window_extent().x0
            covering = [t.get_text() for t in ax.texts if extents[t].x0 < left - SLACK]
            assert covering == [], (size, ax.get_title(loc="left"))
        assert outside(fig) == []


def test_the_narrowest_relief_chart_is_wider_in_spanish(spoken):
    from desktop.charts.relief import minimum_width

    widths = {}
    for lang in LANGUAGES:
        i18n.activate(lang)
        widths[lang] = minimum_width(spoken[lang])
    assert 8 < widths["en"] < widths["es"] < 12.8      # both fit the exported slide


def test_measuring_words_needs_no_renderer_and_survives_missing_glyphs():
    from desktop.charts import style

    bold = style.text_width("Eligible, not yet relieved (estimates)", 12.1, "bold")
    assert 3.3 < bold < 3.6                                   # inches, as Agg draws it
    assert style.text_width("中\tx", 10) > style.text_width("x", 10)   # no error, no warning
    assert style.wrap("Elegibles sin limpiar (estimaciones)", 12.1, 2.5, "bold") == (
        "Elegibles sin limpiar\n(estimaciones)")
