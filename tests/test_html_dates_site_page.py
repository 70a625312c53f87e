"""HTML dates, issue 15 (ninth session): dates a page declares or shows that are no publication's,
each shape on a page of our own: a site's page (og:type website) whose declared publication
date it shows nowhere while it declares a later change, and a date labelled as the page's last
review or check."""
from __future__ import annotations

import json

import lxml.html
import pytest

import newsclean
from newsclean import html_dates
from newsclean.html_dates import labelled_days, shown_dates, shows_day, site_page_date
from newsclean.jsonld import read_linked_data
from tests.millpond import HEADLINE, STORY

URL = "https://millfordcourier.example/guides/mill-pond"
PUBLISHED, MODIFIED = "2013-08-22", "2025-03-27"


def page(og_type: str | None = "website", shown: str = "", modified: str | None = MODIFIED) -> str:
    """A guide whose JSON-LD declares its publication (and its modification) date, with
    og:type `og_type` and the line `shown` under its headline."""
    linked = {"@context": "https://schema.org", "@type": "Article", "headline": HEADLINE,
              "datePublished": f"{PUBLISHED}T21:43:53Z"}
    if modified:
        linked["dateModified"] = f"{modified}T10:00:00Z"
    og = f"<meta property='og:type' content='{og_type}'>" if og_type else ""
    return (f"<html><head><title>{HEADLINE}</title>{og}"
            f"<script type='application/ld+json'>{json.dumps(linked)}</script></head><body>"
            f"<main><article><h1>{HEADLINE}</h1>{shown}{STORY}</article></main></body></html>")


def date_of(html: str) -> str | None:
    tree = lxml.html.fromstring(html)
    return html_dates.publication_date(tree, URL, read_linked_data(tree))[0]


# ---- a site's page: its declared publication date when it shows it, else what it shows ----

def test_a_site_page_that_shows_no_date_gets_none_for_its_unshown_declared_one():
    assert date_of(page()) is None
    article = newsclean.clean(page(), url=URL)
    assert article.date is None
    assert article.date_modified == MODIFIED  # still given as what it is


def test_a_site_page_that_shows_its_modification_date_is_dated_by_it():
    shown = "<p class='updated'>Last updated March 27, 2025</p>"
    assert date_of(page(shown=shown)) == MODIFIED


def test_a_site_page_that_shows_its_publication_date_keeps_it():
    shown = "<p class='byline'>Published August 22, 2013</p>"
    assert date_of(page(shown=shown)) == PUBLISHED


@pytest.mark.parametrize("og_type", ["article", None])
def test_an_article_keeps_the_publication_date_it_declares_without_showing_it(og_type):
    assert date_of(page(og_type=og_type)) == PUBLISHED


@pytest.mark.parametrize("modified", [None, PUBLISHED])
def test_a_site_page_that_declares_no_later_change_keeps_its_declared_date(modified):
    assert date_of(page(modified=modified)) == PUBLISHED


def test_the_rule_reads_only_what_a_reader_sees():
    # the day in a script or a style is not shown; in a <time>'s datetime it is
    html = page(shown=f"<script>var published = 'August 22, 2013';</script><time datetime='{MODIFIED}'>"
                      "last spring</time>")
    body = lxml.html.fromstring(html).find("body")
    assert not shows_day(body, PUBLISHED)
    assert shows_day(body, MODIFIED)
    tree = lxml.html.fromstring(html)
    day, (source, _) = site_page_date(tree, PUBLISHED, read_linked_data(tree), html_dates.meta_contents(tree))
    assert (day, source) == (MODIFIED, "page text")


def test_a_site_page_is_dated_by_the_date_it_shows_not_the_one_it_declares():
    shown = "<p class='byline'>Jane Doe | May 14, 2025</p>"
    assert date_of(page(shown=shown)) == "2025-05-14"
    assert date_of(page(shown=shown, modified=None)) == "2025-05-14"
    assert date_of(page(og_type="article", shown=shown)) == PUBLISHED  # an article's declaration stands


# ---- a review's or a check's date is no publication's ----

@pytest.mark.parametrize("label", ["Date Last Reviewed:", "Last reviewed", "Reviewed on", "Last checked:",
                                   "Zuletzt überprüft am", "Geprüft am", "Vérifié le"])
def test_a_date_labelled_a_review_or_a_check_is_not_shown_as_a_publication(label):
    assert labelled_days("April 14, 2025", label) == []
    html = (f"<html><body><main><article><h1>{HEADLINE}</h1>{STORY}<div class='field'>"
            f"<div class='label'>{label}</div><div class='item'><time datetime='2025-04-14'>"
            "April 14, 2025</time></div></div></article></main></body></html>")
    assert shown_dates(lxml.html.fromstring(html).find("body")) == []


def test_a_date_reviewed_by_someone_is_still_read():
    # "Reviewed by Dr Jane Doe | March 3, 2025": the label before the date is a byline's
    assert labelled_days("March 3, 2025", "Medically reviewed by Dr Jane Doe |") == [("2025-03-03", False)]


@pytest.mark.parametrize("text, shown", [
    ("Published 22 August 2013 by Jane Doe", True),
    ("Publicado el 22 de agosto de 2013", True),
    ("Posted 2013-08-22 10:00", True),
    ("22.08.2013", True),
    ("Published 23 August 2013; \u00a9 2013 Millford Courier", False),  # the year alone, another day
    ("Item 122.08.2013", False),  # a longer number is no date
])
def test_a_day_is_read_around_its_year(text, shown):
    body = lxml.html.fromstring(f"<html><body><main><p>{'filler words ' * 30}{text} "
                                f"{'more filler ' * 30}</p></main></body></html>").find("body")
    assert shows_day(body, PUBLISHED) is shown
