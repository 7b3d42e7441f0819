"""Charts without a window: bars, labels, tile colours and the timeline match the data;
export writes PNG/SVG/PDF whole or fails with one plain line."""

from __future__ import annotations

import dataclasses
import itertools

import pytest
from matplotlib.colors import same_color
from matplotlib.image import imread

from desktop import strings
from desktop.charts import chart_data, theme
from desktop.charts.counts import jurisdiction_counts
from desktop.charts.export import build_chart, smoke_render
from desktop.charts.relief import relief_by_jurisdiction
from desktop.charts.tile_map import code_of, tile_map
from desktop.charts.timeline import timeline
from tests.helpers.snippets import run_snippet

LIGHT = theme.resolve()


def export_chart(kind: str, out, db) -> int:
    """`relief-atlas export-chart KIND --out OUT --db DB`, in this process: the command opens
    the data and hands it to `desktop.charts.export.export_loaded_chart`."""
    import argparse

    from desktop.commands import export_chart as command

    return command.run(argparse.Namespace(kind=kind, out=out, db=db))


@pytest.fixture(scope="module")
def details(repo):
    return chart_data.load_details(repo)


@pytest.fixture(scope="module")
def relief_fig(details):
    return relief_by_jurisdiction(details)


def patches_by_gid(fig) -> dict[str, object]:
    return {p.get_gid(): p for ax in fig.axes for p in ax.patches if p.get_gid()}


def texts_by_gid(fig) -> dict[str, str]:
    return {t.get_gid(): t.get_text() for ax in fig.axes for t in ax.texts if t.get_gid()}


def all_text(fig) -> str:
    return "\n".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")))


# -- what the charts are made of ---------------------------------------------------------------

def test_short_counts_keep_their_qualifier():
    assert chart_data.short_count(15000, "more_than") == "15,000+"
    assert chart_data.short_count(43000, "about") == "≈43,000"
    assert chart_data.short_count(3500, "up_to") == "≤3,500"
    assert chart_data.short_count(17350, "at_least") == "≥17,350"
    assert chart_data.short_count(4500, "nearly") == "nearly 4,500"
    assert chart_data.short_count(250000, "range", 500000) == "250,000–500,000"
    assert chart_data.short_count(1111, "exact") == "1,111"


def test_one_bar_per_action_and_unit_the_newest_report(details):
    bars = chart_data.relief_bars(details)
    nv = [b for b in bars if b.code == "NV"]
    assert [(b.count.action, b.count.unit, b.label) for b in nv] == [
        ("pardon", "people", "15,000+"), ("pardon", "convictions", "15,000+")]  # units apart
    keys = [(b.code, b.count.action, b.count.unit) for b in bars]
    assert len(keys) == len(set(keys))
    mo_cases = next(b for b in bars if b.code == "MO" and b.count.unit == "cases")
    newest = max((c for c in next(d for d in details if d.code == "MO").counts
                  if c.unit == "cases" and c.action == "expungement"), key=lambda c: c.as_of)
    assert mo_cases.count == newest
    assert all(b.value > 0 for b in bars)                 # Guam's 0 petitions is no bar


def test_every_bar_knows_its_source_and_date(details):
    for bar in chart_data.relief_bars(details):
        assert bar.source_id and bar.as_of
        assert bar.source is not None and bar.source.id == bar.source_id
    nv = chart_data.bar_index(details)["count:NV-count-seed-b-pardons"]
    text = nv.describe()
    assert text.startswith("Nevada: More than 15,000 people pardoned, as of December 2022.")
    assert nv.source.title in text and f"[{nv.source_id}]" in text


def test_map_categories(details):
    cats = chart_data.map_categories(details)
    expected = {"MO": "automatic", "IL": "automatic", "VA": "automatic", "HI": "automatic",
                "AZ": "petition", "CO": "petition", "WA": "petition", "NH": "petition",
                "PA": "pardon", "US": "pardon", "AL": "none", "TX": "none", "GU": "none"}
    assert {code: cats[code] for code in expected} == expected
    assert set(cats.values()) <= set(chart_data.CATEGORIES)


