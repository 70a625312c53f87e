"""The characters a regex's match can start with, read off the regex's parsed form.

`patterns.combined` builds one alternation per first character of a block, so that a block is
matched against the few dozen furniture patterns that can start with its first character instead
of all of them. The parsed form comes from CPython's regex parser (`re._parser`, `sre_parse`
before 3.11), which is private: `tests/test_regex_prefilter.py` fails loudly if a Python release
changes it, and every answer errs towards "any character" (None), which is slow but never wrong.
"""
from __future__ import annotations

import re
import sys
from functools import cache

if sys.version_info >= (3, 11):
    import re._parser as sre_parse
else:  # pragma: no cover
    import sre_parse


ASCII_DIGITS = "0123456789"
MAX_RANGE = 400  # characters: a wider class ([a-z] is fine, [\u0000-\uffff] is not) is "any"


@cache
def first_chars(regex: re.Pattern) -> frozenset[str] | None:
    """The lower-cased characters a match of `regex` can start with; None when any can."""
    chars, _ = sequence_first(sre_parse.parse(regex.pattern, regex.flags))
    return None if chars is None else frozenset(chars)


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
