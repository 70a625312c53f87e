"""Inside the region: drop furniture and what furniture implies (alt text over a caption, a
video's title over its duration) and labels that no sentence follows; mark subheadings
(revise_region); trim datelines, disclosures and calls to action at the edges (trim_edges)."""
from __future__ import annotations

import re
from collections import Counter

from ..patterns import FurnitureKind, edge_span
from ..prose import MAX_LINK_SHARE
from ..trace import Note, ignore
from .blocks import Block, Role
from .features import MIN_SENTENCE_WORDS, block_score, capitalised, is_prose
from .segment import DURATION

# words: a subheading is a short line; a longer unpunctuated one is a caption or a teaser's
# headline (rule of thumb)
HEADING_MAX_WORDS = 14
# words: a line over a caption or a video's duration this short is its alt text or title;
# longer is the article's own text (rule of thumb)
ALT_TEXT_MAX_WORDS = 25
MIN_ITEM_WORDS = 3       # a list item of three words is a point made; one or two, a menu entry
# labels left at the head by the edge trim, dropped with the furniture after each, at most
# (a bound on the work; rule of thumb)
MAX_HEAD_LABELS = 6
# an entry's fields ("Date: June 8-11, 2026", "Location: Paris, France"): a line that opens with
# a label of up to three words and a colon, then its value. Where FIELD_LABELS labels or more
# each open FIELD_REPEATS such lines or more in the region, those lines are the entries' own
# text (a guide's events, venues, products), not labels between paragraphs; one repeated label
# ("Photo: ...") is a credit, no record (rule of thumb)
FIELD = re.compile(r"([A-Z][\w’'&()-]*(?: [\w’'&()-]+){0,2}) ?: +\S")
FIELD_REPEATS = 3  # lines a label opens in the region: under three entries or more
FIELD_LABELS = 2  # labels that recur so: a record ("Date" and "Location"), not a lone credit
FIELD_MAX_WORDS = 30  # words: a longer line is a paragraph with a lead-in, scored as prose
# a scrape that marks no list items (copied or crawled text: no "-", "*" or "•") prints a
# list as bare lines: BARE_LIST_LINES or more lines in a row in the region, each of
# MIN_ITEM_WORDS to BARE_ITEM_MAX_WORDS words, are its items ("Rapid deployment times for
# pre-configured servers") and read as items do, not as labels, when written in sentence
# case: a share of capitalised words of BARE_ITEM_CAPS_SHARE at most (a rail's headlines,
# "Guide to the Stanford MBA Interview", an event's "Dallas, United States", are in title
# case; German prose ~0.35) (rules of thumb: a list of three points)
BARE_LIST_LINES = 3  # lines in a row: a list of three points
BARE_ITEM_MAX_WORDS = 30  # words: a longer line is a paragraph
BARE_ITEM_CAPS_SHARE = 0.5  # of the words, capitalised: a rail's headlines are title case
# a label that sends the reader elsewhere ("Also read: ...", "See more: ..."), or a forum
# poster's record under each post ("Posts: 96", "Joined: Feb 2011"), or a reply's "Re: ..."
NO_FIELD = re.compile(r"(also|read|see|watch|listen|related|more|posts|threads|joined|join date|"
                      r"member since|reputation|messages|likes|points|re)\b", re.IGNORECASE)


def revise_region(region: list[Block], title: str | None, note: Note = ignore,
                  bare_lists: bool = False) -> list[Block]:
    """Drop furniture and what furniture implies (alt text before a caption, the title of a
    video before its duration); mark subheadings. `bare_lists`: the scrape marks no list
    items (bare_items)."""
    kept: list[Block] = []
    fields = record_fields(region)
    if bare_lists:
        fields |= bare_items(region)
    for index, block in enumerate(region):
        after = region[index + 1] if index + 1 < len(region) else None
        if block.kept_by_rule:
            kept.append(block)
            continue
        if block.furniture:
            note(block.text, f"furniture: {block.furniture_why}")
            continue
        if title and block.text == title:
            continue
        if after is not None and not block.sentence_like and block.words <= ALT_TEXT_MAX_WORDS and (
                after.furniture == FurnitureKind.CAPTION or DURATION.match(after.text)):
            note(block.text, "image alt text over its caption" if after.furniture == FurnitureKind.CAPTION
                 else "a video's title over its duration")
            continue
        if (block.code and not is_prose(block)) or block.row or block.record:  # as they are
            kept.append(block)
            continue
        if block.role is not Role.ITEM and looks_like_heading(block, region, index):
            if block.role is not Role.HEADING:
                block.role, block.level = Role.HEADING, 2
        elif not reads_as_text(block) and id(block) not in fields:
            note(block.text, "a label, not text: short, and no sentence follows it")
            continue
        kept.append(block)
    return kept


