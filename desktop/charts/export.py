"""Build any chart by name, save it as PNG/SVG/PDF, and the `export-chart` command.

`relief-atlas export-chart {relief,map,timeline} --out FILE [--db PATH]` runs
`export_loaded_chart` with a function that reads the data (the command opens the
repository; this module does not): no window and no Qt (matplotlib's Agg renderer), the
format from the file name, the file written whole or not at all
(`desktop.data.files.atomic_path`).
matplotlib is imported inside the functions, so importing this module costs nothing.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import APP_NAME, strings
from desktop.charts.chart_data import footer_for
from desktop.data.place_records import JurisdictionDetail
from desktop.data.records import DataInfo
from desktop.errors import KnownError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

KINDS = ("relief", "map", "timeline")
FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
EXPORT_PIXELS = (1920, 1080)        # PNG size; vector formats get the same 16:9 shape
LAYOUT_WIDTH = 12.8                 # inches: the charts are laid out in points at this width


class ChartExportError(KnownError):
    title = strings.CHART_ERROR_TITLE


def build_chart(kind: str, details: Sequence[JurisdictionDetail], *,
                theme: Mapping[str, object] | None = None, log: bool = False,
                footer: str | None = None, figure: Figure | None = None) -> Figure:
    """The chart called `kind` (one of KINDS); `figure` is cleared and reused when given."""
    if kind not in KINDS:
        raise ChartExportError(
            strings.CHART_UNKNOWN_KIND.format(kind=kind, kinds=", ".join(KINDS)))
    if kind == "relief":
        from desktop.charts.relief import relief_by_jurisdiction

        return relief_by_jurisdiction(details, log=log, theme=theme, footer=footer, figure=figure)
    if kind == "map":
        from desktop.charts.tile_map import tile_map

        return tile_map(details, theme=theme, footer=footer, figure=figure)
    from desktop.charts.timeline import timeline

    return timeline(details, theme=theme, footer=footer, figure=figure)


def format_for(path: Path) -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ChartExportError(strings.CHART_UNKNOWN_FORMAT.format(name=path.name))
    return fmt


def _size(fig: Figure, pixels: tuple[int, int]) -> float:
    """Set the figure to `pixels` at a layout width of LAYOUT_WIDTH inches; return the dpi."""
    width, height = pixels
    dpi = width / LAYOUT_WIDTH
    # A hair over, so that rounding down inside the renderer never loses a pixel.
    fig.set_size_inches((width + 0.01) / dpi, (height + 0.01) / dpi)
    return dpi


def write_figure(fig: Figure, out: Path | str, pixels: tuple[int, int] = EXPORT_PIXELS,
                 title: str | None = None, *, keep_size: bool = False) -> None:
    """Save `fig` to `out` (PNG at `pixels`, or SVG/PDF of the same shape), atomically.

    With `keep_size` (a figure on screen) the figure keeps its shape and a PNG gets at least
    `pixels` by raising the resolution. Raises ChartExportError (unknown format) or
    FileWriteError (cannot write)."""
    from desktop.data.files import atomic_path

    out = Path(out)
    fmt = format_for(out)
    if keep_size:
        width, height = fig.get_size_inches()
        dpi = max(pixels[0] / width, pixels[1] / height)
    else:
        dpi = _size(fig, pixels)
    metadata = {"Title": title or out.stem, "Creator": APP_NAME}
    with atomic_path(out) as tmp:
        # savefig picks the renderer for the format (Agg for PNG) without touching Qt.
        fig.savefig(tmp, format=fmt, dpi=dpi, facecolor=fig.get_facecolor(), metadata=metadata)


# What the command passes: reads (details, data info), raising KnownError when it cannot.
Loader = Callable[[], tuple[Sequence[JurisdictionDetail], DataInfo | None]]


def export_loaded_chart(kind: str, out: Path, load: Loader, *,
                        pixels: tuple[int, int] = EXPORT_PIXELS,
                        theme: Mapping[str, object] | None = None) -> int:
    """The `export-chart` command's work once its caller knows how to read the data: `load()`
    returns (details, data info) and is called only after the kind and the file name were
    checked (the cheap checks first). The caller opens and closes the repository; nothing in
    `desktop/charts` does. 0 when saved, else 1 or 2 with one line on stderr."""
    out = Path(out)
    try:
        if kind not in KINDS:
            raise ChartExportError(
                strings.CHART_UNKNOWN_KIND.format(kind=kind, kinds=", ".join(KINDS)))
        format_for(out)                            # both checked before any slow work
        details, info = load()
        fig = build_chart(kind, details, theme=theme, footer=footer_for(info))
        write_figure(fig, out, pixels, title=strings.CHART_TABS[kind])
    except ChartExportError as error:
        print(error.one_line(), file=sys.stderr)
        return 2
    except KnownError as error:
        print(strings.CHART_EXPORT_FAILED.format(reason=error.one_line()), file=sys.stderr)
        return 1
    print(strings.CHART_EXPORTED.format(kind=kind, path=out))
    return 0


SMOKE_VECTOR = "map"     # the chart the smoke test also writes as SVG and PDF


def smoke_render(details: Sequence[JurisdictionDetail]) -> dict[str, int]:
    """Render every chart (and one jurisdiction's counts chart) to PNG in memory, offscreen,
    and one chart to SVG and PDF (fonts embedded by fontTools), so a frozen build proves every
    export format works. Returns bytes written per chart ("map.svg" for the vector ones);
    raises when a chart cannot be drawn or comes out empty."""
    from desktop.charts.counts import jurisdiction_counts

    sizes: dict[str, int] = {}
    figures = {kind: build_chart(kind, details) for kind in KINDS}
    with_counts = next((d for d in details if d.counts), None)
    if with_counts is not None:
        figures["counts"] = jurisdiction_counts(with_counts)
    outputs = [(name, fig, "png") for name, fig in figures.items()]
    outputs += [(f"{SMOKE_VECTOR}.{fmt}", figures[SMOKE_VECTOR], fmt) for fmt in ("svg", "pdf")]
    for name, fig, fmt in outputs:
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt, dpi=50)
        sizes[name] = buffer.tell()
        if sizes[name] < 1000:
            raise KnownError(f"the {name} chart came out empty")
    return sizes
