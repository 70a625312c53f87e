"""What stands above the headline: the article opens under its headline, so the lines that
trafilatura's body opens with but that the page shows only above the headline (a photo
gallery's captions and buttons, a kicker, "Updated") are not the article
(docs/findings.md#above-the-headline).

The headline is found on the parsed page, as a heading whose text is the article's title: the
body alone cannot tell, as trafilatura often leaves the headline out of it."""
from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .html_lines import BLOCK_TAGS, block_text, remove_block
from .html_prepare import PROSE_PARAGRAPH_WORDS
from .prose import collapse, ends_like_sentence, squash
from .trace import Note, ignore

# a title of fewer words ("Contact", "Home") may be any heading on the page
HEADLINE_MIN_WORDS = 4
# a heading this much longer than the title still is the headline (a site name after it)
HEADLINE_SLACK = 1.3
HEADINGS = ("h1", "h2")
# a block longer than this many times the longest headline is squashed first from that many
# characters only, to tell a paragraph from a headline (speed: squashing is ~0.03 ms a KB and
# the body is ~4 KB a page; any factor gives the same answer, see squashes_longer)
SQUASH_PREFIX = 2


@dataclass(frozen=True)
class Above:
    """The page's text above its headline (squashed: see prose.squash), the headline itself,
    and the text under it (`after`), read off the page when first asked: most pages never ask
    (BENCHMARKS.md, "Speed"), so it is asked before the page's tree changes (from_html prunes
    it only once the article is cleaned)."""

    before: str
    headline: str
    body: Any = field(default=None, repr=False, compare=False)
    heading: Any = field(default=None, repr=False, compare=False)

    @functools.cached_property
    def after(self) -> str:
        return squash(" ".join(text_after(self.body, self.heading))) if self.heading is not None else ""


def headline_split(tree, titles: Sequence[str | None]) -> Above | None:
    """The page's text split at its headline: the first <h1> (else <h2>) whose text is one of
    the titles. None when no heading is."""
    wanted = [squash(t) for t in titles if t and len(squash(t).split()) >= HEADLINE_MIN_WORDS]
    body = tree.find("body")
    if not wanted or body is None:
        return None
    later = []  # the lower headings, read only when no heading of the first kind is the headline
    for heading in body.iter(*HEADINGS):  # one walk (a walk over a news page is ~0.1 ms)
        if heading.tag != HEADINGS[0]:
            later.append(heading)
        elif (text := squash(heading.text_content())) and is_headline(text, wanted):
            return split_at(body, heading, text)
    later.sort(key=lambda heading: HEADINGS.index(heading.tag))  # by kind; stable: in page order
    for heading in later:
        text = squash(heading.text_content())
        if text and is_headline(text, wanted):
            return split_at(body, heading, text)
    return None


def split_at(body, heading, headline: str) -> Above:
    """The body's text before `heading` (an element's text, then its tail, then its
    descendants'), and, when asked, after it."""
    before: list[str] = []
    holders = set(heading.iterancestors())
    for element in body.iter():
        if element is heading:
            break
        if isinstance(element.tag, str) and element.text:
            before.append(element.text)
        if element.tail and element not in holders:  # an ancestor's tail comes after the heading
            before.append(element.tail)
    return Above(squash(" ".join(before)), headline, body, heading)


def text_after(body, heading) -> list[str]:
    """The texts split_at puts after `heading`, in its order: its ancestors' tails (from the
    body down), its own tail, then what follows it, each element's text, tail and descendants'."""
    holders = list(heading.iterancestors())
    texts = [h.tail for h in reversed(holders[:holders.index(body) + 1]) if h.tail]
    texts.append(heading.tail or "")
    node = heading
    while node is not body:
        for sibling in node.itersiblings():
            for element in sibling.iter():
                if isinstance(element.tag, str) and element.text:
                    texts.append(element.text)
                if element.tail:
                    texts.append(element.tail)
        node = node.getparent()
    return texts


