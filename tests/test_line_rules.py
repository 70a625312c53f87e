"""Site line directives on both paths: they read the page's lines before the generic furniture
patterns do (a marker a pattern would take still fires), the neighbour directives
(strip_previous_line, strip_next_line), keep_line over the patterns, and the lines of a
<br>-laid HTML paragraph read one by one."""
from __future__ import annotations

from pathlib import Path

import pytest

import newsclean
from newsclean.rules import line_verdicts, load_book, parse_rule_text

URL = "https://www.valleyherald.example/news/ferry-fares"
STORY = (
    "The ferry company said on Monday that fares on the island route would rise by a tenth in "
    "April, the second increase in a year, blaming the cost of fuel and of repairs to its pier.",
    "Islanders who cross each day to work on the mainland said the rise would cost them more "
    "than two hundred pounds a year, and asked the council to step in with a season ticket.",
    "A spokesman for the council said it was studying the request but could not promise any "
    "money before its budget is set, which is not due to happen until the end of March.",
)
TEASER = ("Harbour master retires after forty years on the quay, and says the old boats were "
          "the best ones he ever saw come in and out of the harbour.")
MARKER = "More from the Valley Herald"


def write_rules(folder: Path, text: str) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "valleyherald.example.txt").write_text(
        "text_fingerprint: The Valley Herald, since 1888\n" + text, encoding="utf-8")
    load_book.cache_clear()
    return [str(folder)]


def html_page(middle: str = "", after: str = "") -> str:
    first, second, third = (f"<p>{p}</p>" for p in STORY)
    return (f"<html><head><title>Ferry fares to rise</title></head><body><article>"
            f"<h1>Ferry fares to rise</h1>{first}{second}{middle}{third}{after}</article></body></html>")


def text_page(middle: str = "", after: str = "") -> str:
    return ("The Valley Herald, since 1888\n\nFerry fares to rise\n\n" + "\n\n".join(STORY[:2])
            + "\n\n" + middle + "\n\n" + STORY[2] + "\n\n" + after + "\n")


def both(page_html: str, page_text: str, rules: list[str]) -> list[newsclean.Article]:
    return [newsclean.clean(page_html, url=URL, rules_dirs=rules),
            newsclean.clean(page_text, input_type="text", rules_dirs=rules)]


def test_strip_after_fires_on_a_marker_a_related_pattern_would_take(tmp_path):
    rules = write_rules(tmp_path, f"strip_after: ^{MARKER}$\n")
    html = html_page(after=f"<p>{MARKER}</p><p>{TEASER}</p>")
    text = text_page(after=f"{MARKER}\n\n{TEASER}")
    for article in both(html, text, rules):
        assert "ferry company" in article.text and "Harbour master" not in article.text, article.kind
        assert MARKER not in article.text


def test_a_caption_is_dropped_above_its_credit_line(tmp_path):
    caption = "The island ferry leaves the pier at Kilbrannan on a grey morning in March"
    credit = "Picture by Morag Dunn for the Valley Herald"
    rules = write_rules(tmp_path, "strip_previous_line: ^Picture by .*$\n")
    html = html_page(middle=f"<p>{caption}</p><p>{credit}</p>")
    text = text_page(middle=f"{caption}\n\n{credit}")
    for article in both(html, text, rules):
        assert "grey morning" not in article.text and "Picture by" not in article.text, article.kind
        assert all(p in article.text for p in STORY), article.kind


def test_the_line_after_a_marker_goes_with_it_and_cleaning_again_moves_nothing(tmp_path):
    label = "Watch: the crossing in a storm"
    marker = "Video of the day, filmed from the island ferry by our readers this week."
    rules = write_rules(tmp_path, f"strip_next_line: ^{marker}$\n")
    html = html_page(middle=f"<p>{marker}</p><p>{label}</p>")
    text = text_page(middle=f"{marker}\n\n{label}")
    for article in both(html, text, rules):
        assert "crossing in a storm" not in article.text and "Video of the day" not in article.text
        assert all(p in article.text for p in STORY), article.kind
        again = newsclean.clean(article.text, input_type="text", rules_dirs=rules)
        assert again.text == article.text  # the marker is gone: nothing more to take


