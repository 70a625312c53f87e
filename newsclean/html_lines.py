"""The HTML path's body as the lines its output prints, and their cleaning (clean_lines).

A line is a paragraph-level block of trafilatura's body tree, or, where a block holds line
breaks, each run between them: pages laid out with <br><br> put the whole story in one <p>, and
a table row or a heading trafilatura nests in it (an "ADVERTISEMENT" cell) stands on a line of
its own. The site's line directives read these lines first, as the page gives them, then the
furniture patterns and the article's edges: a rule author's `strip_after: ^More from the
Herald$` must see its marker before a generic "related" pattern takes it
(docs/findings.md#printed-lines).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .bylines import names_in_byline
from .html_prepare import remove_element as remove_block
from .patterns import MAX_EDGE_BLOCKS, FurnitureKind, Scope, edge_span, furniture_match
from .prose import WORD, ends_like_sentence
from .rules import SiteRules, line_verdicts
from .trace import Note, ignore

BLOCK_TAGS = ("p", "head", "quote", "item")
# what starts a line of its own inside a block: a line break, and the block-level elements
# trafilatura leaves nested in a <p> of a <br>-laid page (samples/midlandecho-court-cp1252)
LINE_BREAK = "lb"
NESTED_BLOCKS = frozenset(("head", "p", "list", "quote", "table", "row", "cell", "tr", "td", "th",
                           "div", "item", "graphic"))
# nested elements that blocks_of already gives as blocks of their own (their text is theirs)
OWN_BLOCKS = frozenset(("head", "quote", "item", "list"))
# a list over the lede is its highlights ("Harbour road shut after sea wall damage"): points of
# a few words each (rule of thumb: a highlight is a headline's length), two or more of them,
# with a paragraph of prose under them; a longer item is the article's own list
HIGHLIGHT_MAX_WORDS = 20
LEDE_MIN_WORDS = 15  # words: a sentence or two, as the paragraph under the highlights
BYLINE_MAX_WORDS = 12  # words: "By Jane Doe and Max Roe, Staff Writers" (rule of thumb)
# a rail's header ("Recent Articles", "More Stories") or a comment thread's, this short, closes
# the article when what follows it is under half the words above it: the teasers under it go
# too (trafilatura's recall mode takes a rail under the story for more of it)
RAIL_HEADER_WORDS = 5
RAIL_AFTER_SHARE = 0.5  # of the words above the header: what is under it must be less
RAIL_KINDS = frozenset((FurnitureKind.RELATED, FurnitureKind.COMMENTS))
# an author box's header ("Written by", "About the author") closes the article with the box
# under it when that box is this many words at most (a name, a role, a bio of a few sentences
# and its links: rule of thumb) and under RAIL_AFTER_SHARE of the words above it
AUTHOR_BOX_WORDS = 200


@dataclass
class Line:
    """One printed line: a whole block, or a run of a block between line breaks. `parts` are
    where its text lives: ("text", block) for block.text, ("tail", element) for a tail,
    ("element", element) for an inline element or a nested block (its text, not its tail)."""

    block: Any
    parts: list = field(default_factory=list)
    end: Any = None  # the <lb> that closes the line, if any
    whole: bool = False  # the line is the whole block

    @property
    def text(self) -> str:
        if self.whole:
            return block_text(self.block)
        pieces = []
        for kind, node in self.parts:
            if kind == "text":
                pieces.append(node.text or "")
            elif kind == "tail":
                pieces.append(node.tail or "")
            else:
                pieces.append("".join(node.itertext()))
        return "".join(pieces)


def blocks_of(body) -> list:
    """The body's paragraph-level elements in order, list items one by one."""
    return list(iter_blocks(body))


def iter_blocks(body) -> Iterator:
    """blocks_of, one by one as they are asked (the tree must not change meanwhile)."""
    return (el for el in body.iter(*BLOCK_TAGS)
            if el.tag != "p" or (parent := el.getparent()) is None or parent is body
            or parent.tag in ("quote", "body"))


def body_lines(body) -> list[Line]:
    """The body's printed lines in document order (blocks whole, unless they hold line
    breaks; blank runs between breaks left out)."""
    lines: list[Line] = []
    done: set = set()
    blocks = set(blocks_of(body))
    for block in body.iter(*BLOCK_TAGS, "table"):
        if block.tag == "table":  # a one-cell table is a box ("ADVERTISEMENT"), not data
            if len(block.findall(".//cell")) == 1 and block not in done:
                done.update(block.iter())
                lines.append(Line(block, whole=True))
        elif block in blocks and block not in done and block.getparent() is not None:
            lines += block_lines(block, done)
    lines += loose_lines(body)
    tops = {child: index for index, child in enumerate(body)}
    lines.sort(key=lambda line: top_of(line, body, tops))  # stable: a block's lines keep order
    # an empty block stays (it stops the walk along the article's edges, as it always has)
    return [line for line in lines if line.whole or line.text.strip()]


def loose_lines(body) -> list[Line]:
    """The text standing loose in the body, outside any block (a button's label after the
    paywall box's paragraph), a line per run."""
    found = [Line(body, [("text", body)])] if (body.text or "").strip() else []
    return found + [Line(body, [("tail", child)]) for child in body if (child.tail or "").strip()]


