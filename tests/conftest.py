"""Shared fixtures. Qt runs offscreen; user data and settings go to a temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "resources" / "data"


@pytest.fixture(scope="session", autouse=True)
def _bundled_database_is_current():
    """Tests of "the bundled data" (packages, `data diff`, the window without --db) read
    db/relief.db, which a fresh clone does not have: build it from resources/data, as the
    launch command does, when it is missing or older than any data file."""
    from db.build import build

    bundled = ROOT / "db" / "relief.db"
    newest = max(path.stat().st_mtime for path in DATA_DIR.rglob("*") if path.is_file())
    if not bundled.exists() or bundled.stat().st_mtime < newest:
        build(DATA_DIR, bundled)  # written beside it and renamed into place


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path, monkeypatch):
    """Nothing a test does touches the real user's data or settings."""
    home = tmp_path / "home"
    monkeypatch.setenv("RELIEF_ATLAS_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "share"))
    monkeypatch.setenv("MPLCONFIGDIR", str(home / "mpl"))
    # English unless a test asks for another language (the machine's locale must not decide).
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture(autouse=True)
def _english_after_each_test():
    yield
    from desktop import i18n

    if i18n.current() != i18n.DEFAULT:
        i18n.activate(i18n.DEFAULT)


@pytest.fixture(scope="session")
def built_db(tmp_path_factory) -> Path:
    """The real dataset, built once per test session into a temporary file."""
    from db.build import build

    out = tmp_path_factory.mktemp("db") / "relief.db"
    build(DATA_DIR, out)
    return out


@pytest.fixture(scope="session")
def repo(built_db):
    from desktop.data.repository import Repository

    repository = Repository.open(built_db)
    yield repository
    repository.close()


@pytest.fixture
def window(qtbot, built_db):
    from desktop.app import build_main_window

    win = build_main_window(built_db)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.ready, timeout=10_000):  # painted, and the rest set up
        win.show()
    return win


def run_app(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """Run `python -m desktop ARGS` in a child process, offscreen."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)
