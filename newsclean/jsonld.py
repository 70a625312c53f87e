"""What a page declares about its article in JSON-LD (schema.org): the headline, the authors
that are people, the organisations named as authors or publisher, and the publication and
modification dates. Read by our own walk, which tells a Person from an Organization, follows
`@id` references inside a `@graph` and never lets an article of a related-articles list speak
for the page (trafilatura's reader merges every Person it meets, which is how a sidebar's
authors became the article's)."""
from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .prose import collapse

LOG = logging.getLogger("newsclean")

# schema.org types whose node is the page's article (lower case)
ARTICLE_TYPES = frozenset(
    "article newsarticle blogposting reportagenewsarticle analysisnewsarticle opinionnewsarticle "
    "backgroundnewsarticle reviewnewsarticle scholarlyarticle techarticle liveblogposting "
    "socialmediaposting report satiricalarticle advertisercontentarticle medicalwebpage "
    "medicalscholarlyarticle howto recipe".split())  # not Review: a shop's reviews are no article
# types that are no person when they stand as an author
ORGANISATION_TYPES = frozenset(
    "organization newsmediaorganization corporation localbusiness educationalorganization "
    "governmentorganization ngo website webpage brand".split())
PAGE_TYPES = frozenset({"webpage", "itempage", "collectionpage"})  # a page node: a fallback
MAX_SCRIPT_CHARS = 1_000_000  # characters: a bigger JSON-LD block is a data dump, not metadata
MAX_NODES = 2_000  # nodes walked on a page, at most (a catalogue's JSON-LD can list thousands)
MAX_NAME_CHARS = 80  # characters: a longer "name" is a sentence, not a person (rule of thumb)
# what stands between two people in one author string: "Jane Doe; Max Roe", "A, B and C"
NAME_SEPARATOR = re.compile(r"\s*(?:;|,|&|\band\b|\bund\b|\bet\b|\by\b)\s*")
ISO_DAY = re.compile(r"((?:19|20)\d\d)-([01]\d)-([0-3]\d)")


@dataclass(frozen=True)
class LinkedData:
    """The page's article as its JSON-LD declares it. `organisations` are the authors that
    are organisations, and the publisher, in that order."""

    headline: str | None = None
    authors: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    author_organisations: tuple[str, ...] = ()  # the authors that are organisations
    sections: tuple[str, ...] = ()  # articleSection: the page's tags
    published: str | None = None  # YYYY-MM-DD
    modified: str | None = None  # YYYY-MM-DD
    publisher: str | None = None


LD_SCRIPTS = '//script[@type="application/ld+json"]'  # the page's JSON-LD blocks


def read_linked_data(tree, scripts: list | None = None) -> LinkedData:
    """The first article node of the page's JSON-LD blocks (the one the page is about: a
    related article nested in it or listed after it does not count); a WebPage node's
    dates when there is no article node. Unreadable blocks are skipped. `scripts`: what
    LD_SCRIPTS finds, if the caller has it (html_meta.PageTags)."""
    nodes: list[dict] = []
    for script in tree.xpath(LD_SCRIPTS) if scripts is None else scripts:
        raw = script.text or ""
        if len(raw) > MAX_SCRIPT_CHARS:
            continue
        data = parse_json(raw)
        if data is not None:
            nodes += list(top_nodes(data))
    by_id: dict[str, dict] = {}
    for node in walk(nodes):  # a node, not a reference to it ({"@id": ...} alone)
        if isinstance(node.get("@id"), str) and len(node) > 1:
            by_id.setdefault(node["@id"], node)
    article = next((n for n in nodes if types_of(n) & ARTICLE_TYPES), None)
    if article is None:  # an article nested in a WebPage's mainEntity
        article = next((n for n in walk(nodes) if types_of(n) & ARTICLE_TYPES), None)
    page = next((n for n in nodes if types_of(n) & PAGE_TYPES), None)
    if article is None:
        if page is None:
            return LinkedData()
        article = page
    # a page node (no article node) gives dates only: a wiki's or a shop's "author" is no byline
    people, author_organisations = (authors_of(article.get("author"), by_id) if article is not page
                                    else ((), ()))
    organisations = author_organisations
    publisher = resolve(article.get("publisher"), by_id)
    publisher_name = text_of(publisher.get("name")) if isinstance(publisher, dict) else text_of(publisher)
    if publisher_name and not (isinstance(publisher, dict) and "person" in types_of(publisher)):
        organisations += (publisher_name,)  # a blog's publisher may be its author, a Person
    dated = article if article.get("datePublished") else (page or {})
    return LinkedData(
        headline=text_of(article.get("headline")) or (
            text_of(article.get("name")) if types_of(article) & ARTICLE_TYPES else None),
        authors=people, organisations=tuple(dict.fromkeys(organisations)),
        author_organisations=author_organisations,
        sections=tuple(dict.fromkeys(t for v in as_list(article.get("articleSection"))
                                     if (t := text_of(v)))),
        published=iso_day(dated.get("datePublished")) or iso_day(dated.get("dateCreated")),
        modified=iso_day(article.get("dateModified") or dated.get("dateModified")),
        publisher=publisher_name)


