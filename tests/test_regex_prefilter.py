"""The first-character prefilter reads CPython's private regex parser: a Python release that
changes it must fail here, not silently slow down or mis-route furniture patterns."""
from __future__ import annotations

import re

import pytest

from newsclean.regex_prefilter import first_chars


@pytest.mark.parametrize(("regex", "chars"), [
    ("Share this", {"s"}),  # lower-cased: patterns are matched ignoring case
    ("(?:Read|Related) more", {"r"}),
    ("Follow|Subscribe|[Ww]atch", {"f", "s", "w"}),
    ("[0-9]+ min read", set("0123456789")),
    (r"\d{1,2}:\d{2}", set("0123456789")),
    ("(?:By )?Jane", {"b", "j"}),  # an optional group lets the next item start the match
    ("(?=Share)Share", {"s"}),  # a lookahead is zero-width
])
def test_first_chars(regex, chars):
    assert first_chars(re.compile(regex, re.IGNORECASE)) == frozenset(chars)


@pytest.mark.parametrize("regex", [r"\w+ ago", r"[^a] share", r".*share", "[\u0000-\uffff]x"])
def test_anything_can_start_these(regex):
    assert first_chars(re.compile(regex)) is None
