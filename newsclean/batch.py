"""Batch: walk the inputs, clean each page in a worker process, write the same relative paths
under the output folder (and/or one JSONL line per page, in input order): one Outcome per input.

    run_batch(paths, Options(out_dir=...))      -> Outcome, Outcome, ...   (in input order)
      find_inputs   folders depth-first by name; symlink loops, FIFOs, broken links as problems
      plan          up to date (resume)? escaping -o? else a Job for a worker
      pool.run_ordered  process pool, per-file timeout, in-order results
      process_job   (in the worker) read, clean, render, write atomically, or say why not
      with learning: a first pass counts each site's lines, a second drops the furniture

Outputs appear whole or not at all (temporary file + rename); a rerun skips inputs whose
output is newer than the input and removes what a killed run left behind. Inputs are never
written. The library prints nothing: the caller shows the Outcomes.
"""
from __future__ import annotations

import fnmatch
import itertools
import json
import os
import pickle
import re
import stat
import tempfile
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import nullcontext, suppress
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import partial
from pathlib import Path
from typing import BinaryIO

from . import api
from .article import Article
from .boilerplate import MIN_PAGES, SHARE, LineCounts, LineTally, drop_lines, page_keys, site_key
from .errors import NewscleanError, NothingExtracted
from .pool import MAX_TASKS, Lost, run_ordered
from .render import Format, render
from .rules import RuleBook

DEFAULT_SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".md")  # and the same + ".gz"
SUFFIX = {Format.MARKDOWN: ".md", Format.JSON: ".json", Format.TEXT: ".txt"}
TEMP_SUFFIX = ".newsclean-tmp"  # `.<pid>-<n>.newsclean-tmp`: never a name an input maps to
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
REUSABLE = ("ok", "empty")  # JSONL records a rerun keeps; failures are tried again
TEMP_NAMES = itertools.count()


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


def run_batch(paths: Sequence[str | os.PathLike], options: Options, *,
              clean: Callable[..., Article] = api.clean,
              jsonl_stream: BinaryIO | None = None) -> Iterator[Outcome | Counted]:
    """Clean every input under `paths`; yield one Outcome per input, in input order (with
    learning, first a Counted per page). `clean` is newsclean.clean or a function with its
    signature (a top-level one: it runs in worker processes). JSONL goes to `options.jsonl`,
    or to `jsonl_stream` when given. Raises ValueError for options that cannot work
    (the message names the option), RuleError for a broken --rules-dir."""
    paths = [os.fspath(p).rstrip("/") or "/" for p in paths]
    check_options(paths, options, jsonl_stream)
    RuleBook.load(options.rules_dirs)  # fail early; forked workers inherit the loaded rules
    out_dir = os.fspath(options.out_dir) if options.out_dir is not None else None
    prune = frozenset()
    if out_dir is not None:
        try:
            os.makedirs(out_dir, exist_ok=True)
        except OSError as err:
            raise ValueError(f"--output: cannot create {out_dir} ({err.strerror or err})") from None
        remove_temp_files(out_dir)
        prune = frozenset({file_id(os.stat(out_dir))})
    learn = options.learning is not None
    settings = Settings(clean=clean, fmt=options.fmt, front_matter=options.front_matter,
                        input_type=options.input_type, rules_dirs=tuple(options.rules_dirs),
                        records=bool(options.jsonl or jsonl_stream), learn=learn)
    resume = not options.force and out_dir is None and not learn and jsonl_stream is None
    try:
        log = JsonlOut(options.jsonl, jsonl_stream, resume=resume)
    except OSError as err:
        raise ValueError(f"--jsonl: cannot write {options.jsonl}.part ({err.strerror or err})") from None
    if log.handle is not None:  # never read back the file being written
        prune |= {file_id(os.fstat(log.handle.fileno()))}
    planner = Planner(out_dir, options.force or learn, log if resume else None)
    inputs = find_inputs(paths, SUFFIX[options.fmt], options.include, options.exclude, prune)
    planned = (planner.plan(item) for item in inputs)
    results = run_ordered(planned, partial(process_job, settings), jobs=options.jobs,
                          timeout=options.timeout, max_tasks=options.max_tasks,
                          needs_worker=lambda item: isinstance(item, Job))
    complete = False
    try:
        if learn:
            yield from learned_outcomes(results, settings, options, log)
        else:
            for item, result in results:
                outcome = item if isinstance(item, Outcome) else outcome_of(item, result)
                if isinstance(result, Done) and result.line:
                    log.write(result.line)
                elif log.active and not isinstance(item, Reused):
                    log.write(record_of(outcome))
                yield outcome
        complete = True
    finally:
        results.close()  # stops the workers now, before their leftovers are cleared
        log.close(complete)
        if out_dir is not None and not complete:
            remove_temp_files(out_dir)


