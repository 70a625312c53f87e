"""newsclean's own reads of the page, shared or skipped for speed (issue 14), give what they gave
before: the element count that parse_html leaves out when the page's angle brackets bound it
(html_parse.ELEMENTS_PER_BRACKET), and the <meta>, <h1> and <title> look-ups that read_meta
takes from one walk (html_meta.page_tags) against the searches they replaced. Generated pages
(broken markup, a second root, text outside <body>) and the repo's samples."""
from __future__ import annotations

from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import html_dates, html_meta, html_parse, jsonld, sniff
from newsclean.html_parse import top_elements

SAMPLES = sorted(Path(__file__).resolve().parents[1].glob("samples/*/input.html"))

# pieces of markup that make the parser imply elements, close them early or nest them oddly
TOKENS = ["x", " ", "</p>", "<p>", "<li>", "</li>", "<td>", "<tr>", "<table>", "</table>", "<html>",
          "<body>", "<head>", "</body>", "</html>", "</head>", "<title>", "<b>", "</b>", "</div>", "<div>",
          "<dd>", "<option>", "<select>", "<frameset>", "<noscript>", "<!-- c -->", "<br>", "</br>", "<a>",
          "</a>", "<form>", "<input>", "<![CDATA[x]]>", "<?pi?>", "<!DOCTYPE html>", "<svg>", "<template>",
          "<col>", "<caption>", "<tbody>", "<th>", "<script>", "</script>", "<style>", "<h1>", "<ul>", "<hr>",
          "<img>", "<meta>", "<p/>", "< p>", "<", ">", "x<y", "<x:y>", "<<p>", "<textarea>", "<pre>"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=80))
def test_the_parser_makes_no_more_elements_than_the_brackets_allow(tokens):
    page = "".join(tokens)
    try:
        tree, _too_deep = html_parse.parse_tree(page)
    except Exception:  # noqa: BLE001 - an unparseable page is refused before any count
        return
    bound = html_parse.ELEMENTS_PER_BRACKET * page.count("<") + html_parse.IMPLIED_ELEMENTS
    assert html_parse.COUNT_ELEMENTS(tree) <= bound


@pytest.mark.parametrize("page", ["x", "<p>a", "x</p>y</p>z", "<li>a<li>b", "<td>", "text<table>t"])
def test_implied_elements_are_within_the_bound(page):
    tree, _too_deep = html_parse.parse_tree(page)
    assert html_parse.COUNT_ELEMENTS(tree) <= (
        html_parse.ELEMENTS_PER_BRACKET * page.count("<") + html_parse.IMPLIED_ELEMENTS)


def test_the_count_is_skipped_only_under_the_bound(monkeypatch):
    counted = []
    real = html_parse.keep_first_elements
    monkeypatch.setattr(html_parse, "keep_first_elements",
                        lambda tree, limit: counted.append(limit) or real(tree, limit))
    html_parse.parse_html("<html><body>" + "<p>a</p>" * 50 + "</body></html>")
    assert counted == []  # 104 brackets: at most 211 elements, far under MAX_ELEMENTS
    monkeypatch.setattr(html_parse, "MAX_ELEMENTS", 40)  # the page's 52 elements are cut
    tree = html_parse.parse_html("<html><body>" + "<p>a</p>" * 50 + "</body></html>")
    assert counted == [40]
    assert html_parse.COUNT_ELEMENTS(tree) == 40


# ---- read_meta's one walk ----

HEAD = ['<meta property="og:title" content="OG headline">', '<meta name="twitter:title" content="TW">',
        '<meta property="og:locale" content="de_DE">', '<meta property="og:locale" content="">',
        '<meta property="og:locale">', '<meta name="og:locale" content="fr_FR">',
        '<meta property="article:published_time" content="2024-03-05T10:00:00Z">',
        '<meta itemprop="dateModified" content="2024-03-06">', '<meta name="DATE" content="2023-01-02">',
        "<title>Page title</title>", "<title></title>", "<title>Second title</title>",
        '<meta property="og:title" content="  ">',
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "LD"}</script>',
        '<script type="APPLICATION/LD+JSON">{"@type": "Recipe"}</script>', "<script>var x;</script>"]
