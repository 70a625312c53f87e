"""The body's renderings (html_render) are trafilatura's `xmltotxt`, byte for byte: on generated
trees of trafilatura's output vocabulary (headings, lists, tables, quotes, code, links, images,
line breaks, nested emphasis, comments) with texts full of Markdown specials and LaTeX math, on
hand-made cases where skipping the wrong string would show, and on the repo's samples as
trafilatura extracts them (with links and images too). The body is never changed. And
prose.squash, the headline and title keys, is what it was before it was made cheaper."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import lxml.etree
import pytest
import trafilatura
from hypothesis import given, settings
from hypothesis import strategies as st
from trafilatura.xml import xmltotxt

from newsclean import html_render
from newsclean.prose import WORD, squash

SAMPLES = sorted(Path(__file__).resolve().parents[1].glob("samples/*/input.html"))

# trafilatura's body elements, with the attributes its writer reads
ELEMENTS = [("p", {}), ("head", {"rend": "h2"}), ("head", {"rend": "h4"}), ("head", {}),
            ("quote", {}), ("list", {"rend": "ul"}), ("list", {"rend": "ol"}), ("item", {}),
            ("table", {}), ("row", {}), ("cell", {}), ("cell", {"role": "head"}),
            ("hi", {"rend": "#b"}), ("hi", {"rend": "#i"}), ("hi", {"rend": "#t"}),
            ("hi", {"rend": "#u"}), ("hi", {"rend": "#sup"}), ("hi", {}), ("del", {}),
            ("code", {}), ("ref", {"target": "https://example.org/a_(b)"}), ("ref", {}),
            ("graphic", {"src": "/i/a.jpg", "alt": "a *star* [x]"}), ("lb", {}), ("div", {}),
            ("span", {})]
# prose, Markdown specials, math in both notations, entities, block-start markers, the pilcrow
# placeholder trafilatura's writer uses, line breaks and spaces
TEXTS = st.lists(st.sampled_from(["word", " ", "  ", "\n", "*", "_", "`", "``", "~", "[", "]", "<",
                                  ">", "\\", "\\(", "\\)", "\\[", "\\]", "x^2", "$", "#", "# ", "- ",
                                  "1. ", "+", "|", "&amp;", "&lt;", "é", "\u00a0", "\u2424", "a_b",
                                  "**bold**", "\t"]), max_size=6).map("".join)


@st.composite
def trees(draw, depth: int = 0):
    tag, attributes = ELEMENTS[draw(st.integers(0, len(ELEMENTS) - 1))]
    element = lxml.etree.Element(tag, attributes)
    element.text = draw(TEXTS) or None
    if depth < 3:
        for _ in range(draw(st.integers(0, 3))):
            if draw(st.integers(0, 9)) == 0:
                child = lxml.etree.Comment(draw(TEXTS).replace("-", "") or "c")
            else:
                child = draw(trees(depth + 1))
            child.tail = draw(TEXTS) or None
            element.append(child)
    return element


def body_of(*children) -> lxml.etree._Element:
    body = lxml.etree.Element("body")
    body.extend(children)
    return body


def assert_same(body) -> None:
    before = lxml.etree.tostring(body)
    try:
        expected = xmltotxt(body, True), xmltotxt(body, False)
    except Exception as error:  # noqa: BLE001 - a tree trafilatura cannot write: same failure
        with pytest.raises(type(error)):
            html_render.markdown(body)
        return
    assert html_render.markdown(body) == expected[0]
    assert html_render.renderings(body) == (expected[1].strip(), expected[0].strip())
    assert lxml.etree.tostring(body) == before


@settings(max_examples=300, deadline=None)
@given(st.lists(trees(), min_size=1, max_size=3))
def test_generated_trees_render_as_trafilatura_writes_them(children):
    assert_same(body_of(*children))


def xml(markup: str) -> lxml.etree._Element:
    return lxml.etree.fromstring(f"<body>{markup}</body>")


@pytest.mark.parametrize("markup", [
    # code keeps its specials verbatim, its tail is prose and is escaped (fails if in_code is dropped
    # or reads the element itself for a tail)
    "<p>a_b <code>x_y *z*</code> c*d</p>",
    "<p>see <hi rend=\"#t\">a_b</hi>_tail and <hi rend=\"#b\">bold_<hi rend=\"#t\">c_d</hi>_e</hi></p>",
    "<code>first_<hi rend=\"#b\">in_code</hi>_still<lb/>x_y</code><p>after_code</p>",
    # math opens with a backslash only (fails if the backslash leaves MARKDOWN_SPECIALS)
    "<p>the area \\(a^2\\) and \\[x = y\\] here</p><p>a \\ b</p>",
    # nested emphasis chains and neighbours, collapsed and merged as trafilatura does
    "<p><hi rend=\"#b\"><hi rend=\"#b\"><hi rend=\"#i\">deep</hi></hi></hi> and "
    "<hi rend=\"#i\">a</hi><hi rend=\"#i\">b</hi></p>",
    "<list rend=\"ol\"><item>one [1]</item><item>two <ref target=\"/x\">link_x</ref></item></list>",
    "<table><row><cell role=\"head\">a|b</cell><cell>c*</cell></row><row><cell>1</cell><cell>2_</cell>"
    "</row></table>",
    "<quote>&lt;tag&gt; ~strike~ <del>gone</del></quote><head rend=\"h3\"># not a heading</head>",
    "<p>plain text with nothing to escape</p><graphic src=\"a.png\" alt=\"x_y\"/>tail_text",
])
def test_cases_where_skipping_the_wrong_string_would_show(markup):
    assert_same(xml(markup))


def test_a_body_that_is_code_is_left_verbatim():
    assert_same(lxml.etree.fromstring("<code>a_b<p>c*d</p>e[f]</code>"))


@pytest.mark.parametrize("options", [{}, {"include_links": True, "include_images": True}])
@pytest.mark.parametrize("path", SAMPLES, ids=[path.parent.name for path in SAMPLES])
def test_the_samples_bodies_render_as_trafilatura_writes_them(path, options):
    result = trafilatura.bare_extraction(path.read_text(encoding="utf-8", errors="replace"),
                                         output_format="markdown", include_tables=True, favor_recall=True,
                                         with_metadata=False, **options)
    assert result is not None and result.body is not None
    assert_same(result.body)


def test_none_renders_empty():
    assert html_render.renderings(None) == ("", "")
    assert html_render.markdown(None) == ""


def squashed_as_before(text: str) -> str:
    """prose.squash as it was written: non-word runs as spaces, whitespace collapsed."""
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def test_no_character_is_both_a_word_character_and_whitespace():
    # what makes squash's joined words the same as its old sub-and-split (the lemma, checked
    # over every code point: a character both would split a word in one and not the other)
    assert [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and WORD.fullmatch(c)] == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec=None), max_size=60)
       | st.lists(st.sampled_from(["Word", " ", "\n", "\u00a0", "İ", "ΟΔΟΣ", "_", "'", "—", "\u2028",
                                   "\x1c", "3.5", "é", "e\u0301"]), max_size=12).map("".join))
def test_squash_is_what_it_was(text):
    assert squash(text) == squashed_as_before(text)
