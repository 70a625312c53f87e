"""A page flattened to one line (a crawler's `text` field, `get_text(" ")`): its blocks guessed
back (unflatten). Every text node of the page was joined to the next by a space, so a sentence
is the only unit left; what stood on a line of its own above a sentence (a menu, a breadcrumb,
the visible headline, a date line, a caption's credit, a comment's header) is glued to its
start. The line is cut at sentence ends (SENTENCE_BREAK), around the visible headline that the
<title> opening the page names (flattitle.flat_title), and before the first word of a sentence
that follows such a run of capitalised words, a number or a date (glued_opening); a long run of
capitalised words before a sentence is a menu (split_menu_run). The words that open a sentence
and the labels that end an article are data (data/flat.txt, read_flat_words)."""
from __future__ import annotations

import re
from dataclasses import replace
from importlib import resources

from .blocks import Block
from .features import MAX_CAPS_SHARE, is_prose
from .flattitle import flat_title
from .region import Boundary, Region
from .rejoin import FLAT_LINE_CHARS

# a sentence's end, then a capital or a digit: where a flattened page is cut into lines
SENTENCE_BREAK = re.compile(r"(?<=[.!?。！？])[\"'”’»)]?\s+(?=[\"'“‘«(]?[A-Z0-9À-ÝА-Я])")

# ---- a menu run into the sentence after it ----
MENU_RUN_WORDS = 30   # a "sentence" this long, mostly capitalised words, was a menu...
SENTENCE_TAIL_WORDS = 8  # ...and its last words, mostly lower case, the sentence it ran into
# share of the tail's words that may be capitalised (names, the sentence's first word); the
# menu before it needs more than MAX_CAPS_SHARE (rule of thumb)
TAIL_CAPS_SHARE = 0.35

# ---- the words and labels of data/flat.txt (read_flat_words) ----
FLAT_WORDS_FILE = "data/flat.txt"
SECTIONS = ("openers", "end labels", "related labels", "labels", "answers follow")  # each needed

# ---- a sentence's first word, glued to what stood above it ----
# words that open a sentence far more often than they stand capitalised inside one (articles,
# pronouns, conjunctions; en, de, fr, es; data/flat.txt [openers]): after a word that is not in
# lower case ("Reuters", "2024", "Doe/AFP") they start a new block ("Breaking News The council
# voted ...")
# a word ending so goes on in the same sentence ("Moreover, I fear", "thinking: When I")
CLAUSE_ENDS = frozenset(",;:")
# words the sentence after an opener must have (fewer: a title's words, "The End")
OPENED_WORDS = 6
# share of a glued sentence's words that may be capitalised (the opener and a name or two; a
# headline in title case has more, and stays whole)
OPENED_CAPS_SHARE = 0.3

# ---- where the article ends: labels that stood on a line of their own below it ----
# a comments header, a rail of related stories, the author's box (data/flat.txt [end labels],
# [related labels]): glued to what follows them, they start a line, and past FLAT_END_WORDS
# words of prose in the region the first of them ends it (a share bar or a "Related:" teaser
# stands higher up, under the headline or between the first paragraphs; rule of thumb); labels
# that start a line but end nothing ([labels]): a share bar or a newsletter box stands under
# the headline as often as under the article. A label followed by a colon ("Related reading:
# <story>") is a teaser inside the article.
QUOTES = "\"'“‘«„("  # a label quoted inside a sentence ('those “You might also like” picks')
# of the prose above a rail of related stories ([related labels]), what may follow it in the
# region for the rail to end the story (The Atlantic sets one two thirds of the way down; rule
# of thumb)
RELATED_TAIL_SHARE = 0.5
FLAT_END_WORDS = 150  # words of prose the region holds above a label before it may end there
# characters of an end label's line where a Q&A's count of answers ([answers follow]) is looked
# for ("Add a comment | 14 Answers Sorted by: ..."): its answers follow, and the label ends nothing
ANSWERS_REACH = 60
# "Jane says July 14, 2015 at 3:53 pm": a comment's header (a name, a verb, a date, a clock)
COMMENT_HEADER = re.compile(
    r"(?:says|said|wrote|commented)(?: on)?:? (?:[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+\.? \d{4}"
    r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})(?:,| at| @| -)? \d{1,2}:\d{2}"
    r"(?: ?[AaPp]\.?[Mm]\b\.?)?")
