"""What callers of a batch pass in and get back (Options; Outcome, Counted;
Summary), and the Job a worker is handed."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from ..boilerplate import MIN_PAGES, SHARE
from ..render import Format
from .pool import MAX_TASKS


class Status(str, Enum):
    OK = "ok"
    FAILED = "failed"
    EMPTY = "empty"  # read fine, but no article in it (NothingExtracted)
    SKIPPED = "skipped"  # output already up to date, or not an input (a symlink loop)


@dataclass(frozen=True)
class Outcome:
    """What happened to one input. `error` reads "what happened; what to try"."""

    source: str  # the input's path as the user named it, printable
    status: Status
    error: str | None = None
    output: str | None = None  # the file written (or kept, when skipped)
    rules: tuple[str, ...] = ()
    bytes_in: int = 0
    bytes_out: int = 0
    dropped: int = 0  # boilerplate lines learned across pages and removed
    detail: str | None = None  # the traceback of an internal error (for --debug)
    reused: bool = False  # its line in the previous run's JSONL file is kept as it is


@dataclass(frozen=True)
class Counted:
    """Learning's first pass has cleaned and counted this page (for progress displays)."""

    source: str


@dataclass(frozen=True)
class Learning:
    share: float = SHARE  # drop a line found on more than this share of a site's pages
    min_pages: int = MIN_PAGES  # ... of a site with at least this many pages


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


@dataclass(frozen=True)
class Options:
    out_dir: Path | None = None  # one file per input, same relative path, new suffix
    jsonl: Path | None = None  # one line per input, in input order
    fmt: Format = Format.MARKDOWN
    front_matter: bool = True
    input_type: str = "auto"
    rules_dirs: tuple[str, ...] = ()
    include: tuple[str, ...] = ()  # globs; default: DEFAULT_SUFFIXES and their .gz forms
    exclude: tuple[str, ...] = ()
    jobs: int = field(default_factory=cpu_count)
    timeout: float | None = 30.0  # seconds per file; None: no limit
    force: bool = False  # redo inputs whose output is up to date
    learning: Learning | None = None
    max_tasks: int = MAX_TASKS  # files per worker before it is replaced (0: never)


@dataclass
class Summary:
    """Counts of a run, added up Outcome by Outcome."""

    ok: int = 0
    failed: int = 0
    empty: int = 0
    skipped: int = 0
    bytes_in: int = 0
    bytes_out: int = 0

    def add(self, outcome: Outcome) -> None:
        name = outcome.status.value
        setattr(self, name, getattr(self, name) + 1)
        self.bytes_in += outcome.bytes_in
        self.bytes_out += outcome.bytes_out

    @property
    def total(self) -> int:
        return self.ok + self.failed + self.empty + self.skipped


@dataclass(frozen=True)
class Job:
    """One file for a worker: read `path`, write `target` (if any)."""

    path: str
    source: str
    folder: str
    target: str | None
    size: int
    mtime_ns: int
