"""Metadata of an HTML page: title, authors, date, site, description, image, tags.

Cheap sources first (meta tags, read by trafilatura's parser, and JSON-LD, read by `jsonld`),
then the visible page: the headline is weighed from the <h1>s and the declared titles
(`html_title`), the byline gives authors when nothing declares them (a byline element, else
a byline line the page shows as text: `html_byline`), and the date is the one
declared or shown in the article's part of the page (`html_dates`): a page that shows no date
gets none (docs/findings.md#metadata). Each field's source goes into `PageMeta.sources`, for
`explain`."""
from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import lxml.etree
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.metadata import (
    METANAME_AUTHOR,
    METANAME_DESCRIPTION,
    METANAME_IMAGE,
    METANAME_PUBLISHER,
    METANAME_TAG,
    METANAME_TITLE,
    OG_AUTHOR,
    OG_PROPERTIES,
    PROPERTY_AUTHOR,
    TWITTER_ATTRS,
    is_valid_url,
    normalize_tags,
)
from trafilatura.utils import HTML_STRIP_TAGS

from .bylines import PERSON, byline_names, join_text_nodes, names_in_byline
from .html_author_walk import AUTHOR_DISCARDS, author_text
from .html_byline import shown_byline
from .html_dates import front_page, meta_contents, modified_date, publication_date
from .html_parse import top_elements
from .html_title import choose_title, site_matcher
from .jsonld import LinkedData, read_linked_data
from .prose import collapse, squash

BYLINE_XPATH = (
    './/*[@itemprop="author"]//*[@itemprop="name"]',
    './/*[@rel="author"]',
    './/*[contains(@class, "byline__name") or contains(@class, "author-name")'
    ' or contains(@class, "author__name") or contains(@class, "authorName")]',
    './/*[contains(@class, "byline") and not(contains(@class, "byline__"))]',
)
# the third and the fourth XPath's elements from one search (`byline_elements`): a class that
# holds "byline" or one of the third's words, told apart after (each search walks the scope)
BYLINE_CLASSES = ("byline__name", "author-name", "author__name", "authorName")  # the third's
BYLINE_CLASS_SEARCH = lxml.etree.XPath(
    './/*[contains(@class, "byline") or contains(@class, "author-name")'
    ' or contains(@class, "author__name") or contains(@class, "authorName")]')
MIN_ELEMENT_NAME_WORDS = 2  # words: see byline_element_names
HOST_FILLER = {"www", "com", "co", "org", "net", "ac", "gov", "edu", "news", "m", "amp"}
# characters of text: an <article> or <main> this long holds the byline; under it, the
# headline's nearest ancestor this long (searching a part is several times cheaper than the
# whole page; rule of thumb)
ARTICLE_SCOPE_CHARS = 500
HEADLINE_SCOPE_CHARS = 2000  # (the headline's ancestor)
BYLINE_ELEMENTS = 6  # elements an XPath's names are read from, at most (rule of thumb)
AUTHOR_MAX_CHARS = 120  # characters: trafilatura's author text longer than this is no byline
# labels that stand before a declared author's name ("Author Jane Doe", "Posted by Jane Doe",
# "This post was written by Jane Doe", "Recipe by Jane Doe", "Read more about Jane Doe")
DECLARED_LABEL = re.compile(r"^(?:(?:(?:this )?(?:post|article|story|recipe|page) (?:was )?"
                            r"(?:written )?by|read more (?:about|from)|more about|the author|author|"
                            r"posted|written|published|by)\b:?\s*)+", re.IGNORECASE)
# words that end a name where a layout glued a date or a label after it ("Luke Kim December",
# "Jane Doe Last Updated"); not jobs: "Podium Staff", "SFist Contributor" are the names given
MONTH_NAMES = frozenset("january february march april may june july august september october "
                        "november december".split())  # a first name too: "May Smith"
NOT_NAME_WORDS = MONTH_NAMES | frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday mon tue wed thu fri sat sun last updated posted published written reviewed "
    "author former head extra page".split())
