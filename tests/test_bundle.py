"""The prune list of the standalone folder (build/bundle.py) matches what the app imports and
loads: a process that opens the window, draws every chart, saves them as PNG, SVG and PDF,
writes a handout and asks for the printers never imports an excluded module nor loads a Qt
plugin or library the folder leaves out. (The frozen `--smoke-test`, run by build/build.py
after pruning, checks the same from the other side.)"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

from desktop import i18n
from tests.conftest import ROOT

_spec = importlib.util.spec_from_file_location("bundle", ROOT / "build" / "bundle.py")
bundle = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bundle)

# hashlib falls back to its built-in digests without OpenSSL's _hashlib; the app asks for
# nothing else from it.
FALLBACKS = {"_hashlib"}

PROBE = r"""
import json, os, sys, tempfile
from pathlib import Path
from desktop.app import build_main_window, create_application, smoke_printing
from desktop.charts.export import write_figure
from desktop.printing.handout import print_handout_to, write_handout_pdf
from PySide6.QtPrintSupport import QPrinter

app = create_application()
out = Path(tempfile.mkdtemp())
window = build_main_window(sys.argv[1], user_dir=out)
window.resize(1280, 800); window.show(); app.processEvents()
window.show_jurisdiction("MO"); app.processEvents()
for kind in ("relief", "map", "timeline"):
    window.show_charts(kind); app.processEvents()
    figure = window.charts_panel.figure(kind)
    for fmt in ("png", "svg", "pdf"):
        write_figure(figure, out / f"{kind}.{fmt}")
write_handout_pdf(window.repo.jurisdiction("MO"), window.repo.info, out / "mo.pdf")
printer = QPrinter()                      # the print path, to a PDF file instead of a printer
printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
printer.setOutputFileName(str(out / "printed.pdf"))
print_handout_to(window.repo.jurisdiction("MO"), window.repo.info, printer)
assert (out / "printed.pdf").stat().st_size > 1000
smoke_printing()
maps = Path("/proc/self/maps")
loaded = sorted({line.split()[-1] for line in maps.read_text().splitlines()
                 if ".so" in line.split()[-1]}) if maps.exists() else []
print(json.dumps({"modules": sorted(sys.modules), "loaded": loaded}))
"""


@pytest.fixture(scope="module")
def probe(built_db, tmp_path_factory):
    import os

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               RELIEF_ATLAS_DATA_DIR=str(tmp_path_factory.mktemp("user")))
    done = subprocess.run([sys.executable, "-c", PROBE, str(built_db)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_no_excluded_module_is_imported(probe):
    imported = set(probe["modules"])
    found = sorted(name for name in imported for excluded in bundle.EXCLUDES
                   if (name == excluded or name.startswith(excluded + "."))
                   and name not in FALLBACKS)
    assert not found, f"imported although build/bundle.py excludes them: {found}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/maps")
def test_every_qt_plugin_and_library_loaded_is_kept(probe):
    site = "/site-packages/"
    loaded = [path.split(site, 1)[1] for path in probe["loaded"] if site in path]
    qt = [path for path in loaded if path.startswith("PySide6/")]
    assert any("/Qt/plugins/platforms/" in path for path in qt), qt   # the probe saw Qt load
    assert any("/Qt/plugins/printsupport/" in path for path in qt), qt
    dropped = [path for path in loaded if not bundle.wanted(path)]
    assert not dropped, f"loaded although build/bundle.py leaves them out: {dropped}"


def test_qt_translations_are_the_apps_languages():
    assert set(bundle.QT_TRANSLATIONS) == set(i18n.LANGUAGES) - {i18n.DEFAULT}
    assert bundle.wanted("PySide6/Qt/translations/qtbase_es.qm")
    assert not bundle.wanted("PySide6/Qt/translations/qtbase_ru.qm")


@pytest.mark.parametrize("dest, kept", [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
    ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
    ("PySide6/Qt/lib/libQt6DBus.so.6", True),           # QtGui links it on Linux
    ("PySide6/Qt/lib/libQt6Svg.so.6", True),            # matplotlib's toolbar icons
    ("PySide6/Qt/lib/libQt6PrintSupport.so.6", True),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/platforms/libqminimal.so", False),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/Qt/lib/libQt6Network.so.6", False),
    ("matplotlib/mpl-data/sample_data/goog.npz", False),
    ("matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf", True),
    ("matplotlib/mpl-data/fonts/ttf/STIXGeneral.ttf", False),
])
def test_wanted(dest, kept):
    assert bundle.wanted(dest) is kept


def test_a_library_only_a_dropped_plugin_used_is_left_out():
    binaries = [
        ("PySide6/QtGui.abi3.so", "/s/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/s/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/s/libqxcb.so", "BINARY"),
        ("libxcb.so.1", "/usr/lib/libxcb.so.1", "BINARY"),
        ("libcairo.so.2", "/usr/lib/libcairo.so.2", "BINARY"),      # the GTK theme's, pruned
        ("libpixman-1.so.0", "/usr/lib/libpixman-1.so.0", "BINARY"),
    ]
    symlinks = [("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK")]
    needed = {"/s/QtGui.abi3.so": ["libQt6Gui.so.6"], "/s/libqxcb.so": ["libxcb.so.1"],
              "/usr/lib/libcairo.so.2": ["libpixman-1.so.0"]}
    assert bundle.unreachable(binaries, symlinks, lambda s: needed.get(s, [])) == {
        "libcairo.so.2", "libpixman-1.so.0"}
