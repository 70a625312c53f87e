"""The headline of a page flattened to one line (flat_title), read from the <title> that opens
it: the part of the title that the page says again further on (the visible headline), as the
page spells it there. Where no part comes again, the <title>'s first part is all the page gives
(flat_title_shown_once). Matching folds curly quotes and dashes, and a whole part's case: a <title>
written "Why Cheap SEO Doesn't Work" is the headline "Why Cheap SEO Doesn’t Work", "TIPS FOR
ONLINE SUCCESS" is "Tips for Online Success"."""
from __future__ import annotations

import re

from ..titles import SITE_NAME_WORDS, TITLE_PART_SEPARATOR
from .features import HEADLINE_MAX_WORDS

FLAT_TITLE_CHARS = 400  # where a flattened page's <title> ends, if it opens the page
FLAT_TITLE_WORDS = (3, 30)  # the headline's length in words, in the title's parts
FLAT_PREFIX_WORDS = 4  # a title with no separator: its first words must come again...
FLAT_MENU_WORDS = 8  # ...and more of them than this, all capitalised, are a menu's entries
# share of the words a <title> has past the run that comes again which the headline there
# says too ("... Planning: Beginner's Guide" over "... Planning? Beginner? Guide"), for the
# <title> to run straight into the headline; a menu or a date between them shares none
FLAT_RUN_ON_SHARE = 0.5
# words a headline does not end with: a run of the <title>'s first words that ends so was cut
# where the page's headline goes on otherwise ("Best Camping Hammocks of" 2026 where the
# <title> says 2027; en, de, fr, es)
OPEN_ENDS = frozenset(
    "of for in to the a an and on at with from by this these our your its their vs vs. "
    "der die das des den dem für von mit und im zu auf "
    "le la les de du des et pour en à au aux "
    "el los las del y para con por".split())
# a maker's or a shop's name after the <title>'s headline ("Stoneware Mug by Jane Doe - Etsy"):
# no part of the headline, and no byline of the page's (a product's)
GLUED_BY = re.compile(r"\s+by\s+(?=[A-ZÀ-Ý])")
YEAR_AFTER = re.compile(r"(?:19|20)\d\d\b")  # the year the page's headline goes on with
# what is folded before a <title>'s part is looked for again: each to one character, so that
# places in the folded text are places in the page's ("İ" is the one letter whose lower case
# is two characters)
FOLD = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "–": "-",
                      "—": "-", "\u00a0": " ", "İ": "i"})


def fold(text: str, case: bool = False) -> str:
    """`text` with its curly quotes and dashes straightened, and in lower case if `case`, as
    long as `text`."""
    text = text.translate(FOLD)
    return text.lower() if case else text


def flat_title(text: str, loose: bool = True) -> str | None:
    """The headline of a page flattened to one line, which its <title> opens, as the page
    says it again further on (the visible headline): a part of the title before a separator
    ("Headline | Site", "Site | Headline | Section"), said again in the same case; or else the
    longest run of its first words that comes again; or such a part said again in any case;
    or the run of first words after a site's name ("Site | Headline ...", where the page runs
    on: SITE_NAME_WORDS words at most before the first separator) or after the last separator.
    None when nothing comes again (the page did not open with its title, or its headline is
    shown nowhere else). A run of first words must come again in the same case: in any, it is
    as often a sentence's words. Not `loose`: the parts and the run of first words said again
    exactly, nothing more (where flat.unflatten cuts the visible headline out as a line: a
    looser match there moves the article's start as often to a teaser as to the headline)."""
    text = text.strip()
    head = text[:FLAT_TITLE_CHARS]
    folded = fold(text) if loose else text
    bounds = [0]
    for separator in TITLE_PART_SEPARATOR.finditer(head):
        bounds += [separator.start(), separator.end()]
    parts = [(head[begin:end].strip(), end) for begin, end in zip(bounds[::2], bounds[1::2])]
    parts = [(part, end) for part, end in parts
             if FLAT_TITLE_WORDS[0] <= len(part.split()) <= FLAT_TITLE_WORDS[1]]
    found = said_again(text, folded, parts, False if loose else None) or first_words_again(
        text, folded, 0, loose)
    if not loose:
        return found
    if found is not None and found.split()[-1].lower() in OPEN_ENDS:  # cut short
        at = text.find(found, 1)
        if at > 0 and (year := YEAR_AFTER.match(text, at + len(found) + 1)):
            return text[at:year.end()]  # "... Hammocks of 2026"
        if (whole := flat_title_shown_once(text)) and whole.startswith(found):
            return whole  # "10 Free Accounting Tools for Small Businesses | Site"
    if found is None:  # "TIPS FOR ONLINE SUCCESS"
        found = said_again(text, fold(text, True), parts, True)
    if found is None and len(bounds) > 1 and len(head[:bounds[1]].split()) <= SITE_NAME_WORDS:
        found = first_words_again(text, folded, bounds[2], True)  # "Site | Headline Menu ...": the
        # run of first words after the site's name said again
    if found is None and len(bounds) > 1:  # or after the last separator ("Home / Tips / ...")
        found = first_words_again(text, folded, bounds[-1], True)
    return found


