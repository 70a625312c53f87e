"""Stopword lists for ~100 languages (shipped by jusText, which trafilatura depends on)."""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

WORD = re.compile(r"\w+")
# jusText names its lists by language name; the ISO 639-1 codes we report for the common ones
ISO = {"English": "en", "German": "de", "French": "fr", "Spanish": "es", "Italian": "it",
       "Portuguese": "pt", "Dutch": "nl", "Polish": "pl", "Russian": "ru", "Czech": "cs",
       "Swedish": "sv", "Danish": "da", "Norwegian_Bokmal": "nb", "Finnish": "fi",
       "Turkish": "tr", "Greek": "el", "Hungarian": "hu", "Romanian": "ro", "Ukrainian": "uk",
       "Indonesian": "id", "Catalan": "ca", "Croatian": "hr", "Slovak": "sk", "Arabic": "ar",
       "Vietnamese": "vi", "Malay": "ms", "Bulgarian": "bg", "Serbian": "sr", "Slovenian": "sl"}
SAMPLE_WORDS = 3000  # enough to tell the language of a page
MIN_STOPWORD_SHARE = 0.05  # prose in a language with a stoplist is a third stopwords or more


@cache
def languages() -> tuple[str, ...]:
    from justext import get_stoplists

    return tuple(sorted(get_stoplists()))


@cache
def stopword_index() -> dict[str, int]:
    """word -> the languages whose stoplist holds it, as bits (bit n: languages()[n])."""
    from justext import get_stoplist

    index: dict[str, int] = {}
    for number, language in enumerate(languages()):  # set operations: built in a few ms
        bit, words = 1 << number, set(map(str.lower, get_stoplist(language)))
        shared = words & index.keys()
        for word in shared:
            index[word] |= bit
        index.update(dict.fromkeys(words - shared, bit))
    return index


@cache
def stoplist(language: str) -> frozenset[str]:
    number = languages().index(language)
    return frozenset(w for w, bits in stopword_index().items() if bits >> number & 1)


FIELD = 16  # bits per language in a packed vote vector: room for SAMPLE_WORDS votes
MASK = (1 << FIELD) - 1


class VoteVectors(dict):
    """word -> its languages packed into one integer, a FIELD-bit counter per language, so
    that adding a word's votes to every language it belongs to is one addition. Filled as
    words are met (common words only: a few thousand at most)."""

    def __missing__(self, word: str) -> int:
        bits, vector, number = stopword_index()[word], 0, 0
        while bits:
            if bits & 1:
                vector |= 1 << (FIELD * number)
            bits >>= 1
            number += 1
        self[word] = vector
        return vector


@cache
def vote_vectors() -> VoteVectors:
    return VoteVectors()


def stopword_votes(tokens: Sequence[str]) -> int:
    """The languages whose stoplists hold each of these (lower-cased) tokens, packed: a
    FIELD-bit count per language (no more than MASK tokens, or a count overflows)."""
    index, vectors = stopword_index(), vote_vectors()
    return sum(map(vectors.__getitem__, filter(index.__contains__, tokens)))


def votes_for(packed: int, language: int) -> int:
    """One language's count out of packed votes."""
    return (packed >> (FIELD * language)) & MASK


def guess_language(packed: int, taken: int, spread: float = 1.0) -> int | None:
    """The jusText language (an index into languages()) whose stopwords cover most of a
    sample of `taken` words (at most SAMPLE_WORDS, lower-cased tokens), given their packed
    `stopword_votes`; None when no list covers even a few of them (Korean, Chinese, Japanese:
    no stoplist, or no spaces). `spread`: words per token, above 1 where runs of Chinese or
    Japanese characters count as several words."""
    if not packed:
        return None
    names = languages()
    votes = [votes_for(packed, number) for number in range(len(names))]
    top = max(votes)
    # prefer the common languages on ties: their lists are curated
    best = max((n for n, v in enumerate(votes) if v == top),
               key=lambda n: (names[n] in ISO, names[n] == "English"))
    return best if top >= MIN_STOPWORD_SHARE * taken * spread else None
