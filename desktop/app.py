"""Application assembly: the QApplication, the exception hook, the main window, the smoke test."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop import APP_ID, APP_NAME, __version__, i18n, paths, strings
from desktop.data.data_in_use import reference_data
from desktop.data.repository import Repository
from desktop.data.user_store import USER_DB_NAME, UserStore
from desktop.errors import KnownError, crash_report
from desktop.views.main_window import MainWindow

SMOKE_CODE = "MO"
EXIT_AFTER_SHOW_ENV = "RELIEF_ATLAS_EXIT_AFTER_SHOW"
QT_TRANSLATOR = "qtbaseTranslator"  # the object name of Qt's own strings' translator


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = (existing if isinstance(existing, QApplication)
           else QApplication(argv if argv is not None else [sys.argv[0]]))
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    from PySide6.QtGui import QIcon

    icon = paths.resource_root() / "resources" / "icons" / "relief-atlas.png"
    app.setWindowIcon(QIcon(str(icon)))
    return app


def window_language(user_dir: Path, explicit: str | None = None) -> str:
    """--lang, else the language chosen in the window (View → Language), else the system's."""
    if explicit:
        return explicit
    from desktop.settings import open_settings

    stored = str(open_settings(user_dir).value("window/language", "") or "")
    return stored if stored in i18n.LANGUAGES else i18n.system_language()


def install_language(app: QApplication, lang: str) -> None:
    """Our strings from the gettext catalog; Qt's own (Save, Cancel, the print dialog) from
    qtbase_<lang>.qm, which the frozen build carries."""
    i18n.activate(lang)
    from PySide6.QtCore import QLibraryInfo, QTranslator

    old = app.findChild(QTranslator, QT_TRANSLATOR)
    if old is not None:
        app.removeTranslator(old)
        old.deleteLater()
    if lang in (i18n.DEFAULT, i18n.PSEUDO):
        return
    translator = QTranslator(app)
    translator.setObjectName(QT_TRANSLATOR)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{lang}", folder):
        app.installTranslator(translator)
    else:
        translator.deleteLater()


def build_main_window(db_path: Path | str | None = None, portable: bool = False,
                      user_dir: Path | None = None) -> MainWindow:
    """The ready main window over `db_path` (default: the bundled database).

    Settings and the clinic's notes live in `user_dir` (default: the user-data folder, or
    beside the program when `portable`). A QApplication must exist. Raises DatabaseError (a
    KnownError) when the data cannot be used.
    """
    if QApplication.instance() is None:
        raise RuntimeError("build_main_window() needs a QApplication")
    user_dir = user_dir or paths.user_data_dir(portable)
    # --db as given, else the data in use (an installed data package, else its previous one,
    # else the bundled file): decided in one place for the window and every command.
    data = reference_data(db_path, user_dir)
    # The reference data first: it must open even if notes cannot. The bundled file is
    # validated in full once per computer (see desktop/data/database.py), any other always.
    repo = Repository.open(data.path, trust_dir=data.trust_dir(user_dir))
    repo.language = i18n.current() if i18n.current() in i18n.LANGUAGES else i18n.DEFAULT
    store, notice = open_user_store(user_dir / USER_DB_NAME)
    return MainWindow(repo, user_dir, store, notice, data)


def open_user_store(path: Path) -> tuple[UserStore | None, str | None]:
    """The clinic's notes store, or None and a plain reason. A damaged file is set aside
    (never deleted) and a notice says so; the reference data opens either way."""
    try:
        store = UserStore.open(path)
    except KnownError as error:
        return None, error.one_line()
    if store.recovered_from is not None:
        return store, strings.fmt(strings.USERDATA_RECOVERED, moved=store.recovered_from)
    if store.index_rebuilt:
        return store, strings.fmt(strings.USERDATA_INDEX_REBUILT)
    return store, None