def check_options(paths: Sequence[str], options: Options, jsonl_stream) -> None:
    """Raise ValueError for what cannot work: the message starts with the option at fault."""
    if options.out_dir is None and options.jsonl is None and jsonl_stream is None:
        raise ValueError("--output: give an output folder (-o DIR), or --jsonl FILE")
    if options.jobs < 1:
        raise ValueError("--jobs: must be 1 or more")
    if options.jsonl is not None and os.path.isdir(options.jsonl):
        raise ValueError(f"--jsonl: {options.jsonl} is a folder; give a file name, or use -o for a folder")
    if options.out_dir is not None:
        out = os.path.realpath(options.out_dir)
        for path in paths:
            real = os.path.realpath(path)
            if os.path.isdir(path) and (real == out or is_inside(real, out)):
                where = "the" if real == out else "inside the"
                raise ValueError(f"--output: the input folder {path} is {where} output folder; "
                                 "choose an output folder outside it")
    folders = [os.path.basename(os.path.realpath(p)) for p in paths if os.path.isdir(p)]
    if len(paths) > 1 and len(set(folders)) < len(folders):
        twice = next(name for name in folders if folders.count(name) > 1)
        raise ValueError(f"PATHS: two input folders are named {twice!r}, and each would be "
                         f"written to OUTPUT/{twice}; batch them separately")


def count_inputs(paths: Sequence[str | os.PathLike], options: Options) -> int:
    """How many Outcomes run_batch will yield (a walk alone: for progress displays)."""
    paths = [os.fspath(p).rstrip("/") or "/" for p in paths]
    prune = frozenset()
    if options.out_dir is not None and os.path.isdir(options.out_dir):
        prune = frozenset({file_id(os.stat(options.out_dir))})
    return sum(1 for _ in find_inputs(paths, SUFFIX[options.fmt], options.include,
                                      options.exclude, prune))


def tally_sites(paths: Sequence[str | os.PathLike], options: Options, *,
                clean: Callable[..., Article] = api.clean,
                on_page: Callable[[Outcome], None] = lambda outcome: None) -> dict[str, LineTally]:
    """Learning's first pass alone, keeping each line's wording: site -> LineTally of the
    cleaned pages (for `newsclean rules learn`). Every input is passed to `on_page`, with
    status ok or why not."""
    paths = [os.fspath(p).rstrip("/") or "/" for p in paths]
    RuleBook.load(options.rules_dirs)
    settings = Settings(clean=clean, fmt=options.fmt, front_matter=False, input_type=options.input_type,
                        rules_dirs=tuple(options.rules_dirs), records=False, learn=True)
    planner = Planner(None, True, None)
    inputs = find_inputs(paths, SUFFIX[options.fmt], options.include, options.exclude)
    tallies: dict[str, LineTally] = {}
    for item, result in run_ordered((planner.plan(i) for i in inputs), partial(process_job, settings),
                                    jobs=options.jobs, timeout=options.timeout,
                                    max_tasks=options.max_tasks,
                                    needs_worker=lambda item: isinstance(item, Job)):
        outcome = item if isinstance(item, Outcome) else outcome_of(item, result)
        if isinstance(result, Done) and result.article is not None:
            tallies.setdefault(result.site, LineTally()).add(result.article.text)
        on_page(outcome)
    return tallies


# ---- finding the inputs ----

@dataclass(frozen=True)
class Input:
    """A file found under the paths (or a reason it cannot be one)."""

    path: str  # to open: the argument, joined with the path below it
    rel: tuple[str, ...] = ()  # where its output goes under -o: folders, then the file name
    folder: str = ""  # the folder it was found in (learning's last-resort site)
    size: int = 0
    mtime_ns: int = 0
    ident: tuple[int, int] = (0, 0)  # (device, inode): an output must never be its input
    problem: str | None = None
    status: Status = Status.FAILED  # of a problem


