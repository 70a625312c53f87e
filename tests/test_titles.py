"""The <title> reading both paths share: which last part is the site's name."""
from __future__ import annotations

import html

import pytest
from conftest import FOOTBRIDGE

import newsclean
from newsclean.titles import without_site_name


@pytest.mark.parametrize(("title", "headline"), [
    ("Council votes to rebuild the footbridge | Valley Courier", "Council votes to rebuild the footbridge"),
    ("Council votes to rebuild the footbridge » Valley Courier", "Council votes to rebuild the footbridge"),
    ("Council votes on the bridge - MIT Sloan", "Council votes on the bridge"),
    # a last part of more than three words, or not all capitalised, is the headline's own
    ("Vote - The Valley Courier Online Edition", "Vote - The Valley Courier Online Edition"),
    ("Brake pads – From a Mechanic", "Brake pads – From a Mechanic"),
    ("Ukraine : la trêve tient", "Ukraine : la trêve tient"),  # a colon is no separator
    ("No separator here", "No separator here"),
])
def test_without_site_name(title, headline):
    assert without_site_name(title) == headline


def untitled_page(title: str) -> str:
    """A page with no <h1> and no declared headline: only its <title> names it."""
    paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in FOOTBRIDGE.paras)
    return (f"<html><head><title>{html.escape(title)}</title></head>"
            f"<body><article>{paras}</article></body></html>")


@pytest.mark.parametrize("title", [
    "Millbrook council votes to rebuild the old footbridge » Valley Courier",
    "Millbrook council votes to rebuild the old footbridge | Valley Courier",
])
def test_html_path_drops_the_site_name_as_the_text_path_does(title):
    scrape = f"{title}\n\n" + "\n\n".join(FOOTBRIDGE.paras) + "\n"
    assert newsclean.clean(untitled_page(title), input_type="html").title == FOOTBRIDGE.title
    assert newsclean.clean(scrape, input_type="text").title == FOOTBRIDGE.title
