"""What reads as text, one definition for both paths: words, sentence ends, the least an
article has, and the three ways whitespace is normalised (each with its own name)."""
from __future__ import annotations

import re

WORD = re.compile(r"\w+")
MIN_ARTICLE_WORDS = 8  # words: fewer is a label or a menu entry, not an article (either path)
MAX_LINK_SHARE = 0.5  # of a block's characters: a block mostly of link text is navigation or a teaser
# a sentence ends with one of these marks, perhaps inside closing quotes, brackets or emphasis
SENTENCE_MARKS = (".", "!", "?", ":", "…", "。", "！", "？", "：")
CLOSERS = "\"'”’»)*_ 」』）"


def ends_like_sentence(text: str) -> bool:
    """The text ends as a sentence does: 'He left.', '“Go!”', 'Read this: (1)' does not."""
    return text.rstrip(CLOSERS).endswith(SENTENCE_MARKS)


def collapse(text: str | None) -> str:
    """Runs of whitespace as one space, none at the ends: text as a reader sees it."""
    if not text:
        return ""
    if "  " not in text and text[0] != " " and text[-1] != " " and text.isprintable():
        return text  # most lines: of the whitespace, only the space is printable, and no two
    return " ".join(text.split())


def squash(text: str) -> str:
    """A key that matches the same words however written: lower case, punctuation as spaces.
    (The words joined: no character is both a word character and whitespace, so this is
    replacing each run of non-word characters with a space and collapsing the whitespace, for
    ~25% less on the HTML path's ~17 KB a page of headline and title keys.)"""
    return " ".join(WORD.findall(text.lower()))


def unspaced(text: str) -> str:
    """A key without any whitespace: the page's blocks are read with a space between inline
    elements ("on X , Facebook") and the body's without ("on X, Facebook"), so a key that
    matches both cannot hold spaces (bbc.com sample: a site rule's drop was shown as
    trafilatura's)."""
    return "".join(text.split())
