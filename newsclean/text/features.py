"""Block features and score: what a block is (its words, stopword share, sentence end, code,
capitalised and linked share), whether it is prose, and how much it pulls the article region
towards itself (block_score, read from the block's features and furniture mark whenever
needed: it is never stored)."""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from operator import itemgetter

from ..confidence import lines_shape, text_shape
from ..patterns import FurnitureKind
from ..prose import MAX_LINK_SHARE, WORD, ends_like_sentence
from ..stoplists import (
    MASK,
    SAMPLE_WORDS,
    guess_language,
    languages,
    stoplist,
    stopword_votes,
    votes_for,
)
from .blocks import Block

# ---- prose: what an article is made of ----
PROSE_WORDS = 10        # a paragraph of prose has a dozen words or more...
PROSE_STOP_RATIO = 0.2  # ...and stopwords make up a fifth of them or more
# words: a longer block is no headline, even unpunctuated (a headline that ends as no sentence
# does is not prose; rule of thumb)
HEADLINE_MAX_WORDS = 20
MIN_SENTENCE_WORDS = 4   # "The vote was close." is text; "Share:" and "10H ago" are not
MAX_CAPS_SHARE = 0.6     # menus run together: Home World Business Tech (German prose: ~0.35)
MIN_SCORED_WORDS = 6    # a shorter block is a label or a menu entry, whatever its words
SCORED_WORDS = min(PROSE_WORDS, MIN_SCORED_WORDS)  # (block_score's first test: not a setting)

# ---- region score: calibrated as a set on the dev renderings (python benchmarks/accuracy.py
# on Scrapinghub and the WCXB dev sets, --style w3m, html2text, textcontent); change one,
# re-run all. Prose pulls by its words (a word of prose: 1 point); the rest push.
SHORT_PENALTY = 4.0     # points: a menu item, a label: what crossing one costs (dev renderings:
#   2 keeps teaser rails, 6 and more cut articles at their lists; 4 is best on both sets)
# points: a recognised piece of furniture costs much more. (Making captions and share bars
# nearly free, as they sit inside articles, lost 0.002-0.007 F1 on the dev renderings: tried
# and dropped.)
FURNITURE_PENALTY = 8.0
# points: a "Related" or "Comments" header, which ends an article nearly always, costs what
# 25 words of prose bring: the region crosses one only for more prose than that beyond it (no
# trial of other values recorded; rule of thumb)
RAIL_PENALTY = 25.0
RAILS = (FurnitureKind.RELATED, FurnitureKind.COMMENTS)  # the furniture that costs RAIL_PENALTY
# points a word: a long block that is not prose (a menu run together) costs by its length, a
# word of it a quarter of what a word of prose brings (0.5 lost WCXB 0.001)
LONG_NOISE_WEIGHT = 0.25
# points: a short line inside a guide's entry (entries.mark_entries: a feature list, a
# pros-and-cons box, a table's row between prose) costs this much, however long, instead of
# SHORT_PENALTY: such entries and tables are the article's content, read in full
ENTRY_PENALTY = 1.0
# points a word: a sentence with stopwords too short to be prose (a standfirst line, a short
# paragraph) pulls half as much as prose (no trial recorded; rule of thumb)
HALF_PROSE_WEIGHT = 0.5

# ---- Chinese and Japanese: no spaces between words ----
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]+")
CJK_CHARS_PER_WORD = 2  # characters: a word of Chinese or Japanese is one to three (about two)

# ---- program code ----
# words: a longer block is prose even with a semicolon at its end (rule of thumb)
CODE_MAX_WORDS = PROSE_WORDS * 3
# program code: statement ends, comment starts, calls, operators, common keywords
CODE_ENDS = (";", "{", "}")
CODE_STARTS = ("//", "-- ", "/*", "$ ", ">>> ", "</", "<!", "```", "~~~")  # (a Markdown fence)
CODE_KEYWORDS = ("SELECT FROM WHERE INSERT UPDATE CREATE import def class function return var let "
                 "const public private if for while").split()
CODE_KEYWORD = re.compile(rf"(?:{'|'.join(CODE_KEYWORDS)})\b|<[a-zA-Z]")
CODE_KEYWORD_FIRST = frozenset(word[0] for word in CODE_KEYWORDS) | {"<"}  # (a cheap test first)
CODE_CALL = re.compile(r"[A-Za-z_][\w.]*\([\x20-\x7e]*\)")
CODE_OPERATOR = re.compile(r"[=!<>]=|=>|->|::")


def code_like(text: str) -> bool:
    """Reads as a line of program code (cheap tests first: most lines are not)."""
    return (text.endswith(CODE_ENDS) or text.startswith(CODE_STARTS)
            or (text[:1] in CODE_KEYWORD_FIRST and CODE_KEYWORD.match(text) is not None)
            or ("(" in text and CODE_CALL.search(text) is not None)
            or (("=" in text or ">" in text or "::" in text)
                and CODE_OPERATOR.search(text) is not None))


