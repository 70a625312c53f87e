"""region: the best run and its cuts, one rule a test, on blocks built by hand."""
from __future__ import annotations

import dataclasses

import pytest
from handmade import block, prose

from newsclean.text.blocks import Role
from newsclean.text.entries import (
    CLAUSE_LINES,
    ENTRY_PROSE_WORDS,
    ENTRY_REPEATS,
    TABLE_ROWS,
    mark_checklist,
    mark_entries,
    mark_table_cells,
    mark_table_rows,
)
from newsclean.text.region import (
    COMMENT_BYLINES,
    TEASER_DATES,
    WORDS_BEFORE_BOUNDARY,
    Region,
    best_run,
    choose_article_region,
    cut_at_boundary,
    cut_at_comment_bylines,
    cut_at_dated_rail,
    cut_at_dated_teasers,
    with_closing_list,
    with_closing_table,
)


def test_best_run_is_the_contiguous_run_with_the_highest_total():
    assert best_run([-4.0, 30.0, -4.0, 20.0, -50.0, 40.0]) == (1, 3)
    assert best_run([-4.0, -4.0]) == (0, 0)


def test_the_region_is_a_frozen_pair_of_page_indexes():
    menu = [block(item) for item in ("Home", "News", "Sport")]
    blocks = menu + [prose(words=60), prose(words=60)] + [block("Contact")]
    region = choose_article_region(blocks)
    assert region == Region(3, 4)
    with pytest.raises(dataclasses.FrozenInstanceError):
        region.start = 0  # type: ignore[misc]


def test_a_comments_header_ends_the_region_after_an_article():
    blocks = [prose(words=WORDS_BEFORE_BOUNDARY), block("Comments", furniture="comments"),
              prose(words=40)]
    assert cut_at_boundary(blocks, 0, 2) == 0


def test_a_comments_line_before_an_article_s_worth_of_text_ends_nothing():
    blocks = [prose(words=WORDS_BEFORE_BOUNDARY - 1), block("Comments", furniture="comments"),
              prose(words=40)]
    assert cut_at_boundary(blocks, 0, 2) == 2


@pytest.mark.parametrize("line", ["© 2025 Millbrook Gazette", "Copyright 2025 Acme Media Ltd",
                                  "Copyright Acme Media. All rights reserved.", "Copyright Notice"])
def test_a_pages_legal_line_ends_the_region(line):
    blocks = [prose(words=WORDS_BEFORE_BOUNDARY), block(line, furniture="copyright"), prose(words=40)]
    assert cut_at_boundary(blocks, 0, 2) == 0


@pytest.mark.parametrize("line", ["Copyright Complexity in a Fragmented World",
                                  "© A.M. Best Company, Inc. — used by permission"])
def test_a_subheading_or_a_credit_that_names_copyright_ends_nothing(line):
    # a section of a story about copyright law; a table's credit inside the story
    blocks = [prose(words=WORDS_BEFORE_BOUNDARY), block(line, furniture="copyright"), prose(words=40)]
    assert cut_at_boundary(blocks, 0, 2) == 2


def teasers(dates: list[str]) -> list:
    """A teaser each: its headline, its summary (too short for prose), its date line."""
    out = []
    for n, date in enumerate(dates):
        out += [block(f"Story number {n} about the town council"),
                block(f"What happened in story {n}.", stop_ratio=0.4),
                block(date)]
    return out


def test_a_rail_of_teasers_under_one_date_line_is_cut_off():
    article = [prose(words=60), prose(words=40)]
    blocks = article + teasers(["Tuesday November 19, 2019"] * TEASER_DATES)
    assert cut_at_dated_teasers(blocks, 0, len(blocks) - 1) == len(article) - 1


def test_a_calendar_whose_dates_rise_is_no_rail():
    article = [prose(words=60), prose(words=40)]
    dates = ["June 9, 2025"] * TEASER_DATES + ["June 10, 2025"] * TEASER_DATES
    blocks = article + teasers(dates)
    assert cut_at_dated_teasers(blocks, 0, len(blocks) - 1) == len(blocks) - 1


def test_a_thread_of_dated_comment_bylines_is_cut_off():
    article = [prose(words=60)]
    comment = [block("by jdoe (1234) writes: on Friday December 19, 2025 @08:08PM"),
               prose("I have crossed that bridge every day for years and it is fine.", words=13)]
    blocks = article + comment * COMMENT_BYLINES
    assert cut_at_comment_bylines(blocks, 0, len(blocks) - 1) == 0
    fewer = article + comment * (COMMENT_BYLINES - 1)
    assert cut_at_comment_bylines(fewer, 0, len(fewer) - 1) == len(fewer) - 1


