"""`--links` and `--images`: links and pictures in the Markdown (both paths, the CLI, a batch's
recipe); the text never carries them, and without the options nothing changes."""
from __future__ import annotations

import dataclasses
import json
import re

import pytest
from conftest import FOOTBRIDGE
from hypothesis import given
from hypothesis import strategies as st
from test_properties import FAST, HTMLISH, SCRAPE
from typer.testing import CliRunner

import newsclean
from newsclean import links
from newsclean.batch import Options
from newsclean.batch.recipe import recipe_of
from newsclean.cli import app
from newsclean.rules import RuleBook
from newsclean.text.relink import find_anchors

PAGE_URL = "https://www.valleycourier.example/news/2024/footbridge.html"
LINK_SYNTAX = re.compile(r"\]\(|!\[")
P = FOOTBRIDGE.paras


def linked_page(base: str = "") -> str:
    """The footbridge story with links of every kind, two pictures and a linked share line."""
    return f"""<!DOCTYPE html><html lang="en"><head><title>{FOOTBRIDGE.title}</title>{base}</head>
<body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article><h1>{FOOTBRIDGE.title}</h1>
<p>{P[0].replace("stone footbridge", '<a href="bridge-history.html">stone footbridge</a>')}</p>
<figure><img src="/img/bridge.jpg" alt="The old bridge at dawn">
<figcaption>The bridge at dawn, seen from the market square on a Monday</figcaption></figure>
<p>{P[1].replace("market square", '<a href="//maps.example/millbrook">market square</a>')}</p>
<p>{P[2].replace("crumbling roads", '<a href="javascript:void(0)">crumbling roads</a>')}</p>
<p>{P[3].replace("engineer's report",
                 '<a href="https://council.example/report.pdf">engineer&#39;s report</a>')}</p>
<p>Follow us on <a href="https://social.example/valleycourier">Twitter</a></p>
</article><footer>Copyright 2024 Valley Courier</footer></body></html>"""


def test_off_by_default_the_markdown_has_no_link_or_image_syntax():
    article = newsclean.clean(linked_page(), url=PAGE_URL)
    assert not LINK_SYNTAX.search(article.markdown)
    assert newsclean.clean(linked_page(), url=PAGE_URL, links=False, images=False) == article


def test_links_are_kept_and_made_absolute_with_the_page_url():
    article = newsclean.clean(linked_page(), url=PAGE_URL, links=True)
    md = article.markdown
    # path-relative: against the page's folder (trafilatura alone reads it against the root)
    assert "[stone footbridge](https://www.valleycourier.example/news/2024/bridge-history.html)" in md
    assert "[market square](https://maps.example/millbrook)" in md  # protocol-relative
    assert "[engineer's report](https://council.example/report.pdf)" in md
    assert "crumbling roads" in md and "javascript" not in md  # a dead link keeps its text only
    assert "![" not in md  # images are their own option


def test_the_text_never_carries_links_and_is_the_text_made_without_them():
    plain = newsclean.clean(linked_page(), url=PAGE_URL)
    both = newsclean.clean(linked_page(), url=PAGE_URL, links=True, images=True)
    assert not LINK_SYNTAX.search(both.text)
    assert both.text == plain.text
    assert both.title == plain.title


def test_a_furniture_line_is_dropped_even_when_it_is_a_link():
    md = newsclean.clean(linked_page(), url=PAGE_URL, links=True).markdown
    assert "Twitter" not in md  # "Follow us on [Twitter](...)": matched on its visible text


def test_control_characters_in_an_address_do_not_break_the_tree():
    # character references: the parser keeps them in the attribute, lxml refuses them when set
    page = linked_page().replace('href="bridge-history.html"', 'href="bridge&#1;history&#12;.html"')
    md = newsclean.clean(page, url=PAGE_URL, links=True).markdown
    assert "[stone footbridge](https://www.valleycourier.example/news/2024/bridge%01history%0C.html)" in md


def test_control_characters_without_a_url_lose_no_link_nor_picture():
    # trafilatura copies the attributes, fails on them and loses the whole extraction
    page = linked_page().replace('href="bridge-history.html"', 'href="bridge&#1;history.html"').replace(
        'alt="The old bridge at dawn"', 'alt="The old&#2; bridge"')
    md = newsclean.clean(page, links=True, images=True).markdown
    assert "[stone footbridge](bridge%01history.html)" in md
    assert "![The old  bridge](/img/bridge.jpg)" in md
    assert "[engineer's report](https://council.example/report.pdf)" in md


def test_without_a_url_relative_links_stay_relative():
    md = newsclean.clean(linked_page(), links=True).markdown
    assert "[stone footbridge](bridge-history.html)" in md


def test_the_pages_base_href_is_the_base_without_a_url():
    md = newsclean.clean(linked_page('<base href="https://mirror.example/archive/">'),
                         links=True).markdown
    assert "[stone footbridge](https://mirror.example/archive/bridge-history.html)" in md