def said_again(text: str, page: str, parts: list[tuple[str, int]], case: bool | None
               ) -> str | None:
    """The first of the <title>'s `parts` (each with where it ends) that the page (`text`,
    folded as `page`: in any case if `case`, exactly if None) says again after it, as the page
    spells it there; in any case, not where it starts in lower case (a sentence's words)."""
    for part, end in parts:
        wanted = part if case is None else fold(part, case)
        again = page.find(wanted, end)
        while again > 0 and case and text[again].islower():
            again = page.find(wanted, again + 1)
        if again > 0:
            return text[again:again + len(part)]
    return None


def first_words_again(text: str, folded: str, begin: int, loose: bool) -> str | None:
    """The longest run of the words from `begin` (FLAT_PREFIX_WORDS at least) that the page
    (folded as `folded` if `loose`) says again, if it ends (a menu repeated in the footer runs
    on) and is not a menu's capitalised entries, as the page spells it there; or the whole
    <title>, when it runs straight into the headline said again."""
    words = text[begin:begin + FLAT_TITLE_CHARS].split(" ")
    found, again = None, -1
    for count in range(FLAT_PREFIX_WORDS, min(HEADLINE_MAX_WORDS + 2, len(words))):
        prefix = " ".join(words[:count])
        prefix = fold(prefix) if loose else prefix
        at = folded.find(prefix, begin + len(prefix))
        if at < 0:
            break
        found, again = " ".join(words[:count]), at
    else:
        return None
    if not found or all(word[:1].isupper() for word in found.split(" ")) and (
            len(found.split()) > FLAT_MENU_WORDS):
        return None
    # where those words come again, the visible headline starts
    if shown := doubled(text[again:again + FLAT_TITLE_CHARS]):
        return shown  # set twice there ("Headline Headline"): the page's own headline
    before = text[begin:again].strip()  # "Basics Of Event Planning: A Guide Basics Of Event ..."
    if len(before.split()) <= FLAT_TITLE_WORDS[1] and not TITLE_PART_SEPARATOR.search(
            before) and runs_on(before[len(found):], text[again + len(found):]):
        return before  # the <title> runs into the headline: all of it is the title
    return text[again:again + len(found)]


def flat_title_shown_once(text: str) -> str | None:
    """The first part of the <title> that opens a flattened page ("Headline | Site ..."), of
    FLAT_TITLE_WORDS words, without a "by Jane Doe" after it: the headline, when the page shows
    it nowhere else (flat_title found none); None when the title has no separator (nothing says
    where it ends)."""
    text = text.strip()
    separator = TITLE_PART_SEPARATOR.search(text, 0, FLAT_TITLE_CHARS)
    if separator is None:
        return None
    part = text[:separator.start()].strip()
    part = part[:by.start()] if (by := GLUED_BY.search(part)) else part  # "Mug by Jane Doe"
    return part if FLAT_TITLE_WORDS[0] <= len(part.split()) <= FLAT_TITLE_WORDS[1] else None


def runs_on(tail: str, shown: str) -> bool:
    """The words the <title> has past the run that comes again (`tail`: "Planning: Beginner's
    Guide") are, most of them, among as many words (and two) of what the page `shown` after that
    run (the visible headline's rest, "Planning? Beginner? Guide"), in any case or punctuation;
    a menu ("Contact us Hotlines Home") or a date between title and headline is not."""
    words = [word.casefold() for word in re.findall(r"\w+", tail)]
    near = {word.casefold() for word in re.findall(r"\w+", shown)[:len(words) + 2]}
    return bool(words) and sum(word in near for word in words) >= FLAT_RUN_ON_SHARE * len(words)


def doubled(text: str) -> str | None:
    """The run of words that `text` opens with when the same run follows it at once (a
    headline printed twice), or None."""
    words = text.split()
    for count in range(FLAT_TITLE_WORDS[0], min(FLAT_TITLE_WORDS[1], len(words) // 2) + 1):
        if words[:count] == words[count:2 * count]:
            return " ".join(words[:count])
    return None
