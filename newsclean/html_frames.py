"""trafilatura's BODY_XPATH (the frames its extractor looks for the article in, tried in order:
an `articleBody`-like container, the first <article>, a story-like container, a content-like
container, a `main` one) found by walks instead of XPaths that call Python's `re` back once per
<article>/<div>/<main>/<section> and pattern (`re:test`): 0.90 ms a Scrapinghub page over
both passes (best of 3, load ~14; ~0.65 of it the first expression, asked on every pass).

trafilatura's `_extract` reads only the first element each expression selects (in document
order), so a walk returns that one (in a list, or an empty list) and stops there: the first
element in document order that passes the expression's test is also the first passing child of
its parent, which is what `.//*[test][1]` keeps. The tests' regexes are read off the XPaths'
own text, and the import fails if the rest of that text moves (tests/test_html_frames.py holds
the walks to the XPaths on pages of every shape). Written for trafilatura 2.3.1 (pinned in
pyproject.toml); `frames_by_walk()` puts the walks in place of BODY_XPATH in trafilatura's
extractor for the length of a `with` block, so bare trafilatura elsewhere in the process is
untouched.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager

import trafilatura.main_extractor as main_extractor
from trafilatura.xpaths import BODY_XPATH

from .html_discards import standing_in

# an XPath's `re:test(@ATTRIBUTE, 'PATTERN'[, 'FLAGS'])`, as it stands in BODY_XPATH's text
RE_TEST = re.compile(r"re:test\(@(\w+), '([^']*)'(?:, '(i)')?\)")
# BODY_XPATH's text with each re:test call as RE (whitespace collapsed): what the walks read
SHAPES = (
    ".//*[self::article or self::div or self::main or self::section][ @class='post' or"
    " @class='entry' or @itemprop='articleBody' or @id='articleContent' or RE or RE ][1]",
    "(.//article)[1]",
    "(.//*[self::article or self::div or self::main or self::section][ @role='article' or"
    " @id='article' or @id='story' or @class='postarea' or @class='art-postcontent' or"
    " @class='text' or @class='cell' or @class='story' or RE or RE or RE ])[1]",
    "(.//*[self::article or self::div or self::main or self::section][ @id='content' or"
    " @class='content' or RE or RE or contains(translate(@id, 'CM','cm'), 'main-content') or"
    " contains(translate(@class, 'CM','cm'), 'main-content') or"
    " contains(translate(@class, 'CP','cp'), 'page-content') ])[1]",
    "(.//*[self::article or self::div or self::section][ starts-with(@class, 'main') or"
    " starts-with(@id, 'main') or starts-with(@role, 'main')])[1]|(.//main)[1]",
)


def read_tests() -> list[list[re.Pattern[str]]]:
    """Each expression's re:test regexes, compiled as lxml compiles them; ImportError if
    BODY_XPATH is not the one the walks stand for."""
    found = []
    for xpath, shape in zip(BODY_XPATH, SHAPES, strict=True):
        text = " ".join(xpath.path.split())
        calls = RE_TEST.findall(text)
        if " ".join(RE_TEST.sub("RE", text).split()) != shape:
            raise ImportError("trafilatura's BODY_XPATH is not the one html_frames reads")
        found.append([(attribute, re.compile(pattern, re.IGNORECASE if flags else 0))
                      for attribute, pattern, flags in calls])
    # the attributes of the re:test calls, in the order they stand in each expression
    attributes = [tuple(attribute for attribute, _pattern in calls) for calls in found]
    if attributes != [("id", "class"), (), ("id", "class", "class"), ("id", "class"), ()]:
        raise ImportError("trafilatura's BODY_XPATH is not the one html_frames reads")
    patterns = [[pattern for _attribute, pattern in calls] for calls in found]
    # an element without the attribute reads as "" to re:test: the walks skip such elements,
    # which is the same only while no pattern matches ""
    if any(pattern.search("") for calls in patterns for pattern in calls):
        raise ImportError("a BODY_XPATH regex matches an empty attribute: html_frames must test it")
    return patterns


(ARTICLE_ID, ARTICLE_CLASS), _NONE, (STORY_ID, FULLTEXT, STORY_CLASS), (CONTENT_ID, CONTENT_CLASS), _LAST = (
    read_tests())
FRAME_TAGS = ("article", "div", "main", "section")


def first_article_body(tree) -> list:
    """BODY_XPATH[0]: an element whose class, id or itemprop names the article's body."""
    for element in tree.iterdescendants(FRAME_TAGS):
        get = element.get
        classes, ident = get("class"), get("id")
        if (classes == "post" or classes == "entry" or get("itemprop") == "articleBody"
                or ident == "articleContent"
                or ident is not None and ARTICLE_ID.search(ident) is not None
                or classes is not None and ARTICLE_CLASS.search(classes) is not None):
            return [element]
    return []


STORY_CLASSES = frozenset(("postarea", "art-postcontent", "text", "cell", "story"))


def first_story(tree) -> list:
    """BODY_XPATH[2]: a story's container, by role, id or class."""
    for element in tree.iterdescendants(FRAME_TAGS):
        get = element.get
        classes, ident = get("class"), get("id")
        if (get("role") == "article" or ident == "article" or ident == "story"
                or classes in STORY_CLASSES
                or ident is not None and STORY_ID.search(ident) is not None
                or classes is not None and (FULLTEXT.search(classes) is not None
                                            or STORY_CLASS.search(classes) is not None)):
            return [element]
    return []


def first_content(tree) -> list:
    """BODY_XPATH[3]: the page's main content container, by id or class."""
    for element in tree.iterdescendants(FRAME_TAGS):
        get = element.get
        classes, ident = get("class"), get("id")
        if ident is not None and (ident == "content" or CONTENT_ID.search(ident) is not None
                                  or "main-content" in ident.replace("C", "c").replace("M", "m")):
            return [element]
        if classes is not None and (
                classes == "content" or CONTENT_CLASS.search(classes) is not None
                or "main-content" in classes.replace("C", "c").replace("M", "m")
                or "page-content" in classes.replace("C", "c").replace("P", "p")):
            return [element]
    return []


def first_main(tree) -> list:
    """BODY_XPATH[4]: the first <main>, or the first element whose class, id or role starts with
    "main", whichever comes first."""
    for element in tree.iterdescendants(FRAME_TAGS):
        if element.tag == "main":
            return [element]
        get = element.get
        if ((get("class") or "").startswith("main") or (get("id") or "").startswith("main")
                or (get("role") or "").startswith("main")):
            return [element]
    return []


# stands for BODY_XPATH: `_extract` calls each item on the tree and reads its first element
# (the plain `(.//article)[1]` stays the XPath it is: no callbacks)
WALKS: list[Callable] = [first_article_body, BODY_XPATH[1], first_story, first_content, first_main]


def frames_by_walk() -> AbstractContextManager[None]:
    """trafilatura's extractor finds its frames with the walks above meanwhile."""
    return standing_in(main_extractor, BODY_XPATH=WALKS)