NO_NAMES = frozenset({"admin", "administrator", "name", "author", "editor", "staff", "guest", "user"})
MAX_DECLARED_WORDS = 4  # words: a longer declared author that the grammar cannot read is no name
# what follows a name and is none: "Jane Doe from the Science desk", "Jane Doe for Reuters"
PREPOSITION_TAIL = re.compile(r"\s+(?:from|via|for|at|of|with)\s+(?=\S)")
PREPOSITIONS = frozenset("from via for at of with by in on".split())  # no name opens so ("From the")
NAME_EDGES = " »«|~·•–—-:>"  # marks a layout sets around a user name
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.\w")  # an e-mail address is no name
HTML_TAG = re.compile(r"<[^>]{0,200}>")  # markup inside a meta tag's content
AUTHOR_SPLIT = re.compile(r"\s+[|/]\s+")  # between two declared authors: "Jane Doe | Max Roe"

LOG = logging.getLogger("newsclean")
LD_JSON = "application/ld+json"  # a JSON-LD script's type= (jsonld.LD_SCRIPTS)


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
    publisher: str | None = None
    date_modified: str | None = None
    # declared authors that name the site or an organisation: authors only when no byline names one
    declared_outlets: tuple[str, ...] = ()
    # the names of the byline the page shows as text (html_byline), read before the body's
    # cleaning prunes the tree: authors when nothing declared or marked names one
    shown_authors: tuple[str, ...] = ()
    # what gave each field, and why it won: ("title", "og:title", "no <h1> agrees ...")
    sources: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class PageTags:
    """What several readers of a page look up, found in one walk (each walk over a news page
    costs ~0.13 ms): its <meta>s as an XPath's `//meta` finds them (in every top element of the
    document, in its order), those of `tree` itself (`own_metas`, as `tree.iter("meta")`), its
    <h1>s, the text of its first <title> (as `tree.findtext(".//title")`), its JSON-LD
    scripts (as jsonld.LD_SCRIPTS finds them) and the <head>s under `tree` (as `.//head`)."""

    metas: list
    own_metas: list
    h1s: list
    title: str | None
    ld_scripts: list
    heads: list


def page_tags(tree) -> PageTags:
    own: list = []
    h1s: list = []
    scripts: list = []
    heads: list = []
    title = None
    for element in tree.iter("meta", "h1", "title", "script", "head"):
        if element.tag == "meta":
            own.append(element)
        elif element.tag == "h1":
            h1s.append(element)
        elif element.tag == "script":
            scripts.append(element)
        elif element.tag == "head":
            if element is not tree:
                heads.append(element)
        elif title is None and element is not tree:
            title = element.text or ""
    tops = top_elements(tree)
    metas = [meta for top in tops for meta in (own if top is tree else top.iter("meta"))]
    ld_scripts = [script for top in tops for script in (scripts if top is tree else top.iter("script"))
                  if script.get("type") == LD_JSON]
    return PageTags(metas, own, h1s, title, ld_scripts, heads)


def read_meta(tree, url: str | None) -> PageMeta:
    """Metadata of a parsed page (the tree is not modified). A source that fails on the page
    costs its fields, never the article."""
    tags = page_tags(tree)
    meta = declared_meta(tree, tags)
    linked = linked_data(tree, tags.ld_scripts)
    sitename = (meta.sitename or "").lstrip("@").strip() or linked.publisher or None
    is_site = site_matcher([sitename, linked.publisher, *linked.organisations], url)
    headline = choose_title(
        [heading_text(h1) for h1 in tags.h1s],
        [("json-ld headline", linked.headline),
         ("og:title", meta_content(tree, "og:title", metas=tags.metas)),
         ("twitter:title", meta_content(tree, "twitter:title", metas=tags.metas))],
        tags.title, is_site)
    authors, outlets, author_source = declared_authors(tree, meta, linked, is_site)
    language = page_language(tree, tags.metas)
    meta_tags = meta_contents(tree, tags.own_metas)
    date, date_source = publication_date(tree, url, linked, language, meta_tags)
    publisher = linked.publisher or (linked.organisations[0] if linked.organisations else None)
    sources = [("title", headline.source or "none", headline.why),
               ("date", date_source[0] or "none", date_source[1] or "nothing declared or shown "
                "backs a date (a page that shows none gets none)")]
    if authors:
        sources.append(("authors", author_source, "declared by the page"))
    return PageMeta(
        title=headline.title,
        authors=authors,
        date=date,
        sitename=sitename,
        url=url or meta.url or None,
        description=collapse(meta.description) or None,
        image=meta.image or None,
        tags=tuple(dict.fromkeys(t for t in meta.tags + linked.sections if t)),
        language=language,
        publisher=publisher or sitename,
        date_modified=modified_date(tree, linked, meta_tags),
        declared_outlets=outlets,
        shown_authors=() if authors or front_page(url) else shown_byline(
            tree.find("body") if tree.find("body") is not None else tree),
        sources=tuple(sources),
    )


