"""The event tally (issue 17, opt-in): off by default and then nothing is counted; on, it
counts per day and place the pages opened, screenings run (once per place per person) and
sheets printed or saved — and no screening answer ever reaches user.db. The window's
dialog and `relief-atlas tally` read, reset and export the same CSV."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from desktop.data.records import TallyRow
from desktop.data.user_schema import today
from desktop.data.user_store import UserStore, default_path, tally_csv
from tests.conftest import run_app
from tests.test_screener_view import choose, type_into


def rows(store: UserStore) -> dict[str, tuple[int, int, int]]:
    return {r.place: (r.pages, r.screenings, r.sheets) for r in store.tally()}


def store_bytes(path: Path) -> bytes:
    """The notes file as it is on disk, with its write-ahead log (recent writes live there)."""
    return b"".join(Path(f"{path}{suffix}").read_bytes()
                    for suffix in ("", "-wal") if Path(f"{path}{suffix}").exists())


def store_text(path: Path) -> str:
    """Every row of every table of the notes file, as SQL text."""
    conn = sqlite3.connect(path)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def screen_distinctively(qtbot, view) -> None:
    """Answers no tally may hold: an odd amount, an exact date, an age."""
    with qtbot.waitSignal(view.resultChanged):
        assert choose(qtbot, view, "screenerPlace", "Arizona") == "Arizona"
    assert choose(qtbot, view, "screenerOffense", "Pos") == "Possession"
    type_into(qtbot, view, "screenerAmount", "0.777 oz")
    type_into(qtbot, view, "screenerYear", "1987-03-14")
    view.age.setValue(77)
    qtbot.waitUntil(lambda: "0.777" in view.result_html())


def save_everything(window, qtbot, tmp_path, monkeypatch) -> None:
    """A morning at the table: two pages, a screening, a handout and a screening sheet."""
    from PySide6.QtWidgets import QFileDialog

    targets = iter([tmp_path / "AZ.pdf", tmp_path / "screening.pdf"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(next(targets)), ""))
    window.show_jurisdiction("AZ")
    window.show_jurisdiction("MO")
    window.show_jurisdiction("AZ")
    window.handouts.save_pdf()
    qtbot.waitUntil((tmp_path / "AZ.pdf").exists)
    window.show_screener(new_person=True)
    screen_distinctively(qtbot, window.screener)
    window.handouts.save_pdf()
    qtbot.waitUntil((tmp_path / "screening.pdf").exists)


# -- the store --------------------------------------------------------------------------------
def test_off_by_default_and_off_counts_nothing(tmp_path):
    with UserStore.open(tmp_path / "user.db") as store:
        assert not store.tally_enabled()
        assert not store.count_event("AZ", "pages")
        store.set_tally_enabled(True)
        assert store.count_event("AZ", "pages", day="2026-12-04")
        assert store.count_event("AZ", "sheets", day="2026-12-04")
        assert store.count_event("MO", "screenings", day="2026-12-05")
        store.set_tally_enabled(False)
        assert not store.count_event("AZ", "pages", day="2026-12-04")
        assert store.tally() == [TallyRow("2026-12-04", "AZ", 1, 0, 1),
                                 TallyRow("2026-12-05", "MO", 0, 1, 0)]  # kept when off
        assert tally_csv(store.tally()) == (
            "day,place,pages,screenings,sheets\n2026-12-04,AZ,1,0,1\n2026-12-05,MO,0,1,0\n")
        assert store.reset_tally() == 2 and store.tally() == []
        with pytest.raises(ValueError):
            store.count_event("AZ", "answers")  # only the three kinds exist


# -- the window -------------------------------------------------------------------------------
def test_with_the_tally_off_the_window_counts_nothing(window, qtbot, tmp_path, monkeypatch):
    save_everything(window, qtbot, tmp_path, monkeypatch)
    assert window.store.tally() == []
    text = store_text(window.store.path)
    assert "event_tally VALUES" not in text


def test_with_the_tally_on_the_window_counts_by_day_and_place(window, qtbot, tmp_path,
                                                              monkeypatch):
    window.store.set_tally_enabled(True)
    save_everything(window, qtbot, tmp_path, monkeypatch)
    # Pages: AZ twice, MO once. Screenings: AZ once however many answers changed. Sheets:
    # the AZ handout and the AZ screening sheet.
    assert rows(window.store) == {"AZ": (2, 1, 2), "MO": (1, 0, 0)}
    assert {r.day for r in window.store.tally()} == {today()}
    window.screener.new_person()  # the next person's screening of the same place counts...
    choose(qtbot, window.screener, "screenerPlace", "Arizona")
    assert rows(window.store)["AZ"] == (2, 1, 2)  # ...once something besides the place is
    with qtbot.waitSignal(window.screener.screened):  # answered (typing "Ar" passed Alabama)
        choose(qtbot, window.screener, "screenerLevel", "Fel")
    assert rows(window.store) == {"AZ": (2, 2, 2), "MO": (1, 0, 0)}


def test_no_screening_answer_ever_reaches_the_tally(window, qtbot, tmp_path, monkeypatch):
    window.store.set_tally_enabled(True)
    save_everything(window, qtbot, tmp_path, monkeypatch)
    assert rows(window.store)["AZ"][1] == 1  # the screening was counted...
    path = window.store.path
    raw, text = store_bytes(path), store_text(path)
    for answer in ("0.777", "1987", "03-14", "ossession"):
        assert answer.encode() not in raw, answer  # ...but none of its answers was kept
        assert answer not in text, answer
    assert not re.search(r"\b77\b", text)  # the age (two bytes may occur anywhere in a file)
    columns = {row[1] for row in sqlite3.connect(path).execute("PRAGMA table_info(event_tally)")}
    assert columns == {"day", "place", "pages", "screenings", "sheets"}


def test_the_tally_dialog_turns_it_on_shows_resets_and_exports(window, qtbot, tmp_path,
                                                               monkeypatch):
    from PySide6.QtWidgets import QCheckBox, QPushButton

    dialog = window.clinic.open_tally(exec_=False)
    qtbot.addWidget(dialog)
    assert not dialog.enabled.isChecked() and dialog.table.rowCount() == 0
    buttons = [*dialog.findChildren(QPushButton), *dialog.findChildren(QCheckBox)]
    assert len(buttons) == 4 and all(b.accessibleName() or b.text() for b in buttons)
    assert dialog.table.accessibleName()
    dialog.enabled.setChecked(True)
    assert window.store.tally_enabled()
    window.show_jurisdiction("AZ")
    dialog.refresh()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "Arizona (AZ)"
    assert dialog.table.item(0, 2).text() == "1"
    csv_path = dialog.export_csv(tmp_path / "tally.csv")
    assert csv_path.read_text() == tally_csv(window.store.tally())
    assert dialog.reset(confirm=False) and window.store.tally() == []
    assert dialog.table.rowCount() == 0
    dialog.enabled.setChecked(False)
    window.show_jurisdiction("MO")
    assert window.store.tally() == []


# -- the command line -------------------------------------------------------------------------
def test_tally_commands(tmp_path):
    out = tmp_path / "tally.csv"
    result = run_app("tally", "export", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text() == "day,place,pages,screenings,sheets\n"
    assert not default_path().exists()  # reading never creates the notes file
    assert "is off" in run_app("tally", "show").stdout
    assert run_app("tally", "on").returncode == 0
    with UserStore.open(default_path()) as store:
        assert store.tally_enabled()
        store.count_event("AZ", "pages", day="2026-12-04")
        store.count_event("AZ", "sheets", day="2026-12-04")
    shown = run_app("tally", "show").stdout
    assert "is on" in shown and "2026-12-04 AZ" in shown
    assert run_app("tally", "export", "--out", str(out)).returncode == 0
    assert out.read_text().splitlines() == ["day,place,pages,screenings,sheets",
                                            "2026-12-04,AZ,1,0,1"]
    refused = run_app("tally", "reset")  # no terminal to confirm: nothing is forgotten
    assert refused.returncode == 1
    assert run_app("tally", "reset", "--yes").returncode == 0
    assert run_app("tally", "off").returncode == 0
    with UserStore.open(default_path()) as store:
        assert store.tally() == [] and not store.tally_enabled()
    bad = run_app("tally", "export", "--out", str(tmp_path))  # a folder
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1
