"""Subcommands of `relief-atlas` that run without a window.

Each module here defines `NAME`, `HELP`, `add_arguments(parser)` and `run(args) -> int`, and
imports anything heavy (Qt, matplotlib) inside `run`, so `relief-atlas --help` stays fast.
A known error prints one line to stderr and returns a non-zero exit code; never a traceback.
"""

COMMAND_MODULES = ("screen", "export_chart", "export_handout", "notes")


def open_reference(args):
    """The reference data a command reads: `--db` if given, else the bundled file; pages in
    the language the command speaks (`--lang`, already activated). Raises KnownError."""
    from desktop import i18n
    from desktop.data.repository import Repository

    repo = Repository.open_default(getattr(args, "db", None), getattr(args, "portable", False))
    repo.language = i18n.current() if i18n.current() in i18n.LANGUAGES else i18n.DEFAULT
    return repo
