"""What the app writes, against hostile targets and interruptions: only ordinary files are
replaced, a stopped export leaves no temporary file, stale ones are swept, a console that is
not UTF-8 never turns success into failure, argparse errors are one line at every level,
typed text is shown as text, and a session opens no socket."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.data.files import FileWriteError, atomic_path, sweep_stale_parts, write_atomic
from tests.conftest import ROOT


# -- targets ----------------------------------------------------------------------------------
def test_a_symlink_target_is_refused_and_what_it_points_to_is_untouched(tmp_path):
    real = tmp_path / "precious.txt"
    real.write_text("keep me")
    link = tmp_path / "out.pdf"
    link.symlink_to(real)
    with pytest.raises(FileWriteError) as info:
        write_atomic(link, "new")
    assert "symbolic link" in info.value.message
    assert real.read_text() == "keep me" and link.is_symlink()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_target_is_refused(tmp_path):
    fifo = tmp_path / "out.png"
    os.mkfifo(fifo)
    with pytest.raises(FileWriteError) as info:
        write_atomic(fifo, b"x")
    assert "a pipe" in info.value.message


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null here")
def test_a_device_target_is_refused_before_anything_is_written(tmp_path):
    with pytest.raises(FileWriteError) as info:
        with atomic_path(Path("/dev/null")):
            raise AssertionError("never reached: refused before the temporary file")
    assert "a device" in info.value.message


def test_an_ordinary_file_is_still_replaced(tmp_path):
    target = tmp_path / "chart.svg"
    target.write_text("old")
    write_atomic(target, "new")
    assert target.read_text() == "new"


# -- temporary files ----------------------------------------------------------------------------
def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_stale_part_files_of_a_killed_writer_are_swept_and_live_ones_kept(tmp_path):
    stale = tmp_path / f".AZ.pdf.{_dead_pid()}.abcd_123.part"
    live = tmp_path / f".NY.pdf.{os.getppid()}.abcd_123.part"  # a process that is running
    other = tmp_path / "notes.part"  # not ours
    for path in (stale, live, other):
        path.write_bytes(b"%PDF-")
    write_atomic(tmp_path / "MO.pdf", b"%PDF-1.4")
    assert not stale.exists() and live.exists() and other.exists()
    assert sweep_stale_parts(tmp_path) == 0  # once per folder and process


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="signals as on Linux")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_bulk_export_stopped_by_a_signal_leaves_no_part_file(signum, qtbot, tmp_path,
                                                               built_db):
    out = tmp_path / "handouts"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, "-m", "desktop", "export-handout", "--all", "--out", str(out),
         "--db", str(built_db)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    try:
        # Stop it while its temporary files exist (they are renamed only at the end).
        qtbot.waitUntil(lambda: out.is_dir() and any(
            p.name.endswith(".part") for p in out.iterdir()), timeout=60_000)
        child.send_signal(signum)
        stdout, stderr = child.communicate(timeout=60)
    finally:
        child.kill()
    assert child.returncode == 128 + signum, stderr
    assert [p.name for p in out.iterdir() if p.name.endswith(".part")] == []
    assert "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1, stderr
    assert stderr.startswith("Stopped by")


# -- the console --------------------------------------------------------------------------------
def test_an_ascii_console_never_turns_a_save_into_a_failure(tmp_path, built_db):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="ascii")
    out = tmp_path / "señal ✔.png"
    result = subprocess.run([sys.executable, "-m", "desktop", "export-chart", "map", "--out",
                             str(out), "--db", str(built_db)], cwd=ROOT, env=env,
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.is_file() and "Traceback" not in result.stderr
    result = subprocess.run([sys.executable, "-m", "desktop", "screen", "--state", "AZ",
                             "--db", str(built_db)], cwd=ROOT, env=env, capture_output=True,
                            text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0 and "Traceback" not in result.stderr


@pytest.mark.parametrize("argv", [
    ["--no-such-option"], ["export-chart"], ["export-chart", "pie", "--out", "x.png"],
    ["export-handout", "--page", "tabloid"], ["notes"], ["notes", "import"],
    ["notes", "frob", "x"], ["screen", "--age"],
])
def test_argparse_errors_are_one_line_at_every_level(argv, capsys):
    from desktop.__main__ import main

    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith("relief-atlas"), err


# -- typed text and data on labels --------------------------------------------------------------
def test_no_matches_shows_typed_markup_as_text(qtbot, window):
    from PySide6.QtCore import Qt

    typed = '<img src="/etc/passwd"> zzqqxx'
    window.search_field.setText(typed)
    qtbot.waitUntil(lambda: window.search_status.isVisible(), timeout=10_000)
    assert window.search_status.textFormat() == Qt.TextFormat.PlainText
    assert "<img" in window.search_status.text()


def test_a_data_path_that_looks_like_markup_is_shown_as_text(qtbot, tmp_path, built_db):
    import shutil

    from PySide6.QtCore import Qt
    from PySide6.QtGui import Qt as GuiQt
    from PySide6.QtGui import QTextDocument

    from desktop.app import build_main_window

    odd = tmp_path / "<b>clinic" / "relief.db"
    odd.parent.mkdir()
    shutil.copy(built_db, odd)
    win = build_main_window(odd)
    qtbot.addWidget(win)
    label = win.data_label
    shown = QTextDocument()  # what the label draws: rich text if Qt takes it for markup
    if label.textFormat() == Qt.TextFormat.PlainText or not GuiQt.mightBeRichText(label.text()):
        shown.setPlainText(label.text())
    else:
        shown.setHtml(label.text())
    assert str(odd.parent) in shown.toPlainText()


# -- sockets ------------------------------------------------------------------------------------
SESSION = r"""
import os, sys
from pathlib import Path
from desktop.app import create_application, build_main_window
app = create_application()
win = build_main_window(sys.argv[1])
win.show()
win.show_jurisdiction("AZ")
for word in ("expungement", "petition arizona", "zzqq"):
    win.repo.search(word)
win.show_charts("map")
app.processEvents()
from desktop.printing.handout import write_handouts
write_handouts([win.repo.jurisdiction("AZ"), win.repo.jurisdiction("NY")], win.repo.info,
               out_dir=Path(sys.argv[2]))
from desktop.charts.chart_data import load_details
from desktop.charts.export import export_loaded_chart
export_loaded_chart("timeline", Path(sys.argv[2]) / "t.svg",
                    lambda: (load_details(win.repo), win.repo.info))
win.close()
fds = Path("/proc/self/fd")
print(sum(os.readlink(fds / fd).startswith("socket:") for fd in os.listdir(fds)
          if (fds / fd).is_symlink()))
"""


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_a_session_without_printing_opens_no_socket(tmp_path, built_db):
    """Printing talks to CUPS (127.0.0.1:631); nothing else may open a socket (README)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DBUS")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run([sys.executable, "-c", SESSION, str(built_db), str(tmp_path)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "0"