def test_a_list_the_article_introduces_is_kept_as_items():
    blocks = [prose(words=60), block("Tour dates:", sentence=True),
              block("June 9 -- Arena, Leeds"), block("June 12 -- Hall, York"),
              block("June 15 -- Dome, Hull"), block("Home")]
    end = with_closing_list(blocks, 1)
    assert end == 4
    assert [b.role for b in blocks[2:5]] == [Role.ITEM] * 3


def test_a_best_run_too_short_for_an_article_gives_way_to_the_run_of_sentences():
    # one sentence scores (a few stopwords), the one before it does not: six words are no
    # article, but the two sentences together are (the page as its cleaned text reads alone)
    blocks = [block("the the the the."), block("the Tuesday spring spring bridge said.",
                                                stop_ratio=0.5)]
    assert choose_article_region(blocks) == Region(0, 1)
    # ...and an article's worth of words that scores is kept as it is
    longer = [block("Menu"), prose(words=12), block("Home")]
    assert choose_article_region(longer) == Region(1, 1)


def test_a_short_run_with_no_sentences_around_it_stands():
    blocks = [block("Home"), block("the Tuesday spring spring bridge said.", stop_ratio=0.5),
              block("News")]
    assert choose_article_region(blocks) == Region(1, 1)


def entries(labels: tuple[str, ...], count: int = ENTRY_REPEATS, words: int = ENTRY_PROSE_WORDS) -> list:
    """A guide's entries: the same labels, each over a line of its own, then prose."""
    out = []
    for n in range(count):
        for label in labels:
            out += [block(label), block(f"The {'first second third fourth fifth sixth'.split()[n]} "
                                        f"point about {label.lower()}")]
        out.append(prose(f"What the guide says of entry {n}.", words=words))
    return out


def test_entries_are_gaps_between_prose_that_share_a_template_of_labels():
    blocks = [prose(words=60)] + entries(("Pros", "Cons"))
    assert mark_entries(blocks)
    assert [b.entry for b in blocks] == [not b.words >= 10 for b in blocks]


def test_one_repeated_label_a_short_blurb_or_too_few_entries_make_no_guide():
    for blocks in ([prose(words=60)] + entries(("Read more",)),
                   [prose(words=60)] + entries(("Pros", "Cons"), words=ENTRY_PROSE_WORDS - 1),
                   [prose(words=60)] + entries(("Pros", "Cons"), count=ENTRY_REPEATS - 1)):
        assert not mark_entries(blocks)
        assert not any(b.entry for b in blocks)


def test_table_rows_are_lines_laid_out_alike_that_each_hold_a_number():
    rows = [block(f"{n}. Town number {n} | {50 + n}.5") for n in range(1, TABLE_ROWS + 1)]
    assert mark_table_rows(rows) and all(row.row for row in rows)
    menu = [block(f"Section {name} | Archive") for name in "ABCDEFG"]
    assert not mark_table_rows(menu)
    short = rows[:TABLE_ROWS - 1]
    for row in short:
        row.row = False
    assert not mark_table_rows(short)


def test_entries_widen_the_region_only_around_what_it_was():
    # a guide below its introduction: the region runs on through the entries
    guide = [block("Home"), prose(words=60)] + entries(("Pros", "Cons"), words=40) * 2
    region = choose_article_region(guide)
    assert (region.start, region.end) == (1, len(guide) - 1)
    # a rail of teasers far above a story: read as entries, the rail outscores the story, but
    # the region does not move to it (menus and rails repeat their labels too)
    rail = [block("Home"), prose("A teaser.", words=40)] + entries(("Read more", "Share"), count=5,
                                                                    words=40)
    page = rail + [block(f"Menu {n}") for n in range(60)] + [prose(words=200)]
    region = choose_article_region(page)
    assert (region.start, region.end) == (len(page) - 1, len(page) - 1)


def test_entries_do_not_move_a_dated_story_s_top():
    # a product menu of blurbs under the same labels right above a story's date line: the
    # story's top stays where it was; undated, the same menu is read as the guide's entries
    rail = [block("Home"), prose("A blurb.", words=40)] + entries(("Key facts", "Verdict"),
                                                                   count=5, words=40)
    rail += [block(f"Product {n}") for n in range(45)]  # costs more than the rail brings, unmarked
    for line, top in (("June 9, 2025", len(rail) + 1), ("Our guide", 1)):
        page = rail + [block(line), prose(words=200)]
        assert choose_article_region(page).start == top


