"""Byline and date line (read_byline -> Byline): the names a byline gives (find_authors,
byline_names) and the date of a date line (is_dateline), read in a window of the MetaView
around the headline and the article's opening or, for "Published ...", anywhere."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import find_date
from ..stoplists import WORD
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
BYLINE = re.compile(r"^(?:(?:written|posted|reported|words|story|text|reporting) by:?|by:?|von|par|por|di|"
                    r"door|authors?:|autor(?:in)?:|auteur:)\s+(.+)$", re.IGNORECASE)
GLUED_BY = re.compile(r"By([A-ZÀ-Ý][a-zà-ÿ].*)$")  # "ByJane Doe": the link's text ran into "By"
# "Last updated on April 8, 2024 by Jane Doe", "May 18, 2023 By Jane Doe"
BY_INSIDE = re.compile(r"(?<![^\s\d*|•·⋅])[Bb][Yy]:?\s+([A-ZÀ-Ý].*)$")
# "By" (or "Written by", "Author:") on a line of its own, the name on the next
BY_ALONE = re.compile(r"(?:(?:written|posted|reported|words|story|text|reporting) )?by:?|"
                      r"authors?:?|autor(?:in)?:?|auteur:?", re.IGNORECASE)
# what a picture's or a section's credit says before "by": no author's byline
NOT_AUTHORED = ("photo", "photos", "image", "images", "illustration", "video", "graphic",
                "graphics", "map", "chart", "credit", "edited", "reviewed", "checked", "sponsored",
                "presented", "powered", "produced", "designed", "hosted", "narrated")
# "Picture of Jane Doe By Jane Doe", "Byline profile imageWritten by Jane Doe"
PICTURE_OF = re.compile(r"(?:picture|photo|image|headshot|avatar|portrait) of\s+", re.IGNORECASE)
AUTHOR_IMAGE = re.compile(r"\b(?:author|profile|byline)\s*(?:image|picture|photo|avatar)"
                          r"(?:written|posted)?\s*$", re.IGNORECASE)
# where a byline's names end: "Jane Doe | Staff", "Jane Doe — May 3", "Jane Doe   USA TODAY"
BYLINE_END = re.compile(r"\s+[|•·⋅●–—-]\s+|\s{2,}|\s*[|•·⋅●—]\s*")
# what follows the names in a byline: its date ("April 12, 2024", "on 12/04/24"), "Updated ..."
BYLINE_TAIL = re.compile(r"\s+(?:(?:on|at)\s+)?(?:(?:last\s+)?(?:updated|published|posted)\b"
                         r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d"
                         r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)|\s+(?:on|in)\s+(?=[A-Z])"
                         r"|(?<=[a-z])(?-i:Updated|Published|Posted|Last|(?:Jan|Feb|Mar|Apr|May|Jun|Jul"
                         r"|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)", re.IGNORECASE)
# what image alt text and author boxes add to a name: "Picture of Liz Kenny", "Amar's avatar"
NAME_DECOR = re.compile(r"^(?:picture|photo|image|avatar|portrait) of\s+"
                        r"|['’]s (?:avatar|image|photo|picture)$"
                        r"|\s+(?:image|avatar|photo)$", re.IGNORECASE)

# ---- names ----
# "Jane Doe, Max Roe", "Jane Doe and Max Roe", "Hans und Anna", "Jean et Marie"
NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|\bund\b|\bet\b|\by\b|&)\s*")
NAME_LIST = re.compile(r"\s*[,;]\s*")
NAME_TRIM = " .*_●•|"  # what Markdown and bullets leave around a name
# "By Carla Mendes, Staff Writer": the part after the comma is a job, not a second author
ROLE_WORDS = {"staff", "writer", "reporter", "editor", "correspondent", "contributor", "columnist",
              "producer", "journalist", "analyst", "expert", "founder", "co-founder", "cofounder",
              "director", "senior", "ceo", "coo", "cto", "cfo", "president", "manager",
              "redaktion", "korrespondent", "rédaction", "journaliste", "redacción"}
# words: capitalised words in one name, at most ("Anna Maria Cruz Ortega"); more is a
# headline or an organisation
NAME_CAPITALS = 4
# letters after a name: "CFA", "PhD", "Jr."
CREDENTIAL = re.compile(r"(?:[A-Z][A-Za-z]{0,2}\.?){1,3}[A-Z]\.?[®™]?|[A-Z]{2,6}[®™]|Ph\.?D\.?|"
                        r"(?:Jr|Sr|II|III|IV)\.?")
# lower-case words inside a name: "Ursula von der Leyen"
PARTICLES = frozenset("de van von der den da di del la le du dos das bin al ter".split())
# two to four capitalised words, initials and particles allowed: a person's name
PERSON = re.compile(r"[A-ZÀ-Ý][\w'’-]+(?: (?:[A-ZÀ-Ý]\.|[A-ZÀ-Ý][\w'’-]+|de|van|von|der|da|di|del|"
                    r"la|le|bin|al)){1,3}")


@dataclass(frozen=True)
class Byline:
    """The article's date (ISO) and authors, and the window of MetaView blocks they were read
    in (for `explain`)."""

    date: str | None
    authors: tuple[str, ...]
    window: range


def read_byline(view: MetaView, headline_at: int | None) -> Byline:
    """The date and the byline's names near the headline (`headline_at`, a `shown` index) or
    the article's opening; a "Published ..." date line anywhere when none stands there."""
    blocks, start = view.shown, view.start
    first = (start - LINES_ABOVE_ARTICLE if headline_at is None
             else min(headline_at - LINES_ABOVE_HEADLINE, start - LINES_ABOVE_ARTICLE))
    window = range(max(0, first), min(len(blocks), start + LINES_INTO_ARTICLE))
    date = next((find_date(blocks[i].text) for i in window if is_dateline(blocks[i])), None)
    if date is None:  # "Posted on May 3, 2024" may stand below the article, or far above it
        date = next((found for b in blocks if b.words <= DATELINE_MAX_WORDS
                     and PUBLISHED.search(b.text) and (found := find_date(b.text))), None)
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