def find_inputs(paths: Sequence[str], suffix: str, include: Sequence[str] = (),
                exclude: Sequence[str] = (), prune: frozenset = frozenset()) -> Iterator[Input]:
    """Every input under `paths`, in a fixed order: the arguments as given, each folder
    depth-first with entries sorted by name. One folder maps to the output folder itself;
    with several arguments each folder maps to a subfolder of its name. Files named on the
    command line are inputs whatever their name; files in folders must match `include`
    (default: DEFAULT_SUFFIXES, .gz too) and not `exclude`, which also prunes folders.
    `prune` holds (device, inode) of folders never to enter (the output folder)."""
    chooser = Chooser(suffix, tuple(include), tuple(exclude), prune)
    if len(paths) == 1 and os.path.isdir(paths[0]):
        yield from walk_folder(paths[0], (), "", chooser, ())
        return
    files = [p for p in paths if not os.path.isdir(p)]
    names = output_names([os.path.basename(p) for p in files], suffix)
    for path in paths:
        if os.path.isdir(path):
            name = clean_name(os.path.basename(os.path.realpath(path)))
            yield from walk_folder(path, (name,), "", chooser, ())
        else:
            yield file_input(path, names[files.index(path)], (), os.path.dirname(path) or ".")


@dataclass(frozen=True)
class Chooser:
    """Which entries of a folder are inputs, and the suffix their outputs get."""

    suffix: str
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    prune: frozenset

    def excluded(self, name: str, below: str) -> bool:
        return any(glob_match(pattern, name, below) for pattern in self.exclude)

    def included(self, name: str, below: str) -> bool:
        if self.include:
            return any(glob_match(pattern, name, below) for pattern in self.include)
        lower = name.lower()
        return lower.removesuffix(".gz").endswith(DEFAULT_SUFFIXES)


def glob_match(pattern: str, name: str, below: str) -> bool:
    """A pattern with a '/' matches the path below the input folder, else the name alone."""
    return fnmatch.fnmatchcase(below if "/" in pattern else name, pattern.strip("/"))


def walk_folder(folder: str, rel: tuple[str, ...], below: str, chooser: Chooser,
                ancestors: tuple[tuple[tuple[int, int], str], ...]) -> Iterator[Input]:
    """The inputs in `folder` (`below` the input folder; outputs under `rel`), depth-first."""
    try:
        here = file_id(os.stat(folder))
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as err:
        yield Input(folder, problem=f"cannot list this folder ({err.strerror or err}); "
                                    "check its permissions")
        return
    ancestors += ((here, folder),)
    kinds: dict[str, str] = {}
    for entry in entries:
        path_below = f"{below}/{entry.name}" if below else entry.name
        if chooser.excluded(entry.name, path_below):
            continue
        if is_folder(entry):
            kinds[entry.name] = "folder"
        elif chooser.included(entry.name, path_below):
            kinds[entry.name] = "file"
    files = [name for name, kind in kinds.items() if kind == "file"]
    names = dict(zip(files, output_names(files, chooser.suffix), strict=True))
    for entry in entries:
        kind = kinds.get(entry.name)
        path = os.path.join(folder, entry.name)
        if kind == "file":
            found = file_input(path, names[entry.name], rel, folder, chooser.prune)
            if found is not None:
                yield found
        elif kind == "folder":
            try:
                ident = file_id(entry.stat())
            except OSError:
                continue
            if ident in chooser.prune:
                continue
            loop = next((where for key, where in ancestors if key == ident), None)
            if loop is not None:
                yield Input(path, problem=f"symlink loop (it leads back to {printable(loop)}); "
                                          "not followed", status=Status.SKIPPED)
                continue
            yield from walk_folder(path, rel + (clean_name(entry.name),),
                                   f"{below}/{entry.name}" if below else entry.name, chooser, ancestors)


def is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()  # follows symlinks: a linked folder is walked (loops are caught)
    except OSError:
        return False