@dataclass(frozen=True)
class DeclaredMeta:
    """What the meta tags in the page's <head> declare of the fields read_meta takes from them:
    the values trafilatura's `examine_meta` gives those fields (its og: tags first, then the
    others in order, by its lists of names), without the title and authors it reads too,
    which read_meta takes elsewhere (normalising the authors was a third of its cost)."""

    sitename: str | None = None
    url: str | None = None
    description: str | None = None
    image: str | None = None
    tags: tuple[str, ...] = ()


def declared_meta(tree, tags: PageTags | None = None) -> DeclaredMeta:
    """What the page's meta tags declare (`tags`: page_tags(tree), if the caller has it). A
    failure on hostile markup costs these fields only."""
    try:
        return head_meta(tree, page_tags(tree) if tags is None else tags)
    except Exception as err:  # markup we did not foresee: costs the meta tags only
        LOG.debug("meta tags unreadable (%s: %s)", type(err).__name__, err)
        return DeclaredMeta()


def head_meta(tree, tags: PageTags) -> DeclaredMeta:
    """examine_meta's site name, URL, description, image and tags, read off the <meta>s one walk
    found (~10x cheaper than its XPath and ElementPath searches): the og: ones in page order (the
    last of each field wins), then every <meta content=> of a <head> (head by head, in order),
    whose first value of each field wins where no og: tag gave it."""
    in_head = [meta for meta in tags.own_metas
               if (parent := meta.getparent()) is not None and parent.tag == "head" and parent is not tree]
    sitename = url = description = image = None
    for meta in in_head:  # trafilatura's extract_opengraph
        prop, content = meta.get("property"), meta.get("content")
        if prop is None or not prop.startswith("og:") or not content or content.isspace():
            continue
        name = OG_PROPERTIES.get(prop)
        if name == "sitename":
            sitename = content
        elif name == "description":
            description = content
        elif name == "image":
            image = content
        elif name is None and prop == "og:url" and is_valid_url(content):
            url = content
    if len(tags.heads) > 1:  # ElementPath's .//head/meta: the first head's, then the next's
        in_head = [meta for head in tags.heads for meta in head if meta.tag == "meta"]
    found: list[str] = []
    backup = None  # the site's name from twitter:site and the like, if nothing else names it
    for meta in in_head:
        name = head_field(meta)
        raw = meta.get("content") if name else None
        if raw is None:
            continue
        content = (HTML_STRIP_TAGS.sub("", raw) if "<" in raw else raw).strip()  # (tags hold a "<")
        if not content:
            continue
        if name == "tags":
            found.append(normalize_tags(content))
        elif name == "sitename":
            sitename = sitename or content
        elif name == "image":
            image = image or content
        elif name == "description":
            description = description or content
        elif name == "backup":
            backup = content
        elif name == "url" and not url and is_valid_url(content):
            url = content
    return DeclaredMeta(sitename or backup, url, description, image, tuple(found))


