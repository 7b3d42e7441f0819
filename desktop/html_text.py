"""Escaping text for Qt's rich-text HTML.

The standard library's html.escape is equivalent, but importing `html` also loads
html.entities (about 9 ms), which the app's start-up does not need.
"""

from __future__ import annotations

_TABLE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str) -> str:
    """Same result as html.escape(text, quote=True)."""
    return text.translate(_TABLE)


def shown_as_typed(text: str) -> str:
    """`text` for a QLabel (or message box) in automatic text format, shown exactly as typed
    even where it looks like markup (a file path with `<b>` in it): escaped, inside a tag, so
    Qt reads it as rich text. The same result as the PlainText format, without importing the
    `Qt` namespace for it at start-up."""
    return f"<span>{escape(text)}</span>"
