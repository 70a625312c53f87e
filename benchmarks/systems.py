"""The extraction systems the benchmarks compare.

Each system is a function ``(data, request) -> str`` taking a page input as
bytes (HTML or plain text, per ``request.input_type``) and returning the
article text. All run offline: trafilatura gets the URL only as metadata and
never fetches anything.

* ``newsclean``   -- ``newsclean.clean``; its own errors mean "nothing found" (empty).
* ``trafilatura`` -- bare ``trafilatura.extract(include_comments=False)``; on a
  text input, over the text wrapped as one ``<p>`` per blank-line paragraph.
* ``everything``  -- the whole input: trafilatura's ``html2txt`` for HTML, the
  raw text for text inputs (the "keep everything" floor).
* ``justext``     -- jusText with the English stoplist, over the HTML or over the
  text wrapped as one ``<p>`` per blank-line paragraph.
"""

from __future__ import annotations

import html
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml.etree import ParserError

from benchmarks.datasets import read_input

REPO_ROOT = Path(__file__).resolve().parents[1]

HTML_INPUT = "html"
TEXT_INPUT = "text"


@dataclass(frozen=True)
class Request:
    """Everything a system is told about one page besides its bytes."""

    url: str | None
    input_type: str  # HTML_INPUT or TEXT_INPUT
    rules_dirs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Task:
    """One (page, system) run; picklable for worker processes."""

    page_id: str
    system: str
    path: str
    request: Request


@dataclass(frozen=True)
class Outcome:
    """What one task produced."""

    page_id: str
    system: str
    text: str
    seconds: float
    error: str | None = None


Extractor = Callable[[bytes, Request], str]


def ensure_repo_on_path() -> None:
    """Make the repo root importable (for ``newsclean`` and ``benchmarks``)."""
    root = str(REPO_ROOT)
    if root not in sys.path:
        sys.path.insert(0, root)


def newsclean_problem() -> str | None:
    """Why newsclean cannot be imported, or None if it can."""
    ensure_repo_on_path()
    try:
        import newsclean  # noqa: F401
    except Exception as exc:  # any import-time failure makes the system unusable
        return f"{type(exc).__name__}: {exc}"
    return None


def decode(data: bytes) -> str:
    """The datasets are UTF-8; undecodable bytes become U+FFFD."""
    return data.decode("utf-8", errors="replace")


def text_paragraphs(text: str) -> list[str]:
    """Blocks of non-blank lines; whitespace-only lines separate blocks."""
    blocks = re.split(r"\n[^\S\n]*(?:\n[^\S\n]*)+", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [block.strip() for block in blocks if block.strip()]


def paragraphs_as_html(paragraphs: list[str]) -> str:
    """A minimal HTML document with one ``<p>`` per paragraph."""
    body = "".join(f"<p>{html.escape(p, quote=False)}</p>\n" for p in paragraphs)
    head = '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head>'
    return f"{head}<body>\n{body}</body></html>"


def run_newsclean(data: bytes, request: Request) -> str:
    ensure_repo_on_path()
    import newsclean

    try:
        article = newsclean.clean(
            data, url=request.url, input_type=request.input_type, rules_dirs=request.rules_dirs
        )
    except newsclean.NewscleanError:
        return ""
    return article.text or ""


def run_trafilatura(data: bytes, request: Request) -> str:
    import trafilatura

    markup = decode(data)
    if request.input_type == TEXT_INPUT:
        markup = paragraphs_as_html(text_paragraphs(markup))
    return trafilatura.extract(markup, url=request.url, include_comments=False) or ""


def clean_seconds(pages: list[tuple[str, bytes]], input_type: str) -> float:
    """CPU seconds newsclean.clean spends on each (url, bytes) page in turn (the newsclean
    already imported: a profile script's checkout); a page with no article counts as cleaned."""
    import time

    import newsclean

    start = time.process_time()
    for url, data in pages:
        try:
            newsclean.clean(data, url=url, input_type=input_type)
        except newsclean.NewscleanError:
            pass
    return time.process_time() - start


def bare_seconds(pages: list[tuple[str, bytes]]) -> float:
    """CPU seconds bare trafilatura (include_comments=False) spends on each (url, HTML bytes)
    page in turn: the same-run yardstick of the profile scripts."""
    import time

    import trafilatura

    start = time.process_time()
    for url, data in pages:
        trafilatura.extract(data.decode("utf-8", "replace"), url=url, include_comments=False)
    return time.process_time() - start


def run_everything(data: bytes, request: Request) -> str:
    if request.input_type == TEXT_INPUT:
        return decode(data)
    import trafilatura

    return trafilatura.html2txt(decode(data)) or ""


def run_justext(data: bytes, request: Request) -> str:
    import justext

    if request.input_type == TEXT_INPUT:
        paragraphs = text_paragraphs(decode(data))
        if not paragraphs:
            return ""
        markup: bytes | str = paragraphs_as_html(paragraphs)
    else:
        markup = data
    try:
        found = justext.justext(markup, _english_stoplist())
    except ParserError:  # lxml found no document at all: nothing to keep
        return ""
    return "\n\n".join(p.text for p in found if not p.is_boilerplate)


@lru_cache(maxsize=1)
def _english_stoplist() -> frozenset[str]:
    import justext

    return frozenset(justext.get_stoplist("English"))


EXTRACTORS: dict[str, Extractor] = {
    "newsclean": run_newsclean,
    "trafilatura": run_trafilatura,
    "everything": run_everything,
    "justext": run_justext,
}


def run_task(task: Task) -> Outcome:
    """Read the input, run the system, time the call; errors give empty text."""
    data = read_input(task.path)
    extractor = EXTRACTORS[task.system]
    start = time.perf_counter()
    try:
        text = extractor(data, task.request)
        error = None
    except Exception as exc:  # a crash counts as empty output, and is reported
        text, error = "", f"{type(exc).__name__}: {exc}"
    return Outcome(task.page_id, task.system, text, time.perf_counter() - start, error)
