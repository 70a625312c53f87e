"""Atheris harness: any bytes as a site rule file, read as `newsclean rules lint` and
`--rules-dir` read one (rules.load_rule_file), then applied to an HTML page and a text scrape
(XPath, replacements, line rules). Anything raised but a NewscleanError is a crash. Slow
regexes in a rule file show as timeouts: rule regexes are for rules.py's own bounds.

    python fuzz/make_corpus.py
    python fuzz/fuzz_rules.py fuzz/corpus/rules -max_len=8192 -timeout=20 -rss_limit_mb=2048
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["newsclean"]):
    from newsclean import NewscleanError, from_html, sniff, text
    from newsclean.rules import RuleBook, load_rule_file

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
PAGES = (("northgazette-council-zoning", "input.html", sniff.InputType.HTML),
         ("w3m-storm-outage", "input.txt", sniff.InputType.TEXT))
# the rule file each input is written to: one folder, used again by every run (libFuzzer ends
# the process without running exit handlers, so a fresh folder a run would be left behind)
FOLDER = Path(tempfile.gettempdir()) / "newsclean-fuzz-rules"
FOLDER.mkdir(exist_ok=True)
RULE_FILE = FOLDER / "example.com.txt"
DOCS = [sniff.decode((SAMPLES / folder / name).read_bytes(), url="https://example.com/a", kind=kind)
        for folder, name, kind in PAGES]
GLOBAL = RuleBook.load().global_rules


def test_one_input(data: bytes) -> None:
    RULE_FILE.write_bytes(data)
    try:
        rule_file = load_rule_file(RULE_FILE)
    except NewscleanError:
        return
    for problem in rule_file.problems:
        assert str(problem).startswith(f"{RULE_FILE}:"), str(problem)
    site = rule_file.rules.merged_over(GLOBAL)
    for doc in DOCS:
        extract = from_html.extract if doc.kind is sniff.Kind.HTML else text.extract
        try:
            extract(doc, site)
        except NewscleanError:
            pass


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
