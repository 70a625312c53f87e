"""segment: lines into blocks, one rule a test."""
from __future__ import annotations

import textwrap

from newsclean.text.blocks import Role
from newsclean.text.segment import split_blocks

STORY = ("The council voted on Tuesday to rebuild the old footbridge over the river, after two years "
         "of arguments about its cost and its design, and work is to start in the spring.")


def test_headings_items_and_rules():
    blocks = split_blocks("## Council backs bridge\n\n- First point made here\n* * *\n2. Second point")
    assert [(b.text, b.role, b.level) for b in blocks] == [
        ("Council backs bridge", Role.HEADING, 2), ("First point made here", Role.ITEM, 0),
        ("2. Second point", Role.ITEM, 0)]


def test_a_video_duration_is_no_numbered_item():
    assert [b.role for b in split_blocks("3:25")] == [Role.PARAGRAPH]


def test_hard_wrapped_paragraphs_are_rejoined():
    dump = "\n".join(textwrap.wrap(STORY, 60) + [""] + textwrap.wrap(STORY, 60))
    assert [b.text for b in split_blocks(dump)] == [STORY, STORY]


def test_unwrapped_lines_stay_blocks():
    assert len(split_blocks("Council backs bridge\nThe vote was close.\nWork starts soon.")) == 3


def test_a_crawl_dump_rejoins_a_paragraph_broken_at_its_line_breaks():
    # a crawler's dump: a blank line after every line, a paragraph's <br>s among them
    lines = ["Council backs new footbridge",
             "The council voted on Tuesday to rebuild the old footbridge over the",
             "river after a long campaign by residents who cross it every day to",
             "reach the station.",
             "services", "managed services", "staff augmentation",
             "bridge: repaint the rails and fix the lights on both of its ends",
             "bridge: widen the path so that bikes and prams can pass each other",
             "Work starts in the spring and should be done by the end of the summer, the council "
             "said in a statement that it sent to every house in the street on Wednesday."]
    dump = "".join(line + "\r\n\r\n" for line in lines)
    assert [b.text for b in split_blocks(dump)] == [
        lines[0], " ".join(lines[1:4]), *lines[4:]]
    # the same lines with no blank between them: a lower-case line goes on the one above
    assert len(split_blocks("\n".join(lines[4:7]))) == 1


def test_a_repeated_field_label_on_its_own_line_goes_on_in_its_value():
    # a text node a line: <strong>Price:</strong> $299 under each of three products
    lines = ["Phase 1:", "Planning the home gym"]
    for name, price in [("Flat bench", "$299"), ("Jump rope", "$30"), ("Mat", "$45")]:
        lines += [name, "Price:", price, "A solid pick that is perfect for any home workout."]
    texts = [b.text for b in split_blocks("\n".join(lines))]
    assert texts.count("Price: $299") == 1 and "Price:" not in texts
    assert texts[:2] == ["Phase 1:", "Planning the home gym"]  # a label said once stays apart


def test_a_link_cut_out_of_its_sentence_goes_on_it():
    # a text node a line: "That's why <a>ICU</a> exists", a capital inside the sentence
    texts = [b.text for b in split_blocks("That’s why\nICU\nexists, and it is slow.\nNext one.")]
    assert texts == ["That’s why ICU exists, and it is slow.", "Next one."]


def test_a_short_line_after_a_heading_a_counter_or_a_list_item_stays_apart():
    # a heading's or a counter's last word is capitalised; an item opens as the one above;
    # a rail's "Read More News on" opens its own line; a phone has no letter
    for lines in (["Reader Comments", "Sharon", "says"], ["109 Comments", "Sharon", "says"],
                  ["2 tablespoons cayenne pepper", "2 tablespoons", "castile soap"],
                  ["best time to drink coffee", "Read More News on", "health benefits"],
                  ["Greenbrae, California 94904", "(415) 742-4306", "hello@example.org"]):
        assert split_blocks("\n".join(lines))[1].text.startswith(lines[1])


def test_a_separator_at_a_line_end_or_alone_goes_on_in_the_next():
    texts = [b.text for b in split_blocks("Jane Doe on March 12, 2026\n|\nComments\n\n(\nJane is a farmer.")]
    assert texts == ["Jane Doe on March 12, 2026 | Comments", "( Jane is a farmer."]


def test_a_description_cut_from_its_name_goes_on_the_name_not_a_list_item():
    # a text node a line: "<b>Budget</b> - Our top pick", the " - " at the line's start
    pairs = "Budget\n- Our top pick for rentals\nHertz\n- The best rewards\nSixt\n- For a wide variety\n"
    blocks = split_blocks(pairs)
    assert [b.text for b in blocks] == ["Budget - Our top pick for rentals", "Hertz - The best rewards",
                                        "Sixt - For a wide variety"]
    assert {b.role for b in blocks} == {Role.PARAGRAPH}
    # a list whose items follow each other is a list
    listed = split_blocks("Budget\n- Our top pick\n- The best rewards\n- For a wide variety\n- Cheap\n")
    assert [b.role for b in listed][1:] == [Role.ITEM] * 4


def test_a_label_said_once_goes_on_in_the_paragraph_it_leads():
    # a text node a line: "<strong>Loppers:</strong> For thicker stems ..."
    lines = ["Loppers:", "For thicker, older or woody stems, loppers give you the reach you need.",
             "Jane says:", "I tried this on my own clematis last spring and it worked well.",
             "Best Practices:", "Keep Them Sharp:", "A sharp blade makes a clean cut that heals fast."]
    texts = [b.text for b in split_blocks("\n".join(lines))]
    assert texts[0] == "Loppers: For thicker, older or woody stems, loppers give you the reach you need."
    assert "Jane says:" in texts and "Best Practices:" in texts  # a commenter; a heading


def test_lists_under_repeated_headings_stay_lists():
    # "Pros" / "- ..." and "Cons" / "- ..." under each product: the headings of lists
    text = "".join(f"Pros\n- It cleans well {n}\nCons\n- It is loud {n}\n" for n in range(3))
    assert [b.role for b in split_blocks(text)].count(Role.ITEM) == 6


def test_a_table_s_rows_stay_rows():
    rows = ("| Rank | Group | Share |\n| --- | --- | --- |\n| 1 | State Farm | 17.1 |\n"
            "| 2 | Progressive | 14.2 |\n")
    assert len(split_blocks(rows)) >= 3
