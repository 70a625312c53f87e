"""Cards that each close on the same words: a page of entries (webcams, programmes, products)
where every entry's own text is followed by the same credit or appeal ("This webcam image is
provided courtesy of Yosemite Conservancy. ...", "You can provide for Yosemite's future ...").
furniture.mark_repeats marks every copy of repeated prose as furniture, which is right for a
teaser rail printed twice or a newsletter box at the top and the bottom; but between cards the
copies cost the run a furniture price each and cut the page into one card (WCXB 0341: the
region kept one webcam of eight, 0.45). Here such copies score as the cards' text while the
region is chosen, and are dropped as repeats once it is: CARD_COPIES copies or more, each pair
of neighbours apart, with prose said once between them (a card's own text, CARD_WORDS words
at most), none of it a
summary cut short (a rail's teasers), and no copy right after another (a rail printed twice
repeats its blocks in a row). Not when the best run with the copies marked stands under its
date line away from the cards: that is the page's story, and the cards a menu above or below
it (WCXB 0356: a bootcamp's six courses, each with the same two promotions, over a dated post;
crossing them took the menu into the article, 0.96 -> 0.90 in every style)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ..patterns import FurnitureKind
from .blocks import Block
from .features import best_run, block_score, is_prose
from .furniture import mark

# copies: two may be a box printed at the top and the bottom, or a story and its copy; a
# credit under each of three cards or more is the cards' template (rule of thumb)
CARD_COPIES = 3
# a summary cut short ("... the top 10 taxi companies are Uber Technologies Inc, ANI Techno...")
# between the copies: a rail of teasers, whose sidebar box repeats beside them; no cards
TRUNCATED = ("...", "…")
# words: a card's own prose between two copies, at most (the dev pages' cards: 15-35); more is
# an article between a box it repeats (a teaser of the story above it, the rail's copy below)
CARD_WORDS = 80
# words: a card's credit or appeal is a sentence or two (the dev pages': 12-25); a longer copy is
# a form's consent text, printed once per brand in a shop's footer (other-dev 4293: 77)
CARD_COPY_WORDS = 40


def unmark_card_repeats(blocks: list[Block], dated: Callable[[list[Block], int], bool]
                        ) -> list[tuple[Block, str]]:
    """Take back furniture.mark_repeats' mark from the copies of a text that close cards (see
    the module), in place, for the region choice: they are scored as the page's other blocks
    are; not when the best run with them marked starts outside the cards and `dated` (a date
    line stands above the block at an index: region.dated_above). Returns each such block and
    its mark's why, for remark_card_repeats."""
    copies: dict[str, list[int]] = {}
    for index, block in enumerate(blocks):
        if block.furniture == FurnitureKind.REPEATED and block.words <= CARD_COPY_WORDS and (
                block.furniture_why.startswith("the same")):
            copies.setdefault(block.text, []).append(index)
    if all(len(indexes) < CARD_COPIES for indexes in copies.values()):
        return []  # most pages
    said = Counter(block.text for block in blocks)
    cards = [indexes for indexes in copies.values() if len(indexes) >= CARD_COPIES and all(
        0 < card_words(blocks[one + 1:other], said) <= CARD_WORDS
        and not any(block.text.endswith(TRUNCATED) for block in blocks[one + 1:other])
        for one, other in zip(indexes, indexes[1:]))]
    if not cards:
        return []
    story = best_run([block_score(block) for block in blocks])[0]
    indexes = [index for copies_of_one in cards for index in copies_of_one]
    if not min(indexes) <= story <= max(indexes) and dated(blocks, story):
        return []  # a dated story away from the cards: they are its page's menu
    unmarked = []
    for block in (blocks[index] for indexes in cards for index in indexes):
        unmarked.append((block, block.furniture_why))
        block.furniture, block.matched, block.furniture_why = None, False, ""
    return unmarked


def remark_card_repeats(unmarked: list[tuple[Block, str]]) -> None:
    """Mark the copies unmark_card_repeats took back as repeated furniture again, once the
    region is chosen: the region crosses them, and the article drops them as any repeat (the
    dev gold leaves such a template out on most pages: a bootcamp's promotion under each
    course, a shop's affiliate note)."""
    for block, why in unmarked:
        mark(block, FurnitureKind.REPEATED, why)


def card_words(gap: list[Block], said: Counter) -> int:
    """The words of the prose among `gap`'s blocks, when all of it is said once on the page
    (`said`: each text's copies); 0 when any is said again (a footer printed three times,
    its shop's blurb between its newsletter box's copies, is no card)."""
    prose = [block for block in gap if is_prose(block) and not block.furniture]
    return 0 if any(said[block.text] > 1 for block in prose) else sum(block.words for block in prose)
