"""newsclean.html_passes runs trafilatura's stages itself, to spare copies and repeated prunes:
its recall and default bodies must be the ones trafilatura.bare_extraction returns for the same
tree, on pages of the shapes that take each of trafilatura's branches (a long article, comment
sections to prune, a forum thread, a short page that escalates, an empty one)."""
from __future__ import annotations

import lxml.etree
import pytest
import trafilatura

from newsclean.html_parse import parse_html
from newsclean.html_passes import Passes

SENTENCES = [
    "The harbour board met on Monday night to decide the fate of the old fish market.",
    "Traders said the roof had leaked for years and that customers had started to stay away.",
    "The board's engineer said a new roof would cost less than a new building on the quay.",
    "Three members asked for a survey of the timber piles before any money is spent.",
    "A decision is expected in March, after the survey and a public meeting in the town hall.",
]
MENU = "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
COMMENTS = ("<div id='comments'><h3>12 comments</h3><ul class='comment-list'>"
            + "".join(f"<li class='comment'><p>Reader {n}: I have bought fish there since I was a "
                      f"child and would be sad to see it go, whatever the survey says.</p></li>"
                      for n in range(4)) + "</ul></div>")
FORUM = ('<script type="application/ld+json">{"@type": "DiscussionForumPosting", '
         '"headline": "Fish market"}</script>')


def article(paragraphs: int, extra: str = "", head: str = "") -> str:
    body = "".join(f"<p>{SENTENCES[n % len(SENTENCES)]} {SENTENCES[(n + 1) % len(SENTENCES)]}</p>"
                   for n in range(paragraphs))
    return (f"<html><head><title>Fish market</title>{head}</head><body>{MENU}<article>"
            f"<h1>Fish market</h1>{body}</article>{extra}<footer><p>The Harbour Post</p></footer>"
            "</body></html>")


def listing() -> str:
    """A page of links and one short line: the default mode's text is short against the page,
    so trafilatura retries in recall mode and asks justext (its escalation)."""
    links = "".join(f"<li><a href='/story/{n}'>Story number {n} about the quay and its boats</a></li>"
                    for n in range(40))
    return (f"<html><head><title>Quay news</title></head><body>{MENU}<div class='content'>"
            f"<p>{SENTENCES[0]}</p><ul>{links}</ul><div><p>{SENTENCES[1]} {SENTENCES[2]}</p></div>"
            "</div></body></html>")


PAGES = {
    "long article": article(30),
    "short article": article(3),
    "comment sections": article(6, COMMENTS),
    "forum thread": article(4, COMMENTS, FORUM),
    "listing": listing(),
    "nothing": "<html><body><div><img src='/a.png'></div></body></html>",
}


def serialized(body) -> bytes | None:
    return None if body is None else lxml.etree.tostring(body)


def bare(tree, recall: bool) -> bytes | None:
    result = trafilatura.bare_extraction(
        tree, url="https://example.org/a", include_comments=False, include_tables=True,
        output_format="markdown", with_metadata=False, favor_recall=recall)
    return serialized(None if result is None else result.body)


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("order", [("recall", "default"), ("default", "recall")])
def test_passes_give_what_bare_extraction_gives(name, order):
    tree = parse_html(PAGES[name])
    expected = {"recall": bare(tree, True), "default": bare(tree, False)}
    before = lxml.etree.tostring(tree)
    passes = Passes(tree, "https://example.org/a")
    got = {mode: serialized(getattr(passes, mode)()) for mode in order}
    assert got == expected
    assert lxml.etree.tostring(tree) == before  # the page is left as it was


def test_the_pages_take_trafilaturas_branches():
    """The pages above are worth comparing: comments are pruned, a page escalates, one is empty
    (if trafilatura changes so that they no longer do, these pages need new shapes)."""
    long_text = bare(parse_html(PAGES["long article"]), True)
    assert long_text is not None and len(long_text) > 2500  # recall skips its comparison
    for name, pruned in (("comment sections", True), ("forum thread", False)):
        passes = Passes(parse_html(PAGES[name]), None)
        passes.recall()
        assert ("Reader 1" not in passes.tree.text_content()) == pruned
    assert bare(parse_html(PAGES["nothing"]), False) is None
    passes = Passes(parse_html(PAGES["listing"]), None)
    passes.default()
    assert passes.recall_stages is not None  # the default pass escalated to recall mode
