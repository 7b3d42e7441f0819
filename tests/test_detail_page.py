"""The detail page, rendered from plain data with no window."""

from __future__ import annotations

import re
from html import unescape

from desktop import strings
from desktop.pages.detail import render_detail


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


def test_each_page_says_how_current_its_own_facts_are(repo):
    dated = 0
    for summary in repo.jurisdictions():
        detail = repo.jurisdiction(summary.code)
        text = plain(render_detail(detail, repo.info))
        if detail.as_of:
            dated += 1
            assert f"Facts for {detail.name} checked as of" in text, summary.code
        else:
            assert strings.PLACE_AS_OF_NONE.format(place=detail.name) in text, summary.code
    assert dated >= 30  # most places have sources of their own


def test_official_links_show_as_text_with_their_source(repo):
    from dataclasses import replace

    from desktop.data.place_records import OfficialLink

    detail = repo.jurisdiction("AZ")
    some_source = next(iter(detail.sources))
    path = replace(detail.paths[0], form=OfficialLink("https://example.org/form?a=1&b=2", some_source))
    detail = replace(detail, paths=(path, *detail.paths[1:]),
                     legal_aid=OfficialLink("https://example.org/aid", some_source))
    html = render_detail(detail, repo.info)
    text = plain(html)
    assert "https://example.org/form?a=1&b=2" in text and "&amp;b=2" in html
    assert strings.FIELD_LABELS["form"] in text
    assert strings.LINK_LEGAL_AID.format(url="https://example.org/aid") in text
    assert strings.H_OFFICIAL_HELP in text
