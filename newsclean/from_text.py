"""The plain-text path: split a visible-text scrape into blocks, score each, choose the
article region as a whole, then drop the furniture inside it."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from enum import Enum

from .article import Article
from .dates import find_date
from .errors import NothingExtracted
from .patterns import BULLET, MAX_EDGE_BLOCKS, edge_furniture, furniture_match
from .rules import SiteRules, line_verdicts
from .sniff import Document
from .stoplists import (ISO, MASK, SAMPLE_WORDS, WORD, guess_language, languages, stoplist,
                        stopword_votes, votes_for)
from .trace import Note, ignore


class Role(str, Enum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    ITEM = "item"


SENTENCE_MARKS = (".", "!", "?", ":", "…", "。", "！", "？", "：")
CLOSERS = "\"'”’»)*_ 」』）"


@dataclass(slots=True)
class Block:
    """A paragraph, heading or list item of the scrape, and what was measured of it. Blocks
    belong to one extraction, which fills in their measures and furniture in place."""

    text: str
    role: Role = Role.PARAGRAPH
    level: int = 0          # heading level when the scrape marks it (html2text '#')
    furniture: str | None = None
    furniture_why: str = ""  # the pattern, for `explain`
    words: int = 0
    stop_ratio: float = 0.0
    kept_by_rule: bool = False  # a site's keep_line matched: never dropped
    matched: bool = False  # furniture patterns were tried on it
    sentence_like: bool = False  # ends as a sentence does
    code: bool = False  # reads as program code or a shell session
    link_share: float = 0.0  # of its characters, link text (scrapes that mark links)
    caps_share: float = 0.0  # of its words (long blocks only), those with a capital initial
    score: float = 0.0  # block_score, kept up to date by measure and with_furniture


# ---- thresholds, each named for its rule of thumb ----
WRAP_SHARE = 0.1        # hard-wrapped dumps: a tenth of the long lines or more break...
MIN_WRAPPED_LINES = 3   # ...because the next word did not fit, and three at least
MIN_WRAP_WIDTH = 50
PROSE_WORDS = 10        # a paragraph of prose has a dozen words or more...
PROSE_STOP_RATIO = 0.2  # ...and stopwords make up a fifth of them or more
HEADING_MAX_WORDS = 14
HEADLINE_MAX_WORDS = 20
TITLE_LOOKBACK = 40      # the headline is among the blocks before the article (a byline, a
                         # table of contents or a gallery may stand between)
DATELINE_MAX_WORDS = 20  # "Published: Nov. 22, 2024, 6:12 a.m. | Updated: Nov. 22, 2024, 4:30 p.m."
MIN_SENTENCE_WORDS = 4   # "The vote was close." is text; "Share:" and "10H ago" are not
MIN_ITEM_WORDS = 3       # a list item of three words is a point made; one or two, a menu entry
DUPLICATE_ARTICLE_SHARE = 0.5  # repeated text that makes half the page's prose is an article copy
MAX_CAPS_SHARE = 0.6     # menus run together: Home World Business Tech (German prose: ~0.35)
MAX_LINK_SHARE = 0.5     # a block that is mostly link text is navigation or a teaser
LONG_NOISE_WEIGHT = 0.25  # a long block that is not prose (a menu run together) costs by its
#   length: a word of it a quarter of what a word of prose brings (0.5 lost WCXB 0.001)
MIN_SCORED_WORDS = 6    # a shorter block is a label or a menu entry, whatever its words
SHORT_PENALTY = 4.0     # a menu item, a label: what crossing one costs (dev renderings: 2 keeps
#   teaser rails, 6 and more cut articles at their lists; 4 is best on both sets)
# A recognised piece of furniture costs much more. (Making captions and share bars nearly free,
# as they sit inside articles, lost 0.002-0.007 F1 on the dev renderings: tried and dropped.)
FURNITURE_PENALTY = 8.0
RAIL_PENALTY = 25.0
REGION_MARGIN = 12      # blocks around the region whose furniture can move its edges (and title)
MAX_REGION_PASSES = 4
# ("related" is no boundary: "Related: ..." and "Read more: ..." teasers sit inside articles)
BOUNDARY_FURNITURE = ("comments", "copyright")
WORDS_BEFORE_BOUNDARY = 50  # a teaser and a paragraph; a "Comments" line above that is a header
MIN_ARTICLE_WORDS = 8   # as on the HTML path: less is a label or a menu     # a "Related"/"Comments" header ends an article, nearly always

WIDE = re.compile(r"[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
                  r"\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
UNSPACED = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")  # zh, ja text
CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]+")
CJK_CHARS_PER_WORD = 2
SENTENCE_ENDS = (".", "!", "?", ":", ";", '"', "”", "»", ")", "…", "。")
MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
# emphasis marks stand outside words: file_name_here and 2*3*4 keep theirs
EMPHASIS = re.compile(r"(?<![\w\\])(\*\*|__|\*|_)(?=[^\s*_])(.+?)(?<=[^\s\\])\1(?!\w)")
WIDGET = re.compile(r"\[(?: ?[xX ]?\]|[A-Z][\w ]{0,30}\]|_+\])")  # check boxes, [Search], [___]
# a terminal browser's image, named by its file: "[chirag-150x1]", "[svg]"
IMAGE_NAME = r"\[(?=[\w.\-]*[^\W\d_])[\w.\-]{1,60}\]"
# (each regex opens with a literal, so that the engine skips to the line ends and brackets)
IMAGE_BEFORE_TEXT = re.compile(rf"\n[ \t]*(?:{IMAGE_NAME}[ \t]*)+(?=\S)")
# after text, only a name with a digit, "-" or "_" in it: "[sic]" ends a quotation
IMAGE_AFTER_TEXT = re.compile(r"\[(?<=\S[ \t]\[)(?=[\w.\-]*[^\W\d_])(?=[\w.]*[\d\-_])"
                              r"[\w.\-]{1,60}\](?=[ \t]*$)", re.MULTILINE)
# a line that is only images: named by file, by alt text ("[Jane Doe]"), linked ("[12][IMG]")
IMAGE_LINE = re.compile(r"(?:\[[^\[\]]{1,300}\] ?)+")
RULE_LINE = re.compile(r"^[\s*_=\-─—·•~#]+$")  # '* * *', '____' (html2text), '───' (w3m)
# program code: statement ends, comment starts, calls, operators, common keywords
CODE_ENDS = (";", "{", "}")
CODE_STARTS = ("//", "-- ", "/*", "$ ", ">>> ", "</", "<!")
CODE_KEYWORD = re.compile(r"(?:SELECT|FROM|WHERE|INSERT|UPDATE|CREATE|import|def|class|function|"
                          r"return|var|let|const|public|private|if|for|while)\b|<[a-zA-Z]")
CODE_CALL = re.compile(r"[A-Za-z_][\w.]*\([\x20-\x7e]*\)")
CODE_OPERATOR = re.compile(r"[=!<>]=|=>|->|::")


def code_like(text: str) -> bool:
    """Reads as a line of program code (cheap tests first: most lines are not)."""
    return (text.endswith(CODE_ENDS) or text.startswith(CODE_STARTS)
            or CODE_KEYWORD.match(text) is not None
            or ("(" in text and CODE_CALL.search(text) is not None)
            or (("=" in text or ">" in text or "::" in text)
                and CODE_OPERATOR.search(text) is not None))


DURATION = re.compile(r"^\(?\d{1,2}:\d{2}(:\d{2})?\)?( min\w*)?$")


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


MAX_SETTLE_PASSES = 4  # every page of the dev renderings settles in two or three


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


def as_text(body: list[Block]) -> str:
    """The article as plain text: a line per block, list items marked (so that the text
    reads back as the same blocks)."""
    return "\n".join(f"- {b.text}" if b.role is Role.ITEM and not NUMBERED.match(b.text)
                     else b.text for b in body)


def apply_line_rules(blocks: list[Block], site: SiteRules | None, note: Note = ignore) -> list[Block]:
    """Drop what strip_before/strip_after cut off; mark what strip_line names as furniture
    (dropped, but still a barrier the article region does not cross, as a menu would be) and
    what keep_line names as kept."""
    verdicts = line_verdicts([b.text for b in blocks], site)
    if not any(verdicts):
        return blocks
    line_rules = {rule.source for rule in site.get("strip_line")} if site else set()
    kept = []
    for block, verdict in zip(blocks, verdicts):
        if verdict is None:
            kept.append(block)
        elif verdict[0]:
            block.furniture, block.kept_by_rule = None, True
            block.score = block_score(block)
            kept.append(block)
        else:
            note(block.text, f"site rule {verdict[1]}")
            if verdict[1] in line_rules:
                block.furniture, block.matched = "site rule", True  # never a boundary
                block.furniture_why = f"site rule {verdict[1]}"
                block.score = block_score(block)
                kept.append(block)
    return kept


# ---- segmentation ----

def split_blocks(text: str) -> list[Block]:
    """Paragraphs, headings and list items, with hard-wrapped lines rejoined."""
    lines, links = clean_lines(text)
    if len(text) > FLAT_MIN_CHARS and len(text) > FLAT_LINE_CHARS * len(lines):
        lines, links = unflatten(lines), None
    narrow = text.isascii() or not WIDE.search(text)  # then columns are characters
    width, widths = wrapped_at(lines, narrow)
    if width is None and double_spaced(lines):
        # every line of a hard-wrapped text followed by a blank one (doubled line ends)
        single = undouble(lines)
        width, single_widths = wrapped_at(single, narrow)
        if width is not None:
            lines, widths, links = single, single_widths, None
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
        if heading:
            blocks.append(([heading.group(2)], Role.HEADING, len(heading.group(1))))
        elif bullet and not DURATION.match(stripped):
            # a number is the item's own ("2. Stop charging" may be a numbered heading)
            blocks.append(([stripped if first.isdigit() else stripped[bullet.end():]], Role.ITEM, 0))
        elif previous >= 0 and blocks and (continues_sentence(lines[previous], stripped) or (
                width and widths[previous] <= width
                and widths[previous] + 1 + word_width(stripped, narrow) > width - 2)):
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
        if text:
            made.append(Block(text, role, level,
                              link_share=min(1.0, link_chars / len(text)) if link_chars else 0.0))
    return made


INDENTED_BULLETS = frozenset("o#")
INDENTED_BULLET = re.compile(r"^[o#]\s+(?=\S)")
MID_SENTENCE_MARKS = frozenset(",;)%–—")
OPEN_ENDS = frozenset((" (", " /", " –", " —", " &"))  # a line ending so breaks mid-sentence
OPEN_LAST = frozenset(end[-1] for end in OPEN_ENDS)
QUOTE_CLOSERS = frozenset("”»")  # typographic: code closes its strings with straight quotes
SENTENCE_INNER_ENDS = frozenset(".!?…。")  # a sentence's end before its closing quote or bracket
# articles, prepositions and conjunctions: a line ending on one was cut inside its sentence
NEVER_LAST = frozenset(
    "the a an of to in into for with on at by from and or but as than that within via about "
    "over under between through without der die das den dem des ein eine einen einem und oder "
    "mit von zu zum zur für im auf le la les un une du de et ou au aux pour avec sur dans par "
    "el los las una del y con para por en il lo gli di da nel della".split())
NUMBERED = re.compile(r"\d{1,3}[.)]\s")
RULE_CHARS = frozenset(" *_=-─—·•~#")
BULLET_CHARS = frozenset("-*+•·◦▪□○●>")
MARKED = RULE_CHARS | BULLET_CHARS | INDENTED_BULLETS  # first characters of marked-up lines


def wrapped_at(lines: list[str], narrow: bool) -> tuple[int | None, list[int]]:
    widths = [len(line) for line in lines] if narrow else [display_width(line) for line in lines]
    return wrap_width(lines, widths, narrow), widths


DOUBLE_SPACED_SHARE = 0.9  # of the lines, followed by exactly one blank line


def double_spaced(lines: list[str]) -> bool:
    filled = [bool(line.strip()) for line in lines] + [False, False]
    count = sum(filled)
    singles = sum(1 for i in range(len(lines)) if filled[i] and not filled[i + 1] and filled[i + 2])
    return count >= MIN_WRAPPED_LINES and singles >= DOUBLE_SPACED_SHARE * count


def undouble(lines: list[str]) -> list[str]:
    """The lines without the single blank lines between them (longer gaps stay gaps)."""
    out: list[str] = []
    blanks = 0
    for line in lines:
        if not line.strip():
            blanks += 1
            continue
        if blanks > 1 or (blanks and not out):
            out.append("")
        blanks = 0
        out.append(line)
    return out


FLAT_MIN_CHARS = 2000   # a page whose lines average this long was flattened to a line or
FLAT_LINE_CHARS = 1000  # a few (newlines collapsed by a crawler): its sentences are its blocks
SENTENCE_BREAK = re.compile(r"(?<=[.!?。！？])[\"'”’»)]?\s+(?=[\"'“‘«(]?[A-Z0-9À-ÝА-Я])")


def unflatten(lines: list[str]) -> list[str]:
    """A sentence per line, for text that has lost its line breaks; a menu run into the
    sentence after it is a line of its own."""
    out: list[str] = []
    for line in lines:
        if len(line) <= FLAT_LINE_CHARS:
            out.append(line)
            continue
        for sentence in SENTENCE_BREAK.split(line):
            out.extend(split_menu_run(sentence))
    return out


FLAT_TITLE_CHARS = 400  # where a flattened page's <title> ends, if it opens the page
FLAT_TITLE_WORDS = (3, 30)  # the headline's length in words, in the title's parts
FLAT_PREFIX_WORDS = 4  # a title with no separator: its first words must come again
# what stands between a <title>'s parts: "Headline | Site", "Site - Section - Headline"
TITLE_MARKS = ("|", "-", "–", "—", "::", "·", "•", "»", "/")
TITLE_PART_SEPARATOR = re.compile(" (?:" + "|".join(map(re.escape, TITLE_MARKS)) + ") ")
TITLE_SEPARATORS = tuple(f" {mark} " for mark in TITLE_MARKS) + (": ",)  # "Site: Headline" too


def flat_title(text: str) -> str | None:
    """The headline of a page flattened to one line, which its <title> opens: a part of the
    title before a separator ("Headline | Site", "Site | Headline | Section") that the page
    says again further on (the visible headline); or, with no separator, the longest run of
    its first words that comes again. None when nothing comes again (the page did not open
    with its title). After the last separator the page runs on: "Site - Headline" is not
    read, since nothing marks where its headline ends."""
    text = text.strip()
    head = text[:FLAT_TITLE_CHARS]
    bounds = [0]
    for separator in TITLE_PART_SEPARATOR.finditer(head):
        bounds += [separator.start(), separator.end()]
    if len(bounds) > 1:  # the parts before each separator (after the last, the page goes on)
        for begin, end in zip(bounds[::2], bounds[1::2]):
            part = head[begin:end].strip()
            if FLAT_TITLE_WORDS[0] <= len(part.split()) <= FLAT_TITLE_WORDS[1] and (
                    text.find(part, end) > 0):
                return part
    # no separator: the longest run of first words that comes again, if it ends (a menu
    # repeated in the footer runs on) and is not a menu's capitalised entries
    words = head.split(" ")
    found = None
    for count in range(FLAT_PREFIX_WORDS, min(HEADLINE_MAX_WORDS + 2, len(words))):
        prefix = " ".join(words[:count])
        if text.find(prefix, len(prefix)) < 0:
            break
        found = prefix
    else:
        return None
    if found and all(word[:1].isupper() for word in found.split(" ")) and len(found.split()) > 8:
        return None
    return found


MENU_RUN_WORDS = 30   # a "sentence" this long, mostly capitalised words, was a menu...
SENTENCE_TAIL_WORDS = 8  # ...and its last words, mostly lower case, the sentence it ran into
TAIL_CAPS_SHARE = 0.35


def split_menu_run(sentence: str) -> list[str]:
    """"Home News Sport Weather The council voted on Tuesday to ..." as the menu, then the
    sentence (a flattened page), if a tail of mostly lower-case words is there at all."""
    words = sentence.split(" ")
    if len(words) < MENU_RUN_WORDS:
        return [sentence]
    capital = [w[:1].isupper() for w in words]
    total = sum(capital)
    if total <= MAX_CAPS_SHARE * len(words):
        return [sentence]
    # the split (before a capital) that leaves fewest lower-case words in the menu and
    # capitalised ones in the sentence
    best, best_cost, before = None, len(words), 0
    for index, cap in enumerate(capital):
        tail = len(words) - index
        if tail < SENTENCE_TAIL_WORDS:
            break
        if cap and index and total - before <= TAIL_CAPS_SHARE * tail and (
                before > MAX_CAPS_SHARE * index):
            cost = (index - before) + (total - before)
            if cost < best_cost:
                best, best_cost = index, cost
        before += cap
    if best is None:
        return [sentence]
    return [" ".join(words[:best]), " ".join(words[best:])]


def clean_lines(text: str) -> tuple[list[str], list[int] | None]:
    """The scrape's lines, tabs expanded, no-break and zero-width spaces and form widgets gone,
    links reduced to their text; and how many characters of each line were link text (None
    when the scrape marks no links: html2text without links, copies, most dumps)."""
    text = text.replace("\t", "    ").replace("\u00a0", " ").replace("\u200b", "")
    lines, links = text.split("\n"), None
    if "](" in text:  # Markdown links and images: [text](url), ![alt](src)
        links = [0] * len(lines)
        for index, line in enumerate(lines):
            if "](" in line or "<http" in line:
                lines[index], links[index] = markdown_link_text(line)
    elif (text.count("[", 0, LYNX_SAMPLE) >= LYNX_MIN_LINKS
          and len(LYNX_LINK.findall(text, 0, LYNX_SAMPLE)) >= LYNX_MIN_LINKS):  # lynx: [12]word
        links = [0] * len(lines)
        for index, line in enumerate(lines):
            if "[" in line:
                line, count = LYNX_NUMBER.subn("", line)
                lines[index], links[index] = line, min(len(line), count * LYNX_LINK_CHARS)
    if links:
        text = "\n".join(lines)
    if "[" in text:  # an image beside a name or a headline goes; an image's own line stays
        text = IMAGE_BEFORE_TEXT.sub("\n", "\n" + WIDGET.sub("", text))[1:]
        text = IMAGE_AFTER_TEXT.sub("", text)
    text = text.replace("( )", "").replace("(*)", "")  # radio buttons
    lines = text.split("\n")
    if any(scheme in text for scheme in SCHEMES):  # then blank the lines that are only an address
        lines = ["" if ":" in line and URL_LINE.fullmatch(line) else line for line in lines]
    return [line.rstrip() for line in lines], links


MD_IMAGE = re.compile(r"!\[[^\]]*\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
MD_LINK = re.compile(r"\[([^\[\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>")
# "[12]Home": lynx's link numbers (not after a word or a "]"; the lookbehind comes after the
# "[" so that the regex engine can skip ahead to each "[")
LYNX_LINK = re.compile(r"\[(?<![\w\]]\[)\d{1,4}\](?=[^\s\[])")
# once a dump is known for lynx's: every link number, and the space of a link that opens
# with one ("By [12] Jane Doe", "[13] [14] Jane Doe": a picture's link, then the name's)
# (but a linked image's, "[12][alt text]", which marks the alt text as an image's)
LYNX_NUMBER = re.compile(r"\[(?<!\w\[)\d{1,4}\](?!\[) ?")
LYNX_SAMPLE = 20000  # characters read to tell a lynx dump
LYNX_MIN_LINKS = 5
LYNX_LINK_CHARS = 25  # lynx marks where a link starts, not where it ends: a link's usual length
# a line that is only an address (lynx's References list, pasted links)
SCHEMES = ("tp:", "tps:", "file:", "mailto:", "javascript:")  # in every line URL_LINE matches
URL_LINE = re.compile(r"[ \t]*(?:\d{1,4}\.[ \t]+)?(?:https?|ftp|file|mailto|javascript):\S*[ \t]*")


def markdown_link_text(line: str) -> tuple[str, int]:
    """The line with Markdown images gone and links reduced to their text, and how many
    characters that link text takes."""
    line = AUTOLINK.sub("", MD_IMAGE.sub("", line))
    linked = 0

    def keep(match: re.Match) -> str:
        nonlocal linked
        linked += len(match.group(1).strip())
        return match.group(1)

    count = 1
    while count:  # links inside links: [![alt](img)](url) is [](url) once the image is gone
        line, count = MD_LINK.subn(keep, line)
    return line, min(linked, len(line))


def join_wrapped(parts: list[str]) -> str:
    """Rejoin a block's lines: with a space, except where a line of Chinese or Japanese
    broke between two characters (no spaces in those scripts)."""
    text = parts[0]
    for part in parts[1:]:
        text += ("" if UNSPACED.match(text[-1]) and UNSPACED.match(part[0]) else " ") + part
    return text


def tidy(text: str) -> str:
    """Undo Markdown escapes and emphasis, collapse spaces."""
    if "*" in text or "_" in text:
        text = EMPHASIS.sub(r"\2", text)  # before unescaping: a literal \* is no emphasis mark
    if "\\" in text:
        text = ESCAPE.sub(r"\1", text)
    return " ".join(text.split())


def display_width(line: str) -> int:
    """Terminal columns: East Asian wide characters take two (how w3m and lynx wrap)."""
    if line.isascii():
        return len(line)
    return len(line) + len(WIDE.findall(line))


def word_width(line: str, narrow: bool) -> int:
    """The columns of the line's first word (Chinese and Japanese break anywhere: a character)."""
    word = line.split(None, 1)[0]
    if narrow:
        return len(word)
    return 2 if UNSPACED.match(word) else display_width(word)


