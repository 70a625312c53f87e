"""`newsclean explain --format html`: one self-contained page, every block of the input in
order, kept ones marked, dropped ones struck through with why; both paths. The structure is
checked with lxml on every run; a real browser (Debian's chromium, headless) reads it when one
is installed (scripts/check_explain_html.sh does the same by hand)."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest
from typer.testing import CliRunner

from newsclean import api
from newsclean.cli import app
from newsclean.explain_html import kind, render_html
from newsclean.rules import load_book

ROOT = Path(__file__).resolve().parents[1]
DW_TEXT = ROOT / "newsclean" / "rules" / "pages" / "dw.com" / "page.txt"
BBC_HTML = ROOT / "newsclean" / "rules" / "pages" / "bbc.com" / "page.html"
CHROMIUM = "/usr/bin/chromium"
PARAGRAPH = "The council voted on Tuesday to rebuild the old footbridge over the river. " * 4
HOSTILE = ("<p>A &lt;script&gt;alert(1)&lt;/script&gt; and &lt;/li&gt;&lt;/ol&gt; "
           "&lt;img src=x onerror=alert(2)&gt; in the text, and &quot;quotes&quot;.</p>")


def page_with_every_kind() -> str:
    """A page with kept text, an ad label, a headline echo and a hostile paragraph."""
    return (f"<html><head><title>Bridge vote</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>Bridge vote</h1><p>{PARAGRAPH}</p><p>Advertisement</p>{HOSTILE}"
            f"<p>{PARAGRAPH}</p></article><footer>© 2024 Example News.</footer></body></html>")


def parsed(page: str):
    return lxml.html.document_fromstring(page)


def check_structure(found: api.Explanation, page: str) -> list:
    """What every explain page must be: each step once, in order, with its reason; nothing
    that runs or fetches. Returns the block elements."""
    tree = parsed(page)
    items = tree.xpath('//ol[@class="blocks"]/li')
    assert len(items) == len(found.steps)
    for item, step in zip(items, found.steps):
        assert item.xpath('string(span[@class="text"])') == step.text
        assert item.xpath('string(span[@class="why"])') == step.reason
        assert item.get("class").split()[0] == ("kept" if step.kept else "dropped")
    assert not tree.xpath("//script|//iframe|//object|//embed|//img|//link|//base|//form")
    assert not tree.xpath("//@src|//@*[starts-with(name(), 'on')]")
    ids = set(tree.xpath("//@id"))
    assert all(href.startswith("#") and href[1:] in ids for href in tree.xpath("//@href"))
    style = "".join(tree.xpath("//style/text()"))
    assert "url(" not in style and "@import" not in style
    policy = tree.xpath('string(//meta[@http-equiv="Content-Security-Policy"]/@content)')
    assert "default-src 'none'" in policy
    return items


def test_html_path_page_shows_every_block_and_why():
    found = api.explain(page_with_every_kind())
    page = render_html(found, "page.html")
    items = check_structure(found, page)
    by_text = {item.xpath('string(span[@class="text"])'): item for item in items}
    assert "kept" in by_text[PARAGRAPH.strip()].get("class")
    ad = by_text["Advertisement"]
    assert ad.get("class") == "dropped furniture" and "furniture:" in ad.xpath('string(span[@class="why"])')
    assert "dropped" in by_text["Home"].get("class")
    assert parsed(page).xpath("string(//h1)") == "Bridge vote"


def test_hostile_text_stays_text():
    found = api.explain(page_with_every_kind())
    page = render_html(found, "<b>page</b>.html")
    tree = parsed(page)
    assert not tree.xpath("//script|//img|//b[.='page']")
    texts = tree.xpath('//span[@class="text"]/text()')
    assert any("<script>alert(1)</script>" in t and "</li></ol>" in t for t in texts)
    assert "<b>page</b>.html" in tree.xpath("string(//title)")


def test_site_rule_and_rule_file_line_are_named():
    load_book.cache_clear()
    found = api.explain(BBC_HTML.read_bytes())
    page = render_html(found, "page.html")
    check_structure(found, page)
    tree = parsed(page)
    reasons = [item.xpath('string(span[@class="why"])')
               for item in tree.xpath('//li[contains(@class, "rule")]')]
    assert reasons and all(r.startswith("site rule builtin:bbc.com.txt:") for r in reasons)
    table = tree.xpath("//table//a")  # the reasons table links to each reason's first block
    assert table and all(a.get("href").startswith("#b") for a in table)


def test_text_path_page():
    load_book.cache_clear()
    found = api.explain(DW_TEXT.read_bytes())
    page = render_html(found, "page.txt")
    check_structure(found, page)
    assert "text path" in parsed(page).xpath('string(//p[@class="meta"])')
    assert any(not step.kept for step in found.steps) and any(step.kept for step in found.steps)


def test_no_article_page_says_why():
    found = api.explain("<html><body><nav>Home</nav><p>Short.</p></body></html>")
    page = render_html(found, "empty.html")
    check_structure(found, page)
    assert parsed(page).xpath('string(//p[@class="error"])') == found.error
    assert "<details>" not in page  # no article to show


def test_control_characters_become_replacement_characters():
    found = api.explain(b"Bridge vote\n\n" + PARAGRAPH.encode() + b"\x0b\x1f tail\n\n"
                        + PARAGRAPH.encode(), input_type="text")
    page = render_html(found, "page.txt")
    assert "\x0b" not in page and "\x1f" not in page
    check_structure_loosely = parsed(page).xpath('//ol[@class="blocks"]/li')
    assert len(check_structure_loosely) == len(found.steps)


@pytest.mark.parametrize(("reason", "expected"), [
    ("site rule rules/example.com.txt:3", "rule"), ("furniture: ads", "furniture"),
    ("outside the article region (score -3)", "region"), ("not the main content (trafilatura)", "region"),
    ("the headline, repeated in the body (it is the title)", "headline"), ("the date line", "other"),
])
def test_kind(reason, expected):
    assert kind(reason) == expected


def test_cli_writes_the_page(tmp_path):
    source = tmp_path / "page.html"
    source.write_text(page_with_every_kind())
    result = CliRunner().invoke(app, ["explain", str(source), "-f", "html"])
    assert result.exit_code == 0
    assert result.stdout.startswith("<!DOCTYPE html>")
    check_structure(api.explain(source.read_bytes()), result.stdout)


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium (apt-get install chromium)")
def test_a_real_browser_reads_the_page(tmp_path):
    found = api.explain(page_with_every_kind())
    report = tmp_path / "report.html"
    report.write_text(render_html(found, "page.html"), encoding="utf-8")
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-extensions", f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([*flags, "--dump-dom", report.as_uri()],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    check_structure(found, dom)  # the browser's own DOM: same blocks, same reasons
    shot = tmp_path / "shot.png"
    subprocess.run([*flags, f"--screenshot={shot}", "--window-size=1000,1400", report.as_uri()],
                   capture_output=True, timeout=120, check=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


SCRIPT = ROOT / "scripts" / "check_explain_html.sh"


def test_the_check_script_says_what_to_install_without_a_browser(tmp_path):
    result = subprocess.run(["bash", str(SCRIPT), str(BBC_HTML), str(tmp_path)],
                            env={**os.environ, "CHROMIUM": str(tmp_path / "no-browser")},
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "apt-get install chromium" in result.stderr


@pytest.mark.skipif(not os.path.exists(CHROMIUM) or not shutil.which("newsclean"),
                    reason="needs Debian's chromium and the newsclean command")
def test_the_check_script_runs(tmp_path):
    result = subprocess.run(["bash", str(SCRIPT), str(BBC_HTML), str(tmp_path)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "the browser read all" in result.stdout and (tmp_path / "report.png").is_file()