CLAUSES = ["Book the hall for the reception and pay the deposit",
           "Send the invitations to the guests on your list",
           "Pick a date with the families and check it with the venue",
           "Order the cake from the baker in the town"]


def test_a_checklist_of_clauses_between_prose_is_marked_as_entries():
    # a heading over items that read as clauses with no full stop: a checklist's lines
    gap = [block("Twelve months before")] + [block(text, stop_ratio=0.3) for text in CLAUSES]
    assert mark_checklist(gap) and all(b.entry for b in gap)
    blocks = [prose(words=60)] + gap + [prose(words=40)]
    for b in gap:
        b.entry = False
    assert mark_entries(blocks) and all(b.entry for b in gap)


@pytest.mark.parametrize("gap", [
    # too few clauses
    [block(text, stop_ratio=0.3) for text in CLAUSES[:CLAUSE_LINES - 1]],
    # a mega menu: labels and their one-line sentences
    [block(line, stop_ratio=0.3) for text in CLAUSES for line in ("Our Services", text + ".")],
    # a rail of headlines in sentence case, under no heading and in no list
    [block(text, stop_ratio=0.3) for text in CLAUSES],
    # a rail under its header: each headline over its summary, a sentence
    [block("More from the Herald")] + [b for text in CLAUSES for b in (
        block(text, stop_ratio=0.3, role=Role.ITEM), block("What the story says in brief.", stop_ratio=0.4))],
    # a rail of headlines in title case
    [block(" ".join(w.capitalize() for w in text.split()), stop_ratio=0.3) for text in CLAUSES],
    # labels with no stopwords
    [block("Wedding cake order form and prices") for _ in CLAUSES],
])
def test_labels_sentences_and_headlines_make_no_checklist(gap):
    assert not mark_checklist(gap)
    assert not any(b.entry for b in gap)


@pytest.mark.parametrize("gap", [
    # a gallery's captions under a sentence: a line with a full stop is no heading
    [block("Nowadays, the disease is easily treated with antibiotics.", stop_ratio=0.4)]
    + [block(text, stop_ratio=0.3) for text in CLAUSES],
    # a rail's headlines around its header ("Most Read"), under a section's name
    [block("Science and Health")] + [block(text, stop_ratio=0.3) for text in CLAUSES[:3]]
    + [block("Most Read", furniture="related"), block(CLAUSES[3], stop_ratio=0.3)],
    # the article's end stamp and its tags, then the rail's headlines under its header
    [block("First Published on Nov 20, 2019 01:38 pm tags"), block("#Markets most popular")]
    + [block(text, stop_ratio=0.3) for text in CLAUSES],
])
def test_captions_and_rails_past_the_article_make_no_checklist(gap):
    assert not mark_checklist(gap)
    assert not any(b.entry for b in gap)


def test_a_checklist_s_marks_run_on_down_the_list_but_not_past_a_rail_s_header():
    # a checklist's gap marks the next gap that holds a clause (a prose item split it), and
    # that one the next; not a gap with a rail's header in it, nor what follows; nor do a
    # guide's entries or a table's rows mark their neighbours
    checklist = [block("Twelve months before")] + [block(t, stop_ratio=0.3) for t in CLAUSES]
    split = [block(CLAUSES[0], stop_ratio=0.3), block("Six months")]
    rail = [block("Most Read", furniture="related"), block(CLAUSES[1], stop_ratio=0.3)]
    blocks = ([prose(words=60)] + checklist + [prose(words=20)] + split + [prose(words=20)]
              + split[:1] + [prose(words=20)] + rail + [prose(words=20)]
              + [block(CLAUSES[2], stop_ratio=0.3)] + [prose(words=20)])
    assert mark_entries(blocks)
    assert all(b.entry for b in checklist + split) and blocks[len(checklist) + 5].entry
    assert not any(b.entry for b in rail) and not blocks[-2].entry
    table = [block(f"{n} | Row {n} | {n * 3}") for n in range(TABLE_ROWS)]
    blocks = [prose(words=60)] + table + [prose(words=20)] + rail[1:] + [prose(words=40)]
    assert mark_entries(blocks) and all(b.row for b in table)
    assert not blocks[-2].entry


def dated_rail(header: str, count: int, step: int = -1) -> list:
    """A rail's header, then `count` teasers: a headline, a date line (newest first), a
    summary."""
    out = [block(header, furniture="related")]
    for n in range(count):
        out += [block(f"Story number {n} about the town council"),
                block(f"March {15 + step * n}, 2025"), prose(words=40)]
    return out


