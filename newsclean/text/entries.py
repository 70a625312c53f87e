"""A guide's entries, tables and checklists between an article's paragraphs (mark_entries):
the lines that cost a run Block.entry's or Block.row's price (features.ENTRY_PENALTY) instead
of a menu item's, and a directory's records (Block.record) that cost nothing, so that the
region reads across them (region.with_entries). Each kind is told by its layout: labels the
page repeats under each entry, rows laid out alike with a number, clauses with no full stop in
a list or under a heading, records that repeat their labels beside a phone number each."""
from __future__ import annotations

import re
from collections import Counter

from ..dates import find_date
from ..patterns import FurnitureKind
from ..prose import MAX_LINK_SHARE
from .blocks import Block, Role
from .byline import DATELINE_MAX_WORDS
from .features import PROSE_STOP_RATIO, is_prose
from .markup import IMAGE_LINE

# ---- a guide's entries ----
# gaps between prose that hold the same label (digits aside: "Pros", "Founded in 2011", "Get a
# Quote (212) 203-0280") this many times or more: a guide's entries, each the same template of
# labels, lists and tables around its prose; their lines cost features.ENTRY_PENALTY
ENTRY_REPEATS = 3
ENTRY_LABELS = 2  # such labels in a gap: a template ("Pros" and "Cons"), not a lone "View all"
ENTRY_PROSE_WORDS = 30  # words of prose after a gap: an entry's text, more than a card's blurb
# rows: a table between prose, lines laid out alike that each hold a number ("1/1/2013 +13.1%",
# "3 | UPenn Wharton | 3"), this many in a row or more, costs the same as a guide's entries (a
# menu's lines hold no numbers; rule of thumb)
TABLE_ROWS = 5
# a table printed a cell a line (a crude scraper's text nodes: "1", "Chicago Booth", "37% / 40%",
# "$175,000", ...): this many short lines in a row or more (three rows of five cells), of
# CELL_WORDS words or fewer, this share of them a number alone, no letter in it (a menu's
# lines are words, "Page 2" too; a rail's date lines name their month)
CELL_LINES = 15
CELL_WORDS = 8  # words: a longer line is a sentence or a label, no cell
CELL_NUMBER_SHARE = 0.5  # of the run's lines, those a number alone ("729", "$175,000")
# of those lines, this share or more different from each other: a table's cells vary, a star
# rating widget's "1" to "5" over and over do not
CELL_DISTINCT_SHARE = 0.5
DIGITS = re.compile(r"\d+")
DIGIT = re.compile(r"\d")  # a decimal digit (str.isdecimal), a digit of every script
# a checklist between prose: lines that read as clauses (CLAUSE_WORDS words or more, stopwords
# among them, in sentence case: "Draw up a budget for the reception") this many in a gap or
# more, and this share of its lines, cost the same as a guide's entries (a menu's entries and
# a rail's headlines are labels or title case; rule of thumb)
CLAUSE_LINES = 3
CLAUSE_SHARE = 0.4  # of the gap's lines but pictures: clauses (headings and pictures between)
CLAUSE_WORDS = 6  # words: a shorter line is a label ("Book photographer")
CLAUSE_MAX_CAPS = 0.34  # of a clause's words after its first, those with a capital initial
# words: a checklist's heading ("Six months before", "When you start planning"), two or more
# (a menu's entries: one); its clauses are list items or stand under one (a rail's headlines
# stand alone); a line that ends with a full stop is a sentence, no heading ("Nowadays, plague
# is easily treated." over a gallery's captions; "What to pack?" is one)
HEADING_WORDS = 8
# a rail's header ("Most Read", "You might also like": related furniture of up to this many
# words, no colon) or a date line ("First Published on Nov 20, 2019") in a gap: the article
# ended there, and the clauses around it are a rail's headlines; no checklist
RAIL_HEADER_WORDS = 5

# a directory's records between prose ("Marina Counseling Center", "2137 Lombard St.", "(415)
# 563-2137", "Psychotherapy", "Fees based on income", and so on for each provider): gaps joined
# across short prose (under ENTRY_PROSE_WORDS: a record's note) that repeat ENTRY_LABELS lines
# or more ENTRY_REPEATS times or more, digits aside, one of them a number of each record's own
# (a phone: the same layout, different digits, RECORD_NUMBERS times or more), those
# lines RECORD_SHARE of the stretch's short lines (RECORD_WORDS words or fewer) or more, no
# rail's header nor date line among them (a rail's teasers repeat "Read more" under their dates)
RECORD_NUMBERS = 5
# digit groups in that number, and no letter: a phone's "(415) 563-2137" three; a rail's counter
# ("1", "2", ... beside each "Previous") one, a rail's "Opening Bell 10.29.19" words
RECORD_NUMBER_PARTS = 2
RECORD_SHARE = 0.3  # of the stretch's short lines, those that repeat a label (see above)
RECORD_WORDS = 12  # words: a record's line ("Scale: $35-110 per session"); a longer one is a note

# the separators that give a list line its layout ("June 9 -- Arena, City", "$12 / 45%")
SHAPE_MARKS = frozenset("–—-@:|,•·/()$%")


