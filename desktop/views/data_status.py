"""The status bar's line about the data in use: its as-of date, how many places, and where it
comes from (the bundled data, a data package, or a file the person chose)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from desktop import strings
from desktop.data.data_in_use import ActiveData
from desktop.data.records import DataInfo
from desktop.domain import wording
from desktop.html_text import shown_as_typed


def origin_of(data: ActiveData) -> str:
    """Where the data comes from, as the status bar and About say it."""
    if data.origin == "package":
        return strings.DATA_ORIGIN_PACKAGE.format(version=data.data_version)
    if data.origin == "bundled":
        return strings.ORIGIN_BUNDLED
    return strings.ORIGIN_OTHER.format(path=data.path)


class DataStatus(QLabel):
    def __init__(self, info: DataInfo, count: int, data: ActiveData):
        super().__init__()
        self.setObjectName("dataStatus")
        self.setAccessibleName(strings.A11Y_DATA_STATUS)
        self.origin = origin_of(data)
        text = strings.STATUS_DATA.format(as_of=wording.date_text(info.data_as_of), count=count,
                                          origin=self.origin)
        # A path the person chose may look like markup: shown as typed (escaped rich text).
        self.setText(shown_as_typed(text))
