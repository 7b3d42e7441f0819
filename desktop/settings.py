"""Settings kept between runs (window geometry, zoom, last jurisdiction), in an INI file
beside the user data: the platform's app-data folder, or next to the executable in
portable mode. Never the answers of a screening."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings


def open_settings(user_dir: Path) -> QSettings:
    return QSettings(str(user_dir / "settings.ini"), QSettings.Format.IniFormat)