def top_of(line: Line, body, tops: dict) -> float:
    """Where a line stands among the body's children: its block's (or, for loose text, the
    child it follows; half a place after it; the body itself, when it is a block: first)."""
    if line.block is body and not line.parts:
        return -1.0
    if line.block is body:
        kind, node = line.parts[0]
        return -0.5 if kind == "text" else tops[node] + 0.5
    element = line.block
    while element.getparent() is not None and element.getparent() is not body:
        element = element.getparent()
    return float(tops.get(element, 0))


def block_lines(block, done: set) -> list[Line]:
    """A block's lines: the block, or its runs between line breaks and nested blocks, with
    the nested blocks' own lines where they stand (a table row nested in it is one line)."""
    done.add(block)
    if not any(child.tag == LINE_BREAK or child.tag in NESTED_BLOCKS for child in block):
        return [Line(block, whole=True)]
    lines, line = [], Line(block, [("text", block)])
    for child in block:
        if child.tag == LINE_BREAK:
            line.end = child
            lines.append(line)
            line = Line(block, [("tail", child)])
        elif isinstance(child.tag, str) and child.tag in NESTED_BLOCKS:
            lines.append(line)
            if child.tag in OWN_BLOCKS:
                inner = [child] if child.tag in BLOCK_TAGS else list(child.iter("item"))
                for element in inner:
                    lines += block_lines(element, done)
            else:
                done.update(child.iter())
                lines.append(Line(block, [("element", child)]))
            line = Line(block, [("tail", child)])
        else:
            line.parts += [("element", child), ("tail", child)]
    lines.append(line)
    return lines


def drop_line(line: Line) -> None:
    """Remove a line from the tree. Lines are dropped last first: a line's parts may hold the
    tail that opens the next one."""
    if line.whole:
        drop_nested(line.block)
        return
    for kind, node in line.parts:  # texts first: an inline element's tail is a part too
        if kind == "text":
            node.text = None
        elif kind == "tail":
            node.tail = None
    for kind, node in line.parts:
        if kind == "element" and node.getparent() is not None:
            drop_nested(node)
    if line.end is not None:
        remove_block(line.end)  # its tail opens the next line


def drop_nested(element) -> None:
    """Remove a block; one nested in another block's text leaves a line break in its place,
    so the text after it does not run into the text before it."""
    parent = element.getparent()
    if parent is not None and parent.tag in BLOCK_TAGS and (element.tail or "").strip():
        tail = element.tail
        element.clear()  # also drops attributes and the tail
        element.tag, element.tail = LINE_BREAK, tail
    else:
        remove_block(element)


def clean_lines(body, site: SiteRules | None, note: Note = ignore,
                authors: Sequence[str] = ()) -> None:
    """The site's line directives on the body's lines as the page gives them, then furniture
    patterns on the lines they leave (a keep_line's line is never furniture), then the
    byline of the page's `authors` near the top, and the datelines, disclosures and calls to
    action that open or close the article."""
    lines = body_lines(body)
    texts = [line.text for line in lines]
    verdicts = line_verdicts(texts, site)
    dropped: dict[int, str] = {}
    protected: dict[int, bool] = {}
    for index, verdict in enumerate(verdicts):
        if verdict is not None and not verdict.keep:
            dropped[index] = f"site rule {verdict.source}"
        elif verdict is not None:
            protected[index] = True
    rail = box = None
    for index, text in enumerate(texts):
        if index not in dropped and index not in protected and (
                pattern := furniture_match(text, Scope.HTML)):
            if pattern.kind == FurnitureKind.AUTHOR_BOX:
                box = index  # furniture only when it closes the article (author_box)
                continue
            dropped[index] = f"furniture: {pattern}"
            if pattern.kind in RAIL_KINDS and len(WORD.findall(text)) <= RAIL_HEADER_WORDS:
                rail = index
    if rail is not None:
        dropped.update(rail_under(texts, rail, dropped, protected, list_end(lines, rail)))
    if box is not None:
        dropped.update(author_box(texts, box, dropped, protected))
    head = [i for i in range(len(lines)) if i not in dropped and texts[i].strip()][:MAX_EDGE_BLOCKS]
    for index in head:
        if index not in protected and is_byline(texts[index], authors):
            dropped[index] = "the byline"
    # the edges are walked block by block, as the article's paragraphs (a <br>-laid story's
    # closing tweet credit or call to action is one of its lines, not its last paragraph)
    units: list[list[int]] = []
    for index in (i for i in range(len(lines)) if i not in dropped):
        if units and lines[units[-1][-1]].block is lines[index].block:
            units[-1].append(index)
        else:
            units.append([index])
    joined = [" ".join(texts[i] for i in unit) for unit in units]
    kept = [any(i in protected for i in unit) for unit in units]
    start, end, edges = edge_span(joined, kept, named_bios=True)
    if start < end - 1 and len(WORD.findall(joined[start])) >= LEDE_MIN_WORDS and (
            ends_like_sentence(joined[start].strip())):
        # the standfirst over the byline's date line: the walk steps over it, once
        after, _end, more = edge_span(joined[start + 1:end], kept[start + 1:end])
        edges += [(start + 1 + at, why) for at, why in more if at < after]
    for at, why in edges:
        dropped.update((index, why) for index in units[at])
    for at in highlights([[lines[i] for i in unit] for unit in units[start:]]):
        dropped.update((index, "highlights over the lede") for index in units[start + at])
    for index in sorted(dropped, reverse=True):
        note(texts[index], dropped[index])
        drop_line(lines[index])
    for lst in list(body.iter("list")):
        if not len(lst) and lst.getparent() is not None:
            remove_block(lst)


