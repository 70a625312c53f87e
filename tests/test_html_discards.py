"""newsclean.html_discards finds what trafilatura's OVERALL_DISCARD_XPATH and BASIC_CLEAN_XPATH
find, without their regex callbacks: the same elements in the same order, on elements of every
tag the XPaths name (and some they do not) carrying each word the XPaths look for, in either
attribute order."""
from __future__ import annotations

import itertools
import sys

import lxml.etree
import lxml.html
import trafilatura
import trafilatura.main_extractor as main_extractor
from hypothesis import given, settings
from hypothesis import strategies as st
from trafilatura.settings import BASIC_CLEAN_XPATH
from trafilatura.xpaths import OVERALL_DISCARD_XPATH

from newsclean.html_discards import WALK, basic_clean_targets, discards, discards_by_walk

baseline = sys.modules["trafilatura.baseline"]

TAGS = ("div", "item", "list", "p", "section", "span", "li", "a")
# words that each test of the XPaths reads, some near misses, and plain ones
WORDS = ("share-box", "shared", "social", "viral", "newsletter", "syndication", "cookie", "tags",
         "sidebar", "banner", "breadcrumb", "bread-crumb", "button", "author", "jp-related",
         "dpsp-content", "bmdh", "footer", "Footer", "Share", "nav", "Nav", "menu", "related",
         "message-container", "premium", "ad-slot", "x-ad-y", "dfpAd", "outbrain", "taboola",
         "criteo", "paid-content", "widget", "post-nav", "ZendeskForm", "subnav", "navigation",
         "navbar", "navbox", "topbar", "byline", "Byline", "sociable", "embedded", "tag-list",
         "consent", "modal-content", "permission", "related-posts", "next-up", "top-stories",
         "most-popular", "more-on", "meta", "rating", "attachment", "timestamp", "user-info",
         "user-profile", "fa-icon", "article-infos", "slider", "viewport", "overlay", "options",
         "expand", "obfuscated", "blurred", "mol-factbox", "yin", "zlylin", "nfoline",
         "comments-title", "reply-form", "reply-", "hidden", "reader-comments", "akismet",
         "hide-me", "nocomments", "a-reply-b", "message", "suggest-links", "x-hide-y",
         "hide-print", "noprint", "notloaded", "content", "article-body", "story", "lead", "")
STYLES = ("display:none", "display: none", "color: red", "visibility: hidden", "")
ROLES = ("navigation", "Navigation", "main", "NAV", "")


def selected(tree) -> list:
    return [element for xpath in OVERALL_DISCARD_XPATH for element in xpath(tree)]


def page(elements: list[str]) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<div>{''.join(elements)}</div>")


def test_each_word_on_each_tag_in_either_order():
    elements = []
    for tag, word in itertools.product(TAGS, WORDS):
        for attributes in (f'id="{word}"', f'class="{word}"', f'class="x {word} y"',
                           f'id="{word}" class="plain"', f'class="plain" id="{word}"',
                           f'class="{word}" id="plain"', f'id="plain" class="{word}"',
                           f'style="{word}"', f'id="{word}" style="plain"',
                           f'style="plain" id="{word}"'):
            elements.append(f"<{tag} {attributes}>text</{tag}>")
    tree = page(elements)
    assert len(selected(tree)) > 500  # the words do select: the comparison means something
    assert discards(tree) == selected(tree)


def test_roles_styles_and_flags():
    elements = []
    for tag in TAGS:
        elements += [f'<{tag} style="{style}">x</{tag}>' for style in STYLES]
        elements += [f'<{tag} role="{role}">x</{tag}>' for role in ROLES]
        elements += [f'<{tag} aria-hidden="{flag}">x</{tag}>' for flag in ("true", "false", "")]
        elements += [f'<{tag} data-component="{value}">x</{tag}>'
                     for value in ("MostPopularStories", "Stories")]
        elements += [f'<{tag} data-lp-replacement-content="">x</{tag}>', f"<{tag}>x</{tag}>"]
    tree = page(elements)
    assert discards(tree) == selected(tree)