BODY = ['<script type="application/ld+json">{"@type": "BlogPosting"}</script>',
        "<h1>The headline</h1>", "<h1>A <br>split<b>one</b></h1>", "<p>Text.</p>",
        '<div><meta property="og:title" content="In the body"></div>', "<title>Body title</title>",
        '<meta property="og:locale" content="es_ES">', "<h1></h1>", "<svg><title>icon</title></svg>"]


def page_of(head: list[str], body: list[str], lang: str | None, second: list[str] | None) -> str:
    opening = f'<html lang="{lang}">' if lang is not None else "<html>"
    html = f"{opening}<head>{''.join(head)}</head><body>{''.join(body)}</body></html>"
    return html + (f"<html><head>{''.join(second)}</head><body></body></html>" if second is not None else "")


def old_reads(tree) -> tuple:
    """What read_meta asked the page before page_tags: each by its own search."""
    old_locale = tree.xpath('string(//meta[@property="og:locale"]/@content)')
    return ([m for top in top_elements(tree) for m in top.iter("meta")], list(tree.iter("meta")),
            list(tree.iter("h1")), tree.findtext(".//title"), old_locale)


def assert_same_reads(tree) -> None:
    metas, own, h1s, title, old_locale = old_reads(tree)
    tags = html_meta.page_tags(tree)
    assert tags.metas == metas
    assert tags.own_metas == own
    assert tags.h1s == h1s
    assert tags.title == title
    assert tags.ld_scripts == tree.xpath(jsonld.LD_SCRIPTS)
    assert html_meta.linked_data(tree, tags.ld_scripts) == html_meta.linked_data(tree)
    lang = tree.get("lang")
    expected = lang or old_locale or None
    expected = expected.replace("_", "-").split("-")[0].lower() if expected else None
    assert html_meta.page_language(tree, tags.metas) == expected == html_meta.page_language(tree)
    for name in ("og:title", "twitter:title", "og:locale"):
        assert html_meta.meta_content(tree, name, metas=tags.metas) == html_meta.meta_content(tree, name)
    assert html_dates.meta_contents(tree, tags.own_metas) == html_dates.meta_contents(tree)


pieces = st.lists(st.sampled_from(HEAD + BODY), max_size=7)


@settings(max_examples=200, deadline=None)
@given(pieces, pieces, st.one_of(st.none(), st.sampled_from(["", "en-GB", "de"])),
       st.one_of(st.none(), pieces))
def test_one_walk_finds_what_each_search_found(head, body, lang, second):
    assert_same_reads(lxml.html.document_fromstring(page_of(head, body, lang, second)))


def test_a_subtree_reads_its_own_tags():
    tree = lxml.html.document_fromstring(page_of(HEAD[:3], BODY[:4], None, HEAD[3:6]))
    body = tree.find("body")
    tags = html_meta.page_tags(body)
    assert tags.own_metas == list(body.iter("meta"))
    assert tags.metas == old_reads(body)[0]  # every top element's, as //meta from anywhere
    assert tags.title == body.findtext(".//title")


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.parent.name)
def test_the_samples_read_the_same(path):
    tree = html_parse.parse_html(sniff.decode(path.read_bytes(), kind="html").text)
    assert_same_reads(tree)
    url, linked = "https://example.org/a/story", html_meta.linked_data(tree)
    date_now = html_dates.publication_date(tree, url, linked)
    shared = html_dates.meta_contents(tree, list(tree.iter("meta")))
    assert date_now == html_dates.publication_date(tree, url, linked, None, shared)


def test_a_page_without_lang_reads_og_locale_first_with_content():
    tree = lxml.html.document_fromstring(page_of(
        ['<meta property="og:locale">', '<meta property="og:locale" content="pt_BR">'], [], None, None))
    assert html_meta.page_language(tree, html_meta.page_tags(tree).metas) == "pt"
    tree = lxml.html.document_fromstring(page_of(['<meta property="og:locale" content="">'], [], None,
                                                 ['<meta property="og:locale" content="it_IT">']))
    assert html_meta.page_language(tree, html_meta.page_tags(tree).metas) is None  # the first one's, empty
    assert lxml.etree.XPath('string(//meta[@property="og:locale"]/@content)')(tree) == ""