def file_input(path: str, name: str | None, rel: tuple[str, ...], folder: str,
               prune: frozenset = frozenset()) -> Input | None:
    """An Input for a file, or a problem if it is not a regular file (never opened then:
    reading a FIFO would hang); None for a file in `prune` (the JSONL being written)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            return Input(path, problem=f"broken symlink (it points to {printable(os.readlink(path))}, "
                                       "which does not exist); fix or remove the link")
        return Input(path, problem="it disappeared before it could be read; rerun to retry")
    except OSError as err:
        return Input(path, problem=f"cannot read it ({err.strerror or err}); check the file")
    if file_id(info) in prune:
        return None
    if not stat.S_ISREG(info.st_mode):
        return Input(path, problem=f"not a regular file ({file_kind(info.st_mode)}); "
                                   "newsclean reads files only")
    if name is None:
        return Input(path, problem="its output name would clash with another input's; "
                                   "rename one of them, or batch them separately")
    return Input(path, rel + (name,), folder, info.st_size, info.st_mtime_ns, file_id(info))


def file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a file"


def output_names(names: Sequence[str], suffix: str) -> list[str | None]:
    """Output file names for sibling inputs: the stem plus `suffix` (page.html.gz -> page.md);
    siblings that would share one keep their whole name (page.html.md, page.txt.md), so a
    name never depends on which other files exist beyond its own stem. None if still clashing."""
    def short(name: str) -> str:
        base = name[:-3] if name.lower().endswith(".gz") else name
        return clean_name(os.path.splitext(base)[0]) + suffix  # leading dots stay: ".a" -> ".a.md"

    whole = [clean_name(name) + suffix for name in names]
    chosen = [short(name) for name in names]
    for _ in range(3):  # a whole name can meet another's short name: widen that one too
        seen: dict[str, int] = {}
        for value in chosen:
            seen[value] = seen.get(value, 0) + 1
        clashing = [i for i, value in enumerate(chosen) if seen[value] > 1 and value != whole[i]]
        if not clashing:
            break
        for index in clashing:
            chosen[index] = whole[index]
    counts: dict[str, int] = {}
    for value in chosen:
        counts[value] = counts.get(value, 0) + 1
    return [value if counts[value] == 1 else None for value in chosen]


def clean_name(name: str) -> str:
    """A file or folder name safe to create: control characters become '_'."""
    return CONTROL.sub("_", name) or "_"


def printable(path: str) -> str:
    """A path as text that can be printed and put in JSON (undecodable bytes become U+FFFD)."""
    return os.fsencode(path).decode("utf-8", "replace")


def file_id(info: os.stat_result) -> tuple[int, int]:
    return (info.st_dev, info.st_ino)


def is_inside(path: str, folder: str) -> bool:
    return path.startswith(folder.rstrip(os.sep) + os.sep)


# ---- deciding what to do with each input ----

@dataclass(frozen=True)
class Job:
    """One file for a worker: read `path`, write `target` (if any)."""

    path: str
    source: str
    folder: str
    target: str | None
    size: int
    mtime_ns: int


class Planner:
    """Input -> an Outcome decided here (a problem, up to date) or a Job for a worker."""

    def __init__(self, out_dir: str | None, redo: bool, log: JsonlOut | None):
        self.out_dir = out_dir
        self.redo = redo
        self.log = log  # resuming a JSONL file: its previous lines
        self.real_out = os.path.realpath(out_dir) if out_dir else None
        self.checked: dict[tuple[str, ...], str | None] = {}

    def plan(self, item: Input) -> Outcome | Job:
        source = printable(item.path)
        if item.problem:
            outcome = Outcome(source, item.status, item.problem)
            if self.log is not None and self.log.reuse(source, 0, record_of(outcome)):
                return Reused(**outcome.__dict__)
            return outcome
        target = None
        if self.out_dir is not None:
            target = os.path.join(self.out_dir, *item.rel)
            escape = self.escapes(item.rel[:-1])
            if escape:
                return Outcome(source, Status.FAILED, escape)
            try:
                done = os.stat(target)
            except OSError:
                done = None
            if done is not None and file_id(done) == item.ident:
                return Outcome(source, Status.FAILED, f"its output {printable(target)} would overwrite "
                                                      "the input itself; choose another output folder")
            if done is not None and not self.redo and done.st_mtime_ns > item.mtime_ns:
                return Outcome(source, Status.SKIPPED, output=printable(target))
        elif self.log is not None and self.log.reuse(source, item.mtime_ns):
            return Reused(source, Status.SKIPPED)
        return Job(item.path, source, item.folder, target, item.size, item.mtime_ns)

    def escapes(self, folders: tuple[str, ...]) -> str | None:
        """Why the output folder for `folders` would be outside -o (a symlink there), or None."""
        if folders not in self.checked:
            real = os.path.realpath(os.path.join(self.out_dir, *folders))
            outside = real != self.real_out and not is_inside(real, self.real_out)
            self.checked[folders] = (f"its output folder {printable(os.path.join(self.out_dir, *folders))} "
                                     f"leads outside {printable(self.out_dir)} (a symlink); remove the link"
                                     if outside else None)
        return self.checked[folders]


@dataclass(frozen=True)
class Reused(Outcome):
    """Skipped because the previous run's JSONL line for it is kept as it is."""

    reused: bool = True


