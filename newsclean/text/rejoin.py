"""Line rejoining: where a line of the scrape goes on in the next. Terminal dumps hard-wrap
at a column (wrap_width), crude scrapers break at every text node (continues_sentence), some
copies double every line end (double_spaced, undouble), crawlers flatten a page to one line
(FLAT_LINE_CHARS; flat.unflatten cuts it again); Chinese and Japanese take two columns a
character and join without spaces (display_width, join_wrapped)."""
from __future__ import annotations

import re

from ..prose import WORD
from .byline import BYLINE, GLUED_BY_NAME, NOT_AUTHORED

# ---- hard-wrapped dumps (w3m, lynx, fold) ----
WRAP_SHARE = 0.1        # hard-wrapped dumps: a tenth of the long lines or more break...
MIN_WRAPPED_LINES = 3   # ...because the next word did not fit, and three at least
# columns: a narrower margin is a list or a column of short lines, not a terminal's wrap
# (terminals wrap at 72-80; rule of thumb)
MIN_WRAP_WIDTH = 50
# columns: a line longer than this could have been wrapped (WRAP_SHARE is a share of them)
WRAPPABLE_LINE_CHARS = 30
DOUBLE_SPACED_SHARE = 0.9  # of the lines, followed by exactly one blank line
# East Asian wide characters: two terminal columns each
WIDE = re.compile(r"[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
                  r"\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")
UNSPACED = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")  # zh, ja text

# ---- pages flattened to a line ----
FLAT_MIN_CHARS = 2000   # a page whose lines average this long was flattened to a line or
FLAT_LINE_CHARS = 1000  # a few (newlines collapsed by a crawler): its sentences are its blocks

# ---- text-node breaks: a line that goes on in the next ----
# a line ending so may end a sentence (the next line is then a block of its own)
SENTENCE_ENDS = (".", "!", "?", ":", ";", '"', "”", "»", ")", "…", "。")
# a line opening so goes on the sentence above (", and", "; then", "% of")
MID_SENTENCE_MARKS = frozenset(",;)%–—")
OPEN_ENDS = frozenset((" (", " /", " –", " —", " &", " |"))  # a line ending so breaks mid-sentence
OPEN_LAST = frozenset(end[-1] for end in OPEN_ENDS)
QUOTE_CLOSERS = frozenset("”»")  # typographic: code closes its strings with straight quotes
SENTENCE_INNER_ENDS = frozenset(".!?…。")  # a sentence's end before its closing quote or bracket
# ---- a field's label on a line of its own (a text node: <strong>Price:</strong> $299) ----
# a label of up to three words and a colon, said on LABEL_REPEATS lines or more (an entry's
# record: "Brand Recommendation:", "Price:" under each product), goes on in its value, a line
# of up to LABEL_VALUE_WORDS words; a label said once or twice ("Phase 1:", "Jane says:", a
# form's "Your Name:") stays a line of its own (rules of thumb, as revise.FIELD_REPEATS)
FIELD_LABEL = re.compile(r"[A-Z][\w’'&()-]*(?: [\w’'&()-]+){0,2} ?:")
LABEL_REPEATS = 3  # lines a label is said alone on: an entry's record
LABEL_VALUE_WORDS = 8  # words: a value (a name, a price, a date, a place)
# a label said once goes on in a paragraph of LABEL_PARAGRAPH_WORDS words or more that ends as
# a sentence ("<strong>Loppers:</strong> For thicker, older stems ..."), but a commenter's
# "Jane says:" (a thread's boundary) and a heading over a list stay apart
LABEL_PARAGRAPH_WORDS = 8
SAID = ("says:", "said:", "wrote:", "writes:", "commented:", "asks:", "replied:")
# articles, prepositions and conjunctions: a line ending on one was cut inside its sentence
NEVER_LAST = frozenset(
    "the a an of to in into for with on at by from and or but as than that within via about "
    "over under between through without der die das den dem des ein eine einen einem und oder "
    "mit von zu zum zur für im auf le la les un une du de et ou au aux pour avec sur dans par "
    "el los las una del y con para por en il lo gli di da nel della".split())
