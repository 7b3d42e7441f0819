"""Parts that had no test: the search worker's supersede and cancel, the exception hook and
its two dialogs, the overview page, and the HTML delegate of the search results."""

from __future__ import annotations

import re

from PySide6.QtCore import QSize
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QStyleOptionViewItem

from desktop import strings
from desktop.errors import KnownError


def test_a_newer_search_supersedes_the_one_in_flight(qtbot, built_db):
    from desktop.models.search_worker import SearchController

    controller = SearchController(built_db)
    delivered = []
    controller.results.connect(lambda text, hits: delivered.append(text))
    try:
        for text in ("a", "ar", "ari", "ariz", "arizona"):  # typed quickly
            controller.search(text)
        qtbot.waitUntil(lambda: "arizona" in delivered)
        assert delivered[-1] == "arizona"
        assert all(text == "arizona" for text in delivered[delivered.index("arizona"):])
        controller.search("")  # an empty box answers at once, with nothing
        assert delivered[-1] == ""
    finally:
        controller.shutdown()


def test_the_exception_hook_shows_known_errors_plainly_and_bugs_in_a_crash_dialog(
        qapp, monkeypatch, capsys):
    from desktop import app as app_module
    from desktop.views import error_dialogs

    shown = []
    monkeypatch.setattr(error_dialogs, "show_known_error",
                        lambda error, parent=None: shown.append(("known", error.one_line())))
    monkeypatch.setattr(error_dialogs.CrashDialog, "exec",
                        lambda self: shown.append(("crash", self.windowTitle())))
    error = KnownError("The disk is full.")
    app_module._excepthook(KnownError, error, None)
    try:
        raise ValueError("a bug")
    except ValueError as bug:
        app_module._excepthook(ValueError, bug, bug.__traceback__)
    assert shown[0] == ("known", error.one_line())
    assert shown[1] == ("crash", strings.fmt(strings.CRASH_TITLE))
    err = capsys.readouterr().err
    assert error.one_line() in err and "ValueError: a bug" in err


def test_the_overview_lists_every_national_figure_with_its_qualifier_and_sources(repo):
    from desktop.pages.overview import figure_phrase, render_overview

    figures = repo.national_figures()
    used = {sid for f in figures for sid in f.source_ids}
    html = render_overview(figures, repo.sources(used), repo.info)
    text = re.sub(r"<[^>]+>", " ", html)
    for figure in figures:
        assert figure_phrase(figure).split()[0] in text
    assert html.count('href="#src-') >= len(figures)
    assert strings.OVERVIEW_TITLE in html and strings.DISCLAIMER[:40] in text


def test_the_result_delegate_paints_bold_matches_and_sizes_to_its_text(window, qtbot):
    from desktop.models.search_results import HTML_ROLE
    from desktop.views.html_delegate import HtmlDelegate

    window.search_field.setText("expungement")
    qtbot.waitUntil(lambda: window.search_model.rowCount() > 0)
    delegate = HtmlDelegate(HTML_ROLE, window.search_results)
    index = window.search_model.index(0, 0)
    assert re.search(r"<b>expunge", index.data(HTML_ROLE), re.IGNORECASE)  # the match in bold
    option = QStyleOptionViewItem()
    option.rect = window.search_results.visualRect(index)
    option.rect.setWidth(300)
    size = delegate.sizeHint(option, index)
    assert size.height() > 20 and size.width() > 0
    pixmap = QPixmap(QSize(300, size.height()))
    pixmap.fill()
    painter = QPainter(pixmap)
    delegate.paint(painter, option, index)
    painter.end()
    image = pixmap.toImage()
    assert any(image.pixelColor(x, y).lightness() < 128
               for x in range(0, 300, 3) for y in range(0, size.height(), 3))  # text was drawn
