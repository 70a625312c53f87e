"""The kept text's shape (the confidence's text features) read off the article's blocks is the
shape of its text (confidence.text_shape), whatever the blocks hold."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import confidence
from newsclean.prose import collapse
from newsclean.text import select
from newsclean.text.blocks import Block, Role, as_text
from newsclean.text.features import body_shape

# words of several scripts, and marks that end sentences, close quotes or open items;
# "İ" lower-cases to two characters, one of them no word character
WORDS = st.sampled_from(["the", "Vote", "was", "close", "İstanbul", "straße", "中文的新闻", "2.",
                         "12)", "-", "*", "…", "done.", "why?", "”", "(1)", ":", "é", "x_y"])
TEXTS = st.lists(WORDS, min_size=1, max_size=30).map(" ".join).map(collapse)
BLOCKS = st.builds(Block, TEXTS, st.sampled_from(list(Role)))


@settings(max_examples=300, deadline=None)  # (the first call loads the stoplists)
@given(st.lists(BLOCKS, min_size=1, max_size=12))
def test_body_shape_is_the_shape_of_the_text(body):
    text = as_text(body)
    assert body_shape(body, text) == confidence.text_shape(text)


def test_lines_shape_counts_prose_by_its_end():
    # a long line that ends as a sentence is prose; as long without an end, it is not
    sentence = " ".join(["word"] * 14) + "."
    label = " ".join(["word"] * 14)
    assert confidence.lines_shape([14], [True])["prose_share"] == 1.0
    assert confidence.lines_shape([14], [False])["prose_share"] == 0.0
    assert body_shape([Block(sentence)], sentence)["prose_share"] == 1.0
    assert body_shape([Block(label)], label)["prose_share"] == 0.0


def test_a_block_of_two_lines_is_read_by_its_text():
    body = [Block("one two three\nfour five six seven eight nine ten eleven twelve.")]
    assert body_shape(body, as_text(body)) == confidence.text_shape(as_text(body))
    assert confidence.text_shape(as_text(body))["short_lines"] == 0.5


def test_a_selected_article_has_the_shape_of_its_text():
    page = "\n\n".join(["Home | World | Sport", "A Headline For The Story"] + [
        "The council voted on Tuesday to close the old bridge, and the mayor said that the work "
        "would start in the spring after the last of the checks." for _ in range(3)] + [
        "- a list item that the article keeps", "Share this"])
    body = select(page, None).body
    assert body_shape(body, as_text(body)) == confidence.text_shape(as_text(body))
