"""A page flattened to one line: whether a scrape is one (is_flat), where its article starts
(visible_headline), and its byline and date (flat_byline -> Byline): no line of its own holds
them, but they follow the visible headline ("... Headline Jane Doe August 25, 2025 15 min read
..."), so they are read in the words right after it."""
from __future__ import annotations

import re

from ..bylines import BYLINE, BYLINE_END, PERSON, before_tail, byline_names, undoubled
from ..dates import find_date
from .blocks import Block
from .byline import Byline
from .features import is_prose
from .rejoin import FLAT_LINE_CHARS, FLAT_MIN_CHARS

SEPARATORS = " |•·⋅●–—-"  # what stands between a byline's names and its date

# ---- where a flattened page's byline is read ----
# words after the headline where its byline and date stand ("By Jane Doe and Max Roe |
# Updated May 3, 2024, 10:12 a.m."; the size of text.byline.DATELINE_MAX_WORDS, rule of thumb)
AFTER_HEADLINE_WORDS = 16
# words after the headline where its date must start: further on, the date is a teaser's or
# the first paragraph's (rule of thumb: a byline of four names and "By")
DATE_START_WORDS = 8
DATE_WORDS = 3  # words of a written date ("August 25, 2025"), which ends where it is found
MIN_HEADLINE_WORDS = 3  # a shorter headline comes back in menus and teasers as often as not
# words after the headline where a "By Jane Doe" with a date or "|" after it is its byline (a
# standfirst of two or three sentences may stand between; rule of thumb)
BYLINE_REACH_WORDS = 60
BY_WORD = re.compile(r"(?:\b[Ww]ritten [Bb]y|\b[Bb]y):?\s+")
ENDS = ("|", "•", "·", "⋅", "●", "–", "—", "-")  # what may end a flattened byline's name
# ---- where a flattened page's article starts ----
# share of its prose a flattened page's region may hold above its visible headline (a menu's
# sentences, a standfirst; more, and the headline said again is a teaser's, a share bar's)
FLAT_ABOVE_SHARE = 0.25


def is_flat(text: str) -> bool:
    """A page flattened to a line (or a few): no newline in its first FLAT_LINE_CHARS, or
    lines that average more than FLAT_LINE_CHARS (a text node that kept its own line ends, a
    <pre>, in a page otherwise flattened), as segment.split_blocks reads it."""
    if len(text) <= FLAT_LINE_CHARS:
        return False
    if text.find("\n", 0, FLAT_LINE_CHARS) < 0:
        return True
    if len(text) <= FLAT_MIN_CHARS:
        return False
    lines = 0  # lines with words, counted until they are too many for a flattened page
    for line in text.splitlines():
        if line.strip():
            lines += 1
            if len(text) <= FLAT_LINE_CHARS * lines:
                return False
    return True


def visible_headline(blocks: list[Block], start: int, end: int, title: str) -> int | None:
    """Where the region blocks[start:end + 1] of a flattened page says its headline `title`
    (flat.unflatten cut it out as a line): the first time above FLAT_ABOVE_SHARE of its prose,
    or None. The article starts after it."""
    prose = [blocks[i].words if is_prose(blocks[i]) else 0 for i in range(start, end + 1)]
    words = 0
    for index in range(start, end):
        if words > FLAT_ABOVE_SHARE * sum(prose):
            return None
        if blocks[index].text == title:
            return index
        words += prose[index - start]
    return None


def flat_byline(text: str, title: str | None, language: str | None = None) -> Byline:
    """The date and the names in the words that follow the headline `title` where the page
    says it again (after the <title> that opens it); none when no such words hold a date or
    a byline (a page that shows none gets none)."""
    if not title or len(title.split()) < MIN_HEADLINE_WORDS:
        return Byline(None, (), range(0))
    at = text.find(title, 1)
    if at < 0:  # "Top 100 Insurers in 2025" from the <title>, "Top 100 Insurers in the U.S."
        title = shown_prefix(text, title)  # shown: its byline follows what the page shows
        at = text.find(title, 1)
    while at > 0:
        after = text[at + len(title):].split(None, AFTER_HEADLINE_WORDS)[:AFTER_HEADLINE_WORDS]
        # the fewest words that hold the date: what stands before it is the byline
        end = next((k for k in range(1, len(after) + 1)
                    if find_date(" ".join(after[:k]), language)), None)
        if end is not None and end - DATE_WORDS <= DATE_START_WORDS:
            names = names_before(" ".join(after[:end]), text) or ended_byline(
                reach(text, at + len(title)), language)[0]  # "Updated May 3, 2025 By Jane Doe"
            return Byline(find_date(" ".join(after[:end]), language), names, range(0))
        if byline := BYLINE.match(" ".join(after)):  # "By Jane Doe | Staff Writer", no date
            return Byline(None, byline_names(byline.group(1)), range(0))
        at = text.find(title, at + len(title))
    first = text.find(title, 1)
    if first > 0:  # a standfirst between: "... Headline A sentence or two. By Jane Doe May 3"
        names, date = ended_byline(reach(text, first + len(title)), language)
        return Byline(date, names, range(0))
    return Byline(None, (), range(0))


def shown_prefix(text: str, title: str) -> str:
    """The longest run of the headline `title`'s first words (MIN_HEADLINE_WORDS at least)
    that the page `text` shows after its start, or `title` when none."""
    words = title.split(" ")
    for count in range(len(words) - 1, MIN_HEADLINE_WORDS - 1, -1):
        if text.find(prefix := " ".join(words[:count]), 1) > 0:
            return prefix
    return title


def reach(text: str, at: int) -> str:
    """The words of `text` from `at` on where a headline's byline may stand."""
    return " ".join(text[at:].split(None, BYLINE_REACH_WORDS)[:BYLINE_REACH_WORDS])


def ended_byline(words: str, language: str | None = None) -> tuple[tuple[str, ...], str | None]:
    """The names of the first "By Jane Doe" in `words` whose end is marked, by a date, "|",
    "Updated ..." ("By Jane Doe Mar 5, 2025 | 6 comments"), and the date right after them:
    in a flattened page nothing else says where a name ends ("by Jane Doe Music is ...")."""
    for match in BY_WORD.finditer(words):
        rest = words[match.end():]
        names = before_tail(BYLINE_END.split(rest)[0]).strip(SEPARATORS)
        after = rest[len(names):].lstrip(SEPARATORS)
        date = find_date(" ".join(after.split()[:DATE_START_WORDS]), language)
        if len(names) < len(rest.strip()) and PERSON.fullmatch(names) and (
                rest[len(names):].lstrip()[:1] in ENDS or date):
            return (undoubled(names),), date
    return (), None


def names_before(words: str, text: str) -> tuple[str, ...]:
    """"By Jane Doe and Max Roe May 3, 2024" or "Jane Doe May 3, 2024": the names before a
    headline's date; none when the words before it are no byline ("Business May 3, 2024") or
    the rest of a headline longer than the <title> ("Recipe Hub May 3": the page's `text`
    writes "recipe" in lower case; a name seldom is)."""
    match = BYLINE.match(words)
    if match:
        return byline_names(match.group(1))
    name = before_tail(words).strip(SEPARATORS)
    if not PERSON.fullmatch(name) or any(
            re.search(rf"\b{re.escape(word.lower())}\b", text) for word in name.split()):
        return ()
    return (undoubled(name),)
