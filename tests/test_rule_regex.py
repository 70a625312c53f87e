"""Rule-file regexes run by RE2 with Python's meaning: Unicode classes on every code point,
flags, the lookaheads RE2 lacks, what it refuses (and says why), and that it is the engine, so
a regex that makes Python's `re` backtrack for hours cannot hang a run. Also the guard on the
private regex parser it reads (as patterns.py once did)."""
from __future__ import annotations

import logging
import re
import unicodedata

import pytest
import re2

import newsclean
from newsclean import rule_regex
from newsclean.rule_regex import (
    EXACT_OPTIONS,
    LineMatcher,
    LineRegex,
    RuleRegexError,
    Translation,
    compile_line_regex,
    translate,
)
from newsclean.rules import line_verdicts, load_book, parse_rule_text

# every code point Python's Unicode tables know (RE2's may be newer: a letter Unicode added
# since is unassigned to Python and a letter to RE2), surrogates left out
KNOWN = "".join(chr(c) for c in range(0x110000)
                if not 0xD800 <= c <= 0xDFFF and unicodedata.category(chr(c)) != "Cn")
# a sample to run whole regexes on, character by character: Latin, Greek, Cyrillic, spaces and
# punctuation in full, then every 97th character
SAMPLE = [c for c in KNOWN if ord(c) < 0x3100 or ord(c) % 97 == 0]


def same(pattern: str, lines) -> list[str]:
    """The lines on which Python's re and the RE2 path disagree."""
    python, ours = re.compile(pattern), compile_line_regex(pattern)
    return [line for line in lines if (python.fullmatch(line) is not None) != ours.fullmatch(line)]


def takes_what_python_takes(pattern: str, translated: str, options=EXACT_OPTIONS) -> bool:
    """Whether an RE2 regex for one character matches every known code point Python's `pattern`
    matches, and no other (two RE2 calls over all of them)."""
    inside = "".join(re.findall(pattern, KNOWN))
    outside = re.sub(pattern, "", KNOWN)
    return (re2.fullmatch(f"(?:{translated})*", inside, options) is not None
            and re2.search(translated, outside, options) is None)


@pytest.mark.parametrize("category", [r"\w", r"\W", r"\d", r"\D", r"\s", r"\S"])
def test_unicode_categories_match_python_on_every_code_point(category):
    assert takes_what_python_takes(category, translate(category).exact)
    loose = translate(category).loose  # it takes more, never less, and the same ASCII
    assert re2.fullmatch(f"(?:{loose})*", "".join(re.findall(category, KNOWN)))
    assert all((re2.fullmatch(loose, c) is not None) == bool(re.fullmatch(category, c))
               for c in map(chr, range(128)))


@pytest.mark.parametrize("pattern", [
    r"[\w’-]", r"[^\w’-]", r"[\W\d]", r"[^\s,]", r"[\s\d.]", r"[^\d]", r"[\D]", r"[^\S]",
    r"[^\W]", r"[à-ÿ]", r"[^a-zà-ö]", r"(?a)\w", r"(?a)[^\s\d]", r"(?a)\W", r".", r"(?s).",
])
def test_classes_match_python_character_by_character(pattern):
    assert same(pattern, SAMPLE + ["\n", "_", "\u00a0", "\u2028"]) == []


@pytest.mark.parametrize("word", ["Größe", "ñandú", "élève", "Straße", "ÄÖÜ", "Ελλάδα", "Москва",
                                  "İstanbul", "½", "٣٤", "naïve_2"])
def test_letters_of_other_languages_are_word_characters(word):
    for pattern in (r"\w+", r"[\w]+", r"(?:\w|-)+", r"\w{1,40}", r"[^\W]+", r"[^\s.]+"):
        assert compile_line_regex(pattern).fullmatch(word) == bool(re.fullmatch(pattern, word))
    assert compile_line_regex(r"\w+").fullmatch(word)
    assert not compile_line_regex(r"\W+").fullmatch(word)


def test_digits_and_spaces_beyond_ascii():
    assert compile_line_regex(r"\d+").fullmatch("٣٤٥")  # Arabic-Indic digits
    assert not compile_line_regex(r"\d").fullmatch("½")  # a number, not a decimal digit
    assert compile_line_regex(r"a\sb\sc").fullmatch("a\u00a0b\u2009c")
    assert not compile_line_regex(r"a\Sb").fullmatch("a\u3000b")


