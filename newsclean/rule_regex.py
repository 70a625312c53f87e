"""Rule-file regexes, matched by RE2: Python's `re` syntax and meaning in, linear-time matching out.

A rule file's line regexes (strip_line, keep_line, strip_before, strip_after) are written for
Python's `re`, whose backtracking can take hours on one line when a regex nests repeats (`(a+)+$`
on sixty a's). RE2 (the `google-re2` wheel) takes time linear in the line whatever the regex, so
no rule file can hang a run. The regex is read by Python's own parser (`re._parser`, as
`pattern_set` does; tests/test_rule_regex.py fails loudly if a release changes it) and written
out in RE2's syntax with Python's meaning:

- `\\w`, `\\d`, `\\s` (`\\W`, `\\D`, `\\S`) are Unicode as in Python, not ASCII as in RE2: `\\w` is
  a letter or digit of any script or `_` (`[\\p{L}\\p{N}_]`), `\\d` a decimal digit (`\\p{Nd}`),
  `\\s` what `str.isspace()` says; under `(?a)` they are ASCII, as in Python.
- `\\Z` becomes RE2's `\\z`; the flags `(?i)`, `(?m)`, `(?s)`, `(?x)`, global or scoped, carry over.
- No backreferences, lookaround, atomic groups, possessive repeats or conditionals: such a regex
  is refused, saying what to write instead. Lookaheads at the very start of a regex are the one
  exception (`(?=[^a-z]*[A-Z]{3})[^a-z]{12,300}`): there they are regexes of their own matched
  at the line's start, and the line must match (or, for `(?!...)`, not match) them too.
- `\\b` and `\\B` are RE2's, which know ASCII letters only: beside ä, é, ß or ñ they see a word
  boundary where Python sees none. Such a regex is taken, with a note for `rules lint`.
- `(?i)` is written out as Python folds case (`[Kk\\u212a]` for k): RE2 would fold by Unicode's
  case folding, which differs on the Turkish i's (i, I, İ, ı are one letter to Python) and on
  classes (RE2 adds the ypogegrammeni to `(?i)\\w`).
- `$` without `(?m)` is the end of the text (Python also allows one last newline before it), and
  a lone surrogate is read as U+FFFD: neither shows in the lines rules are matched against.

Unicode classes are what costs in RE2: `[\\w .'-]{1,60}` compiles to sixty copies of a program
for every letter and digit of Unicode (~80,000 instructions, tens of milliseconds). So each regex
also has a loose form whose classes take any non-ASCII character (a small program, quick to
compile), and the exact form is compiled only when a line with non-ASCII characters matches the
loose one: on an ASCII line the two agree. Both are compiled on first use: a site's rules are
only needed on its pages.
"""
from __future__ import annotations

import logging
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

import re2

if sys.version_info >= (3, 11):
    import re._constants as sre_constants
    import re._parser as sre_parse
else:  # pragma: no cover
    import sre_constants
    import sre_parse

log = logging.getLogger(__name__)

# RE2's memory budget per regex (program and matching cache). An exact form may take RE2's
# default, 8 MB: ~550,000 instructions, half a second to compile; the largest built-in one
# (nytimes.com.txt, `[\w.,'’ -]{2,160}`) has 217,000. Loose forms are small, but one site's
# together make one RE2 set
LOOSE_MAX_MEM = 16 << 20
EXACT_MAX_MEM = 8 << 20
# the RE2 program of one class with a Unicode category, in instructions (every letter and digit
# of Unicode in UTF-8 is a big one), and the most an exact form may add up to, each count of a
# repeat a copy: more is refused when the file is read, not left out at first use
CLASS_SIZES = {"WORD": 1350, "NOT_WORD": 1350, "NOT_DIGIT": 270, "DIGIT": 90}
MAX_PROGRAM = 500_000
MAX_REPEAT = 1000  # the largest count RE2 takes in {m,n}