def wrap_width(lines: list[str], widths: list[int], narrow: bool) -> int | None:
    """The column a terminal dump was hard-wrapped at, or None if it was not. A wrapped line
    breaks because the next word did not fit: count the lines whose next line's first word
    would have overflowed the longest line; copied or one-line-per-paragraph text has few."""
    # lines that can wrap: with spaces, or in a script written without them
    spaced = [" " in line.strip() or (not narrow and UNSPACED.search(line) is not None)
              for line in lines]
    long_widths = [n for n, has in zip(widths, spaced) if has]
    if len(long_widths) < MIN_WRAPPED_LINES:
        return None
    long_lines = sum(1 for n in long_widths if n > 30)
    # the margin is the longest line, or the longest unindented one (centred headings and
    # indented blocks may stand out of a text wrapped at its margin)
    flush = [n for n, has, line in zip(widths, spaced, lines) if has and not line[0].isspace()]
    for width in sorted({max(long_widths), max(flush, default=0)}, reverse=True):
        if width < MIN_WRAP_WIDTH:
            continue
        forced = 0
        for index in range(len(lines) - 1):
            after = lines[index + 1]
            if spaced[index] and after.strip() and widths[index] <= width and (
                    widths[index] + 1 + word_width(after, narrow) > width):
                forced += 1
        if forced >= MIN_WRAPPED_LINES and forced >= WRAP_SHARE * long_lines:
            return width
    return None


