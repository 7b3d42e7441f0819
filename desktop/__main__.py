"""Command line: `relief-atlas` / `python -m desktop`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop import APP_NAME, __version__


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="relief-atlas",
        description=f"{APP_NAME}: offline reference on cannabis criminal-record relief.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", type=Path, metavar="PATH",
                        help="use this database file instead of the bundled one")
    parser.add_argument("--open", metavar="CODE", help="start on this jurisdiction (e.g. AZ)")
    parser.add_argument("--portable", action="store_true",
                        help="keep settings and user data next to the program (also: a file "
                             "named 'portable' beside it)")
    parser.add_argument("--smoke-test", action="store_true",
                        help="open the data and window offscreen, check them, and exit")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from desktop import app  # Qt is imported only once the arguments are known good

    if args.smoke_test:
        return app.smoke_test(args.db, args.open)
    return app.run(args.db, args.open, args.portable)


if __name__ == "__main__":
    sys.exit(main())
