"""Hostile inputs (issue 13): every small case of the corpus (tests/hostile.py) through
`newsclean clean` and through one `newsclean batch` over the whole corpus, an article or one
error line each, never a traceback; and the bounds that keep one input within 20 s and 2 GB:
--max-bytes, the HTML path's tag cap and depth fallback, the text path's line cap. The big
cases (50 MB, a 10 MB line, 100,000 nested <div>s) are timed in benchmarks/hostile.py."""
from __future__ import annotations

import gzip
import io
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsclean
from newsclean import api, html_parse, sniff
from newsclean.cli import app
from newsclean.cli.common import read_source
from newsclean.errors import InputError
from newsclean.text import segment

sys.path.insert(0, str(Path(__file__).parent))
from hostile import PARAS, PLANTED, Case, Expect, cases, page, scrape, write_corpus  # noqa: E402

SMALL = [case for case in cases() if not case.big]
ERROR_LINE = re.compile(r"^newsclean: error: [^\n]+: [^\n]+$")


def readable(text: str) -> str:
    """Text without format characters (ZWJ, bidi marks): trafilatura drops them from HTML."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[bytes, str]:
    """The small corpus on disk: case name -> path (a str, surrogate-escaped where not UTF-8)."""
    folder = tmp_path_factory.mktemp("hostile")
    return {case.name: os.fsdecode(path) for path, case in write_corpus(folder, big=False)}


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)


def test_the_corpus_has_every_kind_of_case():
    names = b" ".join(case.name for case in cases())
    for kind in (b"empty", b"whitespace", b"nul soup", b"pdf", b"png", b"jpeg", b"zip", b"truncated",
                 b"gzip bomb", b"nested gzip", b"invalid utf-8", b"lying charset", b"utf-16-le bom",
                 b"utf-16-be.", b"shift_jis", b"gb18030", b"page 50 MB", b"one line 10 MB.html",
                 b"one line 10 MB.txt", b"nested divs 100000", b"script only", b"entity flood",
                 b"emoji", b"rtl", b"spaces", b"\n", b"\xff"):
        assert kind in names, kind
    assert {case.name.rsplit(b".", 1)[-1] for case in SMALL} >= {b"html", b"txt", b"gz"}


@pytest.mark.parametrize("case", SMALL, ids=lambda case: case.label)
def test_clean_gives_the_article_or_one_error_line(corpus, case: Case):
    path = corpus[case.name]
    result = run("clean", path, "-f", "json")
    assert "Traceback" not in result.stdout + result.stderr
    if case.expect is Expect.ARTICLE:
        assert result.exit_code == 0, result.stderr
        assert result.stderr == ""
        article = json.loads(result.stdout)
        assert readable(case.planted or "") in readable(article["text"])
        assert "\ufffd" not in article["source"] or b"\xff" in case.name or b"\xe9" in case.name
    else:
        assert result.exit_code == 1
        assert result.stdout == ""
        (line,) = result.stderr.splitlines()  # one line, even for a name with a newline
        assert ERROR_LINE.match(line), line
        assert case.says in line


def test_batch_over_the_whole_corpus(corpus, tmp_path):
    folder = os.path.dirname(next(iter(corpus.values())))
    out = tmp_path / "out.jsonl"
    result = run("batch", folder, "--jsonl", str(out), "--jobs", "2", "--quiet")
    assert result.exit_code == 1  # the refusals fail
    assert "Traceback" not in result.stdout + result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(SMALL)
    by_name = {record["source"]: record for record in records}
    for case in SMALL:
        record = by_name[os.path.join(folder, case.name.decode("utf-8", "replace"))]
        if case.expect is Expect.ARTICLE:
            assert record["status"] == "ok", (case.label, record["error"])
            assert readable(case.planted or "") in readable(record["text"])
        else:
            assert record["status"] in ("failed", "empty"), case.label
            assert "internal error" not in record["error"]
    lines = result.stderr.splitlines()  # --quiet: the failures, one line each (not the empty pages)
    assert len(lines) == sum(record["status"] == "failed" for record in records)
    assert all(ERROR_LINE.match(line) for line in lines)


# ---------------------------------------------------------------- --max-bytes

@pytest.fixture
def story_file(tmp_path) -> Path:
    path = tmp_path / "ferry story.html"
    path.write_bytes(page().encode())
    return path


def test_max_bytes_refuses_a_larger_file_with_one_line(story_file):
    size = story_file.stat().st_size
    result = run("clean", str(story_file), "--max-bytes", str(size - 1))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (f"newsclean: error: {story_file}: input is {size:,} bytes, over the "
                             f"{size - 1:,}-byte limit; raise --max-bytes (max_bytes= in Python) to "
                             "read it\n")


def test_a_file_of_exactly_max_bytes_is_cleaned(story_file):
    result = run("clean", str(story_file), "--max-bytes", str(story_file.stat().st_size), "-f", "json")
    assert result.exit_code == 0
    assert PLANTED in json.loads(result.stdout)["text"]


def test_max_bytes_bounds_what_a_gzip_file_inflates_to(tmp_path):
    path = tmp_path / "story.html.gz"
    raw = page().encode()
    path.write_bytes(gzip.compress(raw))
    assert run("clean", str(path), "--max-bytes", str(len(raw))).exit_code == 0
    result = run("clean", str(path), "--max-bytes", str(len(raw) - 1))
    assert result.exit_code == 1
    assert "a gzip file that inflates to over the" in result.stderr
    assert "--max-bytes" in result.stderr


def test_max_bytes_on_stdin():
    raw = scrape().encode()
    assert run("clean", "--max-bytes", str(len(raw)), input=raw).exit_code == 0
    result = run("clean", "--max-bytes", str(len(raw) - 1), input=raw)
    assert result.exit_code == 1
    assert result.stderr.startswith("newsclean: error: -: input is over the ")


def test_stdin_is_read_no_further_than_the_cap(monkeypatch):
    asked = []

    class Stream(io.BytesIO):
        def read(self, size=-1):
            asked.append(size)
            return super().read(size)

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(Stream(b"x" * 1000)))
    with pytest.raises(InputError, match="over the 100-byte limit"):
        read_source("-", 100)
    assert asked and all(0 <= size <= 101 for size in asked)


def test_max_bytes_in_batch_and_explain(story_file, tmp_path):
    limit = str(story_file.stat().st_size - 1)
    result = run("batch", str(story_file), "-o", str(tmp_path / "out"), "--max-bytes", limit, "--quiet")
    assert result.exit_code == 1
    assert "--max-bytes" in result.stderr
    result = run("explain", str(story_file), "--max-bytes", limit)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"newsclean: error: {story_file}: input is ")


def test_max_bytes_in_the_library():
    raw = page().encode()
    assert PLANTED in newsclean.clean(raw, max_bytes=len(raw)).text
    with pytest.raises(InputError, match="max_bytes"):
        newsclean.clean(raw, max_bytes=len(raw) - 1)
    with pytest.raises(InputError, match="gzip"):
        newsclean.clean(gzip.compress(raw), max_bytes=len(raw) - 1)
    with pytest.raises(InputError):
        api.explain(raw, max_bytes=100)
    assert sniff.MAX_BYTES == 50_000_000


def test_the_help_names_max_bytes():
    for command in ("clean", "batch", "explain"):
        assert "--max-bytes" in run(command, "--help").stdout


# ---------------------------------------------------------------- the HTML path's bounds

def test_first_tags_cuts_before_the_tag_past_the_limit():
    html = "<p>a<p>b<script>'<p><p><p>'</script><style>p{}</style><p>c<p>d"
    assert html_parse.first_tags(html, 4) == "<p>a<p>b<script>'<p><p><p>'</script><style>p{}</style>"
    assert html_parse.first_tags(html, 6) == html
    assert html_parse.first_tags("<p>a<script>'<p><p>", 1) == "<p>a<script>'<p><p>"  # unclosed


def test_a_page_past_the_tag_cap_keeps_its_start(monkeypatch):
    teasers = "".join(f'<div class="more"><a href="/{i}">Teaser number {i}</a></div>' for i in range(300))
    html = page(after=teasers + '<div id="late">LATE MARKER</div>')
    assert html_parse.parse_html(html).get_element_by_id("late") is not None
    monkeypatch.setattr(html_parse, "MAX_TAGS", 200)
    tree = html_parse.parse_html(html)
    assert PLANTED in tree.text_content()
    assert "LATE MARKER" not in tree.text_content()


def test_nesting_past_the_parser_depth_is_read_again_without_containers():
    deep = "<div><span>" * 1500  # 3,000 levels: libxml2 stops at 2,048
    html = page(before=deep) + "</span></div>" * 1500
    article = newsclean.clean(html.encode())
    assert PLANTED in article.text
    assert article.title == "Ferry service to Gullholm resumes after winter storms"


def test_nesting_that_cannot_be_flattened_is_one_input_error():
    html = "<html><body>" + "<pre>x" * 3000 + "".join(f"<p>{p}</p>" for p in PARAS)
    with pytest.raises(InputError, match="nests its elements over 2,048 deep"):
        newsclean.clean(html.encode())


# ---------------------------------------------------------------- the text path's bounds

def test_first_lines_reads_the_first_lines_and_characters(monkeypatch):
    monkeypatch.setattr(segment, "MAX_LINES", 2)
    assert segment.first_lines("a\nb\nc\nd") == "a\nb"
    assert segment.first_lines("a\nb") == "a\nb"
    monkeypatch.setattr(segment, "MAX_TEXT_CHARS", 3)
    assert segment.first_lines("abcdef") == "abc"


def test_a_scrape_past_the_line_cap_keeps_its_article(monkeypatch):
    text = scrape() + "\n".join(f"Reader comment {i}: LATE MARKER" for i in range(500))
    monkeypatch.setattr(segment, "MAX_LINES", 60)
    explained = api.explain(text.encode())
    assert explained.article is not None and PLANTED in explained.article.text
    comments = [step.text for step in explained.steps if "LATE MARKER" in step.text]
    assert comments and len(comments) < 60 and "comment 499" not in " ".join(comments)


def test_a_flattened_page_is_cut_to_the_line_cap_after_its_sentences(monkeypatch):
    flat = " ".join([*PARAS] + [f"Reader {i} said it was LATE MARKER." for i in range(300)])
    monkeypatch.setattr(segment, "MAX_LINES", 40)
    blocks = segment.split_blocks(flat * 3)
    assert len(blocks) <= 40


def test_markup_hidden_from_the_tag_count_is_cut_once_parsed(monkeypatch):
    # "<script>" in a comment: the tag count skips to the "</script>" at the end as a script's
    # text, while the parser reads the teasers as elements
    teasers = "".join(f'<div class="more"><a href="/{i}">Teaser {i}</a></div>' for i in range(300))
    html = page(before="<!-- <script> -->", after=teasers + "<script>x</script>")
    monkeypatch.setattr(html_parse, "MAX_TAGS", 100)
    monkeypatch.setattr(html_parse, "MAX_ELEMENTS", 200)
    assert html_parse.first_tags(html, 100) == html  # the count was fooled...
    tree = html_parse.parse_html(html)
    assert html_parse.COUNT_ELEMENTS(tree) == 200  # ...the tree is cut all the same
    assert PLANTED in tree.text_content()


@pytest.mark.parametrize(("html", "limit", "kept"), [
    ("<p>abcdef</p><p>ghi</p>", 4, "abcd"),
    ("<p>ab<b>c</b>defgh</p><p>x</p>tail", 5, "abcde"),
    ("<script>var xxxxxxxx;</script><p>abc</p>", 3, "abc"),  # a script's text does not count
    ("<p>abc</p>", 3, "abc"),
])
def test_a_page_is_cut_after_its_first_characters_of_text(html, limit, kept):
    tree = html_parse.parse_tree(f"<html><body>{html}</body></html>")[0]
    html_parse.keep_first_text(tree, limit)
    for script in tree.iter("script"):
        script.getparent().remove(script)
    assert tree.text_content() == kept


def test_a_huge_paragraph_is_read_to_the_text_cap(monkeypatch):
    monkeypatch.setattr(html_parse, "MAX_TEXT_CHARS", 3000)
    html = page(after="<p>" + "LATE MARKER words " * 1000 + "</p>")
    article = newsclean.clean(html.encode())
    assert PLANTED in article.text
    assert article.text.count("LATE MARKER") < 200
