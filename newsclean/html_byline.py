"""The byline an HTML page shows as text, for pages whose markup marks none: "By Jane Doe",
"Written by Jane Doe", "Published August 7, 2023 by Jane Doe", "Mar 24, 2025 By Jane Doe"
in an element with no byline class, schema.org property or rel=author (WCXB articles-dev: 68
pages with a gold author got none, most with such a line; trafilatura's author XPaths look at
classes and attributes only).

A line is the start of an element's text, its text nodes set apart as a byline's are
(bylines.join_text_nodes); it opens with "By" (in German, French and Spanish "Von", "Par",
"Por", "Autor:", "Texto:"...), or has only a date line before it ("Published August 7, 2023
by", "Publié le 3 mars 2025 par"); the names are the grammar's, each a person's (two
to four capitalised words or initials, the last no organisation's word). The first such line
of the page is its byline, read before the body's cleaning prunes the tree (html_meta), not in
comments, sidebars or the footer (html_dates.own_elements); never a credit, a reviewer's or a
publisher's line ("Photo by", "Reviewed by", "Published by": a word before "by" that is no
date's), nor a teaser's: a byline in a link that holds a heading (a card), or a bare "By"
line followed by another of the same shape with other names (a list)."""
from __future__ import annotations

import re
from collections.abc import Iterator

from .bylines import ORGANISATION_WORDS, PERSON, byline_names, join_text_nodes
from .dates import MONTH_OF, find_date
from .html_dates import own_elements
from .prose import collapse

# characters of an element's text read for its byline (the byline opens it: "Published August
# 7, 2023 by Jane Doe and Max Roe | 5 min read" is 60; rule of thumb)
LINE_CHARS = 100
LEVELS_UP = 2  # parents a line may take in when its own element holds "By" alone
DATE_WORDS = 8  # words before "by" that may be a date and its label ("Last updated on Mar 24, 2025")
# what opens the names: "By", "Written by", "Posted by:", "Article by", glued to the name or
# not ("Written byJane Doe"); in German, French and Spanish "Von", "Par", "Por" capitalised (a
# line's first word: lower case they are prepositions in running text), "Geschrieben von",
# "Écrit par", "Escrito por", and labels with a colon ("Autor:", "Autorin:", "Auteur :",
# "Texto:", "Text:", "Redacción:"); after a date line "von"/"par"/"por" in lower case too
# ("Publié le 3 mars 2025 par Jean Dupont"); not "Published by", a publisher's line (a game's,
# a book's)
OPENER = re.compile(r"(?:^|(?<=[\s\d|•·,:]))(?:(?:(?:written|posted|article|story|words|text|reported)\s+)?"
                    r"by:?|(?:geschrieben|verfasst)\s+von|(?:écrit|rédigé)\s+par|(?:escrito|redactado)\s+por"
                    r"|(?:autor(?:in)?|auteur|texto?|redacción|redaktion)\s?:|(?-i:Von|Par|Por|von|par|por)\s)"
                    r"\s*(?=[A-ZÀ-Ý])", re.IGNORECASE)
# where an opener can start, a superset (`openers`): at the line's start or after what OPENER's
# look-behind allows, the first letters of one of its words, on the lower-cased line (beside
# the upper case, re.IGNORECASE takes "ı" for "i" and "ſ" for "s", which lower() keeps)
OPENER_WORDS = (r"(?:by|von|par|por|aut|text|reda|wr[iı]t|po[sſ]t|art[iı]|[sſ]tor|word|repo|ge[sſ]c|verf|"
                r"écr|réd|e[sſ]c)")
