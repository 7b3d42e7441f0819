"""The Qt binding itself must not corrupt Python: a PySide6 release (6.12.0) lost a reference to
None on every call returning None, which aborts Python 3.11 after a few thousand calls."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QComboBox, QLabel


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12: "
                    "its reference count cannot show the fault (and cannot abort)")
def test_calls_returning_none_keep_none_alive(qtbot):
    label, combo = QLabel("x"), QComboBox()
    qtbot.addWidget(label)
    qtbot.addWidget(combo)
    combo.addItem("a")
    before = sys.getrefcount(None)
    for _ in range(500):
        label.clear()
        combo.currentData()
    assert sys.getrefcount(None) >= before - 10
