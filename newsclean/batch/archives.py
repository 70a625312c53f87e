"""Archives in a batch: a WARC or WET file, or a JSON-lines dump of a scraper, is one input that
holds many pages. It is read in the parent (warcio reads ~2,000 pages/s, a page takes ~20 ms to
clean), and each page becomes a Job of its own for the pool, so --timeout keeps its meaning.

With -o, each archive gives one JSONL file (crawl.warc.gz -> crawl.jsonl), a line per page in
archive order, written to a temporary name and renamed when the archive's last page is done:
resuming works archive by archive, and an up-to-date archive's lines are copied, not cleaned
again. An archive whose file holds failed pages is read again and only those are cleaned; the
other pages' lines are kept. Records that hold no page (requests, revisits, redirects, images)
are counted by reason, never failures; a bad line of a dump is a failure of its own; a file
damaged partway gives the pages before the damage and a failure for the rest.
"""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from typing import BinaryIO

from ..errors import MissingExtra, NewscleanError
from ..files import printable, temp_name
from ..sniff import InputType
from .jsonl import JsonlOut, Previous, reusable
from .model import Job, Outcome, Status

ARCHIVE_SUFFIX = ".jsonl"  # of an archive's output under -o, whatever --format says


def is_archive(path: str) -> bool:
    """Whether this input holds many pages (a .warc, .wet, .jsonl... file, or the same .gz)."""
    from ..pages import is_page_file

    return is_page_file(path)


@dataclass(frozen=True)
class ArchiveJob:
    """An archive to read in the parent: its pages go to workers as Jobs, their JSONL lines to
    `target` (under -o; None without -o)."""

    path: str
    source: str
    folder: str
    target: str | None
    size: int
    mtime_ns: int
    up_to_date: bool = False  # its JSONL under -o is newer: copied, not read
    resume: bool = False  # its JSONL under -o holds failed pages: read, and only those cleaned


@dataclass(frozen=True)
class ArchiveEnd:
    """After an archive's last page: what its records held, and the damage that stopped its
    reading, if any."""

    archive: ArchiveJob
    pages: int = 0
    skipped: tuple[tuple[str, int], ...] = ()  # (reason, count) of records with no page
    error: str | None = None


@dataclass
class ArchiveReport:
    """What one archive gave: yielded by run_batch after the Outcomes of its pages."""

    source: str
    pages: int
    skipped: Counter[str] = field(default_factory=Counter)
    error: str | None = None  # the archive could not be read to its end (its pages before were)
    output: str | None = None


def expand(planned: Iterable[Outcome | Job | ArchiveJob], log: JsonlOut, input_type: str,
           fields: dict[str, str]) -> Iterator[Outcome | Job | ArchiveJob | ArchiveEnd]:
    """The planned inputs with each archive's pages in its place: the ArchiveJob, then an
    Outcome (a bad line; a page whose earlier JSONL line still holds) or a Job per page, then
    its ArchiveEnd."""
    for item in planned:
        yield item
        if isinstance(item, ArchiveJob) and not item.up_to_date:
            yield from pages_of(item, log, input_type, fields)


def pages_of(archive: ArchiveJob, log: JsonlOut, input_type: str,
             fields: dict[str, str]) -> Iterator[Outcome | Job | ArchiveEnd]:
    from ..pages import Page, Problem, read_pages

    pages = 0
    skipped: Counter[str] = Counter()
    output = printable(archive.target) if archive.target else None
    earlier = Previous.open(archive.target) if archive.resume and archive.target else None
    try:
        for found in read_pages(archive.path, **fields):
            if isinstance(found, Page):
                pages += 1
                source = printable(archive.path) + found.source[len(archive.path):]  # path#record
                if archive.target is None and log.active and log.keep(source, archive.mtime_ns, None):
                    yield Outcome(source, Status.SKIPPED, reused=True)
                    continue
                kept = kept_line(earlier, source, output) if earlier is not None else None
                if kept is not None:
                    yield Outcome(source, Status.SKIPPED, output=output, reused=True, kept_line=kept)
                    continue
                chosen = found.input_type.value if found.input_type is not InputType.AUTO else input_type
                yield Job(archive.path, source, archive.folder, None, len(found.data), archive.mtime_ns,
                          url=found.url, payload=found.data, charset=found.charset, page_type=chosen,
                          crawl_date=found.crawl_date, archive=output)
            elif isinstance(found, Problem):
                yield Outcome(f"{printable(archive.path)}#line {found.line}", Status.FAILED,
                              f"{found.message}; fix or remove that line", output=None)
            else:
                skipped[found.reason.value] += 1
    except MissingExtra as err:
        yield ArchiveEnd(archive, pages, tuple(skipped.items()), str(err))
        return
    except (NewscleanError, OSError) as err:
        message = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        hint = ("the pages before it were cleaned; re-download the file to get the rest"
                if pages or skipped else "check that it is a web archive or a JSON-lines file")
        yield ArchiveEnd(archive, pages, tuple(skipped.items()), f"{message}; {hint}")
        return
    finally:
        if earlier is not None:
            earlier.handle.close()
    yield ArchiveEnd(archive, pages, tuple(skipped.items()))


def kept_line(earlier: Previous, source: str, output: str | None) -> bytes | None:
    """A page's line in its archive's earlier JSONL file, if it is a good one (ok or empty, of
    this output): kept as it is, where a failed page is cleaned again."""
    span = earlier.find(source)
    if span is None:
        return None
    line = earlier.read(span)
    return line if reusable(line, source, output) else None


class ArchiveOutput:
    """The JSONL file of the archive being read: written under a temporary name, renamed over
    its target when the archive ends (an archive's pages come in order, the next archive's
    only after its end)."""

    def __init__(self, tag: str = ""):
        self.tag = tag
        self.current: tuple[str, str, BinaryIO] | None = None  # target, temporary name, handle
        self.failed = False  # a page of the current archive failed

    def start(self, archive: ArchiveJob) -> None:
        self.abandon()
        if archive.target is None:
            return
        folder = os.path.dirname(archive.target)
        os.makedirs(folder, exist_ok=True)
        temp = os.path.join(folder, temp_name(self.tag))
        self.current = (archive.target, temp, open(temp, "xb"))
        self.failed = False

    def write(self, line: bytes) -> None:
        if self.current is not None:
            self.current[2].write(line)

    def finish(self) -> tuple[int, int] | None:
        """Put the archive's JSONL in place; its (size, mtime_ns), None without one."""
        if self.current is None:
            return None
        target, temp, handle = self.current
        self.current = None
        handle.close()
        os.replace(temp, target)
        info = os.stat(target)
        return info.st_size, info.st_mtime_ns

    def abandon(self) -> None:
        """A run that stops before an archive's end: its temporary file goes."""
        if self.current is None:
            return
        _, temp, handle = self.current
        self.current = None
        handle.close()
        with suppress(OSError):
            os.unlink(temp)


def copy_lines(target: str, log: JsonlOut) -> int:
    """An up-to-date archive's lines, copied from its output file into the run's JSONL; how many."""
    count = 0
    with open(target, "rb") as handle:
        for line in handle:
            log.write(line)
            count += 1
    return count


def archive_target(out_dir: str | None, rel: tuple[str, ...]) -> str | None:
    """Where an archive's JSONL goes: its output path with the JSONL suffix for the format's."""
    if out_dir is None:
        return None
    stem = os.path.splitext(rel[-1])[0]
    return os.path.join(out_dir, *rel[:-1], stem + ARCHIVE_SUFFIX)
