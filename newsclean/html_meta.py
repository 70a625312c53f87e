"""Metadata of an HTML page: title, authors, date, site, description, image, tags.

Cheap sources first (meta tags and JSON-LD, read by trafilatura's own parsers), then the
visible page: the <h1> for the title and the byline for authors. No date is guessed from
page text: a page that shows no date gets none (docs/findings.md#metadata)."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from htmldate import find_date
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.metadata import examine_meta, extract_meta_json, extract_metainfo, normalize_authors
from trafilatura.settings import Document
from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

from .bylines import join_text_nodes, names_in_byline
from .prose import collapse
from .titles import without_site_name

BYLINE_XPATH = (
    './/*[@itemprop="author"]//*[@itemprop="name"]',
    './/*[@rel="author"]',
    './/*[contains(@class, "byline__name") or contains(@class, "author-name")'
    ' or contains(@class, "author__name") or contains(@class, "authorName")]',
    './/*[contains(@class, "byline") and not(contains(@class, "byline__"))]',
)
MIN_ELEMENT_NAME_WORDS = 2  # words: see byline_element_names
HOST_FILLER = {"www", "com", "co", "org", "net", "ac", "gov", "edu", "news", "m", "amp"}
# characters of a visible <h1>: shorter is a logo's letter or an icon, longer a paragraph set
# in an <h1> (rule of thumb)
H1_CHARS = (3, 300)
# share of an <h1>'s words that the declared or <title> title uses, for it to be the headline
# among several <h1>s (rule of thumb)
H1_SHARED = 0.5
# characters of text: an <article> or <main> this long holds the byline; under it, the
# headline's nearest ancestor this long (searching a part is several times cheaper than the
# whole page; rule of thumb)
ARTICLE_SCOPE_CHARS = 500
HEADLINE_SCOPE_CHARS = 2000  # (the headline's ancestor)
BYLINE_ELEMENTS = 6  # elements an XPath's names are read from, at most (rule of thumb)
AUTHOR_MAX_CHARS = 120  # characters: trafilatura's author text longer than this is no byline

LOG = logging.getLogger("newsclean")


@dataclass(frozen=True)
class PageMeta:
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    sitename: str | None = None
    url: str | None = None
    description: str | None = None
    image: str | None = None
    tags: tuple[str, ...] = ()
    language: str | None = None


def read_meta(tree, url: str | None) -> PageMeta:
    """Metadata of a parsed page (the tree is not modified). A source that fails on the page
    costs its fields, never the article."""
    meta = declared_meta(tree)
    return PageMeta(
        title=choose_title(tree, meta.title),
        authors=split_names(meta.author),
        date=published_date(tree, url),
        sitename=(meta.sitename or "").lstrip("@").strip() or None,
        url=url or meta.url or None,
        description=collapse(meta.description) or None,
        image=meta.image or None,
        tags=tuple(dict.fromkeys(t for t in (meta.tags or []) + (meta.categories or []) if t)),
        language=page_language(tree),
    )


def declared_meta(tree) -> Document:
    """What the page declares: meta tags, then JSON-LD, read by trafilatura's parsers. Their
    failures are theirs, not the page's: JSON-LD whose `@graph` holds a list trips
    trafilatura's reader (an AttributeError, WCXB other-dev 0823), and the meta tags still
    count; if those fail too, the page declares nothing."""
    try:
        meta = examine_meta(tree)
    except Exception as err:  # a third-party parser on hostile markup
        LOG.debug("meta tags unreadable (%s: %s)", type(err).__name__, err)
        return Document()
    try:
        return extract_meta_json(tree, meta)
    except Exception as err:  # as above
        LOG.debug("JSON-LD unreadable (%s: %s)", type(err).__name__, err)
        return meta


def choose_title(tree, declared: str | None) -> str | None:
    """The visible <h1> (matches what readers see far more often than og:title); else the
    declared headline; else <title> without its site suffix."""
    headline = visible_headline(tree, declared)
    if headline:
        return headline
    if declared and collapse(declared):
        return collapse(declared)
    return without_site_name(collapse(tree.findtext(".//title"))) or None


def visible_headline(tree, declared: str | None) -> str | None:
    texts = [t for t in (collapse(h1.text_content()) for h1 in tree.iter("h1"))
             if H1_CHARS[0] <= len(t) <= H1_CHARS[1]]
    if len(texts) == 1:
        return texts[0]
    if not texts:
        return None
    # several <h1>s (logo, headline, widgets): the one the declared or <title> title talks about
    reference = words_of(declared or tree.findtext(".//title") or "")
    scored = [(len(reference & words_of(t)) / max(1, len(words_of(t))), t) for t in texts]
    score, text = max(scored, key=lambda pair: pair[0])
    return text if score >= H1_SHARED else None


def words_of(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def split_names(joined: str | None) -> tuple[str, ...]:
    """'A; B' (trafilatura's joining) -> ('A', 'B'), dropping URLs and empties."""
    if not joined:
        return ()
    names = (collapse(n) for n in joined.split(";"))
    return tuple(dict.fromkeys(n for n in names if n and "://" not in n and "@" not in n))


def without_outlets(names: tuple[str, ...], sitename: str | None, url: str | None) -> tuple[str, ...]:
    """The names less those after the first that name the publication, not a person: "By Jane
    Doe, CNN" gives ("Jane Doe", "CNN"). A trailing name goes when its first words are the
    site's name or a label of its host ("CNN Business" on edition.cnn.com, "Atlas Van Lines" on
    atlasvanlines.com). Not every all-capitals token: "Jillian Kubala, MS, RD" are credentials
    (WCXB gold keeps them). The first name always stays: on a personal site the author's name
    is the site's name."""
    if len(names) < 2:
        return names
    site_words = tuple(re.findall(r"\w+", (sitename or "").lower()))
    host = (urlsplit(url).hostname or "") if url and "//" in url else ""
    labels = {label for label in host.lower().split(".")[:-1] if label not in HOST_FILLER}

    def is_outlet(name: str) -> bool:
        words = tuple(re.findall(r"\w+", name.lower()))
        return bool(words) and (
            (bool(site_words) and words[:len(site_words)] == site_words)
            or words[0] in labels or "".join(words) in labels)

    return (names[0],) + tuple(n for n in names[1:] if not is_outlet(n))


def byline_authors(tree) -> tuple[str, ...]:
    """Authors from the visible byline, for pages whose meta tags name none.

    Prunes `tree` (trafilatura's author search does so on a deep copy; we skip the copy and
    call this last, when the tree is no longer needed)."""
    scope = byline_scope(tree)
    cheap = byline_element_names(scope)
    if cheap:
        return cheap
    try:
        prune_unwanted_nodes(scope, AUTHOR_DISCARD_XPATHS)
        found = extract_metainfo(scope, AUTHOR_XPATHS, len_limit=AUTHOR_MAX_CHARS)
        return split_names(normalize_authors(None, found) if found else None)
    except Exception as err:  # trafilatura's author search: costs the authors only
        LOG.debug("byline unreadable (%s: %s)", type(err).__name__, err)
        return ()


def byline_scope(tree):
    """Where a byline can be: the article element, else the headline's neighbourhood, else the
    page (searching a part is several times cheaper than the whole page)."""
    for element in tree.iter("article", "main"):
        if len(element.text_content()) > ARTICLE_SCOPE_CHARS:
            return element
    h1 = next(tree.iter("h1"), None)
    if h1 is not None:
        for ancestor in h1.iterancestors():
            if ancestor.tag in ("body", "html") or len(ancestor.text_content()) > HEADLINE_SCOPE_CHARS:
                return ancestor
    return tree


def byline_element_names(tree) -> tuple[str, ...]:
    """Names in byline-like elements (schema.org, rel=author, byline classes), read by the
    byline grammar both paths share. An element's single word is a section or a user name
    ("Lifestyle", "Corti") more often than a person: a name here has two words or more."""
    for xpath in BYLINE_XPATH:
        names: list[str] = []
        for element in tree.xpath(xpath)[:BYLINE_ELEMENTS]:
            line = join_text_nodes(collapse(text) for text in element.itertext())
            names += [name for name in names_in_byline(line)
                      if len(name.split()) >= MIN_ELEMENT_NAME_WORDS]
        if names:
            return tuple(dict.fromkeys(names))
    return ()


def published_date(tree, url: str | None) -> str | None:
    """The publication date from markup (JSON-LD, meta, <time>, URL); never a guess from text."""
    try:
        found = find_date(tree, url=url, original_date=True, extensive_search=False,
                          outputformat="%Y-%m-%d")
    except Exception as err:  # htmldate on hostile markup: costs the date only
        LOG.debug("date unreadable (%s: %s)", type(err).__name__, err)
        return None
    return found or None


def page_language(tree) -> str | None:
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not lang:
        content = tree.xpath('string(//meta[@property="og:locale"]/@content)')
        lang = content or None
    return lang.replace("_", "-").split("-")[0].lower() if lang else None
