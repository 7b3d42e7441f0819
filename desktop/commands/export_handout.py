"""`relief-atlas export-handout CODE --out FILE.pdf` and `export-handout --all --out DIR`.

Writes one-page handouts without a window (Qt's PDF writer needs a QGuiApplication; offscreen
when there is no display). With --all, --out is a folder (one PDF per place) unless it ends
in .pdf, which makes one combined PDF. A known error prints one line and exits non-zero.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.commands import DB_HELP as DB_HELP  # it reads the reference data: --db

if TYPE_CHECKING:
    from desktop.data.records import ClinicProfile, LocalNote

NAME = "export-handout"
HELP = "write one-page PDF handouts (one place, or all of them)"
PAGE_SIZES = ("letter", "a4")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", nargs="?", metavar="CODE",
                        help="the place's two-letter code, e.g. AZ, DC or US")
    parser.add_argument("--all", action="store_true",
                        help="every place: --out is a folder, or one combined FILE.pdf")
    parser.add_argument("--out", type=Path, required=True, metavar="PATH",
                        help="the PDF to write (or, with --all, a folder)")
    parser.add_argument("--page", choices=PAGE_SIZES, default="letter",
                        help="paper size (default: letter)")
    parser.add_argument("--no-clinic-notes", action="store_true",
                        help="leave out the clinic notes kept on this computer")


def _needs_offscreen() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return False


def quiet_qt_messages() -> None:
    """A command's output is its own lines: Qt's chatter (the offscreen platform's
    "This plugin does not support propagateSizeHints()", a painter stopped mid-page by a
    signal) is dropped; a critical message is kept, on one line."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(mode, _context, message) -> None:
        if mode in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            print(" ".join(str(message).split()), file=sys.stderr)

    qInstallMessageHandler(handler)


def ensure_gui_application():
    """A QGuiApplication for fonts and PDF writing; offscreen if there is no display."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        quiet_qt_messages()
        if _needs_offscreen():
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QGuiApplication([sys.argv[0] if sys.argv else "relief-atlas"])
    return app


def _fail(message: str) -> int:
    print(" ".join(message.split()), file=sys.stderr)
    return 1


def run(args: argparse.Namespace) -> int:
    from desktop import strings
    from desktop.errors import KnownError

    if bool(args.code) == bool(args.all):
        return _fail(strings.HANDOUT_NEED_CODE)
    ensure_gui_application()
    from desktop.commands import open_reference
    from desktop.data.user_store import default_path
    from desktop.printing import handout

    try:
        repo = open_reference(args)
    except KnownError as error:
        return _fail(error.one_line())
    try:
        if args.all:
            details = [d for s in repo.jurisdictions()
                       if (d := repo.jurisdiction(s.code)) is not None]
        else:
            detail = repo.jurisdiction(args.code.upper())
            if detail is None:
                return _fail(strings.HANDOUT_UNKNOWN_CODE.format(code=args.code))
            details = [detail]
        notes, clinic = _clinic_notes(default_path(getattr(args, "portable", False)),
                                      [] if args.no_clinic_notes else [d.code for d in details])
        out: Path = args.out
        if not args.all:
            handout.write_handout_pdf(details[0], repo.info, out, args.page,
                                      notes.get(details[0].code, ()), clinic=clinic)
            print(strings.HANDOUT_SAVED.format(path=out))
        elif out.suffix.lower() == ".pdf":
            handout.write_handouts(details, repo.info, combined_path=out, page_size=args.page,
                                   local_notes=notes, clinic=clinic)
            print(strings.HANDOUT_EXPORTED.format(count=len(details), path=out))
        else:
            _make_folder(out)
            written = handout.write_handouts(details, repo.info, out_dir=out,
                                             page_size=args.page, local_notes=notes,
                                             clinic=clinic)
            print(strings.HANDOUT_EXPORTED.format(count=len(written), path=out))
    except KnownError as error:
        return _fail(error.one_line())
    finally:
        repo.close()
    return 0


def _make_folder(folder: Path) -> None:
    from desktop.data.files import FileWriteError, explain_os_error

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:  # a file where the folder should be
        from desktop import strings

        raise FileWriteError(strings.HANDOUT_BAD_TARGET.format(path=folder)) from exc
    except OSError as exc:
        raise FileWriteError(explain_os_error(exc, folder)) from exc


def _clinic_notes(path: Path, codes: list[str]
                  ) -> tuple[dict[str, list[LocalNote]], ClinicProfile | None]:
    """The clinic's notes of `codes` and its profile (`relief-atlas clinic set`, File →
    Clinic details…) when this computer has them; never creates the notes file."""
    from desktop import strings
    from desktop.data.user_store import UserStore
    from desktop.errors import KnownError

    try:
        store = UserStore.open_read_only(path)
        if store is None:
            return {}, None
        with store:
            return {code: store.notes(code) for code in codes}, store.clinic()
    except KnownError as error:
        print(strings.HANDOUT_NOTES_OFF.format(reason=error.one_line()), file=sys.stderr)
        return {}, None


def read_clinic(portable: bool = False):
    """The clinic's profile kept on this computer, or None (a store that cannot be read
    prints one line; the sheet is written without the clinic's line)."""
    from desktop.data.user_store import default_path

    return _clinic_notes(default_path(portable), [])[1]
