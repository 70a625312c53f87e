"""Walks that replace XPath searches over the whole page (speed, issue 14) find the same elements
in the same order: drop_inert's scripts, styles, icons, links and templates; html_signals' JSON-LD
scripts and og:type; on generated pages with nested inert elements, JSON-LD beside other scripts,
and a second root left by broken markup (which // searches and a walk from the root does not)."""
from __future__ import annotations

import re

import lxml.etree
import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.html_meta import PageMeta
from newsclean.html_parse import top_elements
from newsclean.html_prepare import inert_elements
from newsclean.html_signals import html_signals, page_types

OLD_INERT = lxml.etree.XPath('//script[not(@type="application/ld+json")]|//style|//svg|//link'
                             '|//template')
OLD_LD = lxml.etree.XPath('//script[@type="application/ld+json"]')
OLD_OG = lxml.etree.XPath('//meta[@property="og:type"]/@content')

FRAGMENTS = [
    "<p>Text of the page, a sentence.</p>", "<script>var a = 1;</script>",
    '<script type="application/ld+json">{"@type": "NewsArticle"}</script>',
    '<script type="application/ld+json">{"@type": ["Product", "Offer"]}</script>',
    '<script type="text/javascript">x()</script>',
    '<script type="APPLICATION/LD+JSON">{"@type": "Recipe"}</script>',
    "<style>p {}</style>", "<svg><path d='M0'/></svg>", "<link rel='stylesheet' href='a.css'>",
    "<template><script>y()</script><p>t</p></template>", "<div><style>a{}</style><p>in</p></div>",
    '<meta property="og:type" content="article">', '<meta property="og:type" content="website">',
    '<meta property="og:type">', '<meta name="og:type" content="video">', "<noscript><p>n</p></noscript>",
]


def page(head: list[str], body: list[str], second: list[str] | None) -> str:
    html = f"<html><head>{''.join(head)}</head><body>{''.join(body)}</body></html>"
    return html + (f"<html><body>{''.join(second)}</body></html>" if second is not None else "")


fragments = st.lists(st.sampled_from(FRAGMENTS), max_size=6)


@settings(max_examples=150, deadline=None)
@given(fragments, fragments, st.one_of(st.none(), fragments))
def test_walks_find_what_the_xpaths_find(head, body, second):
    tree = lxml.html.document_fromstring(page(head, body, second))
    assert inert_elements(tree) == OLD_INERT(tree)
    signals = html_signals(tree, 10, 100, None, _meta())
    og = next(iter(OLD_OG(tree)), "").strip().lower()
    assert signals["og_article"] == float(og == "article")
    assert signals["og_other"] == float(bool(og) and og != "article")
    old_types: set[str] = set()
    for script in OLD_LD(tree):
        for value in re.findall(r'"@type"\s*:\s*(\[[^\]]*\]|"[^"]*")', script.text or ""):
            old_types.update(n.lower() for n in re.findall(r'"(?:https?://schema\.org/)?([A-Za-z]+)"', value))
    assert page_types(tree) == frozenset(old_types)


def test_a_second_root_is_searched():
    tree = lxml.html.document_fromstring(
        "<html><body><p>x</p></body></html><html><body><style>a{}</style>"
        '<script type="application/ld+json">{"@type": "Product"}</script></body></html>')
    assert [el.tag for el in top_elements(tree)] == ["html", "html"]
    assert [el.tag for el in inert_elements(tree)] == ["style"]
    assert page_types(tree) == frozenset({"product"})


def _meta() -> PageMeta:
    return PageMeta()
