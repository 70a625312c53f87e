"""The text path's shortcuts (issue 16's speed) answer as the plain rules they stand for: each
fast form is checked against a reference written the obvious way, on generated inputs."""
from __future__ import annotations

import re
import textwrap

from hypothesis import given
from hypothesis import strategies as st

from newsclean.patterns import FurnitureKind
from newsclean.prose import collapse
from newsclean.rules import FingerprintScreen, RuleBook
from newsclean.text import segment
from newsclean.text.blocks import Block
from newsclean.text.entries import SHAPE_MARKS, has_digit, shape
from newsclean.text.features import (
    CODE_CALL,
    CODE_ENDS,
    CODE_KEYWORD,
    CODE_OPERATOR,
    CODE_STARTS,
    ENTRY_PENALTY,
    FURNITURE_PENALTY,
    HALF_PROSE_WEIGHT,
    LONG_NOISE_WEIGHT,
    MAX_CAPS_SHARE,
    MAX_LINK_SHARE,
    MIN_SCORED_WORDS,
    PROSE_STOP_RATIO,
    RAIL_PENALTY,
    SHORT_PENALTY,
    block_score,
    code_like,
    is_prose,
)
from newsclean.text.rejoin import (
    MIN_WRAP_WIDTH,
    MIN_WRAPPED_LINES,
    UNSPACED,
    WRAP_SHARE,
    WRAPPABLE_LINE_CHARS,
    display_width,
    word_width,
    wrap_width,
)


def reference_score(block: Block) -> float:
    """block_score as the rules read, one after the other."""
    if block.kept_by_rule:
        return float(max(block.words, 1))
    if block.furniture in (FurnitureKind.RELATED, FurnitureKind.COMMENTS):
        return -RAIL_PENALTY
    if block.furniture:
        return -FURNITURE_PENALTY
    if is_prose(block):
        return float(block.words)
    if block.words >= MIN_SCORED_WORDS and block.sentence_like and (
            block.stop_ratio >= PROSE_STOP_RATIO and block.link_share <= MAX_LINK_SHARE
            and block.caps_share <= MAX_CAPS_SHARE):
        return block.words * HALF_PROSE_WEIGHT
    if block.code:
        return 0.0
    if block.entry or block.row:
        return -ENTRY_PENALTY
    return -max(SHORT_PENALTY, block.words * LONG_NOISE_WEIGHT)


shares = st.sampled_from([0.0, 0.1, 0.2, 0.35, 0.5, 0.55, 0.6, 0.7, 1.0])
blocks = st.builds(
    Block, st.just("text"),
    furniture=st.sampled_from([None, "", FurnitureKind.RELATED, FurnitureKind.COMMENTS,
                               FurnitureKind.CAPTION, "share"]),
    words=st.integers(0, 40), stop_ratio=shares, kept_by_rule=st.booleans(),
    sentence_like=st.booleans(), code=st.booleans(), link_share=shares, caps_share=shares,
    entry=st.booleans(), row=st.booleans())


@given(blocks)
def test_block_score_is_the_rules_read_in_turn(block):
    assert block_score(block) == reference_score(block)


def test_the_reference_tells_the_scores_apart():
    # (the generated blocks reach every rule: a prose block, a half-prose line, a label)
    prose = Block("x", words=12, stop_ratio=0.3, sentence_like=True)
    half = Block("x", words=7, stop_ratio=0.3, sentence_like=True)
    label = Block("x", words=2)
    assert [block_score(b) for b in (prose, half, label)] == [12.0, 3.5, -SHORT_PENALTY]


@given(st.text(max_size=40))
def test_has_digit_is_any_character_a_digit(text):
    assert has_digit(text) == any(c.isdigit() for c in text)


@given(st.text(alphabet=st.sampled_from("ab1²٣x—-,|$ %:()/"), max_size=30))
def test_shape_holds_the_separators_of_the_line(text):
    if text:
        assert shape(text)[1] == frozenset(c for c in text if c in SHAPE_MARKS)


def test_digits_of_other_scripts_and_superscripts_count():
    assert has_digit("x²") and has_digit("٣ apples") and has_digit("route 66")
    assert not has_digit("Pros and cons") and not has_digit("Ünïcode")


