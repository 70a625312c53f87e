"""The parsed page made ready for trafilatura: what no reader sees is dropped (scripts, styles,
icons), but a <noscript> that holds the page's text is kept, as a browser without scripts (and
trafilatura's own fallbacks) would show it. Also how much prose the page holds, the measure an
extraction is judged against."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import lxml.etree

from .html_parse import top_elements
from .prose import MAX_LINK_SHARE, collapse, ends_like_sentence

# a <noscript> holding this many paragraphs of prose is the page's text, not a notice: an
# unclosed one swallows the rest of the page, and script-rendered blogs put the post in one
# ("Please enable JavaScript to view the comments" is one short sentence)
MIN_NOSCRIPT_PROSE = 2
PROSE_PARAGRAPH_WORDS = 15  # a sentence or two: no headline, caption or link label is as long
# words: a <noscript> this long is text too, even with no <p> (a post laid out with <br>)
MIN_NOSCRIPT_WORDS = 150
SAMPLE_CHARS = 200  # characters of a noscript's longest paragraph, looked for elsewhere on the page

# what trafilatura deletes from every page before it looks for the article (its
# MANUALLY_CLEANED tags), deleted here first, once, so that its copies of the tree and its
# XPath passes over it cost less. Not <footer>, <header> or <aside>: the byline is read from
# the tree after extraction, and sits in them.
# Not <nav>: an unclosed one swallows the article (WCXB dev 4267 and 4503: trafilatura's recall
# mode undoes a cleaning that leaves no <p>, and even a menu's removal moved its choice). Not
# <button> either: FAQ pages ask their questions in them (WCXB dev 4708, 0044, 4007); nor
# <select>: without a schedule's pickers trafilatura took its menus (WCXB other dev 2919)
NOT_ARTICLE = ("input", "textarea", "label", "iframe", "embed", "object", "canvas", "video",
               "audio", "map", "dialog", "menu")
# what drop_inert removes: these tags (a script but JSON-LD), found in one walk in page order
# (speed: an XPath union of five // searches walks the page five times and sorts)
INERT_TAGS = ("script", "style", "svg", "link", "template")
LD_JSON = "application/ld+json"
NOSCRIPT = lxml.etree.XPath("//noscript")


def drop_inert(tree) -> None:
    """Remove scripts, styles and icons once the metadata is read: trafilatura drops them too,
    but only after copying the tree several times, and on news pages they are half the bytes.
    A <noscript> goes too, unless it holds the page's text and that text is nowhere else on the
    page: then only its tag goes, and its content stays where it is."""
    inert, noscripts = inert_and_noscripts(tree)
    for element in inert:
        remove_element(element)
    removed = set(inert)
    page_text = None
    for element in noscripts:
        if element.getparent() is None or any(a in removed for a in element.iterancestors()):
            continue  # gone with a script, a template... (NOSCRIPT's search after them misses it)
        sample = noscript_sample(element)
        if sample:
            page_text = collapse(tree.text_content()) if page_text is None else page_text
            if page_text.count(sample) < 2:  # the text is here only: keep it
                element.drop_tag()
                continue
        remove_element(element)


def inert_elements(tree) -> list:
    """Scripts (not JSON-LD), styles, icons, links and templates, in page order (all of the
    document, as an XPath's // finds them)."""
    return inert_and_noscripts(tree)[0]


def inert_and_noscripts(tree) -> tuple[list, list]:
    """inert_elements, and the document's <noscript>s (as NOSCRIPT finds them), in one walk
    (each walk over a news page costs ~0.15 ms)."""
    inert: list = []
    noscripts: list = []
    for top in top_elements(tree):
        for element in top.iter(*INERT_TAGS, "noscript"):
            if element.tag == "noscript":
                noscripts.append(element)
            elif element.tag != "script" or element.get("type") != LD_JSON:
                inert.append(element)
    return inert, noscripts


def noscript_sample(element) -> str | None:
    """A piece of the noscript's text to look for elsewhere on the page (its longest paragraph's
    start), or None when the noscript holds no text worth keeping."""
    prose = prose_paragraphs(element)
    if len(prose) >= MIN_NOSCRIPT_PROSE:
        return max(prose, key=len)[:SAMPLE_CHARS]
    text = collapse(element.text_content())
    if len(text.split()) >= MIN_NOSCRIPT_WORDS:
        return text[:SAMPLE_CHARS]
    return None


def drop_not_article(tree, page: PageSize | None = None) -> Paragraphs | None:
    """Remove the elements trafilatura would delete before its search (NOT_ARTICLE), and the
    <head>'s metadata once it has been read (a news page's <meta> tags are a fourteenth of its
    elements): only its JSON-LD scripts stay, where trafilatura's fallback looks for a body,
    and its <base href>, against which --links reads the page's relative addresses.
    `page`: measure_page's reading of `tree` as it stands (nothing changed it since): its
    NOT_ARTICLE elements are not searched again, and what it read of the <p>s is returned
    with the ones this changes marked (for html_net.missed_prose); None without it."""
    # (the <p>s around what goes, found while it is in place)
    changed = {para for element in page.not_article for para in element.iterancestors("p")} if page else set()
    if page is None or page.not_article:  # else there is none to strip
        lxml.etree.strip_elements(tree, *NOT_ARTICLE, with_tail=False)
    head = tree.find("head")
    removed = [el for el in head if el.tag not in ("script", "base")] if head is not None else []
    for element in removed:
        head.remove(element)
    if page is None:
        return None
    gone = any(next(element.iter("p"), None) is not None for element in (*page.not_article, *removed))
    return Paragraphs(dict(page.paragraphs), changed, gone)


@dataclass(frozen=True)
class Paragraphs:
    """The page's <p>s as measure_page read them, each with its text (whitespace collapsed),
    in page order; those whose text may have changed since (`changed`: they held an element
    drop_not_article removed) and whether some may have left the page (`gone`)."""

    texts: dict
    changed: set
    gone: bool

    def read(self, tree) -> Iterator[tuple[Any, str]]:
        """Each <p> of `tree` (as `tree.iter("p")` gives them) and its text as it reads now."""
        if not self.gone:
            for para, text in self.texts.items():
                yield para, collapse(para.text_content()) if para in self.changed else text
            return
        for para in tree.iter("p"):
            text = self.texts.get(para)
            yield para, collapse(para.text_content()) if text is None or para in self.changed else text


@dataclass(frozen=True)
class PageSize:
    """How much a page holds, to judge an extraction by: the words a reader sees (scripts and
    styles dropped) and the characters of its paragraphs of prose (page_prose). Read off the
    page in the same walk, for drop_not_article and html_net.missed_prose (speed: each walk
    over a news page costs ~0.15 ms): its <p>s with their texts, in page order, and its
    NOT_ARTICLE elements."""

    words: int
    prose: int
    paragraphs: tuple = field(default=(), compare=False, repr=False)
    not_article: tuple = field(default=(), compare=False, repr=False)


def measure_page(tree) -> PageSize:
    paragraphs = []
    not_article = []
    for element in tree.iter("p", *NOT_ARTICLE):
        if element.tag == "p":
            paragraphs.append((element, collapse(element.text_content())))
        elif element is not tree:  # (strip_elements keeps the element it is given)
            not_article.append(element)
    prose = sum(len(text) for para, text in paragraphs if is_prose(para, text))
    return PageSize(len(tree.text_content().split()), prose, tuple(paragraphs), tuple(not_article))


def page_prose(tree) -> int:
    """Characters of prose on the page: what its paragraphs of prose hold (prose_paragraphs).
    Menus, teaser rails and link lists do not count, so an article is most of it."""
    return sum(len(text) for text in prose_paragraphs(tree))


def prose_paragraphs(element) -> list[str]:
    """The texts of the paragraphs in and under `element` that read like article prose:
    long, ending like a sentence, not mostly link text."""
    found = []
    for para in ([element] if element.tag == "p" else element.iter("p")):
        text = collapse(para.text_content())
        if is_prose(para, text):
            found.append(text)
    return found


def is_prose(para, text: str) -> bool:
    """Whether a <p> whose text (collapsed) is `text` reads like article prose (prose_paragraphs)."""
    if len(text.split()) < PROSE_PARAGRAPH_WORDS or not ends_like_sentence(text):
        return False
    return sum(len(a.text_content()) for a in para.iter("a")) < MAX_LINK_SHARE * len(text)


def remove_element(element, *, blank_tail: bool = False) -> None:
    """Remove an element, keeping the text that follows it (its tail; a tail of spaces alone
    only with `blank_tail`, where inline markup around it must stay apart)."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail and (blank_tail or element.tail.strip()):
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)
