"""Stopword lists for ~100 languages (shipped by jusText, which trafilatura depends on)."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import chain, islice
from operator import mul

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
def stopword_index() -> dict[str, tuple[int, ...]]:
    """word -> the languages (indexes into languages()) whose stoplist holds it."""
    from justext import get_stoplist

    index: dict[str, list[int]] = {}
    for number, language in enumerate(languages()):
        for word in get_stoplist(language):
            index.setdefault(word.lower(), []).append(number)
    return {word: tuple(langs) for word, langs in index.items()}


@cache
def stoplist(language: str) -> frozenset[str]:
    number = languages().index(language)
    return frozenset(w for w, langs in stopword_index().items() if number in langs)


FIELD = 16  # bits per language in a packed vote vector: room for SAMPLE_WORDS votes
MASK = (1 << FIELD) - 1


class VoteVectors(dict):
    """word -> its languages packed into one integer, a FIELD-bit counter per language, so
    that adding a word's votes to every language it belongs to is one addition. Filled as
    words are met (common words only: a few thousand at most)."""

    def __missing__(self, word: str) -> int:
        vector = self[word] = sum(1 << (FIELD * number) for number in stopword_index()[word])
        return vector


@cache
def vote_vectors() -> VoteVectors:
    return VoteVectors()


def guess_language(tokens: Iterable[Sequence[str]], spread: float = 1.0) -> str | None:
    """The jusText language whose stopwords cover most of the words (lower-cased tokens, by
    block, of which the first SAMPLE_WORDS are read); None when no list covers even a few of
    them (Korean, Chinese, Japanese: no stoplist, or no spaces). `spread`: words per token,
    above 1 where runs of Chinese or Japanese characters count as several words."""
    index, names, vectors = stopword_index(), languages(), vote_vectors()
    # no more than SAMPLE_WORDS: a FIELD-bit counter must not overflow
    sample = list(islice(chain.from_iterable(tokens), SAMPLE_WORDS))
    counts = Counter(filter(index.__contains__, sample))  # the stopwords among them
    packed = sum(map(mul, counts.values(), map(vectors.__getitem__, counts)))
    if not packed:
        return None
    votes = [(packed >> (FIELD * number)) & MASK for number in range(len(names))]
    top = max(votes)
    # prefer the common languages on ties: their lists are curated
    best = max((n for n, v in enumerate(votes) if v == top),
               key=lambda n: (names[n] in ISO, names[n] == "English"))
    return names[best] if top >= MIN_STOPWORD_SHARE * len(sample) * spread else None