# ---- one walk for drop_inert's elements, one for html_signals' ----

PARTS = ["<p>A sentence of the page, long enough to be read as prose by anyone.</p>",
         "<script>var a = 1;</script>",
         '<script type="application/ld+json">{"@type": "NewsArticle"}</script>',
         "<style>p {}</style>", "<svg><noscript><p>in an icon</p></noscript></svg>",
         "<template><noscript><p>Templated words here.</p></noscript></template>",
         "<noscript><p>" + "Only here, the post's words stand in a noscript. " * 4 + "</p><p>"
         + "A second paragraph of the post, which no script shows. " * 3 + "</p></noscript>",
         "<noscript>Please enable JavaScript.</noscript>", "<noscript><noscript>x</noscript></noscript>",
         '<a href="/a">Two words</a>', '<a href="/b"><span>nested link words</span></a>',
         '<meta property="og:type" content="Article">', '<meta property="og:type">',
         '<meta property="og:type" content="website">', "<link rel='stylesheet' href='a.css'>"]


def old_drop_inert(tree) -> None:
    """drop_inert as it read before inert_and_noscripts: the <noscript>s searched after the
    inert elements went."""
    from newsclean import html_prepare as prep

    for element in prep.inert_elements(tree):
        prep.remove_element(element)
    page_text = None
    for element in prep.NOSCRIPT(tree):
        if element.getparent() is None:
            continue
        sample = prep.noscript_sample(element)
        if sample:
            page_text = prep.collapse(tree.text_content()) if page_text is None else page_text
            if page_text.count(sample) < 2:
                element.drop_tag()
                continue
        prep.remove_element(element)


page_parts_lists = st.lists(st.sampled_from(PARTS), max_size=8)


@settings(max_examples=200, deadline=None)
@given(page_parts_lists, page_parts_lists, st.one_of(st.none(), page_parts_lists))
def test_drop_inert_and_the_signals_walk_as_their_searches(head, body, second):
    from newsclean import html_prepare, html_signals

    html = page_of(head, body, None, second)
    old, new = lxml.html.document_fromstring(html), lxml.html.document_fromstring(html)
    old_drop_inert(old)
    html_prepare.drop_inert(new)
    assert [lxml.html.tostring(t) for t in top_elements(new)] == (
        [lxml.html.tostring(t) for t in top_elements(old)])
    tree = lxml.html.document_fromstring(html)
    links, scripts, og_type = html_signals.page_parts(tree)
    assert links == list(tree.iter("a"))
    assert scripts == tree.xpath("//script")
    assert og_type == next(iter(tree.xpath('//meta[@property="og:type"]/@content')), "").strip().lower()
    body_element = tree.find("body")
    assert html_signals.page_parts(body_element)[0] == list(body_element.iter("a"))


def test_a_noscript_gone_with_a_template_is_not_read():
    # read, the template's noscript would measure the page while the first page noscript still
    # stands, whose paragraph then counts twice: the post's own noscript would go
    prose = "<p>" + "Words of a paragraph that reads as prose in this post. " * 3 + "</p>"
    other = "<p>" + "Another paragraph of the post, read nowhere else on it. " * 2 + "</p>"
    html = (f"<html><body><template><noscript>{prose}{other}</noscript></template>"
            f"<noscript>{prose}</noscript><noscript>{prose}{other}</noscript></body></html>")
    from newsclean import html_prepare

    old, new = lxml.html.document_fromstring(html), lxml.html.document_fromstring(html)
    old_drop_inert(old)
    html_prepare.drop_inert(new)
    assert lxml.html.tostring(new) == lxml.html.tostring(old)
    assert "read nowhere else" in new.text_content()


# ---- the page's paragraphs read once (measure_page) for drop_not_article and missed_prose ----

