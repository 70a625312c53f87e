"""Labels, products and sections are no authors (issue 15, text path, ninth session): on shop,
service and docs pages a capitalised line under the headline or a heading reads like a name
alone ("Technical Specs", "Galaxy S25 Ultra", "Order Now"). Each shape is one seen on WCXB
other-dev's renderings, on a scrape of our own; the controls are the bylines the same places
hold on articles."""
from __future__ import annotations

import pytest

import newsclean
from newsclean.text.blocks import Block, MetaView
from newsclean.text.byline import read_byline
from newsclean.text.names import person_shaped
from tests.test_metadata_trust import HEADLINE
from tests.test_metadata_trust import TEXT_STORY as STORY
from tests.test_text_byline_scrapes import STANDFIRST, far_down
from tests.test_text_metadata import scrape


def authors(text: str) -> tuple[str, ...]:
    return newsclean.clean(text, input_type="text").authors


@pytest.mark.parametrize("name, expected", [
    ("Jane Doe", True),
    ("Rebecca MacFarlane", True),
    ("Jean-Luc Picard", True),
    ("PJ Hamel", True),  # initials open the name
    ("LEONARDO GARCIA", True),  # a byline set in capitals
    ("Dr. Allen", True),
    ("Madison Green", True),  # a colour is a surname too: not listed
    ("Galaxy S25 Ultra", False),  # a word with a digit
    ("React JS", False),  # two capitals past the first word
    ("SAP Ariba", False),  # an acronym
    ("Technical Specs", False),  # a shop's label
    ("Order Now", False),  # a call to action
    ("Travel Pets", False),  # a section menu
    ("Our Impact", False),
])
def test_what_a_persons_name_reads_like(name, expected):
    assert person_shaped(name) is expected


SPECS = "Technical Specs\n\nBest Use\n\nHiking\n\nFrame Type\n\nInternal Frame\n\n"


@pytest.mark.parametrize("under, expected", [
    (SPECS, ()),  # a product's name, then its specs' table
    ("Galaxy S25 Ultra\n\nCompare models\n\n", ()),  # the next product of a menu
    ("Travel Pets\n\nTOP STORIES\n\n", ()),  # a section menu's last row
    ("Jane Doe\n\n", ("Jane Doe",)),  # a byline under its headline
    ("Amar Hussain ×\n\n", ("Amar Hussain",)),
])
def test_a_label_under_the_headline_is_no_name(under, expected):
    assert authors(scrape(under=under)) == expected


def test_a_heading_over_a_name_line_is_no_byline():
    """A docs page's or a service page's heading, then a capitalised name of a thing: only a
    date, a job, a picture or the headline mark a name line as a byline."""
    under = f"{STANDFIRST}\n\n## Partners\n\nAcme Widgets\n\n"
    assert authors(scrape(under=under)) == ()
    under = f"{STANDFIRST}\n\n## Partners\n\nJane Doe\n\nMay 3, 2024\n\n"  # with its date: a byline
    assert authors(scrape(under=under)) == ("Jane Doe",)
    under = f"## {STANDFIRST}\n\nJane Doe\n\n"  # under the headline's deck set as a heading
    assert authors(scrape(under=under)) == ("Jane Doe",)


@pytest.mark.parametrize("above, expected", [
    ("Picture of Jane Doe", ("Jane Doe",)),  # her picture's alt text over her name
    ("Written By Jane Doe ×", ("Jane Doe",)),
    ("Résumé Cover Letter Thank You Letter LinkedIn Profile Add-On Add-On Add-On Jane Doe", ()),
])
def test_a_line_holding_the_name_marks_it_only_when_short(above, expected):
    """A row of a comparison table ends with the button under it ("... Add-On Order Now" /
    "Order Now"): a line longer than a picture's alt text is no mark of a byline."""
    under = f"{STANDFIRST}\n\nMore plans for the year\n\n{above}\n\nJane Doe\n\n"
    assert authors(scrape(under=under)) == expected


@pytest.mark.parametrize("lines, expected", [
    # a sponsor's box: its name, then a paragraph about it that reads like a bio
    (("Acme Tech", "Acme is the most-loved platform for energy firms, and they help utilities run "
      "their grids better every single day."), ()),
    (("Jane Doe", "Jane is a reporter who covers the county council, and she has written about "
      "its bridges for ten years."), ("Jane Doe",)),
    # a footer's menu: "Contributors" over its next entry
    (("Contributors", "Local Business"), ()),
    (("Written by", "Jane Doe"), ("Jane Doe",)),
])
def test_a_box_or_a_label_far_down_names_a_person_only(lines, expected):
    assert authors(far_down(*lines)) == expected


def block(text: str) -> Block:
    return Block(text, words=len(text.split()), sentence_like=text.endswith("."))


@pytest.mark.parametrize("beside, expected", [
    ("Hiking boots in four colours", ()),  # a shop's grid: a model's picture, then its name
    ("May 3, 2024", ("Stella Marsh",)),  # a name with its date is a byline wherever it stands
])
def test_a_name_alone_far_below_the_headline_and_above_the_opening(beside, expected):
    """The window runs from a headline at the top of the scrape down to the article's opening
    far below it: a name alone in between, with no date beside it, is no byline."""
    grid = [block(f"Trail shoe model {n}") for n in range(30)]
    page = [block(HEADLINE)] + grid + [block("Picture of Stella Marsh"), block("Stella Marsh"),
                                       block(beside)] + grid
    page += [block(part) for part in STORY.split("\n\n")]
    view = MetaView.of(page, len(page) - 4)  # the region opens on the story
    assert read_byline(view, headline_at=0).authors == expected
