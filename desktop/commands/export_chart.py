"""`relief-atlas export-chart {relief,map,timeline} --out FILE [--db PATH]`: save a chart
without a window (PNG, SVG or PDF, from the file's extension)."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "export-chart"
HELP = "save a chart (relief, map or timeline) as PNG, SVG or PDF without opening a window"
# = desktop.charts.export.KINDS, kept here so --help stays light
KINDS = ("relief", "map", "timeline")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=KINDS, help="which chart")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE",
                        help="file to write; .png, .svg or .pdf")
    # SUPPRESS keeps a --db given before the command name (relief-atlas --db X export-chart).
    parser.add_argument("--db", type=Path, metavar="PATH", default=argparse.SUPPRESS,
                        help="another database file")


def run(args: argparse.Namespace) -> int:
    from desktop.charts.export import export_chart

    return export_chart(args.kind, args.out, getattr(args, "db", None))