SENTENCE = "The harbour road stays shut after the storm damaged the sea wall last night, officials said."
BLOCKS = [f"<p>{SENTENCE}</p>", f"<p>{SENTENCE} <label>Name</label> more words.</p>",
          f"<p>{SENTENCE}<input value='x'>tail after the input.</p>", f"<dialog><p>{SENTENCE}</p></dialog>",
          f"<menu><li><p>{SENTENCE} In a menu.</p></li></menu>", f"<p><a href='/x'>{SENTENCE}</a></p>",
          f"<div><p>{SENTENCE} Boxed.</p><iframe>frame words</iframe></div>", "<p>Short one.</p>",
          f"<p>{SENTENCE}<iframe><p>inner</p></iframe></p>",
          f"<p>{SENTENCE} <b>bold <label>l</label></b>.</p>", "<textarea>typed</textarea>",
          f"<p>{SENTENCE} Missed by the article, said a second official.</p>"]
HEADS = ["<title>t</title>", "<meta name='a' content='b'>", "<base href='/'>",
         "<noscript><p>x</p></noscript>"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(BLOCKS), min_size=1, max_size=9),
       st.lists(st.sampled_from(HEADS), max_size=3), st.integers(min_value=0, max_value=3), st.booleans())
def test_paragraphs_read_once_read_as_read_again(blocks, head, held, widen):
    from newsclean import html_net, html_prepare

    html = f"<html><head>{''.join(head)}</head><body><article>{''.join(blocks)}</article></body></html>"
    old, new = lxml.html.document_fromstring(html), lxml.html.document_fromstring(html)
    page = html_prepare.measure_page(new)
    assert page == html_prepare.PageSize(len(old.text_content().split()), html_prepare.page_prose(old))
    html_prepare.drop_not_article(old)
    paragraphs = html_prepare.drop_not_article(new, page)
    assert lxml.html.tostring(new) == lxml.html.tostring(old)
    assert paragraphs is not None
    assert list(paragraphs.read(new)) == [(p, prep_text(p)) for p in new.iter("p")]
    article = [prep_text(p) for p in list(old.iter("p"))[:held]]
    assert html_net.missed_prose(new, article, widen, paragraphs).texts == (
        html_net.missed_prose(old, article, widen).texts)


def prep_text(para) -> str:
    from newsclean.prose import collapse

    return collapse(para.text_content())


def test_a_paragraph_that_held_a_removed_element_is_read_again():
    from newsclean import html_prepare

    tree = lxml.html.document_fromstring(f"<html><body><p>{SENTENCE}<label>Label words</label></p>"
                                         f"<p>{SENTENCE}</p><menu><p>gone</p></menu></body></html>")
    page = html_prepare.measure_page(tree)
    assert "Label words" in page.paragraphs[0][1]
    paragraphs = html_prepare.drop_not_article(tree, page)
    assert paragraphs is not None and paragraphs.gone
    assert [text for _p, text in paragraphs.read(tree)] == [SENTENCE, SENTENCE]


# ---- the article's words counted once (confidence.line_words) ----

@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab é1_ \n\t\r.-’ß日\u00a0\u3000\u2028\x1c")), max_size=80))
def test_the_lines_words_are_the_texts_words(text):
    from newsclean import confidence
    from newsclean.prose import WORD

    read = confidence.line_words(text)
    assert sum(read[1]) == len(WORD.findall(text))
    assert confidence.text_shape(text, read) == confidence.text_shape(text)


def test_the_title_echo_reads_the_first_three_blocks_only():
    from newsclean.from_html import drop_title_echo

    body = lxml.etree.fromstring("<body><p>Intro line</p><p>Second</p><p>A long headline of the story</p>"
                                 "<p>A long headline of the story</p></body>")
    drop_title_echo(body, ["A long headline of the story"])
    assert [p.text for p in body] == ["Intro line", "Second", "A long headline of the story"]
    drop_title_echo(body, ["A long headline of the story"])
    assert [p.text for p in body] == ["Intro line", "Second"]