def test_relief_category_falls_back_to_the_flags(details):
    al = next(d for d in details if d.code == "AL")

    def flags(**kw):
        return dataclasses.replace(al, summary=dataclasses.replace(al.summary, **kw))

    assert chart_data.relief_category(flags(specific_relief="unknown")) == "unknown"
    assert chart_data.relief_category(flags(specific_relief="yes")) == "unknown"   # no paths
    assert chart_data.relief_category(flags(pardon_program="yes")) == "pardon"


def test_tile_grid_has_every_state_and_dc_once_and_the_rest_below(details):
    positions = chart_data.tile_positions(d.code for d in details)
    assert len(chart_data.STATE_TILES) == 51
    assert len(set(positions.values())) == len(positions)
    below = [code for code, (_c, row) in positions.items() if row == chart_data.EXTRA_ROW]
    assert set(below) == {"PR", "VI", "GU", "MP", "US"}
    assert below[-1] == "US" or positions["US"][0] == max(positions[c][0] for c in below)
    states_bottom = max(row for code, (_c, row) in positions.items() if code not in below)
    assert states_bottom < chart_data.EXTRA_ROW - 1                     # a gap row between


# -- relief by jurisdiction --------------------------------------------------------------------

def test_nevada_pardon_bar_is_drawn_with_its_qualifier(relief_fig):
    bar = patches_by_gid(relief_fig)["count:NV-count-seed-b-pardons"]
    assert bar.get_width() == 15000
    assert same_color(bar.get_facecolor(), LIGHT["action"]["pardon"])
    assert not bar.get_hatch()
    assert texts_by_gid(relief_fig)["label:NV-count-seed-b-pardons"] == "15,000+"
    assert bar.axes.get_title(loc="left") == strings.CHART_UNIT_PANEL["people"]


def test_eligible_counts_are_drawn_outlined_and_hatched(relief_fig):
    wa = patches_by_gid(relief_fig)["count:WA-count-seed-b-mji-eligible"]
    assert wa.get_width() == 3500
    assert wa.get_hatch()                                         # eligible: hatched ...
    assert same_color(wa.get_facecolor(), LIGHT["background"])    # ... and hollow
    assert texts_by_gid(relief_fig)["label:WA-count-seed-b-mji-eligible"] == "≤3,500 people"
    # (a long panel title wraps to its column)
    assert wa.axes.get_title(loc="left").replace("\n", " ") == strings.CHART_UNIT_PANEL["eligible"]


def test_qualifiers_are_shown_on_the_bars(relief_fig):
    labels = texts_by_gid(relief_fig)
    assert labels["label:NJ-count-2024-01-norml"] == "300,000+"
    assert labels["label:IL-count-2024-01-norml"] == "≈800,000"
    assert labels["label:CO-count-seed-b-pardons"] == "nearly 4,500"
    assert labels["label:AZ-count-2024-01-maricopa-prosecutor-requests"] == "nearly 23,000 petitions"
    assert labels["label:AZ-count-az-norml-eligible"] == "250,000–500,000 people"


def test_units_are_never_mixed_on_one_panel(relief_fig, details):
    index = chart_data.bar_index(details)
    assert set(patches_by_gid(relief_fig)) == set(index)          # every bar drawn, no other
    for ax in relief_fig.axes:
        panels = {index[p.get_gid()].panel for p in ax.patches if p.get_gid()}
        assert len(panels) == 1
        panel = panels.pop()
        assert ax.get_title(loc="left").replace("\n", " ") == strings.CHART_UNIT_PANEL[panel]
        if panel not in ("other", "eligible"):
            assert {index[p.get_gid()].count.unit for p in ax.patches if p.get_gid()} == {panel}
        else:   # a mixed panel names the unit on every bar
            for p in ax.patches:
                if p.get_gid():
                    unit = index[p.get_gid()].count.unit.removeprefix("eligible_")
                    assert texts_by_gid(relief_fig)["label:" + p.get_gid()[6:]].endswith(
                        strings.UNIT[unit][1])


def test_largest_first(relief_fig):
    people = next(ax for ax in relief_fig.axes
                  if ax.get_title(loc="left") == strings.CHART_UNIT_PANEL["people"])
    names = [t.get_text() for t in people.get_yticklabels()]
    assert names[:3] == ["Maryland", "Oregon", "Nevada"]


