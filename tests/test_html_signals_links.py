"""html_signals counts a page's linked words from each link's text serialised by libxml2
(`link_text`) instead of `text_content()` (issue 14, speed): the same text on generated links
(nested markup, a second link inside, tails, entities, scripts and styles, empty links)."""
from __future__ import annotations

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import html_parse, html_signals

INSIDE = ["word", " ", "two words", "<b>bold</b>", "<i>it<b>alic</b></i>", "&amp; &lt;x&gt;", "<br>", "\n",
          "<span>a</span>tail", "<img src=x alt=pic>", "<a>inner</a>", "<script>var x;</script>",
          "<style>p{}</style>", "é ’ 日本", "<!-- c -->", "<svg><title>icon</title></svg>"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(INSIDE), max_size=5), min_size=1, max_size=5))
def test_link_text_is_text_content(links):
    page = "<html><body><p>" + "".join(f"<a href=#>{''.join(parts)}</a> after " for parts in links)
    for tree in (lxml.html.document_fromstring(page + "</p></body></html>"),
                 html_parse.parse_html(page + "</p></body></html>")):
        for link in tree.iter("a"):
            assert html_signals.link_text(link) == (link.text_content() or "")


def test_the_tail_is_not_the_links():
    link = lxml.html.fromstring("<p><a>in <b>side</b> me</a> out</p>").find("a")
    assert html_signals.link_text(link) == "in side me" == link.text_content()
