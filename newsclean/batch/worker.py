"""In the worker: read one page, clean it, render it, write it whole; every failure becomes a
Done that says why (an internal error keeps its traceback for --debug)."""
from __future__ import annotations

import os
import traceback
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass

from ..article import Article
from ..boilerplate import page_keys, site_key
from ..errors import NewscleanError, NothingExtracted
from ..files import printable, same_bytes, write_atomic
from ..render import Format, render
from .jsonl import record
from .model import Job, Status


@dataclass(frozen=True)
class Settings:
    """What every worker needs, fixed for a run."""

    clean: Callable[..., Article]
    fmt: Format
    front_matter: bool
    input_type: str
    rules_dirs: tuple[str, ...]
    records: bool  # make a JSONL line per page
    learn: bool  # first pass: return the article and its line keys, write nothing
    temp_tag: str = ""  # in temporary file names: a shard's, so it clears only its own


@dataclass(frozen=True)
class Done:
    """A worker's answer for one Job."""

    status: Status
    error: str | None = None
    rules: tuple[str, ...] = ()
    bytes_out: int = 0
    line: bytes | None = None  # the JSONL record
    article: Article | None = None  # learning's first pass
    keys: frozenset[bytes] = frozenset()  # learning's first pass: the page's line keys
    site: str = ""  # ... and the site it counts for
    dropped: int = 0
    detail: str | None = None


def process_job(settings: Settings, job: Job) -> Done:
    """Read, clean and deliver one page; every failure becomes a Done that says why."""
    data: bytes | str
    if job.payload is not None:
        data = job.payload
    else:
        try:
            with open(job.path, "rb") as handle:
                data = handle.read()
        except OSError as err:
            return failed(settings, job, Status.FAILED, read_message(err))
    extra = {"charset": job.charset} if job.charset else {}
    try:
        article = settings.clean(data, url=job.url, input_type=job.page_type or settings.input_type,
                                 rules_dirs=settings.rules_dirs, **extra)
    except NothingExtracted as err:
        return failed(settings, job, Status.EMPTY, empty_message(str(err), job.source))
    except NewscleanError as err:
        return failed(settings, job, Status.FAILED, str(err))
    except Exception as err:  # a bug: the batch goes on, the traceback is kept for --debug
        return failed(settings, job, Status.FAILED, f"internal error ({type(err).__name__}: {err}); "
                      "please report it with this file (--debug shows the traceback)",
                      traceback.format_exc())
    if settings.learn:
        return Done(Status.OK, rules=article.rules, article=article, keys=page_keys(article.text),
                    site=site_key(article, printable(job.folder)))
    return deliver(settings, job, article, keep_same=job.up_to_date)


def deliver(settings: Settings, job: Job, article: Article, *, dropped: int = 0,
            keep_same: bool = False) -> Done:
    """Write the article's file (atomically) and make its JSONL line. With `keep_same`, a file
    that already holds exactly these bytes is left alone (status skipped)."""
    status, written = Status.OK, 0
    if job.target is not None:
        data = render(article, settings.fmt, source=job.source,
                      front_matter=settings.front_matter).encode("utf-8", "surrogatepass")
        if keep_same and same_bytes(job.target, data):
            status = Status.SKIPPED
        else:
            try:
                write_atomic(job.target, data, settings.temp_tag)
            except OSError as err:
                return failed(settings, job, Status.FAILED, f"cannot write {printable(job.target)} "
                              f"({err.strerror or err}); check the output folder")
            written = len(data)
    line = record(job.source, Status.OK, None, article, output(job),
                  page_fields(job)) if settings.records or job.payload is not None else None
    return Done(status, rules=article.rules, bytes_out=written + len(line or b""), line=line,
                dropped=dropped)


def failed(settings: Settings, job: Job, status: Status, error: str, detail: str | None = None) -> Done:
    remove_stale(job)
    line = (record(job.source, status, error, None, job.archive, page_fields(job))
            if settings.records or job.payload is not None else None)
    return Done(status, error, line=line, detail=detail, bytes_out=len(line or b""))


def output(job: Job) -> str | None:
    """The file a record names: the page's own output, or its archive's JSONL."""
    return printable(job.target) if job.target else job.archive


def page_fields(job: Job) -> dict[str, str | None] | None:
    """What an archive's page record adds: where and when the crawler got it."""
    if job.payload is None:
        return None
    return {"url": job.url, "crawl_date": job.crawl_date}


def remove_stale(job: Job) -> None:
    """An output older than its input, which now gives none, no longer says what it holds."""
    if job.target is None:
        return
    with suppress(OSError):
        if os.stat(job.target).st_mtime_ns <= job.mtime_ns:
            os.unlink(job.target)


def read_message(err: OSError) -> str:
    if isinstance(err, FileNotFoundError):
        return "it disappeared before it could be read; rerun to retry"
    if isinstance(err, PermissionError):
        return "permission denied; check the file's permissions"
    return f"cannot read it ({err.strerror or err}); check the file"


def empty_message(message: str, source: str) -> str:
    return message if ";" in message else f"{message}; see why with `newsclean explain {source}`"