def test_log_scale_option(details):
    fig = relief_by_jurisdiction(details, log=True)
    assert {ax.get_xscale() for ax in fig.axes} == {"log"}
    assert strings.CHART_LOG_NOTE in all_text(fig)


def test_dark_theme_colours_the_figure(details):
    dark = {"background": "#202020", "foreground": "#eeeeee"}
    fig = relief_by_jurisdiction(details, theme=dark)
    assert same_color(fig.get_facecolor(), "#202020")
    nv = patches_by_gid(fig)["count:NV-count-seed-b-pardons"]
    assert same_color(nv.get_facecolor(), theme.DARK["action"]["pardon"])


# -- map ---------------------------------------------------------------------------------------

def test_tile_colours_match_each_jurisdictions_relief(details):
    fig = tile_map(details)
    tiles = {code_of(gid): p for gid, p in patches_by_gid(fig).items() if code_of(gid)}
    assert set(tiles) == set(chart_data.STATE_TILES) | {d.code for d in details}
    categories = chart_data.map_categories(details)
    for code, patch in tiles.items():
        category = categories[code]
        assert same_color(patch.get_facecolor(), LIGHT["category"][category]), code
        assert (patch.get_hatch() or "") == LIGHT["category_hatch"][category], code
    assert same_color(tiles["MO"].get_facecolor(), LIGHT["category"]["automatic"])
    assert same_color(tiles["AZ"].get_facecolor(), LIGHT["category"]["petition"])
    assert same_color(tiles["AL"].get_facecolor(), LIGHT["category"]["none"])
    assert same_color(tiles["PA"].get_facecolor(), LIGHT["category"]["pardon"])


def test_every_tile_shows_its_code_and_category_word(details):
    fig = tile_map(details)
    texts = texts_by_gid(fig)
    for d in details:
        assert texts[f"code:{d.code}"] == d.code
        assert texts[f"category:{d.code}"] == strings.CHART_CATEGORY_TILE[
            chart_data.relief_category(d)]
    legend = fig.axes[1].get_legend()
    assert len(legend.get_texts()) == len(chart_data.CATEGORIES)
    assert legend.get_texts()[0].get_text().startswith(strings.CHART_CATEGORY["automatic"])


def test_the_palette_stays_apart_in_grayscale():
    levels = sorted(theme.luminance(LIGHT["category"][c]) for c in ("automatic", "petition",
                                                                     "pardon", "none"))
    assert all(b - a > 0.1 for a, b in itertools.pairwise(levels))
    actions = sorted(theme.luminance(c) for c in LIGHT["action"].values())
    assert all(b - a > 0.15 for a, b in itertools.pairwise(actions))


# -- timeline and counts -----------------------------------------------------------------------

def test_timeline_counts_jurisdictions_cumulatively(details):
    data = chart_data.timeline_data(details)
    legalized = [d for d in details
                 if d.summary.adult_use == "legalized" and d.summary.adult_use_year]
    assert data.adult_use[-1] == len(legalized)
    assert data.adult_use[data.years.index(2012)] == 2               # Colorado and Washington
    assert list(data.adult_use) == sorted(data.adult_use)
    dated = [d for d in details if chart_data.relief_year(d)]
    assert data.relief[-1] == len(dated)
    with_relief = {d.code for d in details if d.summary.specific_relief == "yes"}
    assert set(data.relief_undated) == with_relief - {d.code for d in dated}


def test_timeline_marks_and_labels_large_relief_actions(details):
    fig = timeline(details)
    actions = chart_data.large_actions(details)
    assert {a.code for a in actions} >= {"IL", "MD", "NJ", "VA"}
    assert all(a.value >= chart_data.LARGE_ACTION and not a.eligible for a in actions)
    markers = {c.get_gid() for ax in fig.axes for c in ax.collections if c.get_gid()}
    assert markers == {a.gid for a in actions}
    labels = texts_by_gid(fig)
    assert labels["label:MD-count-2024-06-pardons-total"].startswith(
        "Maryland: 175,000+ convictions pardoned")


