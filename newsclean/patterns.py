"""Furniture patterns (data/furniture.txt): which blocks are page furniture, and what kind."""
from __future__ import annotations

import re
try:
    import re._parser as sre_parse  # type: ignore[import-not-found]  # Python 3.11+
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef]
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from .dates import find_date

CONTAINS = re.compile(r"contains(?:\[([^\]]+)\])? ")
BULLET = re.compile(r"^\s*(?:[-*+•·◦▪□○●>]|\d{1,3}[.)])\s+")


@dataclass(frozen=True)
class Pattern:
    """One furniture pattern; `str()` says what and where, for `explain`."""

    kind: str  # the section name: "share", "caption", ...
    scopes: frozenset[str]
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
    patterns: list[Pattern] = []
    kind: str | None = None
    scopes: frozenset[str] = frozenset()
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            kind, *where = line[1:-1].split()
            scopes = frozenset(where)
            continue
        if kind is None:
            raise ValueError(f"furniture.txt:{number}: pattern before any [section]")
        gated = CONTAINS.match(line)
        source = line[gated.end():] if gated else line
        gate = tuple(gated.group(1).lower().split("|")) if gated and gated.group(1) else ()
        patterns.append(Pattern(kind, scopes, re.compile(source, re.IGNORECASE), number,
                                bool(gated), gate))
    return patterns


def normalise_block(text: str) -> str:
    """Collapse whitespace and drop a leading list bullet, as patterns expect."""
    text = " ".join(text.split())
    return BULLET.sub("", text) if text[:1] in BULLET_FIRST or text[:1].isdigit() else text


BULLET_FIRST = frozenset("-*+•·◦▪□○●>")  # what BULLET can start with, but for digits


MAX_FURNITURE_CHARS = 600  # the longest furniture seen is cookie consent prose


@cache
def combined(scope: str, anywhere: bool, first: str = "") -> tuple[re.Pattern, dict[str, Pattern]]:
    """One alternation of every pattern for `scope` that can match a block starting with
    `first` ("" for a character no pattern names): one regex call per block, not a hundred,
    with only the alternatives that can match. (A few dozen small alternations, compiled as
    they are first needed: a worker process pays about 0.1 s for them, where alternations per
    length and first character cost it a second.)"""
    chosen = [p for p in furniture_patterns() if scope in p.scopes and p.anywhere == anywhere
              and (not first or (chars := first_chars(p.regex)) is None or first in chars)]
    groups = {f"p{p.line}": p for p in chosen}
    regex = "|".join(f"(?P<p{p.line}>{p.regex.pattern})" for p in chosen)
    return re.compile(regex or "(?!)", re.IGNORECASE), groups


@cache
def named_first_chars() -> frozenset[str]:
    """Every character some pattern can start with (the others share one alternation)."""
    return frozenset(c for p in furniture_patterns() for c in first_chars(p.regex) or ())


@cache
def first_chars(regex: re.Pattern) -> frozenset[str] | None:
    """The lower-cased characters a match of `regex` can start with; None when any can."""
    chars, _ = sequence_first(sre_parse.parse(regex.pattern, regex.flags))
    return None if chars is None else frozenset(chars)


ASCII_DIGITS = "0123456789"
MAX_RANGE = 400  # a wider character class ([a-z] is fine, [\u0000-\uffff] is not) is "any"


def sequence_first(items) -> tuple[set[str] | None, bool]:
    """(first characters or None for any, whether the sequence can match nothing)."""
    found: set[str] = set()
    for op, arg in items:
        chars, empty = item_first(op, arg)
        if chars is None:
            return None, False
        found |= chars
        if not empty:
            return found, False
    return found, True


def item_first(op, arg) -> tuple[set[str] | None, bool]:
    name = str(op)
    if name == "LITERAL":
        return {chr(arg).lower()}, False
    if name == "IN":
        chars: set[str] = set()
        for kind, value in arg:
            if str(kind) == "LITERAL":
                chars.add(chr(value).lower())
            elif str(kind) == "RANGE" and value[1] - value[0] <= MAX_RANGE:
                chars |= {chr(c).lower() for c in range(value[0], value[1] + 1)}
            elif str(kind) == "CATEGORY" and str(value) == "CATEGORY_DIGIT":
                chars |= set(ASCII_DIGITS)  # other digits fall to the "any" alternation
            else:  # NEGATE, CATEGORY (\w, \d), wide ranges
                return None, False
        return chars, False
    if name == "SUBPATTERN":
        return sequence_first(arg[3])
    if name == "ATOMIC_GROUP":
        return sequence_first(arg)
    if name == "BRANCH":
        union: set[str] = set()
        empty = False
        for branch in arg[1]:
            found, branch_empty = sequence_first(branch)
            if found is None:
                return None, False
            union |= found
            empty = empty or branch_empty
        return union, empty
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        repeated, empty = sequence_first(arg[2])
        return repeated, empty or arg[0] == 0
    if name in ("AT", "ASSERT", "ASSERT_NOT"):  # zero-width: the next item decides
        return set(), True
    return None, False  # ANY, NOT_LITERAL, CATEGORY, GROUPREF...: anything


@lru_cache(maxsize=1024)  # menus and footers recur: on a site's next pages, and in `settle`
def furniture_match(text: str, scope: str) -> Pattern | None:
    """The furniture pattern this block matches (kind and line, for `explain`), or None."""
    block = normalise_block(text)
    if not block or len(block) > MAX_FURNITURE_CHARS:
        return None
    first = block[0].lower()
    whole, kinds = combined(scope, False, first if first in named_first_chars() else "")
    match = whole.fullmatch(block)
    if match and match.lastgroup:
        return kinds[match.lastgroup]
    lowered = block.lower()
    patterns, gates = searched(scope)
    if not gates.search(lowered):
        return None
    for pattern in patterns:
        if not pattern.gate or any(word in lowered for word in pattern.gate):
            if pattern.regex.search(block):
                return pattern
    return None


@cache
def searched(scope: str) -> tuple[tuple[Pattern, ...], re.Pattern]:
    """The `contains` patterns of a scope, and one regex of all their gate words (a block
    that holds none of them needs no search at all)."""
    patterns = tuple(p for p in furniture_patterns() if p.anywhere and scope in p.scopes)
    if any(not p.gate for p in patterns):
        return patterns, re.compile("")
    words = sorted({w for p in patterns for w in p.gate}, key=len, reverse=True)
    return patterns, re.compile("|".join(map(re.escape, words)) or "(?!)")


MAX_EDGE_BLOCKS = 6  # how far into an article head/tail furniture is looked for
EDGE_DATELINE_WORDS = 8   # "Friday, November 14, 2025 at 10:32 am EST" is a date, not a sentence
WORD = re.compile(r"\w+")


def edge_furniture(text: str, edge: str) -> str | None:
    """What furniture opening (`edge` "head") or closing ("tail") an article this is:
    datelines, disclosures, bios, calls to action; None if it may be article text."""
    pattern = furniture_match(text, edge)
    if pattern:
        return f"furniture: {pattern}"
    words = WORD.findall(text)
    if 0 < len(words) <= EDGE_DATELINE_WORDS and find_date(text) is not None:
        return "a date line"
    return None
