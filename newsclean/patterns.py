"""Furniture patterns (data/furniture.txt): which blocks are page furniture, and what kind."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from .dates import find_date
from .labels import Label
from .pattern_set import PatternSet
from .prose import WORD, collapse

CONTAINS = re.compile(r"contains(?:\[([^\]]+)\])? ")
BULLET = re.compile(r"^\s*(?:[-*+•·◦▪□○●>]|\d{1,3}[.)])\s+")


class Scope(Label):
    """Where a section's patterns are tried; a section header names one or more."""

    TEXT = "text"  # every block of a text scrape
    HTML = "html"  # every block of the HTML path's body
    HEAD = "head"  # the first blocks of an article, on either path
    TAIL = "tail"  # its last blocks


class FurnitureKind(Label):
    """The kinds of furniture the code acts on by name. Sections of data/furniture.txt may name
    other kinds too ("share", "cookie"), which are dropped alike; these must exist."""

    RELATED = "related"  # a rail of teasers: the text path's region pays more to cross one
    COMMENTS = "comments"  # a thread or its header: ends an article
    COPYRIGHT = "copyright"  # the legal line: ends an article
    CAPTION = "caption"  # under an image: the alt text above it goes too
    BIO = "bio"  # "Jane Doe is a staff writer ...": kept where the article's prose names Jane Doe
    AUTHOR_BOX = "authorbox"  # "Written by" over a post's closing box: the box goes with it
    # given by the code itself, never a section of the file
    SITE_RULE = "site rule"  # a site's strip_line matched
    REPEATED = "repeated"  # the same prose twice on the page
    TEASER = "teaser"  # a rail of headlines glued to their summaries


DATA_KINDS = (FurnitureKind.RELATED, FurnitureKind.COMMENTS, FurnitureKind.COPYRIGHT,
              FurnitureKind.CAPTION, FurnitureKind.BIO, FurnitureKind.AUTHOR_BOX)


@dataclass(frozen=True)
class Pattern:
    """One furniture pattern; `str()` says what and where, for `explain`."""

    kind: str  # the section name: "share", "caption", ...
    scopes: frozenset[Scope]
    regex: re.Pattern
    line: int
    anywhere: bool = False  # `contains` lines: searched for, not matched in full...
    gate: tuple[str, ...] = ()  # ...only in blocks that hold one of these words

    def __str__(self) -> str:
        return f"{self.kind} (data/furniture.txt:{self.line})"


@cache
def furniture_patterns() -> tuple[Pattern, ...]:
    """Parse data/furniture.txt once per process."""
    text = resources.files("newsclean").joinpath("data/furniture.txt").read_text("utf-8")
    return tuple(parse_patterns(text))


def parse_patterns(text: str) -> list[Pattern]:
    """The patterns of a furniture file. Raises ValueError naming the line for a pattern before
    any section, a scope that is not a Scope, a kind the code made itself, or a FurnitureKind
    the code relies on that has no section (a renamed section must not disable a rule)."""
    patterns: list[Pattern] = []
    kind: str | None = None
    scopes: frozenset[Scope] = frozenset()
    sections: set[str] = set()
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            kind, *where = line[1:-1].split()
            scopes = frozenset(section_scope(w, number) for w in where)
            if not scopes or (kind in set(FurnitureKind) and kind not in DATA_KINDS):
                raise ValueError(f"furniture.txt:{number}: [{line[1:-1]}] needs a kind the code "
                                 f"does not give itself and one or more of {scope_names()}")
            sections.add(kind)
            continue
        if kind is None:
            raise ValueError(f"furniture.txt:{number}: pattern before any [section]")
        gated = CONTAINS.match(line)
        source = line[gated.end():] if gated else line
        gate = tuple(gated.group(1).lower().split("|")) if gated and gated.group(1) else ()
        patterns.append(Pattern(kind, scopes, re.compile(source, re.IGNORECASE), number,
                                bool(gated), gate))
    missing = [k.value for k in DATA_KINDS if k not in sections]
    if missing:
        raise ValueError(f"furniture.txt: no [{'], ['.join(missing)}] section; the code relies on it")
    return patterns


def section_scope(word: str, number: int) -> Scope:
    try:
        return Scope(word)
    except ValueError:
        raise ValueError(f"furniture.txt:{number}: unknown scope {word!r}; "
                         f"use {scope_names()}") from None


def scope_names() -> str:
    return ", ".join(scope.value for scope in Scope)


def normalise_block(text: str) -> str:
    """Collapse whitespace and drop a leading list bullet, as patterns expect."""
    text = collapse(text)
    return BULLET.sub("", text) if text[:1] in BULLET_FIRST or text[:1].isdigit() else text