def list_end(lines: Sequence[Line], header: int) -> int:
    """Where the rail a header opens must end: a header that is a list's item heads that
    list's items only (a "Related Topics:" list set in the story, its prose going on under
    the list); elsewhere, the article's end."""
    holder = lines[header].block.getparent() if lines[header].block.tag == "item" else None
    if holder is None:
        return len(lines)
    return next((index for index in range(header + 1, len(lines))
                 if lines[index].block.getparent() is not holder), len(lines))


def rail_under(texts: Sequence[str], header: int, dropped: dict, protected: dict,
               end: int | None = None) -> dict[int, str]:
    """The lines under the last rail header (`header`) when they are a rail closing the
    article: fewer words than RAIL_AFTER_SHARE of those above it, a headline (no paragraph of
    prose) first, no keep_line among them; up to two paragraphs of prose in a row, or a label
    ending in a colon over a paragraph of prose, or the `end` of the header's list."""
    words = kept_words(texts, dropped)
    under = range(header + 1, len(texts))
    if any(index in protected for index in under) or not sum(words[:header]) or (
            sum(words[header + 1:]) >= RAIL_AFTER_SHARE * sum(words[:header])):
        return {}
    # a rail is teasers, a headline each with a blurb at most: it ends where two paragraphs of
    # prose follow each other (the story going on under a promo's "DON'T MISS" label)
    lines = [index for index in under if words[index]]
    prose = [words[index] >= LEDE_MIN_WORDS and ends_like_sentence(texts[index].strip()) for index in lines]
    if not lines or prose[0]:
        return {}
    # ... or where a label ending in a colon opens a paragraph of prose ("Kids:", then what to
    # do with them: the story's own sections under a "Related:" whose link is gone)
    label = [texts[index].strip().endswith(":") for index in lines]
    stop = next((lines[at] for at in range(len(lines) - 1) if (prose[at] or label[at]) and prose[at + 1]),
                len(texts))
    stop = min(stop, len(texts) if end is None else end)
    why = f"under the rail's header \"{texts[header].strip()}\", closing the article"
    return {index: why for index in under if index < stop and index not in dropped and texts[index].strip()}


def kept_words(texts: Sequence[str], dropped: dict) -> list[int]:
    """Each line's words, 0 for a line already dropped."""
    return [0 if index in dropped else len(WORD.findall(text)) for index, text in enumerate(texts)]


def author_box(texts: Sequence[str], header: int, dropped: dict, protected: dict) -> dict[int, str]:
    """The last author box's header (`header`) and the lines under it when the box closes the
    article: AUTHOR_BOX_WORDS at most, under RAIL_AFTER_SHARE of the words above it, no
    keep_line among them. Empty otherwise: the line is the article's own."""
    words = kept_words(texts, dropped)
    under = range(header, len(texts))
    below = sum(words[header + 1:])
    if any(index in protected for index in under) or below > AUTHOR_BOX_WORDS or (
            below >= RAIL_AFTER_SHARE * sum(words[:header])):
        return {}
    why = f"the author box under \"{texts[header].strip()}\", closing the article"
    return {index: why for index in under if index not in dropped and texts[index].strip()}


def is_byline(text: str, authors: Sequence[str]) -> bool:
    """A short line that names the article's authors and nothing else of note."""
    if not authors or len(WORD.findall(text)) > BYLINE_MAX_WORDS:
        return False
    names = {name.lower() for name in names_in_byline(text)}
    return bool(names) and names <= {author.lower() for author in authors}


def highlights(units: list[list[Line]]) -> list[int]:
    """The units that are the highlights opening the article: a list's short items, two or
    more, with a paragraph of prose right under them. None when the article opens otherwise."""
    run = 0
    while run < len(units) and len(units[run]) == 1 and units[run][0].block.tag == "item" and (
            units[run][0].block.getparent() is units[0][0].block.getparent()) and (
            len(WORD.findall(units[run][0].text)) <= HIGHLIGHT_MAX_WORDS):
        run += 1
    if run < len(units) and 0 < run and units[run][0].block.tag == "item":
        return []  # the list goes on with longer items: the article's own
    if run < 2 or run >= len(units) or units[run][0].block.tag != "p":
        return []
    lede = " ".join(line.text for line in units[run])
    if len(WORD.findall(lede)) < LEDE_MIN_WORDS or not ends_like_sentence(lede.strip()):
        return []
    return list(range(run))


def block_text(block) -> str:
    return "".join(block.itertext())
