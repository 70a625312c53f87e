"""Atheris harness: the text path gives back what it would accept again, unchanged. Any bytes
are cleaned as a text scrape; when an article comes out, cleaning its text again must give the
same text (no NothingExtracted, no change), and anything raised but a NewscleanError is a crash.

Under the same rules, that is. A text scrape's site rules come from a text fingerprint, which
cleaning usually drops with the furniture that holds it; the article's text is then read again
under global.txt alone, and must come back the same. When the text holds another rule file's
fingerprint, that file's rules apply the second time (a page spliced from two sites' pages does
that), and the article is checked under its first rules instead.

    python fuzz/make_corpus.py
    python fuzz/fuzz_settle.py fuzz/corpus/settle -max_len=32768 -timeout=20 -rss_limit_mb=2048
"""
from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["newsclean"]):
    import newsclean
    from newsclean import sniff, text
    from newsclean.rules import RuleBook

BOOK = RuleBook.load()


def test_one_input(data: bytes) -> None:
    try:
        article = newsclean.clean(data, input_type="text")
    except newsclean.NewscleanError:
        return
    try:
        again = newsclean.clean(article.text, input_type="text")
        if again.rules != article.rules:  # another file's fingerprint: read under the first rules
            site = BOOK.for_document(sniff.decode(data, kind=sniff.InputType.TEXT)).rules
            again = text.extract(sniff.decode(article.text, kind=sniff.InputType.TEXT), site)
    except newsclean.NothingExtracted:
        raise AssertionError(f"the cleaned text is no article alone: {article.text[:300]!r}") from None
    assert again.text == article.text, (
        f"cleaning again changed the text:\n{article.text[:300]!r}\n{again.text[:300]!r}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
