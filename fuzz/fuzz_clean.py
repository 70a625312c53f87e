"""Atheris harness: any bytes through `newsclean.clean`, with each input type and sometimes a URL
(which picks a site's rule file). Anything raised but a NewscleanError is a crash, and so is an
Article that breaks its contract (no text, JSON that does not read back, text UTF-8 cannot
write).

    python fuzz/make_corpus.py                       # seeds from samples/ and the rule pages
    python fuzz/fuzz_clean.py fuzz/corpus/clean -max_len=32768 -timeout=20 -rss_limit_mb=2048

The first byte of an input is the control byte (input type and URL); the rest is the page.
"""
from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["newsclean"]):
    import newsclean
    from newsclean import from_html  # noqa: F401  clean() imports it lazily: instrument it now

INPUT_TYPES = ("auto", "html", "text")
# None most often; hosts that have built-in rule files (XPath and line rules run); and URLs
# that are no URL at all
URLS = (None, None, "https://www.bbc.com/news/articles/c1", "https://www.dw.com/en/a/a-1",
        "https://apnews.com/article/x", "http://example.com/a", "example.org", "http://[::1",
        "https://", "file:///etc/passwd", "https://xn--nxasmq6b.com/\u00e9")


def control(byte: int) -> tuple[str, str | None]:
    """The input type and URL a control byte stands for."""
    return INPUT_TYPES[byte % len(INPUT_TYPES)], URLS[(byte // len(INPUT_TYPES)) % len(URLS)]


def check(article: newsclean.Article) -> None:
    """What every Article must be, whatever the page."""
    assert isinstance(article.text, str) and article.text.strip(), "an article with no text"
    assert article.markdown.strip(), "an article with no Markdown"
    assert newsclean.Article.from_json(article.to_json(source="-")) == article, "JSON round trip"
    article.to_json().encode("utf-8")  # decoded bytes never hold what UTF-8 cannot write
    article.to_markdown().encode("utf-8")


def test_one_input(data: bytes) -> None:
    if not data:
        return
    input_type, url = control(data[0])
    try:
        article = newsclean.clean(data[1:], url=url, input_type=input_type)
    except newsclean.NewscleanError as err:
        assert str(err).strip(), "an error with no message"
        return
    check(article)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