def head_field(meta) -> str:
    """Which of DeclaredMeta's fields a <meta> in the head gives by its name (property=, else
    name=, else itemprop=), as examine_meta reads the names: "tags", "sitename", "image",
    "description", "url", "backup" (a site name for want of another), or "" (none of them)."""
    if (prop := meta.get("property")) is not None:
        prop = prop.lower()
        if prop.startswith("og:") or prop in PROPERTY_AUTHOR:
            return ""  # the og: tags are read before; authors elsewhere
        return ("tags" if prop == "article:tag" else "sitename" if prop == "article:publisher"
                else "image" if prop in METANAME_IMAGE else "")
    if (name := meta.get("name")) is not None:
        name = name.lower()
        if name in METANAME_AUTHOR or name in METANAME_TITLE:
            return ""
        for field, names in (("description", METANAME_DESCRIPTION), ("sitename", METANAME_PUBLISHER),
                             ("image", METANAME_IMAGE)):
            if name in names:
                return field
        if name in TWITTER_ATTRS or "twitter:app:name" in name:
            return "backup"
        return "url" if name == "twitter:url" else "tags" if name in METANAME_TAG else ""
    return "description" if (meta.get("itemprop") or "").lower() == "description" else ""


def linked_data(tree, scripts: list | None = None) -> LinkedData:
    """The page's JSON-LD (jsonld.read_linked_data; `scripts`: its blocks, if the caller has
    them); a failure costs its fields only."""
    try:
        return read_linked_data(tree, scripts)
    except Exception as err:  # markup we did not foresee: costs the JSON-LD only
        LOG.debug("JSON-LD unreadable (%s: %s)", type(err).__name__, err)
        return LinkedData()


def meta_content(tree, *names: str, metas: list | None = None) -> str | None:
    """The first non-empty content of a meta tag named (name= or property=) one of `names`.
    The meta tags are those an XPath's `//meta` finds, in its order: under every top element
    of the document (a walk: 10x cheaper than the XPath's attribute tests); `metas`: those,
    if the caller has them (PageTags.metas)."""
    if metas is None:
        metas = [meta for top in top_elements(tree) for meta in top.iter("meta")]
    for name in names:
        for meta in metas:
            value = meta.get("content")
            if (value is not None and (meta.get("property") == name or meta.get("name") == name)
                    and collapse(value)):
                return collapse(html.unescape(value))
    return None


