"""The HTML path: the parsed page (html_parse), trafilatura extraction (html_passes, and
bare_extraction here for the untouched page and the links pass), news-specific cleaning."""
from __future__ import annotations

import copy
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from itertools import islice
from typing import Any

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.xpaths import OVERALL_DISCARD_XPATH

from . import confidence
from .article import Article
from .bylines import names_in_byline
from .dates import find_date
from .errors import NothingExtracted
from .html_headline import Above, drop_above_headline, headline_split, squashes_longer
from .html_lines import block_text, clean_lines, iter_blocks, remove_block
from .html_meta import PageMeta, article_authors, read_meta
from .html_net import NET_MISSED_PROSE, Missed, holds_missed, lift_discards, missed_prose
from .html_parse import parse_html, top_elements
from .html_passes import Passes
from .html_prepare import PageSize, drop_inert, drop_not_article, measure_page, prose_paragraphs
from .html_render import markdown, renderings
from .html_repair import rejoin_after_end
from .html_signals import html_signals
from .links import graft
from .prose import MIN_ARTICLE_WORDS, WORD, collapse, squash
from .rules import Rule, SiteRules
from .sniff import Document, Kind
from .trace import Note, ignore, note_field

LOG = logging.getLogger("newsclean")
BLOCK_TAGS = ("p", "head", "quote", "item")
# Recall-mode output under this share of the page's words (a reader's: scripts and styles
# dropped) may be a fragment, so the default mode is asked too (CONFIDENT_SHARE), unless the
# page has real prose (MIN_PAGE_PROSE characters, html_prepare.page_prose) and the recall text
# holds two thirds of it (PROSE_HELD): then the default mode only adds a rail or a listing. On
# the dev sets (benchmarks/accuracy.py, against a share of 0.20 and no prose test): WCXB dev word
# F1 +0.0013 (0296 and 4759 up from 0.62 and 0.42 to 0.98), WCXB other dev +0.004 (pages under
# 0.5 where bare trafilatura is over 0.9: 4 -> 2), Scrapinghub unchanged (0.30: -0.002)
CONFIDENT_SHARE = 0.25
MIN_PAGE_PROSE = 1000  # characters: five or six paragraphs of prose
PROSE_HELD = 1.5  # the page's prose is under 1.5 times the recall text's characters
# words: recall output shorter than this is not trusted as it is, whatever the page's prose
# (rule of thumb: a short article's recall text may still be a menu)
MIN_CONFIDENT_WORDS = 50
# the safety net: an article under a quarter of the page's prose (or none at all) is compared
# with bare trafilatura's extraction of the untouched page, which wins when it has more words
# after the same cleaning. It fires on about 1 page in 100 of the dev sets and moves none of
# them: it is there for pages our own steps lose (tests/test_html_path.py)
NET_PROSE_SHARE = 0.25
STRIP_MAX_PARAGRAPH_SHARE = 0.6  # comments on macrumors.com are 0.4 of a page's <p> text
# a strip rule is not applied to a box holding this many paragraphs of the article's prose
# (FiveFilters consumerreports.org: four; a contributor's bio is one)
MIN_SPARED_PROSE = 2
RULE_SANITY_SHARE = 0.5   # a rule's body under half the generic one is a stale XPath
# characters of prose on a page (html_prepare.page_prose) past which a rule's body that holds as
# much text is trusted without running the generic extraction to compare (speed: the generic
# pass cost 7 ms a Scrapinghub page; the pages of built-in rules came out the same)
MIN_TRUSTED_PROSE = 1000
DEFAULT_COVERS = 0.8      # the default text holds 80% of the recall text: it is the recall text and more
# a leading block this short that repeats the headline is the headline itself
# (docs/findings.md#headline-in-body)
TITLE_ECHO_SLACK = 1.3


def replay_streamed_segments(tree: lxml.html.HtmlElement) -> None:
    """Put React/Next.js streamed segments (<div hidden id="S:n">) where the page's script
    would: into their <template id="B:n"> placeholders (docs/findings.md#streamed-segments)."""
    # what //div[@hidden][starts-with(@id, "S:")] finds (every top element's), in a walk: 0.21 -> 0.15 ms
    segments = [div for top in top_elements(tree) for div in top.iter("div")
                if div.get("hidden") is not None and (div.get("id") or "").startswith("S:")]
    if segments:
        replay_segments(tree, segments)


