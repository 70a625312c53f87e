"""HTML text to an lxml tree, bounded: a page is parsed to its first MAX_TAGS tags and read
to its first MAX_TEXT_CHARS characters of text, and a page nested deeper than libxml2 reads is
parsed again without its container tags. These bounds keep the HTML path within 20 s and 2 GB
whatever the page (BENCHMARKS.md, "Hostile inputs")."""
from __future__ import annotations

import logging
import re

import lxml.etree
import lxml.html

from .errors import InputError

LOG = logging.getLogger("newsclean")
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# an XHTML page's `<html ... />`: libxml2 closes the element there and reads the page as empty
# (trafilatura's loader repairs it too, in its first lines); looked for at the page's start only
SELF_CLOSED_HTML = re.compile(r"(<html\b[^<>]*?)\s*/>", re.IGNORECASE)
PAGE_START_CHARS = 4096  # characters of a page where its <html> tag is looked for
# tags: a page with more is read to its first MAX_TAGS (tags inside scripts and styles do not
# count), cut before it is parsed. trafilatura costs 20-150 us an element and runs twice on
# some pages: a 50 MB page of 1.3 million elements took 57 s in recall mode alone and 125 s in
# the default mode (1.7 GB); cut to 25,000 tags, 0.9 s and 3.7 s (BENCHMARKS.md, "Hostile
# inputs"). News pages have 1,000-20,000 elements (the samples: 240 at most), their article
# near the top; 25,000 scripts also bound htmldate, which removes them one by one (quadratic)
MAX_TAGS = 25_000
# elements: the parsed page is cut to this many (what the tag count missed: markup first_tags
# took for a script's text). A tenth over MAX_TAGS, for the elements the parser adds (<html>,
# <tbody>...), so that no page cut by tags is cut again; counting costs 0.1 s a million
# elements, cutting a 1.3-million-element tree 3 s
MAX_ELEMENTS = MAX_TAGS + MAX_TAGS // 10
# the elements the parser makes of a page, at most, for each "<" in its text, and beside them:
# an element opens with a start tag (one "<") or is implied (<html>, <head>, <body>, a <p> for
# text standing in <html> or <head>, which one more tag must close before another); generated
# pages (tests/test_html_parse_bound.py) never pass one an angle bracket and 3. A page under
# MAX_ELEMENTS by this bound is not counted (count(//*) walks the page: 0.15 ms a Scrapinghub
# page, whose pages have 1,506 angle brackets at the median and 3,229 at most)
ELEMENTS_PER_BRACKET = 2
IMPLIED_ELEMENTS = 3
# characters of text (scripts' and styles' not counted): the parsed page is cut after this
# many, as the text path reads a scrape (text.segment.MAX_TEXT_CHARS): trafilatura took 8 s
# in recall mode alone on a 48 MB paragraph; no article is that long (War and Peace: 3.2 M)
MAX_TEXT_CHARS = 5_000_000
START_TAG = re.compile(r"<(?:(script|style|textarea)\b|[a-z])", re.IGNORECASE)
RAW_TEXT_END = {name: re.compile(rf"</{name}\b", re.IGNORECASE) for name in ("script", "style", "textarea")}
MAX_DEPTH = 2048  # libxml2's nesting limit with huge_tree: deeper elements are dropped
# what a page nested past MAX_DEPTH is read again without: every tag but the few that hold text
# or cannot nest (unclosed <div>s and <font>s of a long forum thread, a hostile page's 100,000)
CONTAINER_TAG = re.compile(
    r"</?(?!(?:p|br|h[1-6]|li|a|img|title|meta|link|script|style|pre|html|head|body)\b)"
    r"[a-z][a-z0-9-]*\b[^<>]*>", re.IGNORECASE)


# every element an HtmlElement, chosen in C: lxml.html's own parser asks a Python method for the
# class of each element the first time Python touches it (a form's elements get form classes,
# whose methods nothing here uses), and trafilatura walks the page's copies a dozen times;
# comments and processing instructions are removed by the parser
ELEMENT_CLASSES = lxml.etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity)


