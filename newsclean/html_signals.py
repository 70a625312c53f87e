"""The HTML path's confidence features (html_signals), read off the page once its body is
chosen: the share of the page's words kept, the page's link share, what the page says it is
(og:type, JSON-LD @type: an article, or a listing, a product, a forum thread), whether a site
rule chose the body, the metadata found, and the shape of the page's address."""
from __future__ import annotations

import math
import re
from urllib.parse import urlsplit

import lxml.etree

from .html_meta import PageMeta
from .html_parse import top_elements
from .rules import SiteRules

# JSON-LD types that declare the page an article (schema.org Article and its kinds)
ARTICLE_TYPES = frozenset(
    t.lower() for t in ("Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
                        "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle",
                        "BlogPosting", "LiveBlogPosting", "TechArticle", "ScholarlyArticle",
                        "Report"))
# ... and those of pages that are something else: listings, shops, forums, services
OTHER_TYPES = frozenset(
    t.lower() for t in ("CollectionPage", "ItemList", "Product", "Offer", "AggregateOffer",
                        "QAPage", "Question", "DiscussionForumPosting", "FAQPage",
                        "SearchResultsPage", "ProfilePage", "Event", "JobPosting", "LocalBusiness",
                        "Store", "Service", "Course", "SoftwareApplication", "RealEstateListing",
                        "Recipe", "HowTo", "Organization"))
LD_TYPE = re.compile(r'"@type"\s*:\s*(\[[^\]]*\]|"[^"]*")')
TYPE_NAME = re.compile(r'"(?:https?://schema\.org/)?([A-Za-z]+)"')
URL_DATE = re.compile(r"/(?:19|20)\d\d[/-]\d\d?(?:[/-]|$)|\d{8}")
SLUG_WORD = re.compile(r"[^\W\d_]{2,}")


def html_signals(tree, kept: int, words_on_page: int, site: SiteRules | None,
                 meta: PageMeta) -> dict[str, float]:
    """The HTML path's confidence features, but the kept text's shape (confidence.text_shape).
    `tree` is the page as the body was chosen from it (scripts gone, JSON-LD kept); `kept` the
    article's words (prose.WORD's, counted once by the caller: from_html counts them for its
    own tests)."""
    links, scripts, og_type = page_parts(tree)
    linked = sum(len(link_text(a).split()) for a in links)
    declared = page_types(tree, scripts)
    return {
        "page_share": min(1.0, kept / words_on_page) if words_on_page else 0.0,
        "link_share": min(1.0, linked / words_on_page) if words_on_page else 0.0,
        "ld_article": float(bool(declared & ARTICLE_TYPES)),
        "ld_other": float(bool(declared & OTHER_TYPES)),
        "og_article": float(og_type == "article"),
        "og_other": float(bool(og_type) and og_type != "article"),
        "site_rule": float(site is not None and bool(site.get("body"))),
        "has_title": float(bool(meta.title)),
        "has_author": float(bool(meta.authors)),
        "has_date": float(bool(meta.date)),
        **url_shape(meta.url),
    }


def link_text(link) -> str:
    """A link's text, as `text_content()` reads it (every text node under it, without its tail),
    serialised by libxml2 instead of an XPath's string(): ~1.6x faster on a page's links."""
    return lxml.etree.tostring(link, method="text", encoding="unicode", with_tail=False)


def page_parts(tree) -> tuple[list, list, str]:
    """In one walk (each walk over a news page costs ~0.13 ms): the links of `tree` (as
    `tree.iter("a")`), the scripts of the whole document (in every top element, as an XPath's
    `//script`) and its og:type (the first such <meta>'s content, stripped, lower case)."""
    links: list = []
    scripts: list = []
    og_type = None  # (until a <meta property="og:type"> with a content=)
    tops = top_elements(tree)
    for top in tops:
        for element in top.iter("a", "script", "meta"):
            if element.tag == "a":
                if top is tree:
                    links.append(element)
            elif element.tag == "script":
                scripts.append(element)
            elif og_type is None and element.get("property") == "og:type":
                og_type = element.get("content")
    if not any(top is tree for top in tops):  # a subtree: its own links
        links = list(tree.iter("a"))
    return links, scripts, (og_type or "").strip().lower()


def page_types(tree, scripts: list | None = None) -> frozenset[str]:
    """The schema.org types the page's JSON-LD names, lower-cased (broken JSON too: read by
    pattern, not parsed); `scripts`: the document's, if the caller has them (page_parts)."""
    found: set[str] = set()
    if scripts is None:
        scripts = [script for top in top_elements(tree) for script in top.iter("script")]
    for script in scripts:
        if script.get("type") != "application/ld+json":
            continue
        for value in LD_TYPE.findall(script.text or ""):
            found.update(name.lower() for name in TYPE_NAME.findall(value))
    return frozenset(found)


def url_shape(url: str | None) -> dict[str, float]:
    """What a page's address says of it: an article's ends in a slug of several words, often
    under a date; a front page or a section's is short."""
    if not url:
        return {"has_url": 0.0}
    path = urlsplit(url).path
    parts = [part for part in path.split("/") if part]
    last = parts[-1].rsplit(".", 1)[0] if parts else ""
    return {
        "has_url": 1.0,
        "url_slug": math.log1p(len(SLUG_WORD.findall(last))),
        "url_depth": math.log1p(len(parts)),
        "url_date": float(URL_DATE.search(path) is not None),
    }