def replay_segments(tree: lxml.html.HtmlElement, segments: list) -> None:
    """Each streamed segment moved into its <template id="B:n"> placeholder, in order."""
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


LAYOUT_TABLE = lxml.etree.XPath(
    "//table[.//table or .//h1 or .//h2 or .//article]")
TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup")


def unwrap_layout_tables(tree) -> None:
    """Turn tables used for page layout (they hold headings, paragraphs or other tables)
    into plain containers, so the page is read as a page, not as one table row
    (docs/findings.md#layout-tables).
    Data tables nested inside them stay tables."""
    for table in LAYOUT_TABLE(tree):
        owned = [el for el in table.iter(*TABLE_PARTS)
                 if el is table or next(el.iterancestors("table"), None) is table]
        for element in owned:
            element.tag = "div"


def extract(doc: Document, site: SiteRules | None = None, note: Note = ignore,
            page_blocks: list | None = None, *, links: bool = False, images: bool = False) -> Article:
    """Extract the article from an HTML Document, with the site's rules if any. For
    `explain`, `note` hears why blocks were dropped and `page_blocks` gets the page's text
    blocks in order. With `links` and `images`, the Markdown keeps them (newsclean.links).
    Raises NothingExtracted or InputError."""
    tree = parse_html(apply_replacements(doc.text, site))
    rejoin_after_end(tree)
    replay_streamed_segments(tree)
    unwrap_layout_tables(tree)
    page_meta = read_meta(tree, doc.url)
    meta = rule_metadata(tree, page_meta, site)
    if page_blocks is not None:
        page_blocks += page_block_texts(tree.find("body") if tree.find("body") is not None else tree)
    native_ad = site is not None and any(xpath_texts(tree, rule)
                                         for rule in site.get("native_ad_clue"))
    drop_inert(tree)
    apply_strip_rules(tree, site, note, doc.url)
    page = measure_page(tree)
    paragraphs = drop_not_article(tree, page)
    body = body_by_rule(tree, doc.url, site, page) if site and site.get("body") else None
    if body is None:
        body = choose_body(tree, doc.url, page)
    titles = (meta.title, page_meta.title)
    heard: list[tuple[str, str]] = []  # what the cleaning dropped, told once the body is chosen
    # a site's body XPath names what the article is, above the headline or not
    above = None if site and site.get("body") else headline_split(tree, titles)
    text, markdown_body = finish_body(body, titles, site, lambda *drop: heard.append(drop), meta.authors,
                                      above)
    # short against the page's prose, or leaving out prose of its own container: the net
    read = confidence.line_words(text)  # the article's lines and words, read once while it stands
    words = sum(read[1])
    short = len(text) < NET_PROSE_SHARE * page.prose or words < MIN_ARTICLE_WORDS
    missed = Missed()
    if short or page.prose >= NET_MISSED_PROSE:
        missed = missed_prose(tree, [text] + [t for t, _why in heard], widen=short, paragraphs=paragraphs)
    if short or missed.chars >= NET_MISSED_PROSE:
        ours = text
        text, markdown_body, heard, body = safety_net(doc, site, titles, (text, markdown_body, heard, body),
                                                      meta.authors, missed, above, short)
        if text is not ours:
            read = confidence.line_words(text)
            words = sum(read[1])
    for dropped in heard:
        note(*dropped)
    found = words >= MIN_ARTICLE_WORDS
    if found and body is not None and (links or images):
        # the article is the one cleaned without them; they are put into it
        body = graft(tree, body, doc.url, run_trafilatura, links=links, images=images)
        markdown_body = markdown(body).strip()
    rating = confidence.rate(Kind.HTML, confidence.text_shape(text, read) | html_signals(
        tree, words, page.words, site, meta)) if found else 0.0
    authors, author_source, why = article_authors(tree, meta, doc.url)  # last: it prunes the tree
    record_sources(note, meta, page_meta, (authors, author_source, why))
    article = Article.from_body(
        text, markdown_body, meta.title, authors=authors, date=meta.date,
        date_modified=meta.date_modified, sitename=meta.sitename, publisher=meta.publisher,
        url=meta.url, language=meta.language, description=meta.description, tags=meta.tags,
        image=meta.image, kind=Kind.HTML, native_ad=native_ad,
        rules=site.sources if site else (), confidence=rating)
    if not found:
        raise NothingExtracted("no article text found",
                               article=replace(article, text="", markdown=""))
    return article


