"""Furniture marks on blocks: text the page repeats (mark_repeats), rails of teasers whose
headline runs into its summary (mark_glued_teasers), and the furniture patterns of
data/furniture.txt (with_furniture). A mark says what the block is and why (for `explain`);
the block's score follows from it (features.block_score)."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..patterns import FurnitureKind, Scope, furniture_match
from .blocks import Block
from .features import HEADLINE_MAX_WORDS, MAX_CAPS_SHARE, PROSE_WORDS

# ---- repeated prose ----
DUPLICATE_ARTICLE_SHARE = 0.5  # repeated text that makes half the page's prose is an article copy
# ...unless the page says, in one stretch of prose said once, half as much as it repeats: that
# stretch is the article, and what it repeats a testimonial carousel or a teaser rail printed
# twice, or a metadata copy of the story (dev renderings of both sets, every style: such
# stretches 0.81-0.97 of the repeated text; on pages that hold a copy of the article, where
# the lines that differ between the copies are said once, 0.10-0.24)
ONCE_STRETCH_SHARE = 0.5
# words: and the stretch is an article's worth (a teaser and a paragraph, as
# region.WORDS_BEFORE_BOUNDARY); a teaser under a story printed three times is none (the
# shortest such stretch on the dev article pages: 373 words)
ONCE_STRETCH_WORDS = 50
# short blocks that close on the same sentence (TEMPLATE_TAIL_WORDS words or more, said
# TEMPLATE_COPIES times or more) and differ before it: a template filled in per case, a shop's
# shipping banner per country ("Free shipping on orders $110 AUD or more. For more information
# on shipping rates and timelines, please visit our international page"); the blocks are
# short, TEMPLATE_MAX_WORDS words or fewer (a page of promotion terms that differ in their
# dates is long paragraphs, its content; rule of thumb), and stand together, among at most
# TEMPLATE_SPREAD times as many prose blocks as they are (a guide's entries each say "X supports
# the WireGuard protocol. ... aims to be simpler and more performant." far apart, its content)
TEMPLATE_TAIL_WORDS = 8
TEMPLATE_SPREAD = 2  # prose blocks a copy, at most, from the first copy to the last
# copies: a story may close three or four paragraphs in a row on one line (a refrain: "The
# council voted on Tuesday to rebuild the old footbridge ..."); a banner per country runs to
# a dozen
TEMPLATE_COPIES = 5
TEMPLATE_MAX_WORDS = 40  # words: a banner, not a paragraph of terms (see above)
SENTENCE_END = re.compile(r"[.!?]\s+(?=\S)")

# ---- glued teasers ----
# where a teaser's headline runs into its summary: "...Student-AthleteA 24-year-old woman"
# (the letter before the capital is matched, not looked behind for: the engine then skips
# ahead by its first character)
GLUED = re.compile(r"[a-z0-9’'”\")][A-Z](?=[a-z]|\s)")
# characters: a teaser's headline is glued to its summary within its first 200 (rule of thumb)
GLUED_HEAD_CHARS = 200
GLUED_HEAD_WORDS = (4, 20)  # words: how long the glued headline is, fewest and most
TEASER_RUN = 3  # glued teasers in a row: a rail (an article glues a subheading now and then)


def mark(block: Block, kind: str | None, why: str) -> None:
    """Mark the block as furniture of `kind` (None: none) because of `why`; patterns are not
    tried on it again."""
    block.furniture, block.matched, block.furniture_why = kind, True, why


def mark_repeats(blocks: list[Block]) -> None:
    """A teaser rail or a template repeats its text; an article says things once. Every copy
    of repeated prose is furniture, except on pages that hold a second copy of the whole
    article (mobile and desktop versions): there the first copy is the article. A page whose
    repeated text is most of its prose, beside a long stretch said once, holds no copy: the
    stretch is the article (ONCE_STRETCH_SHARE)."""
    prose = [block for block in blocks if block.words >= PROSE_WORDS and (
        block.sentence_like or block.words > HEADLINE_MAX_WORDS)]  # a headline may repeat
    lengths = {block.text: block.words for block in prose}
    copies = Counter(block.text for block in prose)
    repeated = sum(lengths[text] for text, count in copies.items() if count > 1)
    mark_templates(prose)
    if not repeated:
        return
    every_copy = repeated < DUPLICATE_ARTICLE_SHARE * sum(lengths.values()) or (
        longest_said_once(prose, copies) >= max(ONCE_STRETCH_WORDS, ONCE_STRETCH_SHARE * repeated))
    seen: set[str] = set()
    for block in prose:
        if block.furniture:
            continue
        if copies[block.text] > 1:
            if every_copy or block.text in seen:
                mark(block, FurnitureKind.REPEATED, f"the same text {copies[block.text]} times on the page")
            seen.add(block.text)


def mark_templates(prose: list[Block]) -> None:
    """Short blocks that close on the same sentence, TEMPLATE_COPIES times or more, and say
    something before it, together (TEMPLATE_SPREAD): a template filled in per case (a shipping
    banner per country), every copy furniture. The same block said again is left to mark_repeats."""
    tails: dict[str, list[int]] = {}
    for index, block in enumerate(prose):
        if block.words > TEMPLATE_MAX_WORDS:
            continue
        ends = [match.end() for match in SENTENCE_END.finditer(block.text)]
        tail = block.text[ends[-1]:] if ends else ""
        if len(tail.split()) >= TEMPLATE_TAIL_WORDS:
            tails.setdefault(tail, []).append(index)
    for indexes in tails.values():
        filled = [prose[index] for index in indexes]
        if len(filled) >= TEMPLATE_COPIES and len({block.text for block in filled}) >= TEMPLATE_COPIES and (
                indexes[-1] - indexes[0] < TEMPLATE_SPREAD * len(indexes)):
            for block in filled:
                mark(block, FurnitureKind.REPEATED,
                     f"a template: {len(filled)} short blocks close on the same sentence")


def longest_said_once(prose: list[Block], copies: Counter) -> int:
    """The words of the longest stretch of `prose` (blocks in page order) said once."""
    longest = stretch = 0
    for block in prose:
        stretch = stretch + block.words if copies[block.text] == 1 else 0
        longest = max(longest, stretch)
    return longest


@lru_cache(maxsize=4096)  # the settle pass reads the article's blocks again
def glued_teaser(text: str) -> bool:
    """A headline in title case run into a sentence, without a space: a teaser whose two
    elements a scrape glued together."""
    match = GLUED.search(text, 0, GLUED_HEAD_CHARS)
    if match is None:
        return False
    head = text[:match.start() + 1].split()
    return (GLUED_HEAD_WORDS[0] <= len(head) <= GLUED_HEAD_WORDS[1]
            and sum(w[0].isupper() or w[0].isdigit() for w in head) >= MAX_CAPS_SHARE * len(head))


def mark_glued_teasers(blocks: list[Block]) -> None:
    """Runs of TEASER_RUN or more glued teasers are a rail: furniture."""
    filled = [block for block in blocks if block.words]
    glued = [index for index, block in enumerate(filled)
             if block.words >= PROSE_WORDS and glued_teaser(block.text)]
    if len(glued) < TEASER_RUN:  # most pages
        return
    runs: list[list[int]] = []
    for index in glued:
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    for run in runs:
        if len(run) >= TEASER_RUN:
            for teaser in (filled[index] for index in run):
                if not teaser.furniture:
                    mark(teaser, FurnitureKind.TEASER, "a teaser: its headline runs into its summary")


def with_furniture(block: Block) -> None:
    """Fill in the furniture pattern the block matches (if any)."""
    if block.matched or block.kept_by_rule:
        return
    pattern = furniture_match(block.text, Scope.TEXT)
    mark(block, pattern.kind if pattern else None, str(pattern) if pattern else "")
