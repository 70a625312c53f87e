"""Bylines as scrapers break and glue them (issue 15, text path, seventh session): a text node
per line ("by" / "Jane Doe"), text nodes joined with nothing between ("written byJane Doe"),
a name under the headline's standfirst, a headline chosen below the region's opening. Each
shape is one seen in the WCXB renderings, on a scrape of our own; the guards are the pages
the looser readings gave authors to where none is named."""
from __future__ import annotations

import pytest

import newsclean
from newsclean.text.blocks import Block, MetaView
from newsclean.text.byline import read_byline
from tests.test_metadata_trust import HEADLINE
from tests.test_metadata_trust import TEXT_STORY as STORY
from tests.test_text_metadata import DECK, scrape

STANDFIRST = f"{DECK}."  # a sentence under the headline


def authors(text: str) -> tuple[str, ...]:
    return newsclean.clean(text, input_type="text").authors


def nodes(*lines: str) -> str:
    """A scrape that breaks at every text node: one line each, no blank line between."""
    return "Home\nNews\nSport\n" + "\n".join(lines) + "\n" + STORY + "\n"


def test_a_by_on_a_line_of_its_own_opens_the_byline():
    """"by" alone went onto the standfirst above it ("... for years by Jane Doe")."""
    text = nodes(HEADLINE, "Residents had asked the council to rebuild it for years", "by",
                 "Jane Doe", "May 3, 2024")
    assert authors(text) == ("Jane Doe",)


@pytest.mark.parametrize("label, expected", [
    ("Photo", ()),  # a picture's credit: "Photo by Max Roe" stays one line, no byline
    ("Posted", ("Max Roe",)),  # the byline's own label: "Posted by Max Roe" stays one line
])
def test_a_by_after_a_credit_or_a_label_stays_on_its_line(label, expected):
    text = nodes(HEADLINE, label, "by", "Max Roe", "on Friday December 19, 2025 @08:00PM")
    assert authors(text) == expected


@pytest.mark.parametrize("byline", [
    "Dr. Allen\n\nJan 4",  # a title before a surname alone
    "Medically reviewed by Max Roe, RD — Written by Jane Doe, MS, RD",  # the reviewer first
    "Author image\n\nJane Doe\n\n8 min",  # under her picture's alt text
    "written byJane Doe",  # textContent: the link's name glued to "by"
    "Jane MooreProduct Analytics Expert",  # ... and to the job after it ("McNally" stays)
    "Written ByJane Doe×Jane Doe",  # ... and a pop-up's close button between two copies
    "September 1, 2016September 8, 2016[28]Jane Doe",  # a second date, a link's number
    "Guide by Jane Doe Former Deputy Tech Editor",  # a byline naming the piece it signs
])
def test_byline_shapes_of_joined_and_split_scrapes(byline):
    expected = (("Dr. Allen",) if byline.startswith("Dr.") else ("Jane Moore",) if "Moore" in byline
                else ("Jane Doe",))
    assert authors(scrape(under=f"{byline}\n\n")) == expected


@pytest.mark.parametrize("line, expected", [
    ("Jane Doe USA TODAY", ("Jane Doe",)),  # the outlet after the name
    ("Jane Doe and Max Roe | Guest Columnists", ("Jane Doe", "Max Roe")),  # two, and their job
    ("Jane Doe\n\nJane Doe", ("Jane Doe",)),  # her picture's alt text, then her link
    ("Learn More", ()),  # a call to action under a hero's sentence: nothing marks a byline
    ("Explore Bulova 150", ()),
])
def test_a_name_under_the_standfirst_when_something_marks_it(line, expected):
    assert authors(scrape(under=f"{STANDFIRST}\n\n{line}\n\n")) == expected


def test_names_under_teasers_blurbs_are_no_byline():
    """Each teaser of a list: its title, its blurb, its authors and age."""
    under = (f"{STANDFIRST}\n\nJane Doe and Max Roe | 3 days ago\n\nNorth America\n\n"
             "The latest bridge and road news from the county\n\n"
             "New crossings open in three towns this spring, and two more are planned.\n\n"
             "Jane Doe and Max Roe | 6 days ago\n\n")
    assert authors(scrape(under=under)) == ()


def block(text: str) -> Block:
    return Block(text, words=len(text.split()), sentence_like=text.endswith("."))


def test_a_headline_below_the_regions_opening_has_its_own_byline_window():
    """The region opens on a menu's blurbs far above the headline: the byline under the
    headline is read all the same."""
    blurbs = [block(f"Program {n} prepares leaders for careers in finance and operations.")
              for n in range(12)]
    page = blurbs + [block(HEADLINE), block("By"), block("Jane Doe"), block("Apr 21, 2021")]
    page += [block(part) for part in STORY.split("\n\n")]
    view = MetaView.of(page, 2)  # the region opens on the third blurb
    assert read_byline(view, headline_at=12).authors == ("Jane Doe",)


