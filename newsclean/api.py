"""The library entry point: clean(data) -> Article; explain(data) -> Explanation."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from . import sniff, text
from .article import Article
from .errors import NothingExtracted
from .prose import unspaced
from .rules import RuleBook
from .sniff import MAX_BYTES, InputType, Kind
from .trace import FieldSource, Recorder, Step


def clean(data: bytes | str, *, url: str | None = None, input_type: InputType | str = InputType.AUTO,
          rules_dirs: Sequence[str] = (), charset: str | None = None,
          max_bytes: int = MAX_BYTES, links: bool = False, images: bool = False,
          allow_empty: bool = False) -> Article:
    """Return the article in `data` (an HTML page or a text scrape) without boilerplate.

    `input_type` is an InputType or its value ("auto", "html", "text"). `charset` is the one
    the HTTP Content-Type header named, if known: it decodes bytes before the page's own
    <meta charset>, as in a browser (a byte order mark still comes first). `rules_dirs` are
    folders of site rule files (FiveFilters format), over the built-in pack. Raises InputError
    for binary, empty or undecodable input, or input over `max_bytes` (50 MB; str: characters)
    as given or once gunzipped, NothingExtracted when no article is found, and
    RuleError for a rules folder that does not exist (all NewscleanError); ValueError for an
    unknown `input_type`. A NothingExtracted carries what was found all the same as `.article`
    (empty `text` and `markdown`, confidence 0, the title, authors, date... the page gave); with
    `allow_empty=True` that Article is returned instead of raising.

    With `links`, the Markdown keeps the article's links as `[text](url)`, made absolute with
    `url` (or the page's <base href>; with neither they stay as the page wrote them); with
    `images`, its pictures as `![alt](src)` lines where they stand. `text` never carries
    either. A text scrape keeps the links and images its own Markdown marks (html2text).
    """
    doc = sniff.decode(data, url=url, kind=InputType.parse(input_type), charset=charset,
                       max_bytes=max_bytes)
    site = RuleBook.load(rules_dirs).for_document(doc).rules
    try:
        return extractor(doc.kind)(doc, site, links=links, images=images)
    except NothingExtracted as err:
        if err.article is None:  # the path found no metadata either: the page's URL and kind
            err.article = Article(text="", markdown="", url=doc.url, kind=doc.kind, confidence=0.0,
                                  rules=site.sources if site else ())
        if allow_empty:
            return err.article
        raise


def extractor(kind: Kind) -> Callable[..., Article]:
    """The path that reads a Document of this kind: `extract(doc, site, note, page_blocks, *,
    links, images)`."""
    if kind is Kind.HTML:
        from . import from_html  # trafilatura and lxml.html: not loaded for text scrapes

        return from_html.extract
    return text.extract


@dataclass(frozen=True)
class Explanation:
    """What `explain` found: the article (None when there is none), every block of the page
    in order with why it was kept or dropped, the NothingExtracted message, if any, and where
    the title, authors and date came from (`sources`; the HTML path's, for now)."""

    article: Article | None
    steps: tuple[Step, ...]
    error: str | None = None
    sources: tuple[FieldSource, ...] = ()


def explain(data: bytes | str, *, url: str | None = None, input_type: InputType | str = InputType.AUTO,
            rules_dirs: Sequence[str] = (), max_bytes: int = MAX_BYTES) -> Explanation:
    """Clean `data` and say, block by block in page order, what was kept and why the rest was
    dropped. Raises NewscleanError only for input that cannot be read at all (or is over
    `max_bytes`, as in `clean`)."""
    doc = sniff.decode(data, url=url, kind=InputType.parse(input_type), max_bytes=max_bytes)
    site = RuleBook.load(rules_dirs).for_document(doc).rules
    recorder, page_blocks = Recorder(), []  # type: tuple[Recorder, list[str]]
    article: Article | None
    try:
        article, error = extractor(doc.kind)(doc, site, recorder, page_blocks), None
    except NothingExtracted as err:
        article, error = None, str(err)
    output = unspaced(article.text) if article else ""
    default = ("not the main content (trafilatura)" if doc.kind is Kind.HTML
               else "not article text")
    steps = []
    for block in page_blocks:
        key = unspaced(block)
        if article and key == unspaced(article.title or ""):
            steps.append(Step(block, True, "the title"))
        elif key in recorder.reasons:
            steps.append(Step(block, False, recorder.reasons[key]))
        elif article and key and key in output:
            steps.append(Step(block, True, "article text"))
        else:
            steps.append(Step(block, False, default))
    return Explanation(article, tuple(steps), error, tuple(recorder.fields.values()))
