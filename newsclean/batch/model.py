"""What callers of a batch pass in and get back (Options; Outcome, Counted, LearningReport;
Summary), and the Job a worker is handed."""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from ..boilerplate import MIN_PAGES, SHARE
from ..render import Format
from ..sniff import MAX_BYTES
from .pool import MAX_TASKS

MAX_SITES_SHOWN = 5  # learning report: one summary line per site up to this many, then a count


class Status(str, Enum):
    OK = "ok"
    FAILED = "failed"
    EMPTY = "empty"  # read fine, but no article in it (NothingExtracted)
    SKIPPED = "skipped"  # output already up to date, or not an input (a symlink loop)
    # cleaned and written, but rated below --min-confidence: for review (article.confidence)
    LOW_CONFIDENCE = "low_confidence"


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
    reused: bool = False  # its line in an earlier run's JSONL file is copied as it is
    kept_line: bytes | None = None  # a page's line kept from its archive's earlier JSONL file
    # why its existing output was cleaned again ("--format changed since the last run"), if
    # it was for another reason than a changed input; its status says whether the file changed
    redone: str = ""


@dataclass(frozen=True)
class Counted:
    """Learning's first pass has cleaned and counted this page (for progress displays)."""

    source: str


@dataclass(frozen=True)
class Learning:
    share: float = SHARE  # drop a line found on more than this share of a site's pages
    min_pages: int = MIN_PAGES  # ... of a site with at least this many pages


@dataclass(frozen=True)
class LearnedSite:
    """One site as learning saw it: its cleaned pages, the lines found on more than the share
    of them (first wording, in order of first appearance; none for a site below min_pages)
    and how many pages lost at least one of those lines."""

    site: str  # a host without www., or "folder:PATH" for pages with no URL or rule file
    pages: int
    lines: tuple[str, ...] = ()
    touched: int = 0


@dataclass(frozen=True)
class LearningReport:
    """What --learn-boilerplate learned: yielded by run_batch after the last Outcome."""

    share: float
    min_pages: int
    sites: tuple[LearnedSite, ...] = ()  # every site with a cleaned page, most lines first

    @property
    def learned(self) -> tuple[LearnedSite, ...]:
        return tuple(site for site in self.sites if site.lines)

    def summary_lines(self) -> list[str]:
        """The report in a few lines of text, for the end of a batch's summary."""
        learned = self.learned
        if not learned:
            return [self.nothing_line()]
        lines = [f"learned: {site.site}: {plural(len(site.lines), 'line')} on more than "
                 f"{self.share:.0%} of its {plural(site.pages, 'page')}, dropped from "
                 f"{plural(site.touched, 'page')}" for site in learned[:MAX_SITES_SHOWN]]
        rest = learned[MAX_SITES_SHOWN:]
        if rest:
            lines.append(f"learned: {plural(len(rest), 'more site')}, "
                         f"{plural(sum(len(site.lines) for site in rest), 'line')} dropped from "
                         f"{plural(sum(site.touched for site in rest), 'page')}")
        return lines

    def nothing_line(self) -> str:
        biggest = max(self.sites, key=lambda site: site.pages, default=None)
        if biggest is None or biggest.pages < self.min_pages:
            most = f"; the most pages of one site: {biggest.pages} ({biggest.site})" if biggest else ""
            return (f"learned nothing: no site has {self.min_pages} pages or more "
                    f"(--boilerplate-min-pages){most}")
        return (f"learned nothing: no line repeats on more than {self.share:.0%} of a site's pages "
                "(--boilerplate-share)")


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


