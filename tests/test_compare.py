"""Compare: places side by side, as plain rows, as a Qt model, and as a volunteer uses the dialog."""

from __future__ import annotations

import csv
import dataclasses
import io

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QTableView

from desktop import strings
from desktop.data.files import FileWriteError
from desktop.domain import wording
from desktop.domain.compare import CompareRow, caveat_count, compare_csv, compare_rows
from desktop.models.compare_model import CompareTableModel
from desktop.views.compare_dialog import CompareDialog

LABELS = [strings.COMPARE_ROWS[k] for k in (
    "status", "specific_relief", "automatic", "petition", "offenses", "limits",
    "waiting_period", "fee", "handled_by", "citation", "pardons", "count", "caveats")]


def rows_by_label(details) -> dict[str, tuple[str, ...]]:
    rows = compare_rows(details)
    assert all(isinstance(r, CompareRow) for r in rows)
    return {r.label: r.values for r in rows}


def parse_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


# -- the rows, on the real data ---------------------------------------------------------------
def test_rows_come_in_a_fixed_order_with_one_value_per_place(repo):
    details = [repo.jurisdiction(c) for c in ("MO", "AZ", "CA")]
    rows = compare_rows(details)
    assert [r.label for r in rows] == LABELS
    assert all(len(r.values) == 3 for r in rows)
    assert all(v.strip() for r in rows for v in r.values)  # never an empty cell


def test_missouri_against_arizona(repo):
    mo, az = repo.jurisdiction("MO"), repo.jurisdiction("AZ")
    row = rows_by_label([mo, az])
    assert row["Legal status"] == ("Adult use legalized by voters in 2022",
                                   "Adult use legalized by voters in 2020")
    assert row["Marijuana-specific relief"] == ("Yes", "Yes")
    assert "Automatic expungement under Article XIV" in row["Automatic relief"][0].split("\n")
    assert row["Automatic relief"][1] == strings.COMPARE_NONE
    assert "Proposition 207" in row["Petition / application relief"][1]
    assert row["Fee"][1] == "No filing fee"                       # one path: just its value
    assert row["Law"][1] == "A.R.S. § 36-2862"
    assert row["Pardons"] == (strings.COMPARE_NONE, strings.COMPARE_NONE)


def test_several_paths_give_one_named_line_each_and_unknowns_say_so(repo):
    from dataclasses import replace

    mo = repo.jurisdiction("MO")
    paths = (mo.paths[0], replace(mo.paths[1], fee=None), *mo.paths[2:])
    mo = replace(mo, paths=paths)
    fee = rows_by_label([mo])["Fee"][0].split("\n")
    assert len(fee) == len(mo.paths)
    for line, path in zip(fee, mo.paths):
        assert line == f"{path.name}: {path.fee or strings.UNKNOWN}"
    assert fee[1] == f"{paths[1].name}: {strings.UNKNOWN}"


def test_a_value_every_path_shares_is_written_once(repo):
    from dataclasses import replace

    mo = repo.jurisdiction("MO")
    mo = replace(mo, paths=tuple(replace(p, citation="Mo. Const. art. XIV") for p in mo.paths))
    row = rows_by_label([mo, repo.jurisdiction("CA")])
    assert row["Law"][0] == "Mo. Const. art. XIV"


def test_latest_count_is_the_newest_report_with_its_qualifier_and_date(repo):
    for code in ("MO", "AZ", "CA", "NJ"):
        detail = repo.jurisdiction(code)
        newest = max(detail.counts, key=lambda c: c.as_of)
        value = rows_by_label([detail])["Latest reported count"][0]
        assert value == (f"{wording.count_sentence(newest)}, "
                         f"as of {wording.date_text(newest.as_of)}")
    mo = rows_by_label([repo.jurisdiction("MO")])["Latest reported count"][0]
    assert mo.startswith("More than ")                               # the qualifier is kept


def test_caveats_are_counted_in_words(repo):
    details = [repo.jurisdiction(s.code) for s in repo.jurisdictions()]
    many = next(d for d in details if caveat_count(d) >= 2)
    one = next(d for d in details if caveat_count(d) == 1)
    none = next(d for d in details if caveat_count(d) == 0)
    row = rows_by_label([many, one, none])["Caveats"]
    assert row == (f"{caveat_count(many)} facts to double-check", "1 fact to double-check",
                   strings.COMPARE_NO_CAVEATS)