def reference_wrap_width(lines, widths, narrow):
    """rejoin.wrap_width as first written: every line's next word looked at."""
    spaced = [" " in line.strip() or (not narrow and UNSPACED.search(line) is not None)
              for line in lines]
    long_widths = [n for n, has in zip(widths, spaced) if has]
    if len(long_widths) < MIN_WRAPPED_LINES:
        return None
    long_lines = sum(1 for n in long_widths if n > WRAPPABLE_LINE_CHARS)
    flush = [n for n, has, line in zip(widths, spaced, lines) if has and not line[0].isspace()]
    for width in sorted({max(long_widths), max(flush, default=0)}, reverse=True):
        if width < MIN_WRAP_WIDTH:
            continue
        forced = 0
        for index in range(len(lines) - 1):
            after = lines[index + 1]
            if spaced[index] and after.strip() and widths[index] <= width and (
                    widths[index] + 1 + word_width(after, narrow) > width):
                forced += 1
        if forced >= MIN_WRAPPED_LINES and forced >= WRAP_SHARE * long_lines:
            return width
    return None


words = st.text(alphabet=st.sampled_from("abcdefghij漢ｱ"), min_size=1, max_size=14)
lines = st.lists(st.lists(words, max_size=9).map(" ".join).map(lambda line: line or " "),
                 min_size=3, max_size=30)


@given(lines, st.booleans())
def test_wrap_width_answers_as_when_every_line_was_read(page, narrow):
    widths = [len(line) for line in page] if narrow else [display_width(line) for line in page]
    assert wrap_width(page, widths, narrow) == reference_wrap_width(page, widths, narrow)


def test_a_hard_wrapped_page_is_found_wrapped():
    text = ("The council voted on Tuesday to close the old bridge for repairs that will take "
            "most of the year, and the ferry will run every twenty minutes instead. ") * 6
    page = textwrap.wrap(text, 60)
    assert wrap_width(page, [len(line) for line in page], True) == reference_wrap_width(
        page, [len(line) for line in page], True) == max(map(len, page))


@given(st.text(alphabet=st.sampled_from("ab \t\n\u00a0\u2028\u3000\x1c.*"), max_size=12))
def test_collapse_is_whitespace_runs_as_one_space(text):
    assert collapse(text) == " ".join(text.split())


def test_collapse_of_nothing_is_empty():
    assert collapse(None) == collapse("") == "" and collapse(" a\u00a0 b ") == "a b"


KEYWORD_AS_WRITTEN = re.compile(
    r"(?:SELECT|FROM|WHERE|INSERT|UPDATE|CREATE|import|def|class|function|"
    r"return|var|let|const|public|private|if|for|while)\b|<[a-zA-Z]")


@given(st.sampled_from(["", "def ", "<a", "<", "SELECT x", "Select", "for", "while(", "x = 1;",
                        "import os", "The vote", "f(x)", "a == b"]), st.text(max_size=8))
def test_code_like_tests_keywords_as_the_regex_alone_did(head, tail):
    text = head + tail
    assert (CODE_KEYWORD.match(text) is not None) == (KEYWORD_AS_WRITTEN.match(text) is not None)
    assert code_like(text) == (text.endswith(CODE_ENDS) or text.startswith(CODE_STARTS) or (
        KEYWORD_AS_WRITTEN.match(text) is not None) or (
        "(" in text and CODE_CALL.search(text) is not None) or (
        ("=" in text or ">" in text or "::" in text) and CODE_OPERATOR.search(text) is not None))


FINGERPRINTS = ("© Herald Media", "Herald", "Read about our approach to external linking.", "ümlaut é",
                "a")


@given(st.lists(st.sampled_from(FINGERPRINTS + ("x", " ", "\ud800", "ü", "Her", "ald")), max_size=12))
def test_the_fingerprint_screen_lets_every_fingerprint_in_the_text_through(parts):
    text = "".join(parts)
    present = FingerprintScreen(FINGERPRINTS).present(text)
    assert {value for value in FINGERPRINTS if value in text} <= present


def test_the_fingerprint_screen_rules_out_what_is_absent():
    present = FingerprintScreen(FINGERPRINTS).present("The Herald says: nothing \ud800 more")
    assert "Herald" in present and "© Herald Media" not in present and "ümlaut é" not in present


def test_a_text_scrape_is_served_by_the_file_its_fingerprint_names():
    book = RuleBook.load(())
    rule_file, values = book.fingerprints[0]
    choice = book.choose(None, f"some page\n{values[-1]}\nthe end")
    assert choice.file == rule_file and choice.evidence == values[-1]
    assert book.choose(None, "a page no fingerprint names").file is None


@given(st.text(alphabet=st.sampled_from("ab\n"), max_size=20), st.integers(1, 6))
def test_first_lines_cuts_after_as_many_lines(text, cap):
    def reference(text):
        end = -1
        for _ in range(cap):
            end = text.find("\n", end + 1)
            if end < 0:
                return text
        return text[:end]
    saved = segment.MAX_LINES
    segment.MAX_LINES = cap
    try:
        assert segment.first_lines(text) == reference(text)
    finally:
        segment.MAX_LINES = saved