# ---- in the worker ----

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


@dataclass(frozen=True)
class Done:
    """A worker's answer for one Job."""

    status: Status
    error: str | None = None
    rules: tuple[str, ...] = ()
    bytes_out: int = 0
    line: bytes | None = None  # the JSONL record
    article: Article | None = None  # learning's first pass
    keys: frozenset = frozenset()
    site: str | None = None
    dropped: int = 0
    detail: str | None = None


def process_job(settings: Settings, job: Job) -> Done:
    """Read, clean and deliver one page; every failure becomes a Done that says why."""
    try:
        with open(job.path, "rb") as handle:
            data = handle.read()
    except OSError as err:
        return failed(settings, job, Status.FAILED, read_message(err))
    try:
        article = settings.clean(data, input_type=settings.input_type, rules_dirs=settings.rules_dirs)
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
    return deliver(settings, job, article)


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
                write_atomic(job.target, data)
            except OSError as err:
                return failed(settings, job, Status.FAILED, f"cannot write {printable(job.target)} "
                              f"({err.strerror or err}); check the output folder")
            written = len(data)
    line = record(job.source, Status.OK, None, article,
                  printable(job.target) if job.target else None) if settings.records else None
    return Done(status, rules=article.rules, bytes_out=written + len(line or b""), line=line,
                dropped=dropped)


def failed(settings: Settings, job: Job, status: Status, error: str, detail: str | None = None) -> Done:
    remove_stale(job)
    line = record(job.source, status, error) if settings.records else None
    return Done(status, error, line=line, detail=detail, bytes_out=len(line or b""))


def remove_stale(job: Job) -> None:
    """An output older than its input, which now gives none, no longer says what it holds."""
    if job.target is None:
        return
    with suppress(OSError):
        if os.stat(job.target).st_mtime_ns <= job.mtime_ns:
            os.unlink(job.target)


