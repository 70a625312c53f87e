"""The RE2 prefilter of furniture patterns (pattern_set.PatternSet) never rules out a block
that a pattern matches with Python's re: checked on every furniture pattern against blocks it
matches and blocks of many scripts."""
import re

import pytest

from newsclean.pattern_set import PatternSet, widened
from newsclean.patterns import Scope, furniture_match, furniture_patterns, scope_set

BLOCKS = [
    "Share this article", "Advertisement", "Photo: Jane Doe/Reuters", "© 2024 Reuters",
    "All rights reserved.", "Skip to content", "Read more", "Related stories", "3:25",
    "[chirag-150x1]", "Comments (12)", "Sign up for our newsletter", "Ünsere Straße ist schön",
    "Café société — l'été", "Москва и мир", "東京の天気は晴れ", "FILE - In this Oct. 28, 2019, "
    "file photo, a man walks.", "1of4Police stand guard.", "The council voted on Tuesday to "
    "close the bridge for repairs.", "Foto: Jürgen Müller (dpa)", "x" * 599, "İstanbul ıı",
    "By Jane Doe and John Roe", "Kelvin \u212a sign",
]


class Item:
    def __init__(self, pattern: str, anywhere: bool) -> None:
        self.regex, self.anywhere = re.compile(pattern, re.IGNORECASE), anywhere


@pytest.mark.parametrize("scope", [Scope.TEXT, Scope.HTML, Scope.HEAD, Scope.TAIL])
def test_never_rules_out_a_match(scope):
    patterns, _ = scope_set(scope)
    for block in BLOCKS:
        found = set(patterns.candidates(block))
        for index, pattern in enumerate(patterns.patterns):
            matched = (pattern.regex.search(block) if pattern.anywhere
                       else pattern.regex.fullmatch(block))
            if matched:
                assert index in found, (block, pattern)


def test_rules_out_most_prose():
    patterns, _ = scope_set(Scope.TEXT)
    assert patterns.candidates("The council voted on Tuesday to close the bridge.") == []
    assert patterns.candidates("Advertisement")


def test_widened_drops_what_re2_reads_otherwise():
    assert widened(re.compile(r"\bcafé\b(?=!)", re.IGNORECASE)).count("\\b") == 0
    wide = PatternSet([Item(r"\bcafé\b(?= now)", False), Item(r"x.{0,500}y", True)])
    assert wide.candidates("café") == [0]  # Python's \b sees é as a letter; RE2's would not
    assert wide.candidates("a x" + "z" * 700 + "y") == [1]  # wider than the count
    assert wide.candidates("nothing here") == []


def test_furniture_match_first_pattern_in_file_order():
    found = furniture_match("Advertisement", Scope.TEXT)
    assert found is not None
    earlier = [p for p in furniture_patterns() if Scope.TEXT in p.scopes and not p.anywhere
               and p.line < found.line and p.regex.fullmatch("Advertisement")]
    assert not earlier
