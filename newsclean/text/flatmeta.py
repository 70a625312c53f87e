"""A page flattened to one line: whether a scrape is one (is_flat), where its article starts
(visible_headline), and its byline and date: no line of its own holds them, but they follow
the visible headline ("... Headline Jane Doe August 25, 2025 15 min read ...": flat_byline,
after_headline; where the headline is worded otherwise than the <title>, echo_end), or stand
right above the first paragraph (opening_byline); the names are bounded by a date, a separator
or the grammar (ended_byline, dated_names, bounded_byline, byline_name); a date may also say
what it is ("Published Jun 4, 2025": labelled_date)."""
from __future__ import annotations

import re

from ..bylines import (
    BY_ALONE,
    BYLINE,
    BYLINE_END,
    INITIAL,
    PERSON,
    ROLE_WORDS,
    UPDATED_WORDS,
    before_tail,
    byline_names,
    undoubled,
)
from ..dates import date_spans, find_date
from ..patterns import Scope, furniture_match
from .blocks import Block
from .byline import Byline
from .features import is_prose
from .flat import OPENERS
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
# "By", "Written by"; not an editor's, a reviewer's, a fact-checker's or a photographer's
BY_WORD = re.compile(r"(?:\b[Ww]ritten [Bb]y|(?<![Ee]dited )(?<![Rr]eviewed )(?<![Cc]hecked )"
                     r"(?<![Pp]hoto )(?<![Pp]hotos )\b[Bb]y):?\s+")
