"""The small chart of one place's counts under its page, on demand (closed until asked).

Importing this module does not import matplotlib: the canvas is made, and matplotlib
imported, the first time the chart is opened (`desktop.charts.canvas` holds the backend).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSizePolicy, QToolButton, QVBoxLayout, QWidget

from desktop import strings
from desktop.data.place_records import JurisdictionDetail

if TYPE_CHECKING:
    from desktop.charts.canvas import ChartCanvas

COUNTS_MIN_HEIGHT = 150                     # the small counts chart, when open


class JurisdictionCountsChart(QWidget):
    """The detail pane's small chart of one jurisdiction's counts by action and date, on
    demand: a compact "Show counts chart" toggle, closed until a person opens it (the counts
    are in the page's text already, and the page's "what to do" comes first).

    Hidden when the jurisdiction has no counts. matplotlib is imported, and a figure drawn,
    only while the chart is open. Opening or closing it holds for the rest of the session
    (every later page, and a window made again for another language), not across launches.
    Pointing at a marker shows that report in a tooltip."""

    toggled = Signal(bool)                   # the chart was opened (True) or closed
    opened_this_session = False              # the person's last choice, this process only

    def __init__(self, theme: Mapping[str, object] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("jurisdictionCounts")
        self._theme = dict(theme) if theme else None
        self._detail: JurisdictionDetail | None = None
        self.canvas: ChartCanvas | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self.toggle = QToolButton()
        self.toggle.setObjectName("countsChartToggle")
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.toggle.setChecked(JurisdictionCountsChart.opened_this_session)
        self.toggle.toggled.connect(self._toggled)
        self._layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        self._label_toggle()
        self.hide()

    def is_open(self) -> bool:
        return self.toggle.isChecked()

    def set_open(self, on: bool) -> None:
        self.toggle.setChecked(on)

    def set_detail(self, detail: JurisdictionDetail | None) -> None:
        self._detail = detail
        if detail is None or not detail.counts:
            self.hide()
            return
        self.show()
        self._label_toggle()
        if self.is_open():
            self._draw()

    def set_theme(self, theme: Mapping[str, object] | None) -> None:
        self._theme = dict(theme) if theme else None
        if self._detail is not None and self.canvas is not None and self.is_open():
            self._draw()

    def _toggled(self, on: bool) -> None:
        JurisdictionCountsChart.opened_this_session = on
        self._label_toggle()
        if on and self._detail is not None and self._detail.counts:
            self._draw()
        elif self.canvas is not None:
            self.canvas.setVisible(on)
        self._fit_height()
        self.toggled.emit(on)

    def _label_toggle(self) -> None:
        on = self.is_open()
        text = strings.COUNTS_CHART_HIDE if on else strings.COUNTS_CHART_SHOW
        self.toggle.setText(text)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.toggle.setAccessibleName(text)
        self.toggle.setAccessibleDescription(strings.A11Y_COUNTS_CHART_TOGGLE)
        self.toggle.setToolTip(strings.A11Y_COUNTS_CHART_TOGGLE)

    def _fit_height(self) -> None:
        """Closed: as tall as the toggle. Open: room for the chart under it."""
        policy = QSizePolicy.Policy
        shown = self.canvas is not None and self.is_open()
        self.setSizePolicy(policy.Preferred, policy.Preferred if shown else policy.Maximum)
        self.setMinimumHeight(self.toggle.sizeHint().height() + (COUNTS_MIN_HEIGHT if shown else 0))
        self.updateGeometry()

    def _draw(self) -> None:
        from desktop.charts.counts import jurisdiction_counts

        detail = self._detail
        if detail is None:
            return
        if self.canvas is None:
            from desktop.charts.canvas import ChartCanvas

            self.canvas = ChartCanvas(parent=self)
            self.canvas.setObjectName("countsCanvas")
            self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            self.canvas.itemHovered.connect(self._hovered)
            self._layout.addWidget(self.canvas, 1)
        from desktop.charts import chart_table

        self.canvas.setVisible(True)
        self.canvas.setAccessibleName(strings.CHART_COUNTS_TITLE.format(name=detail.name))
        self.canvas.setAccessibleDescription(chart_table.describe_counts(detail))
        jurisdiction_counts(detail, theme=self._theme, figure=self.canvas.figure)
        self.canvas.refresh_targets()
        self.canvas.draw_idle()
        self._fit_height()

    def _hovered(self, gid: str) -> None:
        from desktop.domain import wording

        if self.canvas is None:
            return
        count = next((c for c in (self._detail.counts if self._detail else ())
                      if f"count:{c.id}" == gid), None)
        if count is None:
            self.canvas.setToolTip("")
            return
        self.canvas.setToolTip(
            f"{wording.count_sentence(count)}, "
            f"{strings.AS_OF.format(date=wording.date_text(count.as_of))}")
