"""The plain-text path: a visible-text scrape (a terminal browser's dump, html2text Markdown,
a copy, a crawler's text) to an Article. `extract` runs these stages, one module each:

1. Blocks (segment.split_blocks): the scrape's lines, link, image and widget markup gone
   (markup.clean_lines), hard wraps, text-node breaks and flattened pages rejoined
   (rejoin.wrap_width, rejoin.continues_sentence, flat.unflatten), cut into paragraphs,
   headings and list items (blocks.Block).
2. Features (features.measure): each block's words, stopword share, sentence end, code,
   capitalised and linked share; the page's language.
3. Furniture marks (furniture.mark_repeats, furniture.mark_glued_teasers): repeated prose,
   rails of teasers. Patterns are matched later, near the article only (furniture.with_furniture).
4. Region (region.apply_line_rules, then region.choose_article_region -> Region): the site's
   line rules; the run of blocks with the best total score (features.block_score); its cuts
   at comments, dated rails and comment threads; the story above a thread or a legal footer
   that outscored it; the list that closes it; the longest run of sentences when nothing
   scores. How the region was chosen (region.RegionChoice) is Selection.choice.
5. Headline (headline.find_headline -> Headline, over a blocks.MetaView): a '#' heading, the
   <title> the scrape opens with, the line the page URL's slug spells (agreement.slug_headline),
   or a line a byline follows and the opening echoes; one found inside the region moves its
   start. A page flattened to a line: the part of its <title> it says again (flattitle).
6. Revision (revise.revise_region, revise.trim_edges): furniture, alt text and labels inside
   the region go, subheadings are marked, edge furniture is trimmed.
7. Byline and date (byline.read_byline -> Byline): near the headline and the opening; on a page
   flattened to a line, in the words after its headline (flatmeta.flat_byline), around where
   its article starts (flatmeta.opening_byline), and a labelled date (flatmeta.labelled_date).
8. Settling (settle): the cleaned text is read again, alone, until it stands still.
9. Rendering (blocks.as_text, render.render_markdown): the Article's text and Markdown (with
   `links` or `images`, the scrape's own Markdown links and images put back: relink.relink_blocks);
   and its confidence (evidence.read_evidence when the region is chosen, evidence.text_signals,
   confidence.rate).

`select` runs stages 1 to 6; `extract` runs `select`, then 7 to 9.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from .. import confidence
from ..article import Article
from ..bylines import undoubled
from ..dates import find_date
from ..errors import NothingExtracted
from ..prose import MIN_ARTICLE_WORDS
from ..rules import SiteRules
from ..slug import slug_words
from ..sniff import Document, Kind
from ..stoplists import ISO, stoplist
from ..trace import Note, ignore, note_field
from .agreement import slug_unglued
from .blockmodel import reconsider
from .blocks import Block, MetaView, Role, as_line, as_text
from .byline import read_byline, written_by
from .evidence import RegionEvidence, read_evidence, text_signals
from .features import block_score, body_shape, measure
from .flat import flat_region_end
from .flatmeta import flat_byline, is_flat, labelled_date, opening_byline
from .furniture import mark_glued_teasers, mark_repeats
from .headline import find_headline, unglued
from .long_furniture import mark_disclaimer_runs
from .region import RegionChoice, apply_line_rules, choose_article_region
from .rejoin import flattened
from .relink import find_anchors, relink_blocks
from .render import render_markdown
from .revise import marks_items, revise_region, trim_edges
from .segment import first_lines, split_blocks

__all__ = ["extract", "select", "settle", "Selection"]

# words: a dated block of the byline window that the article did not keep is named "the date
# line" in `explain` when this short (longer, it is left as "not article text"; rule of thumb)
REPORTED_DATELINE_WORDS = 12
# passes: every page of the dev renderings settles in two or three; one still moving after
# these is no article (fuzz_settle: a page of repeated fragments, a new headline found inside
# the article at each reading, cut shorter each time)
MAX_SETTLE_PASSES = 6


def extract(doc: Document, site: SiteRules | None = None, note: Note = ignore,
            page_blocks: list | None = None, *, links: bool = False, images: bool = False) -> Article:
    """Clean a text scrape, with the site's text directives if any. For `explain`, `note`
    hears why blocks were dropped and `page_blocks` gets every block in order. With `links`
    or `images`, the Markdown keeps those the scrape marks (relink.relink_blocks). Raises
    NothingExtracted if no block looks like an article."""
    page = select(doc.text, site, note, page_blocks, url=doc.url)
    title, glued = unglued(page.title, doc.text) if page.title else (page.title, ())
    title = slug_unglued(title, page.slug, doc.text) if title else title  # "OperationsParis ..."
    byline = read_byline(page.view, page.title_at, ISO.get(page.language or ""))
    if glued and not byline.authors:  # "Headline by Jane Doe": a byline glued to the headline
        byline = replace(byline, authors=glued)
    if is_flat(doc.text.lstrip()):  # no line of its own: the words after the headline
        after = flat_byline(doc.text, title, ISO.get(page.language or ""))
        byline = replace(byline, authors=after.authors or byline.authors,
                         date=after.date or byline.date)
        if not byline.authors:  # the headline's place gave none: where the article starts
            opening = opening_byline(doc.text, page.body, title, ISO.get(page.language or ""))
            byline = replace(byline, authors=opening.authors, date=byline.date or opening.date)
        if not byline.date:  # "Published Jun 4, 2025" wherever it stands in the page's first half
            byline = replace(byline, date=labelled_date(doc.text, ISO.get(page.language or "")))
        # the headline, cut out as a line of its own (flat.unflatten), is no name
        byline = replace(byline, authors=tuple(name for name in byline.authors if name != title))
    elif not byline.authors:  # "Written by Jane Doe" below the article or in its author box
        byline = replace(byline, authors=written_by(page.view.shown, ISO.get(page.language or ""),
                                                    page.view.start))
    if note is not ignore:  # `explain` names the date line; cleaning needs no second look
        kept = {id(block) for block in page.body}
        for block in (page.view.shown[index] for index in byline.window):
            if find_date(block.text) and block.words <= REPORTED_DATELINE_WORDS and (
                    id(block) not in kept):
                note(block.text, "the date line")
    # "HeadlineHeadline": a headline printed twice; a two-word one may be a name ("Bye Bye")
    title = undoubled(title, min_words=3) if title else title
    try:
        body = settle(page.body, site, note)
    except NothingExtracted as err:  # what was found all the same (api.clean's allow_empty)
        err.article = Article(text="", markdown="", title=title, authors=byline.authors,
                              date=byline.date, language=ISO.get(page.language or ""),
                              url=doc.url, kind=Kind.TEXT, confidence=0.0,
                              rules=site.sources if site else ())
        raise
    shown = relink_blocks(body, find_anchors(doc.text, doc.url), links=links, images=images) if (
        links or images) else body
    text = as_text(body)
    note_field(note, "title", title, "headline" if title else "none",
               "a '#' heading, the <title> the scrape opens with, the line the URL's slug "
               "spells, or a line its byline follows"
               if title else "no headline-like line above the article")
    note_field(note, "authors", "; ".join(byline.authors) or None,
               "byline" if byline.authors else "none", "the byline near the headline or the opening"
               if byline.authors else "no byline near the headline or the opening")
    note_field(note, "date", byline.date, "date line" if byline.date else "none",
               "a date line near the headline, or one that says it is the publication date"
               if byline.date else "no date line near the headline (a page that shows none gets none)")
    return Article.from_body(
        text, render_markdown(shown), title, authors=byline.authors, date=byline.date,
        language=ISO.get(page.language or ""),
        description=next((b.text for b in body if b.role is Role.PARAGRAPH), None),
        url=doc.url, kind=Kind.TEXT, rules=site.sources if site else (),
        confidence=confidence.rate(Kind.TEXT, text_signals(
            page.evidence, body_shape(body, text), title, byline.authors, byline.date,
            doc.text) if page.evidence else {}))


@dataclass(frozen=True)
class Selection:
    """What `select` found on a page: the page as metadata is read in (`view`, the article
    starting at its region), the headline and where it stands in the view, the body, and
    how sure the region choice is (`evidence`: evidence.RegionEvidence, for the confidence) and
    how it was made (`choice`: region.RegionChoice)."""

    view: MetaView
    title: str | None
    title_at: int | None
    body: list[Block]
    language: str | None
    evidence: RegionEvidence | None = None  # how sure the region choice is (for the confidence)
    choice: RegionChoice = RegionChoice()  # how the region was chosen and ends (region.py)
    slug: tuple[str, ...] = ()  # the words of the page URL's slug (slug.slug_words), if known


def select(text: str, site: SiteRules | None, note: Note = ignore,
           page_blocks: list | None = None, rated: bool = True, url: str | None = None
           ) -> Selection:
    """Split, measure, choose the article region, find the headline (the page's `url`, when
    known, may witness it: slug.slug_words), revise the region (and, if `rated`, read the
    region's evidence for the confidence). Raises NothingExtracted."""
    text = first_lines(text)
    measured = split_blocks(text)
    language = measure(measured)
    mark_repeats(measured)
    mark_glued_teasers(measured)  # furniture patterns are matched later, and only near the article
    if page_blocks is not None:
        page_blocks += [b.text for b in measured]
    blocks = apply_line_rules(measured, site, note)
    if not any(b.words for b in blocks):
        raise NothingExtracted("no article text found")
    flat = is_flat(text.lstrip())
    if flat:  # a disclaimer's sentences, each a line of its own
        mark_disclaimer_runs(blocks)
    region = choose_article_region(blocks)
    if not flat:  # the block model's look again (flat scrapes: blockmodel.py)
        region = reconsider(blocks, region)
    else:  # what ends an article on a line of its own is glued to the next on a flat one
        region = flat_region_end(blocks, region)
    evidence = read_evidence(blocks, region) if rated else None
    stops = stoplist(language) if language else frozenset()
    # title, byline and date are looked for as if the site's strip_line lines were not there
    view = MetaView.of(blocks, region.start)
    # the URL's slug, a witness of the headline; not on a page flattened to a line or a few
    # (rejoin.flattened, split_blocks' rule, on the scrape's lines), whose "lines" are its
    # sentences (one says the slug's words as often as the headline)
    slug = () if flattened(len(text), text.count("\n") + 1) else slug_words(url, stops)
    headline = find_headline(text, blocks, region, view, stops, note, slug)
    start, end = headline.region.start, headline.region.end
    body = trim_edges(revise_region(blocks[start:end + 1], headline.revised, note,
                                    bare_lists=not marks_items(blocks)), note)
    if note is not ignore:
        for block in blocks[:start] + blocks[end + 1:]:
            note(block.text, f"outside the article region (score {block_score(block):+.0f})")
    body = [b for b in blocks[:start] if b.kept_by_rule] + body + [
        b for b in blocks[end + 1:] if b.kept_by_rule]
    if sum(b.words for b in body) < MIN_ARTICLE_WORDS:
        raise NothingExtracted("no article text found")
    return Selection(view.starting_at(start), headline.text, headline.at, body, language, evidence,
                     region.choice, slug)


def settle(body: list[Block], site: SiteRules | None, note: Note = ignore) -> list[Block]:
    """Cleaning the cleaned text again must change nothing. Reading the article alone, without
    the page around it, can still drop a block (a list that ended the region, a heading that
    now looks like a title): select again until the text stands still, and return that.
    Raises NothingExtracted when the article, read alone, is no article: what the page gave
    was too little, or held together only by the page around it (a heading, since taken as
    the title, that bridged a short sentence and a label; a bare list under a headline); or
    when it still changes after MAX_SETTLE_PASSES readings."""
    text = as_text(body)
    first = {as_line(block): block for block in body}  # keeps the scrape's own headings
    for _ in range(MAX_SETTLE_PASSES):
        try:
            again = select(text, site, rated=False).body
        except NothingExtracted:
            for block in body:
                note(block.text, "no article when the cleaned text is read again, alone")
            raise NothingExtracted("no article text found: what looked like one is not an "
                                   "article on its own") from None
        settled = as_text(again)
        if settled == text:
            return body
        if note is not ignore:
            kept = set(settled.split("\n"))
            for block in body:
                if as_line(block) not in kept:
                    note(block.text, "dropped when the cleaned article is read again, alone")
        body, text = [first.get(as_line(block), block) for block in again], settled
    for block in body:
        note(block.text, "the cleaned text changes each time it is read again, alone")
    raise NothingExtracted("no article text found: what looked like one changes each time it "
                           "is read on its own")