WORD = r"\p{L}\p{N}_"  # Python's \w: str.isalnum() or "_", exactly Unicode's L* and N* and _
DIGIT = r"\p{Nd}"  # Python's \d: str.isdecimal()
# Python's \s: str.isspace() (tests/test_rule_regex.py checks every code point)
SPACE_RANGES = ((0x09, 0x0D), (0x1C, 0x20), (0x85, 0x85), (0xA0, 0xA0), (0x1680, 0x1680),
                (0x2000, 0x200A), (0x2028, 0x2029), (0x202F, 0x202F), (0x205F, 0x205F),
                (0x3000, 0x3000))
ASCII_RANGES = {"DIGIT": ((0x30, 0x39),), "SPACE": ((0x09, 0x0D), (0x20, 0x20)),
                "WORD": ((0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A))}
NON_ASCII = r"\x{80}-\x{10ffff}"  # what a loose class takes besides its ASCII members
LAST_CODE_POINT = 0x10FFFF
SURROGATE = re.compile("[\ud800-\udfff]")

# Python flag -> RE2's inline letter (x needs none: Python's parser has dropped the spaces, and
# i none either: case folding is written out, as Python does it)
FLAG_LETTERS = ((sre_constants.SRE_FLAG_MULTILINE, "m"), (sre_constants.SRE_FLAG_DOTALL, "s"))
ASCII = sre_constants.SRE_FLAG_ASCII
IGNORECASE = sre_constants.SRE_FLAG_IGNORECASE
CASED_BELOW = 0x20000  # no character from here on has another case (a test checks)
AT_START = ("AT_BEGINNING", "AT_BEGINNING_STRING")
ANCHORS = {"AT_BEGINNING": "^", "AT_BEGINNING_STRING": "\\A", "AT_END": "$", "AT_END_STRING": "\\z",
           "AT_BOUNDARY": "\\b", "AT_NON_BOUNDARY": "\\B"}

BOUNDARY_NOTE = ("\\b and \\B know only ASCII letters in RE2: beside ä, é, ß or ñ they see a word "
                 "boundary where Python's re sees none; to be exact, match the neighbour instead, "
                 "e.g. 'Times\\b.*' as 'Times(\\W.*)?' and '.*\\bBy .*' as '(.*\\W)?By .*'")
TOO_BIG = ("too big for RE2: each count of a repeat copies what it repeats, and a class with \\w "
           "holds every letter of Unicode; use fewer or shorter counts, such as [\\w ]{1,60}, or + and *")
# what RE2 lacks -> how to do without, keyed by the name Python's parser gives it
UNSUPPORTED = {
    "GROUPREF": "RE2 has no backreferences (\\1, (?P=name)); spell each repeat out, e.g. "
                "'(ab|cd)-\\1' as 'ab-ab|cd-cd'",
    "GROUPREF_EXISTS": "RE2 has no conditionals ((?(1)yes|no)); write the cases as alternatives",
    "ATOMIC_GROUP": "RE2 has no atomic groups ((?>...)); it never backtracks, so write a plain "
                    "group (?:...), and check the regex still means what you want",
    "POSSESSIVE_REPEAT": "RE2 has no possessive repeats (a*+, a++, a?+); it never backtracks, so "
                         "write a*, a+, a?, and check the regex still means what you want",
    "lookbehind": "RE2 has no lookbehind ((?<=...), (?<!...)); match the characters before "
                  "instead, e.g. '.*(?<=€)\\d+' as '.*€\\d+'",
    "lookahead": "RE2 has no lookahead ((?=...), (?!...)) but at the very start of a regex; move "
                 "it there, or match the characters instead, e.g. 'News(?= Desk).*' as 'News Desk.*'",
}


class RuleRegexError(ValueError):
    """A regex RE2 cannot run; `str()` says why and how to rewrite it."""


