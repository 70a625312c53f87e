"""Furniture patterns (data/furniture.txt): which blocks are page furniture, and what kind."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

BULLET = re.compile(r"^\s*(?:[-*+•·◦▪□○●>]|\d{1,3}[.)])\s+")


@dataclass(frozen=True)
class Pattern:
    kind: str  # the section name: "share", "caption", ...
    scopes: frozenset[str]
    regex: re.Pattern
    line: int


@cache
def furniture_patterns() -> tuple[Pattern, ...]:
    """Parse data/furniture.txt once per process."""
    text = resources.files("newsclean").joinpath("data/furniture.txt").read_text("utf-8")
    return tuple(parse_patterns(text))


def parse_patterns(text: str) -> list[Pattern]:
    patterns, kind, scopes = [], None, frozenset()
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
        patterns.append(Pattern(kind, scopes, re.compile(line, re.IGNORECASE), number))
    return patterns


def normalise_block(text: str) -> str:
    """Collapse whitespace and drop a leading list bullet, as patterns expect."""
    return BULLET.sub("", " ".join(text.split()))


def furniture_kind(text: str, scope: str) -> str | None:
    """The kind of furniture this block is (e.g. "share"), or None if it may be content."""
    block = normalise_block(text)
    if not block or len(block) > 600:
        return None
    for pattern in furniture_patterns():
        if scope in pattern.scopes and pattern.regex.fullmatch(block):
            return pattern.kind
    return None
