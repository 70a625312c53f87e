"""markup: link, image and widget markup reduced to plain lines, one rule a test."""
from __future__ import annotations

from newsclean.text.markup import LYNX_LINK_CHARS, clean_lines, markdown_link_text, tidy


def test_a_markdown_link_becomes_its_text_and_counts_as_link_text():
    assert markdown_link_text("Read [the plan](https://example.org/plan.pdf) now.") == (
        "Read the plan now.", len("the plan"))


def test_a_markdown_image_goes():
    assert markdown_link_text("![The old bridge](https://example.org/b.jpg)") == ("", 0)


def test_emphasis_and_escapes_are_undone_but_not_inside_words():
    assert tidy("**Bold** claims, \\*literal\\* stars and file_name_here") == (
        "Bold claims, *literal* stars and file_name_here")


def test_lynx_link_numbers_go_and_count_a_link_s_usual_length():
    text = "\n".join(f"[{n}]Story number {n} about the town" for n in range(1, 7))
    lines, links = clean_lines(text)
    assert lines[0] == "Story number 1 about the town"
    assert links == [min(len(lines[0]), LYNX_LINK_CHARS)] * 6


def test_a_line_that_is_only_an_address_is_blanked():
    lines, _ = clean_lines("The council voted.\n   12. https://example.org/story\nWork starts.")
    assert lines == ["The council voted.", "", "Work starts."]
