"""revise: inside the region, one rule a test."""
from __future__ import annotations

from handmade import block, prose

from newsclean.text.blocks import Role
from newsclean.text.revise import looks_like_heading, reads_as_text, revise_region


def test_alt_text_over_a_caption_goes_with_the_caption():
    region = [prose(), block("A crane lifts the old deck"),
              block("The old deck is lifted out. Photo: Jane Doe", furniture="caption"), prose()]
    assert revise_region(region, None) == [region[0], region[3]]


def test_a_short_line_before_prose_is_a_subheading():
    region = [prose(), block("What happens next"), prose()]
    kept = revise_region(region, None)
    assert kept == region and kept[1].role is Role.HEADING and kept[1].level == 2


def test_a_label_no_sentence_follows_goes():
    region = [prose(), block("Share this"), block("Advertisement")]
    assert revise_region(region, None) == [region[0]]


def test_the_headline_is_not_said_twice():
    region = [block("Council backs bridge"), prose()]
    assert revise_region(region, "Council backs bridge") == [region[1]]


def test_a_list_item_of_three_words_is_text_and_of_two_a_menu_entry():
    assert reads_as_text(block("Bring warm clothes", role=Role.ITEM))
    assert not reads_as_text(block("Contact us", role=Role.ITEM))


def test_a_heading_needs_prose_after_it():
    region = [block("What happens next"), block("Contact us")]
    assert not looks_like_heading(region[0], region, 0)
