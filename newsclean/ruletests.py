"""`newsclean rules test`: each rule file's test_url/test_contains against its cached pages."""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from . import api
from .errors import NewscleanError
from .rules import RuleBook, RuleFile

BUILTIN = "builtin:"


@dataclass(frozen=True)
class TestResult:
    key: str
    page: str  # the cached page's path, or "" when there is none
    passed: bool
    detail: str


def pages_folder(rule_file: RuleFile) -> Path:
    """Where a rule file's cached pages live: pages/<host>/ beside the file."""
    if rule_file.path.startswith(BUILTIN):
        return Path(str(resources.files("newsclean") / "rules" / "pages" / rule_file.key))
    return Path(rule_file.path).parent / "pages" / rule_file.key


def run_rule_tests(book: RuleBook, rules_dirs, hosts=()) -> list[TestResult]:
    """Clean each cached page with its rules and check every test_contains."""
    chosen = [f for f in book.all_files() if not hosts or f.key.lstrip(".") in hosts
              or f.key in hosts]
    results = []
    for rule_file in chosen:
        contains = [r.value for r in rule_file.rules.get("test_contains")]
        urls = [r.value for r in rule_file.rules.get("test_url")]
        pages = sorted(pages_folder(rule_file).glob("page.*"))
        if not contains or not pages:
            why = "no test_contains" if not contains else "no cached page in " + str(pages_folder(rule_file))
            results.append(TestResult(rule_file.key, "", False, why))
            continue
        for page in pages:
            results.append(check_page(rule_file, page, urls[0] if urls else None, contains, rules_dirs))
    return results


def check_page(rule_file: RuleFile, page: Path, url, contains, rules_dirs) -> TestResult:
    as_html = page.suffix in (".html", ".htm")
    try:
        article = api.clean(page.read_bytes(), url=url if as_html else None, rules_dirs=rules_dirs)
    except (NewscleanError, OSError) as err:
        return TestResult(rule_file.key, str(page), False, str(err))
    if rule_file.path not in article.rules:
        return TestResult(rule_file.key, str(page), False, "this rule file was not applied"
                          + ("" if as_html else " (no text_fingerprint found in the page)"))
    missing = [c for c in contains if c not in article.text]
    if missing:
        return TestResult(rule_file.key, str(page), False, f"missing: {missing[0][:60]!r}")
    return TestResult(rule_file.key, str(page), True, f"{len(contains)} checks")