def finish_body(body, titles: Sequence[str | None], site: SiteRules | None,
                note: Note = ignore, authors: Sequence[str] = (),
                above: Above | None = None) -> tuple[str, str]:
    """The article's text and Markdown from trafilatura's body (None: nothing), without the
    headline, furniture and what the site's line rules strip (html_lines.clean_lines)."""
    if body is None:
        return "", ""
    # the headline first: left at the top, it would stop the walk over the furniture under it
    drop_title_echo(body, titles, note)
    clean_lines(body, site, note, authors)
    drop_title_echo(body, titles, note)  # a headline that stood under furniture
    if above is not None:
        drop_above_headline(body, above, titles, note)  # what the page shows above its headline
    return renderings(body)


# text, Markdown, what the cleaning dropped, the body element they came from
Cleaned = tuple[str, str, list[tuple[str, str]], Any]


def safety_net(doc: Document, site: SiteRules | None, titles: Sequence[str | None],
               ours: Cleaned, authors: Sequence[str] = (), missed: Missed | None = None,
               above: Above | None = None, short: bool = False) -> Cleaned:
    """Whatever our own steps did to the page, the article is never emptier than bare
    trafilatura's extraction of the untouched page, cleaned the same way: this returns the
    one of the two with more words. Only for an article that is `short` against the page's
    prose (NET_PROSE_SHARE), or that leaves out the prose paragraphs `missed` from its own
    container (html_net). Where it leaves out NET_MISSED_PROSE of them (short or not), the
    container is read again first, with what made trafilatura drop them lifted (class, id,
    display:none), and must hold our article and half of them; an article that is not short
    takes bare trafilatura's text only on the same terms, so that the common case pays
    nothing and a longer page of something else never wins."""
    if missed and missed.chars >= NET_MISSED_PROSE and (
            rescued := lifted_container(doc, site, titles, ours, authors, missed, above)):
        return rescued
    heard: list[tuple[str, str]] = []
    bare = run_trafilatura(doc.text, doc.url)
    bare_text, bare_markdown = finish_body(bare, titles, site, lambda *drop: heard.append(drop), authors,
                                           above)
    if len(WORD.findall(bare_text)) <= len(WORD.findall(ours[0])) or (
            not short and missed and missed.texts and not holds_all(ours[0], bare_text, missed)):
        return ours
    LOG.info("%s: bare trafilatura found more than newsclean's own steps; using it",
             doc.url or "the page")
    return bare_text, bare_markdown, heard, bare


def lifted_container(doc: Document, site: SiteRules | None, titles: Sequence[str | None], ours: Cleaned,
                     authors: Sequence[str], missed: Missed, above: Above | None) -> Cleaned | None:
    """The article read from a copy of its container in which the elements trafilatura drops
    by class or id (its OVERALL_DISCARD_XPATH) but that hold missed prose lose their class and
    id (html_net.lift_discards); None when none does, or the text does not hold ours and the
    missed prose."""
    page = rule_page([missed.container])
    if not lift_discards(page, missed, OVERALL_DISCARD_XPATH):
        return None
    heard: list[tuple[str, str]] = []
    body = run_trafilatura(page, doc.url, favor_recall=True)
    text, markdown = finish_body(body, titles, site, lambda *drop: heard.append(drop), authors, above)
    if not holds_all(ours[0], text, missed):
        return None
    LOG.info("%s: read the article's container again for the prose trafilatura dropped by class",
             doc.url or "the page")
    return text, markdown, heard, body


def holds_all(ours: str, text: str, missed: Missed) -> bool:
    """Whether `text` holds our article (DEFAULT_COVERS of its words) and the missed prose."""
    return covered(WORD.findall(ours.lower()), WORD.findall(text.lower())) >= DEFAULT_COVERS and (
        holds_missed(text, missed))


# ---- site rules on the page ----

def apply_replacements(text: str, site: SiteRules | None) -> str:
    """find_string/replace_string on the raw HTML, in file order."""
    for find, replacement, _source in (site.replacements if site else ()):
        text = text.replace(find, replacement)
    return text