def byline_names(text: str) -> tuple[str, ...]:
    """The names a byline gives, up to its date, section or job: "Jane Doe and Max Roe",
    "Jane Doe April 12, 2024", "Jane DoePublished: Jan 29", "Jane Doe on Friday", "Jane Doe in
    Politics", "Jane Doe ⋅ Editor", "Jane Doe, Senior Analyst, Acme Corp" (the employer after a
    job is no author either)."""
    names = before_tail(BYLINE_END.split(text)[0])
    found: list[str] = []
    for part in NAME_LIST.split(names):  # "Jane Doe, Home and Garden Editor": a job, not two names
        if ROLE_WORDS & set(part.lower().split()):
            break
        for name in NAME_SPLIT.split(part):
            name = name.strip(NAME_TRIM)
            if not name or (found and CREDENTIAL.fullmatch(name)):
                continue  # "Jane Doe, CFA, Max Roe, PhD": letters after a name
            words = name.split()
            if (not name[0].isupper() or sum(not w.islower() for w in words) > NAME_CAPITALS
                    or any(w.islower() and w not in PARTICLES for w in words)):
                return tuple(found)
            found.append(undoubled(name))
    return tuple(found)


def before_tail(names: str) -> str:
    """The names, without the date, section or job that follows them; "" when the text opens
    with one ("Feb 11, 2019": the byline's name was a link the scrape lost)."""
    padded = " " + names  # a tail needs a space before it
    tail = BYLINE_TAIL.search(padded)
    return padded[:tail.start()] if tail else padded


def undoubled(name: str, min_words: int = 1) -> str:
    """"Jane Doe Jane Doe" (an author link's picture and text) -> "Jane Doe"; glued too,
    "Jane DoeJane Doe" (a terminal browser that printed a link's two parts). A half of
    fewer than `min_words` words stays doubled ("Bye Bye")."""
    words = name.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half >= min_words and words[:half] == words[half:]:
        return " ".join(words[:half])
    half = len(name) // 2
    if len(name) % 2 == 0 and name[:half] == name[half:] and name[half - 1] != " ":
        return name[:half]
    return name


def author_picture(before: str, names: str) -> bool:
    """The text before a byline's "by" is the alt text of its author's picture: "Picture of
    Jane Doe" (the same name: "Image of the bridge by Jane Doe" is a credit), "Author image"."""
    picture = PICTURE_OF.match(before)
    if picture:
        return names.startswith(before[picture.end():].strip())
    return AUTHOR_IMAGE.search(before) is not None