def mark_entries(blocks: list[Block], below: int = 0) -> bool:
    """Mark the lines of a guide's entries (Block.entry): the gaps between prose blocks
    (every block in between is no prose), each followed by ENTRY_PROSE_WORDS of prose or more,
    that each hold ENTRY_LABELS labels or more that the page repeats in ENTRY_REPEATS such
    gaps, digits aside ("Features", "Pros", "Cons" under each of eight products). A menu
    repeats its labels with no prose between; a product grid's blurbs are a line each. In the
    other gaps, the rows of tables (mark_table_rows), and checklists in those below
    blocks[below] (mark_checklist: a numbered rail of headlines above a story reads as one).
    Returns whether any block was marked."""
    gaps: list[list[Block]] = []  # each gap, then the prose words after it
    prose: list[int] = []
    current: list[Block] | None = None  # None before the first prose block
    first = None  # the first gap after a prose block at blocks[below] or below it
    for index, block in enumerate(blocks):
        if is_prose(block):
            if current:
                gaps.append(current)
                prose.append(0)
            if index >= below and first is None:
                first = len(gaps)
            if prose:
                prose[-1] += block.words
            current = []
        elif current is not None and block.words:
            current.append(block)
    # (the blocks after the last prose block are no gap: nothing follows them)
    keys = [{DIGITS.sub("#", b.text) for b in gap if not b.furniture} if words >= ENTRY_PROSE_WORDS
            else set() for gap, words in zip(gaps, prose)]
    counts = Counter(key for gap in keys for key in gap)
    labels = {key for key, count in counts.items() if count >= ENTRY_REPEATS}
    marked = False
    first = len(gaps) if first is None else first
    listed = [False] * len(gaps)  # the gaps marked as a guide's entries or a checklist
    for number, (gap, gap_keys) in enumerate(zip(gaps, keys)):
        if len(gap_keys & labels) >= ENTRY_LABELS:
            marked = listed[number] = True
            for block in gap:
                block.entry = True
        else:  # a table's rows, then a checklist around them
            listed[number] = number >= first and mark_checklist(gap)
            marked = mark_table_rows(gap) | listed[number] or marked
    for stretch in record_stretches(gaps, prose, first):
        if mark_records(stretch):
            marked = True
    # a checklist's short gaps between its long ones (a prose item splits it anywhere), from
    # one to the next down the list (a forum's posts between their labels too), next to a
    # marked gap; never a table's rows' neighbours, nor past a rail's header (railed: else the
    # marks run on down the page's rails and footer)
    for number in range(first + 1, len(gaps) - 1):
        gap = gaps[number]
        if (listed[number - 1] or listed[number + 1]) and not any(
                b.entry or b.row for b in gap) and any(map(clause_line, gap)) and not railed(
                gap, dated=False):
            listed[number] = True
            for block in gap:
                block.entry = True
    return marked


def record_stretches(gaps: list[list[Block]], prose: list[int], first: int) -> list[list[Block]]:
    """The gaps from gaps[first] on, those with less than ENTRY_PROSE_WORDS of prose between
    them joined (a record's note in a sentence: "Services are free for SF residents")."""
    stretches: list[list[Block]] = []
    joined = False
    for number in range(first, len(gaps)):
        if joined:
            stretches[-1].extend(gaps[number])
        else:
            stretches.append(list(gaps[number]))
        joined = prose[number] < ENTRY_PROSE_WORDS
    return stretches


def mark_records(stretch: list[Block]) -> bool:
    """Mark a directory's records (Block.record): short lines that repeat ENTRY_LABELS labels
    or more ENTRY_REPEATS times or more each, digits aside, one of them a number that differs
    in each record (RECORD_NUMBERS different), RECORD_SHARE of the short lines; not railed.
    The lines up to the last label are marked. Returns whether they were."""
    lines = [block for block in stretch if not (block.furniture or block.entry or block.row)
             and block.words <= RECORD_WORDS and not is_prose(block)]
    keys = Counter(DIGITS.sub("#", block.text) for block in lines)
    labels = {key for key, count in keys.items() if count >= ENTRY_REPEATS}
    if len(labels) < ENTRY_LABELS or sum(keys[key] for key in labels) < RECORD_SHARE * len(lines):
        return False
    numbers = {key: {block.text for block in lines if DIGITS.sub("#", block.text) == key}
               for key in labels if key.count("#") >= RECORD_NUMBER_PARTS and not any(
                   map(str.isalpha, key))}
    if not any(len(texts) >= RECORD_NUMBERS for texts in numbers.values()) or railed(stretch):
        return False
    last = max(index for index, block in enumerate(lines) if DIGITS.sub("#", block.text) in labels)
    for block in lines[:last + 1]:  # the records, not a menu after the last
        block.record = True
    return True


