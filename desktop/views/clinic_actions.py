"""The window's side of the clinic's profile and the event tally (issue 17): File → Clinic
details… and File → Event tally…, the profile for the sheets, and the tally's counting.

Light on purpose (the window builds it at start-up): the dialogs are imported when opened.
The tally hears only place codes: the window's `jurisdictionShown`, the screener's `screened`
(once per place per person) and the sheets printed or saved; never an answer. It counts only
when the clinic has turned it on (UserStore.count_event checks).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from desktop import strings
from desktop.data.records import ClinicProfile
from desktop.errors import KnownError


def clinic_profile(store) -> ClinicProfile | None:
    """The clinic's profile for the sheets; None when there is none or it cannot be read (a
    sheet without the clinic's line is still worth printing)."""
    if store is None:
        return None
    try:
        return store.clinic()
    except KnownError:
        return None


class ClinicActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.clinic_action = QAction(strings.ACTION_CLINIC, window)
        self.clinic_action.setObjectName("clinicAction")
        self.clinic_action.triggered.connect(lambda: self.open_clinic())
        self.tally_action = QAction(strings.ACTION_TALLY, window)
        self.tally_action.setObjectName("tallyAction")
        self.tally_action.triggered.connect(lambda: self.open_tally())
        for action in self.actions():
            action.setEnabled(window.store is not None)
        window.jurisdictionShown.connect(lambda code: self.count([code], "pages"))
        self.count_failed = ""  # why the last count could not be written (shown once)

    def actions(self) -> list[QAction]:
        return [self.clinic_action, self.tally_action]

    def profile(self) -> ClinicProfile | None:
        return clinic_profile(self.window.store)

    def count(self, places: Iterable[str], kind: str) -> None:
        """One more of `kind` (pages, screenings, sheets) for each place, if the tally is on.
        A failed count never stops the volunteer: the status bar says so once."""
        store = self.window.store
        if store is None:
            return
        try:
            for place in places:
                store.count_event(place, kind)
        except KnownError as error:
            if not self.count_failed:
                self.window.statusBar().showMessage(error.one_line(), 10000)
            self.count_failed = error.one_line()

    def watch_screener(self, screener) -> None:
        screener.screened.connect(lambda code: self.count([code], "screenings"))

    def open_clinic(self, exec_: bool = True):
        from desktop.views.clinic_dialog import ClinicDialog

        dialog = ClinicDialog(self.window.store, self.window)
        if exec_:
            try:
                if dialog.exec() == ClinicDialog.DialogCode.Accepted:
                    self.window.statusBar().showMessage(
                        strings.CLINIC_SAVED if dialog.saved else strings.CLINIC_CLEARED, 10000)
            finally:
                dialog.deleteLater()
        return dialog

    def open_tally(self, exec_: bool = True):
        from desktop.views.clinic_dialog import TallyDialog

        names = {s.code: s.name for s in self.window.repo.jurisdictions()}
        dialog = TallyDialog(self.window.store, names, self.window)
        if exec_:
            try:
                dialog.exec()
            finally:
                dialog.deleteLater()
        return dialog