@dataclass(frozen=True)
class Translation:
    """A Python regex in RE2's syntax: `exact` has Python's meaning, `loose` the same with each
    Unicode class widened to every non-ASCII character; `lookaheads` are the (must match, regex)
    tests at the line's start; `notes` say where RE2 may still read it differently."""

    exact: str
    loose: str
    lookaheads: tuple[tuple[bool, str], ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class LineRegex:
    """A rule-file regex ready for RE2; `pattern` is the regex as the file wrote it. Its RE2
    forms are compiled on first use (a site's rules are only needed on its pages)."""

    pattern: str
    translation: Translation
    compiled: dict = field(repr=False, default_factory=dict)  # "loose", "exact", "heads"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LineRegex) and other.pattern == self.pattern

    def __hash__(self) -> int:
        return hash(self.pattern)

    @property
    def notes(self) -> tuple[str, ...]:
        return self.translation.notes

    def fullmatch(self, line: str) -> bool:
        """Whether the regex matches all of `line` (and its start-of-line lookaheads hold)."""
        data = utf8(line)
        return self.form("loose").fullmatch(data) is not None and self.holds(line, data)

    def holds(self, line: str, data: bytes) -> bool:
        """The rest of a full match, once the loose form matched: the exact form where the
        loose one may have been too kind, then the lookaheads."""
        if (self.translation.exact != self.translation.loose
                and not line.isascii()
                and self.form("exact").fullmatch(data) is None):
            return False
        return all((regex.match(data) is not None) is wanted for wanted, regex in self.form("heads"))

    def check(self) -> None:
        """Compile every form now. Raises RuleRegexError (too big for RE2)."""
        for name in ("loose", "exact", "heads"):
            self.compiled.pop(name, None)
            self.form(name, quiet=False)

    def form(self, name: str, quiet: bool = True) -> Any:
        """A compiled form: "loose", "exact" or "heads" (the (must match, regex) lookaheads).
        One RE2 cannot compile (too big) matches nothing, and says so in the log once."""
        found = self.compiled.get(name)
        if found is not None:
            return found
        text = self.translation
        try:
            if name == "heads":
                found = tuple((wanted, compile_re2(head, EXACT_OPTIONS)) for wanted, head in text.lookaheads)
            elif name == "exact" and text.exact == text.loose:
                found = self.form("loose", quiet)
            else:
                found = compile_re2(text.loose if name == "loose" else text.exact,
                                    LOOSE_OPTIONS if name == "loose" else EXACT_OPTIONS)
        except RuleRegexError as err:
            if not quiet:
                raise
            log.warning("rule regex %r is left out: %s", self.pattern, err)
            found = ((True, NEVER),) if name == "heads" else NEVER
        self.compiled[name] = found
        return found


class Never:
    """What a regex RE2 could not compile becomes: it matches no line."""

    def fullmatch(self, data: bytes) -> None:
        return None

    def match(self, data: bytes) -> None:
        return None


NEVER = Never()


@lru_cache(maxsize=4096)  # a pattern is read once however many books load its file
def compile_line_regex(pattern: str) -> LineRegex:
    """`pattern` (Python syntax) ready to match lines with RE2 (compiled on first use).
    Raises RuleRegexError for what RE2 cannot do."""
    return LineRegex(pattern, translate(pattern))


def options(max_mem: int):
    found = re2.Options()
    found.max_mem = max_mem
    found.log_errors = False  # we say what is wrong with a regex, once, in our words
    return found


LOOSE_OPTIONS = options(LOOSE_MAX_MEM)
EXACT_OPTIONS = options(EXACT_MAX_MEM)


def compile_re2(text: str, settings):
    try:
        return re2.compile(text, settings)
    except re2.error as err:
        reason = err.args[0] if err.args else err
        reason = reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)
        if "too large" in reason or "out of memory" in reason:
            raise RuleRegexError(TOO_BIG) from None
        raise RuleRegexError(f"RE2 cannot compile it ({reason})") from None


def utf8(line: str) -> bytes:
    """The line as RE2 reads it (bytes: RE2's Python wrapper is quicker on them)."""
    try:
        return line.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: like U+FFFD, no letter, digit or space
        return SURROGATE.sub("\ufffd", line).encode("utf-8")


def compiled_set(kind: Any, options: Any, expressions: Sequence[str]) -> Any:
    """An RE2 set (`kind`: re2.Set.SearchSet or FullMatchSet) of the expressions, compiled; None
    when RE2 cannot hold them as one (too big, or one it cannot read): the caller then falls
    back on each expression alone."""
    found = kind(options)
    try:
        for expression in expressions:
            found.Add(expression)
        found.Compile()
    except re2.error:
        return None
    return found


