"""Block data: the paragraphs, headings and list items a scrape is cut into, what is measured
of each, and the plain-text rendering that reads back as the same blocks."""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

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
    score: float = 0.0  # block_score, kept up to date by measure and with_furniture


def as_text(body: list[Block]) -> str:
    """The article as plain text: a line per block, list items marked (so that the text
    reads back as the same blocks)."""
    return "\n".join(f"- {b.text}" if b.role is Role.ITEM and not NUMBERED.match(b.text)
                     else b.text for b in body)
