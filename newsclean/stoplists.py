"""Stopword lists for ~100 languages (shipped by jusText, which trafilatura depends on)."""
from __future__ import annotations

import re
from collections import Counter
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
def stopword_index() -> dict[str, tuple[str, ...]]:
    """word -> the languages whose stoplist holds it."""
    from justext import get_stoplist, get_stoplists

    index: dict[str, list[str]] = {}
    for language in sorted(get_stoplists()):
        for word in get_stoplist(language):
            index.setdefault(word.lower(), []).append(language)
    return {word: tuple(langs) for word, langs in index.items()}


@cache
def stoplist(language: str) -> frozenset[str]:
    return frozenset(w for w, langs in stopword_index().items() if language in langs)


def guess_language(text: str) -> str | None:
    """The jusText language whose stopwords cover most of the words; None when no list
    covers even a few of them (Korean, Chinese, Japanese: no stoplist, or no spaces)."""
    index = stopword_index()
    votes: Counter[str] = Counter()
    counts = Counter(WORD.findall(text[: SAMPLE_WORDS * 8].lower())[:SAMPLE_WORDS])
    for word, count in counts.items():
        for language in index.get(word, ()):
            votes[language] += count
    if not votes:
        return None
    # prefer the common languages on ties: their lists are curated
    best = max(votes, key=lambda lang: (votes[lang], lang in ISO, lang == "English"))
    return best if votes[best] >= MIN_STOPWORD_SHARE * sum(counts.values()) else None