def test_nested_elements_keep_document_order():
    tree = page(['<div class="sidebar"><p id="footer"><span style="display:none">a</span></p>'
                 '<div class="content"><p class="reply-box" aria-hidden="true">b</p></div></div>',
                 '<section role="navigation"><div class="hidden">c</div></section>'])
    assert discards(tree) == selected(tree)
    assert [element.tag for element in discards(tree)][:2] == ["div", "p"]


attribute_values = st.lists(st.sampled_from(WORDS), max_size=3).map(" ".join)
attributes = st.lists(st.tuples(st.sampled_from(("id", "class", "style", "role", "aria-hidden")),
                                attribute_values), max_size=4)


def grow(shape, text=None):
    """A tree from (tag, attributes, depth) triples: each element under the one `depth` steps
    into the elements made so far (the root if fewer), with `text` in each if given."""
    root = lxml.etree.Element("div")
    parents = [root]
    for tag, pairs, depth in shape:
        element = lxml.etree.SubElement(parents[min(depth, len(parents) - 1)], tag)
        for name, value in pairs:
            element.set(name, value)
        if text is not None:
            element.text = text
        parents.append(element)
    return root


@settings(max_examples=200)
@given(st.lists(st.tuples(st.sampled_from(TAGS), attributes, st.integers(0, 2)), min_size=1,
                max_size=12))
def test_generated_trees(shape):
    root = grow(shape, text="text")
    assert discards(root) == selected(root)


def test_the_walk_stands_in_only_inside_the_block():
    with discards_by_walk():
        assert main_extractor.OVERALL_DISCARD_XPATH is WALK
    assert main_extractor.OVERALL_DISCARD_XPATH is OVERALL_DISCARD_XPATH


# basic_cleaning's XPath: tags, footers by class or id, cookie banners by class or id
BASIC_WORDS = ("footer", "site-footer", "Footer", "cookie-banner", "COOKIE_NOTICE", "cookiebar",
               "notice--cookie", "consent-manager", "Borlabs", "cookiebot", "cmplz", "onetrust",
               "moove_gdpr", "cookies-not-set", "consent", "content", "")
BASIC_TAGS = ("div", "aside", "footer", "script", "style", "svg", "template", "fencedframe", "p",
              "section", "span")


def basic_selected(tree) -> list:
    return BASIC_CLEAN_XPATH(tree)


def test_basic_cleaning_each_word_on_each_tag_in_either_order():
    elements = []
    for tag, word in itertools.product(BASIC_TAGS, BASIC_WORDS):
        for attributes in (f'id="{word}"', f'class="{word}"', f'class="x {word}"',
                           f'id="{word}" class="plain"', f'class="plain" id="{word}"',
                           f'class="{word}" id="plain"', f'id="plain" class="{word}"', ""):
            elements.append(f"<{tag} {attributes}>text</{tag}>")
    tree = page(["<div><p>" + "".join(elements[:40]) + "</p></div>"] + elements)
    assert len(basic_selected(tree)) > 200
    assert basic_clean_targets(tree) == basic_selected(tree)


@settings(max_examples=200)
@given(st.lists(st.tuples(st.sampled_from(BASIC_TAGS),
                          st.lists(st.tuples(st.sampled_from(("id", "class", "style")),
                                             st.lists(st.sampled_from(BASIC_WORDS), max_size=2)
                                             .map(" ".join)), max_size=3),
                          st.integers(0, 2)), min_size=1, max_size=12))
def test_basic_cleaning_generated_trees(shape):
    root = grow(shape)
    assert basic_clean_targets(root) == basic_selected(root)


def test_basic_cleaning_by_walk_removes_what_trafilatura_removes():
    markup = ("<html><body><div class='cookie-banner'><p>We use cookies.</p></div><article>"
              "<p>The quay reopened on Monday.</p><aside>Related</aside></article>"
              "<div id='page-footer'>About us</div><script>x()</script></body></html>")
    plain = trafilatura.html2txt(markup)
    with discards_by_walk():
        assert baseline.BASIC_CLEAN_XPATH is basic_clean_targets
        walked = trafilatura.html2txt(markup)
    assert baseline.BASIC_CLEAN_XPATH is BASIC_CLEAN_XPATH
    assert walked == plain == "The quay reopened on Monday."