def measure(blocks: list[Block]) -> str | None:
    """Fill in each block's words, stopword share, sentence end, code and caps; return the page's
    language (None when no stoplist fits: prose is then judged by length alone)."""
    features = [text_features(block.text) for block in blocks]
    # the page's language, from its first SAMPLE_WORDS words
    packed = taken = 0
    uncounted: list[str] = []  # the sample's tokens in blocks whose votes were not counted
    for feature in features:
        tokens, votes = feature[0], feature[-1]
        if taken + len(tokens) > SAMPLE_WORDS:
            uncounted += tokens[:SAMPLE_WORDS - taken]
            taken = SAMPLE_WORDS
            break
        if votes is None:
            uncounted += tokens
        else:
            packed += votes
        taken += len(tokens)
    packed += stopword_votes(uncounted)  # in one pass, rather than a call a short block
    # Chinese and Japanese come as long runs of characters, one token each: a few Latin
    # stopwords among them are no sign of a language
    spread = sum(map(itemgetter(1), features)) / max(1, sum(map(len, map(itemgetter(0), features))))
    language = guess_language(packed, taken, spread)
    for block, (words, block_words, sentence_like, code, caps_share, votes) in zip(
            blocks, features):
        block.words, block.sentence_like, block.code, block.caps_share = (
            block_words, sentence_like, code, caps_share)
        if language is None:
            block.stop_ratio = 1.0 if words else 0.0
        elif block_words >= MIN_SCORED_WORDS and words:  # shorter ones score by length alone
            block.stop_ratio = (  # (votes are counted up to MASK tokens: text_features)
                votes_for(votes, language) if votes is not None else
                sum(map(stoplist(languages()[language]).__contains__, words))) / len(words)
    return None if language is None else languages()[language]


@lru_cache(maxsize=4096)  # the settle pass reads the article's blocks again
def text_features(text: str) -> tuple[tuple[str, ...], int, bool, bool, float, int | None]:
    """What a block's text says whatever the page: its lower-cased tokens, its words, whether
    it ends as a sentence, reads as code, its share of capitalised words (long blocks), and
    its stopwords' votes for each language (stoplists.stopword_votes; None for a block too
    short to get a stopword share, whose tokens count only towards the page's language, or
    too long to count them so)."""
    tokens = tuple(WORD.findall(text.lower()))  # shared by every caller: not to be changed
    words = len(tokens) if text.isascii() or not CJK.search(text) else word_count(text, tokens)
    caps = 0.0
    if words >= PROSE_WORDS:  # block texts are tidy: words are one space apart
        caps = (len(capitalised().findall(text)) + text[0].isupper()) / (text.count(" ") + 1)
    return (tokens, words, ends_like_sentence(text),
            words < CODE_MAX_WORDS and code_like(text), caps,
            stopword_votes(tokens) if words >= MIN_SCORED_WORDS and 0 < len(tokens) <= MASK
            else None)


def body_shape(body: Sequence[Block], text: str) -> dict[str, float]:
    """confidence.text_shape(text) of the article's text, `text` being blocks.as_text(body),
    read off the blocks' features rather than the text again (the same figures: a line's
    tokens are its block's, an item's "- " holds none and ends no sentence; lower-casing
    keeps an ASCII text's tokens, not every other: "İ" lower-cased is two characters, one of
    them no word character)."""
    if text.count("\n") + 1 != len(body):  # a block of more than a line (none is): by its text
        return text_shape(text)
    counts, ends = [], []
    for block in body:
        tokens, _, sentence = text_features(block.text)[:3]
        counts.append(len(tokens) if block.text.isascii() else len(WORD.findall(block.text)))
        ends.append(sentence)
    return lines_shape(counts, ends)


@cache
def capitalised() -> re.Pattern:
    """A capital (of the Basic Multilingual Plane) after a space: a capitalised word, but for
    the first of a block."""
    capitals = [c for c in map(chr, range(0x10000)) if c.isupper()]
    ranges, start = [], capitals[0]
    for before, after in zip(capitals, capitals[1:] + ["\U0010ffff"]):
        if ord(after) != ord(before) + 1:
            ranges.append(re.escape(start) if start == before
                          else f"{re.escape(start)}-{re.escape(before)}")
            start = after
    return re.compile(" [" + "".join(ranges) + "]")


def word_count(text: str, tokens: Sequence[str]) -> int:
    """Words, where Chinese and Japanese (no spaces) count about one per two characters."""
    if text.isascii():
        return len(tokens)
    wide = len(CJK.findall(text))
    return max(len(tokens), len(tokens) - len(CJK_RUN.findall(text)) + wide // CJK_CHARS_PER_WORD)


def is_prose(block: Block) -> bool:
    """Sentences: enough words, enough stopwords, and an end (or too long for a headline)."""
    return (block.words >= PROSE_WORDS and block.stop_ratio >= PROSE_STOP_RATIO
            and not block.furniture and block.link_share <= MAX_LINK_SHARE
            and block.caps_share <= MAX_CAPS_SHARE
            and (block.sentence_like or block.words > HEADLINE_MAX_WORDS))


def block_score(block: Block) -> float:
    """How much a block pulls the article region towards itself (negative: pushes away)."""
    if block.kept_by_rule:
        return float(max(block.words, 1))
    if block.furniture:
        return -RAIL_PENALTY if block.furniture in RAILS else -FURNITURE_PENALTY
    words = block.words
    # is_prose and the half-prose test share all but their length and end (the block holds
    # no furniture here): tested once, and not at all for the many short blocks
    if words >= SCORED_WORDS and block.stop_ratio >= PROSE_STOP_RATIO and (
            block.link_share <= MAX_LINK_SHARE and block.caps_share <= MAX_CAPS_SHARE):
        if words >= PROSE_WORDS and (block.sentence_like or words > HEADLINE_MAX_WORDS):
            return float(words)  # is_prose
        if block.sentence_like and words >= MIN_SCORED_WORDS:
            return words * HALF_PROSE_WEIGHT
    if block.code or block.record:  # code samples, a directory's records: neither pull nor push
        return 0.0
    if block.entry or block.row:
        return -ENTRY_PENALTY
    return -max(SHORT_PENALTY, words * LONG_NOISE_WEIGHT)


def best_run(scores: list[float]) -> tuple[int, int]:
    """The contiguous run with the highest total (Kadane)."""
    best, best_span = float("-inf"), (0, len(scores) - 1)
    total, start = 0.0, 0
    for index, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, index
        total += score
        if total > best:
            best, best_span = total, (start, index)
    return best_span
