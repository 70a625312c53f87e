"""Links and images in the HTML path's Markdown (`--links`, `--images`): the page's addresses
made absolute before trafilatura reads it, and the body it returns made ready for each
rendering: the Markdown keeps `[text](url)` and `![alt](src)`, the plain text never does.

trafilatura (include_links, include_images) turns <a href> into <ref target> and <img> into
<graphic src alt title>, and its Markdown writer renders them. It resolves a link against the
site's root only ("story.html" on /news/2024/ becomes /story.html), so newsclean resolves every
address itself first, against the page's URL and its <base href>, as a browser does.
"""
from __future__ import annotations

import copy
from urllib.parse import urljoin, urlsplit

from lxml.etree import strip_tags

# schemes whose links are no address a reader can follow: the link is dropped, its text kept
DEAD_SCHEMES = ("javascript", "data", "vbscript")
# the attributes trafilatura reads an image's address from (trafilatura.utils.image_src:
# data-src first for lazy-loaded pictures, then src, then any data-src-*)
IMAGE_ADDRESS_PREFIX = "data-src"


def trafilatura_options(links: bool, images: bool) -> dict[str, bool]:
    """trafilatura's arguments for what the Markdown keeps; none when it keeps neither, so
    that the extraction is the one made without these options."""
    options = {}
    if links:
        options["include_links"] = True
    if images:
        options["include_images"] = True
    return options


def page_base(tree, page_url: str | None) -> str | None:
    """The address relative links on the page are read against: the page's URL, or its
    <base href> (read against the URL, when both are known); None when neither gives an
    absolute address (the links then stay relative)."""
    base = next((el.get("href", "").strip() for el in tree.iter("base") if el.get("href")), "")
    try:
        if page_url:
            return urljoin(page_url, base) if base else page_url
        return base if urlsplit(base).scheme in ("http", "https") else None
    except ValueError:  # a malformed address ("http://[x"): no base
        return page_url or None


def absolute(base: str, address: str) -> str:
    """`address` read against `base`; unchanged when it cannot be (a malformed one)."""
    try:
        return urljoin(base, address.strip())
    except ValueError:
        return address


def resolve_addresses(tree, base: str | None) -> None:
    """Make the page's link and image addresses absolute, in place. Without a base they stay
    as they are."""
    if not base:
        return
    for link in tree.iter("a"):
        href = link.get("href")
        if href and not dead(href):
            link.set("href", absolute(base, href))
    for image in tree.iter("img"):
        for name, value in image.items():
            if value and (name == "src" or name.startswith(IMAGE_ADDRESS_PREFIX)) and not dead(value):
                image.set(name, absolute(base, value))


def dead(address: str) -> bool:
    """A link that leads nowhere a reader can go: script, inline data, or the page's own top."""
    address = address.strip()
    if address in ("", "#"):
        return True
    scheme = address.split(":", 1)[0].lower() if ":" in address else ""
    return scheme in DEAD_SCHEMES


def markdown_body(body):
    """A copy of the cleaned body for the Markdown: links that lead nowhere keep their text
    only (trafilatura would write `[text]` with no address), images without an address go."""
    body = copy.deepcopy(body)
    for ref in list(body.iter("ref")):
        if dead(ref.get("target") or ""):
            ref.tag = "deadref"
    strip_tags(body, "deadref")
    for graphic in list(body.iter("graphic")):
        if dead(graphic.get("src") or ""):
            drop_keeping_tail(graphic)
    return body


def text_body(body):
    """A copy of the cleaned body for the plain text: link text without link syntax, no image
    lines (trafilatura's plain-text writer keeps both)."""
    body = copy.deepcopy(body)
    strip_tags(body, "ref")
    for graphic in list(body.iter("graphic")):
        drop_keeping_tail(graphic)
    return body


def drop_keeping_tail(element) -> None:
    """Remove an element, its tail text staying where it was."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)