FIRST_OPENER = re.compile(OPENER_WORDS)
NEXT_OPENER = re.compile(r"[\s\d|•·,:]" + OPENER_WORDS)  # (a one-character class first: a fast scan)
# a cheap test first: one of these, in any case, is in every opener (`hinted`)
HINT_WORDS = ("by", "von", "par", "por", "aut", "text", "redac")
LOWER_HINT = re.compile("|".join(HINT_WORDS))  # (on lower-cased text)
PREPOSITIONS = frozenset({"von", "par", "por"})  # openers only after a date line in lower case
# a name opened by initials ("A. J. Neal", "J.R. Smith"), which bylines.PERSON does not take
INITIALS_FIRST = re.compile(r"(?:[A-ZÀ-Ý]\.\s?){1,3}[A-ZÀ-Ý][\w'’-]+(?: [A-ZÀ-Ý][\w'’-]+)?")
# bylines of the first one's shape with other names after it: a list of teasers (bare "By"
# lines only: "Written by" labels an article's byline or author box, which teasers seldom print)
LIST_BYLINES = 1
# what a card's link holds besides a byline: a heading, a list of fields (a product's brand, name, price)
CARD_PARTS = ("h1", "h2", "h3", "h4", "h5", "h6", "dl", "ul", "ol", "table")
LABELLED = re.compile(r"\b(?:(?:written|posted|article|story|words|text|reported)\s+by|geschrieben\s+von|"
                      r"verfasst\s+von|écrit\s+par|rédigé\s+par|escrito\s+por|redactado\s+por|"
                      r"(?:autor(?:in)?|auteur|texto?|redacción|redaktion)\s?:)", re.IGNORECASE)
# two names of one byline: "Jane Doe and Max Roe", "Hans Müller und Anna Schmidt"
JOINED = re.compile(r"\s(?:and|und|et|y|&)\s", re.IGNORECASE)
# the words a date line holds besides the date: "Last updated on Monday, Mar 24, 2025 at 9 am"
DATE_LABEL_WORDS = frozenset("last published posted updated modified on at am pm st nd rd th monday "
                             "tuesday wednesday thursday friday saturday sunday mon tue wed thu fri "
                             "sat sun veröffentlicht aktualisiert um uhr publié mis à jour le er "
                             "publicado actualizado el de".split())  # (and in de, fr, es)
SEPARATORS = " |•·,:-–—"  # what stands between a date and "By"


def dated_label(text: str) -> bool:
    """"Mar 24, 2025", "Published August 7, 2023", "Last updated on 2025-03-24 at 9:00": a
    date and the labels of a publication date only ("Released: June 17, 2025 by Tor Books" is
    a book's publisher)."""
    words = text.split()
    return len(words) <= DATE_WORDS and find_date(text) is not None and all(
        word.lower() in DATE_LABEL_WORDS or word.lower().rstrip(".") in MONTH_OF
        for word in re.findall(r"[^\W\d_]+", text))


def is_person(name: str) -> bool:
    """Two to four capitalised words ("Jane Doe", "A. J. Neal"), the last not an
    organisation's ("Ovolo Collective Hotels", "The Editorial Team")."""
    words = name.lower().split()
    return bool(PERSON.fullmatch(name) or INITIALS_FIRST.fullmatch(name)) and (
        words[-1] not in ORGANISATION_WORDS and words[0] not in ORGANISATION_WORDS)


def shown_byline(scope) -> tuple[str, ...]:
    """The names of the first byline line that `scope` shows as text (see the module's
    docstring); () when it shows none."""
    first = None
    others = 0  # bylines after the first of its shape, with other names
    for element in hinted_elements(scope):
        if in_card(element):
            continue
        names, line = line_names(element)
        if not names:
            continue
        if first is None:
            first = (element, names)
            if LABELLED.search(line):
                break  # "Written by": a byline's label, which teasers do not print
        elif names != first[1] and same_shape(element, first[0]):
            others += 1
            if others >= LIST_BYLINES:
                return ()  # a list of teasers, each with its byline: none is the page's
    return first[1] if first else ()


def hinted_elements(scope) -> Iterator:
    """The article's own elements of `scope` (html_dates.own_elements) whose text or a child's
    tail is `hinted`, in document order (the test inlined: ~1.5 calls an element)."""
    search = LOWER_HINT.search
    for element in own_elements(scope):
        text = element.text
        if text is not None and search(text.lower()) is not None:
            yield element
            continue
        for child in element:
            tail = child.tail
            if tail is not None and search(tail.lower()) is not None:
                yield element
                break