def heading_text(element) -> str:
    """A heading's text as shown: a line break inside it is a space ("Top MBA Programs<br>Your
    Guide"), comments are not text."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            parts.append(" " if child.tag == "br" else heading_text(child))
        parts.append(child.tail or "")
    return collapse("".join(parts))


def declared_authors(tree, meta: DeclaredMeta, linked: LinkedData,
                     is_site) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """The people the page declares as its authors: JSON-LD's Person authors of the page's
    article, else the author meta tags (as written: `meta_authors`), each read by the byline
    grammar ("Author Jane Doe", "Jane Doe - Staff Team", "Jane Doe, Senior Editor" give "Jane
    Doe"); and, apart, the declared authors that name the site or an organisation the page
    declares ("Grist" beside "Nathanael Johnson"), which are authors only when nothing else
    names one. JSON-LD Organization authors are the publisher, never authors."""
    organisations = {squash(o) for o in linked.organisations}
    outlets: list[str] = []
    for source, declared in (("json-ld author (Person)", linked.authors),
                             ("meta author", meta_authors(tree))):
        names = [n for text in declared for n in declared_names(text)]
        people = tuple(dict.fromkeys(n for n in names if squash(n) not in organisations
                                     and not (is_site(n) and not PERSON.fullmatch(n))))
        if people:
            return people, (), source
        outlets += names
    return (), tuple(dict.fromkeys(outlets)), ""


def declared_names(text: str) -> tuple[str, ...]:
    """The names in one declared author string: what the byline grammar reads in it, its
    labels gone ("Author", "Posted by"); a single name it cannot read (a lower-case user
    name, "freederia") stays as it is; a label alone ("Author", "Admin") names no one."""
    text = DECLARED_LABEL.sub("", collapse(text)).strip().strip('"“”')
    text = text.split(" (")[0].strip(NAME_EDGES)  # "amondale (Amondale)", "galitsyn »", "~ Rachel M."
    text = PREPOSITION_TAIL.split(text)[0]  # "BeauHD from the skewed-job-market dept."
    if not text or text.lower() in NO_NAMES:
        return ()
    names = byline_names(text) or ((text,) if len(text.split()) <= MAX_DECLARED_WORDS and "," not in text
                                   and text.split()[0].lower() not in PREPOSITIONS else ())
    return tuple(name for name in (without_trailing_words(n) for n in names) if name)


def without_trailing_words(name: str) -> str:
    """A name without what a byline's layout glued after it: "Luke Kim December", "Rachel
    MacDonald Writer", "Cazzy Magennis Last Updated August 1"; "" when nothing of a name is
    left ("Dec", "Updated January", "Written By")."""
    words = name.split()
    if {"says", "said", "wrote", "replied"} & {w.lower().strip(".,:;") for w in words}:
        return ""  # "Jane says": a comment's author
    for index, word in enumerate(words):
        if (word[:1].isdigit() or word.lower().strip(".,:") in NOT_NAME_WORDS and not (
                index == 0 and len(words) > 1 and word.lower() in MONTH_NAMES)):  # "May Smith"
            words = words[:index]
            break
    return " ".join(words)


def meta_authors(tree) -> tuple[str, ...]:
    """The author meta tags' contents as the page wrote them (the tags trafilatura reads:
    og:author first, then author, article:author, dc.creator, itemprop=author... in page
    order), split at ";", "|" and "/". Read raw, not through trafilatura's normaliser, which
    turns "Christopher S. Penn" into "Christopher S Penn" and "Jane Doe, Senior Editor" into
    two authors: the byline grammar reads each (`declared_names`)."""
    head = tree.find("head")
    if head is None:
        return ()
    og: list[str] = []
    others: list[str] = []
    for element in head.iter("meta"):
        content = element.get("content")
        if not content or not content.strip():
            continue
        if "property" in element.attrib:
            prop = (element.get("property") or "").lower()
            (og if prop in OG_AUTHOR else others if prop in PROPERTY_AUTHOR else []).append(content)
        elif "name" in element.attrib:
            if (element.get("name") or "").lower() in METANAME_AUTHOR:
                others.append(content)
        elif (element.get("itemprop") or "").lower() == "author":
            others.append(content)
    found = (HTML_TAG.sub("", html.unescape(value)) for value in og + others)
    return split_names(";".join(AUTHOR_SPLIT.sub(";", value) for value in found))


def split_names(joined: str | None) -> tuple[str, ...]:
    """'A; B' -> ('A', 'B'), dropping URLs, e-mail addresses, handles ("@jdoe"), template
    names left unfilled ("page.head.extra.author") and empties."""
    if not joined:
        return ()
    names = (collapse(n) for n in joined.split(";"))
    return tuple(dict.fromkeys(n for n in names if n and "://" not in n and not n.startswith("@")
                               and not EMAIL.search(n) and not unfilled(n)))


def unfilled(name: str) -> bool:
    """A template's variable printed as the author: "page.head.extra.author", "{{author}}"."""
    return "{{" in name or ("." in name and " " not in name and bool(
        {part.lower() for part in name.split(".")} & {"author", "name", "head", "meta"}))


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


def article_authors(tree, meta: PageMeta, url: str | None) -> tuple[tuple[str, ...], str, str]:
    """The article's authors, (names, source, why): the people the page declares, else its
    visible byline's (a byline element's, else a byline line of its text: `shown_authors`),
    less the outlets a byline names after a person; else the site's own
    name when the page declares it as the author and names no one else (a company blog's
    "Swoogo"). An organisation that JSON-LD types as the author is the publisher, not an
    author (on WCXB other-dev, a docs or shop page's Organization author named no one a reader
    would call its author). A site's front page names no person as its author: the people it
    declares or shows are its newest stories' (WCXB other-dev: 11 of the 62 front pages gave
    some, none of them the gold's); its own name declared as the author stays. Call it last:
    the byline search prunes `tree`."""
    front = front_page(url)
    names = without_outlets(meta.authors, meta.sitename, url)
    if front:  # the site's own name, declared as the author, stays
        names = tuple(filter(site_matcher([meta.sitename, meta.publisher], url), names))
    if names:
        source = next((s for field, s, _ in meta.sources if field == "authors"), "declared")
        return names, source, "declared by the page"
    names = () if front else without_outlets(byline_authors(tree), meta.sitename, url)
    if names:
        return names, "byline", "the byline in the article's part of the page; nothing declared"
    names = () if front else without_outlets(meta.shown_authors, meta.sitename, url)
    if names:
        return names, "byline (text)", "a line of the page's text reads as a byline; nothing marked"
    if meta.declared_outlets:
        return (meta.declared_outlets, "declared author (the site's own name)",
                "the page names no one else: its own name is the byline it gives")
    return (), "none", "nothing declared, no byline"