def xpath_texts(tree, rule: Rule) -> list[str]:
    """What an XPath selects, as whitespace-collapsed strings (elements, attributes, text)."""
    try:
        found = rule.value(tree)
    except lxml.etree.XPathError:
        return []
    items = found if isinstance(found, list) else [found]
    texts = []
    for item in items:
        raw = " ".join(item.itertext()) if hasattr(item, "itertext") else str(item)
        if collapse(raw):
            texts.append(collapse(raw))
    return texts


def record_sources(note: Note, meta: PageMeta, page_meta: PageMeta,
                   authors: tuple[tuple[str, ...], str, str]) -> None:
    """For `explain`: which candidate gave the title, the authors and the date, and why."""
    for field, value in (("title", meta.title), ("date", meta.date)):
        source, why = next(((s, w) for f, s, w in page_meta.sources if f == field), ("none", ""))
        if value != getattr(page_meta, field):
            source, why = "site rule", f"the site's {field} XPath"
        note_field(note, field, value, source, why)
    names, source, why = authors
    if names and names == meta.authors and names != page_meta.authors:
        source, why = "site rule", "the site's author XPath"
    note_field(note, "authors", "; ".join(names) or None, source, why)


def rule_metadata(tree, meta: PageMeta, site: SiteRules | None) -> PageMeta:
    """The site's title, date and author XPaths win over the generic metadata."""
    if site is None:
        return meta
    changes: dict[str, Any] = {}
    title = next((t for rule in site.get("title") for t in xpath_texts(tree, rule)[:1]), None)
    if title:
        changes["title"] = title
    date = next((d for rule in site.get("date") for t in xpath_texts(tree, rule)
                 if (d := find_date(t))), None)
    if date:
        changes["date"] = date
    for rule in site.get("author"):
        names = tuple(dict.fromkeys(n for t in xpath_texts(tree, rule) for n in names_in_byline(t)))
        if names:
            changes["authors"] = names
            break
    return replace(meta, **changes) if changes else meta


def apply_strip_rules(tree, site: SiteRules | None, note: Note = ignore,
                      url: str | None = None) -> None:
    """strip, strip_id_or_class, strip_image_src, strip_attr and dissolve, on the page. A strip
    rule that would take most of the page's paragraph text is skipped: it was written for
    another version of the page (FiveFilters wsj.com strips the 'snippet', which is all a
    paywalled scrape holds)."""
    if site is None:
        return
    matches = [(rule, [el for el in safe_xpath(tree, rule) if hasattr(el, "tag")])
               for rule in site.get("strip")]
    matches += [(rule, tree.xpath("//*[contains(@class, $n) or contains(@id, $n)]",
                                  n=rule.value.strip())) for rule in site.get("strip_id_or_class")]
    matches += [(rule, tree.xpath("//img[contains(@src, $s)]", s=rule.value.strip()))
                for rule in site.get("strip_image_src")]
    page_text = paragraph_chars([tree]) or 1
    chosen = []
    for rule, elements in matches:
        outermost = [el for el in elements if not any(a in elements for a in el.iterancestors())]
        if paragraph_chars(outermost) > STRIP_MAX_PARAGRAPH_SHARE * page_text:
            LOG.info("%s: skipped, it would remove most of the article", rule.source)
            continue
        chosen.append((rule, outermost))
    spared = holding_article_prose(tree, url, [el for _rule, found in chosen for el in found])
    for rule, outermost in chosen:
        for element in outermost:
            if element in spared:
                LOG.info("%s: spared a %s that holds the article's paragraphs", rule.source, element.tag)
                continue
            if element.getparent() is not None and element.tag not in ("html", "body"):
                for text in page_block_texts(element):
                    note(text, f"site rule {rule.source}")
                remove_block(element)
    for rule in site.get("strip_attr"):
        for attribute in safe_xpath(tree, rule):
            owner = getattr(attribute, "getparent", lambda: None)()
            if owner is not None and getattr(attribute, "attrname", None):
                owner.attrib.pop(attribute.attrname, None)
    for rule in site.get("dissolve"):
        for element in safe_xpath(tree, rule):
            if hasattr(element, "drop_tag") and element.getparent() is not None:
                dissolve(element)