def test_images_are_lines_with_alt_text_where_they_stand():
    md = newsclean.clean(linked_page(), url=PAGE_URL, images=True).markdown
    image = "![The old bridge at dawn](https://www.valleycourier.example/img/bridge.jpg)"
    assert image in md
    assert md.index(P[0][:40]) < md.index(image) < md.index(P[1][:40])
    assert "](http" not in md.replace(image, "")  # no links without --links
    # trafilatura keeps a figure's caption with its picture; newsclean places the picture alone
    assert "seen from the market square" not in md


def test_a_picture_before_a_list_goes_before_the_list_and_trailing_ones_go():
    page = linked_page().replace(
        f"<p>{P[2]}".split("crumbling")[0],
        '<img src="/img/map.png" alt="Map"><ul><li>First item of a list of points</li>'
        "<li>Second item</li></ul>" + f"<p>{P[2]}".split("crumbling")[0]).replace(
        "</article>", '<img src="/img/teaser.jpg" alt="Next story"></article>')
    md = newsclean.clean(page, url=PAGE_URL, images=True).markdown
    if "First item" in md:
        assert "![Map](https://www.valleycourier.example/img/map.png)\n\n- First item" in md
    assert "teaser.jpg" not in md


@pytest.mark.parametrize(("base", "address", "expected"), [
    ("https://a.example/x/y.html", "z.html", "https://a.example/x/z.html"),
    ("https://a.example/x/y.html", "../z.html", "https://a.example/z.html"),
    ("https://a.example/x/y.html", " /z ", "https://a.example/z"),
    ("https://a.example/x/y.html", "http://[bad", "http://[bad"),
    ("https://a.example/x/y.html", "a\x01b\tc\n.html", "https://a.example/x/a%01bc.html"),
])
def test_absolute(base, address, expected):
    assert links.absolute(base, address) == expected


@pytest.mark.parametrize(("address", "is_dead"), [
    ("", True), ("#", True), ("javascript:void(0)", True), ("JavaScript:x()", True),
    ("data:image/png;base64,AAAA", True), ("#section-2", False), ("mailto:a@b.example", False),
    ("/news", False),
])
def test_dead(address, is_dead):
    assert links.dead(address) is is_dead


# ---- the text path ----

def markdown_scrape() -> str:
    """An html2text-style scrape: a menu whose words recur in the story, a picture, links."""
    return ("* [Millbrook](/millbrook)\n* [river](/river)\n* [Sport](/sport)\n\n"
            f"# {FOOTBRIDGE.title}\n\n"
            "![The old bridge](/img/bridge.jpg)\n\n"
            + P[0].replace("stone footbridge", "[stone footbridge](/history)") + "\n\n"
            + "\n\n".join(P[1:3]) + "\n\n"
            + P[3].replace("engineer's report", "[engineer's report](https://council.example/r.pdf)")
            + "\n\n* [Share on Facebook](https://facebook.example/share)\n")


def test_text_path_keeps_the_links_its_markdown_marks():
    article = newsclean.clean(markdown_scrape(), url=PAGE_URL, input_type="text", links=True,
                              images=True)
    md = article.markdown
    assert "[stone footbridge](https://www.valleycourier.example/history)" in md
    assert "[engineer's report](https://council.example/r.pdf)" in md
    assert "![The old bridge](https://www.valleycourier.example/img/bridge.jpg)" in md
    assert md.index("![The old bridge]") < md.index(P[0][:30])
    # the menu's "Millbrook" and "river" were dropped: the story's own words do not link to them
    assert "Millbrook town council" in md and "over the river" in md
    assert "/millbrook)" not in md and "/river)" not in md
    assert not LINK_SYNTAX.search(article.text)
    assert article.text == newsclean.clean(markdown_scrape(), url=PAGE_URL, input_type="text").text


def test_text_path_off_by_default():
    md = newsclean.clean(markdown_scrape(), input_type="text").markdown
    assert not LINK_SYNTAX.search(md)


def test_text_path_without_a_url_keeps_addresses_as_written():
    md = newsclean.clean(markdown_scrape(), input_type="text", links=True).markdown
    assert "[stone footbridge](/history)" in md


def test_anchors_skip_dead_links_and_place_images_by_the_next_line():
    anchors = find_anchors("![A](/a.jpg)\n\nSome text [x](javascript:go()) and [y](/y)\n", None)
    assert [(a.image, a.text, a.address, a.line) for a in anchors] == [
        (True, "A", "/a.jpg", "Some text x and y"), (False, "y", "/y", "Some text x and y")]