def drop_above_headline(body, above: Above | None, titles: Sequence[str | None],
                        note: Note = ignore) -> None:
    """Drop the blocks that open the body above the headline: the run of blocks whose text the
    page shows above its headline only (`above.before`, not `above.after`), and, where the
    body repeats the headline, the blocks above the repetition when they are such a run or
    hold no paragraph of prose (is_prose), unless the page shows one of them under its
    headline only, a block the body holds once (a gallery repeats its captions) of
    PROSE_PARAGRAPH_WORDS words or more (its "Close" and "Photo 1 of 4" stand anywhere): then
    the repetition is a section's heading (a listing's, under its products).
    Not when they hold as many words as the rest of the body: that is the article, whatever the
    page's layout."""
    wanted = [squash(t) for t in titles if t and len(squash(t).split()) >= HEADLINE_MIN_WORDS]
    if above is not None:
        wanted.append(above.headline)
    if not wanted:
        return
    blocks = outer_blocks(body)
    raws = [block_text(block) for block in blocks]
    keys: list[str | None] = [None] * len(blocks)  # squashed when first read

    def key(index: int) -> str:
        if (found := keys[index]) is None:
            found = keys[index] = squash(raws[index])
        return found

    run = 0
    while above is not None and run < len(blocks) and (not key(run) or (
            key(run) in above.before and key(run) not in above.after)):
        run += 1
    longest = HEADLINE_SLACK * max(map(len, wanted))  # what a squashed headline is at most
    cut = next((index + 1 for index in range(len(blocks)) if not squashes_longer(raws[index], longest)
                and (text := key(index)) and is_headline(text, wanted)), 0)
    if not cut and not run:
        return  # nothing above the article (most pages: its blocks are not all squashed)
    texts = [key(index) for index in range(len(blocks))]
    if cut > run + 1 and any(is_prose(block) and texts.count(text) == 1
                             for block, text in zip(blocks[:cut], texts)):
        cut = 0  # a section's heading that repeats the title, under the article's intro
    if cut > run + 1 and above is not None and any(
            len(text.split()) >= PROSE_PARAGRAPH_WORDS and texts.count(text) == 1
            and f" {text} " in f" {above.after} " and f" {text} " not in f" {above.before} "
            for text in texts[run:cut - 1]):
        cut = 0  # the page shows them under its headline: a section's heading repeats the title
    cut = cut or run
    words = [len(text.split()) for text in texts]
    if not any(words[:cut]) or 2 * sum(words[:cut]) >= sum(words):
        return
    for block, text in zip(blocks[:cut], texts[:cut]):
        if text:
            note(collapse(block_text(block)), "the headline, repeated in the body (it is the title)"
                 if is_headline(text, wanted) else "above the headline, which opens the article")
        remove_block(block)


def is_prose(block) -> bool:
    """A paragraph of prose (html_prepare.prose_paragraphs' measure; a menu's list items are
    no paragraphs, however long their blurbs): one that the body holds
    once, above a heading that repeats the title, makes the heading a section's (a list
    post's intro), not the headline; a gallery repeats its captions."""
    text = collapse(block_text(block))
    return block.tag == "p" and len(text.split()) >= PROSE_PARAGRAPH_WORDS and ends_like_sentence(text)


def squashes_longer(text: str, longest: float) -> bool:
    """Whether `text`, squashed, is surely longer than `longest` characters, read off its first
    SQUASH_PREFIX times `longest` characters: a prefix never squashes longer than the whole
    text (its words are the text's, the last perhaps cut short), so a headline or a title's
    echo is never passed over, while a paragraph is told apart without squashing it."""
    prefix = int(SQUASH_PREFIX * longest)
    return len(text) > prefix and len(squash(text[:prefix])) > longest


def is_headline(text: str, wanted: Sequence[str]) -> bool:
    """Whether a squashed text is one of the `wanted` (squashed) titles."""
    return any(text == w or (w in text and len(text) <= HEADLINE_SLACK * len(w)) for w in wanted)


def outer_blocks(body) -> list:
    """The body's paragraph-level elements in order, at any depth (trafilatura's recall mode
    keeps some <div>s), those nested in another one left in it."""
    found: list = []
    taken: set = set()
    for element in body.iter(*BLOCK_TAGS):
        if any(ancestor in taken for ancestor in element.iterancestors()):
            taken.add(element)
            continue
        taken.add(element)
        found.append(element)
    return found
