from PySide6.QtCore import Qt

from desktop.models import roles


def test_role_ints_match_qt():
    assert roles.DISPLAY == Qt.ItemDataRole.DisplayRole
    assert roles.TOOLTIP == Qt.ItemDataRole.ToolTipRole
    assert roles.USER == Qt.ItemDataRole.UserRole
