"""The HTML path: lxml parse, trafilatura extraction, news-specific cleaning. The only
module that imports trafilatura."""
from __future__ import annotations

import re
from copy import deepcopy

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.xml import xmltotxt

from .article import Article
from .errors import InputError, NothingExtracted
from .patterns import furniture_kind
from .sniff import Document

XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
BLOCK_TAGS = ("p", "head", "quote", "item")
# a leading block this short that repeats the headline is the headline itself (FINDINGS 6)
TITLE_ECHO_SLACK = 1.3


def parse_html(text: str) -> lxml.html.HtmlElement:
    """Parse a page or a bare fragment into a full document tree. Raises InputError."""
    text = XML_DECLARATION.sub("", text, count=1)  # lxml refuses str with an encoding declaration
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False,
                                  huge_tree=True, default_doctype=False)
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, ValueError) as err:
        raise InputError(f"cannot parse the HTML ({err}); is this a web page?") from None
    if tree is None or tree.tag != "html":
        raise InputError("cannot parse the HTML; is this a web page?")
    return tree


def replay_streamed_segments(tree: lxml.html.HtmlElement) -> None:
    """Put React/Next.js streamed segments (<div hidden id="S:n">) where the page's script
    would: into their <template id="B:n"> placeholders (FINDINGS 5)."""
    segments = tree.xpath('//div[@hidden][starts-with(@id, "S:")]')
    if not segments:
        return
    templates = {t.get("id"): t for t in tree.xpath('//template[starts-with(@id, "B:")]')}
    for segment in segments:
        placeholder = templates.get("B:" + segment.get("id")[2:])
        if placeholder is None or placeholder.getparent() is None:
            continue
        parent, index = placeholder.getparent(), placeholder.getparent().index(placeholder)
        segment.getparent().remove(segment)
        for offset, child in enumerate(list(segment)):
            parent.insert(index + offset, child)
        if segment.text and segment.text.strip():
            previous = parent[index - 1] if index else None
            if previous is None:
                parent.text = (parent.text or "") + segment.text
            else:
                previous.tail = (previous.tail or "") + segment.text
        parent.remove(placeholder)


def extract(doc: Document, prune_xpath: list[str] | None = None) -> Article:
    """Extract the article from an HTML Document. Raises NothingExtracted or InputError."""
    tree = parse_html(doc.text)
    replay_streamed_segments(tree)
    headline = visible_headline(tree)
    result = trafilatura.bare_extraction(
        tree, url=doc.url, include_comments=False, include_tables=True,
        include_formatting=True, with_metadata=True, prune_xpath=prune_xpath or None)
    if result is None or result.body is None:
        raise NothingExtracted("no article text found")
    title = choose_title(headline, result.title)
    body = result.body
    drop_furniture(body)
    drop_title_echo(body, title)
    text = xmltotxt(body, False).strip()
    if not text:
        raise NothingExtracted("no article text found")
    markdown_body = xmltotxt(body, True).strip()
    return Article(
        text=text,
        markdown=(f"# {title}\n\n" if title else "") + markdown_body + "\n",
        title=title,
        authors=split_authors(result.author),
        date=result.date or None,
        sitename=result.sitename or None,
        url=doc.url or result.url or None,
        language=result.language or html_language(tree),
        description=result.description or None,
        tags=tuple(dict.fromkeys((result.tags or []) + (result.categories or []))),
        image=result.image or None,
        kind="html",
    )


def blocks_of(body) -> list:
    """The body's paragraph-level elements in order, list items one by one."""
    return [el for el in body.iter(*BLOCK_TAGS)
            if el.tag != "p" or el.getparent() is body or el.getparent().tag in ("quote", "body")]


def drop_furniture(body) -> None:
    """Remove blocks that are news furniture (captions, share bars, ads...) by pattern."""
    for block in blocks_of(body):
        if block.getparent() is None:
            continue
        text = "".join(block.itertext())
        if furniture_kind(text, "html"):
            remove_block(block)
    for lst in body.iter("list"):
        if not len(lst) and lst.getparent() is not None:
            remove_block(lst)


def remove_block(element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    if element.tail and element.tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def drop_title_echo(body, title: str | None) -> None:
    """Drop the headline when trafilatura put it at the top of the body (FINDINGS 6)."""
    if not title:
        return
    wanted = squash(title)
    for block in blocks_of(body)[:3]:
        text = squash("".join(block.itertext()))
        if text and (text == wanted or (wanted in text and len(text) <= len(wanted) * TITLE_ECHO_SLACK)):
            remove_block(block)
            return


def squash(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def visible_headline(tree) -> str | None:
    """The page's visible <h1>, the best title signal (FINDINGS metadata: 561/711)."""
    texts = []
    for h1 in tree.iter("h1"):
        text = " ".join(h1.text_content().split())
        if 3 <= len(text) <= 300:
            texts.append(text)
    return texts[0] if len(texts) == 1 else None if not texts else best_h1(texts, tree)


def best_h1(texts: list[str], tree) -> str | None:
    """Several <h1>s (logo, headline, widget): take the one the <title> talks about."""
    head_title = tree.findtext(".//title") or ""
    words = set(squash(head_title).split())
    scored = [(len(words & set(squash(t).split())) / max(1, len(squash(t).split())), t) for t in texts]
    score, text = max(scored, key=lambda pair: pair[0])
    return text if score >= 0.5 else None


def choose_title(headline: str | None, extracted: str | None) -> str | None:
    """Prefer the visible headline; trafilatura's title when there is none."""
    return headline or (extracted.strip() if extracted else None) or None


def split_authors(author: str | None) -> tuple[str, ...]:
    if not author:
        return ()
    return tuple(dict.fromkeys(a.strip() for a in author.split(";") if a.strip()))


def html_language(tree) -> str | None:
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    return lang.split("-")[0].lower() if lang else None
