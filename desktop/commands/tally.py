"""`relief-atlas tally on|off|show|reset|export --out FILE.csv`: the event tally for the
clinic's reports (opt-in). When on, the window counts per day and place the pages opened,
screenings run and sheets printed or saved; never an answer, a name or a time finer than the
day. Off by default. The CSV is the one the window's File → Event tally… exports. A known
error prints one line and exits 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "tally"
HELP = "the event tally (opt-in): turn it on or off, show, reset or export it as CSV"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="tally_action", metavar="ACTION", required=True)
    subs = [actions.add_parser("on", help="count pages, screenings and sheets per day and place"),
            actions.add_parser("off", help="count nothing (what was counted is kept)"),
            actions.add_parser("show", help="say whether it is on and print every count")]
    reset = actions.add_parser("reset", help="forget every count")
    reset.add_argument("--yes", action="store_true", help="do not ask to confirm")
    export = actions.add_parser("export", help="write the counts as CSV")
    export.add_argument("--out", type=Path, required=True, metavar="FILE.csv",
                        help="the CSV file to write")
    for sub in (*subs, reset, export):
        sub.add_argument("--portable", action="store_true", default=argparse.SUPPRESS,
                         help="the tally kept beside the program (portable mode)")


def run(args: argparse.Namespace) -> int:
    from desktop import strings
    from desktop.data.user_store import UserStore, default_path, tally_csv
    from desktop.errors import KnownError

    path = default_path(getattr(args, "portable", False))
    action = args.tally_action
    try:
        if action in ("show", "export"):
            store = UserStore.open_read_only(path)  # never creates the notes file
            on, rows = False, []
            if store is not None:
                with store:
                    on, rows = store.tally_enabled(), store.tally()
            if action == "export":
                from desktop.data.files import write_atomic

                write_atomic(args.out, tally_csv(rows))
                print(strings.TALLY_EXPORTED.format(count=len(rows), path=args.out))
                return 0
            print(strings.TALLY_CLI_ON if on else strings.TALLY_CLI_OFF)
            for r in rows:
                print(strings.TALLY_CLI_ROW.format(day=r.day, place=r.place, pages=r.pages,
                                                   screenings=r.screenings, sheets=r.sheets))
            return 0
        if action == "reset" and not args.yes:
            if not sys.stdin.isatty() or input(strings.TALLY_CLI_RESET_ASK).strip().lower() \
                    not in ("y", "yes", "s", "sí", "si"):
                print(strings.TALLY_CLI_NOT_RESET)
                return 1
        with UserStore.open(path) as store:
            if action == "reset":
                print(strings.TALLY_CLI_RESET.format(count=store.reset_tally()))
                return 0
            store.set_tally_enabled(action == "on")
        print(strings.TALLY_CLI_ON if action == "on" else strings.TALLY_CLI_OFF)
        return 0
    except KnownError as error:
        print(error.one_line(), file=sys.stderr)
        return 1
