"""Byline and date line (read_byline -> Byline): the names a byline gives (find_authors,
byline_names) and the date of a date line (is_dateline), read in a window of the MetaView
around the headline and the article's opening or, for "Published ...", anywhere."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..bylines import (
    BY_ALONE,
    BYLINE,
    BYLINE_END,
    NAME_TRIM,
    PERSON,
    ROLE_WORDS,
    before_tail,
    byline_names,
    undoubled,
)
from ..dates import find_date
from ..prose import WORD
from .blocks import Block, MetaView, Role

# ---- where the byline and date line are read: next to the headline (above it too), or
# at the article's opening (blocks of the MetaView; rule of thumb) ----
LINES_ABOVE_ARTICLE = 3  # blocks before the article's first: a headline, its date, its byline
LINES_ABOVE_HEADLINE = 2  # blocks before the headline: a kicker, a date line, "By" alone
LINES_INTO_ARTICLE = 5  # blocks from the article's first: a byline under a standfirst, a picture

# ---- date lines ----
# words: the longest date line, with its time and an update stamp ("Published: Nov. 22, 2024,
# 6:12 a.m. | Updated: Nov. 22, 2024, 4:30 p.m.")
DATELINE_MAX_WORDS = 20
# (two other sizes of date line: patterns.EDGE_DATELINE_WORDS, 8 words counted as \w+ runs,
# trims a date line at the article's edges; text.REPORTED_DATELINE_WORDS, 12, says "the date
# line" in `explain`. Both are stricter: they drop or name a line, where this one only reads
# a date from it.)
# a date line that says it is the publication date, wherever it stands on the page
PUBLISHED = re.compile(r"\b(?:published|posted|publication date|date published|first published|"
                       r"veröffentlicht|publié|publicado|pubblicato|gepubliceerd)\b", re.IGNORECASE)

# ---- bylines ----
# words: a line with a byline's prefix this long or shorter is a byline (names, a job, a
# date: "By Jane Doe and Max Roe, Staff Writers | Updated May 3, 2024, 10:12 a.m."; rule of
# thumb)
BYLINE_MAX_WORDS = 16
# words: a line that is a name alone, with what a scrape leaves beside it ("Jane Doe   USA
# TODAY"); longer is a sentence or a headline (rule of thumb)
NAME_LINE_MAX_WORDS = 8
GLUED_BY = re.compile(r"By([A-ZÀ-Ý][a-zà-ÿ].*)$")  # "ByJane Doe": the link's text ran into "By"
# "Last updated on April 8, 2024 by Jane Doe", "May 18, 2023 By Jane Doe"
BY_INSIDE = re.compile(r"(?<![^\s\d*|•·⋅])[Bb][Yy]:?\s+([A-ZÀ-Ý].*)$")
# what a picture's or a section's credit says before "by": no author's byline
NOT_AUTHORED = ("photo", "photos", "image", "images", "illustration", "video", "graphic",
                "graphics", "map", "chart", "credit", "edited", "reviewed", "checked", "sponsored",
                "presented", "powered", "produced", "designed", "hosted", "narrated")
# "Picture of Jane Doe By Jane Doe", "Byline profile imageWritten by Jane Doe"
PICTURE_OF = re.compile(r"(?:picture|photo|image|headshot|avatar|portrait) of\s+", re.IGNORECASE)
AUTHOR_IMAGE = re.compile(r"\b(?:author|profile|byline)\s*(?:image|picture|photo|avatar)"
                          r"(?:written|posted)?\s*$", re.IGNORECASE)
# what image alt text and author boxes add to a name: "Picture of Liz Kenny", "Amar's avatar"
NAME_DECOR = re.compile(r"^(?:picture|photo|image|avatar|portrait) of\s+"
                        r"|['’]s (?:avatar|image|photo|picture)$"
                        r"|\s+(?:image|avatar|photo)$", re.IGNORECASE)



@dataclass(frozen=True)
class Byline:
    """The article's date (ISO) and authors, and the window of MetaView blocks they were read
    in (for `explain`)."""

    date: str | None
    authors: tuple[str, ...]
    window: range


def read_byline(view: MetaView, headline_at: int | None, language: str | None = None) -> Byline:
    """The date and the byline's names near the headline (`headline_at`, a `shown` index) or
    the article's opening; a "Published ..." date line anywhere when none stands there. The
    page's `language` says how "05/03/2024" reads (dates.find_date)."""
    blocks, start = view.shown, view.start
    first = (start - LINES_ABOVE_ARTICLE if headline_at is None
             else min(headline_at - LINES_ABOVE_HEADLINE, start - LINES_ABOVE_ARTICLE))
    window = range(max(0, first), min(len(blocks), start + LINES_INTO_ARTICLE))
    date = next((find_date(blocks[i].text, language) for i in window if is_dateline(blocks[i])), None)
    if date is None:  # "Posted on May 3, 2024" may stand below the article, or far above it
        date = next((found for b in blocks if b.words <= DATELINE_MAX_WORDS
                     and PUBLISHED.search(b.text) and (found := find_date(b.text, language))), None)
    return Byline(date, find_authors(blocks, window, headline_at), window)


