"""newsclean.html_passes runs trafilatura's stages itself, to spare copies and repeated prunes:
its recall and default bodies must be the ones trafilatura.bare_extraction returns for the same
tree, on pages of the shapes that take each of trafilatura's branches (a long article, comment
sections to prune, a forum thread, a short page that escalates, an empty one)."""
from __future__ import annotations

import copy

import lxml.etree
import pytest
import trafilatura
import trafilatura.core as core
import trafilatura.external as external
from trafilatura.settings import Extractor

from newsclean import html_passes
from newsclean.html_parse import parse_html
from newsclean.html_passes import OPTIONS, Passes, extractor, raw_pruned, raw_prunes

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
    "one line": article(1),
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


# containers that trafilatura's first prunes take or leave, by tag, id and class: rails of
# appended posts (with and without a headline), share buttons, comment sections and lists,
# and their near misses ("commentary", an <aside>, a list whose id is the Disqus one)
PRUNE_SHAPES = "".join((
    "<div class='infinite-scroll'><p>Next story</p></div>",
    "<section id='infiniteScroll'><h1>Own headline</h1><p>Kept: it holds the h1</p></section>",
    "<div class='mvp-post-add-box'><h1>Appended post</h1><p>Taken all the same</p></div>",
    "<aside class='elementor-share-buttons x'><a href='/s'>Share</a></aside>",
    "<div id='Comment-7'><p>A comment</p></div><div class='commentary'><p>Analysis</p></div>",
    "<div id='comol'>x</div><section id='disqus_thread'>y</section><div id='dsq-comments'>z</div>",
    "<ol id='dsq-comments'><li>kept: no comment id for lists</li></ol>",
    "<ul class='comment-list'><li>taken</li></ul><ul id='comments-2'><li>taken</li></ul>",
    "<aside class='comment-box'>an aside is no comment section</aside>",
    "<details class='post-comments'><p>taken</p></details><list id='comment'>taken</list>",
    "<div class='infinite-scroll'><div id='comments'><p>nested</p></div></div>tail text",
    "<div id='' class=''>empty names</div>",
))


@pytest.mark.parametrize("forum", [False, True])
def test_first_prunes_are_trafilaturas(forum):
    """raw_prunes reads trafilatura's first prune XPaths in one walk: it must list what they
    select, in their order, and the pruned tree must be the one trafilatura prunes."""
    page = article(3, PRUNE_SHAPES, FORUM if forum else "")
    tree = parse_html(page)
    expressions = list(core.RAW_TREE_PRUNE_XPATH)
    if not forum:
        expressions += core.REMOVE_COMMENTS_AND_LISTS_XPATH
    expected = [element for expression in expressions for element in expression(tree)]
    assert len(expected) == (4 if forum else 4 + 9), [el.tag for el in expected]  # each XPath takes some
    assert raw_prunes(tree, comments=not forum) == expected
    reference = copy.copy(tree)
    for expression in expressions:
        core.prune_unwanted_nodes(reference, [expression])
    assert lxml.etree.tostring(copy.copy(raw_pruned(tree))) == lxml.etree.tostring(reference)


def test_a_page_with_nothing_to_prune_is_not_copied():
    tree = parse_html(PAGES["long article"])
    assert raw_pruned(tree) is tree


@pytest.mark.parametrize("url", [None, "", "https://example.org/a", "https://example.org/\u00e9\ud800"])
def test_options_are_the_ones_extractor_makes(url):
    """extractor() copies a template: every field must be what Extractor's own __init__ sets,
    and the mutable ones must not be shared between calls."""
    for focus, keywords in (("recall", {"recall": True}), ("balanced", {})):
        made = extractor(focus, url)
        reference = Extractor(url=url, **keywords, **OPTIONS)
        for name in Extractor.__slots__:
            assert getattr(made, name) == getattr(reference, name), name
        again = extractor(focus, url)
        for name in ("author_blacklist", "url_blacklist", "date_params"):
            assert getattr(again, name) is not getattr(made, name)


@pytest.mark.parametrize(("name", "readability", "justext"), [
    ("long article", 1, 0), ("short article", 1, 0), ("listing", 1, 0), ("one line", 1, 2)])