class LineMatcher:
    """Several line regexes at once: which of them match all of a line. One RE2 pass over the
    line (an RE2 set of the loose forms); the few that match are then checked in full."""

    def __init__(self, regexes: Sequence[LineRegex]):
        self.regexes = tuple(regexes)
        # None when too big as one: each regex on its own
        self.any: Any = compiled_set(re2.Set.FullMatchSet, LOOSE_OPTIONS,
                                     [regex.translation.loose for regex in self.regexes])

    def matches(self, line: str) -> list[int]:
        """The indices of the regexes that match all of `line`, in order."""
        return self.match_lines([line])[0]

    def match_lines(self, lines: Sequence[str]) -> list[list[int]]:
        """`matches` of each line (one loop: this runs on every line of a site's pages)."""
        found: list[list[int]] = []
        match = self.any.Match if self.any is not None else self.each_loose
        for line in lines:
            try:
                data = line.encode("utf-8")
            except UnicodeEncodeError:
                data = utf8(line)
            candidates = match(data)  # None, or the indices in no set order
            found.append([i for i in sorted(candidates) if self.regexes[i].holds(line, data)]
                         if candidates else [])
        return found

    def each_loose(self, data: bytes) -> list[int]:
        return [i for i, regex in enumerate(self.regexes) if regex.form("loose").fullmatch(data) is not None]


# ---- Python's parse tree -> RE2 syntax ----

def translate(pattern: str) -> Translation:
    """The RE2 forms of a Python regex. Raises RuleRegexError for what RE2 cannot do."""
    try:
        parsed = sre_parse.parse(pattern)
    except re.error as err:
        raise RuleRegexError(str(err)) from None
    flags = parsed.state.flags
    items = list(parsed)
    while items and items[0][0].name == "AT" and items[0][1].name in AT_START:
        items.pop(0)  # true where a whole-line match starts
    heads = []
    while items and items[0][0].name in ("ASSERT", "ASSERT_NOT") and items[0][1][0] == 1:
        op, (_, inner) = items.pop(0)
        heads.append((op.name == "ASSERT", inner))
    exact = Writer(loose=False)
    prefix = inline_flags(flags)
    lookaheads = tuple((wanted, prefix + exact.sequence(inner, flags)) for wanted, inner in heads)
    body = prefix + exact.sequence(items, flags)
    if exact.size > MAX_PROGRAM:
        raise RuleRegexError(TOO_BIG)
    loose = prefix + Writer(loose=True).sequence(items, flags) if exact.unicode else body
    return Translation(exact=body, loose=loose, lookaheads=lookaheads,
                       notes=tuple(dict.fromkeys(exact.notes)))


def inline_flags(flags: int) -> str:
    letters = "".join(letter for flag, letter in FLAG_LETTERS if flags & flag)
    return f"(?{letters})" if letters else ""