def test_a_rail_of_dated_teasers_under_its_header_is_cut_off():
    article = [prose(words=60), prose(words=40)]
    blocks = article + dated_rail("Latest News", TEASER_DATES)
    assert cut_at_dated_rail(blocks, 0, len(blocks) - 1) == len(article) - 1
    # too few teasers, a box inside the story ("Also read:"), or the story going on after
    # the box: no rail
    # nor are a listing's entries after a "Read more" link, or a thread's posts, oldest first
    for blocks in (article + dated_rail("Latest News", TEASER_DATES - 1),
                   article + dated_rail("Also read:", TEASER_DATES),
                   article + dated_rail("Read more", TEASER_DATES),
                   article + dated_rail("Latest News", TEASER_DATES, step=1),
                   article + dated_rail("Latest News", TEASER_DATES, step=0),
                   article + dated_rail("Latest News", TEASER_DATES) + [prose(words=120)]):
        assert cut_at_dated_rail(blocks, 0, len(blocks) - 1) == len(blocks) - 1
    # nor before an article's worth of text
    blocks = [prose(words=WORDS_BEFORE_BOUNDARY - 1)] + dated_rail("Latest News", TEASER_DATES)
    assert cut_at_dated_rail(blocks, 0, len(blocks) - 1) == len(blocks) - 1


def test_a_checklist_never_moves_the_region_s_top_up():
    # a numbered rail of headlines above the story reads as a list of clauses: below the
    # story's first paragraph it would be a checklist, above it the region does not reach it
    rail = [block(f"{n}. {text}", stop_ratio=0.3, role=Role.ITEM)
            for n, text in enumerate(CLAUSES * 2, 1)]
    page = [block("Home"), prose(words=30), block("This week")] + rail + [prose(words=200)]
    assert choose_article_region(page).start == len(page) - 1
    guide = [prose(words=200), block("Before the day")] + rail + [prose(words=30)]
    assert choose_article_region(guide).end == len(guide) - 1


def test_a_table_of_dated_rows_is_no_date_line_over_the_story_below_it():
    # a report's table of dated rows between its prose: the region reads across it; the
    # table's last row ("12/1/2015 +9.7%") is no date line that would keep the later prose's
    # top as the story's top
    rows = [block(f"{month}/1/2015 +{month}.5%") for month in range(1, 13)] * 3
    page = [block("Home"), prose(words=60)] + rows + [prose(words=200)]
    assert choose_article_region(page).start == 1


def test_a_table_after_the_article_s_last_paragraph_closes_it():
    # a report's rankings under their title and header, in two sections: the region ends
    # with the table; the footer after it stays out
    def ranks() -> list:
        return [block(f"{n}. City number {n}, CA {90 - n}.5") for n in range(1, 8)]
    top, bottom = ranks(), ranks()
    table = [block("Top Large Cities"), block("Score*")] + top + [block("Bottom Large Cities")] + bottom
    page = [prose(words=200)] + table + [block("About us"), block("Contact")] * 3
    assert with_closing_table(page, 0) == len(table)
    assert all(b.row for b in top + bottom)
    # a numbered rail of headlines (no number but its own), a table past the reach or under a
    # rail's header: the region ends where it did
    rail = [block(f"{n}. Mayor says the budget is late again") for n in range(1, 8)]
    menu = [block("Blog Categories")] + [block(f"{name} ({len(name) * 7})") for name in (
        "Business", "Company News", "Decluttering", "Guides", "Moving", "Eco Living", "Resources")]
    for after in (rail, menu, [block("Label")] * 9 + ranks(),
                  [block("Most Read", furniture="related")] + ranks()):
        page = [prose(words=200)] + after
        assert with_closing_table(page, 0) == 0
        assert not any(b.row for b in page)


def test_a_table_printed_a_cell_a_line_is_rows():
    cells = [block(text) for n in range(1, 5) for text in (str(n), f"School number {n}", f"{30 + n}%",
                                                           "3.6", f"${170 + n},000")]
    assert mark_table_cells(cells) and all(b.row for b in cells)
    # a menu of numbered labels, or too few cells: none
    stars = [block("Star Rating")] + [block(str(n)) for _ in range(6) for n in range(1, 6)]
    for gap in ([block(f"Menu {n}") for n in range(30)], cells[:10], stars):
        for b in gap:
            b.row = False
        assert not mark_table_cells(gap)
        assert not any(b.row for b in gap)