@dataclass(frozen=True)
class Shard:
    """`--shard K/N`: this run does inputs K, K+N, K+2N... of the walk (0-based), so N runs
    (a Slurm array, a Kubernetes indexed job, GNU parallel) cover every input exactly once."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """'3/8' -> Shard(3, 8). Raises ValueError with what is wrong."""
        index, slash, count = text.strip().partition("/")
        try:
            shard = cls(int(index), int(count))
        except ValueError:
            raise ValueError(f"{text!r} is not K/N (this shard's number from 0, then how many)"
                             ) from None
        if not slash or shard.count < 1 or not 0 <= shard.index < shard.count:
            raise ValueError(f"{text!r}: K/N needs N of 1 or more and K from 0 to N-1")
        return shard

    @property
    def tag(self) -> str:
        """In the names of what this shard alone writes: its temporary files, its JSONL file."""
        return f"shard-{self.index}-of-{self.count}"

    def takes(self, position: int) -> bool:
        return position % self.count == self.index

    def file_name(self, path: Path) -> Path:
        """Its own JSONL file: records.jsonl -> records.shard-3-of-8.jsonl."""
        return path.with_name(f"{path.stem}.{self.tag}{path.suffix}" if path.suffix
                              else f"{path.name}.{self.tag}")


@dataclass(frozen=True)
class FileList:
    """A --files-from list, read once (it may be standard input): its name for messages, and
    its lines (bytes: paths need not be UTF-8). See lists.listed_inputs for the format."""

    name: str
    lines: tuple[bytes, ...]


@dataclass(frozen=True)
class Options:
    out_dir: Path | None = None  # one file per input, same relative path, new suffix
    jsonl: Path | None = None  # one line per input, in input order
    fmt: Format = Format.MARKDOWN
    front_matter: bool = True
    links: bool = False  # the Markdown keeps the article's links (api.clean's `links`)
    images: bool = False  # ... and its images
    input_type: str = "auto"
    rules_dirs: tuple[str, ...] = ()
    include: tuple[str, ...] = ()  # globs; default: DEFAULT_SUFFIXES and their .gz forms
    exclude: tuple[str, ...] = ()
    jobs: int = field(default_factory=cpu_count)
    timeout: float | None = 30.0  # seconds per file; None: no limit
    max_bytes: int = MAX_BYTES  # a larger file (as read or gunzipped) fails unread
    force: bool = False  # redo inputs whose output is up to date (made by this recipe)
    learning: Learning | None = None
    max_tasks: int = MAX_TASKS  # files per worker before it is replaced (0: never)
    files_from: FileList | None = None  # the inputs, named by a list rather than PATHs
    url_from_path: bool = False  # read each page's URL off its path: host/path (wget -x)
    shard: Shard | None = None  # do only this shard's inputs
    # the keys of a record file's lines (JSON lines dumps): html_field, text_field, url_field, id_field
    record_fields: dict[str, str] = field(default_factory=dict)
    # an article rated below this is still written, with status low_confidence (None: no bar)
    min_confidence: float | None = None


@dataclass
class Summary:
    """Counts of a run, added up Outcome by Outcome (and what learning learned, if it ran)."""

    ok: int = 0
    failed: int = 0
    empty: int = 0
    skipped: int = 0
    low_confidence: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    learned: LearningReport | None = None  # set by the caller from run_batch's last item
    redone: Counter[str] = field(default_factory=Counter)  # Outcome.redone -> how many
    redone_same: Counter[str] = field(default_factory=Counter)  # ... whose bytes came out the same
    archives: int = 0  # web archives and record files read
    no_page: Counter[str] = field(default_factory=Counter)  # their records with no page, by reason

    def add(self, outcome: Outcome) -> None:
        name = outcome.status.value
        setattr(self, name, getattr(self, name) + 1)
        self.bytes_in += outcome.bytes_in
        self.bytes_out += outcome.bytes_out
        if outcome.redone:
            self.redone[outcome.redone] += 1
            if outcome.status is Status.SKIPPED:
                self.redone_same[outcome.redone] += 1

    def redone_lines(self) -> list[str]:
        """Why up-to-date outputs were cleaned again, a line per reason, for the summary:
        `batch: 12 cleaned again: --front-matter changed since the last run; 3 came out the same`."""
        lines = []
        for why, count in self.redone.most_common():
            same = self.redone_same[why]
            lines.append(f"batch: {count} cleaned again: {why}"
                         + (f"; {same} came out the same and were left alone" if same else ""))
        return lines

    def add_archive(self, archive_pages: int, skipped: dict[str, int], failed: bool) -> None:
        """An archive read to its end (or to damage: then one failure more, its own)."""
        self.archives += 1
        self.no_page.update(skipped)
        if failed:
            self.failed += 1

    @property
    def total(self) -> int:
        return self.ok + self.failed + self.empty + self.skipped + self.low_confidence


@dataclass(frozen=True)
class Job:
    """One file for a worker: read `path`, write `target` (if any; left alone if `up_to_date`
    and it already holds the same bytes)."""

    path: str
    source: str
    folder: str
    target: str | None
    size: int
    mtime_ns: int
    # its output is newer than the input: left alone if the bytes come out the same (cleaned
    # again for its JSONL record, or because of `redone`)
    up_to_date: bool = False
    redone: str = ""  # why an output newer than its input is cleaned again (see Outcome.redone)
    url: str | None = None  # the page's address (--files-from, --url-from-path, an archive)
    # a page out of an archive: its bytes (not read from `path`), how to read them, its record
    payload: bytes | str | None = None
    charset: str | None = None  # the HTTP Content-Type's
    page_type: str | None = None  # html or text when the archive says (a WET record is text)
    crawl_date: str | None = None
    archive: str | None = None  # the archive's output file (its JSONL under -o), for the record
