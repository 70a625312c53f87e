"""Segmentation: the scrape's lines, their markup gone and hard wraps rejoined, cut into
Blocks (paragraphs, headings, list items; rule lines skipped)."""
from __future__ import annotations

import re

from ..patterns import BULLET
from .blocks import Block, Role
from .flat import unflatten
from .markup import clean_lines, tidy
from .rejoin import (
    WIDE,
    continues_sentence,
    dash_name,
    dash_separated,
    double_spaced,
    flattened,
    inline_span,
    is_led_paragraph,
    is_value,
    join_wrapped,
    repeated_labels,
    undoubled,
    word_width,
    wrapped_at,
)

# ---- how much of a scrape is read: every stage costs 15-30 us a line, or 0.4 us a character
# of a long line (a 5 MB scrape of 555,000 short lines took 9 s, of one line 2 s; BENCHMARKS.md,
# "Hostile inputs"), so these keep the text path within its 20 s budget. Past them is what
# follows an article (comments, rails): a scrape longer than MAX_TEXT_CHARS is not one article
MAX_TEXT_CHARS = 5_000_000  # characters (War and Peace is 3.2 million)
MAX_LINES = 50_000  # lines, of the scrape and of a flattened page cut into sentences (a long
#   article's terminal dump: a few thousand)

# words: in a scrape with a blank line after every line (a crawler's dump), a sentence goes on
# past a line this long (a paragraph broken at its <br>s) and no shorter one (menu entries and
# list items in lower case: "services", "vs Datadog" are whole blocks there), unless both open
# with the same word (items of a list: "libgccjit: Fix ...", "libgccjit: Add ...")
DOUBLED_JOIN_WORDS = 8

# ---- the rare lines that are marked up ----
MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
# '* * *', '____' (html2text), '───' and '━━━' (w3m's <hr>, light or heavy), '═══': the
# horizontal lines of the box-drawing block (a rule line not read as one is glued to the lines
# around it as a sentence's continuation: teaser headlines into one "paragraph"). Not a
# table's borders ('├──┼──┤'): reading those as rules cut tables into labels (WCXB w3m -0.4
# on a page of tables)
HORIZONTAL_LINES = "─━┄┅┈┉╌╍═╴╶╸╺"
RULE_LINE = re.compile(r"^[\s*_=\-—·•~#" + HORIZONTAL_LINES + "]+$")
RULE_CHARS = frozenset(" *_=-—·•~#" + HORIZONTAL_LINES)
BULLET_CHARS = frozenset("-*+•·◦▪□○●>")
# lynx's nested items: "o" and "#" bullets, indented
INDENTED_BULLETS = frozenset("o#")
INDENTED_BULLET = re.compile(r"^[o#]\s+(?=\S)")
MARKED = RULE_CHARS | BULLET_CHARS | INDENTED_BULLETS  # first characters of marked-up lines
# a video's running time ("3:25", "(1:02:10)", "4:10 min"): a line of its own, never a
# numbered item
DURATION = re.compile(r"^\(?\d{1,2}:\d{2}(:\d{2})?\)?( min\w*)?$")


def same_start(line: str, other: str) -> bool:
    """Whether two lines open with the same word: items of a list ("libgccjit: Fix ...",
    "libgccjit: Add ..."), where the lines of a paragraph broken at its <br>s do not."""
    return line.lstrip().split(" ", 1)[0] == other.split(" ", 1)[0]


def first_lines(text: str) -> str:
    """The part of a scrape that is read: its first MAX_LINES lines, MAX_TEXT_CHARS at most."""
    text = text[:MAX_TEXT_CHARS]
    if text.count("\n") < MAX_LINES:  # most scrapes (counted in one C loop)
        return text
    end = -1
    for _ in range(MAX_LINES):
        end = text.find("\n", end + 1)
        if end < 0:
            return text
    return text[:end]


