"""html_byline's faster searches give what the slower ones gave (issue 14): `openers` finds
OPENER.finditer's matches where one of its words can start (FIRST_OPENER, NEXT_OPENER) instead of
at every position of a line, and `hinted_elements` is the loop over the article's own elements
that `shown_byline` ran with `hinted` on each text and tail. Generated lines (every opener in
every case, the characters re.IGNORECASE takes for ASCII letters, separators) and pages."""

from __future__ import annotations

import re
import sys

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import html_byline, html_dates

PIECES = [
    "by",
    "By",
    "BY",
    "bY",
    "by:",
    "von",
    "Von",
    "VON",
    "par",
    "Par",
    "por",
    "Por",
    "autor",
    "Autorin:",
    "auteur :",
    "texto:",
    "Text:",
    "redacción:",
    "Redaktion :",
    "written",
    "WRITTEN",
    "posted",
    "poſted",
    "wrıtten",
    "artıcle",
    "ſtory",
    "Story",
    "words",
    "Reported",
    "geschrieben",
    "verfaſſt",
    "écrit",
    "Écrit",
    "rédigé",
    "RÉDIGÉ",
    "escrito",
    "eſcrito",
    "redactado",
    " ",
    "  ",
    "\t",
    "\n",
    "|",
    "•",
    "·",
    ",",
    ":",
    "1",
    "٣",
    "x",
    "Jane",
    "Doe",
    "Élise",
    "İ",
    "K",
    "-",
    "a",
    "Über",
    "nearby",
    "Photo",
]


def spans(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=14))
def test_openers_are_the_regex_matches(pieces):
    line = "".join(pieces)
    assert spans(html_byline.openers(line)) == spans(html_byline.OPENER.finditer(line))


def test_openers_on_bylines():
    for line in (
        "By Jane Doe",
        "Published August 7, 2023 by Jane Doe and Max Roe",
        "Photo by Jane Doe  By Max Roe",
        "Written byJane Doe",
        "2025By Jane Doe",
        "|Posted by: Jane",
        "Publié le 3 mars 2025 par Jean Dupont",
        "Autor: Hans Müller",
        "Texto: Ana",
        "Geschrieben  von Anna Schmidt",
        "unwritten by Jane Doe",
        "İ by Jane",
        "nearby Town",
        "",
        "Ｂｙ Jane",
        # what re.IGNORECASE reads as "i" and "s" in the words that start an opener
        "ſtory by Jane Doe",
        "poſted by Jane Doe",
        "wrıtten by Jane",
        "Artıcle by Jane",
        "eſcrito por Ana",
        "geſchrieben von Anna",
        "WRİTTEN by Jane",
    ):
        assert spans(html_byline.openers(line)) == spans(html_byline.OPENER.finditer(line)), line
    assert [m.group() for m in html_byline.openers("a, by Jane, von Anna")] == ["by ", "von "]


def test_the_start_words_take_every_case_the_regex_takes():
    """Each letter of OPENER_WORDS: every character that re.IGNORECASE matches to it is, lower-cased,
    one that OPENER_WORDS takes there (or lower-cases to more characters: `openers` then searches
    as before)."""
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    taken = {"i": "iı", "s": "sſ"}
    for letter in set(re.sub(r"[^a-zé]", "", html_byline.OPENER_WORDS)):
        for char in set(re.findall(re.escape(letter), every, re.IGNORECASE)):
            lowered = char.lower()
            assert len(lowered) != 1 or lowered in taken.get(letter, letter), (letter, char)


def old_hinted_elements(scope) -> list:
    return [
        element
        for element in html_dates.own_elements(scope)
        if html_byline.hinted(element.text) or any(html_byline.hinted(child.tail) for child in element)
    ]


BLOCKS = [
    "<p>By Jane Doe</p>",
    "<div><span>x</span> by Max</div>",
    "<p>nothing</p>",
    "<div>a<b>b</b>TEXT</div>",
    '<aside class="related"><p>By Teaser Person</p></aside>',
    "<footer>by site</footer>",
    "<article><footer><span>x</span>VON Anna</footer></article>",
    "<span>REDAC</span>",
    "<p>aut</p>",
    '<div class="comments">Par Jean</div>',
    "<ul><li>x</li>par y</ul>",
    "<p><i>i</i> <b>b</b></p>",
    "<div>By Jane<span>x</span> by Max</div>",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(BLOCKS), max_size=12))
def test_hinted_elements_are_the_loops(blocks):
    body = lxml.html.document_fromstring(f"<html><body>{''.join(blocks)}<p>end</p></body></html>").find(
        "body"
    )
    assert list(html_byline.hinted_elements(body)) == old_hinted_elements(body)


def test_a_tail_hints_its_parent():
    body = lxml.html.document_fromstring(
        "<html><body><div><span>Story</span> BY Jane Doe</div><p>plain</p></body></html>"
    ).find("body")
    assert (
        [e.tag for e in html_byline.hinted_elements(body)]
        == ["div"]
        == [e.tag for e in old_hinted_elements(body)]
    )
    assert html_byline.shown_byline(body) == ("Jane Doe",)


CLASSED = [
    '<span class="byline">By Jane Doe</span>',
    '<span class="byline__name">Jane Doe</span>',
    '<p class="c-byline__author">Max Roe</p>',
    '<div class="author-name">Ann Lee</div>',
    '<div class="post-author__name">Bo Li</div>',
    '<a class="authorName">Cy Young</a>',
    '<div class="bylines">Dee Ray</div>',
    '<span itemprop="author"><b itemprop="name">Ed Fox</b></span>',
    '<a rel="author">Flo Day</a>',
    '<div class="Byline">Gus Hay</div>',
    "<p>By Ian Low</p>",
    '<div class="byline"><span class="byline__name">Jo Kim</span></div>',
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CLASSED), max_size=8))
def test_byline_elements_are_each_xpaths(blocks):
    from newsclean import html_meta

    tree = lxml.html.document_fromstring(f"<html><body><article>{''.join(blocks)}</article></body></html>")
    for scope in (tree, tree.find("body/article")):
        assert list(html_meta.byline_elements(scope)) == [scope.xpath(x) for x in html_meta.BYLINE_XPATH]
