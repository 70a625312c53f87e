"""The publication date of an HTML page, and its modification date, from what the page declares
or shows; never a date the page does not back.

htmldate reads a date from the markup (<time>, date classes, meta tags, the URL), first without
and then with its extensive search; the date is kept when the page backs it: its JSON-LD
`datePublished` or a publication meta tag declares the same day, or it is among the first dates
that the page's own text shows (not a comment's, a teaser's, a sidebar's or the footer's).
htmldate alone gave a date to 53 of the 123 WCXB dev pages that show none (a comment's or a
teaser's <time>, a date in the URL of a page that says nothing of it); trafilatura, with the
extensive search, to 122."""
from __future__ import annotations

import logging
import re

from htmldate import find_date as htmldate_find

from .dates import HAS_YEAR, find_dates
from .jsonld import LinkedData, iso_day
from .prose import collapse

LOG = logging.getLogger("newsclean")

PUBLISHED_META = ("article:published_time", "og:published_time", "article:published",
                  "datePublished", "date_published", "publish-date", "publish_date", "pubdate",
                  "publishdate", "sailthru.date", "parsely-pub-date", "dc.date.issued",
                  "dcterms.issued", "dc.date", "DC.date", "dcterms.created",
                  "citation_publication_date", "citation_date", "date")
MODIFIED_META = ("article:modified_time", "og:updated_time", "dateModified", "last-modified",
                 "dcterms.modified", "DC.date.modified")
# elements that are not the article's own, by a word of their class or id ("comment-list",
# "related_posts", "site-footer"; not "elementor-widget" or a grid's "[grid-area:sidebar]"):
# what they show dates nothing of the article
ELSEWHERE = re.compile(r"(?:^|[-_])(?:comments?|related|recommend(?:ed|ations?)?|teasers?|sidebar|"
                       r"footer|copyright|popular|trending|newsletter|repl(?:y|ies))(?:$|[-_])",
                       re.IGNORECASE)
ELSEWHERE_TAGS = frozenset({"footer", "aside", "nav", "script", "style", "template", "noscript"})
# dates: the publication date is among the first few the page shows (its byline's, above a
# related list or an archive's); later ones are history, events, comments (WCXB dev: 3 gives
# the most right dates for the fewest given to pages that show none; 1, 5 and all do worse)
SHOWN_DATES = 3


def publication_date(tree, url: str | None, linked: LinkedData,
                     language: str | None = None) -> tuple[str | None, tuple[str, str]]:
    """The publication date (YYYY-MM-DD) and (its source, why), or (None, ("", "")): the date
    htmldate reads from the markup, without its extensive search and, when that finds none,
    with it, if the page backs it: its JSON-LD or a publication meta tag declares the same day, or it is
    among the first dates the page's own text shows."""
    metas = meta_contents(tree)
    declared = {linked.published} | {meta_day(metas, name) for name in PUBLISHED_META}
    shown: list[str] | None = None
    for extensive in (False, True):
        try:
            found = htmldate_find(tree, url=url, original_date=True, extensive_search=extensive,
                                  outputformat="%Y-%m-%d")
        except Exception as err:  # htmldate on hostile markup: costs the date only
            LOG.debug("date unreadable (%s: %s)", type(err).__name__, err)
            found = None
        if not found:
            continue
        if found == linked.published:
            return found, ("json-ld datePublished", "declared by the page's article, and read by htmldate")
        if found in declared:
            return found, ("meta tag", "declared in the page's meta tags, and read by htmldate")
        if shown is None:
            body = tree.find("body")
            shown = first_shown_dates(body if body is not None else tree, language)
        if found in shown:
            return found, ("page text", "among the first dates the page's own text shows")
        break  # the extensive search (slow) only for a page the plain one found no date on:
        # after an unbacked date it finds no better one (WCXB dev: the same figures)
    return None, ("", "")


def modified_date(tree, linked: LinkedData) -> str | None:
    """The date the page says it was last modified, when it declares one."""
    if linked.modified:
        return linked.modified
    metas = meta_contents(tree)
    return next((d for name in MODIFIED_META if (d := meta_day(metas, name))), None)


def meta_contents(tree) -> dict[str, list[str]]:
    """The page's meta tags, content by name (name=, property= or itemprop=), in one pass."""
    found: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if content:
            for key in ("name", "property", "itemprop"):
                if meta.get(key):
                    found.setdefault(meta.get(key), []).append(content)
    return found


def meta_day(metas: dict[str, list[str]], name: str) -> str | None:
    for value in metas.get(name, ()):
        day = iso_day(value) or next(iter(find_dates(value)), None)
        if day:
            return day
    return None


def first_shown_dates(scope, language: str | None = None) -> list[str]:
    """The first SHOWN_DATES days that the page's own text shows, in page order: in its
    text and in the datetime of its <time> elements; not in comments, teasers, sidebars,
    menus or the footer."""
    days: list[str] = []
    for element in own_elements(scope):
        found = [iso_day(element.get("datetime"))] if element.tag == "time" else []
        for text in (element.text, element.tail if element is not scope else None):
            if text and HAS_YEAR.search(text):
                found += find_dates(collapse(text), language)
        days += [day for day in found if day and day not in days]
        if len(days) >= SHOWN_DATES:
            break
    return days[:SHOWN_DATES]


def own_elements(scope):
    """The elements of `scope` in document order, without those that are not the article's
    own (comments, teasers, sidebars, the footer) nor anything inside them."""
    stack = [scope]
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str):
            continue
        if element is not scope and (element.tag in ELSEWHERE_TAGS or any(
                ELSEWHERE.search(word) for word in
                f"{element.get('class') or ''} {element.get('id') or ''}".split())):
            continue
        yield element
        stack.extend(reversed(element))
