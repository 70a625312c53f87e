"""Cards that each close on the same words: a page of entries (webcams, programmes, products)
where every entry's own text is followed by the same credit or appeal ("This webcam image is
provided courtesy of Yosemite Conservancy. ...", "You can provide for Yosemite's future ...").
furniture.mark_repeats marks every copy of repeated prose as furniture, which is right for a
teaser rail printed twice or a newsletter box at the top and the bottom; but between cards the
copies cost the run a furniture price each and cut the page into one card (WCXB 0341: the
region kept one webcam of eight, 0.45). Here such copies are the cards' own text again:
CARD_COPIES copies or more, each pair of neighbours apart, with prose said once between them
(a card's own text), and no copy right after another (a rail printed twice repeats its
blocks in a row)."""
from __future__ import annotations

from ..patterns import FurnitureKind
from .blocks import Block
from .features import is_prose

# copies: two may be a box printed at the top and the bottom, or a story and its copy; a
# credit under each of three cards or more is the cards' template (rule of thumb)
CARD_COPIES = 3


def unmark_card_repeats(blocks: list[Block]) -> None:
    """Take back furniture.mark_repeats' mark from the copies of a text that close cards (see
    the module), in place: they are read as the page's other blocks are."""
    copies: dict[str, list[int]] = {}
    for index, block in enumerate(blocks):
        if block.furniture == FurnitureKind.REPEATED and block.furniture_why.startswith("the same"):
            copies.setdefault(block.text, []).append(index)
    cards = [indexes for indexes in copies.values() if len(indexes) >= CARD_COPIES and all(
        any(is_prose(block) and not block.furniture for block in blocks[one + 1:other])
        for one, other in zip(indexes, indexes[1:]))]
    for index in (index for indexes in cards for index in indexes):
        blocks[index].furniture, blocks[index].matched, blocks[index].furniture_why = None, False, ""
