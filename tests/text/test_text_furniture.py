"""furniture: marks set on blocks before the region is chosen, one rule a test."""
from __future__ import annotations

from handmade import block, prose

from newsclean.text.features import FURNITURE_PENALTY, block_score
from newsclean.text.furniture import TEASER_RUN, glued_teaser, mark_glued_teasers, mark_repeats

TEASERS = ["Council Backs New Footbridge Over RiverThe vote came after two years of arguments.",
           "Mayor Opens Market Square Bus Route For ResidentsA free bus will run until autumn.",
           "Station Car Park To Close For Summer WorksDrivers are asked to use the town centre.",
           "Old Bridge Deck Lifted Out By Crane OvernightCrowds gathered to watch the work."]


def test_repeated_prose_is_furniture_every_copy():
    article = [prose("The council voted on Tuesday to rebuild the bridge, after two years of talks.",
                     words=200)]
    teaser = "A teaser summary that the page prints in two rails, word for word, twice over."
    blocks = article + [prose(teaser, words=15), prose(teaser, words=15)]
    mark_repeats(blocks)
    assert [b.furniture for b in blocks] == [None, "repeated", "repeated"]
    assert block_score(blocks[1]) == -FURNITURE_PENALTY  # the score follows the mark


def test_a_second_copy_of_the_whole_article_keeps_the_first():
    text = "The council voted on Tuesday to rebuild the bridge, after two years of talks."
    blocks = [prose(text, words=100), prose(text, words=100)]
    mark_repeats(blocks)
    assert [b.furniture for b in blocks] == [None, "repeated"]


def test_a_rail_printed_twice_beside_an_article_of_its_length_is_furniture_every_copy():
    # a testimonial carousel (or a teaser rail) printed twice: more than half the page's
    # prose, but not twice what the page says once; the article is what is said once
    article = [prose(f"The council voted on day {day} to rebuild the old footbridge over the river.",
                     words=50) for day in range(8)]
    quotes = [prose(f"Great staff and a very clean clinic, we love it here, says reader {n}.", words=70)
              for _ in range(2) for n in range(8)]  # the carousel, twice
    blocks = article + quotes
    mark_repeats(blocks)
    assert all(b.furniture is None for b in article)
    assert all(b.furniture == "repeated" for b in blocks[len(article):])


def test_a_headline_glued_to_its_summary_is_a_teaser():
    assert glued_teaser(TEASERS[0])
    assert not glued_teaser("The council voted on Tuesday to rebuild the old footbridge.")


def test_glued_teasers_are_a_rail_only_in_a_run():
    rail = [block(text) for text in TEASERS[:TEASER_RUN]]
    mark_glued_teasers(rail)
    assert all(b.furniture == "teaser" for b in rail)
    two = [block(text) for text in TEASERS[:TEASER_RUN - 1]]
    mark_glued_teasers(two)
    assert not any(b.furniture for b in two)