def continues_sentence(previous: str, line: str) -> bool:
    """A line break inside a sentence (page source whitespace kept by crude scrapers, a text
    node per line): the line before ends mid-sentence, and this one goes on in lower case or
    with punctuation, or the line before ends on a word no sentence ends with ("the")."""
    if line[0] in SENTENCE_ENDS and (len(line) == 1 or line[1] == " " or not WORD.search(line)):
        return True  # the rest of a sentence cut at a link or a code span: ". Then ..."
    if previous.endswith(SENTENCE_ENDS) and not (
            previous[-1] in QUOTE_CLOSERS and line[0].islower() and len(previous) > 1
            and previous[-2] not in SENTENCE_INNER_ENDS):
        return False  # but a quoted word closes no sentence: “k” / is a folding target
    if line[0] in MID_SENTENCE_MARKS or not WORD.search(line) or (
            previous[-1] in OPEN_LAST and previous[-2:] in OPEN_ENDS):
        return True
    if line[0].islower():
        return not BYLINE.match(line)  # "by Jane Doe - 10/08/25" under a headline
    return previous[previous.rfind(" ") + 1:].lower() in NEVER_LAST


# ---- scoring ----

def measure(blocks: list[Block]) -> str | None:
    """Fill in each block's words, stopword share, sentence end and score; return the page's
    language (None when no stoplist fits: prose is then judged by length alone)."""
    features = [text_features(block.text) for block in blocks]
    # the page's language, from its first SAMPLE_WORDS words
    packed = taken = 0
    for tokens, *_, votes in features:
        if taken + len(tokens) > SAMPLE_WORDS:
            packed += stopword_votes(tokens[:SAMPLE_WORDS - taken])
            taken = SAMPLE_WORDS
            break
        packed += votes
        taken += len(tokens)
    # Chinese and Japanese come as long runs of characters, one token each: a few Latin
    # stopwords among them are no sign of a language
    spread = sum(f[1] for f in features) / max(1, sum(len(f[0]) for f in features))
    language = guess_language(packed, taken, spread)
    for block, (words, block_words, sentence_like, code, caps_share, votes) in zip(
            blocks, features):
        block.words, block.sentence_like, block.code, block.caps_share = (
            block_words, sentence_like, code, caps_share)
        count = len(words)
        if language is None:
            block.stop_ratio = 1.0 if count else 0.0
        elif count and block.words >= MIN_SCORED_WORDS:  # shorter ones score by length alone
            block.stop_ratio = (votes_for(votes, language) if count <= MASK else
                                sum(map(stoplist(languages()[language]).__contains__, words))) / count
    mark_repeats(blocks)
    mark_glued_teasers(blocks)
    for block in blocks:  # furniture patterns are matched later, and only near the article
        block.score = block_score(block)
    return None if language is None else languages()[language]


