"""Property tests: whatever comes in, clean() returns an Article or raises NewscleanError; the
Article's JSON reads back as the same Article; the text path only ever keeps words of its input,
in their order, and cleaning its cleaned text again gives that text back."""
from __future__ import annotations

import codecs
import gzip
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from newsclean import Article, NewscleanError, NothingExtracted, clean

FAST = settings(max_examples=200, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
WORD = re.compile(r"\w+")
# For "every output word is an input word": `_` marks emphasis in Markdown scrapes (`_very_`),
# so it separates words here rather than belonging to them.
PLAIN_WORD = re.compile(r"[^\W_]+")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def clean_or_error(data, **options) -> Article | None:
    """clean(), which must give a sane Article or a NewscleanError and nothing else."""
    try:
        article = clean(data, **options)
    except NewscleanError as err:
        assert str(err).strip(), "an error with no message"
        return None
    assert isinstance(article, Article)
    assert isinstance(article.text, str) and article.text.strip()
    assert isinstance(article.markdown, str) and article.markdown.strip()
    assert article.title is None or (isinstance(article.title, str) and article.title)
    assert isinstance(article.authors, tuple) and all(isinstance(a, str) for a in article.authors)
    assert article.author == ("; ".join(article.authors) or None)
    assert article.date is None or ISO_DATE.fullmatch(article.date), article.date
    assert isinstance(article.tags, tuple)
    if article.title:
        assert article.markdown.startswith(f"# {article.title}\n")
    # what the CLI does with it must work too, and its JSON must read back as the same Article
    assert Article.from_json(article.to_json(source="-")) == article
    article.to_markdown()
    if isinstance(data, bytes):  # decoded bytes never hold what UTF-8 cannot write
        assert Article.from_json(article.to_json().encode("utf-8")) == article
        article.to_markdown().encode("utf-8")
    return article


def is_subsequence(needle: list[str], haystack: list[str]) -> bool:
    it = iter(haystack)
    return all(any(word == other for other in it) for word in needle)


def assert_words_come_from_input(source: str, article: Article | None) -> None:
    if article is None:
        return
    out, given_words = PLAIN_WORD.findall(article.text), PLAIN_WORD.findall(source)
    assert is_subsequence(out, given_words), (
        f"output words not a subsequence of the input's:\n out={out[:60]}\n in={given_words[:60]}")


# ---------------------------------------------------------------- strategies

INPUT_TYPES = st.sampled_from(["auto", "html", "text"])

VOCAB = ("the council said on Tuesday that residents would vote again in spring after a long "
         "and heated meeting about the new bridge over river where children walk every day "
         "mayor police budget school hospital reported million people year week town's it's "
         "Millbrook Kessock Jane Doe O'Brien 2024 12 40% café São Paulo naïve über Straße").split()
sentence = st.lists(st.sampled_from(VOCAB), min_size=1, max_size=40).map(
    lambda ws: " ".join(ws) + ".")
short = st.lists(st.sampled_from(VOCAB), min_size=1, max_size=6).map(" ".join)

LINE = st.one_of(
    sentence,                                              # prose
    st.lists(sentence, min_size=2, max_size=5).map(" ".join),
    short.map(lambda s: "# " + s),                         # Markdown headings
    short.map(lambda s: "## " + s),
    short.map(lambda s: "- " + s),                         # list items
    short.map(lambda s: "* [" + s + "](/news/" + s.replace(" ", "-") + ")"),
    short.map(lambda s: "1. " + s),
    short.map(lambda s: "By " + s.title()),                # bylines, dates
    st.sampled_from(["5 March 2024", "March 5, 2024", "2024-03-05", "Updated 10:42 GMT",
                     "Published: 14.08.2023"]),
    st.sampled_from(["Share this article", "Advertisement", "Share Tweet Email", "Read more:",
                     "Photo: Reuters", "(2:31)", "Skip to content", "Copyright 2024 Courier",
                     "[Home](/) | [News](/news)", "![A bridge](/img/b.jpg)", "---", "* * *",
                     "Sign up for our newsletter", "Comments (12)", "Related stories"]),
    sentence.map(lambda s: "**" + s + "**"),              # html2text emphasis
    sentence.map(lambda s: "> " + s),                     # quotes
    st.just(""), st.just(""), st.just(""),
)
SCRAPE = st.lists(LINE, min_size=1, max_size=40).map("\n".join)

TAG = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<h1>", "</h1>", "<article>",
                       "</article>", "<nav>", "</nav>", "<br>", "<a href='/x'>", "</a>", "<li>",
                       "<ul>", "</ul>", "<script>var x = '<p>';</script>", "<!-- c -->",
                       "<meta charset='utf-8'>", "<title>", "</title>", "<html>", "<body>",
                       "<table><tr><td>", "</td></tr></table>", "&amp;", "&nbsp;", "&#8364;"])
