"""The HTML path reads pages as trafilatura's own loader would, and never comes out emptier than
bare trafilatura on the untouched page: pages of our own with the shapes that lost articles."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import newsclean
from newsclean.api import explain
from newsclean.cli import app
from newsclean.errors import NothingExtracted

STORY = [
    "The Riverton council voted on Tuesday to rebuild the old iron bridge over the Wend, ending "
    "a dispute that has divided the town for most of a decade.",
    "Engineers told the council that the bridge, opened in 1891, can no longer carry the buses "
    "that cross it every morning, and that repairs would cost more than a new span.",
    "The vote was seven to two. The two members who voted against it said the town should first "
    "ask the county to share the cost, which they put at eleven million pounds.",
    "Work is due to start in the spring and take two years, during which a ferry will carry "
    "pedestrians across the river at no charge.",
]
HEADLINE = "Riverton votes to rebuild its iron bridge"
NAV = '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>'
FOOTER = "<footer><p>Riverton Gazette, 1 Mill Lane. All rights reserved.</p></footer>"


def paragraphs(texts=STORY) -> str:
    return "".join(f"<p>{text}</p>\n" for text in texts)


def page(body: str, head: str = "<html><head><title>Bridge vote</title></head>") -> str:
    return f"<!DOCTYPE html>\n{head}\n<body>{body}</body></html>"


def assert_story(article) -> None:
    for text in STORY:
        assert text in article.text
    assert article.text.count(STORY[0]) == 1


def test_self_closed_html_tag_still_gives_the_article():
    # an XHTML page that closes its <html> tag at once: libxml2 alone reads nothing after it
    html = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml" lang="en" />\n'
            f"<head><title>Bridge vote</title></head><body>{NAV}<article><h1>{HEADLINE}</h1>"
            f"{paragraphs()}</article>{FOOTER}</body></html>")
    assert_story(newsclean.clean(html, input_type="html"))


def test_unclosed_noscript_around_the_page_keeps_the_article():
    # a tracking pixel's <noscript> never closed: the parser puts the whole page inside it
    body = (f'<noscript><img src="https://pixel.example/p.gif" alt="">{NAV}<article>'
            f"<h1>{HEADLINE}</h1>{paragraphs()}</article>{FOOTER}")
    assert_story(newsclean.clean(page(body), input_type="html"))


def test_post_inside_noscript_is_the_article():
    # a script-rendered blog: an empty mount point, and the post for readers without scripts
    body = (f'{NAV}<div id="app"></div><noscript><article><h1>{HEADLINE}</h1>'
            f"{paragraphs()}</article></noscript>{FOOTER}")
    assert_story(newsclean.clean(page(body), input_type="html"))


def test_noscript_copy_of_the_article_is_not_read_twice():
    body = (f"{NAV}<article><h1>{HEADLINE}</h1>{paragraphs()}</article>"
            f"<noscript><div>{paragraphs()}</div></noscript>{FOOTER}")
    assert_story(newsclean.clean(page(body), input_type="html"))


def test_noscript_notice_is_dropped():
    notice = "Please enable JavaScript to view the comments powered by Disqus."
    body = (f"{NAV}<article><h1>{HEADLINE}</h1>{paragraphs()}<noscript><p>{notice}</p>"
            f"</noscript></article>{FOOTER}")
    article = newsclean.clean(page(body), input_type="html")
    assert_story(article)
    assert "JavaScript" not in article.text


# ---- when the article really is not there: what was found all the same ----

MENU_PAGE = ('<html><head><title>Riverton Gazette: bridge vote</title>'
             '<meta name="author" content="Jane Doe">'
             '<meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>'
             f"<body>{NAV}</body></html>")
MENU_SCRAPE = "Home\nNews\nSport\nWeather\n"


@pytest.mark.parametrize("data, input_type", [(MENU_PAGE, "html"), (MENU_SCRAPE, "text")])
def test_nothing_extracted_carries_the_partial_article(data, input_type):
    with pytest.raises(NothingExtracted) as caught:
        newsclean.clean(data, input_type=input_type, url="https://gazette.example/bridge")
    article = caught.value.article
    assert article is not None and article.text == "" and article.markdown == ""
    assert article.url == "https://gazette.example/bridge"
    if input_type == "html":
        assert article.title == "Riverton Gazette: bridge vote"
        assert article.authors == ("Jane Doe",) and article.date == "2024-03-05"


@pytest.mark.parametrize("data, input_type", [(MENU_PAGE, "html"), (MENU_SCRAPE, "text")])
def test_allow_empty_returns_the_partial_article(data, input_type):
    article = newsclean.clean(data, input_type=input_type, allow_empty=True)
    assert article.text == "" and article.kind.value == input_type
    with pytest.raises(NothingExtracted):
        newsclean.clean(data, input_type=input_type)


def test_allow_empty_changes_nothing_for_an_article():
    html = page(f"{NAV}<article><h1>{HEADLINE}</h1>{paragraphs()}</article>{FOOTER}")
    assert newsclean.clean(html, allow_empty=True) == newsclean.clean(html)


def test_cli_allow_empty_gives_the_metadata_with_a_status(tmp_path):
    source = tmp_path / "menu.html"
    source.write_text(MENU_PAGE)
    failed = CliRunner().invoke(app, ["clean", "-f", "json", str(source)])
    assert failed.exit_code == 1 and failed.stdout == ""
    result = CliRunner().invoke(app, ["clean", "-f", "json", "--allow-empty", str(source)])
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["status"] == "no_article" and record["text"] == ""
    assert record["title"] == "Riverton Gazette: bridge vote" and record["authors"] == ["Jane Doe"]


# ---- the safety net: never emptier than bare trafilatura on the untouched page ----

def test_net_recovers_what_our_own_steps_lost(monkeypatch):
    # whatever a step of ours does wrong (here: the body choice finds nothing), the article
    # is bare trafilatura's extraction of the untouched page, cleaned the same way
    from newsclean import from_html

    monkeypatch.setattr(from_html, "choose_body", lambda *args: None)
    html = page(f"{NAV}<article><h1>{HEADLINE}</h1>{paragraphs()}<p>Share this article</p>"
                f"</article>{FOOTER}")
    article = newsclean.clean(html, input_type="html")
    assert_story(article)
    assert "Share this article" not in article.text  # the net's text is cleaned too


def test_net_is_not_asked_on_a_normal_page(monkeypatch):
    from newsclean import from_html

    asked = []
    real = from_html.run_trafilatura
    monkeypatch.setattr(from_html, "run_trafilatura",
                        lambda tree, url, **mode: asked.append(type(tree)) or real(tree, url, **mode))
    html = page(f"{NAV}<article><h1>{HEADLINE}</h1>{paragraphs()}</article>{FOOTER}")
    assert_story(newsclean.clean(html, input_type="html"))
    assert str not in asked  # the untouched page (a str) went to trafilatura only for the net


def test_explain_tells_the_drops_of_the_body_that_was_kept(monkeypatch):
    # the net's article is what explain reports: its blocks kept, its furniture dropped
    from newsclean import from_html

    monkeypatch.setattr(from_html, "choose_body", lambda *args: None)
    html = page(f"{NAV}<article><h1>{HEADLINE}</h1>{paragraphs()}<p>Share this article</p>"
                f"</article>{FOOTER}")
    steps = {step.text: step for step in explain(html, input_type="html").steps}
    assert all(steps[text].kept for text in STORY)
    assert not steps["Share this article"].kept and "share" in steps["Share this article"].reason


def test_a_body_that_is_itself_a_block_is_read_line_by_line():
    """A broken page whose bare extraction is one bare paragraph (the safety net reads it):
    its lines sort without an index error, and a page with too little text says so."""
    from newsclean import NothingExtracted, clean

    with pytest.raises(NothingExtracted):
        clean("<p><html>the.", links=True, images=True)
    article = clean("<p><html>" + "A short line of words here. " * 3, links=True, images=True)
    assert article.text.startswith("A short line of words here.")
