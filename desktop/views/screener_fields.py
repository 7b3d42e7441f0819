"""The screener's fields: choice boxes that know the value behind each row, text fields, and
the note under a field that says what an answer means (or what is wrong with it), in the
palette's colours (readable in light and dark mode)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from desktop.views.palette import label_colors_of


def combo_box(name: str, items: list[str]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.addItems(items)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    return combo


class Choices:
    """Choice boxes by object name, with the value behind each row. Codes and values by row,
    not as item data (see compare_dialog: no None item data)."""

    def __init__(self) -> None:
        self._values: dict[str, list[str]] = {}

    def box(self, name: str, choices) -> QComboBox:
        """A choice box of (value, label) pairs."""
        combo = combo_box(name, [label for _value, label in choices])
        self._values[name] = [value for value, _label in choices]
        return combo

    def value(self, combo: QComboBox) -> str:
        """The value behind a choice box: '' for don't know."""
        values = self._values[combo.objectName()]
        row = combo.currentIndex()
        return values[row] if 0 <= row < len(values) else ""

    def yes_no(self, combo: QComboBox) -> bool | None:
        value = self.value(combo)
        return None if value == "" else value == "yes"


def line_edit(name: str, placeholder: str) -> QLineEdit:
    line = QLineEdit()
    line.setObjectName(name)
    line.setPlaceholderText(placeholder)
    line.setClearButtonEnabled(True)
    return line


def note_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # it quotes what was typed
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def check_note(label: QLabel, compute: Callable[[], str], form: QWidget) -> str:
    """Show what an answer means (or what is wrong with it) in `label` under its field, in
    colours that read on `form`'s background (not the label's own palette, which its style
    sheet has fixed); return the error message, or '' when the answer reads well."""
    colors = label_colors_of(form)
    try:
        note = compute() or ""
    except ValueError as exc:
        label.setText(str(exc))
        label.setStyleSheet(f"color: {colors.no};")
        label.setVisible(True)
        return str(exc)
    label.setText(note)
    label.setStyleSheet(f"color: {colors.muted};")
    label.setVisible(bool(note))
    return ""
