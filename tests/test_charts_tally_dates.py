"""The Event tally dialog's Day column speaks the window's language (issue 16): a short date
in that language's order with the year in full, the ISO date kept on the cell and in the CSV
export. (It sits beside the chart tests only because of who edited what at the time; it
belongs with tests/test_event_tally.py.)"""

from __future__ import annotations

import pytest

from desktop.data.user_store import UserStore, tally_csv
from desktop.views.clinic_dialog import ISO_DAY, TallyDialog, day_text, locale_of_language

NAMES = {"AZ": "Arizona", "MO": "Missouri"}


@pytest.fixture
def store(tmp_path):
    with UserStore.open(tmp_path / "user.db") as opened:
        opened.set_tally_enabled(True)
        opened.count_event("AZ", "pages", day="2026-12-04")
        opened.count_event("MO", "screenings", day="2027-01-23")
        yield opened


def days(dialog: TallyDialog) -> list[tuple[str, str]]:
    table = dialog.table
    return [(table.item(row, 0).text(), table.item(row, 0).data(ISO_DAY))
            for row in range(table.rowCount())]


@pytest.mark.parametrize("lang, shown", [
    ("en", ["12/4/2026", "1/23/2027"]),     # month first in English
    ("es", ["4/12/2026", "23/1/2027"]),     # day first in Spanish
])
def test_the_day_column_is_a_short_date_in_the_windows_language(qtbot, qapp, store, tmp_path,
                                                                lang, shown):
    from desktop.app import install_language

    install_language(qapp, lang)
    try:
        dialog = TallyDialog(store, NAMES)
        qtbot.addWidget(dialog)
        assert days(dialog) == list(zip(shown, ["2026-12-04", "2027-01-23"], strict=True))
        assert "2026" in dialog.table.item(0, 0).toolTip()          # the long form on hover
        if lang == "es":
            assert "diciembre" in dialog.table.item(0, 0).toolTip()
        out = dialog.export_csv(tmp_path / f"tally-{lang}.csv")
        assert out is not None
        assert out.read_text() == tally_csv(store.tally())   # ISO dates in the file
        assert "2026-12-04,AZ" in out.read_text()
    finally:
        install_language(qapp, "en")


def test_day_text_keeps_what_is_not_an_iso_date():
    assert day_text("2026-12-04", locale_of_language("es")) == "4/12/2026"
    assert day_text("2026-12-04", locale_of_language("pseudo")) == "12/4/2026"   # English
    assert day_text("yesterday", locale_of_language("es")) == "yesterday"