def test_lynx_dumps_carry_no_links_into_the_markdown(story):
    lynx = "\n".join(f"[{n}]Link{n}" for n in range(1, 8)) + "\n\n" + "\n\n".join(
        f"[{n + 10}]{para}" for n, para in enumerate(story.paras)) + "\n\nReferences\n\n" + "\n".join(
        f"{n}. https://x.example/{n}" for n in range(1, 20))
    md = newsclean.clean(lynx, input_type="text", links=True, images=True).markdown
    assert not LINK_SYNTAX.search(md) and "x.example" not in md


# ---- the command line and batch ----

def test_cli_links_in_json_markdown_never_in_text(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(linked_page())
    runner = CliRunner()
    found = runner.invoke(app, ["clean", str(page), "--url", PAGE_URL, "--links", "--images",
                                "-f", "json"])
    assert found.exit_code == 0, found.output
    data = json.loads(found.stdout)
    assert "[engineer's report](https://council.example/report.pdf)" in data["markdown"]
    assert "![The old bridge at dawn]" in data["markdown"]
    assert not LINK_SYNTAX.search(data["text"])
    plain = runner.invoke(app, ["clean", str(page), "--url", PAGE_URL, "--links", "-f", "text"])
    assert plain.exit_code == 0 and not LINK_SYNTAX.search(plain.stdout)


def test_recipe_names_the_options_only_when_set():
    book = RuleBook.load(())
    off = recipe_of(Options(), book)
    assert not {"--links", "--images"} & dict(off.parts).keys()  # older outputs stay up to date
    on = recipe_of(Options(links=True), book)
    assert dict(on.parts)["--links"] == "yes" and on.key != off.key
    assert "--links changed" in on.changes_since(dict(off.parts))
    assert recipe_of(Options(images=True), book).key not in (off.key, on.key)


def test_batch_rerun_with_links_redoes_the_outputs(tmp_path):
    pages, out = tmp_path / "in", tmp_path / "out"
    pages.mkdir()
    (pages / "a.html").write_text(linked_page('<base href="https://mirror.example/archive/">'))
    runner = CliRunner()
    first = runner.invoke(app, ["batch", str(pages), "-o", str(out), "-j", "1"])
    assert first.exit_code == 0, first.output
    assert "](" not in (out / "a.md").read_text()
    again = runner.invoke(app, ["batch", str(pages), "-o", str(out), "-j", "1", "--links"])
    assert again.exit_code == 0, again.output
    assert "--links changed since the last run" in again.stderr
    assert "[stone footbridge](https://mirror.example/archive/bridge-history.html)" in (
        out / "a.md").read_text()


def test_graft_puts_links_and_pictures_into_the_cleaned_body_only():
    from lxml import etree
    from trafilatura.xml import xmltotxt

    body = etree.fromstring("<body><p>Alpha beta gamma.</p><p>Delta epsilon.</p>"
                            "<list><item>One</item></list></body>")
    rich = etree.fromstring(
        '<body><p>News <ref target="/crumb">Nation</ref></p><graphic src="a.jpg" alt="A"/>'
        '<p>Alpha <ref target="https://u.example/">beta</ref> gamma.</p><graphic src="c.jpg"/>'
        '<p>A caption the cleaning dropped</p><p>Delta <ref target="javascript:x()">epsilon</ref>.</p>'
        '<graphic src="b.jpg"/><list><item>One</item></list><graphic src="a.jpg"/>'
        '<graphic src="end.jpg"/></body>')
    before = etree.tostring(body)
    out = links.graft(etree.fromstring("<html/>"), body, None, lambda *a, **k: rich,
                      links=True, images=True)
    assert etree.tostring(body) == before  # a copy: the text is made from the body as it was
    md = xmltotxt(out, True)
    assert md.index("![A](a.jpg)") < md.index("Alpha [beta](https://u.example/) gamma.")
    assert md.index("gamma.") < md.index("![](c.jpg)") < md.index("Delta epsilon.")  # text only
    assert md.index("![](b.jpg)") < md.index("- One")
    assert "Nation" not in md and "caption" not in md and "end.jpg" not in md
    assert md.count("a.jpg") == 1


# ---- properties: with the options, the same article, or the same error ----

def outcome(data, **options):
    try:
        return newsclean.clean(data, **options)
    except newsclean.NewscleanError as err:
        return str(err)


@FAST
@given(page=st.one_of(SCRAPE, HTMLISH.map(lambda p: p.replace("<a href='/x'>", "<a href='x&#1;'>"))),
       input_type=st.sampled_from(["auto", "html", "text"]))
def test_the_options_change_the_markdown_only(page, input_type):
    plain = outcome(page, input_type=input_type, url=PAGE_URL)
    rich = outcome(page, input_type=input_type, url=PAGE_URL, links=True, images=True)
    if isinstance(plain, str):
        assert rich == plain
        return
    assert isinstance(rich, newsclean.Article)
    assert rich.text == plain.text and rich.title == plain.title
    assert dataclasses.replace(rich, markdown=plain.markdown) == plain
    assert LINK_SYNTAX.sub("", rich.markdown).strip()  # and the Markdown is still an article