def mark_checklist(gap: list[Block]) -> bool:
    """Mark the lines of a checklist in a gap between prose (Block.entry): CLAUSE_LINES lines
    or more that read as clauses (clause_line), fewer than half of them over a sentence (a
    rail's headline over its summary), CLAUSE_SHARE of the gap's lines or more, half of them
    list items or under a heading; its headings and short lines with them. Returns whether it
    was."""
    if railed(gap):
        return False
    lines = [block for block in gap if not (block.furniture or block.row)]
    clauses = [clause_line(block) for block in lines]
    # a rail's headlines each stand over a summary, a sentence; a list's items over items
    summarised = sum(clause and after.sentence_like for clause, after in zip(clauses, lines[1:]))
    if sum(clauses) < CLAUSE_LINES or summarised * 2 >= sum(clauses) or sum(clauses) < CLAUSE_SHARE * sum(
            not (block.text[0] == "[" and IMAGE_LINE.fullmatch(block.text)) for block in lines):
        return False
    # a list's items, or clauses under a heading: a rail's headlines stand alone
    items = sum(block.role is Role.ITEM for block, clause in zip(lines, clauses) if clause)
    headed = any(not clause and 1 < block.words <= HEADING_WORDS and not block.text.endswith(".")
                 and after for block, clause, after in zip(lines, clauses, clauses[1:]))
    if not headed and items * 2 < sum(clauses):
        return False
    for block in lines:
        block.entry = True
    return True


def railed(gap: list[Block], dated: bool = True) -> bool:
    """The gap holds a rail's header (related furniture of RAIL_HEADER_WORDS words or fewer,
    no colon: "Most Read") or, if `dated`, a date line ("First Published on Nov 20, 2019
    01:38 pm"; not a line of code: "WHERE created_at > '2024-01-01'"): what stands around it
    is a rail or the page past the article, no checklist. (A date line does not stop the
    marks running on from a checklist: a forum's posts are dated.)"""
    return any(block.furniture == FurnitureKind.RELATED and block.words <= RAIL_HEADER_WORDS
               and ":" not in block.text or dated and block.words <= DATELINE_MAX_WORDS and not (
                   block.sentence_like or block.code) and find_date(block.text) is not None
               for block in gap)


def clause_line(block: Block) -> bool:
    """A line that reads as a clause with no end: CLAUSE_WORDS words or more, stopwords among
    them, mostly lower case, no link ("Pick potential wedding dates with your guests")."""
    if block.words < CLAUSE_WORDS or block.sentence_like or block.stop_ratio < PROSE_STOP_RATIO or (
            block.link_share > MAX_LINK_SHARE):
        return False
    words = block.text.split()[1:]
    return sum(word[0].isupper() for word in words) <= CLAUSE_MAX_CAPS * len(words)


def mark_table_rows(gap: list[Block]) -> bool:
    """Mark the rows of the tables in a gap between prose (Block.row): TABLE_ROWS lines or
    more in a row, laid out alike (alike), each with a number. Returns whether any was."""
    runs: list[list[Block]] = []  # each run of rows laid out alike
    for block in gap:
        if block.furniture or not has_digit(block.text):
            runs.append([])
        elif runs and runs[-1] and alike(shape(block.text), shape(runs[-1][0].text)):
            runs[-1].append(block)
        else:
            runs.append([block])
    marked = False
    for run in runs:
        if len(run) >= TABLE_ROWS:
            marked = True
            for row in run:
                row.row = True
    return mark_table_cells(gap) or marked


def mark_table_cells(gap: list[Block]) -> bool:
    """Mark a table printed a cell a line (Block.row): CELL_LINES short lines or more in a
    row (CELL_WORDS words or fewer, no furniture, no sentence), CELL_NUMBER_SHARE of them a
    number alone ("729", "37% / 40%", "$175,000"), CELL_DISTINCT_SHARE of them different.
    Returns whether any was."""
    runs: list[list[Block]] = [[]]
    for block in gap:
        if block.furniture or block.words > CELL_WORDS or block.sentence_like:
            runs.append([])
        else:
            runs[-1].append(block)
    marked = False
    for run in runs:
        if len(run) >= CELL_LINES and sum(has_digit(b.text) and not any(map(str.isalpha, b.text))
                                          for b in run) >= CELL_NUMBER_SHARE * len(run) and len(
                {b.text for b in run}) >= CELL_DISTINCT_SHARE * len(run):
            marked = True
            for cell in run:
                cell.row = True
    return marked


def alike(one: tuple, other: tuple) -> bool:
    """Two table rows laid out alike: they start alike and share a separator (a row may add
    one: "11 (tie) | ...", "-3.8%")."""
    return one[0] == other[0] and bool(one[1] & other[1])


def has_digit(text: str) -> bool:
    """Any character of the text is a digit (str.isdigit: '7', '٣', '²'). A decimal digit (`\\d`)
    is one, found by the regex engine; only a text with none and not ASCII is read a
    character at a time."""
    return DIGIT.search(text) is not None or (not text.isascii() and any(map(str.isdigit, text)))


def shape(text: str) -> tuple:
    """How a line is laid out: what it starts with, and its separators."""
    first = text[0]
    kind = "digit" if first.isdigit() else "upper" if first.isupper() else "other"
    return kind, SHAPE_MARKS.intersection(text)