def test_the_title_echo_is_found_however_long_its_block_is_before_squashing():
    from newsclean.from_html import drop_title_echo

    title = "A long headline of the story"
    # the echo under a run of punctuation (raw far longer than the title, squashed equal to
    # it: a test on the raw length would pass it over), then a paragraph that only opens with it
    body = lxml.etree.fromstring(f"<body><p>{'* ' * 150}{title} ***</p><p>Second</p></body>")
    drop_title_echo(body, [title])
    assert [p.text for p in body] == ["Second"]
    body = lxml.etree.fromstring(f"<body><p>{title} {'and more words ' * 20}</p><p>Second</p></body>")
    drop_title_echo(body, [title])
    assert len(body) == 2


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec=None), max_size=80), st.integers(0, 90))
def test_a_prefix_never_squashes_longer_than_the_whole(text, cut):
    # what lets drop_title_echo pass over a block whose start alone squashes too long
    from newsclean.prose import squash

    assert len(squash(text[:cut])) <= len(squash(text))


def test_the_headline_is_the_first_h1_that_is_the_title_else_the_first_such_h2():
    # one walk for both kinds of heading: an <h2> that comes first does not win over an <h1>
    from newsclean.html_headline import headline_split

    title = "Harbour road shut after the storm"
    page = (f"<html><body><p>menu</p><h2>{title}</h2><p>teaser</p><h1>Other page title here</h1>"
            f"<p>kicker</p><h1>{title}</h1><p>story</p><h2>{title}</h2></body></html>")
    above = headline_split(lxml.html.fromstring(page), [title])
    assert above is not None and above.heading.tag == "h1" and "kicker" in above.before
    page = f"<html><body><p>menu</p><h2>{title}</h2><p>story</p><h2>{title}</h2></body></html>"
    above = headline_split(lxml.html.fromstring(page), [title])
    assert above is not None and above.before == "menu"


# ---- replay_streamed_segments' walk for its segments ----

SEGMENT_PIECES = [
    '<div hidden id="S:1"><p>one</p></div>', '<div hidden="" id="S:2">two</div>', '<div id="S:1">shown</div>',
    '<div hidden id="s:4">case</div>', '<div hidden id="xS:5">x</div>', '<div hidden id="SX1">x</div>',
    '<div hidden>no id</div>', '<template id="B:1"></template>', '<template id="B:2"></template>',
    "<p>text</p>", '<span hidden id="S:6">span</span>',
    '<div><div hidden id="S:7"><div hidden id="S:8">in</div></div></div>']


def old_replay(tree) -> None:
    """replay_streamed_segments as it was, its segments found by the XPath."""
    from newsclean.from_html import replay_segments

    replay_segments(tree, tree.xpath('//div[@hidden][starts-with(@id, "S:")]'))


def serialised(tree) -> list[bytes]:
    return [lxml.html.tostring(top) for top in top_elements(tree)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(SEGMENT_PIECES), max_size=8), st.one_of(st.none(), st.lists(
    st.sampled_from(SEGMENT_PIECES), max_size=3)))
def test_streamed_segments_replay_as_the_xpath_found_them(body, second):
    """The walk finds the segments `//div[@hidden][starts-with(@id, "S:")]` found, in its order, in
    every top element: the replayed page is the one the XPath's segments made."""
    from newsclean import from_html

    page = f"<html><body>{''.join(body)}</body></html>"
    page += f"<html><body>{''.join(second)}</body></html>" if second is not None else ""
    tree, expected = lxml.html.document_fromstring(page), lxml.html.document_fromstring(page)
    old_replay(expected)
    from_html.replay_streamed_segments(tree)
    assert serialised(tree) == serialised(expected)


def test_a_segment_in_a_second_root_is_replayed():
    from newsclean import from_html

    page = ('<html><body><template id="B:1"></template></body></html>'
            '<html><body><div hidden id="S:1"><p>late</p></div></body></html>')
    tree, expected = lxml.html.document_fromstring(page), lxml.html.document_fromstring(page)
    old_replay(expected)
    from_html.replay_streamed_segments(tree)
    assert serialised(tree) == serialised(expected)
    assert "<p>late</p>" in serialised(tree)[0].decode()