# eighth session: a bare "By Jane Doe" line far from the headline, the page's only one
LONG_STORY = "\n\n".join(
    f"{opening} The footbridge over the Mill river will be rebuilt in the spring, the council "
    f"said, once the {season} floods have gone down and the county has paid its share."
    for opening, season in (("The vote was close.", "winter"), ("Residents asked for years.", "late"),
                            ("The cost is shared.", "early"), ("A ferry will run.", "spring"),
                            ("Engineers agreed.", "autumn"), ("Shops along the bank cheered.", "summer"),
                            ("Work starts in March.", "March"), ("It opens next year.", "long"),
                            ("Anglers objected.", "June"), ("The mayor spoke.", "April"),
                            ("Schools will use it.", "May"), ("The old one was closed.", "last")))


def far_down(*lines: str) -> str:
    """A headline, its story, then `lines` (a byline set under the article, a teaser's)."""
    return f"Home\n\nNews\n\n{HEADLINE}\n\n{LONG_STORY}\n\n" + "\n\n".join(lines) + "\n\nShare this\n"


def under_opening(*lines: str) -> str:
    """A headline, two paragraphs of its story, then `lines`, then the rest of the story."""
    first, second, *rest = LONG_STORY.split("\n\n")
    return (f"Home\n\nNews\n\n{HEADLINE}\n\n{first}\n\nShare\n\nTweet\n\nEmail\n\n{second}\n\n"
            + "\n\n".join(lines) + "\n\n" + "\n\n".join(rest) + "\n\nShare this\n")


@pytest.mark.parametrize("lines, expected", [
    (["By Jane Doe"], ("Jane Doe",)),  # past the byline window, under a share bar
    (["By Jane Doe", "Subscribe"], ("Jane Doe",)),
    (["By Jane Doe, Senior Director, Content & Marketing"], ("Jane Doe",)),  # with a job
    (["By Jane Doe, Privacy and Digital Security"], ("Jane Doe",)),  # ... with her field
    (["By Jane Doe and Max Roe – Updated Mar 5, 2026 at 4:28 PM EST | Fact-checked by Kim Lee"],
     ("Jane Doe", "Max Roe")),  # two, their date and a fact-checker's credit
    (["Par Jeanne Dupont"], ("Jeanne Dupont",)),  # in French
    (["By Pine Ridge Editorial Team"], ()),  # a team, no person
    (["By Pine Ridge Hotels", "By Pine Ridge"], ()),  # an outlet, then its short name
    (["By Jane Doe", "Related stories", "By Max Roe"], ()),  # two: teasers' bylines
    (["Filter", "By Event Type", "Every event type we run"], ()),  # a filter's label
    (["BY COMPANY TYPE"], ()),  # a menu's heading in capitals
    (["- By Company Size"], ()),  # a list's entry
    (["POR Portland Pioneers"], ()),  # a team's abbreviation, no "por"
    (["Related stories", "by Max Roe", "December 22, 2025"], ()),  # a teaser's, under a rail's header
])
def test_a_bare_byline_under_the_opening_when_it_is_the_only_one(lines, expected):
    assert authors(under_opening(*lines)) == expected


@pytest.mark.parametrize("lines, expected", [
    (["By Jane Doe"], ()),  # far under the opening: a teaser's, a listing's
    (["This post was written by Jane Doe, Head of Marketing at Pine Ridge Media."],
     ("Jane Doe",)),  # a sentence that says who wrote it
    (["This blog post was authored by Jane Doe, Managing Principal, Acme Architecture."],
     ("Jane Doe",)),  # ... with a job and an employer after commas
    (["This article was Written By", "Our Product Research Team"], ()),  # a team, no person
])
def test_a_byline_sentence_far_down_but_no_bare_byline(lines, expected):
    assert authors(far_down(*lines)) == expected


@pytest.mark.parametrize("byline, expected", [
    ("By Jane Doe, Privacy Expert\n\nLast Updated on Mar 11, 2026", ("Jane Doe",)),  # dated
    ("By Jane Doe – Updated Sep 9, 2025 at 1:00 PM EST |", ("Jane Doe",)),
    ("Product Name\n\nBy Stella Roe Trainer", ()),  # a product's line in a shop's listing
])
def test_a_bare_byline_above_a_region_opening_far_down_needs_its_date(byline, expected):
    """The region opens far under the headline and its byline (a list of picks, then the
    article): the byline above it is read with its date only."""
    picks = "\n".join(f"- Footbridge kit {n}, $99" for n in range(14))
    text = f"Home\n\nNews\n\n{byline}\n\n{picks}\n\n{HEADLINE}\n\n{LONG_STORY}\n\nShare this\n"
    assert authors(text) == expected
