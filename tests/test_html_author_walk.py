"""newsclean.html_author_walk reads trafilatura's author XPaths (AUTHOR_XPATHS) in one walk: it
must return what trafilatura's `extract_metainfo` returns on the same tree, on generated pages
whose elements carry the attribute values those XPaths test (and near misses), and on pages of
the shapes that take each branch: a second root, a <rel> child, a text too long or too short."""
from __future__ import annotations

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st
from trafilatura.metadata import extract_metainfo
from trafilatura.xpaths import AUTHOR_XPATHS

from newsclean import html_author_walk as walk

TAGS = ["a", "address", "div", "link", "p", "span", "strong", "h3", "h4", "section", "author", "li"]
# values the XPaths test for, their near misses, and words of no interest
VALUES = ["author", "Author", "author name", "author-name", "authorname", "AuthorName", "byline",
          "Byline", "byl", "BBL", "bbl", "username", "user-name", "screenname", "writer", "Writer",
          "channel-name", "zuozhe", "bianji", "xiaobian", "submitted-by", "posted-by",
          "journalist-name", "AuthorCard", "AuthorURL", "authorcard", "me", "headline", "post",
          "meta", "x author y", " author", "author "]
ATTRIBUTES = ["class", "id", "rel", "itemprop", "data-testid", "data-component", "href"]
TEXTS = ["", "By", "Jane Doe", "Max Roe and Jane Doe", "x" * 130, "Ann Lee", "  Li  "]

element_spec = st.tuples(
    st.sampled_from(TAGS),
    st.dictionaries(st.sampled_from(ATTRIBUTES), st.sampled_from(VALUES), max_size=3),
    st.sampled_from(TEXTS),
    st.integers(min_value=0, max_value=3),  # depth: nested under the element this many before
)


def page(specs, second_root: bool = False) -> str:
    """Elements nested by their depths (a depth deeper than the open ones closes none)."""
    parts: list[str] = []
    open_tags: list[str] = []
    for tag, attributes, text, depth in specs:
        while len(open_tags) > depth:
            parts.append(f"</{open_tags.pop()}>")
        marks = "".join(f' {name}="{value}"' for name, value in attributes.items())
        parts.append(f"<{tag}{marks}>{text}")
        open_tags.append(tag)
    while open_tags:
        parts.append(f"</{open_tags.pop()}>")
    html = f"<html><body>{''.join(parts)}</body></html>"
    return html + ("<html><body><div class='author'>Second Root</div></body></html>" if second_root else "")


def both(html: str, limit: int = 120) -> tuple[str | None, str | None]:
    tree = lxml.html.document_fromstring(html)
    theirs = extract_metainfo(tree, AUTHOR_XPATHS, len_limit=limit)
    return theirs, walk.author_text(tree, limit)


@settings(max_examples=400, deadline=None)
@given(st.lists(element_spec, min_size=1, max_size=12), st.booleans())
def test_the_walk_finds_what_trafilatura_finds(specs, second_root):
    theirs, ours = both(page(specs, second_root))
    assert ours == theirs


def test_every_tag_attribute_and_value_alone():
    for tag in TAGS:
        for name in ATTRIBUTES:
            for value in VALUES:
                html = f'<body><{tag} {name}="{value}">Jane Doe</{tag}></body>'
                theirs, ours = both(html)
                assert ours == theirs, html


def test_branches_of_the_search():
    # the first XPath wins over an earlier element of the second
    assert both("<body><span class='byline'>By Max Roe</span>"
                "<div rel='author'>Jane Doe</div></body>") == ("Jane Doe", "Jane Doe")
    # a <rel> child whose text is "me" (the XPath's `rel='me'`, no @)
    html = "<body><p>x</p><span>Ann Lee<rel>me</rel></span></body>"
    assert both(html) == ("Ann Lee me", "Ann Lee me")
    # an element too long, then one too short, then a good one, in the last XPath
    html = ("<body><div class='writer'>" + "y" * 200 + "</div><i class='writer'>ab</i>"
            "<b id='Author'>Li Wei</b></body>")
    assert both(html) == ("Li Wei", "Li Wei")
    # nothing at all
    assert both("<body><p class='story'>No one</p></body>") == (None, None)
    # a second root, as broken markup leaves one: // searches it too
    tree = lxml.html.document_fromstring("<html><body><p>x</p></body></html><html><body>"
                                         "<span class='author-name'>Ann Lee</span></body></html>")
    assert [el.tag for el in tree.itersiblings()] == ["html"]
    assert extract_metainfo(tree, AUTHOR_XPATHS, len_limit=120) == "Ann Lee"
    assert walk.author_text(tree, 120) == "Ann Lee"


def test_the_pinned_xpaths_are_the_ones_reimplemented():
    """trafilatura is pinned; if its author XPaths change, the walk must be written again."""
    paths = [" ".join(x.path.split()) for x in AUTHOR_XPATHS]
    assert len(paths) == 3
    for pattern in (walk.FIRST_CLASS, walk.SECOND_ID, walk.SECOND_CLASS, walk.LAST_ID, walk.LAST_CLASS):
        assert f"'{pattern.pattern}'" in " ".join(paths)
    assert "rel='me'" in paths[0] and paths[0].endswith("|//author")
    for tag in walk.FIRST_TAGS:
        assert f"self::{tag} " in paths[0] or f"self::{tag}]" in paths[0]
    for tag in walk.SECOND_TAGS:
        assert f"self::{tag} " in paths[1] or f"self::{tag}]" in paths[1]
    for value in walk.SECOND_CLASSES:
        assert f"@class='{value}'" in paths[1]
