"""revise: inside the region, one rule a test."""
from __future__ import annotations

from handmade import block, prose

from newsclean.text.blocks import Role
from newsclean.text.revise import (
    looks_like_heading,
    marks_items,
    reads_as_text,
    record_fields,
    revise_region,
    trim_edges,
)


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


def test_an_entrys_fields_that_recur_are_its_text():
    # a guide's events: each with its date, place and link, between the entries' prose
    region = [prose()]
    for name, day, town in [("Expo", "June 8", "Paris"), ("Summit", "May 18", "Lisbon"),
                            ("Congress", "March 2", "Barcelona")]:
        region += [block(f"Date: {day}, 2026"), block(f"Location: {town}"),
                   block(f"Registration: https://{name.lower()}.example/"), prose()]
    assert revise_region(region, None) == region


def test_a_lone_repeated_label_is_no_record():
    # one label three times ("Photo: ..." credits) is no entry's record: labels, dropped
    region = [prose(), block("Photo: Jane Doe"), prose(), block("Photo: John Roe"), prose(),
              block("Photo: Ann Poe"), prose()]
    assert record_fields(region) == set()
    region[3] = block("Place: Paris")  # two labels, but one of them once
    assert record_fields(region) == set()


def test_the_headline_is_not_said_twice():
    region = [block("Council backs bridge"), prose()]
    assert revise_region(region, "Council backs bridge") == [region[1]]


def test_a_list_item_of_three_words_is_text_and_of_two_a_menu_entry():
    assert reads_as_text(block("Bring warm clothes", role=Role.ITEM))
    assert not reads_as_text(block("Contact us", role=Role.ITEM))


def test_a_heading_needs_prose_after_it():
    region = [block("What happens next"), block("Contact us")]
    assert not looks_like_heading(region[0], region, 0)


DISCLOSURE = ("We may receive a commission from our partners if you click a link, which does not "
              "change our ratings.")


def test_a_label_the_edge_trim_leaves_at_the_head_goes_with_the_furniture_after_it():
    # a guide's boxes under a disclosure: each box's label, then its entry that opens with the
    # disclosure; read alone, the article would lose a box each time it is read
    story = prose(words=60)
    body = [prose(DISCLOSURE, words=20)]
    for name in ("Acme", "Bolt"):
        body += [block("Featured provider"), prose(f"{name} 4.2 {DISCLOSURE}", words=22)]
    body += [story]
    assert trim_edges(body) == [story]
    # a heading at the head stays, and so does a label the trim did not reach
    heading = block("Our verdict", role=Role.HEADING)
    assert trim_edges([prose(DISCLOSURE, words=20), heading, story]) == [heading, story]
    label = block("Featured provider")
    assert trim_edges([label, story]) == [label, story]


def bare_list_region() -> list:
    # copied text: a list's items are bare lines, in sentence case; a rail's headlines in
    # title case and a lone short line stay labels
    items = [block("Rapid deployment times for new servers"), block("Flexible scaling between sites"),
             block("Strong compliance with the rules of the EU")]
    rail = [block("Guide to the Stanford MBA Interview"), block("How to Get Into Stanford MBA"),
            block("Best Strategies for the HBS Essay")]
    return [prose(), *items, prose(), *rail, prose(), block("Share this article now")]


def test_a_bare_list_is_kept_where_the_scrape_marks_no_items():
    region = bare_list_region()  # (a line over prose is a subheading, as before)
    assert revise_region(region, None, bare_lists=True) == [*region[:5], region[7], region[8]]
    # where the scrape marks its items, bare lines are no list
    region = bare_list_region()
    assert revise_region(region, None) == [region[0], region[3], region[4], region[7], region[8]]


def test_a_scrape_marks_items_with_bullets_not_numbers():
    assert marks_items([prose(), block("Flexible scaling", role=Role.ITEM)])
    assert not marks_items([prose(), block("1. Flexible scaling", role=Role.ITEM)])