@lru_cache(maxsize=4096)  # the settle pass reads the article's blocks again
def text_features(text: str) -> tuple[tuple[str, ...], int, bool, bool, float, int]:
    """What a block's text says whatever the page: its lower-cased tokens, its words, whether
    it ends as a sentence, reads as code, its share of capitalised words (long blocks), and
    its stopwords' votes for each language (0 for a block too long to count them so)."""
    tokens = tuple(WORD.findall(text.lower()))  # shared by every caller: not to be changed
    words = len(tokens) if text.isascii() or not CJK.search(text) else word_count(text, tokens)
    caps = 0.0
    if words >= PROSE_WORDS:  # block texts are tidy: words are one space apart
        caps = (len(capitalised().findall(text)) + text[0].isupper()) / (text.count(" ") + 1)
    return (tokens, words, text.rstrip(CLOSERS).endswith(SENTENCE_MARKS),
            words < PROSE_WORDS * 3 and code_like(text), caps,
            stopword_votes(tokens) if len(tokens) <= MASK else 0)


@cache
def capitalised() -> re.Pattern:
    """A capital (of the Basic Multilingual Plane) after a space: a capitalised word, but for
    the first of a block."""
    capitals = [c for c in map(chr, range(0x10000)) if c.isupper()]
    ranges, start = [], capitals[0]
    for before, after in zip(capitals, capitals[1:] + ["\U0010ffff"]):
        if ord(after) != ord(before) + 1:
            ranges.append(re.escape(start) if start == before
                          else f"{re.escape(start)}-{re.escape(before)}")
            start = after
    return re.compile(" [" + "".join(ranges) + "]")


def mark_repeats(blocks: list[Block]) -> None:
    """A teaser rail or a template repeats its text; an article says things once. Every copy
    of repeated prose is furniture, except on pages that hold a second copy of the whole
    article (mobile and desktop versions): there the first copy is the article."""
    prose = [block for block in blocks if block.words >= PROSE_WORDS and (
        block.sentence_like or block.words > HEADLINE_MAX_WORDS)]  # a headline may repeat
    lengths = {block.text: block.words for block in prose}
    copies = Counter(block.text for block in prose)
    repeated = sum(lengths[text] for text, count in copies.items() if count > 1)
    if not repeated:
        return
    every_copy = repeated < DUPLICATE_ARTICLE_SHARE * sum(lengths.values())
    seen: set[str] = set()
    for block in prose:
        if copies[block.text] > 1:
            if every_copy or block.text in seen:
                block.furniture, block.matched = "repeated", True
                block.furniture_why = f"the same text {copies[block.text]} times on the page"
            seen.add(block.text)


# where a teaser's headline runs into its summary: "...Student-AthleteA 24-year-old woman"
# (the letter before the capital is matched, not looked behind for: the engine then skips
# ahead by its first character)
GLUED = re.compile(r"[a-z0-9’'”\")][A-Z](?=[a-z]|\s)")
GLUED_HEAD_CHARS = 200
GLUED_HEAD_WORDS = (4, 20)
TEASER_RUN = 3  # glued teasers in a row: a rail (an article glues a subheading now and then)


@lru_cache(maxsize=4096)  # the settle pass reads the article's blocks again
def glued_teaser(text: str) -> bool:
    """A headline in title case run into a sentence, without a space: a teaser whose two
    elements a scrape glued together."""
    match = GLUED.search(text, 0, GLUED_HEAD_CHARS)
    if match is None:
        return False
    head = text[:match.start() + 1].split()
    return (GLUED_HEAD_WORDS[0] <= len(head) <= GLUED_HEAD_WORDS[1]
            and sum(w[0].isupper() or w[0].isdigit() for w in head) >= MAX_CAPS_SHARE * len(head))