BULLET_FIRST = frozenset("-*+•·◦▪□○●>")  # what BULLET can start with, but for digits


MAX_FURNITURE_CHARS = 600  # the longest furniture seen is cookie consent prose


@lru_cache(maxsize=1024)  # menus and footers recur: on a site's next pages, and in `settle`
def furniture_match(text: str, scope: str) -> Pattern | None:
    """The furniture pattern this block matches (kind and line, for `explain`), or None."""
    block = normalise_block(text)
    if not block or len(block) > MAX_FURNITURE_CHARS:
        return None
    patterns, searched_from = scope_set(scope)
    found = patterns.candidates(block)  # those that may match: most blocks, none
    if not found:
        return None
    lowered = ""
    for index in sorted(found):  # file order: the first pattern that matches, as one alternation
        pattern = patterns.patterns[index]
        if index < searched_from:
            if pattern.regex.fullmatch(block):
                return pattern
            continue
        lowered = lowered or block.lower()
        if (not pattern.gate or any(word in lowered for word in pattern.gate)) and (
                pattern.regex.search(block)):
            return pattern
    return None


@cache
def scope_set(scope: str) -> tuple[PatternSet, int]:
    """An RE2 prefilter of every pattern of `scope` (pattern_set.PatternSet: which may match
    a block), the whole-block ones first, each part in file order; and the index where the
    `contains` ones start."""
    chosen = [p for p in furniture_patterns() if scope in p.scopes]
    whole = [p for p in chosen if not p.anywhere]
    return PatternSet(whole + [p for p in chosen if p.anywhere]), len(whole)


MAX_EDGE_BLOCKS = 6  # how far into an article head/tail furniture is looked for
EDGE_DATELINE_WORDS = 8   # "Friday, November 14, 2025 at 10:32 am EST" is a date, not a sentence
# a closing "X is a ..." is a bio unless a block of the article above it this long (a sentence
# of prose, not a byline's "By Jane Doe | May 3") names X: then it is a last fact about what
# the story is about (Scrapinghub 374ac9a5 "Emirates is the number one buyer of the A380";
# WCXB dev 4340, 0346, 4101)
BIO_NAMED_IN_WORDS = 15
BIO_SUBJECT = re.compile(r"(?:the )?(.+?),? (?:is|was) ", re.IGNORECASE)


def edge_span(texts: Sequence[str], protected: Sequence[bool] = (), named_bios: bool = False
              ) -> tuple[int, int, list[tuple[int, str]]]:
    """How far furniture reaches into an article from either end, on both paths: (start, end,
    drops), where texts[:start] open the article and texts[end:] close it with datelines,
    disclosures, bios or calls to action, at most MAX_EDGE_BLOCKS at each end. A protected
    block (a site's keep_line) stops the walk. With `named_bios`, so does a bio whose subject
    the article above it names (bio_named). `drops` gives (index, reason), head first."""
    start, end, drops = 0, len(texts), []
    while start < min(end, MAX_EDGE_BLOCKS) and not (protected and protected[start]) and (
            why := edge_furniture(texts[start], Scope.HEAD)):
        drops.append((start, f"{why}, at the head of the article"))
        start += 1
    while end > start and len(texts) - end < MAX_EDGE_BLOCKS and not (
            protected and protected[end - 1]) and (why := edge_furniture(
                texts[end - 1], Scope.TAIL, texts[start:end - 1] if named_bios else None)):
        drops.append((end - 1, f"{why}, at the tail of the article"))
        end -= 1
    return start, end, drops


def edge_furniture(text: str, edge: str, above: Sequence[str] | None = None) -> str | None:
    """What furniture opening (`edge` "head") or closing ("tail") an article this is:
    datelines, disclosures, bios, calls to action; None if it may be article text (with
    `above`, the article's blocks over it: a bio whose subject they name, bio_named)."""
    pattern = furniture_match(text, edge)
    if pattern and pattern.kind == FurnitureKind.BIO and above and bio_named(text, above):
        return None
    if pattern:
        return f"furniture: {pattern}"
    words = WORD.findall(text)
    if 0 < len(words) <= EDGE_DATELINE_WORDS and find_date(text) is not None:
        return "a date line"
    return None


def bio_named(text: str, above: Sequence[str]) -> bool:
    """Whether a block of prose in `above` (BIO_NAMED_IN_WORDS words or more) names the subject
    of the bio-like `text`, as written ("Emirates", "American Dental Association")."""
    found = BIO_SUBJECT.match(normalise_block(text))
    if not found:
        return False
    named = re.compile(r"(?<!\w)" + re.escape(found.group(1)) + r"(?!\w)")
    return any(len(WORD.findall(block)) >= BIO_NAMED_IN_WORDS and named.search(block) for block in above)