def hinted(text: str | None) -> bool:
    """`text` holds one of HINT_WORDS in any case. The words' letters have no case forms
    beyond ASCII (no "ſ", "K" or "İ" among them) and lower() makes no ASCII letter of another
    character but "K" and "İ" (k and i), so a search of the lower-cased text finds what a
    case-insensitive one finds, ~2x faster on a page's texts."""
    return text is not None and LOWER_HINT.search(text.lower()) is not None


def same_shape(element, other) -> bool:
    """Two elements of one tag and class under parents of one tag and class: items of one
    list, when there are several (an article's byline under its headline and the related
    stories' under theirs differ in their parents)."""
    mine, theirs = element.getparent(), other.getparent()
    return element.tag == other.tag and element.get("class") == other.get("class") and (
        mine is None or theirs is None or (mine.tag, mine.get("class")) == (theirs.tag, theirs.get("class")))


def in_card(element) -> bool:
    """The line stands in a link that holds a heading or a list of fields too: a teaser's card
    ("<a><h3>Other story</h3><p>By Jane Doe</p></a>"), a product's ("<a><dl><dt>Brand</dt>
    <dd>adidas</dd><dd>By Stella McCartney ...</dd></dl></a>"); an author box's link holds a
    name and a bio."""
    link = element if element.tag == "a" else next(element.iterancestors("a"), None)
    return link is not None and next(link.iter(*CARD_PARTS), None) is not None


def line_names(element) -> tuple[tuple[str, ...], str]:
    """The names of the byline line `element` opens or holds, and that line, taking in up to
    LEVELS_UP parents when its own text gives none ("<span>By</span> <a>Jane Doe</a>"). A
    line is read from its start: what follows the names (an author's bio, the article) is
    cut off by the grammar."""
    for _ in range(LEVELS_UP + 1):
        line = line_start(element)
        names = names_on_line(line)
        if names:
            return names, line
        element = element.getparent()
        if element is None:
            break
    return (), ""


def line_start(element) -> str:
    """The first LINE_CHARS characters or so of an element's text, its text nodes set apart
    as a byline's are."""
    texts: list[str] = []
    size = 0
    for text in element.itertext():
        text = collapse(text)
        texts.append(text)
        size += len(text)
        if size > LINE_CHARS:
            break
    return join_text_nodes(texts)


def names_on_line(line: str) -> tuple[str, ...]:
    """"Published August 7, 2023 by Jane Doe" -> ("Jane Doe",); () for a line whose "by" is
    no byline's ("Photo by Jane Doe", "Caused by Rain")."""
    for match in openers(line):
        label = line[:match.start()].strip(SEPARATORS)
        if (label and not dated_label(label)) or (not label and match.group().strip() in PREPOSITIONS):
            continue  # "Photo by", "Published by", "Caused by": only a date stands before a byline's
        names = byline_names(line[match.end():])
        if len(names) > 1 and not JOINED.search(line[match.end():]):
            names = names[:1]  # "Jane Doe, Counseling Psychologist": a job, not a second author
        if names and all(is_person(name) for name in names):
            return names
    return ()


def openers(line: str) -> Iterator[re.Match]:
    """OPENER.finditer(line)'s matches, found ~4x faster: OPENER is tried only where one of its
    words can start (FIRST_OPENER, NEXT_OPENER), not at every position of the line (a search
    tries it at each, ~15 us a line). A line whose lower-cased form is longer ("İ") is searched
    as before."""
    lowered = line.lower()
    if len(lowered) != len(line):
        yield from OPENER.finditer(line)
        return
    starts = [0] if FIRST_OPENER.match(lowered) else []
    starts += [found.start() + 1 for found in NEXT_OPENER.finditer(lowered)]
    end = 0
    for start in starts:
        if start >= end and (match := OPENER.match(line, start)) is not None:
            yield match
            end = match.end()
