"""The metadata reads rewritten for speed (issue 14) find what they found before: the article's
own elements (html_dates.own_elements, a C walk with a per-(class, id) cache) against the
element-by-element walk it replaced; the byline hint on lower-cased text against the
case-insensitive regex; trafilatura's author prune (AUTHOR_DISCARD_XPATHS) as a walk against
its XPath; meta_content's walk against its XPath; the control-character test on the raw UTF-8
bytes against the one on the text. Generated pages, and near misses of every test."""
from __future__ import annotations

import re

import lxml.etree
import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st
from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS

from newsclean import html_author_walk, html_byline, html_dates, html_meta, sniff

TAGS = ["div", "p", "span", "a", "section", "article", "footer", "aside", "nav", "ul", "li", "h1",
        "time", "main", "noscript", "b"]
# class and id values: what html_dates.ELSEWHERE and AUTHOR_DISCARD_XPATHS look for, and near misses
NAMES = ["comments", "comment-list", "related_posts", "site-footer", "sidebar", "footer", "teaser",
         "Comments", "commentlist", "is-hidden", "quote", "print", "category", "meta-date", "title",
         "date", "elementor-widget", "[grid-area:sidebar]", "content", "post", "ProductReviews",
         "x-comments", "commentsarea", "article-share", "article-body", "replies", "trending-now",
         "", "main story"]
ATTRIBUTES = ["class", "id", "data-component"]
TEXTS = ["", "By Jane Doe", "bY the way", "Published 2024", "PAR Jean", "redaction", "Texto:",
         "autumn", "nothing here", "İstanbul by", "Kelvin K", "ſtory"]

element = st.tuples(st.sampled_from(TAGS),
                    st.dictionaries(st.sampled_from(ATTRIBUTES + ["data-component"]),
                                    st.sampled_from(NAMES + ["Figure", "SmallFigure"]), max_size=2),
                    st.sampled_from(TEXTS), st.sampled_from(TEXTS),
                    st.integers(min_value=0, max_value=3))


def build(specs) -> lxml.html.HtmlElement:
    """A page whose body holds the elements, each under the element `depth` before it."""
    root = lxml.html.document_fromstring("<html><body><p>x</p></body></html>")
    body = root.find("body")
    made = [body]
    for tag, attributes, text, tail, depth in specs:
        parent = made[max(0, len(made) - 1 - depth)]
        child = lxml.etree.SubElement(parent, tag, {k: v for k, v in attributes.items()})
        child.text, child.tail = text or None, tail or None
        made.append(child)
    return root


def old_own_elements(scope, keep=frozenset()):
    """The walk own_elements replaced, as it read: each element tested in Python."""
    stack = [scope]
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str):
            continue
        if element is not scope and element not in keep and (
                (element.tag in html_dates.ELSEWHERE_TAGS
                 and not (element.tag in html_dates.ARTICLE_PARTS and html_dates.in_article(element)))
                or any(html_dates.ELSEWHERE.search(word) for word in
                       f"{element.get('class') or ''} {element.get('id') or ''}".split())):
            continue
        yield element
        stack.extend(reversed(element))


@settings(max_examples=300, deadline=None)
@given(st.lists(element, max_size=25), st.integers(min_value=0, max_value=30))
def test_own_elements_as_before(specs, pick):
    root = build(specs)
    body = root.find("body")
    scopes = [body, root] + list(body.iter())[pick:pick + 1]
    for scope in scopes:
        assert list(html_dates.own_elements(scope)) == list(old_own_elements(scope))
        keep = html_dates.headline_holders(scope) | frozenset(scope.iter("footer"))
        assert list(html_dates.own_elements(scope, keep)) == list(old_own_elements(scope, keep))


def test_own_elements_skips_what_is_elsewhere():
    root = lxml.html.document_fromstring(
        "<html><body><div class='story'><p>a</p><div class='comment-list'><p>b</p></div></div>"
        "<article><footer><p>c</p></footer></article><footer><p>d</p></footer></body></html>")
    texts = [e.text for e in html_dates.own_elements(root.find("body")) if e.tag == "p"]
    assert texts == ["a", "c"]


