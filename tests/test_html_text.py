import html

import pytest

from desktop.html_text import escape


@pytest.mark.parametrize("text", ["", "plain", "<b>&\"'</b>", "a & b < c > d", "💚 ' \""])
def test_escape_matches_the_standard_library(text):
    assert escape(text) == html.escape(text, quote=True)