HTMLISH = st.lists(st.one_of(TAG, sentence, short), min_size=1, max_size=60).map("".join)

CHARSETS = st.sampled_from(["utf-8", "windows-1252", "iso-8859-1", "shift_jis", "utf-16",
                            "euc-jp", "gb2312", "koi8-r", "x-bogus", "punycode", "idna",
                            "utf-7", "unicode_escape", "cp037", "base64", ""])
PREFIXES = st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
                            codecs.BOM_UTF32_LE, b"\x1f\x8b", b"%PDF", b"PK\x03\x04",
                            b"<!DOCTYPE html>", b"<html><head>", b"\x00"])


# ---------------------------------------------------------------- never anything but these two

@FAST
@given(data=st.binary(max_size=4000), input_type=INPUT_TYPES)
def test_any_bytes(data, input_type):
    clean_or_error(data, input_type=input_type)


@FAST
@given(prefix=PREFIXES, data=st.binary(max_size=3000))
def test_any_bytes_after_a_telling_prefix(prefix, data):
    clean_or_error(prefix + data)


@FAST
@given(data=st.binary(max_size=3000))
def test_any_gzip(data):
    packed = gzip.compress(data)
    clean_or_error(packed)
    clean_or_error(packed[: max(2, len(packed) // 2)])  # truncated


@FAST
@given(text=st.text(max_size=3000), input_type=INPUT_TYPES)
def test_any_text(text, input_type):
    clean_or_error(text, input_type=input_type)
    clean_or_error(text.encode("utf-8", "surrogatepass"), input_type=input_type)


@FAST
@given(page=HTMLISH, charset=CHARSETS, encoding=st.sampled_from(["utf-8", "cp1252", "utf-16"]))
@example(page="<div>the.", charset="utf-8", encoding="utf-8")  # trafilatura's body is a bare <p>
def test_html_like_pages_in_any_declared_charset(page, charset, encoding):
    page = f'<meta charset="{charset}">' + page
    clean_or_error(page.encode(encoding, "replace"))


@FAST
@given(scrape=SCRAPE, input_type=INPUT_TYPES)
def test_realistic_scrapes(scrape, input_type):
    clean_or_error(scrape, input_type=input_type)
    clean_or_error(scrape.encode("cp1252", "replace"), input_type=input_type)


# ---------------------------------------------------------------- the text path keeps input words

@FAST
@given(scrape=SCRAPE)
@example(scrape="# Council vote\n\nBy Jane Doe\n\nThe council said on Tuesday that residents "
                "would vote again in spring after a long and heated meeting about the bridge.\n\n"
                "Share this article")
def test_text_output_words_are_input_words_in_order(scrape):
    article = clean_or_error(scrape, input_type="text")
    assert_words_come_from_input(scrape, article)


# Arbitrary prose: letters and digits of any script, spaces, newlines and punctuation that is
# not Markdown markup. The strict property holds here.
PROSE = st.characters(categories=["L", "N"], max_codepoint=0x2FFF) | st.sampled_from(
    list(" \n\n\n    .,;:!?'\"-\u2013\u2014%\u20ac$&/@#<>\u201c\u201d\u2019"))


@FAST
@given(text=st.text(alphabet=PROSE, max_size=2000))
def test_text_output_words_are_input_words_for_any_prose(text):
    article = clean_or_error(text, input_type="text")
    assert_words_come_from_input(text, article)


# The same property over any text at all (words split at `_`, see PLAIN_WORD).
@FAST
@example(text="The council renamed file_name_here on Tuesday after residents said that the old "
              "name for the bridge was too long and too hard to remember.")
@given(text=st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x24F)
                    | st.sampled_from("\n\n\n     *_#-[]()<>!\\`"), max_size=2000))
def test_text_output_words_are_input_words_for_any_text(text):
    assume(text.strip())
    article = clean_or_error(text, input_type="text")
    assert_words_come_from_input(text, article)


PROSE_TAIL = (" said the mayor of the town on Tuesday, after a long and heated meeting about the "
              "bridge and the roads in the northern estates of the valley.")


@pytest.mark.parametrize("words", [
    pytest.param("The module get_user_id was renamed", id="intraword-underscores"),
    pytest.param("Results rose 2\\*3\\*4 times", id="escaped-asterisks"),  # html2text's \*
])
def test_text_path_keeps_literal_words(words):
    scrape = words + PROSE_TAIL
    article = clean(scrape, input_type="text")
    assert_words_come_from_input(scrape, article)
    assert WORD.findall(words) == WORD.findall(article.text)[: len(WORD.findall(words))]


def test_text_path_drops_markdown_emphasis_marks():
    # the legitimate case the strict \w+ property cannot allow for: `_` is a word character
    scrape = "It was _very_ late and **very** cold," + PROSE_TAIL
    article = clean(scrape, input_type="text")
    assert article.text.startswith("It was very late and very cold,")


# ---------------------------------------------------------------- the text path is idempotent
# What users need: an article's text, cleaned again (a folder of cleaned articles run through
# again, a pipeline that cleans twice), is accepted as an article and comes back unchanged. The
# property is on `Article.text`, which the text path settles on; the Markdown adds the title and
# Markdown markup, which the text path reads as a scrape's (site names after a title's dash go).

def assert_settled(article: Article | None) -> None:
    """Cleaning the cleaned text again changes nothing (and does not fail)."""
    if article is None:
        return
    try:
        again = clean(article.text, input_type="text")
    except NothingExtracted:
        raise AssertionError(f"the cleaned text is no article on its own: {article.text[:400]!r}") from None
    assert again.text == article.text, (
        f"a second cleaning changed the text:\n first={article.text[:400]!r}\n"
        f" second={again.text[:400]!r}")


@FAST
@given(scrape=SCRAPE)
@example(scrape="## What to do\n\n### 1. Check the serial number\n\nRemove the battery and check "
                "the sticker on its underside, the company said on Tuesday.\n\n### 2. Stop charging"
                "\n\nIf the battery is affected, stop using and charging it straight away.\n\n"
                "* Register online\n* Or at a dealer near you")
@example(scrape="\\" * 64 + " Officials said the school would close on Tuesday after the outbreak, and "
                "that it would open again in the spring, after a long and heated meeting.")
def test_cleaning_cleaned_text_changes_nothing(scrape):
    assert_settled(clean_or_error(scrape, input_type="text"))


# A few short lines: what decides here is the minimum article, the language guessed from a
# dozen words, a heading taken as the title; the long scrapes above rarely come near them.
TERSE_LINE = st.tuples(st.sampled_from(["", "", "# ", "- ", "By "]),
                       st.lists(st.sampled_from(VOCAB), min_size=1, max_size=8),
                       st.sampled_from([".", ".", "", ":", "?"])).map(
    lambda parts: parts[0] + " ".join(parts[1]) + parts[2])
TERSE_SCRAPE = st.lists(TERSE_LINE, min_size=1, max_size=6).map("\n".join)


@settings(FAST, max_examples=300)
@given(scrape=TERSE_SCRAPE)
# one sentence that scores, once the language is guessed from fewer words, and is too short
@example(scrape="the the the the.\nthe Tuesday Tuesday spring spring bridge.\ncouncil council.")
@example(scrape="council Paulo hospital.\nBy every reported budget über?\nüber 2024 O'Brien São 12?")
# a heading, taken as the title, bridged a short sentence and a label
@example(scrape="vote spring budget naïve long 40%.\n\nover the that\n\n"
                "# über Doe year council new?\n\n# 12 heated")
# a bare list under a headline
@example(scrape="# town's day O'Brien?\n- every:\nheated Straße.\nit's council.\nwalk after a?\n"
                "O'Brien?")
def test_cleaning_cleaned_short_scrapes_changes_nothing(scrape):
    assert_settled(clean_or_error(scrape, input_type="text"))


@FAST
@given(text=st.text(alphabet=PROSE, max_size=2000))
def test_cleaning_cleaned_prose_changes_nothing(text):
    assert_settled(clean_or_error(text, input_type="text"))


DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
TEXT_PAGES = sorted(DATASETS.glob("*/text/*/*.txt"))


@pytest.mark.skipif(not TEXT_PAGES, reason="../shared/datasets not present")
def test_cleaning_cleaned_dataset_pages_changes_nothing():
    # every 7th rendering of the dev sets (about 500 pages, all four styles): the real thing
    for path in TEXT_PAGES[::7]:
        try:
            article = clean(path.read_bytes(), input_type="text")
        except NewscleanError:
            continue
        again = clean(article.text, input_type="text")
        assert again.text == article.text, f"{path}: a second cleaning changed the text"
