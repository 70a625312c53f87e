"""byline: the byline's names and the date line near the headline, one rule a test."""
from __future__ import annotations

import pytest
from handmade import block, prose

from newsclean.bylines import byline_names, undoubled
from newsclean.text.blocks import MetaView
from newsclean.text.byline import (
    DATELINE_MAX_WORDS,
    LINES_INTO_ARTICLE,
    find_authors,
    is_dateline,
    read_byline,
)


@pytest.mark.parametrize(("byline", "names"), [
    ("Jane Doe and Max Roe", ("Jane Doe", "Max Roe")),
    ("Jane Doe, Staff Writer", ("Jane Doe",)),
    ("Jane Doe April 12, 2024", ("Jane Doe",)),
    ("Jane Doe | Staff Writer", ("Jane Doe",)),
    ("Jane Doe in Politics", ("Jane Doe",)),
    ("Jane Doe, CFA, Max Roe, PhD", ("Jane Doe", "Max Roe")),
    ("Ursula von der Leyen", ("Ursula von der Leyen",)),
    ("the editors of this page", ()),
])
def test_byline_names(byline, names):
    assert byline_names(byline) == names


def test_undoubled_names():
    assert undoubled("Jane Doe Jane Doe") == "Jane Doe"
    assert undoubled("Jane DoeJane Doe") == "Jane Doe"
    assert undoubled("Bye Bye", min_words=3) == "Bye Bye"


def test_a_date_line_is_short():
    assert is_dateline(block("Published: Nov. 22, 2024, 6:12 a.m. | Updated: Nov. 22, 2024"))
    long = block("The council, which met on May 3, 2024, voted to rebuild the bridge after two "
                 "years of arguments about its cost and its design and its colour.")
    assert long.words > DATELINE_MAX_WORDS and not is_dateline(long)


def test_find_authors_reads_by_lines_and_names_beside_the_headline():
    blocks = [block("Council backs new footbridge"), block("By Jane Doe | May 3, 2024")]
    assert find_authors(blocks, range(2), 0) == ("Jane Doe",)
    alone = [block("Council backs new footbridge"), block("Jane Doe"), prose()]
    assert find_authors(alone, range(3), 0) == ("Jane Doe",)
    assert find_authors(alone, range(3), None) == ()  # a name alone, next to nothing


def test_read_byline_reads_the_window_around_headline_and_opening():
    shown = [block("Council backs new footbridge"), block("By Jane Doe"), block("May 3, 2024"),
             prose(), prose()]
    found = read_byline(MetaView.of(shown, 3), headline_at=0)
    assert (found.date, found.authors) == ("2024-05-03", ("Jane Doe",))
    assert found.window == range(0, 5)


def test_read_byline_does_not_read_past_the_opening():
    shown = [block("Council backs new footbridge"), *[prose() for _ in range(LINES_INTO_ARTICLE)],
             block("By Jane Doe"), block("May 3, 2024")]
    found = read_byline(MetaView.of(shown, 1), headline_at=0)
    assert (found.date, found.authors) == (None, ())


def test_a_published_date_line_is_read_anywhere():
    shown = [block("Council backs new footbridge"), *[prose() for _ in range(20)],
             block("Posted on May 3, 2024")]
    assert read_byline(MetaView.of(shown, 1), headline_at=0).date == "2024-05-03"


def test_the_window_opens_above_the_headline_and_runs_into_the_article():
    shown = [block(f"Line {n}") for n in range(12)]
    # the headline at 4, the article from 6: two blocks above the headline, five into the article
    assert read_byline(MetaView.of(shown, 6), headline_at=4).window == range(2, 11)
    # no headline: three blocks above the article
    assert read_byline(MetaView.of(shown, 6), headline_at=None).window == range(3, 11)