def write_atomic(target: str, data: bytes) -> None:
    """Write a file whole or not at all: a temporary file in the same folder, then a rename."""
    folder = os.path.dirname(target)
    os.makedirs(folder, exist_ok=True)
    temp = os.path.join(folder, f".{os.getpid()}-{next(TEMP_NAMES)}{TEMP_SUFFIX}")
    try:
        with open(temp, "xb") as handle:
            handle.write(data)
        os.replace(temp, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise


def same_bytes(path: str, data: bytes) -> bool:
    try:
        if os.stat(path).st_size != len(data):
            return False
        with open(path, "rb") as handle:
            return handle.read() == data
    except OSError:
        return False


def read_message(err: OSError) -> str:
    if isinstance(err, FileNotFoundError):
        return "it disappeared before it could be read; rerun to retry"
    if isinstance(err, PermissionError):
        return "permission denied; check the file's permissions"
    return f"cannot read it ({err.strerror or err}); check the file"


def empty_message(message: str, source: str) -> str:
    return message if ";" in message else f"{message}; see why with `newsclean explain {source}`"


# ---- results ----

BLANK_ARTICLE = {key: ([] if isinstance(value, list) else None)
                 for key, value in Article(text="", markdown="").to_dict().items()}


def record(source: str, status: Status, error: str | None, article: Article | None = None,
           output: str | None = None) -> bytes:
    """One JSONL line: source, status, error, output, then the article's fields (null when
    there is no article)."""
    data = {"source": source, "status": status.value, "error": error, "output": output}
    data.update(article.to_dict() if article is not None else BLANK_ARTICLE)
    return (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8", "surrogatepass")


def record_of(outcome: Outcome) -> bytes:
    return record(outcome.source, outcome.status, outcome.error, None, outcome.output)


def outcome_of(job: Job, result: Done | Lost) -> Outcome:
    if isinstance(result, Lost):
        remove_stale(job)
        hint = ("raise --timeout if the page is just slow" if result.timed_out
                else "please report it with this file")
        return Outcome(job.source, Status.FAILED, f"{result.reason}; {hint}", bytes_in=job.size)
    output = printable(job.target) if job.target and result.status in (Status.OK, Status.SKIPPED) else None
    return Outcome(job.source, result.status, result.error, output, result.rules, job.size,
                   result.bytes_out, result.dropped, result.detail)


def learned_outcomes(results: Iterable, settings: Settings, options: Options,
                     log: JsonlOut) -> Iterator[Outcome | Counted]:
    """Learning: count every page's lines per site while spooling the articles to an unnamed
    temporary file, then drop each site's furniture and deliver the pages in input order."""
    counts = LineCounts()
    with tempfile.TemporaryFile() as spool:  # unlinked at once: a killed run leaves nothing
        for item, result in results:
            if isinstance(item, Job) and isinstance(result, Done) and result.status is Status.OK:
                counts.add(result.site, result.keys)
                pickle.dump((item, result.article, result.site), spool)
            else:
                pickle.dump((item, result, None), spool)
            yield Counted(item.source)
        furniture = counts.furniture(options.learning.share, options.learning.min_pages)
        second = replace(settings, learn=False)
        spool.seek(0)
        while True:
            try:
                item, found, site = pickle.load(spool)
            except EOFError:
                break
            if isinstance(item, Outcome):
                if log.active:
                    log.write(record_of(item))
                yield item
            elif isinstance(found, Article):
                article, dropped = drop_lines(found, furniture.get(site, frozenset()))
                done = deliver(second, item, article, dropped=dropped, keep_same=not options.force)
                if log.active:
                    log.write(done.line or record_of(outcome_of(item, done)))
                yield outcome_of(item, done)
            else:
                outcome = outcome_of(item, found)
                if log.active:
                    log.write(found.line if isinstance(found, Done) and found.line else record_of(outcome))
                yield outcome


# ---- the JSONL file ----

class JsonlOut:
    """Where JSONL lines go, in input order: a stream, or FILE.part renamed to FILE when the
    run completes. Resuming, the previous run's lines (FILE.part of a killed run, else FILE)
    are kept as long as they match the inputs in order and are newer than them; the rest of
    the file is cut there and written anew."""

    def __init__(self, path: Path | None, stream: BinaryIO | None, *, resume: bool):
        self.path = os.fspath(path) if path is not None else None
        self.stream = stream
        self.handle: BinaryIO | None = None
        self.reading = False
        self.previous_ns = 0
        if stream is not None or self.path is None:
            return
        self.part = self.path + ".part"
        if resume and not os.path.exists(self.part) and os.path.isfile(self.path):
            os.replace(self.path, self.part)
        if resume and os.path.isfile(self.part):
            self.handle = open(self.part, "r+b")
            self.reading = True
            self.previous_ns = os.fstat(self.handle.fileno()).st_mtime_ns
        else:
            self.handle = open(self.part, "wb")

    @property
    def active(self) -> bool:
        return self.stream is not None or self.handle is not None

    def reuse(self, source: str, mtime_ns: int, line: bytes | None = None) -> bool:
        """Keep the previous run's next line if it is this input's, still good (or equal to
        `line`); else cut the file there and stop reusing."""
        if not self.reading:
            return False
        start = self.handle.tell()
        old = self.handle.readline()
        if old.endswith(b"\n") and (old == line if line is not None else
                                    mtime_ns < self.previous_ns and matches(old, source)):
            return True
        self.stop_reading(start)
        return False

    def stop_reading(self, at: int) -> None:
        self.handle.seek(at)
        self.handle.truncate()
        self.reading = False

    def write(self, line: bytes) -> None:
        if self.stream is not None:
            self.stream.write(line)
        elif self.handle is not None:
            if self.reading:
                self.stop_reading(self.handle.tell())
            self.handle.write(line)

    def close(self, complete: bool) -> None:
        if self.stream is not None:
            with suppress(BrokenPipeError) if not complete else nullcontext():
                self.stream.flush()
            return
        if self.handle is None:
            return
        if self.reading and complete:  # inputs gone since: their lines go too
            self.stop_reading(self.handle.tell())
        self.handle.close()
        if complete:
            os.replace(self.part, self.path)


def matches(line: bytes, source: str) -> bool:
    try:
        data = json.loads(line)
    except ValueError:
        return False
    return isinstance(data, dict) and data.get("source") == source and data.get("status") in REUSABLE


def remove_temp_files(out_dir: str) -> int:
    """Delete the temporary files a killed run left under `out_dir`; how many."""
    removed = 0
    for folder, _, names in os.walk(out_dir):
        for name in names:
            if name.endswith(TEMP_SUFFIX):
                with suppress(OSError):
                    os.unlink(os.path.join(folder, name))
                    removed += 1
    return removed
