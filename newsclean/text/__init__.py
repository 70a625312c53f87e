"""The plain-text path: a visible-text scrape (a terminal browser's dump, html2text Markdown,
a copy, a crawler's text) to an Article. `extract` runs these stages:

1. Markup (markup.clean_lines): Markdown, lynx and w3m link, image and widget markup become
   plain lines, with how many characters of each were link text.
2. Rejoining (rejoin.wrap_width, rejoin.continues_sentence, rejoin.unflatten): hard-wrapped
   lines, text-node breaks and pages flattened to a line are put back into paragraphs.
3. Segmentation (segment.split_blocks): the lines become Blocks (blocks.Block): paragraphs,
   headings, list items.
4. Features (features.measure): each block's words, stopword share, sentence end, code,
   capitalised and linked share; the page's language; repeated prose and rails of glued
   teasers marked as furniture.
5. Region (region.apply_line_rules, region.choose_region_with_furniture, the region.cut_at_*
   cuts, region.with_closing_list): the site's line rules, then the run of blocks with the
   best total score (features.block_score), matching furniture patterns around it until it
   stops moving, then cut where an article ends.
6. Headline (headline.find_title, headline.flat_title, headline.headline_inside): a '#'
   heading, the <title> the scrape opens with, or a line a byline follows and the opening
   echoes; one found inside the region moves its start.
7. Revision (revise.revise_region, revise.trim_edges): furniture, alt text and labels inside
   the region go, subheadings are marked, edge furniture is trimmed.
8. Byline and date (byline.find_authors, byline.is_dateline): read near the headline and the
   article's opening.
9. Settling (settle): the cleaned text is read again, alone, until it stands still.
10. Rendering (blocks.as_text, render.render_markdown): the Article's text and Markdown.

`select` runs stages 1 to 7 on a text; `extract` adds 8 to 10.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from ..article import Article
from ..dates import find_date
from ..errors import NothingExtracted
from ..rules import SiteRules
from ..sniff import Document
from ..stoplists import ISO, stoplist
from ..trace import Note, ignore
from .blocks import Block, Role, as_text
from .byline import DATELINE_MAX_WORDS, PUBLISHED, find_authors, is_dateline, undoubled
from .features import measure
from .headline import (
    find_title,
    flat_title,
    headline_inside,
    in_page_title,
    opening_words,
    page_title,
    without_site_name,
)
from .markup import IMAGE_LINE
from .region import (
    apply_line_rules,
    choose_region_of_sentences,
    choose_region_with_furniture,
    cut_at_boundary,
    cut_at_comment_bylines,
    cut_at_dated_teasers,
    with_closing_list,
)
from .rejoin import FLAT_LINE_CHARS
from .render import render_markdown
from .revise import revise_region, trim_edges
from .segment import split_blocks

__all__ = ["extract", "select", "settle", "Selection"]

# words: less is a label or a menu, not an article (as on the HTML path)
MIN_ARTICLE_WORDS = 8
MAX_SETTLE_PASSES = 4  # every page of the dev renderings settles in two or three


def extract(doc: Document, site: SiteRules | None = None, note: Note = ignore,
            page_blocks: list | None = None) -> Article:
    """Clean a text scrape, with the site's text directives if any. For `explain`, `note`
    hears why blocks were dropped and `page_blocks` gets every block in order. Raises
    NothingExtracted if no block looks like an article."""
    page = select(doc.text, site, note, page_blocks)
    blocks, start, title, title_at = page.blocks, page.start, page.title, page.title_at
    # a date or byline stands next to the headline (above it too), or opens the article
    first = start - 3 if title_at is None else min(title_at - 2, start - 3)
    meta_lines = range(max(0, first), min(len(blocks), start + 5))
    date = next((find_date(blocks[i].text) for i in meta_lines if is_dateline(blocks[i])), None)
    if date is None:  # "Posted on May 3, 2024" may stand below the article, or far above it
        date = next((found for b in blocks if b.words <= DATELINE_MAX_WORDS
                     and PUBLISHED.search(b.text) and (found := find_date(b.text))), None)
    authors = find_authors(blocks, meta_lines, title_at)
    kept = {id(block) for block in page.body}
    for index in meta_lines:
        if find_date(blocks[index].text) and blocks[index].words <= 12 and (
                id(blocks[index]) not in kept):
            note(blocks[index].text, "the date line")
    body = settle(page.body, site, note)
    # "HeadlineHeadline": a headline printed twice; a two-word one may be a name ("Bye Bye")
    title = undoubled(title, min_words=3) if title else title
    return Article(
        text=as_text(body),
        markdown=(f"# {title}\n\n" if title else "") + render_markdown(body) + "\n",
        title=title, authors=authors, date=date, language=ISO.get(page.language or ""),
        description=next((b.text for b in body if b.role is Role.PARAGRAPH), None),
        url=doc.url, kind="text", rules=site.sources if site else ())


@dataclass
class Selection:
    """What `select` found on a page: its blocks, the article region, title and body."""

    blocks: list[Block]
    start: int
    title: str | None
    title_at: int | None
    body: list[Block]
    language: str | None


def select(text: str, site: SiteRules | None, note: Note = ignore,
           page_blocks: list | None = None) -> Selection:
    """Split, measure, choose the article region and revise it. Raises NothingExtracted."""
    measured = split_blocks(text)
    language = measure(measured)
    if page_blocks is not None:
        page_blocks += [b.text for b in measured]
    blocks = apply_line_rules(measured, site, note)
    if not any(b.words for b in blocks):
        raise NothingExtracted("no article text found")
    start, end = choose_region_with_furniture(blocks)
    end = cut_at_boundary(blocks, start, end)
    end = cut_at_dated_teasers(blocks, start, end)
    end = cut_at_comment_bylines(blocks, start, end)
    if sum(b.score for b in blocks[start:end + 1]) <= 0:
        start, end = choose_region_of_sentences(blocks)
    end = with_closing_list(blocks, end)
    stops = stoplist(language) if language else frozenset()
    # title, byline and date are looked for as if the site's strip_line lines were not there
    # (nor images: "[jdoe-150x150]" between a headline and its byline)
    visible = [b.furniture != "site rule"
               and not (b.text[0] == "[" and IMAGE_LINE.fullmatch(b.text)) for b in blocks]
    shown = [b for b, seen in zip(blocks, visible) if seen]
    shown_start = sum(visible[:start])
    # a page flattened to a line has no headline on a line of its own (what looks like one
    # is a run of sentences); its <title> may open it
    flat = (flat_title(text) if text.find("\n", 0, FLAT_LINE_CHARS) < 0
            and len(text) > FLAT_LINE_CHARS else None)
    title: str | None
    title_at: int | None
    title, title_at = (flat, None) if flat else find_title(shown, shown_start, stops)
    if title and title_at == 0:  # the scrape's first line: a <title>'s site name goes
        title = without_site_name(title)
    marked = flat is not None or title_at is not None and shown[title_at].role is Role.HEADING
    hint = None if marked else page_title(blocks)
    if hint and title is not None and title_at and in_page_title(
            shown[title_at], hint, partial(opening_words, shown, shown_start, stops), stops):
        hint = None  # the <title> has given the headline already
    inside = None if marked else headline_inside(blocks, start, end, stops, hint)
    if inside is not None:  # the region opened with a notice or a breadcrumb: it starts after
        for block in blocks[start:inside]:
            note(block.text, "above the headline")
        title, start = blocks[inside].text, inside + 1
        shown_start = sum(visible[:start])
        title_at = shown_start - 1
    if title_at is not None:  # galleries repeat the headline: its byline follows the first
        title_at = next((i for i, b in enumerate(shown) if b.text == title), title_at)
    if title:
        note(title, "the title")
    body = trim_edges(revise_region(blocks[start:end + 1], title, note), note)
    if note is not ignore:
        for block in blocks[:start] + blocks[end + 1:]:
            note(block.text, f"outside the article region (score {block.score:+.0f})")
    body = [b for b in blocks[:start] if b.kept_by_rule] + body + [
        b for b in blocks[end + 1:] if b.kept_by_rule]
    if sum(b.words for b in body) < MIN_ARTICLE_WORDS:
        raise NothingExtracted("no article text found")
    return Selection(shown, shown_start, title, title_at, body, language)


def settle(body: list[Block], site: SiteRules | None, note: Note = ignore) -> list[Block]:
    """Cleaning the cleaned text again must change nothing. Reading the article alone, without
    the page around it, can still drop a block (a list that ended the region, a heading that
    now looks like a title): select again until the text stands still, and return that."""
    text = as_text(body)
    first = {as_text([block]): block for block in body}  # keeps the scrape's own headings
    for _ in range(MAX_SETTLE_PASSES):
        try:
            again = select(text, site).body
        except NothingExtracted:
            return body
        settled = as_text(again)
        if settled == text:
            return body
        if note is not ignore:
            kept = set(settled.split("\n"))
            for block in body:
                if as_text([block]) not in kept:
                    note(block.text, "dropped when the cleaned article is read again, alone")
        body, text = [first.get(as_text([block]), block) for block in again], settled
    return body
