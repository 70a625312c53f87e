"""HTML dates, issue 15 (sixth session): dates from the wrong source on pages that are no
article, each shape on a page of our own: a site's front page dated by its newest teaser, a
product's release date, a question dated by its last edit."""
from __future__ import annotations

import lxml.html
import pytest

import newsclean
from newsclean import html_dates
from newsclean.html_dates import headline_date, labelled_days, shown_dates
from newsclean.jsonld import LinkedData
from tests.millpond import HEADLINE, STORY

TEASERS = "".join(
    f"<article class='post'><h2><a href='/{n}'>{title}</a></h2><span class='date'>{day}</span>"
    "<p>Volunteers spent six weekends clearing silt and reeds from the old mill pond.</p></article>"
    for n, (title, day) in enumerate([(HEADLINE, "March 6, 2026"), ("Herons return", "March 2, 2026"),
                                      ("Newts counted", "February 2, 2026")]))
FRONT = f"<html><head><title>Millford Courier</title></head><body><main>{TEASERS}</main></body></html>"


@pytest.mark.parametrize("url, day", [
    ("https://millfordcourier.example/", None),  # a front page: its dates are its teasers'
    ("https://millfordcourier.example", None),
    ("https://millfordcourier.example/#top", None),
    ("https://millfordcourier.example/?p=42", "2026-03-06"),  # a post at the root
    ("https://millfordcourier.example/#!/news/mill-pond", "2026-03-06"),  # an app's route
    ("https://millfordcourier.example/news/mill-pond", "2026-03-06"),
])
def test_a_front_page_is_not_dated_by_its_newest_teaser(url, day):
    tree = lxml.html.fromstring(FRONT)
    assert html_dates.publication_date(tree, url, LinkedData())[0] == day


def test_a_front_page_that_declares_a_date_gets_none():
    head = "<meta property='article:published_time' content='2026-03-06T08:00:00Z'>"
    tree = lxml.html.fromstring(FRONT.replace("</title>", "</title>" + head))
    assert html_dates.publication_date(tree, "https://millfordcourier.example/", LinkedData())[0] is None
    assert html_dates.publication_date(tree, "https://millfordcourier.example/news/a",
                                       LinkedData())[0] == "2026-03-06"


PRODUCT = ("<html><head><title>Mill Pond Simulator</title></head><body><main><h1>Mill Pond Simulator</h1>"
           "<div class='specs'>{specs}</div>" + STORY + "</main></body></html>")


@pytest.mark.parametrize("specs", [
    "<div class='label'>Released</div><div class='grid_date'>21 Aug, 2012</div>",
    "<div class='label'>Release Date:</div><div class='grid_date'>Aug 21, 2012</div>",
    "<p>Released 21 Aug, 2012</p>",
    "<p><b>Release date:</b> 21 Aug, 2012</p>",
    "<p>Expected availability: Aug 21, 2012</p>",
    "<p>Member since August 21, 2012</p>",
    "<p>Last active Aug 21, 2012 13:58</p>",
    "<h4>Effective beginning 8/21/2012:</h4>",  # a rule's start, on a government page
    "<div>Last active <time datetime='2012-08-21T13:58:00Z'>Aug 21</time></div>",
    "<p>Erscheinungsdatum: 21.08.2012</p>",
    "<p>Date de sortie : 21 août 2012</p>",
])
def test_a_products_release_or_a_members_joining_date_is_no_publication_date(specs):
    html = PRODUCT.format(specs=specs)
    scope = lxml.html.fromstring(html).find("body")
    assert shown_dates(scope) == []
    assert headline_date(scope) is None
    assert newsclean.clean(html, url="https://millfordgames.example/app/440/mill-pond").date is None


@pytest.mark.parametrize("specs", [  # the same shapes, a publication's date: kept
    "<div class='label'>Published</div><div class='grid_date'>21 Aug, 2012</div>",
    "<p>Posted 21 Aug, 2012</p>",
    "<p><b>Date:</b> 21 Aug, 2012</p>",
])
def test_a_publication_dates_label_keeps_it(specs):
    scope = lxml.html.fromstring(PRODUCT.format(specs=specs)).find("body")
    assert shown_dates(scope) == [("2012-08-21", False)]
    assert headline_date(scope) == "2012-08-21"


