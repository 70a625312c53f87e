"""Two of trafilatura's XPaths that call Python's `re` back once per element and pattern
(`re:test`), found without the callbacks:
- OVERALL_DISCARD_XPATH, the furniture (by class, id, role, style) its extractor prunes from
  the body's container: ~1.4 ms a Scrapinghub page over both passes;
- BASIC_CLEAN_XPATH, what `basic_cleaning` removes before html2txt, justext and the baseline
  (asides, footers, scripts, cookie banners): its two callbacks run on every element of the
  whole page, ~10 ms a call on a long page, on the pages that run the default pass.
Each walk lists, by one plain XPath (no callbacks), the elements that carry any attribute or
tag the XPath reads, and tests those in Python with the same regexes, read off the XPaths'
own text. `discards_by_walk()` puts the walks in place of the XPaths in trafilatura's modules
for the length of a `with` block: same elements, same order (tests/test_html_discards.py
holds the walks to the XPaths, element by element). Written for trafilatura 2.3.1 (pinned in
pyproject.toml): the import fails if the XPaths' text moves.
"""
from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import lxml.etree
import trafilatura.main_extractor as main_extractor
from trafilatura.settings import BASIC_CLEAN_XPATH
from trafilatura.xpaths import OVERALL_DISCARD_XPATH

# the module (`import trafilatura.baseline` names the function the package exports as well)
baseline: Any = sys.modules["trafilatura.baseline"]

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


def first_given(element, one: str, one_value: str | None, other: str, other_value: str | None) -> str:
    """first_of(element, one, other) for an element whose values of the two attributes are
    given: the attributes' order is read only when the element carries both."""
    if other_value is None:
        return one_value or ""
    if one_value is None:
        return other_value
    return first_of(element, one, other)


def furniture(element) -> bool:
    """OVERALL_DISCARD_XPATH's first test, on an element of FURNITURE_TAGS."""
    get = element.get
    ident, classes = get("id"), get("class")
    return (get("data-lp-replacement-content") is not None
            or "nav" in (get("role") or "").replace("N", "n")
            or "MostPopularStories" in (get("data-component") or "")
            or (ident is not None or classes is not None)
            and CONSENT.search(first_given(element, "id", ident, "class", classes)) is not None
            or ident is not None and FURNITURE_ID.search(ident) is not None
            or classes is not None and FURNITURE_CLASS.search(classes) is not None)


def hidden(element) -> bool:
    """OVERALL_DISCARD_XPATH's second test (comment titles, reply boxes, hidden elements)."""
    get = element.get
    ident, classes, style = get("id"), get("class"), get("style")
    return (classes == "comments-title"
            or (ident is not None or classes is not None)
            and first_given(element, "id", ident, "class", classes).startswith("reply-")
            or (ident is not None or style is not None)
            and HIDDEN.search(first_given(element, "id", ident, "style", style)) is not None
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

# BASIC_CLEAN_XPATH: a union of tags, <div>s whose first of class and id holds "footer", and
# any element whose class or id matches the cookie banners' regex (case-insensitive)
BASIC_TEXT = (".//aside|.//div[contains(@class|@id, 'footer')]|.//fencedframe|.//footer|.//script"
              "|.//style|.//svg|.//template")
BASIC_TEST = re.compile(r"\|\.//\*\[re:test\(@class, '([^']*)', 'i'\) or re:test\(@id, '([^']*)', 'i'\)\]$")
BASIC_MATCH = BASIC_TEST.fullmatch(BASIC_CLEAN_XPATH.path[len(BASIC_TEXT):])
if not BASIC_CLEAN_XPATH.path.startswith(BASIC_TEXT) or BASIC_MATCH is None or (
        BASIC_MATCH.group(1) != BASIC_MATCH.group(2)):
    raise ImportError("trafilatura's BASIC_CLEAN_XPATH is not the one html_discards reads")
BANNER = re.compile(BASIC_MATCH.group(1), re.IGNORECASE)
BASIC_TAGS = frozenset(("aside", "fencedframe", "footer", "script", "style", "svg", "template"))
# (a <div> whose class or id holds "footer" has a class or an id)
BASIC_CANDIDATES = lxml.etree.XPath(
    ".//aside|.//fencedframe|.//footer|.//script|.//style|.//svg|.//template"
    "|.//*[@class or @id]")


def basic_clean_targets(tree) -> list:
    """What BASIC_CLEAN_XPATH selects under `tree`, in document order."""
    found = []
    for element in BASIC_CANDIDATES(tree):
        tag = element.tag
        if tag in BASIC_TAGS:
            found.append(element)
            continue
        get = element.get
        classes, ident = get("class"), get("id")
        if (tag == "div" and "footer" in first_given(element, "class", classes, "id", ident)
                or classes is not None and BANNER.search(classes) is not None
                or ident is not None and BANNER.search(ident) is not None):
            found.append(element)
    return found


@contextmanager
def standing_in(module: Any, **stand_ins: Any) -> Iterator[None]:
    """`module`'s attributes named by the keywords are the values given for the length of a
    `with` block, and what they were after it (how newsclean's walks stand in for trafilatura's
    XPaths and functions during its passes only: bare trafilatura elsewhere in the process is
    untouched)."""
    own = {name: getattr(module, name) for name in stand_ins}
    for name, value in stand_ins.items():
        setattr(module, name, value)
    try:
        yield
    finally:
        for name, value in own.items():
            setattr(module, name, value)


@contextmanager
def discards_by_walk() -> Iterator[None]:
    """trafilatura's extractor and its `basic_cleaning` find with the walks above instead of
    their XPaths meanwhile."""
    with standing_in(main_extractor, OVERALL_DISCARD_XPATH=WALK), standing_in(
            baseline, BASIC_CLEAN_XPATH=basic_clean_targets):
        yield
