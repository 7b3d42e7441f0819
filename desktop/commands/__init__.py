"""Subcommands of `relief-atlas` that run without a window.

Each module here defines `NAME`, `HELP`, `add_arguments(parser)` and `run(args) -> int`, and
imports anything heavy (Qt, matplotlib) inside `run`, so `relief-atlas --help` stays fast.
A known error prints one line to stderr and returns a non-zero exit code; never a traceback.
"""

COMMAND_MODULES = ("screen", "export_chart", "export_handout", "data", "notes", "clinic", "tally")


def open_reference(args):
    """The reference data a command reads: `--db` if given, else the data in use (an installed
    data package, else the bundled file: `desktop.data.packages.active_database`, whose
    one-line notice goes to stderr); pages in the language the command speaks (`--lang`,
    already activated). Raises KnownError."""
    from desktop import i18n
    from desktop.data.repository import Repository

    db, portable = getattr(args, "db", None), getattr(args, "portable", False)
    if db is None:
        import sys

        from desktop import paths
        from desktop.data.packages import active_database

        active = active_database(paths.user_data_dir(portable))
        if active.notice:
            print(active.notice, file=sys.stderr)
        if active.origin == "package":
            db = active.path
    repo = Repository.open_default(db, portable)
    repo.language = i18n.current() if i18n.current() in i18n.LANGUAGES else i18n.DEFAULT
    return repo