BLOCKS = frozenset(("p", "div", "section", "article", "ul", "ol", "table", "blockquote", "figure",
                    "h1", "h2", "h3", "h4", "h5", "h6", "pre", "header", "footer", "aside"))


def dissolve(element) -> None:
    """Keep an element's content without the element. Text it holds itself becomes a plain
    paragraph when its neighbours are blocks: loose text between blocks is lost to the
    extractor (FiveFilters bbc.com dissolves <h2>, and the subheadings went missing)."""
    own_text = (element.text or "").strip() or any((c.tail or "").strip() for c in element)
    siblings = [s for s in element.getparent() if s is not element]
    if own_text and any(is_block(s) for s in siblings) and not any(is_block(c) for c in element):
        element.tag = "p"
        element.attrib.clear()
    else:
        element.drop_tag()


def is_block(element) -> bool:
    return isinstance(element.tag, str) and element.tag in BLOCKS


def holding_article_prose(tree, url: str | None, elements) -> set:
    """The elements, of those a strip rule matched, that hold several paragraphs of prose that
    the generic extraction (run only when some element holds prose) takes for the article: the
    rule has gone stale, or the page's markup wraps the story in the box the rule names
    (FiveFilters consumerreports.org strips 'rel-article-wrapper', an unclosed <div> that
    swallows the story's closing paragraphs). Comment threads are prose too, but trafilatura
    leaves them out, so their strips still apply."""
    prose = {el: texts for el in elements if (texts := prose_paragraphs(el))}
    if not any(len(texts) >= MIN_SPARED_PROSE for texts in prose.values()):
        return set()
    generic = choose_body(tree, url, measure_page(tree))
    if generic is None:
        return set()
    article = squash(" ".join(generic.itertext()))
    return {el for el, texts in prose.items()
            if sum(squash(text) in article for text in texts) >= MIN_SPARED_PROSE}


def paragraph_chars(elements) -> int:
    """Characters of <p> text in and under `elements` (where article text lives)."""
    return sum(len(p.text_content()) for el in elements
               for p in ([el] if el.tag == "p" else el.iter("p")))


def safe_xpath(tree, rule: Rule) -> list:
    try:
        found = rule.value(tree)
    except lxml.etree.XPathError:
        return []
    return found if isinstance(found, list) else []


def body_by_rule(tree, url: str | None, site: SiteRules, page: PageSize):
    """The body the site's XPaths name, cleaned by trafilatura; None to use the generic path.
    The XPaths are tried in order (a user file's before the built-in ones layered under it);
    one that matches nothing is passed over, and so is one whose body is far shorter than the
    generic one (a stale XPath that now selects a fragment). When none is left the generic
    extraction is used, unless the file says autodetect_on_failure: no and nothing matched."""
    generic, matched = None, False
    for rule in site.get("body"):
        found = [el for el in safe_xpath(tree, rule) if hasattr(el, "tag")]
        outermost = [el for el in found if not any(a in found for a in el.iterancestors())]
        if not outermost:
            continue
        matched = True
        by_rule = Passes(rule_page(outermost), url).recall()
        if page.prose >= MIN_TRUSTED_PROSE and text_chars(by_rule) >= page.prose:
            return by_rule  # it holds as much as all the page's prose: no stale fragment
        if generic is None:
            generic = choose_body(tree, url, page)
        if by_rule is not None and len(words_of(by_rule)) >= RULE_SANITY_SHARE * len(words_of(generic)):
            return by_rule
        LOG.info("%s: passed over, its body is far shorter than the generic one", rule.source)
    if not matched and not site.flag("autodetect_on_failure", True):
        raise NothingExtracted("the site rule's body XPath matches nothing on this page, and "
                               "its file says autodetect_on_failure: no")
    return generic


def rule_page(elements):
    """A page holding copies of what a body XPath selected."""
    page = lxml.html.Element("html")
    # inside an <article>, trafilatura's own extractor takes the copies as the main content;
    # in a bare <body> it falls back to methods that flatten subheadings
    holder = lxml.etree.SubElement(lxml.etree.SubElement(page, "body"), "article")
    for element in elements:
        holder.append(deepcopy_element(element))
    return page


