"""Authors from HTML metadata and bylines: the publication is not an author."""
from __future__ import annotations

import pytest

import newsclean
from newsclean.html_meta import without_outlets

STORY = "<p>" + "The council voted on Tuesday to rebuild the old footbridge over the river. " * 5 + "</p>"


@pytest.mark.parametrize("names, sitename, url, expected", [
    (("Jane Doe", "CNN"), "CNN", "https://edition.cnn.com/x", ("Jane Doe",)),
    (("Jane Doe", "CNN Business"), None, "https://edition.cnn.com/x", ("Jane Doe",)),
    (("Jane Doe", "Fox News Digital"), "Fox News", None, ("Jane Doe",)),
    (("Ben Lee", "Atlas Van Lines"), None, "https://www.atlasvanlines.com/blog/x", ("Ben Lee",)),
    (("Jane Doe", "John Smith"), "CNN", "https://edition.cnn.com/x", ("Jane Doe", "John Smith")),
    (("Jillian Kubala", "MS", "RD"), "Healthline", "https://www.healthline.com/x",
     ("Jillian Kubala", "MS", "RD")),  # credentials, not the outlet
    (("Paul Graham",), "Paul Graham", "https://paulgraham.com/x", ("Paul Graham",)),  # first stays
])
def test_without_outlets(names, sitename, url, expected):
    assert without_outlets(names, sitename, url) == expected


def test_trailing_site_name_in_a_byline_is_not_an_author():
    page = (f"<html><head><title>Bridge</title><meta name='author' content='Jane Doe, CNN'>"
            f"<meta property='og:site_name' content='CNN'></head><body><article><h1>Bridge</h1>"
            f"{STORY}</article></body></html>")
    assert newsclean.clean(page, url="https://edition.cnn.com/x").authors == ("Jane Doe",)


# ---- a metadata source that fails costs its fields, never the article ----

BROKEN_JSON_LD = ('<script type="application/ld+json">{"@context": "https://schema.org", '
                  '"@graph": [[{"@type": "NewsArticle", "headline": "A list inside the graph"}]]}'
                  "</script>")


def test_json_ld_that_trafilatura_cannot_walk_costs_nothing_else():
    # a list inside @graph makes trafilatura's JSON-LD reader raise AttributeError (a real page,
    # WCXB other-dev 0823, died with a traceback); the meta tags and the article still count
    from conftest import FOOTBRIDGE

    article = newsclean.clean(FOOTBRIDGE.html(head_extra=BROKEN_JSON_LD))
    assert article.title == FOOTBRIDGE.title
    assert article.authors == (FOOTBRIDGE.author,) and article.date == FOOTBRIDGE.date
    assert FOOTBRIDGE.paras[0] in article.text


def test_every_metadata_source_failing_still_gives_the_article(monkeypatch):
    from conftest import FOOTBRIDGE

    from newsclean import html_dates, html_meta

    def broken(*_args, **_kwargs):
        raise AttributeError("a parser's own bug")

    # head_meta: the meta tags' fields as trafilatura's examine_meta read them; author_text:
    # trafilatura's author XPaths, in one walk
    for name in ("head_meta", "read_linked_data", "author_text"):
        monkeypatch.setattr(html_meta, name, broken)
    monkeypatch.setattr(html_dates, "htmldate_find", broken)
    article = newsclean.clean(FOOTBRIDGE.html().replace('<meta name="author"', '<meta name="x"'))
    assert FOOTBRIDGE.paras[0] in article.text
    assert article.title == FOOTBRIDGE.title  # the visible <h1> needs no parser
    # htmldate failing, the publication meta tag still dates the page (read by our own loop)
    assert article.date == FOOTBRIDGE.date
