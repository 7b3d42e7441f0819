"""What the standalone folder leaves out, in one place: read by build/relief-atlas.spec (to
prune), by build/build.py (to strip) and by tests/test_bundle.py (which checks that the app,
drawing and exporting every chart and writing and printing a handout, never imports or loads
anything listed here).

Plain data and small functions; no PyInstaller import.
"""

from __future__ import annotations

import re

# Python modules the app never imports (the test runs the app's paths and checks sys.modules).
EXCLUDES = [
    # other Qt bindings and toolkits
    "tkinter", "_tkinter", "PyQt5", "PyQt6", "PySide2",
    # Qt modules: the app uses QtCore, QtGui, QtWidgets, QtPrintSupport and QtSvg (matplotlib
    # draws its toolbar icons with QSvgRenderer)
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuickControls2",
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebChannel",
    "PySide6.QtNetwork", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtSql",
    "PySide6.QtTest", "PySide6.QtXml", "PySide6.QtConcurrent", "PySide6.QtDBus",
    "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtMultimedia", "PySide6.QtUiTools",
    "PySide6.QtSvgWidgets", "PySide6.QtPdf",
    # build and test tools
    "sqlite_utils", "sqlite_fts4", "click", "tabulate", "pluggy", "pytest", "IPython",
    "setuptools", "pip", "pydoc", "readline",
    # Pillow's codecs matplotlib never asks for (it writes PNG): AVIF, WebP, colour management,
    # Tk; each carries its own libraries (libavif alone is 5 MB)
    "PIL.ImageQt", "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp", "PIL.WebPImagePlugin",
    "PIL._imagingcms", "PIL.ImageCms", "PIL._imagingtk", "PIL.ImageTk",
    # The app opens no network connection: no TLS (drops OpenSSL's libcrypto and libssl).
    "ssl", "_ssl", "_hashlib",
    # Parts of numpy and matplotlib no chart here uses: random numbers, FFT, contours and
    # triangulations (2.5 MB of numpy.random alone); numpy's self-tests
    "numpy.random", "numpy.fft", "numpy._core._multiarray_tests", "contourpy",
    "matplotlib._qhull", "matplotlib._tri",
    # East Asian codecs (the app reads and writes UTF-8)
    "_codecs_jp", "_codecs_hk", "_codecs_cn", "_codecs_kr", "_codecs_tw", "_codecs_iso2022",
    # Nothing starts processes from Python: without it PyInstaller also drops the run-time
    # hook that imports multiprocessing at every start.
    "multiprocessing", "concurrent.futures.process",
]

# PyInstaller run-time hooks left out: matplotlib's points MPLCONFIGDIR at a temporary
# folder made and deleted at every start; desktop/paths.py sets a persistent one instead.
RUNTIME_HOOKS_DROPPED = ("pyi_rth_mplconfig",)

# Qt plugin folders kept, and plugins dropped inside them. Plugins are looked up by folder at
# run time, so a folder not listed here is gone.
QT_PLUGIN_FOLDERS = ("platforms", "imageformats", "iconengines", "platformthemes", "styles",
                     "xcbglintegrations", "printsupport", "platforminputcontexts",
                     "wayland-decoration-client", "wayland-graphics-integration-client",
                     "wayland-shell-integration")
QT_PLUGINS_DROPPED = (
    # platforms for kiosks and boards (VNC also pulls in QtNetwork), and the test-only minimal
    "qvnc", "qeglfs", "qlinuxfb", "qminimalegl", "qminimal.", "qvkkhrdisplay",
    # image formats: PNG is built into QtGui; SVG stays for icon themes (folder icons in the
    # file dialogs); nothing the app shows is GIF, ICO, ICNS, JPEG, TGA, TIFF, WBMP or WebP
    "qgif", "qicns", "qico", "qjpeg", "qtga", "qtiff", "qwbmp", "qwebp",
    # GTK 3 theme: it needs the laptop's own GTK, which cannot mix with the cairo, pango and
    # glib of the build machine that would be bundled with it (7 MB); the XDG portal theme
    # still gives native file dialogs
    "qgtk3",
)
# Qt libraries no kept plugin or module needs (QtDBus stays: QtGui links it on Linux).
QT_LIBS_DROPPED = ("libQt6Network", "libQt6EglFSDeviceIntegration", "libQt6EglFsKmsSupport",
                   "Qt6Network", "Qt6Quick", "Qt6Qml", "Qt6Pdf")

