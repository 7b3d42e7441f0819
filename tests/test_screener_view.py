"""The screener as a volunteer uses it: questions, the result, "New person", and privacy."""

from __future__ import annotations

import ast
import hashlib
import logging
import os
import re
from html import unescape
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTextBrowser,
)

from desktop import strings
from desktop.views.screener_view import ScreenerView

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def view(qtbot, repo) -> ScreenerView:
    widget = ScreenerView(repo.jurisdictions(), repo.jurisdiction)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def child(view, cls, name):
    found = view.findChild(cls, name)
    assert found is not None, name
    return found


def combo(view, name) -> QComboBox:
    return child(view, QComboBox, name)


def line(view, name) -> QLineEdit:
    return child(view, QLineEdit, name)


def result_text(view) -> str:
    html = re.sub(r"<style>.*?</style>", " ", view.result_html(), flags=re.DOTALL)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def shown_text(view) -> str:
    return " ".join(child(view, QTextBrowser, "screenerResult").toPlainText().split())


def choose(qtbot, view, name: str, typed: str) -> str:
    """Pick from a box as a keyboard user does: focus it and type the start of the choice."""
    box = combo(view, name)
    box.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(box.hasFocus)
    box.view().keyboardSearch("")  # a new search, as after the pause between two questions
    qtbot.keyClicks(box, typed)
    assert not box.view().isVisible()
    return box.currentText()


def type_into(qtbot, view, name: str, text: str) -> None:
    field = line(view, name)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, text)


def screen_arizona(qtbot, view, amount="1", year="2016") -> None:
    with qtbot.waitSignal(view.resultChanged):
        assert choose(qtbot, view, "screenerPlace", "Arizona") == "Arizona"
    assert choose(qtbot, view, "screenerOffense", "Pos") == "Possession"
    type_into(qtbot, view, "screenerAmount", amount)
    assert choose(qtbot, view, "screenerLevel", "Mis") == "Misdemeanor"
    type_into(qtbot, view, "screenerYear", year)


def test_widgets_have_their_object_names(view):
    assert view.objectName() == "screener"
    for name in ("screenerPlace", "screenerOffense", "screenerUnit", "screenerLevel",
                 "screenerYearOf", "screenerRecord", "screenerCompleted",
                 "screenerOnlyConviction", "screenerOtherCharges"):
        combo(view, name)
    line(view, "screenerAmount")
    line(view, "screenerYear")
    child(view, QSpinBox, "screenerAge")
    assert child(view, QPushButton, "newPerson").text() == strings.SCREEN_NEW_PERSON
    child(view, QTextBrowser, "screenerResult")


def test_before_a_place_the_result_says_what_to_do(view):
    assert combo(view, "screenerPlace").currentIndex() == -1
    assert result_text(view) == strings.SCREEN_EMPTY
    assert not view.has_result()


def test_a_likely_result_with_reason_next_step_source_and_disclaimer(qtbot, view):
    screen_arizona(qtbot, view)
    text = result_text(view)
    assert "What may help: Arizona" in text
    assert "1 path likely applies" in text
    assert "Expungement under Proposition 207" in text
    assert "✔ Likely applies" in text
    assert "1 oz (28.35 g) is within the limit" in text
    assert "Next step: Where to file The court where the case ended" in text
    assert "Fee No filing fee" in text
    assert "[S17]" in text and "no date shown" in text
    assert strings.DISCLAIMER in text and strings.SCREEN_LEGAL_AID in text
    # The disclaimer comes before the first verdict, so no printout has one without it.
    assert text.index(strings.DISCLAIMER) < text.index("Likely applies")
    assert strings.DISCLAIMER in shown_text(view)
    assert child(view, QLabel, "screenerAmountNote").text() == "= 28.35 g"


def test_amount_over_the_limit_does_not_apply(qtbot, view):
    screen_arizona(qtbot, view, amount="2.5")
    assert "Likely applies" in result_text(view)
    type_into(qtbot, view, "screenerAmount", "1")           # 2.51 oz
    text = result_text(view)
    assert "✘ Does not apply" in text and "is more than that" in text


