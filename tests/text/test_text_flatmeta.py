"""flattitle and flatmeta: a page flattened to one line, its headline, byline and date read
from its words; one shape a test, on one-line scrapes written for them."""
from __future__ import annotations

from flatstory import PARAGRAPHS as STORY_PARAGRAPHS

import newsclean
from newsclean.text.flatmeta import (
    bounded_byline,
    byline_name,
    echo_end,
    flat_byline,
    labelled_date,
)
from newsclean.text.flattitle import flat_title, flat_title_shown_once

PARAGRAPHS = STORY_PARAGRAPHS[:8]
ARTICLE = " ".join(PARAGRAPHS)
MENU = "Home News Sport Weather Travel Money Culture Science Climate Video Contact Order Now"
FOOTER = " ".join(["About us", "Contact", "Privacy", "Terms", "Cookies", "Careers", "Advertise"] * 12)


def one_line(title: str, *head: str) -> str:
    """A page on one line: its <title>, a menu, what stands above the article, the article and
    a footer (over 2,000 characters)."""
    return " ".join([title, MENU, *head, ARTICLE, FOOTER])


def test_a_title_part_said_again_in_another_case_or_with_curly_quotes_is_the_headline():
    text = one_line("Why Cheap SEO Doesn't Work | Acme Blog", "Why Cheap SEO Doesn’t Work")
    assert flat_title(text) == "Why Cheap SEO Doesn’t Work"  # as the page shows it
    text = one_line("Tips for Online Success | Acme College", "TIPS FOR ONLINE SUCCESS")
    assert flat_title(text) == "TIPS FOR ONLINE SUCCESS"
    # a sentence that says the same words in lower case is no headline
    text = one_line("Tips for Online Success | Acme College",
                    "tips for online success are what this page is about, it says.")
    assert flat_title(text) is None


def test_the_headline_after_a_site_name_is_the_run_the_page_says_again():
    title = "Frommers | The Ten Best Airfare Search Sites for Travellers"
    text = one_line(title, "The Ten Best Airfare Search Sites for Travellers By Jane Doe")
    assert flat_title(text) == "The Ten Best Airfare Search Sites for Travellers"


def test_a_run_cut_at_of_goes_on_with_the_year_the_page_shows():
    # the <title> was updated to the next year, the visible headline was not
    text = one_line("Best Camping Hammocks of 2027 Tested and Reviewed",
                    "Best Camping Hammocks of 2026 Last updated April 1, 2026")
    assert flat_title(text) == "Best Camping Hammocks of 2026"


def test_a_title_shown_nowhere_else_gives_its_first_part():
    text = one_line("Millbrook votes to rebuild its footbridge | Millbrook Herald")
    assert flat_title(text) is None
    assert flat_title_shown_once(text) == "Millbrook votes to rebuild its footbridge"
    assert flat_title_shown_once(one_line("Millbrook votes to rebuild its footbridge")) is None
    article = newsclean.clean(text, input_type="text")
    assert article.title == "Millbrook votes to rebuild its footbridge"


def test_a_name_and_a_date_above_the_first_paragraph_are_the_byline():
    text = one_line("Millbrook votes to rebuild its footbridge | Millbrook Herald",
                    "Order Now Jane Doe September 4, 2025 5:50 am")
    article = newsclean.clean(text, input_type="text")
    assert article.authors == ("Jane Doe",)  # "Order Now" is the menu's, said there too
    assert article.date == "2025-09-04"


def test_words_before_a_date_that_name_no_one_are_no_byline():
    text = one_line("x") + " Comments Share Print Managing Editor"
    for words in ("Comments Share", "Print Managing Editor", "Written By"):
        assert not byline_name(words, text)
    assert byline_name("Jane Doe", text) and byline_name("Jane Q. Public", text)
    # a share bar's words before the date: the page gets no author
    page = one_line("Millbrook votes to rebuild its footbridge | Millbrook Herald",
                    "Comments Share September 4, 2025")
    assert newsclean.clean(page, input_type="text").authors == ()


def test_a_labelled_date_in_the_first_half_of_the_page_is_its_date():
    text = one_line("Millbrook votes to rebuild its footbridge | Millbrook Herald",
                    "Published Jun 4, 2025")
    assert labelled_date(text) == "2025-06-04"
    assert newsclean.clean(text, input_type="text").date == "2025-06-04"
    # a comment's "Posted on" far below the article is not the page's
    late = one_line("Millbrook votes to rebuild its footbridge | Millbrook Herald") + (
        " Posted on June 9, 2025 by a reader")
    assert labelled_date(late) is None


def test_the_byline_follows_a_headline_worded_otherwise_than_the_title():
    title = "Seven Major Diet Trends for 2025, According to Nutritionists"
    shown = ("The Seven Biggest Diet and Nutrition Trends in 2025, According to Nutritionists "
             "Health Jane Doe May 3, 2025")
    text = one_line(f"{title} | Acme Health", shown)
    end = echo_end(text, title)  # where most of the <title>'s words have been said again
    assert end is not None and text[:end].endswith("2025, According") and end > len(title)
    byline = flat_byline(text, title)
    assert byline.authors == ("Jane Doe",) and byline.date == "2025-05-03"


def test_a_by_line_with_nothing_after_the_name_but_the_story_is_bounded_by_the_grammar():
    page = one_line("Millbrook votes to rebuild its footbridge | Millbrook Herald",
                    "Apr 12 Written by Jane Doe")
    dated = "Apr 12 Written by Jane Doe The council voted on Tuesday"
    assert bounded_byline(dated, page) == ("Jane Doe",)
    # undated, a "by" is as often a shop's or a listing's ("Sold by Acme Stores Ships ...")
    assert bounded_byline("Written by Jane Doe The council voted on Tuesday", page) == ()
    # a third capitalised word may be the name's: read only when the page says it again
    assert bounded_byline("Apr 12 By Jane Doe Table of Contents", page) == ()
    assert bounded_byline("Apr 12 By Jane Doe Table of Contents", page + " About Jane Doe") == (
        "Jane Doe",)
    assert newsclean.clean(page, input_type="text").authors == ("Jane Doe",)


def test_a_date_label_is_no_name_and_last_updated_no_publication_date():
    text = one_line("Millbrook votes to rebuild its footbridge | Millbrook Herald")
    assert not byline_name("Last Modified", text)
    assert labelled_date(one_line("x", "Last updated on Feb 25, 2026")) is None
    assert labelled_date(one_line("x", "Updated on Feb 25, 2026")) == "2026-02-25"


def test_a_listing_whose_items_each_carry_a_labelled_date_gets_none():
    items = " ".join(f"repository-{n} A library for things Updated Mar {n}, 2026" for n in range(1, 6))
    text = one_line("Repositories | Acme", items)
    assert labelled_date(text) is None
    assert labelled_date(one_line("x", "Published Mar 1, 2026 Updated Mar 2, 2026")) == "2026-03-01"
