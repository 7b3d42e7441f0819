"""The detail page, rendered from plain data with no window."""

from __future__ import annotations

import re
from html import unescape

from desktop import strings
from desktop.views.detail_page import render_detail


def plain(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


def test_every_count_shows_qualifier_as_of_and_a_reference(repo):
    for summary in repo.jurisdictions():
        detail = repo.jurisdiction(summary.code)
        html = render_detail(detail, repo.info)
        for count in detail.counts:
            assert f"{count.count:,}" in html, count.id
        assert html.count('href="#src-') >= 1, summary.code
        assert strings.DISCLAIMER in plain(html)


def test_references_point_at_numbered_sources(repo):
    html = render_detail(repo.jurisdiction("MO"), repo.info)
    cited = set(re.findall(r'href="#src-(\d+)"', html))
    listed = set(re.findall(r'name="src-(\d+)"', html))
    assert cited == listed and cited


def test_caveats_are_shown_next_to_their_facts(repo):
    detail = repo.jurisdiction("MO")
    text = plain(render_detail(detail, repo.info))
    for path in detail.paths:
        for caveat in path.caveats:
            assert caveat.text in text


def test_text_from_the_data_is_escaped(repo):
    from dataclasses import replace

    detail = repo.jurisdiction("MO")
    evil = replace(detail, text="<script>alert(1)</script> & more")
    html = render_detail(evil, repo.info)
    assert "<script>" not in html and "&lt;script&gt;" in html
