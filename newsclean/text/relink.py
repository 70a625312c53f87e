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
from dataclasses import dataclass, replace

from ..links import absolute, dead
from .blocks import Block
from .markup import markdown_link_text, tidy

# [text](url "title") and ![alt](src), as text.markup reads them, with the address captured
LINK = re.compile(r"(!?)\[([^\[\]]*)\]\(((?:[^()\s]|\([^()\s]*\))*)(?:\s+\"[^\"]*\")?\)")
# characters: a line this short is matched only by a block that is the line itself, as a
# link's own line ("* [Barron's](...)") or a heading; longer, a block may hold more (rejoined
# wrapped lines). Rule of thumb: menu entries and tags are shorter; wrapped prose is longer
MIN_ANCHOR_CHARS = 40


@dataclass(frozen=True)
class Anchor:
    """A link or image of the scrape: its visible text (alt text for an image), its address,
    and the visible text of the line that places it."""

    image: bool
    text: str
    address: str
    line: str


def find_anchors(scrape: str, page_url: str | None) -> list[Anchor]:
    """The scrape's Markdown links and images in page order; relative addresses made absolute
    with `page_url` when known. Empty for scrapes without Markdown links."""
    if "](" not in scrape:
        return []
    lines = scrape.split("\n")
    anchors: list[Anchor] = []
    for index, line in enumerate(lines):
        if "](" not in line:
            continue
        visible = tidy(markdown_link_text(line)[0])
        placing = visible or next((tidy(markdown_link_text(later)[0]) for later in lines[index + 1:]
                                   if tidy(markdown_link_text(later)[0])), "")
        for match in LINK.finditer(line):
            bang, text, address = match.groups()
            text = tidy(text)
            if dead(address) or (not text and not bang):
                continue
            address = absolute(page_url, address) if page_url else address
            anchors.append(Anchor(bool(bang), text, address, placing if bang else visible))
    return anchors


def relink(body: list[Block], anchors: list[Anchor], *, links: bool, images: bool) -> list[Block]:
    """Copies of the kept blocks with the anchors wanted put back, for render_markdown."""
    spans: dict[int, list[tuple[int, int, str]]] = {}  # block index -> (start, end, address)
    pictures: dict[int, list[Anchor]] = {}  # block index -> images to show before it
    at = 0  # the block the last anchor went into: anchors follow page order
    for anchor in anchors:
        if anchor.image and not images or not anchor.image and not links or not anchor.line:
            continue
        found = next((i for i in range(at, len(body)) if places(anchor.line, body[i].text)), None)
        if found is None:
            continue
        if anchor.image:
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


def places(line: str, block: str) -> bool:
    """Whether this block holds the line an anchor stood on."""
    return line == block or (len(line) >= MIN_ANCHOR_CHARS and line in block)


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

