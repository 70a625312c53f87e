"""features: what a block is and how much it pulls the region, one rule a test."""
from __future__ import annotations

import pytest
from handmade import block, prose

from newsclean.text.blocks import Block
from newsclean.text.features import (
    FURNITURE_PENALTY,
    HALF_PROSE_WEIGHT,
    LONG_NOISE_WEIGHT,
    MAX_LINK_SHARE,
    PROSE_WORDS,
    RAIL_PENALTY,
    SHORT_PENALTY,
    block_score,
    code_like,
    is_prose,
    measure,
    text_features,
    word_count,
)


def test_prose_pulls_by_its_words():
    assert block_score(prose(words=40)) == 40.0


def test_a_caption_costs_the_furniture_penalty_however_long():
    caption = prose(words=30)
    caption.furniture = "caption"
    assert block_score(caption) == -FURNITURE_PENALTY


@pytest.mark.parametrize("kind", ["related", "comments"])
def test_a_rail_header_costs_the_rail_penalty(kind):
    header = block("Related stories", furniture=kind)
    assert block_score(header) == -RAIL_PENALTY


def test_a_kept_line_pulls_by_its_words_even_as_furniture():
    kept = block("Advertisement", furniture="caption", kept_by_rule=True)
    assert block_score(kept) == 1.0


def test_a_short_sentence_with_stopwords_pulls_half():
    short = block("The mayor said it would last.", stop_ratio=0.4)
    assert short.words < PROSE_WORDS
    assert block_score(short) == short.words * HALF_PROSE_WEIGHT


def test_a_label_costs_the_short_penalty():
    assert block_score(block("Share")) == -SHORT_PENALTY


def test_a_long_menu_costs_by_its_length():
    menu = block(" ".join(["Home", "World", "Business", "Tech"] * 15), sentence=False)
    assert block_score(menu) == -60 * LONG_NOISE_WEIGHT


def test_code_neither_pulls_nor_pushes():
    assert block_score(block("import os", code=True)) == 0.0


def test_a_block_mostly_of_link_text_is_no_prose():
    linked = prose(words=40)
    assert is_prose(linked)
    linked.link_share = MAX_LINK_SHARE + 0.1
    assert not is_prose(linked)


def test_text_features_read_a_sentence_end_through_closing_quotes():
    _, words, sentence, code, _, _ = text_features('He said: "The vote was close."')
    assert (words, sentence, code) == (6, True, False)


@pytest.mark.parametrize("line", ["x = compute(y);", "$ pip install newsclean", "def main():",
                                  "SELECT name FROM users", "```", "``` flowchart TD", "~~~ python"])
def test_lines_of_code(line):
    assert code_like(line)


def test_an_article_sentence_is_no_code():
    assert not code_like("The council voted on Tuesday to rebuild the footbridge.")


def test_chinese_counts_a_word_a_two_characters():
    text = "市议会周二投票决定重建旧人行桥"
    assert word_count(text, text_features(text)[0]) == len(text) // 2


def test_measure_finds_the_language_and_the_stopword_share():
    blocks = [Block("The council voted on Tuesday to rebuild the old footbridge over the river, "
                    "after two years of arguments about its cost and its design.") for _ in range(3)]
    assert measure(blocks) == "English"
    assert blocks[0].words == 24 and blocks[0].sentence_like and blocks[0].stop_ratio > 0.3
