"""Help → Keyboard shortcuts (generated from the window's own actions, so it never goes stale)
and Help → About (version, the data in use and how old it is, the licence, the disclaimer)."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop import APP_NAME, __version__, strings
from desktop.data.records import DataInfo
from desktop.domain import wording


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(what it does, keys) for every action with a shortcut, in the window's language and
    the platform's key names, sorted by what it does; extra keys are listed after a comma."""
    rows = {}
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        keys = [k for k in keys if k]
        name = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        if keys and name:
            rows[name.rstrip("…")] = ", ".join(keys)
    return sorted(rows.items(), key=lambda row: row[0].casefold())


def shortcuts_html(rows: list[tuple[str, str]], extra: list[tuple[str, str]]) -> Markup:
    row = Markup("<tr><td>{}</td><td>&nbsp;&nbsp;<b>{}</b></td></tr>")
    body = Markup("").join(row.format(what, keys) for what, keys in [*rows, *extra])
    return Markup("<h2>{}</h2><table cellspacing='4'>{}</table>").format(
        strings.HELP_SHORTCUTS_TITLE, body)


def about_html(info: DataInfo | None, origin: str, data_lines: Sequence[str] = ()) -> Markup:
    """`data_lines`: more about the data in use (a data package's version, file and signer,
    or why the app fell back to other data; desktop/views/data_update.py)."""
    lines = [strings.ABOUT_VERSION.format(app=APP_NAME, version=__version__)]
    if info is not None:
        lines.append(strings.ABOUT_DATA.format(origin=origin,
                                               as_of=wording.date_text(info.data_as_of),
                                               count=info.jurisdictions,
                                               hash=info.content_hash[:12]))
    lines += list(data_lines)
    lines += [strings.ABOUT_LICENSE, strings.ABOUT_OFFLINE, strings.DISCLAIMER]
    return Markup("<h2>{}</h2>{}").format(
        APP_NAME, Markup("").join(Markup("<p>{}</p>").format(line) for line in lines))


class HelpDialog(QDialog):
    """A page of help text with a Close button; readable by a screen reader."""

    def __init__(self, title: str, html: str, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.text = QTextBrowser()
        self.text.setObjectName(f"{name}Text")
        self.text.setAccessibleName(title)
        self.text.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(560, 460)


def show_shortcuts(window: QWidget) -> None:
    """Help → Keyboard shortcuts: every action of the window with its keys, and a few more."""
    extra = [(what, keys) for keys, what in strings.HELP_EXTRA_KEYS]
    html = shortcuts_html(shortcut_rows(window.actions()), extra)
    HelpDialog(strings.HELP_SHORTCUTS_TITLE, html, "shortcutsDialog", window).exec()


def show_about(window) -> None:
    """Help → About: the version, the data in use and its as-of date, the licence and the
    disclaimer."""
    extra = window.data_actions.about_lines()  # a data package: who signed it, from where
    HelpDialog(strings.ACTION_ABOUT, about_html(window.repo.info, window.data_label.origin, extra),
               "aboutDialog", window).exec()
