"""In the worker: read one page, clean it, render it, write it whole; every failure becomes a
Done that says why (an internal error keeps its traceback for --debug)."""
from __future__ import annotations

import os
import stat
import traceback
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass

from ..article import Article
from ..boilerplate import page_keys, site_key
from ..errors import NewscleanError, NothingExtracted
from ..files import printable, same_bytes, write_atomic, write_problem
from ..render import Format, render
from ..sniff import check_size
from .inputs import GONE, file_kind
from .jsonl import record
from .model import Job, Status

CHANGED = ("it changed while it was being cleaned, so its output is from the version read; "
           "the next run cleans it again")


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
    max_bytes: int  # the most read of one file (and inflated from it)
    temp_tag: str = ""  # in temporary file names: a shard's, so it clears only its own
    links: bool = False  # passed to `clean` only when set: a caller's own function need not know them
    images: bool = False
    min_confidence: float | None = None  # an article rated below it is low_confidence


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
    errno: int = 0  # why its output could not be written (see files.NO_ROOM)
    made: tuple[int, int] | None = None  # the output file's size and mtime_ns, once in place


def process_job(settings: Settings, job: Job) -> Done:
    """Read, clean and deliver one page; every failure becomes a Done that says why."""
    data: bytes | str
    try:
        data = job.payload if job.payload is not None else read_input(job.path, settings.max_bytes)
    except NotAFile as err:
        return failed(settings, job, Status.FAILED, f"it became {err} during the run; "
                      "newsclean reads files only")
    except OSError as err:
        return failed(settings, job, Status.FAILED, read_message(err))
    except NewscleanError as err:
        return failed(settings, job, Status.FAILED, str(err))
    extra: dict[str, str | bool] = {"charset": job.charset} if job.charset else {}
    extra.update({name: True for name in ("links", "images") if getattr(settings, name)})
    try:
        article = settings.clean(data, url=job.url, input_type=job.page_type or settings.input_type,
                                 rules_dirs=settings.rules_dirs, max_bytes=settings.max_bytes, **extra)
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
    that already holds exactly these bytes is left alone (status skipped). An article rated
    below the run's --min-confidence is written all the same, its status low_confidence."""
    verdict = Status.OK
    if settings.min_confidence is not None and (article.confidence or 0.0) < settings.min_confidence:
        verdict = Status.LOW_CONFIDENCE
    status, written, made = verdict, 0, None
    if job.target is not None:
        data = render(article, settings.fmt, source=job.source,
                      front_matter=settings.front_matter).encode("utf-8", "surrogatepass")
        if keep_same and same_bytes(job.target, data):
            status = Status.SKIPPED
        else:
            try:
                write_atomic(job.target, data, settings.temp_tag)
            except OSError as err:
                what, hint = write_problem(err)
                return failed(settings, job, Status.FAILED, f"cannot write {printable(job.target)}: "
                              f"{what}; {hint}", errno=err.errno or 0)
            written = len(data)
        with suppress(OSError):
            info = os.stat(job.target)
            if info.st_size == len(data):  # the file just written or compared, not a newer one
                made = (info.st_size, info.st_mtime_ns)
    line = record(job.source, verdict, None, article, output(job),
                  page_fields(job)) if settings.records or job.payload is not None else None
    changed = written and job.target is not None and date_back_if_changed(job, job.target)
    return Done(status, CHANGED if changed else None, rules=article.rules,
                bytes_out=written + len(line or b""), line=line, dropped=dropped,
                made=None if changed else made)


class NotAFile(OSError):
    """An input that is no longer a regular file; the message says what it is."""


def read_input(path: str, max_bytes: int) -> bytes:
    """The bytes of a regular file. Raises NotAFile for anything else (never waiting on a FIFO
    put there since the walk), InputError past `max_bytes`, OSError if it cannot be read."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)  # a FIFO would block without
    with open(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotAFile(file_kind(info.st_mode))
        check_size(info.st_size, max_bytes)
        return handle.read(max_bytes + 1)  # a file that grew meanwhile stops here


def date_back_if_changed(job: Job, target: str) -> bool:
    """If the input changed since the walk (so perhaps after it was read), date its fresh output
    back to before both versions, so that the next run sees the input as newer and cleans it
    again; whether it changed. A file written since this look is newer than the output anyway."""
    try:
        now = os.stat(job.path)
    except OSError:  # gone since it was read: there is nothing newer to clean
        return False
    if (now.st_size, now.st_mtime_ns) == (job.size, job.mtime_ns):
        return False
    with suppress(OSError):
        before = max(min(now.st_mtime_ns, job.mtime_ns) - 1, 0)
        os.utime(target, ns=(before, before), follow_symlinks=False)
    return True


def failed(settings: Settings, job: Job, status: Status, error: str, detail: str | None = None,
           errno: int = 0) -> Done:
    remove_stale(job)
    line = (record(job.source, status, error, None, job.archive, page_fields(job))
            if settings.records or job.payload is not None else None)
    return Done(status, error, line=line, detail=detail, bytes_out=len(line or b""), errno=errno)


def output(job: Job) -> str | None:
    """The file a record names: the page's own output, or its archive's JSONL."""
    return printable(job.target) if job.target else job.archive


def page_fields(job: Job) -> dict[str, str | None] | None:
    """What an archive's page record adds: where and when the crawler got it."""
    if job.payload is None:
        return None
    return {"url": job.url, "crawl_date": job.crawl_date}


def remove_stale(job: Job) -> None:
    """An output older than its input, or made with another recipe (`redone`), which now gives
    none, no longer says what it holds."""
    if job.target is None:
        return
    with suppress(OSError):
        if job.redone or os.stat(job.target).st_mtime_ns <= job.mtime_ns:
            os.unlink(job.target)


def read_message(err: OSError) -> str:
    if isinstance(err, FileNotFoundError):
        return GONE
    if isinstance(err, PermissionError):
        return "permission denied; check the file's permissions"
    return f"cannot read it ({err.strerror or err}); check the file"


def empty_message(message: str, source: str) -> str:
    return message if ";" in message else f"{message}; see why with `newsclean explain {source}`"
