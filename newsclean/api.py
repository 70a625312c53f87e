"""The library entry point: clean(data) -> Article."""
from __future__ import annotations

from collections.abc import Sequence

from . import from_html, from_text, sniff
from .article import Article
from .sniff import Kind

INPUT_TYPES = ("auto", "html", "text")


def clean(data: bytes | str, *, url: str | None = None, input_type: str = "auto",
          rules_dirs: Sequence[str] = ()) -> Article:
    """Return the article in `data` (an HTML page or a text scrape) without boilerplate.

    `input_type` is "auto", "html" or "text". Raises InputError for binary, empty or
    undecodable input and NothingExtracted when no article is found (both NewscleanError).
    """
    if input_type not in INPUT_TYPES:
        raise ValueError(f"input_type must be one of {INPUT_TYPES}, not {input_type!r}")
    doc = sniff.decode(data, url=url, kind=input_type)
    if doc.kind is Kind.HTML:
        return from_html.extract(doc)
    return from_text.extract(doc)