def mark_glued_teasers(blocks: list[Block]) -> None:
    """Runs of TEASER_RUN or more glued teasers are a rail: furniture."""
    filled = [block for block in blocks if block.words]
    glued = [index for index, block in enumerate(filled)
             if block.words >= PROSE_WORDS and glued_teaser(block.text)]
    if len(glued) < TEASER_RUN:  # most pages
        return
    runs: list[list[int]] = []
    for index in glued:
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    for run in runs:
        if len(run) >= TEASER_RUN:
            for teaser in (filled[index] for index in run):
                if not teaser.furniture:
                    teaser.furniture, teaser.matched = "teaser", True
                    teaser.furniture_why = "a teaser: its headline runs into its summary"


def with_furniture(block: Block) -> None:
    """Fill in the furniture pattern the block matches (if any), and its score."""
    if block.matched or block.kept_by_rule:
        return
    pattern = furniture_match(block.text, "text")
    block.furniture = pattern.kind if pattern else None
    block.furniture_why = str(pattern) if pattern else ""
    block.matched = True
    block.score = block_score(block)


def word_count(text: str, tokens: Sequence[str]) -> int:
    """Words, where Chinese and Japanese (no spaces) count about one per two characters."""
    if text.isascii():
        return len(tokens)
    wide = len(CJK.findall(text))
    return max(len(tokens), len(tokens) - len(CJK_RUN.findall(text)) + wide // CJK_CHARS_PER_WORD)


def is_prose(block: Block) -> bool:
    """Sentences: enough words, enough stopwords, and an end (or too long for a headline)."""
    return (block.words >= PROSE_WORDS and block.stop_ratio >= PROSE_STOP_RATIO
            and not block.furniture and block.link_share <= MAX_LINK_SHARE
            and block.caps_share <= MAX_CAPS_SHARE
            and (block.sentence_like or block.words > HEADLINE_MAX_WORDS))


def block_score(block: Block) -> float:
    """How much a block pulls the article region towards itself (negative: pushes away)."""
    if block.kept_by_rule:
        return float(max(block.words, 1))
    if block.furniture in ("related", "comments"):
        return -RAIL_PENALTY
    if block.furniture:
        return -FURNITURE_PENALTY
    if is_prose(block):
        return float(block.words)
    if block.words >= MIN_SCORED_WORDS and block.sentence_like and (
            block.stop_ratio >= PROSE_STOP_RATIO and block.link_share <= MAX_LINK_SHARE
            and block.caps_share <= MAX_CAPS_SHARE):
        return block.words / 2
    if block.code:  # code samples sit inside articles: neither pull nor push
        return 0.0
    return -max(SHORT_PENALTY, block.words * LONG_NOISE_WEIGHT)


def choose_region_with_furniture(blocks: list[Block]) -> tuple[int, int]:
    """choose_region, matching furniture patterns only on the blocks that can change it:
    those in and around the region (menus far from the article need no regex). Fills in
    `blocks` in place; stops when the region no longer moves."""
    start, end = choose_region(blocks)
    for _ in range(MAX_REGION_PASSES):
        window = range(max(0, start - REGION_MARGIN), min(len(blocks), end + REGION_MARGIN + 1))
        changed = False
        for index in window:
            if not blocks[index].matched and not blocks[index].kept_by_rule:
                with_furniture(blocks[index])
                changed = True
        if not changed:
            break
        start, end = choose_region(blocks)
    return start, end


def choose_region(blocks: list[Block]) -> tuple[int, int]:
    """The contiguous run of blocks with the highest total score."""
    return best_run([block.score for block in blocks])


def best_run(scores: list[float]) -> tuple[int, int]:
    """The contiguous run with the highest total (Kadane)."""
    best, best_span = float("-inf"), (0, len(scores) - 1)
    total, start = 0.0, 0
    for index, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, index
        total += score
        if total > best:
            best, best_span = total, (start, index)
    return best_span


def choose_region_of_sentences(blocks: list[Block]) -> tuple[int, int]:
    """When nothing reads like prose (results tables, match reports, lists of facts): the
    longest run of sentences, stopwords or not. Raises NothingExtracted if there is none."""
    for block in blocks:
        with_furniture(block)
    scores = [block.score if block.furniture or block.kept_by_rule
              else float(block.words) if block.sentence_like and block.words >= MIN_SENTENCE_WORDS
              else -SHORT_PENALTY for block in blocks]
    start, end = best_run(scores)
    if sum(scores[start:end + 1]) <= 0:
        raise NothingExtracted("no article text found: no block reads like prose")
    return start, end


def cut_at_boundary(blocks: list[Block], start: int, end: int) -> int:
    """End the region at the first comments header or copyright line, once an
    article's worth of text came before it: what follows such a line is never the article,
    even when it reads like prose (comment threads, teaser summaries)."""
    words = 0
    for index in range(start, end + 1):
        block = blocks[index]
        if block.furniture in BOUNDARY_FURNITURE and words >= WORDS_BEFORE_BOUNDARY:
            return index - 1
        if is_prose(block):
            words += block.words
    return end


TEASER_DATES = 3  # one date line, word for word, under this many teasers: a rail


def cut_at_dated_teasers(blocks: list[Block], start: int, end: int) -> int:
    """End the region before a rail of teasers that each carry the same date line
    ("Tuesday November 19, 2019" under every one), once an article's worth of text came
    before it: an article does not repeat a date line three times; a rail's summaries read
    as prose, and would otherwise run on as the article. Not for field stamps ("Last checked:
    2025-10-28" beside each product), nor where the repeated dates rise down the page (an
    events calendar; a rail lists the newest first)."""
    seen: dict[str, list[int]] = {}  # date line -> where it stands
    days: dict[str, str] = {}  # date line -> its date
    for index in range(start, end + 1):
        block = blocks[index]
        if block.words <= DATELINE_MAX_WORDS and not block.sentence_like and (
                ":" not in block.text and (day := find_date(block.text)) is not None):
            seen.setdefault(block.text, []).append(index)
            days[block.text] = day
    repeated = sorted((found[0], days[text]) for text, found in seen.items()
                      if len(found) >= TEASER_DATES)
    order = [day for _, day in repeated]
    if not repeated or order != sorted(order, reverse=True):
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


LABEL_WORDS = 3  # "More from the Herald", "Politics", "Hong Kong"
COMMENT_BYLINES = 3


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


MIN_LIST_LINES = 3
SAME_SHAPE_SHARE = 0.7  # of a list's lines, those laid out alike ("June 9 -- Arena, City")
LIST_LINE_MAX_WORDS = 20
SHAPE_MARKS = frozenset("–—-@:|,•·/()$%")


def with_closing_list(blocks: list[Block], end: int) -> int:
    """The region's end, moved past a list the article introduces at its close ("Tour
    dates:", then a line per date): short lines laid out alike, which score as a menu
    would. A menu has no such introduction; a rail's header is furniture and stops it."""
    intro = end if blocks[end].text.endswith(":") else end + 1
    if intro >= len(blocks) or not blocks[intro].text.endswith(":") or blocks[intro].furniture:
        return end
    run = []
    for index in range(intro + 1, len(blocks)):
        block = blocks[index]
        if block.furniture or is_prose(block) or not 2 <= block.words <= LIST_LINE_MAX_WORDS:
            break
        run.append(block)
    if len(run) < MIN_LIST_LINES:
        return end
    shapes = Counter(shape(block.text) for block in run)
    if shapes.most_common(1)[0][1] < SAME_SHAPE_SHARE * len(run):
        return end
    for block in run:  # kept as the list they are
        block.role = Role.ITEM
    return intro + len(run)


def shape(text: str) -> tuple:
    """How a line is laid out: what it starts with, and its separators."""
    first = text[0]
    kind = "digit" if first.isdigit() else "upper" if first.isupper() else "other"
    return kind, frozenset(c for c in text if c in SHAPE_MARKS)


# ---- inside the region ----

def revise_region(region: list[Block], title: str | None, note: Note = ignore) -> list[Block]:
    """Drop furniture and what furniture implies (alt text before a caption, the title of a
    video before its duration); mark subheadings."""
    kept: list[Block] = []
    for index, block in enumerate(region):
        after = region[index + 1] if index + 1 < len(region) else None
        if block.kept_by_rule:
            kept.append(block)
            continue
        if block.furniture:
            note(block.text, f"furniture: {block.furniture_why}")
            continue
        if title and block.text == title:
            continue
        if after is not None and not block.sentence_like and block.words <= 25 and (
                after.furniture == "caption" or DURATION.match(after.text)):
            note(block.text, "image alt text over its caption" if after.furniture == "caption"
                 else "a video's title over its duration")
            continue
        if block.code and not is_prose(block):
            kept.append(block)
            continue
        if block.role is not Role.ITEM and looks_like_heading(block, region, index):
            if block.role is not Role.HEADING:
                block.role, block.level = Role.HEADING, 2
        elif not reads_as_text(block):
            note(block.text, "a label, not text: short, and no sentence follows it")
            continue
        kept.append(block)
    return kept


def trim_edges(body: list[Block], note: Note = ignore) -> list[Block]:
    """Drop the datelines, disclosures, bios and calls to action that open or close the
    article (as on the HTML path)."""
    start, end = 0, len(body)
    while start < min(end, MAX_EDGE_BLOCKS) and not body[start].kept_by_rule and (
            why := edge_furniture(body[start].text, "head")):
        note(body[start].text, f"{why}, at the head of the article")
        start += 1
    while end > start and len(body) - end < MAX_EDGE_BLOCKS and not body[end - 1].kept_by_rule and (
            why := edge_furniture(body[end - 1].text, "tail")):
        note(body[end - 1].text, f"{why}, at the tail of the article")
        end -= 1
    return body[start:end]


def reads_as_text(block: Block) -> bool:
    """Prose, or a sentence (a list item may be one): what an article is made of, unlike the
    labels, teaser headlines, image file names and time stamps found between its paragraphs."""
    if block.link_share > MAX_LINK_SHARE:  # a menu entry, a teaser's headline
        return False
    if block.role is Role.ITEM:
        return block.words >= MIN_ITEM_WORDS or block.sentence_like
    return is_prose(block) or (block.sentence_like and block.words >= MIN_SENTENCE_WORDS)


def looks_like_heading(block: Block, region: list[Block], index: int) -> bool:
    """A short unpunctuated line followed by prose is a subheading."""
    if block.sentence_like or not 1 <= block.words <= HEADING_MAX_WORDS or (
            block.link_share > MAX_LINK_SHARE):
        return False
    following = region[index + 1: index + 2]
    return bool(following) and (is_prose(following[0]) or following[0].role is Role.HEADING or (
        following[0].role is Role.ITEM and reads_as_text(following[0])))


# ---- metadata ----

def find_title(blocks: list[Block], start: int, stops: frozenset[str] = frozenset()
               ) -> tuple[str | None, int | None]:
    """The headline: a '#' heading near the top; else, of the headline-like lines before the
    article region, the one that shares most words with the article's opening and that a date
    or byline stands next to (closest to the article on ties)."""
    for index, block in enumerate(blocks[: start + 3]):
        if block.role is Role.HEADING and block.level == 1 and 2 <= block.words <= 30:
            return block.text, index
    opening = opening_words(blocks, start, stops)
    # scrapes that start with the page's <title> ("Headline | Site"): the headline is in it
    hint = page_title(blocks)
    best, best_score, best_dated = None, 0.0, False
    for index in range(max(0, start - TITLE_LOOKBACK), start):
        block = blocks[index]
        if not headline_like(block) or block.words > HEADLINE_MAX_WORDS and block.sentence_like:
            continue
        near = blocks[index + 1: index + 4]
        score = 1.0 + index / max(1, start)  # later (nearer the article) is likelier
        if hint and index and in_page_title(block, hint, lambda: opening, stops):
            score += PAGE_TITLE_BONUS
        dated = any(is_dateline(b) or BYLINE.match(b.text) for b in near)
        if dated:
            score += 2
        if 5 <= block.words <= 20:
            score += 1
        if block.text.endswith("."):  # a standfirst or a caption; headlines seldom end so
            score -= SENTENCE_COST
        score += SHARED_WORDS_WEIGHT * shared_share(block, opening, stops)
        if score > best_score:
            best, best_score, best_dated = index, score, dated
    if not best_dated:  # a long contents list or intro may stand between headline and article:
        # further back, a headline with its byline right under it that the opening echoes
        for index in range(max(0, start - TITLE_LOOKBACK) - 1, max(-1, start - FAR_LOOKBACK), -1):
            block = blocks[index]
            if (headline_like(block) and not block.text.endswith(".")
                    and any(BYLINE.match(b.text) for b in blocks[index + 1: index + 3])
                    and shared_share(block, opening, stops) >= FAR_SHARED):
                return block.text, index
    return (blocks[best].text, best) if best is not None else (None, None)


SENTENCE_COST = 2.0
PAGE_TITLE_BONUS = 4.0
PAGE_TITLE_MAX_WORDS = 40


def page_title(blocks: list[Block]) -> str | None:
    """The scrape's first line, normalised, if it may be the page's <title> (crawler dumps and
    whole-document text put it first): a line of a few words that is not a sentence."""
    if not blocks:
        return None
    first = blocks[0]
    if first.role is not Role.PARAGRAPH or not 2 <= first.words <= PAGE_TITLE_MAX_WORDS:
        return None
    return " ".join(first.text.split())


def in_page_title(block: Block, hint: str, opening: Callable[[], frozenset[str]],
                  stops: frozenset[str]) -> bool:
    """The block is the headline that the <title> gives: the title is the headline and the
    site's name, one on each side of a separator ("Headline | Site", "Site - Headline"); or
    it is the headline alone, which the article's opening echoes (a site's name it does not)."""
    text = " ".join(block.text.split())  # in the same case: a copy in capitals is a teaser's
    if text == hint:
        return block.words >= PAGE_TITLE_WHOLE_WORDS and (
            shared_share(block, opening(), stops) >= PAGE_TITLE_SHARED)
    at = hint.find(text)
    if at < 0:
        return False
    before, after = hint[:at], hint[at + len(text):]
    return (not before or before.endswith(TITLE_SEPARATORS)) and (
        not after or after.startswith(TITLE_SEPARATORS))


SITE_NAME_WORDS = 3


def without_site_name(title: str) -> str:
    """"Headline | Site" -> "Headline": the last part after a separator, when it reads as a
    name (a few words, each capitalised: "MIT Sloan", "Sweat"); "Brake pads – From a
    Mechanic" keeps its last part."""
    last = None
    for last in TITLE_PART_SEPARATOR.finditer(title):
        pass
    if last is None:
        return title
    words = title[last.end():].split()
    if not 1 <= len(words) <= SITE_NAME_WORDS or not all(w[0].isupper() or not w[0].isalpha()
                                                          for w in words):
        return title
    return title[:last.start()]


PAGE_TITLE_SHARED = 0.5
PAGE_TITLE_WHOLE_WORDS = 6  # a <title> this long that is all headline is no site name
FAR_LOOKBACK = 160  # blocks: how far back a headline with its byline is still looked for
FAR_SHARED = 0.5
OPENING_WORDS = 150  # the article's opening: its first paragraphs
SHARED_WORDS_WEIGHT = 3.0  # a headline's words come back in the article; a menu's, a name's do not
SHARED_WORD_BONUS = 0.1  # and each shared word a little, up to five
BREADCRUMB = re.compile(r"(?:^|\s)[|»›>/](?=\s|$)")  # "Home | News | Story", "Home » News"
HOME_CRUMB = re.compile(r"(?:home|start|startseite|accueil|inicio|início)\s*[|»›>/]", re.IGNORECASE)
# bylines, credits and alt text: lines about the article, never its headline
CREDIT = re.compile(r"^(?:(?:written|posted|reviewed|edited|fact[- ]checked|reported|updated|"
                    r"published|photos?|photographs?|illustrations?|words|video) by|by|von|par|"
                    r"por|door|(?:picture|photo|image|avatar|portrait) of)\b", re.IGNORECASE)


def opening_words(blocks: list[Block], start: int, stops: frozenset[str]) -> frozenset[str]:
    """The words (but stopwords) of the article's opening paragraphs."""
    found: set[str] = set()
    taken = 0
    for block in blocks[start:]:
        if taken >= OPENING_WORDS:
            break
        if is_prose(block):
            tokens = text_features(block.text)[0]
            found.update(tokens)
            taken += len(tokens)
    return frozenset(found - stops)


def shared_share(block: Block, opening: frozenset[str], stops: frozenset[str]) -> float:
    """Of the block's words (but stopwords), the share that the article's opening uses, and
    a little for each (up to five: a menu entry of two words can share both)."""
    words = set(text_features(block.text)[0]) - stops
    shared = len(words & opening)
    return shared / len(words) + SHARED_WORD_BONUS * min(shared, 5) if words else 0.0


TITLE_INSIDE = 8  # the region's first blocks may still be above the headline...
WORDS_ABOVE_TITLE = 60  # ...if they hold no more prose than a notice or a disclosure


def headline_inside(blocks: list[Block], start: int, end: int, stops: frozenset[str],
                    hint: str | None = None) -> int | None:
    """The index of a headline among the region's first blocks, when a date or byline
    follows it, or the page's <title> (`hint`) gives it, and little prose comes before it (a
    browser notice, a disclosure, a breadcrumb: the region began too early); None when the
    region starts with the article."""
    prose_words = 0
    for index in range(start, min(end, start + TITLE_INSIDE)):
        block = blocks[index]
        if not headline_like(block) or block.text.endswith("."):  # a standfirst is no headline
            if is_prose(block):
                prose_words += block.words
                if prose_words > WORDS_ABOVE_TITLE:
                    return None
            continue
        after = blocks[index + 1: index + 3]
        if any(is_dateline(b) or BYLINE.match(b.text) for b in after) and (
                shared_share(block, opening_words(blocks, index + 1, stops), stops) >= 0.5):
            return index
        if hint and index and in_page_title(
                block, hint, partial(opening_words, blocks, index + 1, stops), stops):
            return index
    return None


def headline_like(block: Block) -> bool:
    """Could be a headline: a line of a few words, spaced, not a list item, breadcrumb,
    byline, credit or dateline, and not a sentence ending in a full stop."""
    return (not block.furniture and block.role is not Role.ITEM and 3 <= block.words <= 30
            and block.text.count(" ") >= 2 and not (block.text.endswith(".") and block.words > 12)
            and not (block.text[0] == "[" and IMAGE_LINE.fullmatch(block.text))  # alt text
            and not CREDIT.match(block.text) and not NAME_DECOR.search(block.text)
            and len(BREADCRUMB.findall(block.text)) < 2 and not HOME_CRUMB.match(block.text)
            and find_date(block.text) is None
            and furniture_match(block.text, "head") is None)  # "1 hour ago", "5 min read"


# a date line that says it is the publication date, wherever it stands on the page
PUBLISHED = re.compile(r"\b(?:published|posted|publication date|date published|first published|"
                       r"veröffentlicht|publié|publicado|pubblicato|gepubliceerd)\b", re.IGNORECASE)


def is_dateline(block: Block) -> bool:
    return block.words <= DATELINE_MAX_WORDS and find_date(block.text) is not None


BYLINE = re.compile(r"^(?:(?:written|posted|reported|words|story|text|reporting) by:?|by:?|von|par|por|di|"
                    r"door|authors?:|autor(?:in)?:|auteur:)\s+(.+)$", re.IGNORECASE)
# "By Carla Mendes, Staff Writer": the part after the comma is a job, not a second author
ROLE_WORDS = {"staff", "writer", "reporter", "editor", "correspondent", "contributor", "columnist",
              "producer", "journalist", "analyst", "expert", "founder", "co-founder", "cofounder",
              "director", "senior", "ceo", "coo", "cto", "cfo", "president", "manager",
              "redaktion", "korrespondent", "rédaction", "journaliste", "redacción"}
NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|\bund\b|\bet\b|\by\b|&)\s*")


