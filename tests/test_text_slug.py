"""The page URL's slug as a witness of the text path's headline (newsclean/slug.py,
text/agreement.slug_headline and slug_unglued): a scrape that prints no <title> line, read with
the URL a user gives (`--url`, batch's URL field, a WARC record's)."""
from __future__ import annotations

import pytest

import newsclean
from newsclean.slug import slug_cover, slug_words
from tests.test_metadata_trust import HEADLINE
from tests.test_metadata_trust import TEXT_STORY as STORY
from tests.test_text_agreement import CONTENTS, MENU

STOPS = frozenset({"the", "to", "a", "of", "new", "and"})  # a few stopwords, for the unit tests
URL = "https://gazette.example/2024/05/03/council-backs-new-footbridge-mill-river/"
# a far headline: the contents list stands between it and the story, and its last entry is
# what the headline search takes without a witness (test_text_agreement)
FAR = f"{MENU}{HEADLINE}\n\n{CONTENTS}{STORY}\n\nShare\n"


def clean(text: str, url: str | None) -> newsclean.Article:
    return newsclean.clean(text, url=url, input_type="text")


@pytest.mark.parametrize("url, words", [
    (URL, ("council", "backs", "footbridge", "mill", "river")),
    # an id after the slug, an id inside it, a file's ending
    ("https://abc.example/post/council-backs-footbridge/18153161/", ("council", "backs", "footbridge")),
    ("https://x.example/health/a63515464/council-backs-footbridge-2025/",
     ("council", "backs", "footbridge")),
    ("https://x.example/news/council-backs-footbridge.html", ("council", "backs", "footbridge")),
    ("https://x.example/news/council_backs_footbridge.php?id=3", ("council", "backs", "footbridge")),
    # no headline in the URL: a section, too few words, an id, a file name, none at all
    ("https://x.example/news/", ()),
    ("https://x.example/blog/ai-agents", ()),
    ("https://x.example/blog/the-new-ai-agents", ()),  # stopwords do not count
    ("https://x.example/article-123", ()),
    ("https://x.example/index.html", ()),
    ("https://x.example/2024/05/03/18153161/", ()),
    ("https://x.example/", ()),
    (None, ()),
])
def test_slug_words(url, words):
    """The slug's words (no stopwords, numbers or ids), or none when it names no headline."""
    assert slug_words(url, STOPS) == words


def test_slug_cover_reads_stems_and_cut_words():
    """"agency" / "agencies", "trend" / "trends", a slug cut short ("manag"); a short word is the
    word itself; a link's address and a picture's alt text say nothing."""
    slug = ("agency", "trend", "manag", "seo")
    assert slug_cover("Top SEO Agencies and Trends in Management", slug) == 1.0
    assert slug_cover("Top SEOs", ("seo", "top")) == 0.5
    assert slug_cover("Share this x.example/agency-trend-manag-seo", slug) == 0.0
    assert slug_cover("[agency trend management seo] Credit: Jane Doe", slug) == 0.0


def test_the_line_the_slug_spells_is_the_headline_wherever_it_stands():
    """No <title> line, the headline far from the story: the URL's slug says which line it is."""
    assert clean(FAR, URL).title == HEADLINE


def test_without_the_url_the_far_headline_is_not_found():
    """The same scrape read without its URL: nothing says which far line is the headline."""
    assert clean(FAR, None).title != HEADLINE


@pytest.mark.parametrize("url", [
    "https://gazette.example/news/",  # a section
    "https://gazette.example/story/18153161",  # an id
    "https://gazette.example/2024/05/03/festival-returns-to-the-green/",  # a slug no line says
])
def test_a_slug_that_agrees_with_no_line_says_nothing(url):
    """A URL with no slug, or a slug that no line of the page says, changes nothing."""
    assert clean(FAR, url).title == clean(FAR, None).title


def test_a_headline_that_says_part_of_the_slug_is_kept():
    """The headline reworded after its URL was made still says half the slug: a later
    subheading that says the slug better does not replace it."""
    headline = "Footbridge plan backed at last by the council"
    text = (f"{MENU}{headline}\n\nMay 3, 2024\n\n{STORY}\n\nWhy the council backs a new "
            f"footbridge over the Mill river\n\n{STORY}\n\nShare\n")
    assert clean(text, URL).title == headline


@pytest.mark.parametrize("line", [
    "NewsCouncil backs new footbridge over the Mill river",  # a section's label run in
    "Newsroom/Local news/Council backs new footbridge over the Mill river",  # a breadcrumb
])
def test_a_label_glued_before_the_headline_goes(line):
    """A scrape that glues inline elements (textContent) runs a section's label or breadcrumb
    into the headline; the slug witnesses where the headline starts."""
    text = f"{MENU}{line}\n\nMay 3, 2024\n\n{STORY}\n\nShare\n"
    assert clean(text, URL).title == HEADLINE
    assert clean(text, None).title == line


def test_a_capitalised_name_inside_stays_whole():
    """"FootBridge" is the project's name, written so elsewhere on the page: no glue."""
    line = "FootBridge council backs new footbridge over the Mill river"
    text = f"{MENU}{line}\n\nMay 3, 2024\n\n{STORY}\n\nThe FootBridge fund is open.\n\nShare\n"
    assert clean(text, URL).title == line
