"""When the HTML path's article is worth checking against bare trafilatura (the safety net in
from_html): it is short against the page's prose, or it leaves out prose that stands inside its
own container. Pure measures on the parsed page; no extraction runs here.

The second case is an extraction that stops short inside the article: trafilatura's recall mode
drops blocks whose class reads like furniture (a FAQ's `<details class="expandable">`, a
"card" box of text) and, with 2,500 characters in hand, never compares its text with the
readability fallback that bare trafilatura asks (docs/findings.md#net-missed-prose). The net
then reads the container again with those classes lifted (lift_discards), and asks bare
trafilatura only when that is not enough."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .html_prepare import PROSE_PARAGRAPH_WORDS, Paragraphs, prose_paragraphs
from .prose import collapse, squash

# characters of prose left out of the article's own container past which the net is asked: five
# or six paragraphs (a bio or a caption left out is one; a FAQ's answers or a second half of
# the story are many)
NET_MISSED_PROSE = 1000
# the net's text must then hold this share of the prose left out, as well as the article
# (it is the same article with its missing part, not another page's worth of text)
NET_MISSED_HELD = 0.5
# elements that hold a whole page: an article whose paragraphs have only these in common is
# spread over the page, and has no container of its own to measure
PAGE_HOLDERS = frozenset(("html", "body"))
# an article short against the page's prose looks for what it left out in the nearest element
# around it that holds this share of the page's prose left out (missed_prose's `widen`)
WIDEN_SHARE = 0.5
# what trafilatura's discard XPaths read on an element, taken off one that holds missed prose:
# its class and id ("expandable"), and how it hides ("display:none", aria-hidden: an
# accordion's closed answers, WCXB dev 4193)
LIFTED = ("class", "id", "style", "aria-hidden")


@dataclass(frozen=True)
class Missed:
    """The article's container on the page, and the prose paragraphs in it that the article
    left out (texts, whitespace collapsed)."""

    container: Any = None
    texts: tuple[str, ...] = ()

    @property
    def chars(self) -> int:
        return sum(map(len, self.texts))


def missed_prose(tree, texts: Sequence[str], widen: bool = False,
                 paragraphs: Paragraphs | None = None) -> Missed:
    """The prose paragraphs (html_prepare.prose_paragraphs) inside the article's container that
    none of `texts` (the article, and what its cleaning dropped) holds. The container is the
    nearest element around the page's paragraphs of prose that the article holds; nothing
    when the article holds none, or only the whole page holds them all. With `widen` (an
    article short against the page's prose), the container is the nearest of its ancestors
    under the <body> that holds WIDEN_SHARE of the prose left out: an intro of one paragraph
    has no container of its own, the page's prose stands beside it (a guide's entries in a
    box whose class reads "footer": WCXB dev 4340). `paragraphs`: the page's <p>s and their
    texts as the caller read them (html_prepare.drop_not_article), not read again."""
    plain = "\n".join(collapse(text) for text in texts)  # a paragraph's text holds no newline
    held: str | None = None
    kept: list = []
    left: list = []
    read = (((para, collapse(para.text_content())) for para in tree.iter("p")) if paragraphs is None
            else paragraphs.read(tree))
    for para, text in read:
        if len(text.split()) < PROSE_PARAGRAPH_WORDS:
            continue
        # found as written, it is found squashed (held), but where a capital sigma is: lower()
        # reads it by its neighbours (BENCHMARKS.md, "Speed": most paragraphs are, and squashing
        # the article's text is most of the cost)
        if "\u03a3" not in text and text in plain:
            kept.append(para)
            continue
        if held is None:
            held = " ".join(squash(text) for text in texts)
        (kept if squash(text) in held else left).append(para)
    if not kept:
        return Missed()
    container = common_ancestor(kept)
    if container is None or container.tag in PAGE_HOLDERS:
        return Missed()
    if widen:
        container = widened(container, left)
    inside = set(container.iter("p"))
    return Missed(container, tuple(text for para in left if para in inside
                                   for text in prose_paragraphs(para)))


def widened(container, left: list):
    """The nearest of `container` and its ancestors below the page holders that holds
    WIDEN_SHARE of the prose of the `left` paragraphs."""
    sizes = [(set(para.iterancestors()), sum(map(len, prose_paragraphs(para)))) for para in left]
    total = sum(size for _ancestors, size in sizes)
    while container.getparent() is not None and container.getparent().tag not in PAGE_HOLDERS and (
            sum(size for ancestors, size in sizes if container in ancestors) < WIDEN_SHARE * total):
        container = container.getparent()
    return container


def lift_discards(copy, missed: Missed, discards: Sequence) -> int:
    """In `copy` (a copy of the container), take the class and id off the elements that
    `discards` (trafilatura's XPaths for furniture by class and id) select and that hold a
    missed paragraph: 'expandable' FAQ answers and 'listicle-slides' are article text. How
    many were lifted."""
    wanted = {squash(text) for text in missed.texts}
    # the XPaths name <div>s, as trafilatura has made its <details> by then
    details = list(copy.iter("details"))
    for element in details:
        element.tag = "div"
    lifted = 0
    for xpath in discards:
        for element in xpath(copy):
            if any(squash(para.text_content()) in wanted for para in element.iter("p")):
                for attribute in LIFTED:
                    element.attrib.pop(attribute, None)
                lifted += 1
    for element in details:
        element.tag = "details"
    return lifted


def common_ancestor(elements):
    """The nearest element that holds all of `elements` (one of them, if it holds the rest)."""
    path = [elements[0], *elements[0].iterancestors()]
    depth = {id(el): index for index, el in enumerate(path)}
    deepest = 0
    for element in elements[1:]:
        for ancestor in (element, *element.iterancestors()):
            if id(ancestor) in depth:
                deepest = max(deepest, depth[id(ancestor)])
                break
        else:
            return None
    return path[deepest]


def holds_missed(text: str, missed: Missed) -> bool:
    """Whether `text` holds NET_MISSED_HELD of the missed prose (by characters)."""
    held = squash(text)
    found = sum(len(para) for para in missed.texts if squash(para) in held)
    return found >= NET_MISSED_HELD * missed.chars
