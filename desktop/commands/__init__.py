"""Subcommands of `relief-atlas` that run without a window.

Each module here defines `NAME`, `HELP`, `add_arguments(parser)` and `run(args) -> int`, and
imports anything heavy (Qt, matplotlib) inside `run`, so `relief-atlas --help` stays fast.
A command that reads the reference data also defines `DB_HELP` (what its `--db` is for) and
gets `--db` from `db_option`, the one declaration of it; `open_reference` opens what it names.
A known error prints one line to stderr and returns a non-zero exit code; never a traceback.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

if TYPE_CHECKING:
    from desktop.data.repository import Repository

COMMAND_MODULES = ("screen", "export_chart", "export_handout", "data", "notes", "clinic", "tally")
DB_HELP = "use this database file instead of the bundled one"


class Parser(argparse.ArgumentParser):
    """argparse's complaints in one line and exit 2, at every level (`relief-atlas`, its
    commands and their actions are all made with this class); --help still prints the full
    usage."""

    def error(self, message: str) -> NoReturn:
        print(f"{self.prog}: {' '.join(message.split())}", file=sys.stderr)
        sys.exit(2)


def db_option(help: str = DB_HELP, *, command: bool = True) -> Parser:
    """`--db PATH`, the reference database to read, as a parent parser: for `relief-atlas`
    itself (`command=False`: absent means None) and for each command that reads the reference
    data, where absent means "not given here" (SUPPRESS), so a --db given before the command
    name is kept (`relief-atlas --db X screen ...`). `help` says what the file is for there."""
    parent = Parser(add_help=False)
    parent.add_argument("--db", type=Path, metavar="PATH",
                        default=None if not command else argparse.SUPPRESS, help=help)
    return parent


def tolerant_output(errors: str, *streams: TextIO) -> None:
    """A console that cannot show “ ”, é or ✔ (PYTHONIOENCODING=ascii, Windows cp1252) gets
    escapes (`errors`) instead of a traceback; a stream that is not a text file is left as is."""
    for stream in streams:
        if isinstance(stream, io.TextIOWrapper):
            try:
                stream.reconfigure(errors=errors)
            except ValueError:
                pass


def open_reference(args: argparse.Namespace) -> Repository:
    """The reference data a command reads: `--db` if given, else the data in use (an installed
    data package, else the bundled file: `desktop.data.data_in_use.reference_data`, whose
    one-line notice goes to stderr); pages in the language the command speaks (`--lang`,
    already activated). Raises KnownError."""
    from desktop import i18n, paths
    from desktop.data.data_in_use import reference_data
    from desktop.data.repository import Repository

    user_dir = paths.user_data_dir(getattr(args, "portable", False))
    data = reference_data(getattr(args, "db", None), user_dir)
    if data.notice:
        print(data.notice, file=sys.stderr)
    repo = Repository.open(data.path, trust_dir=data.trust_dir(user_dir))
    repo.language = i18n.current() if i18n.current() in i18n.LANGUAGES else i18n.DEFAULT
    return repo
