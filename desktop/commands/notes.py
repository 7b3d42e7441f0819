"""`relief-atlas notes export FILE` and `relief-atlas notes import FILE`: the clinic's notes,
bookmarks and profile (name, phone… printed on sheets) on this computer, in the same file
format and with the same checks as the window's File → Export / Import clinic notes (a
coordinator scripts them when preparing laptops); an import never replaces a profile.
Import checks the whole file first and writes all of it or none of it; notes for a place the
reference data does not know are refused. A known error prints one line and exits 1; a
stopped command (SIGTERM, Ctrl+C) writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "notes"
HELP = "export or import this computer's clinic notes and bookmarks (a JSON file)"
# --db of `notes import` and `notes export` (not of `notes` itself: desktop.commands.db_option)
_DB_HELP = "the reference data whose places notes may be for"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from desktop.commands import db_option

    actions = parser.add_subparsers(dest="notes_action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write every note and bookmark to FILE",
                                description="Write every clinic note and bookmark on this "
                                            "computer to FILE (JSON).",
                                parents=[db_option(_DB_HELP)])
    export.add_argument("file", type=Path, metavar="FILE", help="the file to write")
    imported = actions.add_parser("import", help="merge the notes and bookmarks in FILE",
                                  description="Merge the clinic notes and bookmarks of FILE "
                                              "(made by notes export or the window) into this "
                                              "computer's; nothing is overwritten.",
                                  parents=[db_option(_DB_HELP)])
    imported.add_argument("file", type=Path, metavar="FILE", help="the file to read")
    for sub in (export, imported):
        sub.add_argument("--portable", action="store_true", default=argparse.SUPPRESS,
                         help="the notes kept beside the program (portable mode)")


def run(args: argparse.Namespace) -> int:
    from desktop.data.user_store import default_path
    from desktop.errors import KnownError

    path = default_path(getattr(args, "portable", False))
    try:
        if args.notes_action == "export":
            return _export(path, args.file)
        return _import(args, path)
    except KnownError as error:
        print(error.one_line(), file=sys.stderr)
        return 1


def _export(store_path: Path, out: Path) -> int:
    from desktop import strings
    from desktop.data.user_store import UserStore
    from desktop.data.user_transfer import write_export

    store = UserStore.open_read_only(store_path)  # never creates or changes the notes file
    if store is None:
        write_export(out, [], [])
        count = 0
    else:
        with store:
            count = store.export(out)
    print(strings.NOTES_EXPORTED.format(count=count, path=out))
    return 0


def _import(args: argparse.Namespace, store_path: Path) -> int:
    from desktop import strings
    from desktop.commands import open_reference
    from desktop.data.user_store import UserStore

    repo = open_reference(args)
    try:
        codes = {s.code for s in repo.jurisdictions()}
    finally:
        repo.close()
    with UserStore.open(store_path) as store:
        result = store.import_file(args.file, known_codes=codes)
    print(strings.fmt(strings.NOTES_CLI_IMPORTED, path=args.file, summary=result.summary()))
    return 0
