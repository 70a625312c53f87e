"""One RE2 pass that tells which furniture patterns may match a block (patterns.furniture_match).

Matching a block against a scope's furniture patterns with Python's `re` costs ~20 us (an
alternation of a few dozen patterns, then the `contains` searches), and most blocks match none.
An RE2 set (`google-re2`'s `re2.Set`, already a dependency for rule files) of every pattern of a
scope answers "which of them can match" in one linear pass over the block's bytes, ~1-2 us: the
blocks it rules out need no Python regex at all, the few it lets through are matched by `re` as
before. So the answer is exactly `re`'s as long as the set never rules out a block that a
pattern matches: each pattern goes into the set in a wider form (`widened`), written by
rule_regex's translator in its loose form (a Unicode class takes every non-ASCII character)
with what RE2 cannot do or reads otherwise dropped, which only widens a regex: word
boundaries (`\\b`, ASCII-only in RE2), lookaround, and long counts (`.{0,500}` is `.*`, a
smaller program). A pattern the translator cannot write at all goes in as "anything".
tests/test_pattern_set.py checks the set against `re` on every pattern's own examples and on
blocks of many scripts.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import re2

from .rule_regex import (
    IGNORECASE,
    LOOSE_OPTIONS,
    RuleRegexError,
    Writer,
    compiled_set,
    inline_flags,
    sre_parse,
    utf8,
)

# a count above this is written unbounded ({2,80} as {2,}): a wider regex, a smaller RE2 program
# (each count copies what it repeats; rule of thumb)
MAX_COUNT = 8
ANYTHING = "(?s:.*)"  # the widened form of a pattern the translator cannot write


class WideWriter(Writer):
    """rule_regex.Writer's loose form, but with what RE2 cannot do, or reads otherwise, dropped
    (a wider regex): word boundaries, lookaround, long counts."""

    def __init__(self) -> None:
        super().__init__(loose=True)

    def item(self, op: str, arg, flags: int) -> str:
        if op == "AT" and arg.name in ("AT_BOUNDARY", "AT_NON_BOUNDARY"):
            return ""  # RE2's \b knows ASCII letters only: no test is wider than the test
        if op in ("ASSERT", "ASSERT_NOT"):
            return ""
        return super().item(op, arg, flags)

    def repeat(self, op: str, arg, flags: int) -> str:
        low, high, inner = arg
        if high is sre_parse.MAXREPEAT or high > MAX_COUNT:
            low, high = min(low, MAX_COUNT), sre_parse.MAXREPEAT
        return super().repeat(op, (low, high, inner), flags)


def widened(regex: re.Pattern) -> str:
    """An RE2 regex that matches every string `regex` matches (and maybe more)."""
    try:
        items = sre_parse.parse(regex.pattern, regex.flags & IGNORECASE)
        flags = items.state.flags
        return inline_flags(flags) + WideWriter().sequence(list(items), flags)
    except (RuleRegexError, re.error, re2.error):  # pragma: no cover - no pattern of ours
        return ANYTHING


class PatternSet:
    """Patterns (patterns.Pattern: a `regex`, matched in full or, if `anywhere`, searched
    for); `candidates(text)` gives the indexes of those that may match `text` (a superset of
    those that do), in no order."""

    def __init__(self, patterns: Sequence[Any]) -> None:
        self.patterns = tuple(patterns)
        self.everything = list(range(len(self.patterns)))
        wide = [widened(pattern.regex) for pattern in self.patterns]
        # None when too big as one: every pattern a candidate
        self.any: Any = compiled_set(re2.Set.SearchSet, LOOSE_OPTIONS, [
            form if pattern.anywhere else rf"\A(?:{form})\z" for pattern, form in zip(self.patterns, wide)])

    def candidates(self, text: str) -> list[int]:
        if self.any is None:  # pragma: no cover
            return self.everything
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: read as U+FFFD, which the set widens to
            data = utf8(text)
        return self.any.Match(data) or []
