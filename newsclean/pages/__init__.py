"""Pages out of files that hold many: web archives (WARC, WET) and JSON-lines dumps.

    for item in read_pages("crawl.warc.gz"):      # or read_warc / read_records
        if isinstance(item, Page):
            article = clean_page(item)            # clean(), with the page's URL, type, charset
        elif isinstance(item, Skipped):
            skips[item.reason] += 1               # a request, a redirect, an image: no failure
        else:                                     # Problem: one bad line of a dump
            print(item)                           # "dump.jsonl:12: not JSON (...)"

Each reader is a generator over one file, in file order. A file that is damaged partway (cut
short, garbage inside) gives everything before the damage and then raises DamagedArchive, an
InputError whose `items` counts what was read; a file that is no archive at all raises
InputError before giving anything. WARC reading needs warcio (`pip install 'newsclean[warc]'`;
MissingExtra without it); the core of newsclean never imports it.
"""
from __future__ import annotations

import os
from collections.abc import Iterator, Sequence

from ..api import clean
from ..article import Article
from ..errors import InputError
from .model import Page, Problem, Skipped, SkipReason
from .records import read_records
from .warc import read_warc

# file names each reader takes, with or without .gz (WET: CC-MAIN-....warc.wet.gz)
WARC_SUFFIXES = (".warc", ".wet", ".arc")
RECORD_SUFFIXES = (".jsonl", ".ndjson")

__all__ = ["Page", "Skipped", "SkipReason", "Problem", "read_pages", "read_warc", "read_records",
           "clean_page", "is_page_file"]


def is_page_file(path: str | os.PathLike[str]) -> bool:
    """Whether the name is one `read_pages` takes: .warc, .wet, .arc, .jsonl, .ndjson (+ .gz)."""
    name = os.fspath(path).lower().removesuffix(".gz")
    return name.endswith(WARC_SUFFIXES + RECORD_SUFFIXES)


def read_pages(path: str | os.PathLike[str], **fields: str) -> Iterator[Page | Skipped | Problem]:
    """The pages of a WARC/WET file or a JSON-lines dump, by its name; `fields` go to
    read_records (html_field=, text_field=, url_field=, id_field=). Raises InputError for a
    name that is neither, else as the reader does."""
    name = os.fspath(path).lower().removesuffix(".gz")
    if name.endswith(WARC_SUFFIXES):
        return read_warc(path)
    if name.endswith(RECORD_SUFFIXES):
        return read_records(path, **fields)
    raise InputError("not a page archive by its name; give a .warc, .warc.gz, .warc.wet.gz, "
                     ".jsonl or .jsonl.gz file")


def clean_page(page: Page, *, rules_dirs: Sequence[str] = ()) -> Article:
    """newsclean.clean() for a page: its URL, input type and HTTP charset go along. Raises as
    clean() does."""
    return clean(page.data, url=page.url, input_type=page.input_type, rules_dirs=rules_dirs,
                 charset=page.charset)
