"""The headline by agreement with the page's <title>: crawler dumps and text-node scrapes print
the <title> first ("Headline | Site", "Site - Headline", "Headline"); a headline-like line of
the page that says its headline part again is the visible headline, wherever it stands (the
region may start far from it, or a teaser, a section name or a subheading nearer the region
may have outscored it). The page URL's slug is a second witness ("/council-votes-to-close-library"),
for scrapes with no <title> line (`slug_headline`). Both are read by `headline.find_headline`."""
from __future__ import annotations

import re
from collections.abc import Callable

from ..slug import may_cover, slug_cover
from ..titles import SITE_NAME_WORDS, TITLE_PART_SEPARATOR
from .blocks import Block, Role

# ---- which part of the <title> is looked for ----
# words: a shorter part is a site's or a section's name ("Blog", "Home"), as a headline of two
# words seldom is (HEADLINE_LIKE_WORDS)
AGREED_PART_WORDS = 3
# words: a <title> with no separator is a headline, not a site's name, from this long on (a
# shorter one names the site or a section as often: "Seattle's Green Cleaning Fairy")
AGREED_WHOLE_WORDS = 5
# share of a whole <title>'s words that the article's opening says again, for the line that
# repeats it to be the headline (rule of thumb, as headline.PAGE_TITLE_SHARED)
WHOLE_ECHO = 0.5
# ---- the URL's slug as a witness ----
# share of the slug's words (slug.slug_words: at least 3, not stopwords nor numbers) a line must
# say to be the headline the slug spells: all of three, three of four (SEO slugs drop or add a
# word: "/tip-chart-and-guide" for "Your Ultimate Tip Chart and Guide"; rule of thumb)
SLUG_COVER = 0.75
# share of the slug's words that the line chosen without it may say and still be kept: it is
# the headline reworded after its URL was made ("Keeping Your Home Spotless: Top Cleaning Trends"
# at /latest-trends-cleaning-services), which a subheading may now say better (rule of thumb)
SLUG_KEPT = 0.5
SLUG_ABOVE = 12  # blocks: ...unless a line this near above it says more of the slug
# what a scrape that glues inline elements (textContent) leaves between a section's label or a
# breadcrumb and the headline: a word in lower case run into the next in capitals or digits
# ("OperationsParis Baguette ...", "Project managementWhat is ...", "General11 U.S. ..."), or a
# slash with no space ("Newsroom/Online learning tips/Graphic ...")
GLUE = re.compile(r"(?<=[a-z]{3})(?=[A-Z0-9])|(?<=\w)/(?=[A-Z])")
GLUE_REACH = 40  # characters: a label or a breadcrumb glued before the headline is this short
# ---- what counts as the same words ----
SAME = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " ",
                      "…": "..."})
EDGE_MARKS = " .:|-"  # what a line may end or start with and still say the same headline


def same_words(text: str) -> str:
    """The text as two headlines are compared: case, quotes, dashes and spacing aside."""
    return " ".join(text.translate(SAME).casefold().split()).strip(EDGE_MARKS)


def headline_part(title: str) -> tuple[str | None, bool]:
    """The part of a <title> that is its headline, compared as `same_words` does, and whether
    the title is that part whole: the first part before a separator ("Headline | Site",
    "Headline - Section - Site"; WCXB articles-dev's text-node scrapes: the gold title is the
    first part on 335 of the 346 <title>s with a separator whose part it is) when it has
    AGREED_PART_WORDS words or more ("Blog | Headline" gives none), unless it reads as a site's
    name before a part as long or longer (a few capitalised words: "Pine Ridge Gazette | Council backs
    footbridge", as titles.without_site_name reads a last part); the whole title when it has
    no separator, AGREED_WHOLE_WORDS words or more and no full stop at its end ("Free standard
    shipping on orders over $99." is a banner). None when no part reads as a headline."""
    parts = [part.strip() for part in TITLE_PART_SEPARATOR.split(title)]
    if len(parts) == 1:  # a sentence's full stop: a banner the scrape opens with, no <title>
        return (same_words(title) if len(title.split()) >= AGREED_WHOLE_WORDS
                and not title.endswith(".") else None), True
    first = parts[0].split()
    if len(first) < AGREED_PART_WORDS or len(first) <= SITE_NAME_WORDS and all(
            word[0].isupper() or not word[0].isalpha() for word in first) and any(
            len(part.split()) >= len(first) for part in parts[1:]):
        return None, False  # "Pine Ridge Gazette | Council backs footbridge": the site first
    return same_words(parts[0]), False