COMMENT_NAME_WORDS = 4  # words of a commenter's name before "says"
COMMENT_HEADER_WORDS = 14  # words of a comment's header line: a name, "says", a date, a clock
COMMENT_HEADERS = 2  # comment headers in the region below the article: a thread

# ---- the visible headline ----
HEADLINE_REACH_CHARS = 20_000  # characters: where the visible headline is looked for
# lines a flattened page's <title> may stand on (a text node that kept its line ends breaks it)
TITLE_LINES = 3


def read_flat_words(text: str) -> dict[str, list[str]]:
    """The lines of each section of a flat words file (data/flat.txt), comments and blank
    lines left out. Raises ValueError naming the line for a line before any section or a
    section that is not one of SECTIONS, and for a section of SECTIONS that is missing."""
    sections: dict[str, list[str]] = {}
    name: str | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            name = line[1:-1]
            if name not in SECTIONS:
                raise ValueError(f"flat.txt:{number}: unknown section [{name}]; "
                                 f"use {', '.join(SECTIONS)}")
            sections.setdefault(name, [])
        elif name is None:
            raise ValueError(f"flat.txt:{number}: a line before any [section]")
        else:
            sections[name].append(line)
    missing = [name for name in SECTIONS if name not in sections]
    if missing:
        raise ValueError(f"flat.txt: no [{'], ['.join(missing)}] section; the code relies on it")
    return sections


def alternatives(patterns: list[str]) -> str:
    """One regex that matches where any of `patterns` does."""
    return "|".join(f"(?:{pattern})" for pattern in patterns)


WORDS = read_flat_words(resources.files("newsclean").joinpath(FLAT_WORDS_FILE).read_text("utf-8"))
OPENERS = frozenset(" ".join(WORDS["openers"]).split())
END_LABEL = re.compile(f"(?:{alternatives(WORDS['end labels'] + WORDS['related labels'])})(?! ?:)")
LABEL = re.compile(f"{END_LABEL.pattern}|{alternatives(WORDS['labels'])}")
RELATED = re.compile(alternatives(WORDS["related labels"]))  # of END_LABEL's labels, a rail's
ANSWERS = re.compile(alternatives(WORDS["answers follow"]))


def unflatten(lines: list[str]) -> list[str]:
    """A sentence per line, for text that has lost its line breaks; the visible headline, a
    menu run into the sentence after it and what is glued before a sentence's first word are
    lines of their own."""
    out: list[str] = []
    title = flat_title(" ".join(lines[:TITLE_LINES]), loose=False) if lines else None
    for number, line in enumerate(lines):
        if len(line) <= FLAT_LINE_CHARS:
            out.append(line)
            continue
        for part in around_headline(line, title, int(number == 0)) if title else [line]:
            title = None  # the first long line holds the visible headline
            for sentence in SENTENCE_BREAK.split(part):
                for glued in at_labels(sentence):
                    for piece in glued_opening(glued):
                        out.extend(split_menu_run(piece))
    return out


def at_labels(sentence: str) -> list[str]:
    """The sentence cut before each end label (END_LABEL) inside it, and around each comment
    header ("... a try. reply to comment | Jill Winger says July 17, 2015 at 8:28 am | Yes ...")."""
    labels = [match.span() for match in LABEL.finditer(sentence, 1)
              if sentence[:match.start()].rstrip()[-1:] not in QUOTES]
    cuts = {start for start, _ in labels}
    for match in COMMENT_HEADER.finditer(sentence):
        cuts.add(match.end())
        before = sentence[:match.start()].split(" ")[:-1]  # the name's words
        count = 1
        while count < min(COMMENT_NAME_WORDS, len(before)) and before[-count - 1][:1].isupper():
            count += 1
        name = len(" ".join(before[:-count])) + 1 if len(before) > count else 0
        # (a label's words are no part of the name: "3 Comments | Jane Doe says ...")
        cuts.add(max([name] + [end for _, end in labels if name < end <= match.start()]))
    if not cuts:
        return [sentence]
    bounds = sorted({0, len(sentence), *cuts})
    return [part for begin, end in zip(bounds, bounds[1:]) if (part := sentence[begin:end].strip())]