def test_a_place_without_relief_paths(repo):
    row = rows_by_label([repo.jurisdiction("ID")])
    for label in ("Covers", "Limits", "Waiting period", "Fee", "Who handles it", "Law"):
        assert row[label] == (strings.NO_RELIEF_PATHS,)
    assert row["Automatic relief"] == (strings.COMPARE_NONE,)
    assert row["Petition / application relief"] == (strings.COMPARE_NONE,)
    assert row["Latest reported count"] == (strings.NO_COUNTS,)
    assert row["Legal status"] == (strings.ADULT_USE["neither"],)


def test_pardons_have_their_own_row_and_say_how_they_work(repo):
    us = repo.jurisdiction("US")
    row = rows_by_label([us])
    assert row["Automatic relief"] == (strings.COMPARE_NONE,)        # a pardon clears nothing
    pardons = row["Pardons"][0].split("\n")
    assert pardons == [f"{p.name} (automatic)" for p in us.paths]
    assert "21 U.S.C. § 844" in row["Covers"][0]                     # the pardons' details


def test_decriminalized_status_gives_the_year(repo):
    hi = repo.jurisdiction("HI")
    assert rows_by_label([hi])["Legal status"][0] == (
        f"{strings.ADULT_USE['decriminalized']} since {hi.decriminalized_year}")


# -- CSV ---------------------------------------------------------------------------------------
def test_csv_parses_back_into_the_same_cells(repo):
    details = [repo.jurisdiction(c) for c in ("MO", "AZ", "CA", "NJ")]
    text = compare_csv(details)
    assert text.startswith(",Missouri,Arizona,California,New Jersey\r\n")
    assert text.endswith("\r\n")
    expected = [["", *(d.name for d in details)]]
    expected += [[r.label, *r.values] for r in compare_rows(details)]
    expected += [[strings.DISCLAIMER]]  # the file says what it is wherever it travels
    assert parse_csv(text) == expected
    assert any("\n" in cell for row in expected for cell in row)     # multi-line cells survive


def test_csv_keeps_commas_quotes_and_newlines(repo):
    az = repo.jurisdiction("AZ")
    odd_path = dataclasses.replace(az.paths[0], fee='$50, or "free"\nwith a waiver')
    odd = dataclasses.replace(
        az, summary=dataclasses.replace(az.summary, name='Arizona, "test" copy'),
        paths=(odd_path,))
    cells = parse_csv(compare_csv([repo.jurisdiction("MO"), odd]))
    assert cells[0] == ["", "Missouri", 'Arizona, "test" copy']
    fee = next(row for row in cells if row[0] == "Fee")
    assert fee[2] == '$50, or "free"\nwith a waiver'
    # Record separators are CRLF; a newline inside a quoted cell stays as written.
    assert compare_csv([odd]).count("\r\n") == len(LABELS) + 2  # header, rows, disclaimer


# -- the model ---------------------------------------------------------------------------------
@pytest.mark.parametrize("codes", [(), ("MO", "AZ"), ("MO", "AZ", "CA", "NJ")])
def test_model_passes_qtmodeltester(qtmodeltester, repo, codes):
    model = CompareTableModel([repo.jurisdiction(c) for c in codes])
    qtmodeltester.check(model)


