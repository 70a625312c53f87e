"""newsclean.html_frames finds the frames trafilatura's BODY_XPATH finds, without its regex
callbacks: for each expression, the first element it selects (what trafilatura's extractor
reads), on elements of every tag carrying each word the expressions look for, in any order,
nested, and on generated trees; and the extractor gives the same body with the walks in place."""
from __future__ import annotations

import itertools

import lxml.etree
import lxml.html
import pytest
import trafilatura.main_extractor as main_extractor
from hypothesis import given, settings
from hypothesis import strategies as st
from trafilatura.xpaths import BODY_XPATH

from newsclean.html_frames import WALKS, frames_by_walk

TAGS = ("article", "div", "main", "section", "p", "span", "aside")
# the words each expression reads (exact values, regex tokens, case variants), near misses, plain
WORDS = ("post", "entry", "articleContent", "entry-content", "article-content", "art-content",
         "article__content", "article-body", "article__body", "articlebody", "articleBody",
         "body-text", "post_text", "post-body", "postentry", "post-content", "postContent",
         "post_inner_wrapper", "article-text", "articleText", "page-content", "text-content",
         "ArticleContent", "article__container", "primary", "xprimary", "story-body", "article",
         "story", "postarea", "art-postcontent", "text", "cell", "FullText", "fulltext",
         "article x", "post-bodycopy", "storycontent", "story-content", "theme-content",
         "single-post", "main-column", "wpb_text_column", "field-body", "content",
         "content-main", "content_main", "content-body", "content__body", "contentBody",
         "Main-Content", "main-content", "Page-Content", "page-Content", "main", "mainbar",
         "xmain", "sidebar", "footer", "Post", "")
ATTRIBUTES = ("class", "id", "role", "itemprop")


def first_of_xpath(index: int, tree):
    return next((element for element in BODY_XPATH[index](tree) if element is not None), None)


def first_of_walk(index: int, tree):
    found = WALKS[index](tree)
    return found[0] if found else None


def same_frames(tree) -> int:
    """Assert every walk finds each expression's first element; how many found one."""
    found = 0
    for index in range(len(BODY_XPATH)):
        want = first_of_xpath(index, tree)
        assert first_of_walk(index, tree) is want, (index, want)
        found += want is not None
    return found


@pytest.mark.parametrize(("tag", "attribute"), list(itertools.product(TAGS, ATTRIBUTES)))
def test_each_word_alone(tag, attribute):
    """Each word on its own page, so that each expression's answer is that element or none."""
    hits = 0
    for word in WORDS:
        tree = lxml.html.fromstring(f'<html><body><div><{tag} {attribute}="{word}">x</{tag}></div>'
                                    "</body></html>")
        hits += same_frames(tree)
    # the words do select (the comparison means something), on the tags the XPaths name only
    assert (hits > 0) == (tag in ("article", "div", "main", "section"))


def test_the_first_in_document_order_wins():
    words = WORDS[::-1]
    elements = [f'<{tag} {attribute}="{word}">x</{tag}>'
                for word, tag, attribute in itertools.product(words, TAGS, ATTRIBUTES)]
    for start in range(0, len(elements), 37):
        tree = lxml.html.fromstring("<html><body>" + "".join(elements[start:] + elements[:start])
                                    + "</body></html>")
        assert same_frames(tree) == len(BODY_XPATH)


def test_the_context_element_itself_is_not_read():
    tree = lxml.html.fromstring('<main class="post" id="content" role="article"><p>x</p></main>')
    assert same_frames(tree) == 0


def grow(shape):
    """A tree from (tag, attributes, depth) triples: each element under the one `depth` steps
    into the elements made so far (the root if fewer)."""
    root = lxml.etree.Element("html")
    parents = [lxml.etree.SubElement(root, "body")]
    for tag, pairs, depth in shape:
        element = lxml.etree.SubElement(parents[min(depth, len(parents) - 1)], tag)
        for name, value in pairs:
            element.set(name, value)
        element.text = "text"
        parents.append(element)
    return root


attribute_values = st.lists(st.sampled_from(WORDS), max_size=2).map(" ".join)
attributes = st.lists(st.tuples(st.sampled_from(ATTRIBUTES), attribute_values), max_size=3)


@settings(max_examples=300)
@given(st.lists(st.tuples(st.sampled_from(TAGS), attributes, st.integers(0, 3)), min_size=1,
                max_size=14))
def test_generated_trees(shape):
    same_frames(grow(shape))


STORY = " ".join(["The harbour authority said the quay would reopen on Monday after repairs."] * 4)
PAGES = [
    f"<div class='nav'><a href='/'>Home</a></div><div class='post-content'><p>{STORY}</p>"
    f"<p>{STORY}</p></div><div class='footer'>About</div>",
    f"<main><section class='Main-Content'><h2>Quay</h2><p>{STORY}</p></section></main>",
    f"<div id='primary'><div class='cell'><p>{STORY}</p></div><div class='fulltext'><p>{STORY}"
    "</p></div></div>",
    f"<div class='mainbar'><p>{STORY}</p><ul><li>{STORY}</li></ul></div>",
    f"<div><p>{STORY}</p></div>",
]


@pytest.mark.parametrize("markup", PAGES)
def test_the_extractor_gives_the_same_body(markup):
    from trafilatura.core import _prepare_tree, extract_content
    from trafilatura.settings import Extractor

    tree = lxml.html.fromstring(f"<html><body>{markup}</body></html>")
    for focus in ({"recall": True}, {}):
        options = Extractor(output_format="markdown", comments=False, **focus)
        body, text = extract_content(_prepare_tree(tree, options, None)[0], options)
        with frames_by_walk():
            assert main_extractor.BODY_XPATH is WALKS
            walked, walked_text = extract_content(_prepare_tree(tree, options, None)[0], options)
        assert text and walked_text == text
        assert lxml.etree.tostring(walked) == lxml.etree.tostring(body)
    assert main_extractor.BODY_XPATH is BODY_XPATH