def flat_region_end(blocks: list[Block], region: Region) -> Region:
    """The region ended before the first end label or a thread of comment headers below
    FLAT_END_WORDS words of its prose (what no line end marks on a flattened page). A rail of
    related stories ends it only when less than RELATED_TAIL_SHARE of the prose before follows (a page may set
    one between its story's paragraphs); a label a Q&A's count of answers follows (ANSWERS), or
    one above the visible headline in the region (the first line unflatten cut out where the page
    says its <title>'s headline again: "Join the conversation" over a forum's thread, its <title> and
    menu glued into the words before it), ends nothing."""
    title = flat_title(" ".join(block.text for block in blocks[:region.end + 1]), loose=False)
    # (its first time on the page: a rail below may list the story again)
    shown = max(region.start, next((index for index in range(region.end + 1)
                                    if blocks[index].text == title), 0)) if title else region.start
    words, first, headers = 0, None, 0
    prose = [block.words if is_prose(block) else 0 for block in blocks[region.start:region.end + 1]]
    total = sum(prose)
    for index in range(region.start, region.end + 1):
        block = blocks[index]
        if words >= FLAT_END_WORDS and first is None and index > shown and (
                label := END_LABEL.match(block.text)) and (
                not RELATED.match(label.group()) or total - words < RELATED_TAIL_SHARE * words) and (
                not ANSWERS.search(block.text, 0, ANSWERS_REACH)):
            return replace(region, end=index - 1,
                           choice=replace(region.choice, boundary=Boundary.MARKED))
        if COMMENT_HEADER.search(block.text) and block.words <= COMMENT_HEADER_WORDS:
            if words >= FLAT_END_WORDS:
                first = index if first is None else first
                headers += 1
        elif first is None:
            words += prose[index - region.start]
    if first is None or headers < COMMENT_HEADERS:
        return region
    return replace(region, end=first - 1, choice=replace(region.choice, boundary=Boundary.MARKED))


def around_headline(line: str, title: str, past: int) -> list[str]:
    """The line cut before and after each time it says the headline again (from `past` on:
    after the <title> that opens it; within HEADLINE_REACH_CHARS): the visible headline is a
    line of its own."""
    parts, done = [], 0
    at = line.find(title, past, HEADLINE_REACH_CHARS)
    while at > 0:
        parts += [line[done:at].strip(), title]
        done = at + len(title)
        at = line.find(title, done, HEADLINE_REACH_CHARS)
    parts.append(line[done:].strip())
    return [part for part in parts if part]


def glued_opening(sentence: str) -> list[str]:
    """"Photo: Jane Doe/Reuters The council voted on Tuesday to ..." as what stood above the
    sentence, then the sentence: cut before an opener (OPENERS) that follows a word neither in
    lower case, nor ending a clause, nor an opener ("When I"), and that a word in lower case
    follows ("The council", not a heading's "Facing The Fireplace"), when the words from there
    on read as a sentence (OPENED_WORDS or more, at most OPENED_CAPS_SHARE capitalised); of
    several such cuts, the last."""
    words = sentence.split(" ")
    if len(words) <= OPENED_WORDS:
        return [sentence]
    capital = [word[:1].isupper() for word in words]
    tail_caps = sum(capital)
    best = None
    for index in range(1, len(words) - OPENED_WORDS + 1):
        tail_caps -= capital[index - 1]
        if words[index] in OPENERS and not words[index - 1][:1].islower() and (
                words[index - 1][-1:] not in CLAUSE_ENDS and words[index - 1] not in OPENERS
                and words[index + 1][:1].islower()
                and tail_caps <= OPENED_CAPS_SHARE * (len(words) - index)):
            best = index
    if best is None:
        return [sentence]
    return [" ".join(words[:best]), " ".join(words[best:])]


def split_menu_run(sentence: str) -> list[str]:
    """"Home News Sport Weather The council voted on Tuesday to ..." as the menu, then the
    sentence (a flattened page), if a tail of mostly lower-case words is there at all."""
    words = sentence.split(" ")
    if len(words) < MENU_RUN_WORDS:
        return [sentence]
    capital = [w[:1].isupper() for w in words]
    total = sum(capital)
    if total <= MAX_CAPS_SHARE * len(words):
        return [sentence]
    # the split (before a capital) that leaves fewest lower-case words in the menu and
    # capitalised ones in the sentence
    best, best_cost, before = None, len(words), 0
    for index, cap in enumerate(capital):
        tail = len(words) - index
        if tail < SENTENCE_TAIL_WORDS:
            break
        if cap and index and total - before <= TAIL_CAPS_SHARE * tail and (
                before > MAX_CAPS_SHARE * index):
            cost = (index - before) + (total - before)
            if cost < best_cost:
                best, best_cost = index, cost
        before += cap
    if best is None:
        return [sentence]
    return [" ".join(words[:best]), " ".join(words[best:])]
