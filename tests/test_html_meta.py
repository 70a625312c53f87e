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