def test_comparison_inputs_made_once_and_when_asked(name, readability, justext, monkeypatch):
    """Readability runs once a page for both passes (recall skips it for a long text, so the
    default pass runs it there); justext's cleaned tree is made only when the comparison asks
    (a short text: both modes on the one-line page). The bodies are bare_extraction's (above)."""
    calls = {"readability": 0, "justext": 0}
    own = external.try_readability, external.justext_rescue

    def counted(function, key):
        def wrapper(*args):
            calls[key] += 1
            return function(*args)
        return wrapper

    monkeypatch.setattr(html_passes, "READABILITY", counted(html_passes.READABILITY, "readability"))
    monkeypatch.setattr(html_passes, "JUSTEXT", counted(html_passes.JUSTEXT, "justext"))
    tree = parse_html(PAGES[name])
    passes = Passes(tree, None)
    passes.recall()
    passes.default()
    assert calls == {"readability": readability, "justext": justext}
    assert (external.try_readability, external.justext_rescue) == own  # trafilatura's again


@pytest.mark.parametrize("forum", [False, True])
def test_the_pruned_page_made_once_and_only_where_read(forum):
    """RawTree: each copy a stage may change is the pruned page, whether the shared pruned tree
    has been made or not; a long article's recall pass (no comparison, no baseline) changes
    copies only, so the pruned page itself is never made for it, and the page is left as it
    was."""
    tree = parse_html(article(40, PRUNE_SHAPES + COMMENTS, FORUM if forum else ""))
    before = lxml.etree.tostring(tree)
    want = lxml.etree.tostring(raw_pruned(tree))
    raw = html_passes.RawTree(tree)
    assert raw.paths  # the prunes find something: the page is not its own pruned tree
    first = raw.fresh()
    assert lxml.etree.tostring(first) == want
    assert raw.shared is None
    shared = raw.tree()
    assert raw.tree() is shared and lxml.etree.tostring(shared) == want
    assert raw.fresh() is not shared and lxml.etree.tostring(raw.fresh()) == want
    passes = Passes(tree, None)
    assert serialized(passes.recall()) == bare(tree, True)
    assert passes.raw is not None and passes.raw.shared is None
    assert lxml.etree.tostring(tree) == before


# pages whose main pass finds little, so that trafilatura's extractor recovers wild text (bare
# paragraphs and line-broken text outside any frame, beside a frame of links and a lone line;
# short list items the main pass consumes, which the recovery must pass over), and one whose
# frame repeats a long paragraph (extract_content drops the repeat)
WILD = {
    "loose paragraphs": ("<html><body><div class='x'><a href='/a'>One link</a></div>"
                         + "".join(f"<span><p>{s}</p></span>" for s in SENTENCES) + "</body></html>"),
    "line breaks": ("<html><body><main><p>Short.</p></main><div>" + "<br>".join(SENTENCES)
                    + "</div><p>" + SENTENCES[0] + "</p></body></html>"),
    "short items": ("<html><body><article><h1>Fish</h1><ul><li><p>Boats at dawn.</p></li>"
                    f"<li><p>Nets at noon.</p></li></ul></article><p>{SENTENCES[2]}</p></body></html>"),
    "repeats": ("<html><body><article><h1>Fish</h1>" + f"<p>{SENTENCES[0]} {SENTENCES[1]}</p>" * 2
                + "".join(f"<p>{s} {s}</p>" for s in SENTENCES) + "</article></body></html>"),
}
RECOVERING = {"loose paragraphs", "line breaks", "short items"}


def both_extractions(name: str, focus: str):
    """trafilatura's extract_content and html_passes.extract on the page's cleaned tree, and
    whether extract made the tree again (its recovery ran)."""
    tree = parse_html({**PAGES, **WILD}[name])
    options = extractor(focus, None)
    made = []

    def cleaned():
        made.append(1)
        return core.convert_tags(core.tree_cleaning(copy.copy(tree), options), options, None)

    with html_passes.discards_by_walk(), html_passes.frames_by_walk():
        want_body, want_text = core.extract_content(cleaned(), options)
        made.clear()
        body, text = html_passes.extract(cleaned(), options, cleaned)
    return (serialized(want_body), want_text), (serialized(body), text), len(made) == 2


@pytest.mark.parametrize("name", sorted(PAGES) + sorted(WILD))
@pytest.mark.parametrize("focus", ["recall", "balanced"])
def test_extract_is_trafilaturas_extract_content(name, focus):
    """html_passes.extract makes the recovery's copy of the cleaned tree only when the recovery
    runs: body and text must be extract_content's, on pages that recover and pages that do
    not."""
    want, got, _recovered = both_extractions(name, focus)
    assert got == want


def test_some_pages_recover_wild_text():
    """The pages above take both of extract's branches (else they compare nothing new)."""
    for focus in ("recall", "balanced"):
        recovered = {name for name in {**PAGES, **WILD} if both_extractions(name, focus)[2]}
        assert RECOVERING <= recovered < set(PAGES) | set(WILD), (focus, recovered)