def find_authors(blocks: list[Block], lines: range, title_at: int | None = None) -> tuple[str, ...]:
    """The byline's names: "By Jane Doe and Max Roe | May 3", "Updated May 3, 2024 by Jane Doe",
    "By" on a line of its own above them, or, next to the headline or a date line, a line that
    is a name alone ("Jane Doe", "Jane Doe   USA TODAY")."""
    for index in lines:
        block = blocks[index]
        match = BYLINE.match(block.text) or GLUED_BY.match(block.text)
        if match and block.words <= 16:
            found = byline_names(match.group(1))
        elif block.words <= DATELINE_MAX_WORDS and (inside := BY_INSIDE.search(block.text)) and (
                not block.text[:inside.start()].rstrip().lower().endswith(NOT_AUTHORED)
                and find_date(block.text) is not None):
            found = byline_names(inside.group(1))  # a date line that ends with its byline
        elif block.words <= 16 and (inside := BY_INSIDE.search(block.text)) and (
                author_picture(block.text[:inside.start()], inside.group(1))):
            found = byline_names(inside.group(1))  # the author's picture, by its alt text, first
        elif BY_ALONE.fullmatch(block.text) and index + 1 < len(blocks):
            found = byline_names(blocks[index + 1].text)
            found = found if len(found) == 1 and PERSON.fullmatch(found[0]) else ()
        else:
            continue
        if found:
            return found
    common: set[str] | None = None  # words the page writes in lower case: not names
    for index in lines:
        block = blocks[index]
        if block.furniture or block.words > 8 or block.sentence_like:
            continue
        name = before_tail(BYLINE_END.split(NAME_DECOR.sub("", block.text).strip())[0])
        name = name.strip(NAME_TRIM)
        if (not PERSON.fullmatch(name) or name.isupper() or ROLE_WORDS & set(name.lower().split())
                or BYLINE.match(block.text) or BY_ALONE.fullmatch(name)):  # "Written By"
            continue
        beside = blocks[max(0, index - 1): index] + blocks[index + 1: index + 2]
        if index - 1 == title_at or any(is_dateline(b) for b in beside) or (
                index and blocks[index - 1].role is Role.HEADING):
            if common is None:
                common = {w.lower() for b in blocks for w in WORD.findall(b.text) if w[0].islower()}
            if not common & set(name.lower().split()):  # "Learn More", "Press Release"
                return (undoubled(name),)
    return ()


