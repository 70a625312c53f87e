"""The text path's headline by agreement with the <title> a scrape opens with
(text/agreement.py), and the tail after a pipe (titles.without_pipe_tail)."""
from __future__ import annotations

import pytest

import newsclean
from newsclean.text.agreement import headline_part, same_words
from newsclean.titles import without_pipe_tail
from tests.test_metadata_trust import HEADLINE
from tests.test_metadata_trust import TEXT_STORY as STORY

MENU = "Home\n\nNews\n\nSport\n\nContact\n\n"
# a long table of contents between the headline and the story: more lines than the headline
# search looks back over, each headline-like
CONTENTS = "".join(f"Part {n}: what the river crossing means for the town\n\n" for n in range(1, 46))


def clean(text: str) -> newsclean.Article:
    return newsclean.clean(text, input_type="text")


def test_the_titles_headline_part_said_again_far_from_the_story_is_the_headline():
    """A crawler dump opens with "Headline | Site"; the page shows the headline again, but a
    long contents list stands between it and the story: the line that says the <title>'s
    headline part again is the headline, not the contents' last entry."""
    text = f"{HEADLINE} | Pine Ridge Gazette\n\n{MENU}{HEADLINE}\n\n{CONTENTS}{STORY}\n\nShare\n"
    assert clean(text).title == HEADLINE


def test_the_headline_set_twice_still_agrees():
    """The page sets its headline, a question, twice (a breadcrumb's last step, then the
    heading), which marks it as repeated prose: it is still the line the <title> gives."""
    question = "Will the council back a new footbridge over the Mill river this spring?"
    text = (f"{question} | Pine Ridge Gazette\n\n{MENU}{question}\n\n{question}\n\n{CONTENTS}"
            f"{STORY}\n\nShare\n")
    assert clean(text).title == question


def test_without_the_title_line_the_far_headline_is_not_found():
    """The same page with no <title> line (a terminal dump): nothing says which far line is the
    headline, and the one near the story is taken (this is what the <title> line adds)."""
    text = f"{MENU}{HEADLINE}\n\n{CONTENTS}{STORY}\n\nShare\n"
    assert clean(text).title != HEADLINE


def test_the_headline_part_in_another_case_and_quotes():
    """The page sets the headline in capitals or with curly quotes: the same words still agree."""
    title = "Council’s vote backs the new footbridge"
    text = (f"{title.replace('’', chr(39))} - Pine Ridge Gazette\n\n{MENU}{title.upper()}\n\n"
            f"{CONTENTS}{STORY}\n\nShare\n")
    assert clean(text).title == title.upper()


@pytest.mark.parametrize("first", [
    "Pine Ridge Gazette | Council backs footbridge",  # "Site | Headline": the site is the first part
    "Gazette | Council backs new footbridge over the river",  # a first part too short to be one
])
def test_a_site_name_first_in_the_title_is_no_headline(first):
    """The site's name said again (its logo's line) is never taken for the headline."""
    site = first.split(" | ")[0]
    text = f"{first}\n\n{site}\n\n{MENU}{CONTENTS}{STORY}\n\nShare\n"
    assert clean(text).title != site


def test_a_banner_the_scrape_opens_with_is_no_headline():
    """A first line with no separator that comes again at the page's foot (a banner, a menu
    run together) and that the story does not echo is no <title>: not the headline."""
    banner = "Free shipping on all orders over fifty dollars today"
    text = f"{banner}\n\n{MENU}{HEADLINE}\n\nMay 3, 2024\n\n{STORY}\n\n{banner}\n"
    assert clean(text).title == HEADLINE


@pytest.mark.parametrize("title, part, whole", [
    ("Council backs footbridge | Pine Ridge Gazette", "council backs footbridge", False),
    ("Council backs footbridge – Town – Gazette", "council backs footbridge", False),
    ("Gazette | Council backs footbridge", None, False),
    ("Council backs the new footbridge", "council backs the new footbridge", True),
    ("Pine Ridge Gazette", None, True),
    ("Free standard shipping on all orders over $99.", None, True),  # a banner's sentence
])
def test_headline_part(title, part, whole):
    assert headline_part(title) == (part, whole)


def test_same_words():
    assert same_words("Council’s “Vote” — Backed.") == same_words("council's \"vote\" - backed")


@pytest.mark.parametrize("line, title", [
    ("Best Residential Movers in NYC 2025 | Top 19 Companies", "Best Residential Movers in NYC 2025"),
    (f"{HEADLINE} | Opinion", HEADLINE),
])
def test_a_tail_after_a_pipe_goes_from_a_text_headline(line, title):
    text = f"{MENU}{line}\n\nBy Jane Doe\n\nMay 3, 2024\n\n{STORY}\n\nShare\n"
    assert clean(text).title == title


@pytest.mark.parametrize("title, expected", [
    ("Best Movers | Top 19", "Best Movers | Top 19"),  # two words before the pipe: no headline alone
    ("Top 10 Tools | Python, SQL", "Top 10 Tools"),
    ("Headline with no pipe", "Headline with no pipe"),
])
def test_without_pipe_tail(title, expected):
    assert without_pipe_tail(title) == expected