def test_the_unit_box_and_a_typed_unit(qtbot, view):
    screen_arizona(qtbot, view, amount="70")
    assert "Does not apply" in result_text(view)            # 70 is read as ounces ...
    assert choose(qtbot, view, "screenerUnit", "g") == "g"  # ... until the unit says grams
    assert "Likely applies" in result_text(view)            # 70 g < 2.5 oz = 70.87 g
    amount = line(view, "screenerAmount")
    amount.setText("")
    type_into(qtbot, view, "screenerAmount", "0.5 lb")  # a unit typed wins over the box
    assert child(view, QLabel, "screenerAmountNote").text() == "= 226.8 g"


def test_unknown_answers_give_may_with_what_to_check(qtbot, view):
    choose(qtbot, view, "screenerPlace", "Arizona")
    text = result_text(view)
    assert "? May apply — check first" in text
    assert ("Check the offense: it covers possession, cultivation (growing) and "
            "paraphernalia.") in text
    assert "Check the amount" in text and "Check the date of the offense" in text


def test_a_bad_amount_or_year_is_explained_in_place(qtbot, view):
    screen_arizona(qtbot, view, amount="1", year="20x6")
    note = child(view, QLabel, "screenerYearNote")
    assert note.isVisible() and "is not a year or a date" in note.text()
    assert result_text(view).startswith("Fix this answer to see the result")
    line(view, "screenerYear").setText("2016")
    assert not note.isVisible()
    assert "Likely applies" in result_text(view)


def test_further_questions_appear_only_where_the_rules_need_them(qtbot, view):
    age, record = child(view, QSpinBox, "screenerAge"), combo(view, "screenerRecord")
    only, other = combo(view, "screenerOnlyConviction"), combo(view, "screenerOtherCharges")
    assert choose(qtbot, view, "screenerPlace", "Arizona") == "Arizona"
    assert not any(w.isVisible() for w in (age, record, only, other))
    assert choose(qtbot, view, "screenerPlace", "Washington") == "Washington"
    assert age.isVisible() and record.isVisible() and only.isVisible()
    assert not other.isVisible()
    view.choose_place("MD")
    assert other.isVisible() and record.isVisible() and not age.isVisible()


def test_washington_pardon_becomes_likely_as_answers_come_in(qtbot, view):
    assert choose(qtbot, view, "screenerPlace", "Washington") == "Washington"
    choose(qtbot, view, "screenerOffense", "Pos")
    type_into(qtbot, view, "screenerAmount", "30")
    choose(qtbot, view, "screenerUnit", "g")
    choose(qtbot, view, "screenerLevel", "Mis")
    type_into(qtbot, view, "screenerYear", "2005")
    assert "2 paths may apply" in result_text(view)
    assert choose(qtbot, view, "screenerYearOf", "C") == "Conviction"
    assert choose(qtbot, view, "screenerRecord", "C") == "Conviction"
    age = child(view, QSpinBox, "screenerAge")
    age.setFocus(Qt.FocusReason.TabFocusReason)  # tabbing in selects "Don't know"
    qtbot.waitUntil(age.hasFocus)
    qtbot.keyClicks(age, "25")
    assert age.value() == 25
    choose(qtbot, view, "screenerOnlyConviction", "Y")
    assert "2 paths likely apply" in result_text(view)


def test_a_place_with_no_relief_says_so_and_points_to_legal_aid(qtbot, view):
    choose(qtbot, view, "screenerPlace", "Alabama")
    text = result_text(view)
    assert strings.fmt(strings.SCREEN_NO_PATHS, place="Alabama") in text
    assert strings.DISCLAIMER in text and "Likely" not in text


def test_federal_case(qtbot, view):
    assert view.choose_place("US")
    choose(qtbot, view, "screenerOffense", "Pos")
    type_into(qtbot, view, "screenerYear", "2020")
    text = result_text(view)
    assert "Presidential pardon for simple possession (Proclamation 10467)" in text
    assert "2 paths likely apply" in text


