"""Links and images in the HTML path's Markdown (`--links`, `--images`). The article is
extracted and cleaned without them, exactly as by default, and its text comes from that; then
trafilatura reads the page once more keeping them (include_links, include_images: <a href>
becomes <ref target>, <img> becomes <graphic src alt title>), and `graft` puts them into the
cleaned body for the Markdown: a kept block takes the links of the same block there, and a
picture goes before the kept block that followed it there.

Why not extract with them at once: trafilatura then extracts other text. With links it keeps
link-only lines it drops otherwise (breadcrumbs, "Also on ..." teasers), and with images it
keeps <figure>s, captions and all: the text moved on 65 and 98 of Scrapinghub's 181 pages
(benchmarks/links.py). Grafting keeps the text, and newsclean's cleaning, as they are.

trafilatura resolves a link against the site's root only ("story.html" on /news/2024/ becomes
/story.html), so newsclean first makes every address absolute itself, against the page's URL
and its <base href>, as a browser does.
"""
from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urljoin

from lxml.etree import strip_tags

from .html_prepare import remove_element
from .prose import squash

# schemes whose links are no address a reader can follow: the link is dropped, its text kept
DEAD_SCHEMES = ("javascript", "data", "vbscript")
# the attributes trafilatura reads an image's address from (trafilatura.utils.image_src:
# data-src first for lazy-loaded pictures, then src, then any data-src-*)
IMAGE_ADDRESS_PREFIX = "data-src"
CONTROL = re.compile("[\x00-\x1f\x7f]")  # what a browser drops (tab, newlines) or encodes in a URL
# trafilatura's elements that hold a block of text: where a picture is placed before
TEXT_BLOCKS = ("p", "head", "quote", "item", "code")


def page_base(tree, page_url: str | None) -> str | None:
    """The address relative links on the page are read against: the page's URL, or its
    <base href> (read against the URL, when both are known); None when neither gives an
    absolute address (the links then stay relative)."""
    base = next((el.get("href", "").strip() for el in tree.iter("base") if el.get("href")), "")
    if page_url:
        return absolute(page_url, base) if base else page_url
    base = absolute("", base)
    return base if base.startswith(("http://", "https://")) else None


def absolute(base: str, address: str) -> str:
    """`address` read against `base` (none: as it is), as a browser reads it: tabs and line
    breaks dropped, other control characters percent-encoded (an XML tree cannot hold them);
    unchanged but for those when it cannot be read (a malformed one)."""
    address = CONTROL.sub(lambda m: "" if m.group() in "\t\n\r" else f"%{ord(m.group()):02X}",
                          address.strip())
    try:
        return urljoin(base, address) if base else address
    except ValueError:
        return address


def resolve_addresses(tree, base: str | None) -> None:
    """Make the page's link and image addresses absolute (without a base: as they are), in
    place, and fit for an XML tree: lxml reads "&#1;" into an attribute but refuses it when
    trafilatura copies it, and then trafilatura loses the whole extraction."""
    for link in tree.iter("a"):
        href = link.get("href")
        if href and not dead(href):
            link.set("href", absolute(base or "", href))
    for image in tree.iter("img"):
        for name, value in image.items():
            if value and (name == "src" or name.startswith(IMAGE_ADDRESS_PREFIX)) and not dead(value):
                image.set(name, absolute(base or "", value))
            elif name in ("alt", "title") and CONTROL.search(value):
                image.set(name, CONTROL.sub(" ", value))


def dead(address: str) -> bool:
    """A link that leads nowhere a reader can go: script, inline data, or the page's own top."""
    address = address.strip()
    if address in ("", "#"):
        return True
    scheme = address.split(":", 1)[0].lower() if ":" in address else ""
    return scheme in DEAD_SCHEMES


def graft(tree, body, page_url: str | None, extract: Callable[..., Any], *, links: bool,
          images: bool):
    """A copy of the cleaned `body` with the page's links and pictures put in, for the Markdown.
    `tree` is the page as the body was extracted from it (its addresses are made absolute, in
    place); `extract(tree, url, **mode)` is trafilatura's body of it."""
    resolve_addresses(tree, page_base(tree, page_url))
    rich = extract(tree, page_url, favor_recall=True, include_links=links, include_images=images)
    body = copy.deepcopy(body)
    if rich is not None and links:
        put_links(body, rich)
    if rich is not None and images:
        place_images(body, rich)
    return markdown_ready(body)


def leaf_blocks(root) -> list[tuple[str, Any]]:
    """The text blocks under `root` that hold no other, in order, with their words as a key."""
    return [(squash("".join(block.itertext())), block) for block in root.iter(*TEXT_BLOCKS)
            if next(block.iterdescendants(*TEXT_BLOCKS), None) is None]


def put_links(body, rich) -> None:
    """Each block of `body` takes the content of the block with the same words in `rich`, in
    order, when that one holds links (its pictures left out: place_images places them)."""
    linked = [(key, block) for key, block in leaf_blocks(rich) if next(block.iter("ref"), None) is not None]
    at = 0
    for key, block in leaf_blocks(body):
        found = next((i for i in range(at, len(linked)) if linked[i][0] == key), None)
        if found is None or not key:
            continue
        source = copy.deepcopy(linked[found][1])
        for graphic in list(source.iter("graphic")):
            remove_element(graphic, blank_tail=True)
        for child in list(block):
            block.remove(child)
        block.text = source.text
        for child in source:
            block.append(child)
        at = found + 1


def place_images(body, rich) -> None:
    """Put the pictures of `rich` into `body`, each before the block of `body` that follows it
    in `rich` (blocks matched by their words, in order). A picture whose following blocks were
    all dropped (a caption, a teaser's thumbnail, what follows the article) is left out, and so
    is a repeat."""
    targets = leaf_blocks(body)
    at, pending, seen = 0, [], set()
    for element in rich.iter("graphic", *TEXT_BLOCKS):
        if element.tag == "graphic":
            if element.get("src") and element.get("src") not in seen:
                seen.add(element.get("src"))
                pending.append(element)
            continue
        key = squash("".join(element.itertext()))
        if not pending or not key:
            continue
        found = next((i for i in range(at, len(targets)) if targets[i][0] == key), None)
        if found is None:
            continue
        block = targets[found][1]
        while block.getparent() is not body and block.getparent() is not None and (
                block.getprevious() is None and not (block.getparent().text or "").strip()):
            block = block.getparent()  # a list's first item: the picture goes before the list
        for picture in pending:
            placed = copy.copy(picture)
            placed.tail = None
            block.addprevious(placed)
        pending, at = [], found + 1


def markdown_ready(body):
    """The body with links that lead nowhere reduced to their text (trafilatura would write
    `[text]` with no address) and pictures without an address gone."""
    for ref in list(body.iter("ref")):
        if dead(ref.get("target") or ""):
            ref.tag = "deadref"
    strip_tags(body, "deadref")
    for graphic in list(body.iter("graphic")):
        if dead(graphic.get("src") or ""):
            remove_element(graphic, blank_tail=True)
    return body
