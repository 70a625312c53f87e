"""rejoin: where a line of the scrape goes on in the next, one rule a test."""
from __future__ import annotations

import textwrap

from newsclean.text.rejoin import (
    MIN_WRAP_WIDTH,
    continues_sentence,
    display_width,
    double_spaced,
    undouble,
    wrap_width,
    wrapped_at,
)

STORY = ("The council voted on Tuesday to rebuild the old footbridge over the river, after two years "
         "of arguments about its cost and its design. Work is to start in the spring, and the crossing "
         "will be closed for most of the summer while the new deck is lifted into place. Residents who "
         "use the bridge to reach the station will be offered a free bus from the market square.")


def test_a_dump_wrapped_at_sixty_columns_is_found_wrapped_at_its_longest_line():
    lines = textwrap.wrap(STORY, 60) + [""] + textwrap.wrap(STORY, 60)
    assert max(map(len, lines)) <= 60
    assert wrap_width(lines, [len(line) for line in lines], True) == max(map(len, lines))


def test_a_paragraph_a_line_is_not_wrapped():
    lines = [STORY, "", STORY[:150], "", STORY[40:]]
    assert wrapped_at(lines, True)[0] is None


def test_a_margin_narrower_than_min_wrap_width_is_a_column_not_a_wrap():
    lines = textwrap.wrap(STORY, MIN_WRAP_WIDTH - 10) * 2
    assert wrap_width(lines, [len(line) for line in lines], True) is None


def test_wide_characters_take_two_columns():
    assert display_width("東京 news") == 9


def test_a_line_ending_on_an_article_goes_on_in_the_next():
    assert continues_sentence("The council voted to rebuild the", "Old bridge over the river")


def test_a_finished_sentence_does_not_go_on_in_a_capitalised_line():
    assert not continues_sentence("The council voted on Tuesday.", "Work starts in spring.")


def test_a_lower_case_line_goes_on_unless_it_is_a_byline():
    assert continues_sentence("The council voted on Tuesday to", "rebuild the bridge")
    assert not continues_sentence("Council backs new footbridge", "by Jane Doe - 10/08/25")


def test_doubled_line_ends_are_undone_and_longer_gaps_stay():
    doubled = [part for n in range(10) for part in (f"line {n}", "")]
    assert double_spaced(doubled)
    assert not double_spaced([f"line {n}" for n in range(10)])
    lines = ["one line", "", "two line", "", "three line", "", "", "", "after a gap"]
    assert undouble(lines) == ["one line", "two line", "three line", "", "after a gap"]
