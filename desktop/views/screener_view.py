"""The screener: a few questions about one person's record, and what may help.

The answers live only in these widgets. Nothing here opens a file, touches the settings,
logs, or records a history; "New person" (`new_person()`) empties every field, the undo history of
the text fields and the result. The result is HTML (`result_html()`) that the window can
print or save as PDF.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTabBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__, i18n, strings
from desktop.data.place_records import JurisdictionDetail
from desktop.data.records import JurisdictionSummary
from desktop.domain import screener
from desktop.pages import screening
from desktop.views.palette import page_colors_of
from desktop.views.screener_fields import Choices, check_note, combo_box, line_edit, note_label

FEDERAL = "US"


class LoadDetail(Protocol):
    """A place's page by code, in `lang` (default: the data's): Repository.jurisdiction."""

    def __call__(self, code: str, lang: str | None = None, /) -> JurisdictionDetail | None: ...


def _answered(situation: screener.Situation) -> bool:
    """True when anything besides the place was answered (not "don't know")."""
    return any(getattr(situation, f.name) is not None for f in dataclasses.fields(situation)
               if f.name != "jurisdiction")


class ScreenerView(QWidget):
    """Questions on the left, the verdicts on the right, updated as each answer changes."""

    resultChanged = Signal()
    # A place was screened for this person: verdicts shown for it with at least one answer
    # besides the place (so neither the place a new screener starts on nor those passed while
    # typing a name count), once per place until New person. The event tally counts it. Only
    # the place's code: never an answer.
    screened = Signal(str)

    def __init__(self, summaries: list[JurisdictionSummary],
                 load_detail: LoadDetail, parent=None):
        super().__init__(parent)
        self.setObjectName("screener")
        self._load_detail = load_detail
        self._details: dict[str, JurisdictionDetail | None] = {}  # reference data only
        # Codes and values by row, not as item data (see compare_dialog: no None item data).
        self._codes = [s.code for s in summaries]
        self._html = ""
        self._rendered_places: list[str] = []  # places with verdicts on screen now
        self._screened: set[str] = set()       # places already reported by `screened`
        self._choices = Choices()

        self.place = combo_box("screenerPlace", [s.name for s in summaries])
        self.place.setPlaceholderText(strings.SCREEN_PLACE_PLACEHOLDER)
        self.place.setCurrentIndex(-1)  # no place yet: addItems chose the first
        self.place.setMaxVisibleItems(20)
        self.offense = self._choices.box("screenerOffense", strings.SCREEN_OFFENSE_CHOICES)
        self.amount = line_edit("screenerAmount", strings.SCREEN_AMOUNT_PLACEHOLDER)
        self.unit = self._choices.box("screenerUnit", strings.SCREEN_UNITS)
        self.unit.setAccessibleName(strings.SCREEN_AMOUNT_UNIT_NAME)
        self.unit.setToolTip(strings.SCREEN_UNIT_TIP)
        self.unit.setMinimumContentsLength(3)
        self.amount_note = note_label("screenerAmountNote")
        self.level = self._choices.box("screenerLevel", strings.SCREEN_LEVEL_CHOICES)
        self.year = line_edit("screenerYear", strings.SCREEN_YEAR_PLACEHOLDER)
        self.year_note = note_label("screenerYearNote")
        self.year_of = self._choices.box("screenerYearOf", strings.SCREEN_YEAR_OF_CHOICES)
        self.record = self._choices.box("screenerRecord", strings.SCREEN_RECORD_CHOICES)
        self.completed = self._choices.box("screenerCompleted", strings.SCREEN_COMPLETED_CHOICES)
        self.age = QSpinBox()
        self.age.setObjectName("screenerAge")
        self.age.setRange(0, 120)
        self.age.setSpecialValueText(strings.SCREEN_DONT_KNOW.capitalize())  # 0 = don't know
        self.only_conviction = self._choices.box("screenerOnlyConviction",
                                             strings.SCREEN_ONLY_CONVICTION_CHOICES)
        self.other_charges = self._choices.box("screenerOtherCharges",
                                           strings.SCREEN_OTHER_CHARGES_CHOICES)
        self.new_person_button = QPushButton(strings.SCREEN_NEW_PERSON)
        self.new_person_button.setObjectName("newPerson")
        self.new_person_button.setToolTip(strings.SCREEN_NEW_PERSON_TIP)
        self.new_person_button.setAutoDefault(False)
        self.new_person_button.clicked.connect(self.new_person)
        # Several convictions, one person: each is a tab; the form edits the one in front.
        self._cases: list[dict] = [self._blank_state()]
        self._case = 0
        self.case_tabs = QTabBar()
        self.case_tabs.setObjectName("convictionTabs")
        self.case_tabs.setAccessibleName(strings.A11Y_CASE_TABS)
        self.case_tabs.addTab(strings.SCREEN_CASE_TAB.format(n=1))
        self.case_tabs.setVisible(False)  # shown once there is a second conviction
        self.case_tabs.currentChanged.connect(self._switch_case)
        self.add_case_button = QPushButton(strings.SCREEN_ADD_CASE)
        self.add_case_button.setObjectName("addConviction")
        self.add_case_button.setToolTip(strings.SCREEN_ADD_CASE_TIP)
        self.add_case_button.setAutoDefault(False)
        self.add_case_button.clicked.connect(self.add_case)
        self.remove_case_button = QPushButton(strings.SCREEN_REMOVE_CASE)
        self.remove_case_button.setObjectName("removeConviction")
        self.remove_case_button.setAutoDefault(False)
        self.remove_case_button.setVisible(False)
        self.remove_case_button.clicked.connect(self.remove_case)

        intro = QLabel(strings.SCREEN_INTRO)
        intro.setWordWrap(True)
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount, 1)
        amount_row.addWidget(self.unit)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._row(strings.SCREEN_Q_PLACE, self.place)
        self._row(strings.SCREEN_Q_OFFENSE, self.offense)
        self._row(strings.SCREEN_Q_AMOUNT, amount_row, buddy=self.amount)
        self.form.addRow("", self.amount_note)
        self._row(strings.SCREEN_Q_LEVEL, self.level)
        self._row(strings.SCREEN_Q_YEAR, self.year)
        self.form.addRow("", self.year_note)
        self._row(strings.SCREEN_Q_YEAR_OF, self.year_of)
        # The further questions are asked only where a path's rules need them
        # (screener.relevant_questions).
        record_row = self._row(strings.SCREEN_Q_RECORD, self.record)
        self._row(strings.SCREEN_Q_COMPLETED, self.completed)
        self.extra = {
            "record": record_row,
            "age": self._row(strings.SCREEN_Q_AGE, self.age),
            "only_conviction": self._row(strings.SCREEN_Q_ONLY_CONVICTION, self.only_conviction),
            "other_charges": self._row(strings.SCREEN_Q_OTHER_CHARGES, self.other_charges),
        }

        questions = QWidget()
        questions.setObjectName("screenerQuestions")
        column = QVBoxLayout(questions)
        column.addWidget(intro)
        column.addWidget(self.case_tabs)
        column.addLayout(self.form)
        column.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_person_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_case_button)
        buttons.addWidget(self.add_case_button)
        column.addLayout(buttons)
        scroll = QScrollArea()
        scroll.setObjectName("screenerQuestions")
        scroll.setAccessibleName(strings.A11Y_SCREENER_QUESTIONS)
        scroll.setWidget(questions)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(380)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.result = QTextBrowser()
        self.result.setObjectName("screenerResult")
        self.result.setAccessibleName(strings.A11Y_SCREENER_RESULT)
        self.result.setAccessibleDescription(strings.A11Y_SCREENER_RESULT_DESC)
        self.result.setOpenLinks(False)  # nothing to navigate to; and no history to keep
        self.result.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("screenerSplitter")
        self.splitter = splitter
        self._questions = scroll
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(scroll)
        splitter.addWidget(self.result)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([440, 840])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        for combo in (self.place, self.offense, self.unit, self.level, self.year_of,
                      self.record, self.completed, self.only_conviction, self.other_charges):
            combo.currentIndexChanged.connect(self._refresh)
        for line in (self.amount, self.year):
            line.textChanged.connect(self._refresh)
        self.age.valueChanged.connect(self._refresh)
        self._refresh()

    def changeEvent(self, event) -> None:
        """The result follows the palette (light or dark)."""
        super().changeEvent(event)
        from PySide6.QtCore import QEvent, QTimer

        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            QTimer.singleShot(0, self._refresh)

    # Below this width (in device-independent pixels: a 1366-pixel screen at 200% is 683), the
    # questions stack above the result instead of squeezing it into a narrow column.
    STACK_BELOW = 820

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        stacked = self.width() < self.STACK_BELOW
        wanted = Qt.Orientation.Vertical if stacked else Qt.Orientation.Horizontal
        if self.splitter.orientation() != wanted:
            self.splitter.setOrientation(wanted)
            self._questions.setMinimumWidth(0 if stacked else 380)
            total = self.height() if stacked else self.width()
            self.splitter.setSizes([total * 2 // 5, total * 3 // 5] if stacked
                                   else [440, max(300, total - 440)])

    # -- building ------------------------------------------------------------------------------
    def _row(self, text: str, field, buddy: QWidget | None = None) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy or field)
        label.setWordWrap(True)
        self.form.addRow(label, field)
        if isinstance(field, QWidget):
            field.setAccessibleName(text.replace("&", ""))
        return label

    # -- answers -------------------------------------------------------------------------------
    def current_code(self) -> str | None:
        row = self.place.currentIndex()
        return self._codes[row] if 0 <= row < len(self._codes) else None

    def choose_place(self, code: str) -> bool:
        """Select a place by code (the window may start the screener on the page shown)."""
        if code not in self._codes:
            return False
        self.place.setCurrentIndex(self._codes.index(code))
        return True

    def _amount_text(self) -> str:
        text = self.amount.text().strip()
        if text and not any(ch.isalpha() for ch in text):
            text = f"{text} {self._choices.value(self.unit)}"
        return text

    def situation(self) -> screener.Situation | None:
        """The answers as a Situation; None before a place is chosen. Raises ValueError with
        a plain message for an amount or a year the screener cannot read."""
        code = self.current_code()
        if code is None:
            return None
        amount_text = self._amount_text()
        grams = screener.parse_amount(amount_text)
        year, date = screener.parse_when(self.year.text())
        return screener.Situation(
            jurisdiction=code,
            offense=self._choices.value(self.offense) or None,
            amount_grams=grams, amount_said=amount_text if grams is not None else None,
            level=self._choices.value(self.level) or None,
            year=year, date=date,
            year_of=self._choices.value(self.year_of) or None,
            record=self._choices.value(self.record) or None,
            completed=self._choices.yes_no(self.completed),
            age=self.age.value() or None,
            only_conviction=self._choices.yes_no(self.only_conviction),
            other_charges=self._choices.yes_no(self.other_charges),
        )

    # -- several convictions ----------------------------------------------------------------
    _COMBOS = ("place", "offense", "unit", "level", "year_of", "record", "completed",
               "only_conviction", "other_charges")
    _LINES = ("amount", "year")

    def _form_state(self) -> dict:
        state: dict = {name: getattr(self, name).currentIndex() for name in self._COMBOS}
        state.update({name: getattr(self, name).text() for name in self._LINES})
        state["age"] = self.age.value()
        return state

    @classmethod
    def _blank_state(cls) -> dict:
        state: dict = {name: 0 for name in cls._COMBOS}
        state.update(place=-1, amount="", year="", age=0)
        return state

    def _set_form_state(self, state: dict) -> None:
        widgets = [getattr(self, n) for n in (*self._COMBOS, *self._LINES)] + [self.age]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            for name in self._COMBOS:
                getattr(self, name).setCurrentIndex(state[name])
            for name in self._LINES:
                getattr(self, name).setText(state[name])  # also empties the undo history
            self.age.setValue(state["age"])
        finally:
            for widget in widgets:
                widget.blockSignals(False)

    def case_count(self) -> int:
        return len(self._cases)

    def add_case(self) -> None:
        """Another old case of the same person: a new, empty conviction in front."""
        self._cases[self._case] = self._form_state()
        self._cases.append(self._blank_state())
        self.case_tabs.addTab(strings.SCREEN_CASE_TAB.format(n=len(self._cases)))
        self._show_case_controls()
        self.case_tabs.setCurrentIndex(len(self._cases) - 1)
        self.place.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_case(self) -> None:
        if len(self._cases) <= 1:
            return
        gone = self._case
        del self._cases[gone]
        self._case = -1  # nothing to save from the removed one
        self.case_tabs.blockSignals(True)
        self.case_tabs.removeTab(gone)
        for index in range(self.case_tabs.count()):
            self.case_tabs.setTabText(index, strings.SCREEN_CASE_TAB.format(n=index + 1))
        self.case_tabs.blockSignals(False)
        self._switch_case(min(gone, len(self._cases) - 1))
        self._show_case_controls()

    def _switch_case(self, index: int) -> None:
        if 0 <= self._case < len(self._cases):
            self._cases[self._case] = self._form_state()
        self._case = index
        self.case_tabs.blockSignals(True)
        self.case_tabs.setCurrentIndex(index)
        self.case_tabs.blockSignals(False)
        self._set_form_state(self._cases[index])
        self._refresh()

    def _show_case_controls(self) -> None:
        many = len(self._cases) > 1
        self.case_tabs.setVisible(many)
        self.remove_case_button.setVisible(many)

    def _all_situations(self) -> list[tuple[screener.Situation | None, str]]:
        """(situation, error) of every conviction, in tab order; the form is left as it was."""
        current = self._form_state()
        self._cases[self._case] = current
        found = []
        try:
            for state in self._cases:
                self._set_form_state(state)
                try:
                    found.append((self.situation(), ""))
                except ValueError as error:
                    found.append((None, str(error)))
        finally:
            self._set_form_state(current)
        return found

    def _cases_to_render(self, detail_of, for_sheet: bool = False) -> list[screening.Case]:
        cases = []
        for situation, _error in self._all_situations():
            if situation is None:
                continue
            detail = detail_of(situation.jurisdiction)
            if detail is None:
                continue
            federal = detail_of(FEDERAL)
            cases.append(screening.Case(
                situation, detail, screener.screen(situation, detail, federal),
                screener.screening_notes(situation, detail, federal, for_sheet=for_sheet)))
        return cases

    def _detail(self, code: str) -> JurisdictionDetail | None:
        if code not in self._details:
            self._details[code] = self._load_detail(code)
        return self._details[code]

    # -- the result ----------------------------------------------------------------------------
    def _refresh(self, *_args) -> None:
        code = self.current_code()
        detail = self._detail(code) if code else None
        needed = screener.relevant_questions(detail)
        for key, label in self.extra.items():
            self.form.setRowVisible(label, key in needed)
        self._rendered_places = []
        self._set_html(self._render(self._detail))
        for place in self._rendered_places:
            if place not in self._screened:
                self._screened.add(place)
                self.screened.emit(place)

    def _render(self, detail_of: Callable[[str], JurisdictionDetail | None]) -> str:
        """The result page for the answers on screen, with places read through `detail_of`."""
        code = self.current_code()
        detail = detail_of(code) if code else None
        amount_error = check_note(self.amount_note, self._amount_note, self)
        year_error = check_note(self.year_note, self._year_note, self)
        if detail is None:
            return screening.render_empty(colors=page_colors_of(self.result))
        if amount_error or year_error:
            return screening.render_empty(
                strings.SCREEN_FIX.format(message=amount_error or year_error),
                colors=page_colors_of(self.result))
        if len(self._cases) == 1:
            situation = self.situation()
            if situation is None:  # only without a place, and there is one (detail above)
                return screening.render_empty(colors=page_colors_of(self.result))
            federal = detail_of(FEDERAL)
            results = screener.screen(situation, detail, federal)
            notes = screener.screening_notes(situation, detail, federal)
            self._rendered_places = [detail.code] if _answered(situation) else []
            return screening.render_screening(situation, detail, results, notes,
                                              colors=page_colors_of(self.result))
        cases = self._cases_to_render(detail_of)
        self._rendered_places = list(dict.fromkeys(c.detail.code for c in cases
                                                   if _answered(c.situation)))
        return screening.render_cases(cases, colors=page_colors_of(self.result))

    def _amount_note(self) -> str:
        grams = screener.parse_amount(self._amount_text())
        if grams is None:
            return ""
        return strings.SCREEN_AMOUNT_IS.format(grams=screener.grams_text(grams))

    def _year_note(self) -> str:
        screener.parse_when(self.year.text())
        return ""

    def _set_html(self, html: str) -> None:
        if html == self._html:
            return
        self._html = html
        bar = self.result.verticalScrollBar()
        position = bar.value()
        self.result.setHtml(html)
        bar.setValue(min(position, bar.maximum()))
        self.resultChanged.emit()

    def result_html(self) -> str:
        """The result as shown on screen (answers used, verdicts, disclaimer)."""
        return self._html

    def sheet_html(self, info, lang: str | None = None, *, clinic=None) -> str:
        """The screening sheet to print or save (desktop/pages/screening.render_sheet), in
        `lang` (default: the window's), with the clinic's contact (a ClinicProfile) if given."""
        lang = lang or i18n.current()
        code = self.current_code()
        if code is None:
            return ""
        with i18n.speaking(lang):
            cases = self._cases_to_render(lambda c: self._load_detail(c, lang), for_sheet=True)
            return (screening.render_case_sheet(cases, info, __version__, clinic=clinic)
                    if cases else "")

    def sheet_places(self) -> list[str]:
        """The places of the convictions a sheet would cover (for the event tally: codes
        only, never an answer)."""
        return list(dict.fromkeys(s.jurisdiction for s, _ in self._all_situations()
                                  if s is not None and self._detail(s.jurisdiction) is not None))

    def has_result(self) -> bool:
        return self.current_code() is not None

    # -- a new person --------------------------------------------------------------------------
    def new_person(self) -> None:
        """Forget every answer of every conviction: one empty conviction, each field back to
        "don't know", the result emptied."""
        self._cases = [self._blank_state()]
        self._case = 0
        self._screened.clear()  # the next person's screenings are counted anew
        self.case_tabs.blockSignals(True)
        while self.case_tabs.count() > 1:
            self.case_tabs.removeTab(self.case_tabs.count() - 1)
        self.case_tabs.blockSignals(False)
        self._show_case_controls()
        self._set_form_state(self._blank_state())  # setText also empties the undo history
        self._refresh()
        self.result.verticalScrollBar().setValue(0)
        self.place.setFocus(Qt.FocusReason.OtherFocusReason)
