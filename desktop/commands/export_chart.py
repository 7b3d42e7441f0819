"""`relief-atlas export-chart {relief,map,timeline} --out FILE [--db PATH]`: save a chart
without a window (PNG, SVG or PDF, from the file's extension)."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "export-chart"
HELP = "save a chart (relief, map or timeline) as PNG, SVG or PDF without opening a window"
DB_HELP = "another database file"  # --db: desktop.commands.db_option
# = desktop.charts.export.KINDS, kept here so --help stays light
KINDS = ("relief", "map", "timeline")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=KINDS, help="which chart")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE",
                        help="file to write; .png, .svg or .pdf")


def run(args: argparse.Namespace) -> int:
    from desktop.charts.chart_data import load_details
    from desktop.charts.export import export_loaded_chart
    from desktop.commands import open_reference

    def load():
        repo = open_reference(args)  # after the cheap checks of the kind and the file name
        try:
            return load_details(repo), repo.info
        finally:
            repo.close()

    return export_loaded_chart(args.kind, args.out, load)