def test_model_puts_places_in_columns_and_questions_in_rows(qtmodeltester, repo):
    model = CompareTableModel()
    assert model.rowCount() == model.columnCount() == 0
    details = [repo.jurisdiction(c) for c in ("MO", "AZ")]
    model.set_details(details)
    qtmodeltester.check(model)
    assert model.columnCount() == 2 and model.rowCount() == len(LABELS)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)] == [
        "Missouri", "Arizona"]
    assert [model.headerData(r, Qt.Orientation.Vertical) for r in range(len(LABELS))] == LABELS
    fee = LABELS.index("Fee")
    assert model.index(fee, 1).data() == "No filing fee"
    tip = model.index(fee, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Arizona — Fee") and "No filing fee" in tip
    # Several entries in a cell: a blank line between them on screen; one line each in CSV.
    shown = model.index(fee, 0).data()
    assert shown.split("\n\n") == model.rows()[fee].values[0].split("\n")
    assert shown.startswith("Automatic expungement under Article XIV: No cost to the person\n\n")


# -- the dialog --------------------------------------------------------------------------------
@pytest.fixture
def open_dialog(qtbot, repo):
    def make(initial=(), load_detail=None) -> CompareDialog:
        dialog = CompareDialog(repo.jurisdictions(), load_detail or repo.jurisdiction, initial)
        qtbot.addWidget(dialog)
        dialog.resize(1280, 800)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog
    return make


def combo(dialog, n: int) -> QComboBox:
    return dialog.findChild(QComboBox, f"compareChoice{n}")


def table(dialog) -> QTableView:
    return dialog.findChild(QTableView, "compareTable")


def headers(dialog) -> list[str]:
    model = table(dialog).model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def export_button(dialog) -> QPushButton:
    return dialog.findChild(QPushButton, "compareExport")


def pick(qtbot, dialog, n: int, typed: str, downs: int = 0) -> str:
    """Choose as a keyboard user does: type the start of a name (no space: Space opens the
    list), then press Down to step to the next names."""
    box = combo(dialog, n)
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    with qtbot.waitSignal(dialog.comparisonChanged):
        qtbot.keyClicks(box, typed)
    for _ in range(downs):
        with qtbot.waitSignal(dialog.comparisonChanged):
            qtbot.keyClick(box, Qt.Key.Key_Down)
    assert not box.view().isVisible()                                # no popup left open
    return box.currentText()


def test_widgets_have_their_object_names(open_dialog):
    dialog = open_dialog(["MO", "AZ"])
    assert dialog.objectName() == "compareDialog"
    assert all(combo(dialog, n) is not None for n in (1, 2, 3, 4))
    assert table(dialog) is not None
    assert export_button(dialog).text() == strings.COMPARE_EXPORT
    assert combo(dialog, 3).currentText() == combo(dialog, 4).currentText() == \
        strings.COMPARE_CHOICE_NONE


def test_initial_places_fill_the_table(open_dialog):
    dialog = open_dialog(["MO", "AZ", "CA", "NJ"])
    assert headers(dialog) == ["Missouri", "Arizona", "California", "New Jersey"]
    assert table(dialog).isVisible() and export_button(dialog).isEnabled()


def test_fewer_than_two_shows_a_hint_and_disables_export(qtbot, open_dialog):
    dialog = open_dialog(["MO"])
    hint = dialog.findChild(QLabel, "compareHint")
    assert hint.isVisible() and hint.text() == strings.COMPARE_HINT
    assert not table(dialog).isVisible()
    assert not export_button(dialog).isEnabled()
    assert table(dialog).model().columnCount() == 0
    assert pick(qtbot, dialog, 2, "Arizona") == "Arizona"
    assert headers(dialog) == ["Missouri", "Arizona"]
    assert table(dialog).isVisible() and not hint.isVisible()
    assert export_button(dialog).isEnabled()


def test_typing_in_the_boxes_adds_and_none_removes_a_column(qtbot, open_dialog):
    dialog = open_dialog(["MO", "AZ"])
    assert pick(qtbot, dialog, 3, "Calif") == "California"
    assert pick(qtbot, dialog, 4, "New", downs=1) == "New Jersey"      # New Hampshire, then down
    assert headers(dialog) == ["Missouri", "Arizona", "California", "New Jersey"]
    with qtbot.waitSignal(dialog.comparisonChanged) as changed:
        combo(dialog, 3).setCurrentIndex(0)                         # "— none —"
    assert changed.args == [["MO", "AZ", "NJ"]]
    assert headers(dialog) == ["Missouri", "Arizona", "New Jersey"]


def test_a_place_chosen_twice_shows_once(qtbot, open_dialog):
    dialog = open_dialog(["MO", "AZ"])
    assert pick(qtbot, dialog, 3, "Missouri") == "Missouri"
    assert headers(dialog) == ["Missouri", "Arizona"]
    combo(dialog, 2).setCurrentIndex(combo(dialog, 2).findText("Missouri"))
    assert dialog.shown_codes() == []                                # only one place left
    assert dialog.findChild(QLabel, "compareHint").isVisible()
    assert not export_button(dialog).isEnabled()


def test_a_place_that_cannot_be_loaded_is_left_out(open_dialog, repo):
    def load(code):
        return None if code == "AZ" else repo.jurisdiction(code)
    dialog = open_dialog(["MO", "AZ", "CA"], load_detail=load)
    assert headers(dialog) == ["Missouri", "California"]


def test_rows_grow_to_show_all_their_text(qtbot, open_dialog):
    dialog = open_dialog(["MO", "AZ", "CA", "NJ"])
    view = table(dialog)
    rows = range(view.model().rowCount())

    header = view.verticalHeader()

    def fitted() -> bool:  # each row exactly as tall as its tallest cell: nothing cut, no gaps
        return all(view.rowHeight(r) == max(view.sizeHintForRow(r), header.sectionSizeHint(r))
                   for r in rows)

    qtbot.waitUntil(fitted)
    covers = LABELS.index("Covers")
    assert view.rowHeight(covers) > 4 * view.rowHeight(LABELS.index("Marijuana-specific relief"))
    assert view.wordWrap() and view.textElideMode() == Qt.TextElideMode.ElideNone
    dialog.resize(900, 700)                                          # narrower: rows re-fit
    qtbot.waitUntil(lambda: view.columnWidth(0) < 200 and fitted())


def test_export_writes_the_table_as_csv(qtbot, open_dialog, repo, tmp_path, monkeypatch):
    dialog = open_dialog(["MO", "AZ", "CA", "NJ"])
    target = tmp_path / "compare.csv"
    monkeypatch.setattr(dialog, "choose_export_path", lambda: target)
    qtbot.mouseClick(export_button(dialog), Qt.MouseButton.LeftButton)
    details = [repo.jurisdiction(c) for c in ("MO", "AZ", "CA", "NJ")]
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")             # BOM for spreadsheets
    assert target.read_bytes().decode("utf-8-sig") == compare_csv(details)
    assert [p.name for p in tmp_path.iterdir()] == ["compare.csv"]    # no temp file left
    assert str(target) in dialog.findChild(QLabel, "compareStatus").text()


def test_export_asks_for_a_file_and_adds_the_extension(qtbot, open_dialog, tmp_path,
                                                        monkeypatch):
    from desktop.views import compare_dialog

    asked = {}

    def fake_dialog(parent, caption, directory, file_filter):
        asked.update(parent=parent, directory=directory, filter=file_filter)
        return str(tmp_path / "handout"), file_filter

    monkeypatch.setattr(compare_dialog.QFileDialog, "getSaveFileName", fake_dialog)
    dialog = open_dialog(["MO", "AZ"])
    qtbot.mouseClick(export_button(dialog), Qt.MouseButton.LeftButton)
    assert asked["parent"] is dialog and asked["directory"].endswith("compare-MO-AZ.csv")
    assert asked["filter"] == strings.COMPARE_EXPORT_FILTER
    assert parse_csv((tmp_path / "handout.csv").read_bytes().decode("utf-8-sig"))[0] == [
        "", "Missouri", "Arizona"]


def test_cancelling_the_file_dialog_writes_nothing(qtbot, open_dialog, tmp_path, monkeypatch):
    dialog = open_dialog(["MO", "AZ"])
    monkeypatch.setattr(dialog, "choose_export_path", lambda: None)
    shown = []
    monkeypatch.setattr("desktop.views.error_dialogs.show_known_error",
                        lambda error, parent=None: shown.append(error))
    qtbot.mouseClick(export_button(dialog), Qt.MouseButton.LeftButton)
    assert shown == [] and dialog.findChild(QLabel, "compareStatus").text() == ""


def test_an_unwritable_place_shows_the_known_error(qtbot, open_dialog, tmp_path, monkeypatch):
    dialog = open_dialog(["MO", "AZ"])
    target = tmp_path / "no such folder" / "compare.csv"
    monkeypatch.setattr(dialog, "choose_export_path", lambda: target)
    shown = []
    monkeypatch.setattr("desktop.views.error_dialogs.show_known_error",
                        lambda error, parent=None: shown.append((error, parent)))
    qtbot.mouseClick(export_button(dialog), Qt.MouseButton.LeftButton)
    assert len(shown) == 1
    error, parent = shown[0]
    assert isinstance(error, FileWriteError) and parent is dialog
    assert "does not exist" in error.message
    assert not target.exists() and not target.parent.exists()
    assert dialog.findChild(QLabel, "compareStatus").text() == ""


def test_export_csv_refuses_with_fewer_than_two(open_dialog, tmp_path):
    dialog = open_dialog(["MO"])
    assert dialog.export_csv(tmp_path / "x.csv") is False
    assert not (tmp_path / "x.csv").exists()



def test_enter_in_a_box_does_not_close_the_dialog(qtbot, open_dialog):
    dialog = open_dialog(["MO", "AZ"])
    assert pick(qtbot, dialog, 3, "Calif") == "California"
    qtbot.keyClick(combo(dialog, 3), Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0
    assert headers(dialog) == ["Missouri", "Arizona", "California"]
