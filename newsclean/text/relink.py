"""`--links` and `--images` on the text path: the Markdown links `[text](url)` and images
`![alt](src)` a scrape carries (html2text, a Markdown copy) put back into the kept blocks for
the article's Markdown. The plain text, and every stage before rendering, never see them.

A link goes back only into a kept block that holds the whole visible text of the line it
stood on, in page order, so a menu's "Politics" never links a word of the article: a dropped
line finds no block that holds it. An image goes before the block holding the first text line
after it. Lynx's numbered links are not put back: lynx marks where a link starts, not where it
ends, so the linked words are not known; other scrapes carry no addresses.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from itertools import accumulate

from ..links import absolute, dead
from .blocks import Block
from .markup import markdown_link_text, tidy
from .segment import first_lines

# [text](url "title") and ![alt](src), as text.markup reads them, with the address captured
LINK = re.compile(r"(!?)\[([^\[\]]*)\]\(((?:[^()\s]|\([^()\s]*\))*)(?:\s+\"[^\"]*\")?\)")
# characters: a line this short is matched only by a block that is the line itself, as a
# link's own line ("* [Barron's](...)") or a heading; longer, a block may hold more (rejoined
# wrapped lines). Rule of thumb: menu entries and tags are shorter; wrapped prose is longer
MIN_ANCHOR_CHARS = 40
# links and images: the first this many of a scrape are put back (a long article has a few
# hundred; past this, a page's are menus and rails), a bound on the work on a hostile scrape
MAX_ANCHORS = 10_000


@dataclass(frozen=True)
class Anchor:
    """A link or image of the scrape: its visible text (alt text for an image), its address,
    and the visible text of the line that places it."""

    image: bool
    text: str
    address: str
    line: str


def find_anchors(scrape: str, page_url: str | None) -> list[Anchor]:
    """The scrape's Markdown links and images in page order (the first MAX_ANCHORS, of the
    part of the scrape that is read); relative addresses made absolute with `page_url` when
    known. Empty for scrapes without Markdown links."""
    if "](" not in scrape:
        return []
    anchors: list[Anchor] = []
    waiting: list[tuple[str, str]] = []  # images on lines of their own: the next text places them
    for line in first_lines(scrape).split("\n"):
        if "](" not in line and not waiting:
            continue
        visible = tidy(markdown_link_text(line)[0]) if "](" in line else tidy(line)
        if visible and waiting:
            anchors += [Anchor(True, alt, address, visible) for alt, address in waiting]
            waiting = []
        if len(anchors) + len(waiting) >= MAX_ANCHORS:
            break
        for match in LINK.finditer(line) if "](" in line else ():
            bang, text, address = match.groups()
            text = tidy(text)
            if dead(address) or (not text and not bang):
                continue
            address = absolute(page_url, address) if page_url else address
            if bang and not visible:
                waiting.append((text, address))
            else:
                anchors.append(Anchor(bool(bang), text, address, visible))
    return anchors[:MAX_ANCHORS]


def relink_blocks(body: list[Block], anchors: list[Anchor], *, links: bool, images: bool) -> list[Block]:
    """Copies of the kept blocks with the anchors wanted put back, for render_markdown."""
    spans: dict[int, list[tuple[int, int, str]]] = {}  # block index -> (start, end, address)
    pictures: dict[int, list[Anchor]] = {}  # block index -> images to show before it
    finder = BlockFinder(body)
    at = 0  # the block the last anchor went into: anchors follow page order
    shown: set[str] = set()  # a picture shown once (a gallery's thumbnails repeat it)
    for anchor in anchors:
        if anchor.image and not images or not anchor.image and not links or not anchor.line or (
                anchor.image and anchor.address in shown):
            continue
        found = finder.find(anchor.line, at)
        if found is None:
            continue
        if anchor.image:
            shown.add(anchor.address)
            pictures.setdefault(found, []).append(anchor)
            at = found
            continue
        taken = spans.setdefault(found, [])
        start = body[found].text.find(anchor.text, taken[-1][1] if taken else 0)
        if start >= 0:
            taken.append((start, start + len(anchor.text), anchor.address))
            at = found
    out: list[Block] = []
    for index, block in enumerate(body):
        for picture in pictures.get(index, []):
            out.append(Block(f"![{picture.text}]({target(picture.address)})"))
        if index in spans:
            block = replace(block, text=linked(block.text, spans[index]))
        out.append(block)
    return out


class BlockFinder:
    """Where a line stands among the kept blocks, from a given block on: a block that is the
    line itself, or (a line of MIN_ANCHOR_CHARS or more) one that holds it. One search of the
    joined text, not one per block (a scrape may hold thousands of links)."""

    def __init__(self, body: list[Block]) -> None:
        self.joined = "\n".join(block.text for block in body)
        self.starts = list(accumulate((len(block.text) + 1 for block in body[:-1]), initial=0))
        self.exact: dict[str, list[int]] = {}
        self.found: dict[tuple[str, int], int | None] = {}
        for index, block in enumerate(body):
            self.exact.setdefault(block.text, []).append(index)

    def find(self, line: str, at: int) -> int | None:
        """The first block from `at` on that places `line`, or None."""
        if (line, at) not in self.found:  # the links of one line ask the same
            self.found[line, at] = self.search(line, at)
        return self.found[line, at]

    def search(self, line: str, at: int) -> int | None:
        same = self.exact.get(line, [])
        first_same = same[bisect_left(same, at)] if same and same[-1] >= at else None
        if len(line) < MIN_ANCHOR_CHARS or at >= len(self.starts):
            return first_same
        position = self.joined.find(line, self.starts[at])
        holding = bisect_right(self.starts, position) - 1 if position >= 0 else None
        return min((i for i in (first_same, holding) if i is not None), default=None)


def linked(text: str, spans: list[tuple[int, int, str]]) -> str:
    """`text` with each span written as a Markdown link."""
    parts, end = [], 0
    for start, stop, address in spans:
        parts += [text[end:start], f"[{text[start:stop]}]({target(address)})"]
        end = stop
    return "".join(parts) + text[end:]


def target(address: str) -> str:
    """A link destination as CommonMark reads it: in <> when it holds spaces or brackets."""
    if any(c in address for c in " <>()"):
        return "<" + address.replace("<", "%3C").replace(">", "%3E") + ">"
    return address

