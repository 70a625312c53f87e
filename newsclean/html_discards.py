"""trafilatura's OVERALL_DISCARD_XPATH (furniture by class, id, role and style, pruned from the
body's container inside its extractor) found without its `re:test` callbacks: each of its
regex tests calls back into Python once per element and pattern (~1.3 ms a Scrapinghub page
over both passes). Here one plain XPath (no callbacks) lists the elements that carry any of
the attributes the two XPaths read, and Python tests those with the same regexes, read off the
XPaths' own text. `discards_by_walk()` puts the walk in place of the XPaths in trafilatura's
extractor for the length of a `with` block; same elements, same order
(tests/test_html_discards.py holds the walk to the XPaths, element by element).
Written for trafilatura 2.3.1 (pinned in pyproject.toml): `PATTERNS` fails at import if the
XPaths' text moves.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import lxml.etree
import trafilatura.main_extractor as main_extractor
from trafilatura.xpaths import OVERALL_DISCARD_XPATH

# the regexes of the XPaths' `re:test(ATTRIBUTES, 'PATTERN')` calls, in the order they stand
RE_TEST = re.compile(r"re:test\(([@\w|-]+), '([^']*)'\)")
PATTERNS = [(attributes, re.compile(pattern)) for xpath in OVERALL_DISCARD_XPATH
            for attributes, pattern in RE_TEST.findall(xpath.path)]
if [attributes for attributes, _pattern in PATTERNS] != [
        "@id|@class", "@id", "@class", "@id|@style", "@id", "@class"]:
    raise ImportError("trafilatura's OVERALL_DISCARD_XPATH is not the one html_discards reads")
(CONSENT, FURNITURE_ID, FURNITURE_CLASS, HIDDEN, COMMENTS_ID, COMMENTS_CLASS) = (
    pattern for _attributes, pattern in PATTERNS)
# the first XPath's tags (the second takes any element)
FURNITURE_TAGS = frozenset(("div", "item", "list", "p", "section", "span"))
# every attribute either XPath reads: an element with none of them matches neither
CANDIDATES = lxml.etree.XPath(
    ".//*[@id or @class or @style or @role or @aria-hidden or @data-component"
    " or @data-lp-replacement-content]")


def first_of(element, one: str, other: str) -> str:
    """What XPath's `string(@one|@other)` reads: the value of whichever of the two attributes
    comes first on the element ("" if neither)."""
    for name, value in element.items():
        if name == one or name == other:
            return value
    return ""


def furniture(element) -> bool:
    """OVERALL_DISCARD_XPATH's first test, on an element of FURNITURE_TAGS."""
    get = element.get
    ident, classes = get("id"), get("class")
    return (get("data-lp-replacement-content") is not None
            or "nav" in (get("role") or "").replace("N", "n")
            or "MostPopularStories" in (get("data-component") or "")
            or (ident is not None or classes is not None)
            and CONSENT.search(first_of(element, "id", "class")) is not None
            or ident is not None and FURNITURE_ID.search(ident) is not None
            or classes is not None and FURNITURE_CLASS.search(classes) is not None)


def hidden(element) -> bool:
    """OVERALL_DISCARD_XPATH's second test (comment titles, reply boxes, hidden elements)."""
    get = element.get
    ident, classes, style = get("id"), get("class"), get("style")
    return (classes == "comments-title"
            or (ident is not None or classes is not None)
            and first_of(element, "id", "class").startswith("reply-")
            or (ident is not None or style is not None)
            and HIDDEN.search(first_of(element, "id", "style")) is not None
            or style is not None and ("display:none" in style or "display: none" in style)
            or ident is not None and COMMENTS_ID.search(ident) is not None
            or classes is not None and COMMENTS_CLASS.search(classes) is not None
            or get("aria-hidden") == "true")


def discards(tree) -> list:
    """What OVERALL_DISCARD_XPATH's two XPaths select under `tree`, one after the other (as
    trafilatura's prune_unwanted_nodes reads them), each in document order."""
    candidates = CANDIDATES(tree)
    return ([element for element in candidates if element.tag in FURNITURE_TAGS and furniture(element)]
            + [element for element in candidates if hidden(element)])


WALK = [discards]  # stands for the XPath list: prune_unwanted_nodes calls each of its items


@contextmanager
def discards_by_walk() -> Iterator[None]:
    """trafilatura's extractor prunes with `discards` instead of its XPaths meanwhile."""
    main_extractor.OVERALL_DISCARD_XPATH = WALK
    try:
        yield
    finally:
        main_extractor.OVERALL_DISCARD_XPATH = OVERALL_DISCARD_XPATH