def test_jurisdiction_counts_chart(details):
    mo = next(d for d in details if d.code == "MO")
    fig = jurisdiction_counts(mo)
    hits = {line.get_gid() for ax in fig.axes for line in ax.lines if line.get_gid()}
    assert hits == {f"count:{c.id}" for c in mo.counts}
    assert "Missouri" in fig.axes[0].get_title(loc="left")
    al = next(d for d in details if d.code == "AL")
    assert strings.NO_COUNTS in all_text(jurisdiction_counts(al))


# -- export ------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["relief", "map", "timeline"])
def test_export_png_is_at_least_1600_by_900(kind, built_db, tmp_path, capsys):
    out = tmp_path / f"{kind}.png"
    assert export_chart(kind, out, built_db) == 0
    height, width = imread(out).shape[:2]
    assert width >= 1600 and height >= 900
    assert capsys.readouterr().err == ""
    assert [p.name for p in tmp_path.iterdir()] == [out.name]       # no temporary left over


def test_export_svg_and_pdf(built_db, tmp_path):
    assert export_chart("map", tmp_path / "map.svg", built_db) == 0
    svg = (tmp_path / "map.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "Relief Atlas" in svg
    assert export_chart("timeline", tmp_path / "timeline.PDF", built_db) == 0
    assert (tmp_path / "timeline.PDF").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("kind, name, code", [("pie", "x.png", 2), ("map", "x.gif", 2),
                                              ("map", "x", 2)])
def test_export_refuses_unknown_kind_or_format(kind, name, code, built_db, tmp_path, capsys):
    assert export_chart(kind, tmp_path / name, built_db) == code
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_export_to_an_unwritable_place_fails_cleanly(built_db, tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert export_chart("relief", blocker / "chart.png", built_db) != 0
    err = capsys.readouterr().err
    assert err.startswith("The chart was not saved") and err.count("\n") == 1
    assert export_chart("relief", tmp_path / "missing" / "chart.png", built_db) != 0
    assert "does not exist" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_export_keeps_the_old_file_when_the_data_is_bad(tmp_path, capsys):
    out = tmp_path / "map.png"
    out.write_bytes(b"old")
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all")
    assert export_chart("map", out, bad) == 1
    assert out.read_bytes() == b"old"
    assert capsys.readouterr().err.count("\n") == 1


def test_export_from_details_the_caller_read(details, repo, tmp_path, capsys):
    """The command reads the data and hands a loader over: it is called only after the kind
    and the file name were checked, and a KnownError from it is one plain line."""
    from desktop.charts.export import export_loaded_chart
    from desktop.errors import KnownError

    calls = []

    def load():
        calls.append(True)
        return details, repo.info

    assert export_loaded_chart("pie", tmp_path / "x.png", load) == 2
    assert export_loaded_chart("map", tmp_path / "x.gif", load) == 2
    assert calls == []
    assert export_loaded_chart("map", tmp_path / "map.png", load) == 0
    assert calls == [True] and imread(tmp_path / "map.png").shape[1] >= 1920

    def broken():
        raise KnownError("The data file cannot be read.")

    capsys.readouterr()
    assert export_loaded_chart("map", tmp_path / "other.png", broken) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot be read" in err
    assert not (tmp_path / "other.png").exists()


def test_build_chart_and_smoke_render(details):
    for kind in ("relief", "map", "timeline"):
        assert build_chart(kind, details).axes
    sizes = smoke_render(details)
    assert set(sizes) == {"relief", "map", "timeline", "counts", "map.svg", "map.pdf"}


def test_importing_the_chart_modules_does_not_import_matplotlib():
    code = ("import sys, desktop.charts, desktop.charts.chart_data, desktop.charts.theme, "
            "desktop.charts.export, desktop.views.charts_view; "
            "assert 'matplotlib' not in sys.modules, 'matplotlib imported'")
    run_snippet(code)


def test_export_chart_honours_db_before_the_command(tmp_path):
    from tests.conftest import run_app

    result = run_app("--db", str(tmp_path / "missing.db"), "export-chart", "map", "--out",
                     str(tmp_path / "map.png"))
    assert result.returncode != 0 and "missing.db" in result.stderr