def byline_names(text: str) -> tuple[str, ...]:
    """The names a byline gives, up to its date, section or job: "Jane Doe and Max Roe",
    "Jane Doe April 12, 2024", "Jane DoePublished: Jan 29", "Jane Doe on Friday", "Jane Doe in
    Politics", "Jane Doe ⋅ Editor", "Jane Doe, Senior Analyst, Acme Corp" (the employer after a
    job is no author either)."""
    names = before_tail(BYLINE_END.split(text)[0])
    found: list[str] = []
    for part in NAME_LIST.split(names):  # "Jane Doe, Home and Garden Editor": a job, not two names
        if ROLE_WORDS & set(part.lower().split()):
            break
        for name in NAME_SPLIT.split(part):
            name = name.strip(NAME_TRIM)
            if not name or (found and CREDENTIAL.fullmatch(name)):
                continue  # "Jane Doe, CFA, Max Roe, PhD": letters after a name
            words = name.split()
            if (not name[0].isupper() or sum(not w.islower() for w in words) > 4
                    or any(w.islower() and w not in PARTICLES for w in words)):
                return tuple(found)
            found.append(undoubled(name))
    return tuple(found)


def before_tail(names: str) -> str:
    """The names, without the date, section or job that follows them; "" when the text opens
    with one ("Feb 11, 2019": the byline's name was a link the scrape lost)."""
    padded = " " + names  # a tail needs a space before it
    tail = BYLINE_TAIL.search(padded)
    return padded[:tail.start()] if tail else padded


