"""The built-in rule pack: every file parses cleanly, and each site's own sample pages (in
newsclean/rules/pages/<host>/) come out with the article and without the furniture listed in
absent.txt, by URL for page.html and by text fingerprint alone for page.txt."""
from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

import pytest

import newsclean
from newsclean.rules import load_book

PACK = Path(str(resources.files("newsclean").joinpath("rules")))
FILES = sorted(p for p in PACK.glob("*.txt") if p.name != "global.txt")


def book():
    return load_book(())


def test_pack_covers_many_sites():
    assert len(FILES) >= 1


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_rule_file_is_clean(path):
    rule_file = book().files[path.stem]
    errors = [str(p) for p in rule_file.problems if p.error]
    assert errors == []
    assert rule_file.rules.get("test_url") and rule_file.rules.get("test_contains")


def site_cases():
    for path in FILES:
        pages = PACK / "pages" / path.stem
        for page in sorted(pages.glob("page.*")):
            yield pytest.param(path, page, id=f"{path.stem}/{page.name}")


@pytest.mark.parametrize("path, page", list(site_cases()))
def test_site_sample_page(path, page):
    rules = book().files[path.stem].rules
    url = rules.get("test_url")[0].value if page.suffix == ".html" else None
    article = newsclean.clean(page.read_bytes(), url=url)
    assert f"builtin:{path.name}" in article.rules
    for rule in rules.get("test_contains"):
        assert rule.value in article.text, f"{rule.source}: {rule.value!r} missing"
    absent = page.parent / "absent.txt"
    if absent.exists():
        for line in filter(None, absent.read_text("utf-8").splitlines()):
            assert line not in article.markdown, f"furniture {line!r} left in the article"
    assert article.title


# ---- the pack's line regexes under RE2 (newsclean/rule_regex.py) ----

REPO = Path(__file__).resolve().parents[1]
# characters put into matching lines, one at a time, so that the exact (Unicode) forms run too
NEIGHBOURS = "éß’_ 1.\u00a0"


@cache
def corpus_lines() -> list[str]:
    """Every line of the samples and of the pack's cached pages (text, HTML as text, gold),
    trimmed as line rules see them."""
    import lxml.html

    texts = []
    for path in sorted((REPO / "samples").glob("*/*")) + sorted((PACK / "pages").glob("*/*")):
        if path.suffix in (".txt", ".md"):
            texts.append(path.read_text("utf-8", errors="replace"))
        elif path.suffix == ".html":
            texts.append(lxml.html.fromstring(path.read_bytes()).text_content())
    return sorted({" ".join(line.split()) for text in texts for line in text.splitlines()})


def line_regexes(path: Path) -> list[tuple[str, str]]:
    rules = book().files[path.stem].rules
    return [(rule.source, rule.value.pattern) for name in ("strip_before", "strip_after",
                                                           "strip_line", "keep_line")
            for rule in rules.get(name)]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_pack_regexes_match_as_pythons_re(path):
    import re

    from newsclean.rule_regex import LineMatcher, compile_line_regex

    found = line_regexes(path)
    python = [re.compile(pattern) for _, pattern in found]
    ours = [compile_line_regex(pattern) for _, pattern in found]
    matcher = LineMatcher(ours)
    lines = corpus_lines()
    for line in lines:
        expected = [i for i, regex in enumerate(python) if regex.fullmatch(line)]
        assert matcher.matches(line) == expected, line
        for i in expected:  # the same line with a non-ASCII neighbour here and there
            for at in range(0, len(line) + 1, max(1, len(line) // 12)):
                for char in NEIGHBOURS:
                    variant = line[:at] + char + line[at:]
                    assert ours[i].fullmatch(variant) == bool(python[i].fullmatch(variant)), (
                        found[i][0], variant)
    assert any(matcher.matches(line) for line in lines) or not found


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_pack_regexes_compile_in_full(path):
    for name in ("strip_before", "strip_after", "strip_line", "keep_line"):
        for rule in book().files[path.stem].rules.get(name):
            rule.value.check()  # raises if RE2 cannot take the exact form
            assert not rule.value.notes, rule.source  # \b: write the neighbour out
