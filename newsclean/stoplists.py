"""Stopword lists for ~100 languages (shipped by jusText, which trafilatura depends on)."""
from __future__ import annotations

import importlib.util
import marshal
import os
from collections.abc import Sequence
from contextlib import suppress
from functools import cache
from pathlib import Path

from .files import write_atomic

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
    return stoplists()[0]


@cache
def stopword_index() -> dict[str, int]:
    """word -> the languages whose stoplist holds it, as bits (bit n: languages()[n])."""
    return stoplists()[1]


CACHE_ENV = "NEWSCLEAN_CACHE_DIR"
CACHE_FORMAT = 1  # bump when what is cached changes


@cache
def stoplists() -> tuple[tuple[str, ...], dict[str, int]]:
    """jusText's languages and the stopword index, from the user's cache when it is there
    (reading it takes a sixth of the time that building it does: every batch worker and every
    run of the CLI pays that), else built and cached. A cache that cannot be read or written
    is no error: the index is built."""
    path = cache_path()
    if path is not None:
        try:
            cached = marshal.loads(path.read_bytes())
            if isinstance(cached, tuple) and len(cached) == 2:
                return tuple(cached[0]), cached[1]
        except (OSError, EOFError, ValueError, TypeError):
            pass
    built = build_stoplists()
    if path is not None:
        with suppress(OSError):  # whole or not at all, with workers racing
            write_atomic(os.fspath(path), marshal.dumps(built))
    return built


def cache_path() -> Path | None:
    """Where the stopword index is cached: $NEWSCLEAN_CACHE_DIR, else the user's cache folder
    ($XDG_CACHE_HOME or ~/.cache)/newsclean; named for the installed jusText stoplists (their
    folder's modification time: a new jusText gets a new file) and the marshal version."""
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.origin:
        return None
    try:
        stamp = (Path(spec.origin).parent / "stoplists").stat().st_mtime_ns
    except OSError:
        return None
    folder = os.environ.get(CACHE_ENV)
    if not folder:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "newsclean")
    return Path(folder) / f"stopwords-{stamp}-m{marshal.version}-f{CACHE_FORMAT}.marshal"


def build_stoplists() -> tuple[tuple[str, ...], dict[str, int]]:
    from justext import get_stoplist, get_stoplists

    names = tuple(sorted(get_stoplists()))
    index: dict[str, int] = {}
    for number, language in enumerate(names):  # set operations: built in a few ms
        bit, words = 1 << number, set(map(str.lower, get_stoplist(language)))
        shared = words & index.keys()
        for word in shared:
            index[word] |= bit
        index.update(dict.fromkeys(words - shared, bit))
    return names, index


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