def deepcopy_element(element):
    copied = copy.deepcopy(element)
    copied.tail = None
    return copied


def run_trafilatura(tree, url: str | None, **mode):
    """trafilatura's body tree for the page (it works on a copy), or None."""
    # "markdown" keeps formatting in the body tree; we render text and Markdown from it
    result = trafilatura.bare_extraction(
        tree, url=url, include_comments=False, include_tables=True, output_format="markdown",
        with_metadata=False, **mode)
    return None if result is None else result.body  # type: ignore[union-attr]  # a Document


def choose_body(tree, url: str | None, page: PageSize):
    """trafilatura's recall mode first: on news pages it finds bodies split over several
    containers that the default mode cuts short (docs/findings.md#recall-mode and
    #split-bodies). When its text is a small part of the page it may have locked onto a
    fragment, so the default mode runs too (see CONFIDENT_SHARE), and wins if its text
    contains the recall text and more (benchmarks/: WCXB dev +0.008)."""
    passes = Passes(tree, url)
    recall = passes.recall()
    recall_text = body_text(recall)
    recall_count = len(WORD.findall(recall_text))
    if recall_count >= max(MIN_CONFIDENT_WORDS, CONFIDENT_SHARE * page.words) or (
            recall_count >= MIN_CONFIDENT_WORDS and page.prose >= MIN_PAGE_PROSE
            and page.prose < PROSE_HELD * len(recall_text)):
        return recall
    default = passes.default()
    if default is None:
        return recall
    if recall is None or covered(words_of(recall), words_of(default)) >= DEFAULT_COVERS:
        return default
    return recall


def body_text(body) -> str:
    """What a body tree reads, whitespace collapsed ("" for None)."""
    return "" if body is None else collapse(" ".join(body.itertext()))


def text_chars(body) -> int:
    return len(body_text(body))


def words_of(body) -> list[str]:
    return [] if body is None else WORD.findall(" ".join(body.itertext()).lower())


def covered(part: list[str], whole: list[str]) -> float:
    """The share of `part`'s words (as a multiset) that `whole` also holds."""
    if not part:
        return 1.0
    have = Counter(whole)
    hits = 0
    for word, count in Counter(part).items():
        hits += min(count, have[word])
    return hits / len(part)


TEXT_HOLDERS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "th",
                "dt", "dd", "figcaption", "caption", "summary", "label", "button")


def page_block_texts(root) -> list[str]:
    """The page's text blocks in document order (for `explain`): paragraph-like elements, and
    the loose text of containers outside them."""
    texts = []
    skip_inside = set()
    for element in root.iter():
        if not isinstance(element.tag, str) or element in skip_inside:
            continue
        if element.tag in TEXT_HOLDERS:
            text = collapse(" ".join(element.itertext()))
            if text:
                texts.append(text)
            skip_inside.update(element.iterdescendants())
        elif element.tag not in ("script", "style", "template", "head", "title", "meta"):
            loose = " ".join(" ".join([element.text or ""] + [c.tail or "" for c in element
                                                              if c.tag not in TEXT_HOLDERS]).split())
            if loose and not any(child.tag in TEXT_HOLDERS for child in element):
                texts.append(collapse(" ".join(element.itertext())))
                skip_inside.update(element.iterdescendants())
    return texts


def drop_title_echo(body, titles: Sequence[str | None], note: Note = ignore) -> None:
    """Drop the headline when trafilatura put it at the top of the body
    (docs/findings.md#headline-in-body). The titles are the one the article gets and the
    page's own: a site rule's title XPath may name another form of it (og:title, or <title>
    with the site's name)."""
    wanted = [squash(title) for title in titles if title and squash(title)]
    if not wanted:
        return
    longest = TITLE_ECHO_SLACK * max(map(len, wanted))  # what a squashed echo is at most
    for block in islice(iter_blocks(body), 3):  # (not the whole body's list: 3 are read)
        raw = "".join(block.itertext())
        if squashes_longer(raw, longest):
            continue  # a paragraph: its start alone squashes longer than any echo
        text = squash(raw)
        if text and any(text == w or (w in text and len(text) <= len(w) * TITLE_ECHO_SLACK)
                        for w in wanted):
            note(block_text(block), "the headline, repeated in the body (it is the title)")
            remove_block(block)
            return