# a byline's "by" on a line of its own, the name on the next (a scraper that breaks at every
# text node: "Headline" / "by" / "Jane Doe"): the opening of a byline, not the line above's
# last word ("... a real difference by Jane Doe" hid the byline), unless that line credits a
# picture ("Photo" / "by" / "Jane Doe") or opens the byline itself ("Posted" / "by" / "BeauHD")
# ---- a link or a code span on a line of its own, inside a sentence ("That's why" / "ICU" /
# "exists - pretty much ..."): a line of up to INLINE_SPAN_WORDS words between a line that ends
# no sentence and one that goes on in lower case or with punctuation is the sentence's middle
# (the next line's test alone leaves the span's capital cutting the sentence in two)
INLINE_SPAN_WORDS = 4
# ---- a name and its description in two text nodes ("<code>LogLevel</code> - minimum log
# level", "<b>Budget</b> - Our top pick"): a scrape that prints a text node a line puts the
# " - " that joined them at the start of the description's line, which then reads as a list
# item. When DASH_PAIRS such lines or more follow a short line (a name: up to DASH_NAME_WORDS
# words, no sentence end, no link markup), more of them than follow an item and each under a
# name of its own (not "Pros" / "Cons" over each product), the scrape marks no items with
# "- ": each goes on its name's line
DASH_PAIRS = 3  # lines: three names, as BARE_LIST_LINES (rule of thumb)
DASH_NAME_WORDS = 3  # words: a name ("IgnoreRequestContent / IgnoreResponseContent")
NAME_ENDS = (".", "!", "?", ":", ";")  # a sentence's or a label's end (a call's ")" names)
BY_LINE = "by"
BY_LABELS = ("posted", "written", "reported", "words", "story", "text", "reporting", "article",
             "edited", "produced", "hosted")



def flattened(chars: int, lines: int) -> bool:
    """Whether a scrape of `chars` characters in `lines` lines is read as flattened (its lines
    average more than FLAT_LINE_CHARS): segment.split_blocks then cuts it at its sentences."""
    return chars > FLAT_MIN_CHARS and chars > FLAT_LINE_CHARS * lines

def wrapped_at(lines: list[str], narrow: bool) -> tuple[int | None, list[int]]:
    widths = [len(line) for line in lines] if narrow else [display_width(line) for line in lines]
    return wrap_width(lines, widths, narrow), widths


def double_spaced(lines: list[str]) -> bool:
    filled = [bool(line.strip()) for line in lines] + [False, False]
    count = sum(filled)
    singles = sum(1 for i in range(len(lines)) if filled[i] and not filled[i + 1] and filled[i + 2])
    return count >= MIN_WRAPPED_LINES and singles >= DOUBLE_SPACED_SHARE * count


def undouble(lines: list[str]) -> list[str]:
    """The lines without the single blank lines between them (longer gaps stay gaps)."""
    return [lines[index] if index >= 0 else "" for index in undoubled(lines)]


def undoubled(lines: list[str]) -> list[int]:
    """undouble's lines as indices into ``lines``, -1 for a gap (what a line's link count
    follows)."""
    out: list[int] = []
    blanks = 0
    for index, line in enumerate(lines):
        if not line.strip():
            blanks += 1
            continue
        if blanks > 1 or (blanks and not out):
            out.append(-1)
        blanks = 0
        out.append(index)
    return out


def join_wrapped(parts: list[str]) -> str:
    """Rejoin a block's lines: with a space, except where a line of Chinese or Japanese
    broke between two characters (no spaces in those scripts)."""
    text = parts[0]
    for part in parts[1:]:
        text += ("" if UNSPACED.match(text[-1]) and UNSPACED.match(part[0]) else " ") + part
    return text


def display_width(line: str) -> int:
    """Terminal columns: East Asian wide characters take two (how w3m and lynx wrap)."""
    if line.isascii():
        return len(line)
    return len(line) + len(WIDE.findall(line))


def word_width(line: str, narrow: bool) -> int:
    """The columns of the line's first word (Chinese and Japanese break anywhere: a character)."""
    word = line.split(None, 1)[0]
    if narrow:
        return len(word)
    return 2 if UNSPACED.match(word) else display_width(word)


def wrap_width(lines: list[str], widths: list[int], narrow: bool) -> int | None:
    """The column a terminal dump was hard-wrapped at, or None if it was not. A wrapped line
    breaks because the next word did not fit: count the lines whose next line's first word
    would have overflowed the longest line; copied or one-line-per-paragraph text has few."""
    # lines that can wrap: with spaces, or in a script written without them
    spaced = [" " in line.strip() or (not narrow and UNSPACED.search(line) is not None)
              for line in lines]
    long_widths = [n for n, has in zip(widths, spaced) if has]
    if len(long_widths) < MIN_WRAPPED_LINES:
        return None
    long_lines = sum(1 for n in long_widths if n > WRAPPABLE_LINE_CHARS)
    # the margin is the longest line, or the longest unindented one (centred headings and
    # indented blocks may stand out of a text wrapped at its margin)
    flush = [n for n, has, line in zip(widths, spaced, lines) if has and not line[0].isspace()]
    for width in sorted({max(long_widths), max(flush, default=0)}, reverse=True):
        if width < MIN_WRAP_WIDTH:
            continue
        forced = 0
        for index in range(len(lines) - 1):
            # (a line's first word is no wider than the line, or a column more, a halfwidth
            # kana taken as two: two short lines need no closer look)
            if spaced[index] and width < widths[index] + 2 + widths[index + 1] and (
                    widths[index] <= width):
                after = lines[index + 1]
                if after.strip() and widths[index] + 1 + word_width(after, narrow) > width:
                    forced += 1
        if forced >= MIN_WRAPPED_LINES and forced >= WRAP_SHARE * long_lines:
            return width
    return None


