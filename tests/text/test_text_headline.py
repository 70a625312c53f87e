"""headline: the article's headline, one rule a test."""
from __future__ import annotations

from handmade import block, prose

from newsclean.text.blocks import MetaView, Role
from newsclean.text.headline import find_headline, headline_like
from newsclean.text.region import Region
from newsclean.titles import without_site_name


def test_without_site_name():
    assert without_site_name("Council backs new footbridge | Herald") == "Council backs new footbridge"
    assert without_site_name("Brake pads – From a Mechanic") == "Brake pads – From a Mechanic"


def test_breadcrumbs_credits_and_dates_are_no_headlines():
    assert headline_like(block("Council backs new footbridge over the river"))
    assert not headline_like(block("Home | News | Local | Story"))
    assert not headline_like(block("Photo by Jane Doe for the Herald"))
    assert not headline_like(block("Tuesday, May 3, 2024 at 10:30"))
    assert not headline_like(block("Council backs footbridge", role=Role.ITEM))


def test_a_heading_found_inside_the_region_moves_its_start():
    blocks = [block("You are using an outdated browser"), block("Council backs new footbridge plan"),
              block("By Jane Doe"),
              prose("The council backs the new footbridge plan after a vote on Tuesday night.", 40)]
    headline = find_headline("", blocks, Region(0, 3), MetaView.of(blocks, 0), frozenset())
    assert headline.text == "Council backs new footbridge plan"
    assert headline.region == Region(2, 3) and headline.at == 1


def test_a_level_one_heading_is_the_headline():
    blocks = [block("Menu"), block("Council backs new footbridge", role=Role.HEADING, level=1),
              prose(), prose()]
    headline = find_headline("", blocks, Region(2, 3), MetaView.of(blocks, 2), frozenset())
    assert (headline.text, headline.at, headline.region) == ("Council backs new footbridge", 1,
                                                              Region(2, 3))
