"""The text path's shortcuts in its reads of a page (issue 16's speed): the byline's screens
answer as the plain rules they stand for, on generated inputs."""
from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from newsclean.bylines import BY_ALONE, NAME_TRIM
from newsclean.text.blocks import Block
from newsclean.text.byline import (
    BY_WORDS,
    CLOSE_MARK,
    COLON_GLUED,
    EMPHASIS,
    GLUED_AFTER_YEAR,
    GLUED_BY_NAME,
    GLUED_DATE,
    GLUED_JOB,
    LEAD_DECOR,
    LINK_NUMBER,
    ROLE_WORDS,
    WRITTEN_BY,
    lower_case_among,
    lower_case_words,
    plain,
)

PIECES = ("by", "By", "BY", "b", "y", "Written", "written", "author", "Autorin", "auteur",
          "Contributors", "contributor", "[12]", "**", "__", "Jan", "Mar 5", "x", " ", ":", "*",
          "•", "Jane", "Doe", "ｂｙ", "ß", "İ", "Dec", ". 1", "ly", "Oct", "5", "|", ">", "2024",
          "5. März", " de marzo", "Müller", "5 ", "le", "×", "Editor", "Senior")
texts = st.lists(st.sampled_from(PIECES), max_size=10).map("".join)


@given(texts)
@example("Written by Jane Doe")
@example("__Autorin:__")
@example("Contributors:")
@example("B[12]y")
def test_a_byline_label_is_never_screened_out(text):
    line = plain(text)
    if WRITTEN_BY.match(line) or BY_ALONE.fullmatch(line.strip(NAME_TRIM + ":")):
        assert any(word in text.lower() for word in BY_WORDS)


def reference_plain(text: str) -> str:
    """plain() with each pattern applied whatever the text."""
    if "[" in text:
        text = LINK_NUMBER.sub(" ", text).strip()
    text = GLUED_AFTER_YEAR.sub("  ", GLUED_DATE.sub(" ", text))
    text = GLUED_BY_NAME.sub("by ", COLON_GLUED.sub(r"\1: ", EMPHASIS.sub("  ", text)))
    text = text.replace(CLOSE_MARK, "  ")
    if text[text.rfind(" ") + 1:].lower() in ROLE_WORDS:  # a condition, not a screen
        text = GLUED_JOB.sub(" ", text)
    return text.lstrip(LEAD_DECOR)


@given(texts)
@example("__By**Jane Doe**")
@example("By[71]Jane DoeMar 5, 2025")
@example("Autor:Hans DoeDec. 1")
@example("Hans Müller5. März 2024")
@example("May 3, 2024Jane Doe")
@example("byBy")
@example("written byJane Doe×Jane DoeSenior Editor")
def test_plain_reads_a_line_as_every_pattern_does(text):
    assert plain(text) == reference_plain(text)


def test_the_screen_lets_the_labels_through_and_stops_the_rest():
    def screened(text):
        return any(word in text.lower() for word in BY_WORDS)

    assert all(map(screened, ("Written By", "Author:", "Auteur", "Contributors", "AUTORIN")))
    assert not any(map(screened, ("Home", "Share this story", "Jane Doe")))


WORDS = ("jane", "Jane", "doe", "Doe", "learn", "more", "jane-doe.jpg", "(jane)", "Jane's",
         "x1", "ÉTÉ", "été", "janet")
block_texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)


@given(st.lists(block_texts, max_size=6), st.sets(st.sampled_from(WORDS + ("", "jan"))))
@example(["Jane Doe", "learn more about jane-doe.jpg"], {"jane", "doe", "learn"})
def test_lower_case_among_is_the_words_the_page_writes_in_lower_case(page, words):
    blocks = [Block(text) for text in page]
    assert lower_case_among(blocks, words) == lower_case_words(blocks) & words