def test_new_person_clears_every_field_and_the_result(qtbot, view):
    screen_arizona(qtbot, view)
    view.choose_place("WA")
    child(view, QSpinBox, "screenerAge").setValue(30)
    for name in ("screenerYearOf", "screenerRecord", "screenerCompleted",
                 "screenerOnlyConviction", "screenerUnit"):
        combo(view, name).setCurrentIndex(2)
    with qtbot.waitSignal(view.resultChanged):
        qtbot.mouseClick(child(view, QPushButton, "newPerson"), Qt.MouseButton.LeftButton)
    assert combo(view, "screenerPlace").currentIndex() == -1
    for name in ("screenerOffense", "screenerUnit", "screenerLevel", "screenerYearOf",
                 "screenerRecord", "screenerCompleted", "screenerOnlyConviction",
                 "screenerOtherCharges"):
        assert combo(view, name).currentIndex() == 0, name
    assert child(view, QSpinBox, "screenerAge").value() == 0
    for name in ("screenerAmount", "screenerYear"):
        field = line(view, name)
        assert field.text() == ""
        field.undo()                                   # the last person's text is not kept
        assert field.text() == "" and not field.isUndoAvailable(), name
    assert not child(view, QLabel, "screenerAmountNote").isVisible()
    assert result_text(view) == strings.SCREEN_EMPTY
    assert "Arizona" not in view.result_html() and "Washington" not in shown_text(view)
    assert view.situation() is None
    assert combo(view, "screenerPlace").hasFocus()


def test_new_person_by_method(qtbot, view):
    screen_arizona(qtbot, view)
    view.new_person()
    assert result_text(view) == strings.SCREEN_EMPTY and view.situation() is None


# -- privacy: the screener writes nothing -------------------------------------------------------
def snapshot(folder: Path) -> dict[str, str]:
    """Every path under `folder` (folders too) with the SHA-256 of each file's bytes."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames:
            found[os.path.relpath(os.path.join(dirpath, name), folder) + "/"] = "dir"
        for name in filenames:
            path = os.path.join(dirpath, name)
            digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
            found[os.path.relpath(path, folder)] = digest
    return found


def test_screening_writes_nothing_to_user_data_or_settings(qtbot, repo, tmp_path, caplog):
    from desktop import paths
    from desktop.data.user_store import UserStore, default_path
    from desktop.settings import open_settings

    # The folders as a real laptop has them: clinic notes and settings already saved.
    data_dir = paths.user_data_dir()
    assert str(data_dir).startswith(str(tmp_path))        # conftest: a folder per test
    store = UserStore.open(default_path())
    store.close()
    settings = open_settings(data_dir)
    settings.setValue("window/zoom", 2)
    settings.sync()
    del settings
    config = Path(os.environ["XDG_CONFIG_HOME"])
    config.mkdir(parents=True, exist_ok=True)
    home = tmp_path / "home"
    before = snapshot(home)
    assert any(name.endswith("settings.ini") for name in before)
    assert len([k for k, v in before.items() if v != "dir"]) >= 2

    caplog.set_level(logging.DEBUG)
    view = ScreenerView(repo.jurisdictions(), repo.jurisdiction)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    secret_amount, secret_year = "17.25", "2013"
    screen_arizona(qtbot, view, amount=secret_amount, year=secret_year)
    assert "17.25 oz" in result_text(view)
    for code in ("WA", "MD", "US", "AL"):
        view.choose_place(code)
        child(view, QSpinBox, "screenerAge").setValue(19)
    view.new_person()
    view.close()
    view.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    after = snapshot(home)
    assert after == before                                 # same paths, same bytes
    assert not any(secret_amount in r.getMessage() or secret_year in r.getMessage()
                   for r in caplog.records)


def test_screener_code_has_no_way_to_store_answers():
    """No settings, files, user store or logging anywhere in the screener's modules."""
    forbidden_modules = {"logging", "desktop.settings", "desktop.data.user_store",
                         "desktop.data.user_schema", "desktop.data.user_transfer",
                         "desktop.data.user_recovery", "desktop.data.files", "shelve", "pickle",
                         "tempfile"}
    forbidden_names = {"QSettings", "open_settings", "UserStore", "write_text", "write_bytes",
                       "write_atomic", "QFile", "QSaveFile", "mkdir"}
    for relative in ("desktop/domain/screener.py", "desktop/domain/answers.py",
                     "desktop/domain/rules.py", "desktop/domain/screening_wording.py",
                     "desktop/views/screener_view.py",
                     "desktop/pages/screening.py", "desktop/commands/screen.py"):
        tree = ast.parse((ROOT / relative).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                assert not {a.name for a in node.names} & forbidden_modules, relative
            if isinstance(node, ast.ImportFrom):
                assert node.module not in forbidden_modules, relative
                assert not {a.name for a in node.names} & forbidden_names, relative
            if isinstance(node, ast.Name):
                assert node.id not in forbidden_names, (relative, node.id)
            if isinstance(node, ast.Attribute):
                assert node.attr not in forbidden_names, (relative, node.attr)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id != "open", relative  # the built-in file opener