def split_blocks(text: str) -> list[Block]:
    """Paragraphs, headings and list items, with hard-wrapped lines rejoined (of a scrape cut
    to first_lines)."""
    lines, links = clean_lines(text)
    if flattened(len(text), len(lines)):
        lines, links = unflatten(lines)[:MAX_LINES], None
    narrow = text.isascii() or not WIDE.search(text)  # then columns are characters
    width, widths = wrapped_at(lines, narrow)
    join_words = 1  # the words a line needs for a sentence to go on past it
    if width is None and double_spaced(lines):
        # every line followed by a blank one: a hard-wrapped text whose line ends were doubled,
        # or a crawler's dump (a blank line after every block and every <br>): the blank lines
        # say nothing, and a sentence broken at a <br> goes on in the next line
        kept = undoubled(lines)
        single = [lines[index] if index >= 0 else "" for index in kept]
        width, widths = wrapped_at(single, narrow)
        if width is None:
            join_words = DOUBLED_JOIN_WORDS
        if links:
            links = [links[index] if index >= 0 else 0 for index in kept]
        lines = single
    labels = repeated_labels(lines)
    dashed = "\n- " in text and dash_separated(lines)  # "LogLevel" / "- minimum log level"
    blocks: list[tuple[list[str], Role, int]] = []
    linked: list[int] = []  # link characters per block
    previous = -1  # the index of the previous line, -1 after a gap
    for index, raw in enumerate(lines):
        stripped = raw.strip()
        if not stripped:
            previous = -1
            continue
        first = stripped[0]
        heading = bullet = None
        if first in MARKED or first.isdigit():  # the rare lines that may be marked up
            if first in RULE_CHARS and RULE_LINE.match(stripped):
                previous = -1
                continue
            heading = first == "#" and MARKDOWN_HEADING.match(stripped)
            bullet = (first in BULLET_CHARS or first.isdigit()) and BULLET.match(stripped)
            if not bullet and first in INDENTED_BULLETS and raw[0] == " ":
                bullet = INDENTED_BULLET.match(stripped)  # lynx's nested "o" and "#" items
        link_chars = links[index] if links else 0
        if dashed and bullet and first == "-" and previous >= 0 and blocks and dash_name(
                lines[previous].strip()):
            blocks[-1][0].append(stripped)  # "LogLevel - minimum log level"
            linked[-1] += link_chars
            previous = index
            continue
        if heading:
            blocks.append(([heading.group(2)], Role.HEADING, len(heading.group(1))))
        elif bullet and not DURATION.match(stripped):
            # a number is the item's own ("2. Stop charging" may be a numbered heading)
            blocks.append(([stripped if first.isdigit() else stripped[bullet.end():]], Role.ITEM, 0))
        elif previous >= 0 and blocks and (join_words == 1 or blocks[-1][1] is not Role.HEADING) and ((
                # a hard wrap (the cheaper test), or a break inside a sentence (in a crawler's
                # dump, never past a heading's line: "# Headline by Jane Doe |")
                width and widths[previous] <= width
                and widths[previous] + 1 + word_width(stripped, narrow) > width - 2)
                or (labels and is_value(lines[previous].strip(), stripped, labels))
                or (join_words == 1 and is_led_paragraph(lines[previous].strip(), stripped))
                or (continues_sentence(lines[previous], stripped) and (join_words == 1 or (
                    lines[previous].count(" ") >= join_words - 1
                    and not same_start(lines[previous], stripped))))
                or (join_words == 1 and index + 1 < len(lines) and inline_span(
                    lines[previous], stripped, lines[index + 1].strip()))):
            blocks[-1][0].append(stripped)
            linked[-1] += link_chars
            previous = index
            continue
        else:
            blocks.append(([stripped], Role.PARAGRAPH, 0))
        linked.append(link_chars)
        previous = index
    join = " ".join if narrow else join_wrapped
    made = []
    for (parts, role, level), link_chars in zip(blocks, linked):
        text = tidy(join(parts) if len(parts) > 1 else parts[0])
        if text:  # (the link share by keyword only when there is one: a keyword costs)
            made.append(Block(text, role, level, link_share=min(1.0, link_chars / len(text)))
                        if link_chars else Block(text, role, level))
    return made
