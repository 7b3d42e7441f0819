"""Two kinds of failure, kept apart (as qutebrowser and vorta do).

A *known* error (a missing or damaged data file, a full disk, bad input) is a `KnownError`:
the person at the keyboard gets its plain `message`. Anything else is a bug: it gets a crash
dialog with a report to copy (`crash_report`). Plain Python: no Qt here.
"""

from __future__ import annotations

import sys

from desktop import APP_NAME, __version__, strings


class KnownError(Exception):
    """An error we expect and can explain in plain words."""

    title = strings.ERROR_TITLE

    def __init__(self, message: str, detail: str = ""):
        super().__init__(message)
        self.message = message
        self.detail = detail

    def one_line(self) -> str:
        return " ".join(self.message.split())


class DatabaseError(KnownError):
    """The reference database cannot be used (missing, damaged, or from a newer version)."""

    title = strings.DB_ERROR_TITLE


class UserDataError(KnownError):
    """The clinic's bookmarks, notes, profile or tally could not be opened, read, saved or
    imported (desktop/data/user_store.py; plain message)."""

    title = strings.USERDATA_SAVE_TITLE

    def __init__(self, message: str, detail: str = "", title: str | None = None):
        super().__init__(message, detail)
        if title:
            self.title = title


def crash_report(exc_type, exc_value, exc_tb) -> str:
    """A report a volunteer can copy into an email to the maintainers."""
    import platform  # here, not at start-up: only a crash needs them
    import traceback

    lines = [
        f"{APP_NAME} {__version__} crashed.",
        f"Python {platform.python_version()} on {platform.platform()}",
        f"Frozen: {bool(getattr(sys, 'frozen', False))}",
        "",
        "".join(traceback.format_exception(exc_type, exc_value, exc_tb)).rstrip(),
    ]
    return "\n".join(lines)