def test_dates_after_an_update_label_in_a_line_are_the_updates():
    assert labelled_days("August 16, 2019 - Updated July 9, 2025", "") == [
        ("2019-08-16", False), ("2025-07-09", True)]
    assert labelled_days("Jul 9, 2025", "Last updated:") == [("2025-07-09", True)]
    assert labelled_days("Jul 9, 2025", "By Jane Doe") == [("2025-07-09", False)]
    assert labelled_days("Released 21 Aug, 2012", "") == []


QUESTION = ("<html><head><title>How do I clear silt from a mill pond?</title></head><body><main>"
            "<h1>How do I clear silt from a mill pond?</h1>"
            "<div class='meta'><span>Asked</span> "
            "<time datetime='2011-02-11T04:12:00'>13 years ago</time></div>"
            + STORY +
            "<div class='signature'><a href='/posts/1/revisions'>edited <span class='relativetime'>"
            "Feb 12, 2011 at 21:50</span></a></div></main></body></html>")


def test_a_question_is_dated_when_asked_not_when_last_edited(monkeypatch):
    tree = lxml.html.fromstring(QUESTION)
    assert shown_dates(tree.find("body")) == [("2011-02-11", False), ("2011-02-12", True)]
    # the markup's reader takes the edit's date (as htmldate does on such pages): the page shows
    # an earlier one first, not labelled an edit's, which is the question's
    monkeypatch.setattr(html_dates, "htmldate_find", lambda *args, **kwargs: "2011-02-12")
    url = "https://ponds.example/questions/1/clear-silt"
    assert html_dates.publication_date(tree, url, LinkedData())[0] == "2011-02-11"
    monkeypatch.setattr(html_dates, "htmldate_find", lambda *args, **kwargs: "2011-02-11")
    assert html_dates.publication_date(tree, url, LinkedData())[0] == "2011-02-11"


def test_an_update_date_shown_first_stays_the_date(monkeypatch):
    """Only an earlier date shown before the update's is taken for it: an article that shows
    its update alone (or first) keeps it, as the gold of most such articles does."""
    html = (f"<html><body><main><article><h1>{HEADLINE}</h1><p>Updated March 9, 2026</p>"
            f"{STORY}<p>Published Oct 21, 2025</p></article></main></body></html>")
    tree = lxml.html.fromstring(html)
    monkeypatch.setattr(html_dates, "htmldate_find", lambda *args, **kwargs: "2026-03-09")
    assert html_dates.publication_date(tree, "https://millfordcourier.example/news/a",
                                       LinkedData())[0] == "2026-03-09"


THREAD = ("<html><head><title>Mill pond forum</title>{head}</head><body><main><h1>Mill pond forum</h1>"
          + STORY + "</main></body></html>")


@pytest.mark.parametrize("head, day", [
    ("<meta property='article:published_time' content='2024-11-27T15:50:23Z'>", "2024-11-27"),
    ("<meta name='description' content='A thread about the mill pond'>", None),
])
def test_a_declared_publication_date_beats_an_unbacked_reading(monkeypatch, head, day):
    # the markup's reader takes a date the page neither declares nor shows (a forum's latest
    # post, in its scripts' data): the publication meta tag is the date
    monkeypatch.setattr(html_dates, "htmldate_find", lambda *args, **kwargs: "2026-03-01")
    tree = lxml.html.fromstring(THREAD.format(head=head))
    assert html_dates.publication_date(tree, "https://ponds.example/topic/1", LinkedData())[0] == day


@pytest.mark.parametrize("url, authors", [
    ("https://millfordcourier.example/", ()),  # the front page: the newest story's author
    ("https://millfordcourier.example/news/mill-pond", ("Jane Marsh",)),
])
def test_a_front_page_names_no_person_as_its_author(url, authors):
    head = "<meta name='author' content='Jane Marsh'>"
    html = FRONT.replace("</title>", "</title>" + head).replace(
        "<span class='date'>", "<span class='byline'>By Jane Marsh</span><span class='date'>", 1)
    assert newsclean.clean(html, url=url).authors == authors


def test_a_front_page_declaring_its_own_name_as_author_keeps_it():
    head = ("<meta property='og:site_name' content='Millford Courier'>"
            "<meta name='author' content='Millford Courier'>")
    html = FRONT.replace("</title>", "</title>" + head)
    assert newsclean.clean(html, url="https://millfordcourier.example/").authors == ("Millford Courier",)
