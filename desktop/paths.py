"""The one helper for file locations: bundled resources, the bundled database, user data.

Frozen (PyInstaller) builds find bundled files under `sys._MEIPASS`; a checkout finds them
at the repository root. User data goes to the platform's app-data folder, or next to the
executable in portable mode (`--portable`, or a file named `portable` beside it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop import APP_ID


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def resource_root() -> Path:
    """Folder holding `db/`, `resources/` (repository root, or the frozen bundle)."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


def bundled_database() -> Path:
    return resource_root() / "db" / "relief.db"


def executable_dir() -> Path:
    if is_frozen():
        return Path(sys.executable).resolve().parent
    return resource_root()


def portable_marker_present() -> bool:
    return (executable_dir() / "portable").is_file()


def user_data_dir(portable: bool = False) -> Path:
    """Where bookmarks, local notes and imported data live (not created here)."""
    if portable or portable_marker_present():
        return executable_dir() / "user-data"
    override = os.environ.get("RELIEF_ATLAS_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform.startswith("win"):
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
        return base / "Relief Atlas"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Relief Atlas"
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_ID


def configure_matplotlib(portable: bool = False) -> None:
    """Give matplotlib a persistent config and font-cache folder when frozen.

    PyInstaller's run-time hook points MPLCONFIGDIR at a temporary folder deleted at exit, so
    the font cache would be rebuilt on every start. Call before matplotlib is imported.
    """
    if not is_frozen():
        return  # a checkout uses matplotlib's own persistent default
    folder = user_data_dir(portable) / "matplotlib"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return  # keep the temporary folder: slower, but charts still work
    os.environ["MPLCONFIGDIR"] = str(folder)
    seed_font_list(folder)


def seed_font_list(folder: Path) -> None:
    """Put the font list made at package time (`mpl-cache/` in the bundle) into matplotlib's
    cache folder unless one is there: a fresh laptop's first chart then costs what the
    second one does, instead of matplotlib scanning every system font first."""
    for shipped in (resource_root() / "mpl-cache").glob("fontlist-v*.json"):
        target = folder / shipped.name
        if target.exists():
            continue
        try:
            target.write_bytes(shipped.read_bytes())
        except OSError:
            pass  # matplotlib builds its own list, as before