class Writer:
    """Writes parsed items in RE2's syntax, exact or loose; notes where RE2 reads them otherwise."""

    def __init__(self, loose: bool) -> None:
        self.loose = loose
        self.notes: list[str] = []
        self.repeats = 1  # the product of the counts of the repeats around the item written
        self.unicode = False  # a Unicode class written: the loose form differs
        self.size = 0  # the RE2 program's Unicode classes, in instructions (see CLASS_SIZES)

    def sequence(self, items, flags: int) -> str:
        return "".join(self.item(op.name, arg, flags) for op, arg in items)

    def item(self, op: str, arg, flags: int) -> str:
        if op in ("LITERAL", "NOT_LITERAL"):
            if not flags & IGNORECASE:
                return literal(arg) if op == "LITERAL" else f"[^{literal(arg)}]"
            negate = [(sre_constants.NEGATE, None)] if op == "NOT_LITERAL" else []
            return char_class(negate + [(sre_constants.LITERAL, arg)], flags, self.loose)
        if op == "ANY":
            return "."  # RE2's dot skips \n unless (?s), as Python's
        if op == "IN":
            sizes = [CLASS_SIZES.get(value.name.removeprefix("CATEGORY_"), 0)
                     for kind, value in arg if kind.name == "CATEGORY" and not flags & ASCII]
            self.unicode |= bool(sizes)
            self.size += max(sizes, default=0) * self.repeats
            return char_class(arg, flags, self.loose)
        if op == "BRANCH":
            return "(?:" + "|".join(self.sequence(branch, flags) for branch in arg[1]) + ")"
        if op == "SUBPATTERN":
            _, added, removed, inner = arg
            on = "".join(letter for flag, letter in FLAG_LETTERS if added & flag)
            off = "".join(letter for flag, letter in FLAG_LETTERS if removed & flag)
            opening = f"(?{on}-{off}:" if off else f"(?{on}:" if on else "(?:"
            return opening + self.sequence(inner, (flags | added) & ~removed) + ")"
        if op in ("MAX_REPEAT", "MIN_REPEAT"):
            return self.repeat(op, arg, flags)
        if op == "AT":
            at = arg.name
            if at in ("AT_BOUNDARY", "AT_NON_BOUNDARY") and not flags & ASCII:
                self.notes.append(BOUNDARY_NOTE)
            if at not in ANCHORS:  # pragma: no cover - the parser makes no other
                raise RuleRegexError(f"RE2 cannot do what Python calls {at}")
            return ANCHORS[at]
        if op in ("ASSERT", "ASSERT_NOT"):
            raise RuleRegexError(UNSUPPORTED["lookahead" if arg[0] == 1 else "lookbehind"])
        raise RuleRegexError(UNSUPPORTED.get(op, f"RE2 cannot do what Python calls {op}"))

    def repeat(self, op: str, arg, flags: int) -> str:
        low, high, inner = arg
        counted = quantifier(low, high)
        outer = self.repeats
        self.repeats *= max(1, low if counted.endswith(",}") else high if "{" in counted else 1)
        if self.repeats > MAX_REPEAT:  # RE2 counts nested repeats together
            raise RuleRegexError(f"RE2 takes repeats inside repeats up to {MAX_REPEAT} in all "
                                 "((a{10}){100} is the most); use + or * for one of them")
        written = f"(?:{self.sequence(inner, flags)}){counted}{'?' if op == 'MIN_REPEAT' else ''}"
        self.repeats = outer
        return written


def quantifier(low: int, high) -> str:
    unbounded = high is sre_constants.MAXREPEAT or high == sre_constants.MAXREPEAT
    if low > MAX_REPEAT or (not unbounded and high > MAX_REPEAT):
        raise RuleRegexError(f"RE2 counts repeats up to {MAX_REPEAT}: write {{{low},}} or a "
                             f"count up to {MAX_REPEAT}")
    if unbounded:
        return {0: "*", 1: "+"}.get(low, f"{{{low},}}")
    if (low, high) == (0, 1):
        return "?"
    return f"{{{low}}}" if low == high else f"{{{low},{high}}}"


def char_class(members, flags: int, loose: bool) -> str:
    """A Python character class (`[...]`, `\\w`, `\\d`, `\\s`, their negations, a literal under
    (?i)) for RE2. Case folding is written out, as Python does it: RE2 never folds."""
    negated = bool(members) and members[0][0].name == "NEGATE"
    ranges: list[tuple[int, int]] = []
    categories: list[str] = []
    for kind, value in members[negated:]:
        kind = kind.name
        if kind == "LITERAL":
            ranges.append((value, value))
        elif kind == "RANGE":
            ranges.append(tuple(value))
        elif kind == "CATEGORY":
            categories.append(value.name.removeprefix("CATEGORY_"))
        else:  # pragma: no cover - the parser makes no other
            raise RuleRegexError(f"RE2 cannot do what Python calls {kind} in a class")
    if flags & IGNORECASE and ranges:
        ranges = list(folded(tuple(ranges), bool(flags & ASCII)))
    unicode = bool(categories) and not flags & ASCII
    if loose and unicode:  # its ASCII members exactly, and any other character
        inside = ascii_members(ranges, categories)
        return "[" + "".join(literal(c) for c in range(128) if (c in inside) != negated) + NON_ASCII + "]"
    if not negated and len(ranges) == 1 and ranges[0][0] == ranges[0][1] and not categories:
        return literal(ranges[0][0])
    parts = [f"{literal(low)}-{literal(high)}" if high > low else literal(low) for low, high in ranges]
    parts += [category(name, flags) for name in categories if not (unicode and name == "NOT_WORD")]
    if not (unicode and "NOT_WORD" in categories):
        return f"[{'^' if negated else ''}{''.join(parts)}]" if parts else "[^\\x00-\\x{10ffff}]"
    # Unicode \W: no RE2 class item says "no letter, digit or _"
    if negated and not parts:
        return f"[{WORD}]"  # [^\W] is \w
    if negated:
        raise RuleRegexError("RE2 cannot say [^\\W...]; name the characters instead, e.g. "
                             "[^\\W\\d] as [\\p{L}_]")
    return f"(?:[^{WORD}]|[{''.join(parts)}])" if parts else f"[^{WORD}]"


