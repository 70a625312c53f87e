"""The library entry point: clean(data) -> Article."""
from __future__ import annotations

from collections.abc import Sequence

from . import sniff
from . import text as from_text
from .article import Article
from .errors import NothingExtracted
from .trace import Recorder, Step, squeeze
from .rules import RuleBook, SiteRules, host_of
from .sniff import Kind

INPUT_TYPES = ("auto", "html", "text")


def clean(data: bytes | str, *, url: str | None = None, input_type: str = "auto",
          rules_dirs: Sequence[str] = ()) -> Article:
    """Return the article in `data` (an HTML page or a text scrape) without boilerplate.

    `input_type` is "auto", "html" or "text". `rules_dirs` are folders of site rule files
    (FiveFilters format), over the built-in pack. Raises InputError for binary, empty or
    undecodable input, NothingExtracted when no article is found, and RuleError for a
    rules folder that does not exist (all NewscleanError).
    """
    if input_type not in INPUT_TYPES:
        raise ValueError(f"input_type must be one of {INPUT_TYPES}, not {input_type!r}")
    doc = sniff.decode(data, url=url, kind=input_type)
    site = choose_rules(doc, RuleBook.load(rules_dirs))
    if doc.kind is Kind.HTML:
        from . import from_html  # trafilatura and lxml.html: not loaded for text scrapes

        return from_html.extract(doc, site)
    return from_text.extract(doc, site)


def explain(data: bytes | str, *, url: str | None = None, input_type: str = "auto",
            rules_dirs: Sequence[str] = ()) -> tuple[Article | None, list[Step], str | None]:
    """Clean `data` and say, block by block in page order, what was kept and why the rest was
    dropped. Returns (article or None, steps, the NewscleanError message or None); raises
    NewscleanError only for input that cannot be read at all."""
    doc = sniff.decode(data, url=url, kind=input_type)
    site = choose_rules(doc, RuleBook.load(rules_dirs))
    recorder, page_blocks = Recorder(), []  # type: tuple[Recorder, list[str]]
    if doc.kind is Kind.HTML:
        from . import from_html
    path = from_html if doc.kind is Kind.HTML else from_text
    try:
        article, error = path.extract(doc, site, recorder, page_blocks), None
    except NothingExtracted as err:
        article, error = None, str(err)
    output = squeeze(article.text) if article else ""
    default = ("not the main content (trafilatura)" if doc.kind is Kind.HTML
               else "not article text")
    steps = []
    for text in page_blocks:
        key = squeeze(text)
        if article and key == squeeze(article.title or ""):
            steps.append(Step(text, True, "the title"))
        elif key in recorder.reasons:
            steps.append(Step(text, False, recorder.reasons[key]))
        elif article and key and key in output:
            steps.append(Step(text, True, "article text"))
        else:
            steps.append(Step(text, False, default))
    return article, steps, error


def choose_rules(doc: sniff.Document, book: RuleBook) -> SiteRules | None:
    """The page's site rules: by host when the URL is known, else (text scrapes) by the
    fingerprint a rule file names; global.txt alone when neither finds a file."""
    host = host_of(doc.url)
    if host and book.file_for_host(host):
        return book.for_host(host)
    if doc.kind is Kind.TEXT:
        return book.for_text(doc.text) or book.global_rules
    return book.global_rules