def is_dateline(block: Block) -> bool:
    return block.words <= DATELINE_MAX_WORDS and find_date(block.text) is not None


def find_authors(blocks: list[Block], lines: range, title_at: int | None = None) -> tuple[str, ...]:
    """The byline's names: "By Jane Doe and Max Roe | May 3", "Updated May 3, 2024 by Jane Doe",
    "By" on a line of its own above them, or, next to the headline or a date line, a line that
    is a name alone ("Jane Doe", "Jane Doe   USA TODAY")."""
    for index in lines:
        block = blocks[index]
        match = BYLINE.match(block.text) or GLUED_BY.match(block.text)
        if match and block.words <= BYLINE_MAX_WORDS:
            found = byline_names(match.group(1))
        elif block.words <= DATELINE_MAX_WORDS and (inside := BY_INSIDE.search(block.text)) and (
                not block.text[:inside.start()].rstrip().lower().endswith(NOT_AUTHORED)
                and find_date(block.text) is not None):
            found = byline_names(inside.group(1))  # a date line that ends with its byline
        elif block.words <= BYLINE_MAX_WORDS and (inside := BY_INSIDE.search(block.text)) and (
                author_picture(block.text[:inside.start()], inside.group(1))):
            found = byline_names(inside.group(1))  # the author's picture, by its alt text, first
        elif BY_ALONE.fullmatch(block.text) and index + 1 < len(blocks):
            found = byline_names(blocks[index + 1].text)
            found = found if len(found) == 1 and PERSON.fullmatch(found[0]) else ()
        else:
            continue
        if found:
            return found
    common: set[str] | None = None  # words the page writes in lower case: not names
    for index in lines:
        block = blocks[index]
        if block.furniture or block.words > NAME_LINE_MAX_WORDS or block.sentence_like:
            continue
        name = before_tail(BYLINE_END.split(NAME_DECOR.sub("", block.text).strip())[0])
        name = name.strip(NAME_TRIM)
        if (not PERSON.fullmatch(name) or name.isupper() or ROLE_WORDS & set(name.lower().split())
                or BYLINE.match(block.text) or BY_ALONE.fullmatch(name)):  # "Written By"
            continue
        beside = blocks[max(0, index - 1): index] + blocks[index + 1: index + 2]
        if index - 1 == title_at or any(is_dateline(b) for b in beside) or (
                index and blocks[index - 1].role is Role.HEADING):
            if common is None:
                common = {w.lower() for b in blocks for w in WORD.findall(b.text) if w[0].islower()}
            if not common & set(name.lower().split()):  # "Learn More", "Press Release"
                return (undoubled(name),)
    return ()


def author_picture(before: str, names: str) -> bool:
    """The text before a byline's "by" is the alt text of its author's picture: "Picture of
    Jane Doe" (the same name: "Image of the bridge by Jane Doe" is a credit), "Author image"."""
    picture = PICTURE_OF.match(before)
    if picture:
        return names.startswith(before[picture.end():].strip())
    return AUTHOR_IMAGE.search(before) is not None