def repeated_labels(lines: list[str]) -> frozenset[str]:
    """The field labels said alone on LABEL_REPEATS lines or more ("Price:")."""
    counts: dict[str, int] = {}
    for line in lines:
        if line.endswith(":"):
            label = line.strip()
            if FIELD_LABEL.fullmatch(label):
                counts[label] = counts.get(label, 0) + 1
    return frozenset(label for label, count in counts.items() if count >= LABEL_REPEATS)


def is_value(label: str, line: str, labels: frozenset[str]) -> bool:
    """Whether the line is the value of a repeated field label on the line before."""
    return label in labels and line[-1] != ":" and line.count(" ") < LABEL_VALUE_WORDS


def is_led_paragraph(label: str, line: str) -> bool:
    """Whether the line is a paragraph that a label on the line before leads ("Loppers:" /
    "For thicker, older stems ... use loppers.")."""
    return (label[-1] == ":" and line.count(" ") >= LABEL_PARAGRAPH_WORDS - 1
            and line.endswith(SENTENCE_ENDS) and FIELD_LABEL.fullmatch(label) is not None
            and not label.lower().endswith(SAID))


def continues_sentence(previous: str, line: str) -> bool:
    """A line break inside a sentence (page source whitespace kept by crude scrapers, a text
    node per line): the line before ends mid-sentence, and this one goes on in lower case or
    with punctuation, or the line before ends on a word no sentence ends with ("the")."""
    if line[0] in SENTENCE_ENDS and (len(line) == 1 or line[1] == " " or not WORD.search(line)):
        return True  # the rest of a sentence cut at a link or a code span: ". Then ..."
    if previous.endswith(SENTENCE_ENDS) and not (
            previous[-1] in QUOTE_CLOSERS and line[0].islower() and len(previous) > 1
            and previous[-2] not in SENTENCE_INNER_ENDS):
        return False  # but a quoted word closes no sentence: “k” / is a folding target
    if line[0] in MID_SENTENCE_MARKS or not WORD.search(line) or (
            previous[-1] in OPEN_LAST and (len(previous) == 1 or previous[-2:] in OPEN_ENDS and (
                previous[-1] != "|" or previous.count("|") == 1))):  # not a table's row: "| a | b |"
        return True
    if line[0].islower():  # "by Jane Doe - 10/08/25" under a headline, "by" / "Jane Doe"
        return not (BYLINE.match(line) or line == BY_LINE and not previous.lower().endswith(
            NOT_AUTHORED + BY_LABELS) or BYLINE.match(GLUED_BY_NAME.sub("by ", line, count=1)))
    return previous[previous.rfind(" ") + 1:].lower() in NEVER_LAST


def inline_span(previous: str, line: str, after: str) -> bool:
    """Whether ``line`` is a link's or a code span's text cut out of its sentence: the line
    before stops on a word in lower case (mid-sentence: "That's why"; not a heading's, a
    name's or a counter's last word: "109 Comments"), it is short, has a letter and ends on no
    word a sentence goes on from (a rail's "Read More News on" opens its line), and the
    sentence goes on in ``after`` (not another item of a list: "2 tablespoons ...")."""
    last = previous[previous.rfind(" ") + 1:]
    return (last[:1].islower() and not previous.endswith(SENTENCE_ENDS)
            and line.count(" ") < INLINE_SPAN_WORDS and not line.endswith(SENTENCE_ENDS)
            and line[line.rfind(" ") + 1:].lower() not in NEVER_LAST  # a phrase's opening
            and any(c.isalpha() for c in line) and bool(after)
            and (after[0].islower() or after[0] in MID_SENTENCE_MARKS
                 or after[0] in SENTENCE_ENDS and (len(after) == 1 or after[1] == " "))
            and not BYLINE.match(after)
            and previous.split(" ", 1)[0] != line.split(" ", 1)[0])


def dash_name(previous: str) -> bool:
    """Whether a line can be the name a "- description" line goes on (dash_separated)."""
    return (bool(previous) and previous[0] not in "-*+•[" and "](" not in previous
            and previous.count(" ") < DASH_NAME_WORDS and not previous.endswith(NAME_ENDS))


def dash_separated(lines: list[str]) -> bool:
    """Whether the scrape's "- " lines are descriptions cut from their names (a text node a
    line), not list items: DASH_PAIRS of them or more follow a name, more than follow an item."""
    names: list[str] = []
    items = 0
    for index in range(1, len(lines)):
        if lines[index].startswith("- "):
            previous = lines[index - 1].strip()
            if previous[:2] in ("- ", "* ", "+ ", "• "):
                items += 1
            elif dash_name(previous):
                names.append(previous)
    # each name once: "Pros" and "Cons" over each product's items head lists
    return len(names) >= DASH_PAIRS and len(names) > items and len(set(names)) == len(names)
