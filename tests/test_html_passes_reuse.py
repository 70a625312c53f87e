"""The default pass takes the recall pass's extraction as its own (html_passes.same_extraction)
only where trafilatura's balanced extraction of the page is its recall one: the bodies must stay
bare_extraction's, on pages where it is taken and on pages of each shape where the two modes
extract differently (a teaser box, a list in a table cell, a cleaning that the recall mode
undoes, wild text recovered)."""
from __future__ import annotations

import copy

import lxml.etree
import pytest
import trafilatura.core as core

from newsclean import html_passes
from newsclean.html_parse import parse_html
from newsclean.html_passes import Passes, extractor
from tests.test_html_passes import SENTENCES, WILD, article, bare, serialized

LONG = " ".join(SENTENCES)
GUARDED = {
    # balanced mode prunes the frame's teasers ("teaser" in a class or id, T or t)
    "teaser box": article(4).replace(
        "<h1>Fish market</h1>", f"<h1>Fish market</h1><div class='Teaser-box'><p>{LONG}</p></div>"),
    # balanced mode drops a list found inside a table cell
    "list in a cell": article(4).replace(
        "</article>", f"<table><tr><td><p>{SENTENCES[0]}</p><ul><li>{SENTENCES[1]}</li>"
                      f"<li>{SENTENCES[2]}</li></ul></td><td>{SENTENCES[3]}</td></tr></table></article>"),
    # every paragraph inside elements the cleaning deletes: recall mode undoes the deletions
    "cleaning undone": ("<html><body><aside><article>" + "".join(f"<p>{s} {s}</p>" for s in SENTENCES)
                        + "</article></aside><footer><p>The Harbour Post</p></footer></body></html>"),
    # the main pass finds little: the recovery of wild text searches more in recall mode (line
    # breaks, divs)
    "line breaks": WILD["line breaks"],
    "loose divs": ("<html><body><main><p>Short.</p></main>"
                   + "".join(f"<div>{s} {s}</div>" for s in SENTENCES) + "</body></html>"),
}
PLAIN = {"short article": article(3), "six paragraphs": article(6),
         "comments": article(5, "<div id='comments'><p>A reader's comment on the market, longer than a "
                                "line.</p></div>")}


def counted_extractions(page: str, monkeypatch) -> tuple[int, bytes | None, bytes | None]:
    """How often trafilatura's extractor ran for the page's recall then default pass, and the
    two bodies."""
    calls = []
    own = html_passes.extract

    def counting(*args):
        calls.append(1)
        return own(*args)

    monkeypatch.setattr(html_passes, "extract", counting)
    passes = Passes(parse_html(page), "https://example.org/a")
    recall = serialized(passes.recall())
    default = serialized(passes.default())
    return len(calls), recall, default


@pytest.mark.parametrize("name", sorted(PLAIN) + sorted(GUARDED))
def test_default_pass_after_recall_is_bare_extractions(name, monkeypatch):
    page = {**PLAIN, **GUARDED}[name]
    tree = parse_html(page)
    before = lxml.etree.tostring(tree)
    calls, recall, default = counted_extractions(page, monkeypatch)
    assert (recall, default) == (bare(tree, True), bare(tree, False))
    # the extraction reused on the plain pages, run again on the others
    assert calls == (1 if name in PLAIN else 2)
    assert lxml.etree.tostring(tree) == before


def test_reused_body_is_a_copy(monkeypatch):
    """The default pass's body is its own: changing it leaves the recall pass's as it was."""
    passes = Passes(parse_html(PLAIN["six paragraphs"]), None)
    recall = passes.recall()
    before = serialized(recall)
    default = passes.default()
    assert default is not recall and serialized(default) == before
    default[0].text = "changed"
    assert serialized(recall) == before


def mode_extraction(page: str, focus: str):
    options = extractor(focus, None)
    tree = parse_html(page)

    def cleaned():
        return core.convert_tags(core.tree_cleaning(copy.copy(tree), options), options, None)

    with html_passes.discards_by_walk(), html_passes.frames_by_walk():
        body, text = html_passes.extract(cleaned(), options, cleaned)
    return serialized(body), text


@pytest.mark.parametrize("name", sorted(GUARDED))
def test_guarded_pages_extract_differently_by_mode(name):
    """Each guarded shape is one where the two modes' extractions differ (else its guard is
    untested); on the plain pages they are the same."""
    assert mode_extraction(GUARDED[name], "recall") != mode_extraction(GUARDED[name], "balanced")
    for page in PLAIN.values():
        assert mode_extraction(page, "recall") == mode_extraction(page, "balanced")


@pytest.mark.parametrize(("markup", "same"), [
    ("<div class='teaser'>x</div>", False), ("<p id='TEASER-1'>x</p>", True),
    ("<span id='Teasers'>x</span>", False), ("<div class='easel'>x</div>", True),
    ("<table><tr><td><ol><li>x</li></ol></td></tr></table>", False),
    ("<table><tr><td><p>x</p></td></tr></table><ul><li>y</li></ul>", True),
    ("<table><tr><td><table><tr><td><dl><dt>x</dt></dl></td></tr></table></td></tr></table>", False),
])
def test_same_extraction_reads_the_page(markup, same):
    """The page-side test: any id or class holding trafilatura's teaser word (its XPath turns T
    into t only, so "TEASER" is no teaser), any list inside a table."""
    page = parse_html(f"<html><body><article><p>{LONG}</p>{markup}</article></body></html>")
    assert html_passes.same_extraction(page) == same
