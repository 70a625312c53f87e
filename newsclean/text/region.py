"""The article region: the site's line rules first (apply_line_rules), then the contiguous
run of blocks with the best total score (choose_region_with_furniture, features.best_run), read again
across a guide's entries, tables and checklists between its prose (with_entries, over
entries.mark_entries), then its cuts: at a
comments header or copyright line (cut_at_boundary), before a rail of teasers that repeat one
date line (cut_at_dated_teasers), at a rail's header over dated teasers (cut_at_dated_rail),
at a thread of dated comment bylines
(cut_at_comment_bylines); a look again at the best run before it when it is a comment
thread or a legal footer below a story (look_again); with a closing list the article
introduces (with_closing_list). When no run scores above zero, or the best is too short to
be an article, the longest run of sentences (choose_region_of_sentences). The Region carries
its RegionChoice (scores of the winner and the runner-up, boundary, share of prose), for a
confidence."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..dates import find_date
from ..errors import NothingExtracted
from ..patterns import FurnitureKind
from ..prose import MIN_ARTICLE_WORDS
from ..rules import SiteRules, line_verdicts
from ..trace import Note, ignore
from .blocks import Block, Role
from .byline import BYLINE, DATELINE_MAX_WORDS
from .cards import remark_card_repeats, unmark_card_repeats
from .entries import has_digit, mark_entries, mark_table_rows, shape
from .features import MIN_SENTENCE_WORDS, SHORT_PENALTY, best_run, block_score, is_prose
from .furniture import mark, with_furniture
from .long_furniture import mark_long_furniture
from .markup import IMAGE_LINE

# ---- the best run ----
REGION_MARGIN = 12      # blocks around the region whose furniture can move its edges (and title)
# passes of furniture matching around the region, at most; then the region is taken as it
# stands (a bound on the work; rule of thumb)
MAX_REGION_PASSES = 4

# ---- looking again: an earlier run that is the story ----
# (the best run past a comment thread's header, or a site's legal footer, can outscore a short
# story above it; an earlier run is looked at when it is an article's worth of text,
# WORDS_BEFORE_BOUNDARY points or more)
DATELINE_REACH = 3  # blocks: a story's date line stands this close above its first paragraph
FOOTER_REACH = 3  # blocks: a legal footer's copyright line this close below it
# an earlier story under its date line wins over a footer scoring up to this many times more
FOOTER_ODDS = 2.0
# a thread's first comment may be this many times its longest other one (a story above a
# thread: ten times and more on the dev renderings)
THREAD_ODDS = 2.0

# ---- cuts at the region's end ----
# ("related" is no boundary: "Related: ..." and "Read more: ..." teasers sit inside articles;
# a "Comments" header or a copyright line ends an article, nearly always)
BOUNDARY_FURNITURE = (FurnitureKind.COMMENTS, FurnitureKind.COPYRIGHT)
# a copyright line that ends an article says so: a sign, a year, "rights reserved", or names
# the site's page in a word or two ("Copyright Policy"); a line that opens with the word and
# goes on is a subheading or a source's title ("Copyright Complexity in a Fragmented World").
# A credit ("© Acme Inc. — used by permission") stands under a table or a picture, inside.
LEGAL = re.compile(r"©|\(c\)|\b\d{4}\b|rights|reserved|vorbehalten|réservés|reservados", re.IGNORECASE)
LEGAL_NAME_WORDS = 3  # "Copyright Notice", "Copyright Policy", "COPYRIGHT top"
CREDIT = re.compile(r"(used|reproduced|reprinted) (by|with) (kind )?permission", re.IGNORECASE)
WORDS_BEFORE_BOUNDARY = 50  # a teaser and a paragraph; a "Comments" line above that is a header
# words: a short post under its date line ("Next week we start the seedlings.") ends at a
# comments header above a thread, COMMENT_BYLINES comments or more each under its date line
# (a comment counter above a story's text stands over no dated comments; rule of thumb)
SHORT_POST_WORDS = 20
TEASER_DATES = 3  # one date line, word for word, under this many teasers: a rail
LABEL_WORDS = 3  # "More from the Herald", "Politics", "Hong Kong"
FILE_NAME = re.compile(r"\[[^\s\[\]]+\]")  # a picture a terminal browser names by its file
# dated bylines after the article's text: a thread of comments (an article has one byline;
# two may be an update; rule of thumb)
COMMENT_BYLINES = 3
# a link to the rest of the story above it ("Read more", "See more"): no rail's header (a
# listing's first entry ends with one, and its other entries follow, dated)
READ_ON = re.compile(r"(read|see|watch|listen|view) (more|on|all|next)\b", re.IGNORECASE)

# ---- a list the article closes with ----
# lines: a shorter list after "Tour dates:" is left to the score (rule of thumb)
MIN_LIST_LINES = 3
SAME_SHAPE_SHARE = 0.7  # of a list's lines, those laid out alike ("June 9 -- Arena, City")
# words: a longer line is a paragraph, not a list entry (rule of thumb)
LIST_LINE_MAX_WORDS = 20
# a list line's own number: "1) ", "2. ", "3 - "
NUMBER = re.compile(r"(\d{1,3})\s?[.):-]\s")

# ---- a table the article closes with ----
# blocks between the article's last paragraph and its table's first row, at most: the
# table's title and its header (rule of thumb)
TABLE_REACH = 8
# lines between two runs of a table's rows, at most: a section's title and header ("Bottom
# Large Cities Score*"); more, and the table ended
TABLE_BREAK = 3
# a menu entry's count ("Decluttering (72)", "Guides [82]"): no number of a table's
COUNT = re.compile(r"\s*[(\[]\d+[)\]]$")


class Choice:
    """How the region was chosen (RegionChoice.how)."""

    BEST_RUN = "best run"  # the run with the best total score
    BEFORE_THREAD = "before a comment thread"  # the story above a thread that outscored it
    UNDER_DATELINE = "under its date line"  # the dated story above a legal footer
    SENTENCES = "sentences"  # nothing scored: the longest run of sentences


class Boundary:
    """What ends the region (RegionChoice.boundary), strongest first."""

    MARKED = "marked"  # a comments header, a copyright line, a comment thread, a dated rail
    LIST = "closing list"  # the list the article introduces at its close
    PAGE_END = "page end"  # the page ends with it
    SCORE = "score"  # what follows costs more than it brings: no mark (weakest)


@dataclass(frozen=True)
class RegionChoice:
    """What the region choice rests on, for a confidence (stable: read by callers; fields
    are only ever added). Scores are block_score totals, a word of prose 1 point.

    - score: the region's total; runner_up: the best total of a run outside it (0.0: none);
    - boundary: a Boundary value, how the region ends;
    - prose_share: of the region's words, the share in prose blocks (features.is_prose);
    - how: a Choice value, how the region was found."""

    score: float = 0.0
    runner_up: float = 0.0
    boundary: str = Boundary.SCORE
    prose_share: float = 0.0
    how: str = Choice.BEST_RUN


@dataclass(frozen=True)
class Region:
    """The article region: the page's blocks[start:end + 1] (page indexes), and the evidence
    it was chosen on (not part of its identity)."""

    start: int
    end: int
    choice: RegionChoice = field(default=RegionChoice(), compare=False)


def choose_article_region(blocks: list[Block]) -> Region:
    """The best-scoring run, cut where an article ends, with the list that closes it; the
    longest run of sentences when nothing scores, or when what scores best is too short to be
    an article. Raises NothingExtracted."""
    mark_long_furniture(blocks)  # however long: a disclaimer, an archive of months
    # a credit under each card: crossed, then dropped (not where a dated story is elsewhere)
    cards = unmark_card_repeats(blocks, dated_above)
    start, cut, scores = with_entries(blocks, *scored_region(blocks))
    end = cut_at_end(blocks, start, cut)
    start, end, how = look_again(blocks, scores, start, end, cut)
    marked = end < cut if how == Choice.BEST_RUN else True
    if sum(scores[start:end + 1]) <= 0:
        start, end = choose_region_of_sentences(blocks)
        how, scores = Choice.SENTENCES, [block_score(block) for block in blocks]
    elif sum(b.words for b in blocks[start:end + 1]) < MIN_ARTICLE_WORDS:
        # one short sentence that scores (its language guessed from a few words) among
        # sentences that do not: no article either way, unless the run of sentences is one.
        # Without this, an article that read as sentences on its page is not one on its own.
        try:
            start, end = choose_region_of_sentences(blocks)
            how, scores = Choice.SENTENCES, [block_score(block) for block in blocks]
        except NothingExtracted:
            pass  # the short run stands, and is found too short (but for a keep_line's lines)
    listed = with_closing_list(blocks, end)
    listed = with_closing_table(blocks, listed) if listed == end else listed
    boundary = (Boundary.MARKED if marked or (end + 1 < len(blocks) and blocks[end + 1].furniture
                                              in BOUNDARY_FURNITURE)
                else Boundary.LIST if listed > end else Boundary.PAGE_END
                if listed + 1 >= len(blocks) else Boundary.SCORE)
    remark_card_repeats(cards)
    return Region(start, listed, evidence(blocks, scores, start, listed, boundary, how))


def with_entries(blocks: list[Block], start: int, end: int,
                 scores: list[float]) -> tuple[int, int, list[float]]:
    """The region read again with a guide's entries and tables marked (mark_entries), when it
    then holds the region found without them, cut where an article ends (cut_at_end), and
    starts where it did if that stands under its date line: the entries between its prose are
    crossed, never a run of their own (a menu's teasers under their "Read more", a catalogue
    below a short article), nor is a story's top moved up (a product menu above it).
    The region as found otherwise, its entries unmarked."""
    if not mark_entries(blocks, start):
        return start, end, scores
    wider = scored_region(blocks)
    top = start if dated_above(blocks, start) else wider[0]  # a story's top stays its top
    if top == wider[0] <= start and wider[1] >= end and cut_at_end(blocks, *wider[:2]) >= cut_at_end(
            blocks, start, end):  # and its cuts keep it ("© ..." under a table is no footer)
        return wider
    for block in blocks:
        block.entry = block.row = block.record = False
    return start, end, [block_score(block) for block in blocks]


def cut_at_end(blocks: list[Block], start: int, end: int) -> int:
    """The run's end, cut where an article ends: a comments header or copyright line, a
    dated rail, a thread of comment bylines."""
    end = cut_at_boundary(blocks, start, end)
    end = cut_at_dated_teasers(blocks, start, end)
    end = cut_at_dated_rail(blocks, start, end)
    return cut_at_comment_bylines(blocks, start, end)


def evidence(blocks: list[Block], scores: list[float], start: int, end: int, boundary: str,
             how: str) -> RegionChoice:
    """The region's evidence (RegionChoice): its score, the best run outside it, its
    boundary, its share of prose (`scores`: each block's block_score)."""
    outside = [best_total(scores[:start]), best_total(scores[end + 1:])]
    words = sum(b.words for b in blocks[start:end + 1])
    prose = sum(b.words for b in blocks[start:end + 1] if is_prose(b))
    return RegionChoice(score=sum(scores[start:end + 1]), runner_up=max(0.0, *outside),
                          boundary=boundary, prose_share=prose / words if words else 0.0,
                          how=how)


def best_total(scores: list[float]) -> float:
    """The total of the best run of `scores` (0.0 when empty)."""
    if not scores:
        return 0.0
    start, end = best_run(scores)
    return sum(scores[start:end + 1])


def look_again(blocks: list[Block], scores: list[float], start: int, end: int,
               uncut: int) -> tuple[int, int, str]:
    """The best run before the winner, when the winner is what follows a story: a comment
    thread (a comments header stands between them, the earlier run stands under its date
    line, and the winner, before its cuts (`uncut`, its last block), is a thread from its
    start; a forum's question and answers are no story and its thread: no date line above
    a question, or a site's blurb), or a site's legal footer (a
    copyright line right below it, no date line above it, where the earlier run stands
    under its date line and scores at least 1/FOOTER_ODDS of it). Furniture is matched on
    the blocks it reads, and `scores` (each block's block_score) kept up to date. The winner
    otherwise."""
    if start == 0:
        return start, end, Choice.BEST_RUN
    first, last = best_run(scores[:start])
    earlier = sum(scores[first:last + 1])
    if earlier < SHORT_POST_WORDS or earlier < WORDS_BEFORE_BOUNDARY and not dated_above(
            blocks, first):  # furniture would only lower it; a short post is dated
        return start, end, Choice.BEST_RUN
    for index in range(first, start):  # the earlier run and the gap, as the region's window is
        if not blocks[index].matched:
            with_furniture(blocks[index])
            scores[index] = block_score(blocks[index])
    first, last = best_run(scores[:start])
    last = cut_at_end(blocks, first, last)
    total = sum(scores[first:last + 1])
    header = next((index for index in range(last + 1, start)
                   if blocks[index].furniture == FurnitureKind.COMMENTS), None)
    if header is not None and total >= SHORT_POST_WORDS and dated_above(blocks, first) and (
            thread_from_start(blocks, start, uncut) if total >= WORDS_BEFORE_BOUNDARY
            else dated_thread(blocks, header + 1, uncut)):  # a short post: a thread of dated comments
        return first, last, Choice.BEFORE_THREAD
    if total < WORDS_BEFORE_BOUNDARY:
        return start, end, Choice.BEST_RUN
    footer = any(b.furniture == FurnitureKind.COPYRIGHT for b in blocks[end + 1:end + 1 + FOOTER_REACH])
    winner = sum(scores[start:end + 1])
    if footer and total * FOOTER_ODDS >= winner and dated_above(blocks, first) and not dated_above(
            blocks, start):
        return first, last, Choice.UNDER_DATELINE
    return start, end, Choice.BEST_RUN


def thread_from_start(blocks: list[Block], start: int, end: int) -> bool:
    """The run is a comment thread from its start: comment headers in it, and before the first
    no more prose than THREAD_ODDS times its longest comment (a story's "124 Comments"
    counter stands above far more prose than any comment under it)."""
    stretches = [0]  # prose words before the first comment header, then after each
    for block in blocks[start:end + 1]:
        if block.furniture == FurnitureKind.COMMENTS:
            stretches.append(0)
        elif is_prose(block):
            stretches[-1] += block.words
    return len(stretches) > 1 and stretches[0] <= THREAD_ODDS * max(WORDS_BEFORE_BOUNDARY,
                                                                    *stretches[1:])


def dated_above(blocks: list[Block], index: int) -> bool:
    """A date line (a short block with a date) stands DATELINE_REACH blocks or fewer above
    blocks[index], with no prose nor a table's row (entries.mark_table_rows) between."""
    for block in reversed(blocks[max(0, index - DATELINE_REACH):index]):
        if is_prose(block) or block.row:  # a table's last row ("12/1/2024 +1.2%") is no date line
            return False
        if block.words <= DATELINE_MAX_WORDS and find_date(block.text) is not None:
            return True
    return False


def apply_line_rules(blocks: list[Block], site: SiteRules | None, note: Note = ignore) -> list[Block]:
    """Drop what strip_before/strip_after cut off; mark what strip_line (or a neighbour
    directive, strip_previous_line or strip_next_line) names as furniture
    (dropped, but still a barrier the article region does not cross, as a menu would be) and
    what keep_line names as kept."""
    verdicts = line_verdicts([b.text for b in blocks], site)
    if not any(verdicts):
        return blocks
    kept = []
    for block, verdict in zip(blocks, verdicts):
        if verdict is None:
            kept.append(block)
        elif verdict.keep:
            block.furniture, block.kept_by_rule = None, True
            kept.append(block)
        else:
            note(block.text, f"site rule {verdict.source}")
            if verdict.line_rule:  # a strip_line: never a boundary, as a cut's lines are gone
                mark(block, FurnitureKind.SITE_RULE, f"site rule {verdict.source}")
                kept.append(block)
    return kept


def choose_region_with_furniture(blocks: list[Block]) -> tuple[int, int]:
    """The run of blocks with the best total score, matching furniture patterns only on the
    blocks that can change it: those in and around the region (menus far from the article
    need no regex). Fills in `blocks` in place; stops when the region no longer moves."""
    start, end, _ = scored_region(blocks)
    return start, end


def scored_region(blocks: list[Block]) -> tuple[int, int, list[float]]:
    """choose_region_with_furniture, and each block's block_score as it then stands."""
    scores = [block_score(block) for block in blocks]  # a pass rescores only what it marked
    start, end = best_run(scores)
    for _ in range(MAX_REGION_PASSES):
        window = range(max(0, start - REGION_MARGIN), min(len(blocks), end + REGION_MARGIN + 1))
        changed = False
        for index in window:
            if not blocks[index].matched and not blocks[index].kept_by_rule:
                with_furniture(blocks[index])
                scores[index] = block_score(blocks[index])
                changed = True
        if not changed:
            break
        start, end = best_run(scores)
    return start, end, scores


def choose_region_of_sentences(blocks: list[Block]) -> tuple[int, int]:
    """When nothing reads like prose (results tables, match reports, lists of facts): the
    longest run of sentences, stopwords or not. Raises NothingExtracted if there is none."""
    for block in blocks:
        with_furniture(block)
    scores = [block_score(block) if block.furniture or block.kept_by_rule
              else float(block.words) if block.sentence_like and block.words >= MIN_SENTENCE_WORDS
              else -SHORT_PENALTY for block in blocks]
    start, end = best_run(scores)
    if sum(scores[start:end + 1]) <= 0:
        raise NothingExtracted("no article text found: no block reads like prose")
    return start, end


def cut_at_boundary(blocks: list[Block], start: int, end: int) -> int:
    """End the region at the first comments header or copyright line, once an
    article's worth of text came before it: what follows such a line is never the article,
    even when it reads like prose (comment threads, teaser summaries). A short post under its
    date line ends at a comments header over a thread of dated comments (dated_thread)."""
    words, short = 0, None  # short: whether the run is a short post under its date line
    for index in range(start, end + 1):
        block = blocks[index]
        if ends_article(block) and words >= WORDS_BEFORE_BOUNDARY:
            return index - 1
        if block.furniture == FurnitureKind.COMMENTS and words >= SHORT_POST_WORDS and (
                short := dated_above(blocks, start) if short is None else short) and dated_thread(
                blocks, index + 1, end):
            return index - 1
        if is_prose(block):
            words += block.words
    return end


def ends_article(block: Block) -> bool:
    """A comments header, or a copyright line that reads as a page's legal line (LEGAL, or a
    name of a few words), no credit (CREDIT)."""
    if block.furniture != FurnitureKind.COPYRIGHT:
        return block.furniture == FurnitureKind.COMMENTS
    return (block.words <= LEGAL_NAME_WORDS or LEGAL.search(block.text) is not None) and (
        CREDIT.search(block.text) is None)


def dated_thread(blocks: list[Block], start: int, end: int) -> bool:
    """blocks[start:end + 1] open with a thread: COMMENT_BYLINES comments or more, each a
    date line (a commenter's, "March 4, 2024 at 10:10 am") and prose under it, before any
    other prose."""
    comments, dated = 0, False
    for block in blocks[start:end + 1]:
        if dateline(block):
            dated = True
        elif is_prose(block):
            if not dated:
                return comments >= COMMENT_BYLINES
            comments, dated = comments + 1, False
    return comments >= COMMENT_BYLINES


def cut_at_dated_teasers(blocks: list[Block], start: int, end: int) -> int:
    """End the region before a rail of teasers that each carry the same date line
    ("Tuesday November 19, 2019" under every one), once an article's worth of text came
    before it: an article does not repeat a date line three times; a rail's summaries read
    as prose, and would otherwise run on as the article. Not for field stamps ("Last checked:
    2025-10-28" beside each product) nor pictures named by their date ("[Screenshot-2025-
    10-22]"), nor where the repeated dates do not fall down the page (an events calendar, a
    forum's posts, a listing's stamps; a rail lists the newest first, after a lone teaser of
    another day, a "Read this next", at most)."""
    seen: dict[str, list[int]] = {}  # date line -> where it stands
    days: dict[str, str] = {}  # date line -> its date
    for index in range(start, end + 1):
        block = blocks[index]
        if block.words <= DATELINE_MAX_WORDS and not block.sentence_like and (
                ":" not in block.text and not FILE_NAME.fullmatch(block.text)
                and (day := find_date(block.text)) is not None):
            seen.setdefault(block.text, []).append(index)
            days[block.text] = day
    repeated = sorted((found[0], days[text]) for text, found in seen.items()
                      if len(found) >= TEASER_DATES)
    order = [day for _, day in repeated]
    if not repeated or not (order == sorted(order, reverse=True) or len(order) > 2 and (
            order[1:] == sorted(order[1:], reverse=True))):  # a lone teaser of another day first
        return end  # none; or a calendar, dates rising as its entries go on (rails: newest first)
    cut = repeated[0][0]
    if sum(b.words for b in blocks[start:cut] if is_prose(b)) < WORDS_BEFORE_BOUNDARY:
        return end
    # back over the teasers before it that carry no date: their headlines, pictures and
    # summaries (a rail's repeated summaries are furniture), up to the rail's header or the
    # article's tags, a label of a few words
    while cut > start and not is_prose(blocks[cut - 1]) and blocks[cut - 1].words > LABEL_WORDS:
        cut -= 1
    return max(start, cut - 1)


def cut_at_dated_rail(blocks: list[Block], start: int, end: int) -> int:
    """End the region at a rail's header ("Latest News", "You might also like") over
    TEASER_DATES teasers or more, each with its date line, once an article's worth of text
    came before it, and less prose after its last date line than the article before it (a
    rail runs on to the region's end). A box inside the story ("Related: ...", "Also read:")
    is no rail's header: the story goes on after it; nor is a "Read more" link (READ_ON). Nor
    do dates that rise (or stand on one day) make a rail: a thread's posts, oldest first."""
    words = 0
    for index in range(start, end + 1):
        block = blocks[index]
        if (block.furniture == FurnitureKind.RELATED and words >= WORDS_BEFORE_BOUNDARY
                and ":" not in block.text and block.words <= LABEL_WORDS + 2
                and not READ_ON.match(block.text)):
            teasers = [0]  # prose words before the first date line, then after each
            days: list[str] = []
            for after in blocks[index + 1:end + 1]:
                if dateline(after):
                    teasers.append(0)
                    days.append(find_date(after.text) or "")
                elif is_prose(after):
                    teasers[-1] += after.words
            if len(teasers) > TEASER_DATES and teasers[-1] < words and days != sorted(days):
                return index - 1
        if is_prose(block):
            words += block.words
    return end


def dateline(block: Block) -> bool:
    """A short line with a date that is no sentence ("March 29, 2025", "By Jane Doe, May 2")."""
    return block.words <= DATELINE_MAX_WORDS and not block.sentence_like and (
        find_date(block.text) is not None)


def cut_at_comment_bylines(blocks: list[Block], start: int, end: int) -> int:
    """End the region at a thread of comments, each under a dated byline ("by jdoe (1234)
    writes: on Friday December 19, 2025 @08:08PM"), once an article's worth of text came
    before the first: an article has one byline, at its top."""
    words, first, count = 0, None, 0
    for index in range(start, end + 1):
        block = blocks[index]
        if block.words <= DATELINE_MAX_WORDS and BYLINE.match(block.text) and (
                find_date(block.text) is not None):
            if words >= WORDS_BEFORE_BOUNDARY:
                first = index if first is None else first
                count += 1
        elif is_prose(block) and first is None:
            words += block.words
    if first is None or count < COMMENT_BYLINES:
        return end
    return first - 1


def with_closing_list(blocks: list[Block], end: int) -> int:
    """The region's end, moved past a list the article introduces at its close ("Tour
    dates:", then a line per date; "Our picks:", then "1) ...", "2) ..."): short lines laid
    out alike or numbered in order, which score as a menu would, each entry's picture passed
    over. A menu has no such introduction; a rail's header is furniture and stops it."""
    intro = end if blocks[end].text.endswith(":") else end + 1
    if intro >= len(blocks) or not blocks[intro].text.endswith(":") or blocks[intro].furniture:
        return end
    run, at = [], []
    for index in range(intro + 1, len(blocks)):
        block = blocks[index]
        if block.text[0] == "[" and IMAGE_LINE.fullmatch(block.text):
            with_furniture(block)  # an entry's picture, as a terminal browser shows it: dropped
            continue
        if block.furniture or is_prose(block) or not 2 <= block.words <= LIST_LINE_MAX_WORDS:
            break
        run.append(block)
        at.append(index)
    numbered = numbered_in_order(run)
    if numbered >= MIN_LIST_LINES:  # the list ends where its numbers do
        run = run[:numbered]
    elif len(run) < MIN_LIST_LINES or Counter(shape(block.text) for block in run).most_common(
            1)[0][1] < SAME_SHAPE_SHARE * len(run):
        return end
    for block in run:  # kept as the list they are
        block.role = Role.ITEM
    return at[len(run) - 1]


def numbered_in_order(run: list[Block]) -> int:
    """How many of the lines open with their number, each one more than the line before's
    ("1) ...", "2. ..."), from the first."""
    count, expected = 0, None
    for block in run:
        number = NUMBER.match(block.text)
        if number is None or expected not in (None, int(number.group(1))):
            break
        expected = int(number.group(1)) + 1
        count += 1
    return count


def with_closing_table(blocks: list[Block], end: int) -> int:
    """The region's end, moved past a table that follows the article's last paragraph
    (a report's rankings, a catalogue's index): its rows (entries.mark_table_rows: five lines
    or more laid out alike, or a table printed a cell a line) under its title (a line or more;
    rows right under the text, untitled, are left to with_closing_list's introduction), the
    first TABLE_REACH blocks or fewer below, runs of them TABLE_BREAK lines apart or fewer,
    most rows with a number besides their own and a count ("1. San Jose, CA 84.7", not a
    numbered rail's "1. Mayor says ...", nor a menu's "Guides (82)"). Prose and furniture (a
    rail's header, a footer's copyright) end the look. The title and headers are kept with
    the rows (Block.row), so that the article read again alone finds the same table. The end
    as it was otherwise."""
    if not is_prose(blocks[end]):
        return end
    stretch = []
    for block in blocks[end + 1:]:
        if is_prose(block) or block.furniture:
            break
        stretch.append(block)
    unmarked = {id(block) for block in stretch if not block.row}  # the rows this look marks
    while True:  # furniture is matched on a table found only (most pages have none)
        last = table_end(stretch, end)
        for block in stretch[:last - end]:
            with_furniture(block)
        cut = next((offset for offset, block in enumerate(stretch[:last - end]) if block.furniture),
                   None)
        if cut is None:
            break
        for block in stretch:
            if id(block) in unmarked:
                block.row = False
        stretch = stretch[:cut]  # the table ends before a rail's header, a footer's line
    for block in stretch[last - end:]:  # what follows the table stays as it was
        if id(block) in unmarked:
            block.row = False
    for block in stretch[:last - end]:  # its title and headers kept with it, as they are
        block.row = True
    return last


def table_end(stretch: list[Block], end: int) -> int:
    """with_closing_table's look over the blocks after blocks[end]: the last row of the table
    there (its rows marked), or `end`."""
    mark_table_rows(stretch)
    last, gap, table = end, 0, []
    for index, block in enumerate(stretch, end + 1):
        if block.row and (last > end or index - end <= TABLE_REACH and not stretch[0].row):
            last, gap = index, 0
            table.append(block)
        elif last > end:
            gap += 1
            if gap > TABLE_BREAK:
                break
        elif index - end > TABLE_REACH:
            break
    numbers = sum(has_digit(COUNT.sub("", NUMBER.sub("", row.text, count=1))) for row in table)
    return end if numbers * 2 <= len(table) else last  # a numbered rail, a menu's counts