def record_fields(region: list[Block]) -> set[int]:
    """The ids of the region's field lines ("Date: June 8-11, 2026") whose labels recur as an
    entry's record does: FIELD_LABELS labels or more, each opening FIELD_REPEATS lines or
    more; not a teaser's link ("Also read: ..."), a forum poster's record ("Posts: 96"), nor
    a line said twice in a row (a picture's alt text over the same caption). Furniture
    ("Tags: ...", "Source: ...") is dropped before these are looked at."""
    labelled: dict[int, str] = {}
    for index, block in enumerate(region):
        if block.words <= FIELD_MAX_WORDS and not block.furniture and block.text[:1].isupper() and (
                match := FIELD.match(block.text)) and not NO_FIELD.match(match.group(1)) and (
                block.text not in neighbours(region, index)):  # a picture's alt text and caption
            labelled[id(block)] = match.group(1).lower()
    if len(labelled) < FIELD_REPEATS * FIELD_LABELS:  # most regions
        return set()
    counts = Counter(labelled.values())
    records = {label for label, count in counts.items() if count >= FIELD_REPEATS}
    if len(records) < FIELD_LABELS:
        return set()
    return {key for key, label in labelled.items() if label in records}


def bare_items(region: list[Block]) -> set[int]:
    """The ids of the region's lines that are a list's items in a scrape that marks none:
    BARE_LIST_LINES or more in a row, each MIN_ITEM_WORDS to BARE_ITEM_MAX_WORDS words in
    sentence case, not links, furniture nor prose (a short paragraph between a teaser and a
    subheading makes no list of them), and not right under furniture (a rail's header over
    its headlines, in sentence case on British sites)."""
    found: set[int] = set()
    run: list[int] = []
    for index, block in enumerate([*region, None]):
        if block is not None and block.role is Role.PARAGRAPH and not (
                block.furniture or is_prose(block)) and (
                MIN_ITEM_WORDS <= block.words <= BARE_ITEM_MAX_WORDS) and (
                block.link_share <= MAX_LINK_SHARE and caps_share(block.text) <= BARE_ITEM_CAPS_SHARE):
            run.append(id(block))
            continue
        if len(run) >= BARE_LIST_LINES and not (
                index > len(run) and region[index - len(run) - 1].furniture):
            found.update(run)  # (not under a rail's header: "More from UK", "Related Articles")
        run = []
    return found


def caps_share(text: str) -> float:
    """The share of a line's words that are capitalised (features measure it on prose only)."""
    return (len(capitalised().findall(text)) + text[0].isupper()) / (text.count(" ") + 1)


def marks_items(blocks: list[Block]) -> bool:
    """Whether the scrape marks its lists' items ("- ", "* ", "• "; a number is the item's own
    text and proves nothing)."""
    return any(b.role is Role.ITEM and not b.text[:1].isdigit() for b in blocks)


def neighbours(region: list[Block], index: int) -> set[str]:
    """The texts of the blocks right before and after region[index]."""
    return {b.text for b in (region[index - 1] if index else None,
                             region[index + 1] if index + 1 < len(region) else None) if b is not None}


def trim_edges(body: list[Block], note: Note = ignore) -> list[Block]:
    """Drop the datelines, disclosures, bios and calls to action that open or close the
    article (as on the HTML path); and a label that the trim leaves at the head, with what
    furniture then opens the article (a guide's "Featured provider" over an entry that opens
    with a disclosure): read again alone, the article would never open on a label, and would
    lose one entry a reading."""
    for _ in range(MAX_HEAD_LABELS + 1):
        start, end, drops = edge_span([b.text for b in body], [b.kept_by_rule for b in body])
        for index, why in drops:
            note(body[index].text, why)
        body = body[start:end]
        if not (start and body and head_label(body[0])):
            return body
        note(body[0].text, "a label left at the head of the article")
        body = body[1:]
    return body


def head_label(block: Block) -> bool:
    """A line the article cannot open on: a short label, no heading, nothing a rule keeps."""
    return block.role is not Role.HEADING and not (block.kept_by_rule or block.row or block.code) and (
        block_score(block) <= 0)


def reads_as_text(block: Block) -> bool:
    """Prose, or a sentence (a list item may be one): what an article is made of, unlike the
    labels, teaser headlines, image file names and time stamps found between its paragraphs."""
    if block.link_share > MAX_LINK_SHARE:  # a menu entry, a teaser's headline
        return False
    if block.role is Role.ITEM:
        return block.words >= MIN_ITEM_WORDS or block.sentence_like
    return is_prose(block) or (block.sentence_like and block.words >= MIN_SENTENCE_WORDS)


def looks_like_heading(block: Block, region: list[Block], index: int) -> bool:
    """A short unpunctuated line followed by prose is a subheading."""
    if block.sentence_like or not 1 <= block.words <= HEADING_MAX_WORDS or (
            block.link_share > MAX_LINK_SHARE):
        return False
    following = region[index + 1: index + 2]
    return bool(following) and (is_prose(following[0]) or following[0].role is Role.HEADING or (
        following[0].role is Role.ITEM and reads_as_text(following[0])))
