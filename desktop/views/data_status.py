"""The status bar's line about the data in use: its as-of date, how many places, and where it
comes from (the bundled data, a data package, or a file the person chose)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from desktop import strings
from desktop.data.records import DataInfo
from desktop.domain import wording
from desktop.html_text import shown_as_typed


class DataStatus(QLabel):
    def __init__(self, info: DataInfo, count: int, bundled: bool):
        super().__init__()
        self.setObjectName("dataStatus")
        self.setAccessibleName(strings.A11Y_DATA_STATUS)
        self.info, self.count, self.bundled = info, count, bundled
        self.show_origin(self.default_origin())

    def default_origin(self) -> str:
        """Where the data comes from, as the status bar and About say it (File → Update
        data… says more about a data package: desktop/views/data_update.py)."""
        return (strings.ORIGIN_BUNDLED if self.bundled
                else strings.ORIGIN_OTHER.format(path=self.info.path))

    def show_origin(self, origin: str) -> None:
        text = strings.STATUS_DATA.format(as_of=wording.date_text(self.info.data_as_of),
                                          count=self.count, origin=origin)
        # A path the person chose may look like markup: shown as typed (escaped rich text).
        self.setText(shown_as_typed(text))
