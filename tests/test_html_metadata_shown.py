"""HTML metadata, issue 15 (fourth session): each shape seen among WCXB dev misses, on a page of
our own: bylines a page shows as text with no byline markup, declared authors read as written,
headlines with a tail after a pipe, a byline glued on, set in capitals, or cut short."""
from __future__ import annotations

import json

import pytest

import newsclean
from newsclean.html_byline import names_on_line
from newsclean.html_meta import declared_names, split_names
from tests.millpond import HEADLINE, STORY


def page(article: str = "", head: str = "", after: str = "", h1: str | None = HEADLINE,
         title: str = f"{HEADLINE} | Millford Courier") -> str:
    heading = f"<h1>{h1}</h1>" if h1 else ""
    return (f"<html><head><title>{title}</title>"
            f"<meta property='og:site_name' content='Millford Courier'>{head}</head><body>"
            f"<main><article>{heading}{article}{STORY}</article>{after}</main></body></html>")


def og_title(text: str) -> str:
    return f"<meta property='og:title' content='{text}'>"


# ---- declared authors, read as the page wrote them ----

def test_initials_in_a_declared_author_keep_their_dots():
    html = page(head="<meta name='author' content='Christopher S. Penn'>")
    assert newsclean.clean(html).authors == ("Christopher S. Penn",)


def test_a_job_after_a_declared_author_is_no_second_author():
    html = page(head="<meta name='author' content='Justin Meserole, Senior Editor'>")
    assert newsclean.clean(html).authors == ("Justin Meserole",)


def test_a_template_variable_declared_as_the_author_is_no_name():
    html = page(head="<meta name='author' content='page.head.extra.author'>",
                article="<p class='byline'>By Tim Enwall</p>")
    assert newsclean.clean(html).authors == ("Tim Enwall",)


@pytest.mark.parametrize("declared, names", [
    ("galitsyn »", ("galitsyn",)),  # a forum's user name and the mark after it
    ("amondale (Amondale)", ("amondale",)),
    ("Jiobal says:", ()),  # a comment's author
    ("Posted by BeauHD on Friday December 19, 2025 @08:00PM", ("BeauHD",)),  # a time, no handle
    ("Posted by BeauHD from the skewed-job-market dept.", ("BeauHD",)),
])
def test_declared_author_strings(declared, names):
    found = split_names(declared)
    assert tuple(n for text in found for n in declared_names(text)) == names


def test_handles_and_addresses_are_no_names():
    assert split_names("@jdoe; jane@example.com; sara.r.peter") == ("sara.r.peter",)


# ---- bylines shown as text, with no byline markup ----

def test_a_byline_shown_as_text_gives_the_author():
    html = page(article="<div><span>Written by</span> <a href='/team/jane'>Jane Doe</a></div>")
    assert newsclean.clean(html).authors == ("Jane Doe",)


def test_a_dated_byline_line_gives_the_author():
    html = page(article="<div>Published August 7, 2023 by Nicole Burke</div>")
    assert newsclean.clean(html).authors == ("Nicole Burke",)


def test_a_byline_beside_the_article_counts_though_the_cleaning_drops_its_column():
    html = page(after="<div class='col-side'><p>Written by<a href='/a'>Edzel Tabing</a></p></div>")
    assert newsclean.clean(html).authors == ("Edzel Tabing",)


@pytest.mark.parametrize("line", [
    "Photo by Jane Doe",  # a credit
    "Reviewed by Gene Petrino",  # a reviewer
    "Published by Mega Crit",  # a publisher
    "By Ovolo Collective Hotels",  # the outlet
    "Released: June 17, 2025 by Tor Authors",  # a book's date, not a byline's
    "Caused by Heavy Rain",  # a sentence
])
def test_lines_that_name_no_author(line):
    assert names_on_line(line) == ()
    assert newsclean.clean(page(article=f"<div>{line}</div>")).authors == ()


@pytest.mark.parametrize("line, names", [
    ("Mar 24, 2025 By Amy Wilhelm  0 comments", ("Amy Wilhelm",)),
    ("By A. J. Neal  View In Digital Edition", ("A. J. Neal",)),
    ("By: Samer Morqos, Counseling Psychologist", ("Samer Morqos",)),  # a job after a comma
    ("By Moses Kim and Kate Shokurova", ("Moses Kim", "Kate Shokurova")),
    ("Last updated on Mar 24, 2025 by Jane Doe", ("Jane Doe",)),
])
def test_byline_lines(line, names):
    assert names_on_line(line) == names


def test_bylines_of_a_teaser_list_are_not_the_pages():
    cards = "".join(f"<li><h3>Story {n} about the pond</h3><p class='who'>11/19/2025 | By {name}</p></li>"
                    for n, name in enumerate(("Jerra Toms", "Max Roe", "Ann Lee")))
    assert newsclean.clean(page(article=f"<ul>{cards}</ul>")).authors == ()


def test_a_byline_inside_a_teaser_link_is_not_the_pages():
    card = "<a href='/other'><h3>Another story about the county and its ponds</h3><p>By Max Roe</p></a>"
    assert newsclean.clean(page(after=card)).authors == ()


# ---- headlines ----

def test_a_tail_after_a_pipe_in_the_h1_is_no_part_of_the_headline():
    h1 = f"{HEADLINE} | Top 19 Companies"
    assert newsclean.clean(page(h1=h1, head=og_title(h1))).title == HEADLINE


def test_a_short_part_before_a_pipe_is_not_taken_for_the_headline():
    html = page(h1=None, head=og_title("Webcams | Yosemite valley from six places"))
    assert newsclean.clean(html).title == "Webcams | Yosemite valley from six places"


def test_a_declared_title_with_an_unnamed_site_after_a_pipe():
    html = page(h1=None, head=og_title(f"{HEADLINE} | Bridgestone Tires"))
    assert newsclean.clean(html).title == HEADLINE


def test_a_date_line_glued_after_the_headline_in_the_h1_goes():
    html = page(h1=f"{HEADLINE} Posted on July 1, 2024by infuy", head=og_title(HEADLINE))
    assert newsclean.clean(html).title == HEADLINE


def test_a_longer_h1_that_goes_on_in_words_stays():
    h1 = f"{HEADLINE} and frogs"
    assert newsclean.clean(page(h1=h1, head=og_title(HEADLINE))).title == h1


def test_an_h1_in_capitals_gives_way_to_the_declared_title_with_its_words():
    declared = "Pond Restoration: Volunteers Bring Wildlife Back to the Mill"
    html = page(h1="RESTORING THE MILL POND", head=og_title(declared))
    assert newsclean.clean(html).title == declared


def test_a_json_ld_headline_cut_short_is_read_whole():
    whole = ("Fix It Friday: Struggling With How To Arrange Your Living Room? We Help Four Readers "
             "Find Solutions (Including One Universal Trick)")
    cut = whole[:107]
    ld = {"@context": "https://schema.org", "@type": "BlogPosting", "headline": cut}
    html = page(h1=None, head=f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
                + og_title(f"{whole} - Millford Courier"))
    assert newsclean.clean(html).title == whole


def test_a_label_in_capitals_keeps_its_words():
    html = page(h1="WALLETS", head=og_title("Ridge Wallets"))
    assert newsclean.clean(html).title == "WALLETS"


def test_an_h1_in_capitals_that_opens_the_declared_title_keeps_its_words():
    html = page(h1="CERTIFICATE PROGRAMS", head=og_title("CERTIFICATE PROGRAMS | Professional Education"))
    assert newsclean.clean(html).title == "CERTIFICATE PROGRAMS"
