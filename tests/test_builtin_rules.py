"""The built-in rule pack: every file parses cleanly, and each site's own sample pages (in
newsclean/rules/pages/<host>/) come out with the article and without the furniture listed in
absent.txt, by URL for page.html and by text fingerprint alone for page.txt."""
from __future__ import annotations

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