def ascii_members(ranges: list[tuple[int, int]], categories: list[str]) -> set[int]:
    """The ASCII characters a class (less its NEGATE) holds."""
    found = {c for low, high in ranges for c in range(low, min(high, 127) + 1)}
    for name in categories:
        kind = name.removeprefix("NOT_")
        inside = {c for low, high in ASCII_RANGES[kind] for c in range(low, high + 1)}
        if kind == "SPACE":
            inside |= set(range(0x1C, 0x20))  # Unicode's \s also takes these four
        found |= (set(range(128)) - inside) if name.startswith("NOT_") else inside
    return found


def category(name: str, flags: int) -> str:
    """A class item for \\d, \\D, \\s, \\S, \\w (and \\W under (?a))."""
    kind = name.removeprefix("NOT_")
    negated = name.startswith("NOT_")
    if flags & ASCII:
        ranges = ASCII_RANGES[kind]
    elif kind == "DIGIT":
        return "\\P{Nd}" if negated else DIGIT
    elif kind == "WORD":  # \W is the caller's
        return WORD
    else:
        ranges = SPACE_RANGES
    if negated:
        ranges = complement(ranges)
    return "".join(f"{literal(low)}-{literal(high)}" if high > low else literal(low)
                   for low, high in ranges)


@cache
def folded(ranges: tuple[tuple[int, int], ...], ascii_only: bool) -> tuple[tuple[int, int], ...]:
    """Characters and ranges, and what Python's (?i) (or (?ai)) matches to them: asked of
    Python's re itself, on every character that has another case (a character in the ranges
    always matches)."""
    python = re.compile("[" + "".join(re.escape(chr(low)) + ("-" + re.escape(chr(high)) if high > low else "")
                                      for low, high in ranges) + "]",
                        re.IGNORECASE | (re.ASCII if ascii_only else 0))
    matched = {ord(c) for c in python.findall(cased_text())}
    return ranges + tuple((c, c) for c in sorted(matched)
                          if not any(low <= c <= high for low, high in ranges))


@cache
def cased_text() -> str:
    """Every character that has another case, and those others: the only ones Python's (?i)
    matches to anything but themselves (tests/test_rule_regex.py checks every code point)."""
    found: set[str] = set()
    for code in range(CASED_BELOW):
        char = chr(code)
        variants = {char.lower(), char.upper(), char.casefold(), char.title()} - {char}
        if variants:
            found |= {char} | {v for v in variants if len(v) == 1}
    return "".join(sorted(found))


def complement(ranges: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """The code points outside sorted, disjoint ranges."""
    found, start = [], 0
    for low, high in ranges:
        if low > start:
            found.append((start, low - 1))
        start = high + 1
    if start <= LAST_CODE_POINT:
        found.append((start, LAST_CODE_POINT))
    return tuple(found)


def literal(code: int) -> str:
    """One character as RE2 reads it literally, in a class or out of one."""
    char = chr(code)
    if char.isascii() and char.isalnum():
        return char
    if char.isascii() and char.isprintable() and char != " ":
        return "\\" + char  # RE2 takes any ASCII punctuation escaped
    return f"\\x{{{code:x}}}"