def undoubled(name: str, min_words: int = 1) -> str:
    """"Jane Doe Jane Doe" (an author link's picture and text) -> "Jane Doe"; glued too,
    "Jane DoeJane Doe" (a terminal browser that printed a link's two parts). A half of
    fewer than `min_words` words stays doubled ("Bye Bye")."""
    words = name.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half >= min_words and words[:half] == words[half:]:
        return " ".join(words[:half])
    half = len(name) // 2
    if len(name) % 2 == 0 and name[:half] == name[half:] and name[half - 1] != " ":
        return name[:half]
    return name


NAME_LIST = re.compile(r"\s*[,;]\s*")
NAME_TRIM = " .*_●•|"  # what Markdown and bullets leave around a name


# what follows the names in a byline: its date ("April 12, 2024", "on 12/04/24"), "Updated ..."
BYLINE_TAIL = re.compile(r"\s+(?:(?:on|at)\s+)?(?:(?:last\s+)?(?:updated|published|posted)\b"
                         r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d"
                         r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)|\s+(?:on|in)\s+(?=[A-Z])"
                         r"|(?<=[a-z])(?-i:Updated|Published|Posted|Last|(?:Jan|Feb|Mar|Apr|May|Jun|Jul"
                         r"|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)", re.IGNORECASE)
PARTICLES = frozenset("de van von der den da di del la le du dos das bin al ter".split())
GLUED_BY = re.compile(r"By([A-ZÀ-Ý][a-zà-ÿ].*)$")  # "ByJane Doe": the link's text ran into "By"
# "Last updated on April 8, 2024 by Jane Doe", "May 18, 2023 By Jane Doe"
BY_INSIDE = re.compile(r"(?<![^\s\d*|•·⋅])[Bb][Yy]:?\s+([A-ZÀ-Ý].*)$")
NOT_AUTHORED = ("photo", "photos", "image", "images", "illustration", "video", "graphic",
                "graphics", "map", "chart", "credit", "edited", "reviewed", "checked", "sponsored",
                "presented", "powered", "produced", "designed", "hosted", "narrated")
CREDENTIAL = re.compile(r"(?:[A-Z][A-Za-z]{0,2}\.?){1,3}[A-Z]\.?[®™]?|[A-Z]{2,6}[®™]|Ph\.?D\.?|"
                        r"(?:Jr|Sr|II|III|IV)\.?")
# "Picture of Jane Doe By Jane Doe", "Byline profile imageWritten by Jane Doe"
PICTURE_OF = re.compile(r"(?:picture|photo|image|headshot|avatar|portrait) of\s+", re.IGNORECASE)
AUTHOR_IMAGE = re.compile(r"\b(?:author|profile|byline)\s*(?:image|picture|photo|avatar)"
                          r"(?:written|posted)?\s*$", re.IGNORECASE)


def author_picture(before: str, names: str) -> bool:
    """The text before a byline's "by" is the alt text of its author's picture: "Picture of
    Jane Doe" (the same name: "Image of the bridge by Jane Doe" is a credit), "Author image"."""
    picture = PICTURE_OF.match(before)
    if picture:
        return names.startswith(before[picture.end():].strip())
    return AUTHOR_IMAGE.search(before) is not None


# "By" (or "Written by", "Author:") on a line of its own, the name on the next
BY_ALONE = re.compile(r"(?:(?:written|posted|reported|words|story|text|reporting) )?by:?|"
                      r"authors?:?|autor(?:in)?:?|auteur:?", re.IGNORECASE)


# where a byline's names end: "Jane Doe | Staff", "Jane Doe — May 3", "Jane Doe   USA TODAY"
BYLINE_END = re.compile(r"\s+[|•·⋅●–—-]\s+|\s{2,}|\s*[|•·⋅●—]\s*")
# what image alt text and author boxes add to a name: "Picture of Liz Kenny", "Amar's avatar"
NAME_DECOR = re.compile(r"^(?:picture|photo|image|avatar|portrait) of\s+|['’]s (?:avatar|image|photo|picture)$"
                        r"|\s+(?:image|avatar|photo)$", re.IGNORECASE)
# two to four capitalised words, initials and particles allowed: a person's name
PERSON = re.compile(r"[A-ZÀ-Ý][\w'’-]+(?: (?:[A-ZÀ-Ý]\.|[A-ZÀ-Ý][\w'’-]+|de|van|von|der|da|di|del|"
                    r"la|le|bin|al)){1,3}")


def render_markdown(blocks: list[Block]) -> str:
    """Headings, list items (one per line), runs of code lines fenced, paragraphs."""
    parts: list[str] = []
    previous: Block | None = None
    for block in blocks:
        code = block.code and not is_prose(block)
        if code and previous is not None and previous.code and not is_prose(previous):
            parts[-1] = parts[-1][: -len("\n```")] + f"\n{block.text}\n```"
        elif code:
            parts.append(f"```\n{block.text}\n```")
        elif block.role is Role.HEADING:
            parts.append(f"{'#' * max(2, block.level)} {block.text}")
        elif block.role is Role.ITEM:
            item = block.text if NUMBERED.match(block.text) else f"- {block.text}"
            if previous is not None and previous.role is Role.ITEM and not parts[-1].startswith(
                ("#", "```")):
                parts[-1] += "\n" + item
            else:
                parts.append(item)
        else:
            parts.append(block.text)
        previous = block
    return "\n\n".join(parts)
