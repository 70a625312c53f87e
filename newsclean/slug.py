"""A page URL's slug as a witness of its headline: "/2024/05/03/council-votes-to-close-library"
spells "Council votes to close library ..." in lower case, shortened, its stopwords often gone.
`slug_words` reads the slug's words, `slug_cover` says how many of them a line says. A slug
that names no headline (an id, "article-123", "index.html", a section: "/news/") gives no words,
so it says nothing. The text path reads it in `text.agreement.slug_headline`.
"""
from __future__ import annotations

import re
from os.path import commonprefix
from urllib.parse import unquote, urlsplit

# ---- which part of the URL is the slug ----
# the path's last part, or the one before when the last is an id, a page number or a file name
# with no words ("/story/council-votes-to-close/18153161/", "/a63515464/diet-trends-2025/")
SLUG_PARTS = 2
SLUG_SEPARATOR = re.compile(r"[-_+.,~]+|%20")
FILE_ENDING = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cfm|cgi)$", re.IGNORECASE)
# ---- what the slug must hold to say anything ----
# words (not stopwords, not numbers): a slug of fewer names a section or a product ("/blog/",
# "/ai-agents") as often as a headline; from this many on, a line that says them all is rare
# but for the headline (rule of thumb)
SLUG_MIN_WORDS = 3
# a word of the slug this long or longer is a word of the line when both share a stem this long
# and neither goes on past it by more than an ending ("trend" / "trends", "agency" / "agencies",
# "personalize" / "personalizes"), or when the slug's word starts the line's (a slug cut short:
# "manag" / "management"); a shorter one must be the word itself (rule of thumb)
STEM_LETTERS = 4
ENDING_LETTERS = 3  # letters past the stem: "-ies", "-ing", "-es", "-ed"
# a slug word of letters and digits both is an id ("rcna184567", "a63515464", "8n6xe")
ID_WORD = re.compile(r"(?=.*\d)(?=.*[a-z])[a-z\d]+")
WORD = re.compile(r"\w+")
ADDRESS = re.compile(r"\S*/\S*")  # a link's address a line shows ("corti.ai/stories/gim-a-new-...")
# a picture's alt text in brackets ("[backpacking gear list - the family ...]"), often made
# from the file's or the page's slug; not "[26]", a terminal browser's link number
ALT_TEXT = re.compile(r"\[[^]]*\s[^]]*\]")


def slug_words(url: str | None, stops: frozenset[str]) -> tuple[str, ...]:
    """The words of the URL's slug that can witness a headline (lower case; neither stopwords
    in `stops`, numbers nor ids), in order; () when the slug holds fewer than SLUG_MIN_WORDS such
    words (no slug, an id, a section's name, a query)."""
    if not url:
        return ()
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return ()
    parts = [part for part in path.split("/") if part][-SLUG_PARTS:]
    for part in reversed(parts):
        words = tuple(word for word in SLUG_SEPARATOR.split(FILE_ENDING.sub("", part.lower()))
                      if word and word not in stops and not word.isdigit()
                      and not ID_WORD.fullmatch(word))
        if len(words) >= SLUG_MIN_WORDS:
            return words
        if any(not word.isdigit() and not ID_WORD.fullmatch(word)
               for word in SLUG_SEPARATOR.split(part) if word):
            return ()  # the last part has words, too few: a section or a product, no headline
    return ()


def slug_cover(text: str, words: tuple[str, ...]) -> float:
    """The share of the slug's `words` that `text` says (a word, or its stem: `STEM_LETTERS`)."""
    if not words:
        return 0.0
    said = set(WORD.findall(ADDRESS.sub(" ", ALT_TEXT.sub(" ", text.lower()))))  # not its links'
    # addresses' words nor its pictures' alt text's
    return sum(1 for word in words if said_in(word, said)) / len(words)


def may_cover(text: str, words: tuple[str, ...], share: float) -> bool:
    """False when `text` cannot say `share` of the slug's `words` (slug_cover): a cheap bound,
    as a word the line says, starts or shares a stem with holds the slug word's first
    STEM_LETTERS letters (all of it, when shorter) somewhere in the line."""
    if not words:
        return False
    lower = text.lower()
    return sum(1 for word in words if word[:STEM_LETTERS] in lower) / len(words) >= share


def said_in(word: str, said: set[str]) -> bool:
    """The slug's word is one of the line's words `said`, or a stem of one or one's stem."""
    if word in said:
        return True
    if len(word) < STEM_LETTERS:
        return False
    for other in said:
        if len(other) < STEM_LETTERS:
            continue
        if other.startswith(word):
            return True
        stem = len(commonprefix((word, other)))
        if stem >= STEM_LETTERS and len(word) - stem <= ENDING_LETTERS and (
                len(other) - stem <= ENDING_LETTERS):
            return True
    return False
