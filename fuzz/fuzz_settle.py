"""Atheris harness: the text path gives back what it would accept again, unchanged. Any bytes
are cleaned as a text scrape; when an article comes out, cleaning its text again must give the
same text (no NothingExtracted, no change), and anything raised but a NewscleanError is a crash.

    python fuzz/make_corpus.py
    python fuzz/fuzz_settle.py fuzz/corpus/settle -max_len=32768 -timeout=20 -rss_limit_mb=2048
"""
from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["newsclean"]):
    import newsclean


def test_one_input(data: bytes) -> None:
    try:
        article = newsclean.clean(data, input_type="text")
    except newsclean.NewscleanError:
        return
    try:
        again = newsclean.clean(article.text, input_type="text")
    except newsclean.NothingExtracted:
        raise AssertionError(f"the cleaned text is no article alone: {article.text[:300]!r}") from None
    assert again.text == article.text, (
        f"cleaning again changed the text:\n{article.text[:300]!r}\n{again.text[:300]!r}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