LINES = ["Publié le 12 mars 2024 à 10h05", "PUBLIÉ LE 12 MARS", "Größe: 12 cm", "GRÖSSE: 12 CM",
         "straße", "STRASSE", "Strasse", "line one\nline two", "a\nb", "Kelvin \u212a", "kelvin k",
         "ſtraße", "İstanbul", "istanbul", "", " ", "Read more: élections", "read MORE: x"]


@pytest.mark.parametrize("pattern", [
    r"(?i)publié le \d+ mars.*", r"(?i:publié) LE.*", r"(?i)grö(?-i:ß)e:.*", r"(?i)größe:.*",
    r"(?i)stra(ss|ß)e", r"(?s)line.*two", r"line.*two", r"(?m)a$\n^b", r"a$\nb", r"(?i)kelvin [k]",
    r"(?i)kelvin k", r"(?i)ſtraße", r"(?i)[a-z]+", r"(?i)[^a-z ]+", r"(?x) read \ more : \ .*  # c",
    r"(?i)read more: \w+", r"(?i)(?:read|see) more: .*", r"\Aline.*two\Z", r"^$", r" ?",
])
def test_flags_carry_over(pattern):
    assert same(pattern, LINES) == []


@pytest.mark.parametrize("pattern", [
    r"(?i)i", r"(?i)[^i]", r"(?i)k", r"(?i)s", r"(?i)ß", r"(?i)σ", r"(?i)[a-z]", r"(?i)[^a-z]",
    r"(?i)[h-j]", r"(?i)[à-ÿ]", r"(?i)[α-ω]", r"(?i)[а-я]", r"(?i)\w", r"(?i)\W", r"(?i)[\W\d]",
    r"(?i)[^\sk]", r"(?ai)[a-z]", r"(?ai)\w", r"(?i)[\u0100-\u017f]",
])
def test_case_folding_is_pythons_on_every_code_point(pattern):
    # RE2 folds by Unicode's case folding: Turkish İ and ı would not be i, and (?i)\w would take
    # the combining ypogegrammeni; the translation writes Python's folding out
    exact = translate(pattern).exact
    assert "(?i" not in exact
    assert takes_what_python_takes(pattern, exact)


def test_no_character_past_the_scan_has_another_case():
    assert not [c for c in range(rule_regex.CASED_BELOW, 0x110000)
                if not 0xD800 <= c <= 0xDFFF and (chr(c).lower(), chr(c).upper(), chr(c).casefold())
                != (chr(c),) * 3]


@pytest.mark.parametrize("pattern, lines", [
    (r"(?=[^a-z]*[A-Z]{3})[^a-z]{12,300}", ["BREAKING NEWS TODAY", "BREAKING news today",
                                             "A B C D E F G H", "ABC", "ÄÖÜ ABC 12345 ÉÈ", "A1 B2 C3 D4 E5"]),
    (r"(?!Read more).{0,40}", ["Read more", "Read more: x", "Reading", "Read", ""]),
    (r"^(?=.*\d)(?!.*Ad)[\w ]+", ["Page 2", "Page two", "Ad 2", "Adé 2", "Große 3"]),
])
def test_lookaheads_at_the_start_are_tests_at_the_line_start(pattern, lines):
    assert compile_line_regex(pattern).translation.lookaheads
    assert same(pattern, lines) == []


@pytest.mark.parametrize("pattern, says", [
    (r"(ab|cd)-\1", "no backreferences"),
    (r"(?P<x>a)(?P=x)", "no backreferences"),
    (r"(?<=€)\d+", "no lookbehind"),
    (r"Price: (?<!x)\d+", "no lookbehind"),
    (r"News(?= Desk).*", "no lookahead (("),
    (r"(?:a|(?!b))c", "no lookahead (("),
    (r"(?>a+)b", "no atomic groups"),
    (r"a++b", "no possessive repeats"),
    (r"(a)?(?(1)b|c)", "no conditionals"),
    (r"a{1001}", "up to 1000"),
    (r"(?:(?:a){100}){11}", "repeats inside repeats"),
    (r"[^\W\d]+", "cannot say [^\\W...]"),
    (r"(unclosed", "missing )"),
])
def test_what_re2_cannot_do_is_refused_with_a_way_out(pattern, says):
    with pytest.raises(RuleRegexError, match=re.escape(says)):
        compile_line_regex(pattern)