def parse_json(raw: str):
    """A JSON-LD block's data, or None: CDATA wrappers and HTML comments around it, and raw
    control characters inside strings (common in CMS output), are tolerated."""
    text = raw.strip()
    for opener, closer in (("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>")):
        if text.startswith(opener) and text.endswith(closer):
            text = text[len(opener):-len(closer)].strip()
    try:
        return json.loads(text, strict=False)
    except ValueError as err:
        LOG.debug("JSON-LD block unreadable (%s)", err)
        return None


def top_nodes(data) -> Iterator[dict]:
    """The nodes a block holds at its top: itself, a list's items, a `@graph`'s members."""
    for item in data if isinstance(data, list) else [data]:
        if isinstance(item, list):
            yield from top_nodes(item)
        elif isinstance(item, dict):
            graph = item.get("@graph")
            if graph is not None:
                yield from top_nodes(graph)
            if "@type" in item or graph is None:
                yield item


def walk(nodes: list[dict]) -> Iterator[dict]:
    """Every dict inside `nodes`, breadth first, up to MAX_NODES."""
    queue: list = list(nodes)
    seen = 0
    while queue and seen < MAX_NODES:
        item = queue.pop(0)
        if isinstance(item, dict):
            seen += 1
            yield item
            queue += [v for v in item.values() if isinstance(v, dict | list)]
        elif isinstance(item, list):
            queue += [v for v in item if isinstance(v, dict | list)]


def types_of(node: dict) -> set[str]:
    kinds = node.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return {k.lower().rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def resolve(value, by_id: dict):
    """A reference ({"@id": ...} alone) as the node it names."""
    if isinstance(value, dict) and "@id" in value and len(value) <= 2 and value["@id"] in by_id:
        return by_id[value["@id"]]
    return value


def authors_of(value, by_id: dict) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(people, organisations) named by an `author` value: a string, a node or a list."""
    people: list[str] = []
    organisations: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        item = resolve(item, by_id)
        if isinstance(item, str):
            people += split_people(item)
        elif isinstance(item, dict):
            name = text_of(item.get("name"))
            if not name and isinstance(item.get("givenName"), str):
                name = collapse(f"{item['givenName']} {item.get('familyName') or ''}")
            if not name:
                continue
            if types_of(item) & ORGANISATION_TYPES:
                organisations.append(name)
            else:
                people += split_people(name)
    return tuple(dict.fromkeys(people)), tuple(dict.fromkeys(organisations))


def split_people(text: str) -> list[str]:
    """"Jane Doe; Max Roe", "Jane Doe and Max Roe" -> the names; a URL, an e-mail address or
    a sentence names no one."""
    names = [collapse(part) for part in NAME_SEPARATOR.split(text)]
    return [n for n in names if n and len(n) <= MAX_NAME_CHARS and "://" not in n and "@" not in n
            and not n.startswith(("www.", "/"))]


def as_list(value) -> list:
    return value if isinstance(value, list) else [] if value is None else [value]


def text_of(value) -> str | None:
    """A string value (the first of a list), entities decoded and whitespace collapsed."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    if not isinstance(value, str):
        return None
    return collapse(html.unescape(value)) or None


def iso_day(value) -> str | None:
    """"2024-05-03T10:12:00+02:00" -> "2024-05-03"; None for anything else."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    match = ISO_DAY.match(value.strip()) if isinstance(value, str) else None
    if not match:
        return None
    year, month, day = map(int, match.groups())
    return match.group(0) if 1 <= month <= 12 and 1 <= day <= 31 else None