ENDS = ("|", "•", "·", "⋅", "●", "–", "—", "-")  # what may end a flattened byline's name
# words before the article's first paragraph, and into it, where its byline is read when the
# headline's place gave none ("... Menu Headline Jane Doe September 4, 2025 5 min read | The
# council voted ..."; a byline, a date, a share bar and a reading time: rule of thumb)
OPENING_BEFORE_WORDS = 40
OPENING_INTO_WORDS = 40  # (a <title> and a menu glued to the paragraph's first sentence)
ANCHOR_CHARS = 40  # characters of the first paragraph that find it in the page
NAME_WORDS = 5  # words before a date that may be its byline ("By Maria de la Cruz")
MAX_NAME_WORDS = 4  # words of a name after "By" with nothing to mark its end but the grammar
# words from which a name before a date may have a button's or a menu's word run into it
# ("Order Now Jane Doe"; "Jane Doe" is checked by the lower-case test alone)
LONG_NAME_WORDS = 3
# words before "By" or after such a name where a date must stand: a byline with nothing to end
# its name is read only when dated (rule of thumb: a date line and a reading time)
BOUNDED_DATE_WORDS = 12
MONTHS_SHORT = ("jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
# a date with no year ("Apr 12", "12 April"), as a blog's date line sets it
MONTH_DAY = re.compile(rf"\b(?:(?:{MONTHS_SHORT})\.?\s+\d{{1,2}}"
                       rf"|\d{{1,2}}\.?\s+(?:{MONTHS_SHORT}))\b",
                       re.IGNORECASE)
# a date that says it is the page's: "Published Jun 4, 2025", "Updated on: May 3, 2024",
# "Posted on", "Veröffentlicht am" (bylines.UPDATED_WORDS) right before it; not "Last updated",
# a shop's or a listing's as often
DATE_LABEL = re.compile(rf"(?<!last )\b(?:{UPDATED_WORDS})(?:\s+(?:on|at|am|le|el))?:?\s*$",
                        re.IGNORECASE)
LABEL_CHARS = 30  # characters before a date where its label stands
# a date's label, no name's word: "Last Modified March 15, 2026", "Updated", "Published"
DATE_WORD = re.compile(rf"(?:{UPDATED_WORDS}|last|modified|date|created)[:.,]?", re.IGNORECASE)
# share of the page, from its start, where a labelled date is its own (further on, a comment's
# "Posted on", a related story's "Updated"; rule of thumb)
LABELLED_DATE_SHARE = 0.5
# labelled dates there from which the page is a listing, each item's "Updated ..." (an article
# has a publication's and an update's; rule of thumb)
LISTING_LABELS = 3
# the headline worded otherwise than the <title> (echo_end): a run of the page's words that
# says this share of the <title>'s words (rule of thumb)...
ECHO_SHARE = 0.6
ECHO_LETTERS = 3  # ...of its words this long or longer ("of", "to" say nothing)...
ECHO_WORDS = 3  # ...when it has this many such words at least...
ECHO_SLACK = 4  # ...within as many words as the <title> and this many more
# words after it where its byline is read (the rest of the headline, a section, a byline and a
# date: rule of thumb)
ECHO_READ_WORDS = 24
WORD = re.compile(r"\w+")
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
    says it again (after the <title> that opens it), or, when it does not, where the page says
    most of its words (echo_end: a headline worded otherwise than the <title>); none when no
    such words hold a date or a byline (a page that shows none gets none)."""
    if not title or len(title.split()) < MIN_HEADLINE_WORDS:
        return Byline(None, (), range(0))
    at = text.find(title, 1)
    if at < 0:  # "Top 100 Insurers in 2025" from the <title>, "Top 100 Insurers in the U.S."
        title = shown_prefix(text, title)  # shown: its byline follows what the page shows
        at = text.find(title, 1)
    if at < 0:  # the headline worded otherwise: the byline in the words after where it ends
        if not (end := echo_end(text, title)):
            return Byline(None, (), range(0))
        after = after_headline(text, end, language) or Byline(None, (), range(0))
        near = window_byline(" ".join(text[end:].split(None, ECHO_READ_WORDS)[:ECHO_READ_WORDS]),
                             text, title, language)
        return Byline(after.date or near.date, near.authors or after.authors, range(0))
    while at > 0:
        if found := after_headline(text, at + len(title), language):
            return found
        at = text.find(title, at + len(title))
    first = text.find(title, 1)
    if first > 0:  # a standfirst between: "... Headline A sentence or two. By Jane Doe May 3"
        names, date = ended_byline(reach(text, first + len(title)), language)
        return Byline(date, names, range(0))
    return Byline(None, (), range(0))


def after_headline(text: str, end: int, language: str | None = None) -> Byline | None:
    """The byline in the words of `text` from `end` (where a headline ends): a date within
    DATE_START_WORDS and the names before it, or a "By Jane Doe"; None when neither."""
    after = text[end:].split(None, AFTER_HEADLINE_WORDS)[:AFTER_HEADLINE_WORDS]
    # the fewest words that hold the date: what stands before it is the byline
    last = next((k for k in range(1, len(after) + 1)
                 if find_date(" ".join(after[:k]), language)), None)
    if last is not None and last - DATE_WORDS <= DATE_START_WORDS:
        names = names_before(" ".join(after[:last]), text) or ended_byline(
            reach(text, end), language)[0]  # "Updated May 3, 2025 By Jane Doe"
        return Byline(find_date(" ".join(after[:last]), language), names, range(0))
    if byline := BYLINE.match(" ".join(after)):  # "By Jane Doe | Staff Writer", no date
        return Byline(None, byline_names(byline.group(1)), range(0))
    return None


def echo_end(text: str, title: str) -> int | None:
    """Where the first run of words after the <title> (which opens `text`) that says
    ECHO_SHARE of the headline `title`'s words (ECHO_WORDS at least; in any case and order)
    ends, within as many words and ECHO_SLACK: the page's own headline, worded otherwise ("The 7
    Biggest Diet and Nutrition Trends in 2025" for "7 Major Diet Trends for 2025"). None when
    no run does."""
    wanted = {word.casefold() for word in WORD.findall(title) if len(word) >= ECHO_LETTERS}
    if len(wanted) < ECHO_WORDS:
        return None
    words = [(match.group().casefold(), match.end()) for match in WORD.finditer(text)]
    words = words[len(WORD.findall(title)):]  # (past the <title>)
    width = len(WORD.findall(title)) + ECHO_SLACK
    inside: dict[str, int] = {}
    for index in range(len(words)):
        word = words[index][0]
        if word in wanted:
            inside[word] = inside.get(word, 0) + 1
        if index >= width:
            gone = words[index - width][0]
            if gone in wanted:
                inside[gone] -= 1
                if not inside[gone]:
                    del inside[gone]
        if len(inside) >= ECHO_SHARE * len(wanted) and word in wanted:
            return words[index][1]
    return None


def shown_prefix(text: str, title: str) -> str:
    """The longest run of the headline `title`'s first words (MIN_HEADLINE_WORDS at least)
    that the page `text` shows after its start, or `title` when none."""
    words = title.split(" ")
    for count in range(len(words) - 1, MIN_HEADLINE_WORDS - 1, -1):
        if text.find(prefix := " ".join(words[:count]), 1) > 0:
            return prefix
    return title


def opening_byline(text: str, body: list[Block], title: str | None,
                   language: str | None = None) -> Byline:
    """The byline (window_byline) in the words around where the article `body` of the page
    `text` starts (its first paragraph)."""
    first = next((block.text for block in body if is_prose(block)), None)
    at = text.find(first[:ANCHOR_CHARS]) if first else -1
    if at < 0:
        return Byline(None, (), range(0))
    window = " ".join(text[:at].split()[-OPENING_BEFORE_WORDS:] + text[at:].split(
        None, OPENING_INTO_WORDS)[:OPENING_INTO_WORDS])
    return window_byline(window, text, title, language)


def window_byline(window: str, text: str, title: str | None, language: str | None = None
                  ) -> Byline:
    """The byline in a run of a flattened page's words (`window`, of the page `text`): a "By
    Jane Doe" whose end is marked (ended_byline), or a name right before a date ("Jane Doe
    September 4, 2025") that shares no word with the headline `title` ("... for GitHub Actions
    December 15, 2025"), with that date, or a "By Jane Doe" the grammar bounds
    (bounded_byline); none when none stands there."""
    names, date = ended_byline(window, language)
    if not names:
        names, date = dated_names(window, text, language)
        headline = set(title.split()) if title else set()
        if any(word in headline for name in names for word in name.split()):
            names, date = (), None
    if not names:
        names = bounded_byline(window, text)
    return Byline(date if names else None, names, range(0))


def bounded_byline(words: str, text: str) -> tuple[str, ...]:
    """The name after the first "By" or "Written by" in `words` whose end the grammar marks:
    the run of capitalised words after it, two to four, that the page `text` says again
    elsewhere (an author box, a bio), or two of them that a word in lower case, a sentence's
    opener, a label or a separator follows ("By Jane Doe The council voted ...", "Written by
    Jane Doe Table of Contents" is not read: "Table" may be her name's); a plausible
    byline_name that the page never writes in lower case, with a date within
    BOUNDED_DATE_WORDS words (a shop's "Sold by Acme", a listing's "Powered by Acme" have
    none)."""
    for match in BY_WORD.finditer(words):
        rest = words[match.end():].split(None, MAX_NAME_WORDS + 1)[:MAX_NAME_WORDS + 1]
        for count in range(min(MAX_NAME_WORDS, len(rest)), 1, -1):
            name = " ".join(rest[:count])
            after = rest[count] if count < len(rest) else ""
            if not PERSON.fullmatch(name) or not names_before(name, text) or not byline_name(
                    name, text):
                continue
            if not (text.count(name) > 1 or count == 2 and (
                    after[:1].islower() or after in OPENERS or after[:1] in ENDS
                    or furniture_match(after, Scope.TEXT) is not None)):
                continue
            near = words[:match.start()].split()[-BOUNDED_DATE_WORDS:] + words[
                match.end() + len(name):].split()[:BOUNDED_DATE_WORDS]
            if date_spans(" ".join(near)) or MONTH_DAY.search(" ".join(near)):  # an article's
                return (name,)  # byline, dated (a shop's "Sold by", a listing's "Powered by"
            # are not)
            break
    return ()


def dated_names(window: str, text: str, language: str | None = None
                ) -> tuple[tuple[str, ...], str | None]:
    """The names right before the first date in `window` that has any, and that date: "Jane
    Doe September 4, 2025", "By Jane Doe Mar 5, 2025" (names_before, on up to NAME_WORDS words,
    the most first, of a plausible byline_name)."""
    for start, iso in date_spans(window, language):
        before = window[:start].split()[-NAME_WORDS:]
        for count in range(len(before), 1, -1):
            names = names_before(" ".join(before[-count:]), text)
            if names and all(byline_name(name, text) for name in names):
                return names, iso
    return (), None


def byline_name(name: str, text: str) -> bool:
    """The words before a date on a flattened page (`text`) may be its author's name: none
    of them is a byline's opening word, a share or sign-in link by itself ("Comments",
    "Tweet", "Print"), a job ("Editor") or a date's label ("Last Modified"); and a name of
    three words or more has an initial inside ("Jane Q. Doe") or its first word leads to the
    rest wherever the page says it
    ("Order Now Jane Doe" is a button's words run into the name: "Order Now" stands elsewhere;
    a first name alone, "Jane says", does not tell)."""
    words = name.split()
    if any(word.lower().strip(".,:") in ROLE_WORDS or furniture_match(word, Scope.TEXT)
           or BY_ALONE.fullmatch(word) or DATE_WORD.fullmatch(word) for word in words):
        return False
    if len(words) < LONG_NAME_WORDS or any(INITIAL.fullmatch(word) for word in words[1:-1]):
        return True
    rest = name[len(words[0]):]
    return all(text.startswith(rest, match.end())
               for match in re.finditer(rf"\b{re.escape(words[0])}\b", text))


def labelled_date(text: str, language: str | None = None) -> str | None:
    """The first date in the first LABELLED_DATE_SHARE of a flattened page that a label says
    is its publication's or update's ("Published Jun 4, 2025"); None when there is none, or
    LISTING_LABELS or more (a listing's items, each "Updated Mar 8, 2026")."""
    labelled = [iso for start, iso in date_spans(text[:int(len(text) * LABELLED_DATE_SHARE)],
                                                 language)
                if DATE_LABEL.search(text, max(0, start - LABEL_CHARS), start)]
    return labelled[0] if 0 < len(labelled) < LISTING_LABELS else None


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