# matplotlib draws every chart in DejaVu Sans (its default, also for mathtext); the other
# families, the Type 1 metrics for PostScript core fonts and the sample data are never used.
MPL_FONTS_KEPT = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
                  "DejaVuSans-BoldOblique.ttf", "LastResortHE-Regular.ttf")
MPL_DATA_DROPPED = ("/mpl-data/sample_data/", "/mpl-data/fonts/afm/",
                    "/mpl-data/fonts/pdfcorefonts/", "/mpl-data/plot_directive/")

# Qt's own translations kept: the app's languages other than English (desktop.i18n.LANGUAGES;
# tests/test_bundle.py checks they agree).
QT_TRANSLATIONS = ("es",)

# Libraries that must not be stripped: wheels repaired by auditwheel keep theirs in
# <package>.libs/ with load commands patchelf moved; `strip` breaks them ("ELF load command
# address/offset not page-aligned").
NO_STRIP = re.compile(r"(^|/)[^/]+\.libs/")


def wanted(dest: str) -> bool:
    """Whether a file PyInstaller collected (its destination path) goes into the folder."""
    d = "/" + dest.replace("\\", "/")
    if "/Qt/translations/" in d:
        # Qt's own words (Save, Cancel, the print dialog) in the app's other languages
        return any(d.endswith(f"/qtbase_{lang}.qm") for lang in QT_TRANSLATIONS)
    if "/Qt/plugins/" in d:
        folder = d.split("/Qt/plugins/", 1)[1].split("/", 1)[0]
        name = d.rsplit("/", 1)[-1]
        return folder in QT_PLUGIN_FOLDERS and not any(p in name for p in QT_PLUGINS_DROPPED)
    name = d.rsplit("/", 1)[-1]
    if any(name.startswith(lib) or name.startswith("lib" + lib) for lib in QT_LIBS_DROPPED):
        return False
    if any(part in d for part in MPL_DATA_DROPPED):
        return False
    if "/mpl-data/fonts/ttf/" in d:
        return name in MPL_FONTS_KEPT
    return True


def _base(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def unreachable(binaries, symlinks, needed) -> set[str]:
    """Destinations of the shared libraries in `binaries` that nothing kept loads any more.

    PyInstaller collects every library a collected binary links to before the spec prunes
    plugins and modules, so the GTK theme's cairo and pango, or libavif, would stay behind
    without their users. Starting from what Python or Qt loads by path (extension modules, Qt
    plugins, libpython), follow each file's link-time imports (`needed(source)` gives their
    names); a library never reached is not needed. `binaries` are PyInstaller's (dest, source,
    typecode) entries; `symlinks` its (dest, target, 'SYMLINK') ones (a name a library is
    also known by)."""
    by_name: dict[str, tuple[str, str]] = {}
    for dest, source, _kind in binaries:
        by_name.setdefault(_base(dest), (dest, source))
    for dest, target, _kind in symlinks:
        if _base(target) in by_name:
            by_name.setdefault(_base(dest), by_name[_base(target)])
    roots = [(dest, source) for dest, source, kind in binaries
             if kind == "EXTENSION" or "/Qt/plugins/" in "/" + dest.replace("\\", "/")
             or _base(dest).startswith("libpython")]
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        dest, source = todo.pop()
        if dest in seen:
            continue
        seen.add(dest)
        for name in needed(source):
            found = by_name.get(_base(name))
            if found is not None and found[0] not in seen:
                todo.append(found)
    return {dest for dest, _source, _kind in binaries if dest not in seen}


def write_font_list(folder) -> "Path":
    """matplotlib's font list for the bundled fonts only, written at package time into
    `folder` as matplotlib names it (fontlist-v<version>.json).

    matplotlib stores fonts under its data folder by relative path, so the list is valid
    wherever the folder is unpacked; the app copies it into its matplotlib cache folder on
    first start (desktop/paths.py), so a fresh laptop never scans its system fonts (the
    charts use DejaVu Sans, which the bundle carries)."""
    from pathlib import Path

    import matplotlib as mpl
    from matplotlib import font_manager

    data = Path(mpl.get_data_path())
    manager = font_manager.FontManager()
    manager.ttflist = [f for f in manager.ttflist
                       if Path(f.fname).parent == data / "fonts" / "ttf"
                       and Path(f.fname).name in MPL_FONTS_KEPT]
    manager.afmlist = []
    assert len(manager.ttflist) == len(MPL_FONTS_KEPT), manager.ttflist
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("fontlist-v*.json"):
        old.unlink()
    out = folder / f"fontlist-v{font_manager.FontManager.__version__}.json"
    font_manager.json_dump(manager, out)
    return out