def test_keep_line_wins_over_a_furniture_pattern_on_the_html_path(tmp_path):
    page = html_page(middle="<p>Advertisement</p>")
    assert "Advertisement" not in newsclean.clean(page, url=URL).text  # a pattern takes it...
    rules = write_rules(tmp_path, "keep_line: ^Advertisement$\n")
    assert "Advertisement" in newsclean.clean(page, url=URL, rules_dirs=rules).text  # ...unless kept


def test_line_rules_read_each_line_of_a_br_laid_paragraph(tmp_path):
    # one <p> holds the story, its paragraphs split by <br><br>, an ad cell nested in it
    body = "<br><br>".join(STORY[:2]) + ("<br><br><table><tr><td>ADVERTISEMENT</td></tr></table>"
                                         f"{STORY[2]}<br><br>Sponsored by Kilbrannan Ferries")
    page = (f"<html><head><title>Ferry fares to rise</title></head><body><article>"
            f"<h1>Ferry fares to rise</h1><p>{body}</p></article></body></html>")
    plain = newsclean.clean(page, url=URL)
    assert "ADVERTISEMENT" not in plain.text  # the cell is a line of its own, and furniture
    assert all(p in plain.text for p in STORY)  # the text after the cell is not lost
    rules = write_rules(tmp_path, "strip_line: ^Sponsored by .*$\n")
    article = newsclean.clean(page, url=URL, rules_dirs=rules)
    assert "Sponsored" not in article.text and all(p in article.text for p in STORY)
    assert article.text.count("\n") == len(STORY) - 1  # three paragraphs, three lines


@pytest.mark.parametrize(("rules", "kept"), [
    ("strip_previous_line: ^Credit$", ["a", "c", "d"]),
    ("strip_next_line: ^Credit$", ["a", "b", "d"]),
    ("strip_next_line: ^Credit$\nkeep_line: ^(c|Credit)$", ["a", "b", "Credit", "c", "d"]),
    ("strip_previous_line: ^a$", ["b", "Credit", "c", "d"]),  # nothing before the first
    ("strip_next_line: ^(a|c)$", ["Credit"]),  # every match, not the first
])
def test_neighbour_directives_drop_the_line_beside_each_match(rules, kept):
    site = parse_rule_text(rules, "x.com.txt", "x.com").rules
    lines = ["a", "b", "Credit", "c", "d"]
    verdicts = line_verdicts(lines, site)
    assert [line for line, v in zip(lines, verdicts) if v is None or v.keep] == kept
    assert all(v.line_rule for v in verdicts if v is not None)  # lines named, not a cut


def test_a_misspelt_neighbour_directive_is_named(tmp_path):
    found = parse_rule_text("strip_nextline: ^Credit$\nstrip_previous_line: (a+)+$\n", "x.com.txt")
    assert [p.message for p in found.problems] == [
        "unknown directive 'strip_nextline' (did you mean 'strip_next_line'?)"]


def test_rules_lint_takes_the_neighbour_directives_and_checks_their_regexes(tmp_path):
    from typer.testing import CliRunner

    from newsclean.cli import app

    rules = tmp_path / "valleyherald.example.txt"
    rules.write_text("strip_previous_line: ^Picture by .*$\nstrip_next_line: ^Video of the day$\n"
                     "strip_next_line: (\\w+)\\1\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["rules", "lint", str(rules)])
    assert result.exit_code == 1
    assert [line.split(": ", 1)[0] for line in result.stdout.splitlines()] == [f"{rules}:3"]
    assert "bad regex for 'strip_next_line'" in result.stdout