def agreed_headline(shown: list[Block], title: str, start: int,
                    is_candidate: Callable[[Block], bool], echo: Callable[[str], float]
                    ) -> int | None:
    """The index in `shown` of the line that says the headline part of the <title> (`title`,
    the scrape's first line) again, nearest the article's start `start` (the last before it,
    else the first after it); None when no line does. `is_candidate(block)` says whether a line
    may be a headline at all (not a list item, a credit, a date line...); `echo(text)` how much
    of it the article's opening says again. A whole <title> said again is the headline only
    when the opening echoes it (a menu line or a banner that a scrape opens with comes again
    at the page's foot)."""
    wanted, whole = headline_part(title)
    if wanted is None or whole and echo(wanted) < WHOLE_ECHO:
        return None
    found = [index for index, block in enumerate(shown) if index and block.role is not Role.ITEM
             and same_words(block.text) == wanted and is_candidate(block)]
    before = [index for index in found if index < start]
    return before[-1] if before else (found[0] if found else None)


def slug_headline(shown: list[Block], slug: tuple[str, ...], start: int,
                  is_candidate: Callable[[Block], bool], chosen: str | None = None,
                  chosen_at: int | None = None) -> int | None:
    """The index in `shown` of the headline-like line that says the words of the page URL's
    slug (`slug`, slug.slug_words: "/2024/05/03/council-votes-to-close-library" -> council,
    votes, close, library), nearest the article's start `start` (the last before it, else the
    first after it), when the line `chosen` without it says little of them (SLUG_KEPT); None
    when no line says SLUG_COVER of them (the slug names no headline, or the page does not
    show it). `is_candidate(block)` says whether a line may be a headline at all."""
    if not slug:
        return None
    kept = slug_cover(chosen, slug) if chosen else 0.0
    if kept >= SLUG_KEPT:  # a line above the chosen one that says more of the slug: the
        if chosen_at is None or kept >= 1:  # headline over the subheading that restates it
            return None
        above = [index for index in range(max(0, chosen_at - SLUG_ABOVE), chosen_at)
                 if shown[index].role is not Role.ITEM
                 and may_cover(shown[index].text, slug, SLUG_COVER) and is_candidate(shown[index])
                 and (cover := slug_cover(shown[index].text, slug)) > kept
                 and cover >= SLUG_COVER]
        return above[-1] if above else None
    found = [index for index, block in enumerate(shown) if block.role is not Role.ITEM
             and may_cover(block.text, slug, SLUG_COVER)  # a cheap bound first
             and slug_cover(block.text, slug) >= SLUG_COVER and is_candidate(block)]
    before = [index for index in found if index < start]
    return before[-1] if before else (found[0] if found else None)


def slug_unglued(title: str, slug: tuple[str, ...], page: str) -> str:
    """The headline without a section's label or a breadcrumb glued before it ("OperationsParis
    Baguette wants ...", "Newsroom/Online learning tips/Graphic design ..."), when the page URL's
    slug witnesses it: what follows the last glue (GLUE, within GLUE_REACH characters) says as
    many of the slug's words as the whole line, SLUG_COVER of them or more, and keeps a
    headline's words; and the glued word is written nowhere else on the `page` (a name in
    capitals inside, "JavaScript", "PostgreSQL", comes again; "PlayStation 5 review" keeps its
    "Play" when the slug says "playstation")."""
    if not slug:
        return title
    whole = slug_cover(title, slug)
    if whole < SLUG_COVER:
        return title
    for glue in reversed([m.end() for m in GLUE.finditer(title, 0, GLUE_REACH)]):
        rest = title[glue:]
        glued = title[:glue].rsplit(" ", 1)[-1] + rest.split(" ", 1)[0]
        if len(rest.split()) >= AGREED_PART_WORDS and slug_cover(rest, slug) >= whole and (
                page.count(glued) <= page.count(title)):
            return rest
    return title
