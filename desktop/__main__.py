"""Command line: `relief-atlas` / `python -m desktop`."""

from __future__ import annotations

import argparse
import gc
import importlib
import sys

from desktop import APP_NAME, __version__

LANGUAGE_CODES = ("en", "es")  # desktop.i18n.LANGUAGES, without importing it before parsing


class Stopped(BaseException):
    """SIGTERM (or a second SIGINT) arrived: unwind, so every half-written file is removed."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


_stopped_by: list[int] = []
_running = False


def _stop_on_signals() -> None:
    """A command stopped by SIGTERM or SIGINT unwinds like an error: `atomic_path` removes
    its temporary files and the notes import rolls back. Later signals are ignored while
    that cleanup runs."""
    import signal

    def stop(signum, _frame):
        for name in ("SIGTERM", "SIGINT", "SIGHUP"):
            if hasattr(signal, name):
                signal.signal(getattr(signal, name), signal.SIG_IGN)
        _stopped_by.append(signum)  # kept even if Qt swallows the exception (a callback)
        if _running:  # after the command returned there is nothing left to unwind
            raise Stopped(signum)

    for name in ("SIGTERM", "SIGINT", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop)


# What the parser gives for no arguments (a test checks it still does): the window, started
# as a volunteer starts it, does not pay for building the parser (~4 ms).
NO_ARGUMENTS = {"db": None, "open": None, "portable": False, "smoke_test": False, "lang": None,
                "command": None}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    if argv is not None and not argv:
        return argparse.Namespace(**NO_ARGUMENTS)
    return parser_for(argv).parse_args(argv)


def parser_for(argv: list[str] | None) -> argparse.ArgumentParser:
    """The command line's parser, with the subcommands `argv` asks for built in full."""
    from desktop.commands import COMMAND_MODULES, Parser, db_option

    parser = Parser(
        prog="relief-atlas",
        description=f"{APP_NAME}: offline reference on cannabis criminal-record relief.",
        parents=[db_option(command=False)])
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--open", metavar="CODE", help="start on this jurisdiction (e.g. AZ)")
    parser.add_argument("--portable", action="store_true",
                        help="keep settings and user data next to the program (also: a file "
                             "named 'portable' beside it)")
    parser.add_argument("--smoke-test", action="store_true",
                        help="open the data and window offscreen, check them, and exit")
    parser.add_argument("--lang", choices=LANGUAGE_CODES,
                        help="language of the window and of what commands write "
                             "(default: the one chosen in the window, else the system's)")
    # Every command takes --lang too: `relief-atlas screen --lang es ...`.
    language = Parser(add_help=False)
    language.add_argument("--lang", choices=LANGUAGE_CODES, default=argparse.SUPPRESS,
                          help="language of the output (en or es)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND",
                                     title="commands (no window)", parser_class=Parser)
    # Only the command asked for is imported and built (and every one for --help): opening
    # the window, the common case, pays for none of them. The others are bare names, so a
    # mistyped command still gets argparse's "invalid choice" with the full list.
    asked = set(argv or ())
    everything = bool(asked & {"-h", "--help"})
    for module_name in COMMAND_MODULES:
        name = module_name.replace("_", "-")
        if not (everything or name in asked):
            commands.add_parser(name)
            continue
        module = importlib.import_module(f"desktop.commands.{module_name}")
        parents = [language]
        if hasattr(module, "DB_HELP"):  # it reads the reference data
            parents.append(db_option(module.DB_HELP))
        sub = commands.add_parser(module.NAME, help=module.HELP, description=module.HELP,
                                  parents=parents)
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    from desktop.commands import tolerant_output

    tolerant_output("backslashreplace", sys.stdout, sys.stderr)
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from desktop import paths

    paths.configure_matplotlib(getattr(args, "portable", False))
    if getattr(args, "command", None):
        return _run_command(args)
    # Start-up makes some hundred thousand objects and frees few: the cyclic garbage collector
    # would walk them all several times before the window is painted (~20 ms). It is off
    # until the first paint (desktop.app.run turns it back on); commands and the smoke test,
    # which draws every chart and a handout, keep it on.
    gc.disable()
    from desktop import app  # Qt is imported only once the arguments are known good

    if args.smoke_test:
        app.resume_garbage_collection()
        return app.smoke_test(args.db, args.open, args.lang)
    return app.run(args.db, args.open, args.portable, args.lang)


def _run_command(args: argparse.Namespace) -> int:
    import signal

    from desktop import i18n

    i18n.activate(args.lang or i18n.system_language())
    global _running
    _stop_on_signals()
    try:
        _running = True
        try:
            code = args.run(args)
        finally:
            _running = False
    except (Stopped, KeyboardInterrupt) as stop:
        signum = stop.signum if isinstance(stop, Stopped) else signal.SIGINT
    except BrokenPipeError:  # `relief-atlas screen ... | head`: the reader left early
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nor at exit
        return 1
    else:
        if not _stopped_by:
            return code
        signum = _stopped_by[0]  # raised inside a Qt callback, which swallowed it
    from desktop import strings

    print(strings.fmt(strings.COMMAND_STOPPED, signal=signal.Signals(signum).name),
          file=sys.stderr)
    return 128 + signum


if __name__ == "__main__":
    sys.exit(main())
