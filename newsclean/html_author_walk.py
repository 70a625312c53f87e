"""trafilatura's author search (`metadata.extract_metainfo` over `xpaths.AUTHOR_XPATHS`, 2.3.1
pinned) as one walk over the page, for `html_meta.byline_authors`: the same text from the same
element (speed only, issue 14).

Its three XPaths each visit every element of the page and call Python's `re` back for each
element's class and id (`re:test`): ~1.2 ms a Scrapinghub page where they all run. Here one
walk over the elements reads each element's attribute values in one call and tests them for the
words any of the three XPaths needs (NEEDLE); only the few elements that hold one are tested as
the XPaths test them (`first`, `second`, `last`), and their matches are read in the XPaths'
order, the first in page order first, as `extract_metainfo` reads them.
tests/test_html_author_walk.py holds the walk to trafilatura's own search (generated pages,
and the pinned XPath texts)."""
from __future__ import annotations

import re

import lxml.etree
from trafilatura.utils import trim
from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS

from .html_parse import top_elements

# every word one of the three XPaths looks for in an attribute value (class, id, rel, itemprop,
# data-testid, data-component), case as they spell it: an element holding none matches none
NEEDLE = re.compile(r"uthor|byl|BBL|username|channel-name|zuozhe|bianji|xiaobian|submitted-by|"
                    r"posted-by|journalist-name|screenname|writer|yline")
# the first XPath ("specific and almost specific")
FIRST_TAGS = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
FIRST_CLASS = re.compile(r"author-?name|AuthorName|authorName")
FIRST_TEST_IDS = ("AuthorCard", "AuthorURL")
REL_ME = lxml.etree.XPath("rel='me'")  # a child <rel> element whose text is "me", as written
# the second ("almost generic and generic")
SECOND_TAGS = frozenset({"a", "div", "h3", "h4", "p", "span"})
SECOND_CLASSES = frozenset({"byline", "username", "byl", "BBL"})
SECOND_ID = re.compile(r"author|zuozhe|bianji|xiaobian")
SECOND_CLASS = re.compile(r"author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|"
                          r"journalist-name")
# the last resort (any element)
LAST_ID = re.compile(r"[Aa]uthor")
LAST_CLASS = re.compile(r"[Aa]uthor|screenname|writer|[Bb]yline")


def author_text(tree, len_limit: int) -> str | None:
    """What `extract_metainfo(tree, AUTHOR_XPATHS, len_limit)` returns: the trimmed text of
    the first element, in the XPaths' order and then in page order, whose text is longer than
    2 characters and shorter than `len_limit`. The XPaths search the whole document `tree`
    belongs to (they start with //), so the walk does too, all its top elements."""
    matches: tuple[list, list, list] = ([], [], [])
    tops = top_elements(tree)
    rel_parents = {rel.getparent() for top in tops for rel in top.iter("rel")}
    for element in (element for top in tops for element in top.iter(lxml.etree.Element)):
        values = element.values()
        if not ((values and NEEDLE.search(" ".join(values))) or element.tag == "author"
                or (rel_parents and element in rel_parents)):
            continue
        for found, test in zip(matches, (first, second, last)):
            if test(element):
                found.append(element)
    for found in matches:
        for element in found:
            content = trim(" ".join(element.itertext()))
            if content and 2 < len(content) < len_limit:
                return content
    return None


def first(element) -> bool:
    tag = element.tag
    if tag == "author":
        return True
    if tag not in FIRST_TAGS:
        return False
    get = element.get
    return (get("rel") == "author" or get("id") == "author" or get("class") == "author"
            or get("itemprop") == "author name" or get("data-testid") in FIRST_TEST_IDS
            or bool(FIRST_CLASS.search(get("class") or "")) or bool(
                element.find("rel") is not None and REL_ME(element)))


def second(element) -> bool:
    if element.tag not in SECOND_TAGS:
        return False
    get = element.get
    return (get("class") in SECOND_CLASSES or "author" in (get("itemprop") or "")
            or bool(SECOND_ID.search(get("id") or "")) or bool(SECOND_CLASS.search(get("class") or "")))


def last(element) -> bool:
    get = element.get
    return ("Byline" in (get("data-component") or "") or "author" in (get("itemprop") or "")
            or bool(LAST_ID.search(get("id") or "")) or bool(LAST_CLASS.search(get("class") or "")))


# trafilatura's AUTHOR_DISCARD_XPATHS, which its author search prunes first: the first calls
# Python's `re` back for each <a>, <div>, <section> and <span> (~0.15 ms a page that runs the
# search); `author_discards` finds the same elements in the same order with a plain XPath for
# the candidates and the XPath's own regexes (read off its text: the import fails if it moves)
AUTHOR_RE_TEST = re.compile(r"re:test\(@(id|class), '([^']*)'\)")
AUTHOR_TESTS = AUTHOR_RE_TEST.findall(AUTHOR_DISCARD_XPATHS[0].path)
AUTHOR_DISCARD_TEXT = (
    ".//*[self::a or self::div or self::section or self::span][ @id='comments' or @class='comments' "
    "or @class='title' or @class='date' or re:test(@id, '{}') or re:test(@class, '{}') or "
    "contains(@data-component, 'Figure')]")
if (len(AUTHOR_DISCARD_XPATHS) != 2 or [name for name, _ in AUTHOR_TESTS] != ["id", "class"]
        or " ".join(AUTHOR_DISCARD_XPATHS[0].path.split()) != AUTHOR_DISCARD_TEXT.format(
            *(pattern for _, pattern in AUTHOR_TESTS))
        or AUTHOR_DISCARD_XPATHS[1].path != "//time|//figure"):
    raise ImportError("trafilatura's AUTHOR_DISCARD_XPATHS are not the ones html_author_walk reads")
DISCARD_ID, DISCARD_CLASS = (re.compile(pattern) for _, pattern in AUTHOR_TESTS)
DISCARD_VALUES = {"id": frozenset({"comments"}), "class": frozenset({"comments", "title", "date"})}
DISCARD_CANDIDATES = lxml.etree.XPath(
    ".//*[self::a or self::div or self::section or self::span][@id or @class or @data-component]")


def author_discards(tree) -> list:
    """What AUTHOR_DISCARD_XPATHS' first XPath selects under `tree`, in document order."""
    found = []
    for element in DISCARD_CANDIDATES(tree):
        get = element.get
        ident, classes = get("id"), get("class")
        if (ident is not None and (ident in DISCARD_VALUES["id"] or DISCARD_ID.search(ident) is not None)
                or classes is not None and (classes in DISCARD_VALUES["class"]
                                            or DISCARD_CLASS.search(classes) is not None)
                or "Figure" in (get("data-component") or "")):
            found.append(element)
    return found


# stands for AUTHOR_DISCARD_XPATHS in trafilatura's prune_unwanted_nodes, which calls each item
AUTHOR_DISCARDS = [author_discards, AUTHOR_DISCARD_XPATHS[1]]
