"""`newsclean rules list|which|lint|test` and `newsclean explain`: output and exit codes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsclean.cli import app
from newsclean.rule_regex import BOUNDARY_NOTE
from newsclean.rules import load_book

SEED_LIKE = Path(__file__).resolve().parents[1] / "newsclean" / "rules" / "pages" / "dw.com" / "page.txt"


@pytest.fixture
def run():
    runner = CliRunner()
    load_book.cache_clear()
    return lambda *args: runner.invoke(app, list(args))


@pytest.fixture
def rules_dir(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "example.com.txt").write_text(
        "body: //article\nstirp: //nav\nstrip_line: (broken\nnext_page_link: //a\n"
        "test_url: https://example.com/a\ntest_contains: The council voted\n", encoding="utf-8")
    (tmp_path / "dw.com.txt").write_text("body: //main\n", encoding="utf-8")
    return folder


def test_rules_list_names_hosts_and_sources(run, rules_dir):
    result = run("rules", "list", "--rules-dir", str(rules_dir))
    assert result.exit_code == 0
    assert "dw.com" in result.stdout and "builtin:dw.com.txt" in result.stdout
    assert "example.com" in result.stdout and str(rules_dir / "example.com.txt") in result.stdout


def test_rules_which_by_url_and_by_fingerprint(run, rules_dir):
    result = run("rules", "which", "https://www.example.com/news/1", "--rules-dir", str(rules_dir))
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{rules_dir / 'example.com.txt'}: host without www.")
    result = run("rules", "which", str(SEED_LIKE))
    assert result.stdout.startswith("builtin:dw.com.txt: text fingerprint")
    result = run("rules", "which", "https://www.dw.com/en/x/a-1", "--rules-dir", str(rules_dir.parent))
    assert result.stdout.splitlines()[:2] == [
        f"{rules_dir.parent / 'dw.com.txt'}: host without www. (www.dw.com)",
        "builtin:dw.com.txt: layered under it (its title/body/date/author XPaths are tried after, "
        "its strip and line rules add up)"]
    result = run("rules", "which", "https://nowhere.example.org/x")
    assert result.stdout.startswith("no site rules for nowhere.example.org")


def test_rules_lint_reports_file_line_and_fails(run, rules_dir):
    result = run("rules", "lint", str(rules_dir / "example.com.txt"))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    path = rules_dir / "example.com.txt"
    assert f"{path}:2: unknown directive 'stirp' (did you mean 'strip'?)" in lines
    assert any(line.startswith(f"{path}:3: bad regex for 'strip_line'") for line in lines)
    assert (f"{path}:4: note: 'next_page_link' is accepted and ignored (newsclean never fetches pages)"
            in lines)
    assert run("rules", "lint").exit_code == 0  # the built-in pack is clean


def test_rules_test_passes_on_builtin_and_fails_without_page(run, rules_dir):
    assert run("rules", "test", "dw.com").exit_code == 0
    result = run("rules", "test", "example.com", "--rules-dir", str(rules_dir))
    assert result.exit_code == 1 and "no cached page" in result.stdout


def test_explain_text_lists_blocks_with_reasons(run):
    result = run("explain", str(SEED_LIKE))
    assert result.exit_code == 0
    out = result.stdout
    assert "drop 1. Skip to content" in out and "site rule builtin:dw.com.txt" in out
    assert "keep Water levels on the Rhine" in out
    assert "a video's title over its duration" in out


def test_explain_json(run, tmp_path):
    page = tmp_path / "page.html"
    paragraph = "The council voted on Tuesday to rebuild the old footbridge over the river. " * 4
    page.write_text(f"<html><body><nav><a>Home</a><a>News</a></nav><article><h1>Bridge vote</h1>"
                    f"<p>{paragraph}</p><p>Advertisement</p><p>{paragraph}</p></article>"
                    f"<footer>© 2024 Example News. All rights reserved.</footer></body></html>")
    result = run("explain", str(page), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["kind"] == "html" and data["title"] == "Bridge vote"
    kept = [b for b in data["blocks"] if b["kept"]]
    assert kept and all(set(b) == {"text", "kept", "reason"} for b in data["blocks"])
    assert any(not b["kept"] and b["text"].startswith("©") for b in data["blocks"])


def test_explain_missing_file_is_one_line_error(run, tmp_path):
    result = run("explain", str(tmp_path / "nope.html"))
    assert result.exit_code == 1
    assert result.stderr == f"newsclean: error: {tmp_path / 'nope.html'}: no such file; check the path\n"


def test_explain_names_the_rule_that_dropped_a_block_with_inline_links(run):
    # the page's blocks read "on X , Facebook" (a space per element), the body's "on X, Facebook"
    page = Path(__file__).resolve().parents[1] / "newsclean" / "rules" / "pages" / "bbc.com" / "page.html"
    line = next(line for line in run("explain", str(page)).stdout.splitlines()
                if "Follow BBC Cornwall" in line)
    assert line.startswith("drop ") and "site rule builtin:bbc.com.txt:" in line


def test_rules_lint_says_what_re2_cannot_run_and_how_to_rewrite_it(run, tmp_path):
    rule_file = tmp_path / "example.org.txt"
    rule_file.write_text("strip_line: Share on (Facebook|X)\n"
                         "strip_line: (?:[A-Z][\\w.'-]*\\.? ?){1,5} ?/ ?(?:[A-Z][\\w.'-]*){1,6}\n"
                         "strip_line: (\\w+) and \\1\n"
                         "keep_line: .*(?<=€)\\d+\n"
                         "strip_after: More(?= from).*\n"
                         "strip_line: (?>Ad)s?\n"
                         "strip_line: .*\\bBy [A-Z].*\n"
                         "strip_line: [\\w ]{1,1000}\n")
    result = run("rules", "lint", str(rule_file))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    start = [line.split(" (")[0] for line in lines]
    assert start == [f"{rule_file}:3: bad regex for 'strip_line': '(\\\\w+) and \\\\1'",
                     f"{rule_file}:4: bad regex for 'keep_line': '.*(?<=€)\\\\d+'",
                     f"{rule_file}:5: bad regex for 'strip_after': 'More(?= from).*'",
                     f"{rule_file}:6: bad regex for 'strip_line': '(?>Ad)s?'",
                     f"{rule_file}:7: note: 'strip_line': {BOUNDARY_NOTE}",
                     f"{rule_file}:8: bad regex for 'strip_line': '[\\\\w ]{{1,1000}}'"]
    assert "RE2 has no backreferences" in lines[0] and "spell each repeat out" in lines[0]
    assert "RE2 has no lookbehind" in lines[1] and "'.*€\\d+'" in lines[1]
    assert "but at the very start of a regex" in lines[2]
    assert "RE2 has no atomic groups" in lines[3]
    assert "too big for RE2" in lines[5]
    assert result.stderr == "lint: 5 errors, 1 notes\n"


def test_clean_skips_a_regex_re2_cannot_run_with_one_line(run, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "example.com.txt").write_text("strip_line: (\\w+) and \\1\nstrip_line: (a+)+$\n")
    page = tmp_path / "page.txt"
    page.write_text("The council voted on Tuesday to rebuild the old footbridge over the river. " * 4
                    + "\n\n" + "a" * 60 + "!\n")
    result = run("clean", str(page), "--url", "https://example.com/a", "--rules-dir", str(rules))
    assert result.exit_code == 0 and "footbridge" in result.stdout
    assert result.stderr == (f"newsclean: warning: {rules / 'example.com.txt'}:1: bad regex for "
                             "'strip_line': '(\\\\w+) and \\\\1' (RE2 has no backreferences (\\1, "
                             "(?P=name)); spell each repeat out, e.g. '(ab|cd)-\\1' as 'ab-ab|cd-cd'); "
                             "this line is skipped (see `newsclean rules lint`)\n")


def test_explain_returns_a_frozen_explanation():
    import dataclasses

    from newsclean import api

    found = api.explain(SEED_LIKE.read_bytes())
    assert isinstance(found, api.Explanation) and found.error is None
    assert found.article is not None and found.article.rules
    assert isinstance(found.steps, tuple) and any(step.kept for step in found.steps)
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.error = "x"  # type: ignore[misc]
    empty = api.explain("<html><body><nav>Home</nav></body></html>")
    assert empty.article is None and empty.error


def test_choose_site_picks_the_only_site_or_the_named_one():
    from newsclean.boilerplate import LineTally, choose_site
    from newsclean.errors import NewscleanError, NoSiteToLearn

    def tally(pages):
        found = LineTally()
        for _ in range(pages):
            found.add("Follow us\nA story")
        return found

    one = {"example.com": tally(6)}
    assert choose_site(one)[0] == "example.com"
    assert choose_site(one, "WWW.Example.com")[0] == "example.com"
    two = {**one, "other.org": tally(2)}
    cases = [({}, None, "no page could be cleaned; check the folder with `newsclean batch`"),
             (two, None, "pages of several sites: example.com (6 pages), other.org (2 pages); "
                         "choose one with --host"),
             (two, "nope.net", "no pages of nope.net (found example.com (6 pages), other.org (2 pages)); "
                               "check --host"),
             (two, "other.org", "only 2 pages of other.org; learning needs at least 5 "
                                "(--boilerplate-min-pages)")]
    for tallies, host, message in cases:
        with pytest.raises(NoSiteToLearn) as caught:
            choose_site(tallies, host)
        assert str(caught.value) == message
        assert isinstance(caught.value, NewscleanError)