def byline_authors(tree) -> tuple[str, ...]:
    """Authors from the visible byline, for pages whose meta tags name none.

    Prunes `tree` (trafilatura's author search does so on a deep copy; we skip the copy and
    call this last, when the tree is no longer needed)."""
    scope = byline_scope(tree)
    cheap = byline_element_names(scope)
    if cheap:
        return cheap
    try:
        prune_unwanted_nodes(scope, AUTHOR_DISCARDS)  # AUTHOR_DISCARD_XPATHS' elements
        found = author_text(scope, AUTHOR_MAX_CHARS)  # trafilatura's AUTHOR_XPATHS, in one walk
        names = split_names(AUTHOR_SPLIT.sub(";", collapse(found)) if found else None)
        return tuple(dict.fromkeys(n for name in names for n in declared_names(name)))
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
    ("Lifestyle", "Corti") more often than a person: a name here has two words or more.
    The names are the first byline's: the first element that gives names and those beside it
    (its parent's or grandparent's), not the bylines of teasers and comments further on (a
    year's review listing four writers' stories, 0428; a related list, 0363)."""
    for elements in byline_elements(tree):
        names: list[str] = []
        byline = None
        for element in elements[:BYLINE_ELEMENTS]:
            if byline is not None and not beside(element, byline):
                continue
            line = join_text_nodes(collapse(text) for text in element.itertext())
            found = [name for name in names_in_byline(line)
                     if len(name.split()) >= MIN_ELEMENT_NAME_WORDS]
            if found and byline is None:
                byline = element
            names += found
        if names:
            return tuple(dict.fromkeys(names))
    return ()


def byline_elements(tree) -> Iterator[list]:
    """What each of BYLINE_XPATH finds under `tree`, in its order, one XPath at a time; the last
    two from one search (BYLINE_CLASS_SEARCH): 0.16 -> 0.11 ms a page that reads them all."""
    yield tree.xpath(BYLINE_XPATH[0])
    yield tree.xpath(BYLINE_XPATH[1])
    classed = [(element, element.get("class") or "") for element in BYLINE_CLASS_SEARCH(tree)]
    yield [element for element, names in classed if any(word in names for word in BYLINE_CLASSES)]
    yield [element for element, names in classed if "byline" in names and "byline__" not in names]


def beside(element, first) -> bool:
    """Both stand in one byline: under the same parent or grandparent ("By <a>Jane Doe</a>
    and <a>Max Roe</a>", each link in its own <span>)."""
    up = [first.getparent()]
    up.append(up[0].getparent() if up[0] is not None else None)
    mine = element.getparent()
    return mine is not None and (mine in up or mine.getparent() in up)


def page_language(tree, metas: list | None = None) -> str | None:
    """The page's language: its root's lang=, else its og:locale (`metas`: PageTags.metas, if
    the caller has them; the first og:locale with a content=, as `string(//meta[@property=
    "og:locale"]/@content)` reads it)."""
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not lang:
        if metas is None:
            metas = [meta for top in top_elements(tree) for meta in top.iter("meta")]
        content = next((value for meta in metas if meta.get("property") == "og:locale"
                        and (value := meta.get("content")) is not None), "")
        lang = content or None
    return lang.replace("_", "-").split("-")[0].lower() if lang else None