OLD_HINT = re.compile(r"by|von|par|por|aut|text|redac", re.IGNORECASE)


HINT_PARTS = ["by", "von", "par", "por", "aut", "text", "redac", "b", "y", "re", "da", "c", " ", "ſ",
              "K", "İ", "ı", "K", "1"]


@given(st.lists(st.sampled_from(HINT_PARTS), max_size=6), st.lists(st.booleans(), max_size=20))
def test_hint_as_case_insensitive_regex(parts, upper):
    text = "".join(parts)
    text = "".join(c.upper() if up else c for c, up in zip(text, upper + [False] * len(text)))
    assert html_byline.hinted(text) == bool(OLD_HINT.search(text))


def test_hint_words():
    assert html_byline.hinted("Written BY Jane") and html_byline.hinted("ReDaCción:")
    assert not html_byline.hinted("Jane Doe") and not html_byline.hinted(None) and not html_byline.hinted("")


@settings(max_examples=300, deadline=None)
@given(st.lists(element, max_size=25))
def test_author_discards_as_xpath(specs):
    root = build(specs)
    for scope in (root, root.find("body")):
        assert html_author_walk.author_discards(scope) == AUTHOR_DISCARD_XPATHS[0](scope)


def test_author_discards_finds_each_test():
    root = lxml.html.document_fromstring(
        "<html><body><div id='comments'>1</div><span class='date'>2</span><a class='x print'>3</a>"
        "<section data-component='BigFigure'>4</section><p class='comments'>no</p>"
        "<div class='commentary'>no</div><div id='xcomments'>no</div></body></html>")
    assert [e.text for e in html_author_walk.author_discards(root)] == ["1", "2", "3", "4"]
    assert html_author_walk.author_discards(root) == AUTHOR_DISCARD_XPATHS[0](root)


def old_meta_content(tree, *names):
    for name in names:
        for value in tree.xpath(f'//meta[@property="{name}" or @name="{name}"]/@content'):
            if html_meta.collapse(value):
                return html_meta.collapse(html_meta.html.unescape(value))
    return None


META = st.tuples(st.sampled_from(["property", "name", "itemprop"]),
                 st.sampled_from(["og:title", "twitter:title", "OG:TITLE", "description"]),
                 st.sampled_from([None, "", "  ", "A &amp; B", "Title  one", "Other"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(META, max_size=6), st.lists(META, max_size=3), st.booleans())
def test_meta_content_as_xpath(head, second, two_roots):
    def tags(metas):
        return "".join(f'<meta {key}="{name}"' + (f' content="{content}">' if content is not None else ">")
                       for key, name, content in metas)
    markup = f"<html><head>{tags(head)}</head><body><p>x</p></body></html>"
    if two_roots:
        markup += f"<html><head>{tags(second)}</head></html>"
    tree = lxml.html.document_fromstring(markup)
    for names in (("og:title",), ("twitter:title",), ("og:title", "twitter:title")):
        assert html_meta.meta_content(tree, *names) == old_meta_content(tree, *names)


@given(st.text(alphabet=st.sampled_from(list("ab é\r\n\t\x00\x01\x1b\x7f\x85\ufffe\ufeff€")), max_size=20))
def test_invisible_from_raw_bytes(text):
    raw = text.encode("utf-8", "surrogatepass")
    # the raw bytes never miss a control character of the text
    assert sniff.holds_invisible(text) <= sniff.holds_invisible(text, raw)
    cleaned = text.replace("\r", "").replace("\x1b", "")
    assert sniff.holds_invisible(cleaned, cleaned.encode()) == sniff.holds_invisible(cleaned)


@given(st.text(alphabet=st.sampled_from(list("<p>ab é\r\n\t\x01\x1b[0m\x7f€")), min_size=1, max_size=40))
def test_decode_as_from_text(text):
    """Bytes decoded as UTF-8 give the text the same characters gives (the raw-bytes test
    only saves the encoding)."""
    try:
        from_str = sniff.decode(text, kind="text").text
    except sniff.InputError:
        return
    assert sniff.decode(text.encode("utf-8"), kind="text").text == from_str