def test_word_boundaries_are_taken_with_a_note():
    regex = compile_line_regex(r".*\bBy [A-Z]\w+")
    assert regex.notes and "ASCII" in regex.notes[0] and "(.*\\W)?By .*" in regex.notes[0]
    assert regex.fullmatch("Photo: Jane Doe. By Maxime")
    assert not regex.fullmatch("NearBy Maxime")
    assert not compile_line_regex(r"(?a).*\bBy \w+").notes  # ASCII meant: RE2's is exact
    # the documented difference: RE2 sees a boundary between é and B, Python none
    assert regex.fullmatch("éBy Max") and not re.fullmatch(r".*\bBy [A-Z]\w+", "éBy Max")


def test_re2_is_the_engine_so_nested_repeats_cannot_hang():
    regex = compile_line_regex(r"(a+)+$")
    assert regex.fullmatch("a" * 60)
    assert not regex.fullmatch("a" * 60 + "!")  # Python's re would take hours on this line
    assert isinstance(regex.form("loose"), type(re2.compile("x")))
    assert isinstance(regex.form("exact"), type(re2.compile("x")))


def test_a_catastrophic_rule_goes_through_clean(tmp_path):
    (tmp_path / "example.com.txt").write_text("strip_line: (a+)+$\nstrip_line: (x+x+)+y\n")
    site = load_book((str(tmp_path),)).for_host("example.com")
    assert all(isinstance(rule.value, LineRegex) for rule in site.get("strip_line"))
    lines = ["a" * 60 + "!", "x" * 60, "a" * 60, "The council voted."]
    assert [v and v.source[-1] for v in line_verdicts(lines, site)] == [None, None, "1", None]
    story = "The council voted on Tuesday to rebuild the old footbridge over the river. " * 3
    text = f"{story}\n\n{'a' * 60}!\n\n{'x' * 60}\n\n{story}\n"
    article = newsclean.clean(text, url="https://example.com/a", input_type="text",
                              rules_dirs=[str(tmp_path)])
    assert article.rules == (str(tmp_path / "example.com.txt"),) and "footbridge" in article.text


def test_a_matcher_gives_every_regex_that_matches_a_line():
    regexes = [compile_line_regex(p) for p in (r"Ad", r"\w+", r"(?=.*é)\w+", r"(?!A)\w+", r"[A-Z]\w")]
    matcher = LineMatcher(regexes)
    assert matcher.matches("Ad") == [0, 1, 4]
    assert matcher.matches("Adé") == [1, 2]
    assert matcher.matches("Bé") == [1, 2, 3, 4]
    assert matcher.matches("B é") == []
    assert matcher.matches("x\ud800") == []  # a lone surrogate is no letter


def test_a_regex_too_big_for_re2_is_a_problem_of_its_file():
    parsed = parse_rule_text("strip_line: [\\w ]{1,1000}\nstrip_line: [\\w ]{1,300}\n",
                             "example.com.txt", "example.com")
    assert [str(p) for p in parsed.problems] == [
        f"example.com.txt:1: bad regex for 'strip_line': '[\\\\w ]{{1,1000}}' ({rule_regex.TOO_BIG})"]
    parsed.rules.get("strip_line")[0].value.check()  # 300 copies of \w: RE2 takes them


def test_a_form_re2_cannot_compile_after_all_matches_nothing(caplog):
    caplog.set_level(logging.WARNING, logger="newsclean.rule_regex")
    huge = "(?:[\\p{L}\\p{N}_ ]){1,1000}"  # past the estimate's reach: RE2 says no at first use
    regex = LineRegex("made up", Translation(exact=huge, loose="(?:[A-Za-z \\x{80}-\\x{10ffff}]){1,1000}"))
    with pytest.raises(RuleRegexError, match="too big for RE2"):
        regex.check()
    assert not regex.fullmatch("Größe")  # non-ASCII: the exact form is needed, and left out
    assert "left out" in caplog.text


def test_the_private_parser_still_says_what_the_translation_reads():
    parsed = rule_regex.sre_parse.parse(r"(?i)a[^\d\w]\b(?=x)")
    assert parsed.state.flags & re.IGNORECASE
    ops = [str(op) for op, _ in parsed]
    assert ops == ["LITERAL", "IN", "AT", "ASSERT"]
    assert [str(kind) for kind, _ in parsed[1][1]] == ["NEGATE", "CATEGORY", "CATEGORY"]
