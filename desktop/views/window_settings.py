"""What the window remembers between launches (in settings.ini): its size and panes, the
page's text size, and (only if the clinic turned it on) the last place shown, so a new
person never sees the previous person's page by default."""

from __future__ import annotations

from PySide6.QtCore import QSettings


class WindowSettings:
    def __init__(self, settings: QSettings):
        self.settings = settings

    def restore(self, window) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            window.restoreGeometry(geometry)
        else:  # first start: fit the screen (clinic laptops are often 1366x768)
            screen = window.screen().availableGeometry()
            window.resize(min(1180, int(screen.width() * 0.92)),
                          min(780, int(screen.height() * 0.9)))
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            window.splitter.restoreState(splitter)
        zoom = self.settings.value("detail/zoom", 0)  # a str from settings.ini
        try:
            # int() of anything else raised TypeError: the default zoom, as before
            window.page.set_zoom(int(zoom) if isinstance(zoom, (str, int, float)) else 0)
        except (TypeError, ValueError):
            window.page.set_zoom(0)

    def save(self, window) -> None:
        self.settings.setValue("window/geometry", window.saveGeometry())
        self.settings.setValue("window/splitter", window.splitter.saveState())
        self.settings.setValue("detail/zoom", window.page.zoom_level())
        self.settings.setValue("last/jurisdiction", window.current_code() or "")
        self.settings.sync()

    def reopen_last(self) -> bool:
        """Whether the app opens at the last page shown: off unless the clinic turns it on."""
        return str(self.settings.value("privacy/reopen_last", "false")).lower() == "true"

    def set_reopen_last(self, on: bool) -> None:
        self.settings.setValue("privacy/reopen_last", "true" if on else "false")

    def last_jurisdiction(self) -> str | None:
        if not self.reopen_last():
            return None
        value = self.settings.value("last/jurisdiction")
        return str(value) if value else None