def _excepthook(exc_type, exc_value, exc_tb) -> None:
    """Known errors get a plain dialog; anything else a crash dialog with a report to copy."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc_value, exc_tb)
        return
    from desktop.views.error_dialogs import CrashDialog, show_known_error

    if isinstance(exc_value, KnownError):
        print(exc_value.one_line(), file=sys.stderr)
        if QApplication.instance() is not None:
            show_known_error(exc_value, QApplication.activeWindow())
        return
    report = crash_report(exc_type, exc_value, exc_tb)
    print(report, file=sys.stderr)
    if QApplication.instance() is not None:
        CrashDialog(report, QApplication.activeWindow()).exec()


def install_excepthook() -> None:
    sys.excepthook = _excepthook


def run(db: Path | None = None, open_code: str | None = None, portable: bool = False,
        lang: str | None = None) -> int:
    """Start the app; returns the process exit code."""
    app = create_application()
    install_excepthook()
    install_language(app, window_language(paths.user_data_dir(portable), lang))
    try:
        window = build_main_window(db, portable)
    except KnownError as error:
        from desktop.views.error_dialogs import show_known_error

        resume_garbage_collection()
        print(strings.fmt(strings.STARTUP_FAILED, message=error.one_line()), file=sys.stderr)
        show_known_error(error)
        return 2
    window.first_paint.painted.connect(resume_garbage_collection)
    _show(window, db, portable, open_code.upper() if open_code else window.last_jurisdiction())
    window.notes_actions.show_store_notice()
    exit_after = os.environ.get(EXIT_AFTER_SHOW_ENV)
    if exit_after:  # benchmarks: close at the first picture, or ("ready") once set up
        window.first_paint.painted.connect(lambda: _say("painted"))
        window.ready.connect(lambda: _say("ready"))
        done = window.ready if exit_after == "ready" else window.first_paint.painted
        done.connect(window.close)
    return app.exec()


def _say(moment: str) -> None:
    """For benchmarks/run.py, which times the launch to these lines."""
    if sys.stdout is not None:  # a frozen windowed app may have none
        print(moment, flush=True)


def resume_garbage_collection() -> None:
    """Turn the cyclic garbage collector back on if start-up turned it off (desktop/__main__).
    What start-up made (modules, classes, the window) lives as long as the app: frozen into
    the permanent generation, later collections do not walk it again."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _show(window: MainWindow, db: Path | None, portable: bool, code: str | None) -> None:
    window.show()
    if code:
        window.show_jurisdiction(code)
    window.languageChosen.connect(lambda lang: _relaunch(window, db, portable, lang))
    # File → Update data… is made after the first paint (MainWindow.data_actions).
    window.ready.connect(lambda: window.data_actions.switched.connect(
        lambda show_changes: _switch_data(window, db, portable, show_changes)))


def _relaunch(old: MainWindow, db: Path | None, portable: bool, lang: str) -> MainWindow:
    """The same window, built again in another language, on the same page."""
    old.save_settings()
    code = old.current_code()
    install_language(create_application(), lang)
    window = build_main_window(db, portable)
    _show(window, db, portable, code)
    old.close()
    return window


def _switch_data(old: MainWindow, db: Path | None, portable: bool, show_changes: bool) -> None:
    """After File → Update data… or Revert: the same window over the data now in use."""
    window = _relaunch(old, db, portable, i18n.current())
    if show_changes:
        window.data_actions.show_changes()


def smoke_test(db: Path | None = None, open_code: str | None = None,
               lang: str | None = None) -> int:
    """Open the data and the window offscreen, show a jurisdiction, check its detail; exit 0.
    With `lang`, in that language (the frozen build checks Spanish once)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.commands.export_handout import quiet_qt_messages

    quiet_qt_messages()  # the smoke test's output is its one line
    install_language(create_application(), lang or i18n.DEFAULT)
    import tempfile

    scratch = tempfile.TemporaryDirectory(prefix="relief-atlas-smoke-")
    try:
        # A throw-away user folder: the check never touches the person's settings or notes.
        window = build_main_window(db, user_dir=Path(scratch.name))
        window.show()
        codes = [s.code for s in window.repo.jurisdictions()]
        if not codes:
            raise KnownError("the data has no jurisdictions")
        code = (open_code or SMOKE_CODE).upper()
        code = code if code in codes else codes[0]
        if not window.show_jurisdiction(code):
            raise KnownError(f"jurisdiction {code} could not be shown")
        text = window.detail.toPlainText()
        detail = window.repo.jurisdiction(code)
        if detail is None:
            raise KnownError(f"jurisdiction {code} could not be read")
        name = detail.name
        for expected in (name, strings.H_SOURCES, strings.DISCLAIMER[:30]):
            if expected not in text:
                raise KnownError(f"the detail page of {code} does not show {expected!r}")
        from desktop.charts.chart_data import load_details
        from desktop.charts.export import smoke_render

        charts = smoke_render(load_details(window.repo))  # raises KnownError on an empty chart
        from desktop.printing.handout import smoke_handout

        smoke_handout(detail, window.repo.info, scratch.name)
        smoke_printing()
        window.close()
    except KnownError as error:
        print(strings.SMOKE_FAILED.format(reason=error.one_line()), file=sys.stderr)
        return 1
    except Exception as error:  # a bug: still one line, never a traceback
        print(strings.SMOKE_FAILED.format(reason=f"{type(error).__name__}: {error}"),
              file=sys.stderr)
        return 1
    finally:
        scratch.cleanup()
    print(strings.SMOKE_OK.format(detail=f"{len(codes)} jurisdictions, {code} shown, "
                                         f"{len(charts)} charts drawn, handout written, data as of "
                                         f"{window.repo.info.data_as_of}"))
    return 0


def smoke_printing() -> None:
    """Ask Qt for the printers, as the print dialog does: that loads QtPrintSupport and the
    platform's print plugin (CUPS on Linux). Raises KnownError when the plugin is in the
    bundle but could not be loaded (a library it needs was pruned)."""
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtPrintSupport import QPrinterInfo

    QPrinterInfo.availablePrinterNames()
    if not sys.platform.startswith("linux"):
        return
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "printsupport"
    plugins = {p.name for p in folder.glob("*.so")}
    maps = Path("/proc/self/maps").read_text(encoding="utf-8", errors="replace")
    missing = [name for name in plugins if name not in maps]
    if missing:
        raise KnownError(f"the print plugin {', '.join(sorted(missing))} could not be loaded")