def parse_html(text: str) -> lxml.html.HtmlElement:
    """Parse a page or a bare fragment into a full document tree, to its first MAX_TAGS tags.
    A page nested deeper than the parser reads is read again without its container tags.
    Raises InputError."""
    text = XML_DECLARATION.sub("", text, count=1)  # lxml refuses str with an encoding declaration
    text = reopen_html(text)
    brackets = text.count("<")  # every tag opens with one
    tree, too_deep = parse_tree(first_tags(text, MAX_TAGS, brackets))
    if too_deep:  # libxml2 drops everything below its depth limit, silently
        tree, too_deep = parse_tree(first_tags(CONTAINER_TAG.sub(" ", text), MAX_TAGS))
        if too_deep:
            raise InputError(f"the page nests its elements over {MAX_DEPTH:,} deep, deeper than the "
                             "HTML parser reads; is this a web page?")
    if ELEMENTS_PER_BRACKET * brackets + IMPLIED_ELEMENTS > MAX_ELEMENTS:  # else it cannot hold more
        keep_first_elements(tree, MAX_ELEMENTS)
    if len(text) > MAX_TEXT_CHARS:  # a tree holds no more text than its markup had characters
        keep_first_text(tree, MAX_TEXT_CHARS)
    return tree


def reopen_html(text: str) -> str:
    """The page with a self-closed `<html .../>` at its start written as an open tag."""
    head = text[:PAGE_START_CHARS]
    if "/>" not in head:
        return text
    return SELF_CLOSED_HTML.sub(r"\1>", head, count=1) + text[PAGE_START_CHARS:]


def parse_tree(text: str) -> tuple[lxml.html.HtmlElement, bool]:
    """lxml's tree of a page, and whether the parser stopped at its depth limit."""
    parser = lxml.etree.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False,
                                   huge_tree=True, default_doctype=False)
    parser.set_element_class_lookup(ELEMENT_CLASSES)
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, ValueError) as err:
        raise InputError(f"cannot parse the HTML ({err}); is this a web page?") from None
    if tree is None or tree.tag != "html":
        raise InputError("cannot parse the HTML; is this a web page?")
    too_deep = any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log)
    return tree, too_deep


def first_tags(text: str, limit: int, brackets: int | None = None) -> str:
    """`text` up to its start tag number `limit` + 1 (tags inside scripts, styles and text
    areas do not count: their text is no markup). A cut page still parses: the parser closes
    what is left open. `brackets`: text.count("<"), if the caller has it."""
    if (text.count("<") if brackets is None else brackets) <= limit:  # every tag opens with one
        return text
    position = start = 0
    for _ in range(limit + 1):
        tag = START_TAG.search(text, position)
        if tag is None:
            return text
        start, position = tag.start(), tag.end()
        if tag.group(1):  # a script's text: skip to its end tag (an unclosed one runs to the end)
            closing = RAW_TEXT_END[tag.group(1).lower()].search(text, position)
            if closing is None:
                return text
            position = closing.end()
    LOG.debug("page of over %d tags, read to its first %d", limit, limit)
    return text[:start]


COUNT_ELEMENTS = lxml.etree.XPath("count(//*)")
NTH_ELEMENT = lxml.etree.XPath("(//*)[$n]")


def keep_first_elements(tree, limit: int) -> None:
    """Cut a tree of more than `limit` elements after its first `limit`, in document order:
    what first_tags missed (markup it took for a script's text, in a comment or an attribute)."""
    if COUNT_ELEMENTS(tree) <= limit:
        return
    first_cut = NTH_ELEMENT(tree, n=limit + 1)[0]
    cut_after(first_cut)
    first_cut.getparent().remove(first_cut)


def keep_first_text(tree, limit: int) -> None:
    """Cut a tree after its first `limit` characters of text (scripts' and styles' not counted),
    within the text node that passes it."""
    total = 0
    for event, element in lxml.etree.iterwalk(tree, events=("start", "end")):
        if not isinstance(element.tag, str):
            continue
        if event == "start" and element.tag not in ("script", "style") and element.text:
            total += len(element.text)
            if total > limit:
                element.text = element.text[:len(element.text) - (total - limit)]
                del element[:]
                cut_after(element)
                return
        elif event == "end" and element.tail:
            total += len(element.tail)
            if total > limit:
                element.tail = element.tail[:len(element.tail) - (total - limit)]
                cut_after(element, keep_tail=True)
                return


def cut_after(element, keep_tail: bool = False) -> None:
    """Remove what follows `element` in document order (not its children): its later
    siblings and tail, and those of every ancestor."""
    if not keep_tail:
        element.tail = None
    node, parent = element, element.getparent()
    while parent is not None:
        del parent[parent.index(node) + 1:]
        parent.tail = None
        node, parent = parent, parent.getparent()


def top_elements(tree) -> list:
    """The elements at the top of `tree`'s document, in page order: its root, and the roots
    that broken markup leaves beside it (a second <html>), which an XPath's // searches
    too (and a walk that must find what such an XPath finds)."""
    root = tree.getroottree().getroot()
    before = [el for el in root.itersiblings(preceding=True) if isinstance(el.tag, str)]
    return before[::-1] + [root] + [el for el in root.itersiblings() if isinstance(el.tag, str)]
