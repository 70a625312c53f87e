"""Block data: the paragraphs, headings and list items a scrape is cut into, what is measured
of each, and the plain-text rendering that reads back as the same blocks."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum

from ..patterns import FurnitureKind
from .markup import IMAGE_LINE

# ---- list numbers ----
# a list item that carries its own number ("2. Stop charging") is written without a "- "
# (one to three digits: "2024. The year..." opens a sentence, not an item)
NUMBERED = re.compile(r"\d{1,3}[.)]\s")


class Role(str, Enum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    ITEM = "item"


@dataclass(slots=True)
class Block:
    """A paragraph, heading or list item of the scrape, and what was measured of it. Blocks
    belong to one extraction, which fills in their measures and furniture in place."""

    text: str
    role: Role = Role.PARAGRAPH
    level: int = 0          # heading level when the scrape marks it (html2text '#')
    furniture: str | None = None
    furniture_why: str = ""  # the pattern, for `explain`
    words: int = 0
    stop_ratio: float = 0.0
    kept_by_rule: bool = False  # a site's keep_line matched: never dropped
    matched: bool = False  # furniture patterns were tried on it
    sentence_like: bool = False  # ends as a sentence does
    code: bool = False  # reads as program code or a shell session
    link_share: float = 0.0  # of its characters, link text (scrapes that mark links)
    caps_share: float = 0.0  # of its words (long blocks only), those with a capital initial
    entry: bool = False  # a line of a guide's entry, between prose (entries.mark_entries)
    row: bool = False  # a table's row, between prose (entries.mark_table_rows): kept as it is
    record: bool = False  # a line of a directory's records (entries.mark_records): kept, free


def as_text(body: list[Block]) -> str:
    """The article as plain text: a line per block, list items marked (so that the text
    reads back as the same blocks)."""
    return "\n".join(map(as_line, body))


def as_line(block: Block) -> str:
    """A block's line of as_text."""
    if block.role is Role.ITEM and not NUMBERED.match(block.text):
        return f"- {block.text}"
    return block.text


@dataclass(frozen=True)
class MetaView:
    """The page as its headline, byline and date are looked for: the blocks but the site's
    strip_line lines and image lines ("[jdoe-150x150]" between a headline and its byline),
    and where the article starts among them. Indexes into `shown`, never into the page's
    blocks; `visible` (one flag a page block) converts a page index to a `shown` one."""

    shown: list[Block]
    visible: tuple[bool, ...]
    start: int  # in `shown`: the first block of the article region

    @classmethod
    def of(cls, blocks: list[Block], start: int) -> MetaView:
        """The view of `blocks` with the article starting at page index `start`."""
        visible = tuple(b.furniture != FurnitureKind.SITE_RULE
                        and not (b.text[0] == "[" and IMAGE_LINE.fullmatch(b.text)) for b in blocks)
        shown = [b for b, seen in zip(blocks, visible) if seen]
        return cls(shown, visible, sum(visible[:start]))

    def starting_at(self, start: int) -> MetaView:
        """The same view, the article starting at page index `start`."""
        return replace(self, start=sum(self.visible[:start]))
