"""The three entry points (run_batch, count_inputs, tally_sites) over one set-up, `_start`, and
learning's two passes."""
from __future__ import annotations

import errno
import os
import pickle
import tempfile
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import nullcontext, suppress
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import BinaryIO

from .. import api
from ..article import Article
from ..boilerplate import LineCounts, LineTally, drop_lines, line_key
from ..errors import OptionError
from ..files import (
    NO_ROOM,
    TEMP_SUFFIX,
    FileId,
    file_id,
    is_inside,
    printable,
    remove_temp_files,
    remove_temp_files_of,
    write_problem,
)
from ..rules import RuleBook
from .archives import ArchiveEnd, ArchiveJob, ArchiveOutput, ArchiveReport, copy_lines, expand, is_archive
from .inputs import SUFFIX, Input, find_inputs
from .jsonl import HEAD, MAX_RECIPE_BYTES, RECIPE, JsonlOut, record, record_of
from .lists import listed_inputs
from .manifest import Claims
from .model import Counted, Job, LearnedSite, Learning, LearningReport, Options, Outcome, Status
from .plan import Planner
from .pool import Lost, run_ordered
from .recipe import parse_recipe, recipe_of
from .worker import Done, Settings, deliver, process_job, remove_stale

# in input order: the planner's Outcome with None, or a Job with its worker's answer (an
# archive's start and end in between, with None)
Planned = tuple[Outcome | Job | ArchiveJob | ArchiveEnd, Done | Lost | None]
Results = Generator[Planned, None, None]


def run_batch(paths: Sequence[str | os.PathLike[str]], options: Options, *,
              clean: Callable[..., Article] = api.clean, jsonl_stream: BinaryIO | None = None
              ) -> Iterator[Outcome | Counted | LearningReport | ArchiveReport]:
    """Clean every input under `paths`; yield one Outcome per input, in input order (with
    learning, first a Counted per page, and last a LearningReport). `clean` is
    newsclean.clean or a function with its signature (a top-level one: it runs in worker
    processes). JSONL goes to `options.jsonl`, or to `jsonl_stream` when given. Raises
    OptionError for options that cannot work (its `option` names the option at fault),
    RuleError for a broken --rules-dir, and OSError (its `filename` names the file) when the
    run cannot go on: the disk is full, or the JSONL cannot be written. What is written by
    then stays, whole, for a rerun to go on from."""
    run = _start(paths, options, clean=clean, jsonl_stream=jsonl_stream)
    complete = False
    archive = ArchiveOutput(run.settings.temp_tag)
    try:
        if options.learning is not None:
            yield from learned_outcomes(run.results, run.settings, options.learning, options.force, run.log,
                                        run.claims)
        else:
            for item, result in run.results:
                if isinstance(item, (ArchiveJob, ArchiveEnd)):
                    yield from archive_event(item, archive, run.log, run.claims)
                    continue
                outcome = outcome_of(item, result)
                claim(run.claims, item, result)
                archive.failed |= outcome.status is Status.FAILED
                if isinstance(result, Done) and result.line:
                    line = result.line
                elif outcome.kept_line is not None:  # an archive's page, kept from its earlier file
                    line = outcome.kept_line
                elif outcome.reused:
                    run.log.write_kept(outcome.source)
                    yield outcome
                    continue
                else:
                    line = record_of(outcome)
                archive.write(line)
                if run.log.active:
                    run.log.write(line)
                yield outcome
        complete = True
    finally:
        run.results.close()  # stops the workers now, before their leftovers are cleared
        archive.abandon()
        try:
            # an unfinished log loses at most its last lines (cleaned again by a rerun); its
            # error must not hide why the run stopped, nor keep the leftovers below
            with nullcontext() if complete else suppress(OSError):
                run.log.close(complete)
        finally:
            run.claims.close(complete)  # never raises: records that cannot be written are given up
            if run.out_dir is not None and not complete:
                remove_temp_files(run.out_dir, run.settings.temp_tag)


def count_inputs(paths: Sequence[str | os.PathLike[str]], options: Options) -> int | None:
    """How many Outcomes run_batch will yield (a walk alone: for progress displays); None
    when an input is an archive, whose pages are only known by reading it."""
    prune: frozenset[FileId] = frozenset()
    if options.out_dir is not None and os.path.isdir(options.out_dir):
        prune = frozenset({file_id(os.stat(options.out_dir))})
    count = 0
    for item in _inputs(_normalised(paths), options, prune):
        if item.problem is None and is_archive(item.path):
            return None
        count += 1
    return count


def archive_event(item: ArchiveJob | ArchiveEnd, archive: ArchiveOutput, log: JsonlOut,
                  claims: Claims) -> Iterator[Outcome | ArchiveReport]:
    """An archive starts (its JSONL file opens; or, up to date, its lines are copied) or ends
    (its file is renamed into place and claimed, as partial when something in it failed; a
    damage that stopped its reading is its failure)."""
    if isinstance(item, ArchiveJob):
        if not item.up_to_date:
            archive.start(item)
            return
        if log.active and item.target is not None:
            copy_lines(item.target, log)
        yield Outcome(item.source, Status.SKIPPED, output=printable(item.target or ""))
        return
    output = printable(item.archive.target) if item.archive.target else None
    if item.error is not None:
        line = record(item.archive.source, Status.FAILED, item.error, None, output)
        archive.write(line)
        if log.active:
            log.write(line)
    failed = archive.failed or item.error is not None
    made = archive.finish()
    if made is not None and item.archive.target is not None:  # partial: a rerun cleans the failed pages
        claims.record(item.archive.target, item.archive.source, item.archive.size, item.archive.mtime_ns,
                      made, partial=failed)
    yield ArchiveReport(item.archive.source, item.pages, Counter(dict(item.skipped)), item.error, output)


def tally_sites(paths: Sequence[str | os.PathLike[str]], options: Options, *,
                clean: Callable[..., Article] = api.clean,
                on_page: Callable[[Outcome], None] = lambda outcome: None) -> dict[str, LineTally]:
    """Learning's first pass alone, keeping each line's wording: site -> LineTally of the
    cleaned pages (for `newsclean rules learn`). Every input is passed to `on_page`, with
    status ok or why not."""
    run = _start(paths, options, clean=clean, writes=False)
    tallies: dict[str, LineTally] = {}
    for item, result in run.results:
        if isinstance(item, (ArchiveJob, ArchiveEnd)):  # never planned while learning
            continue
        if isinstance(result, Done) and result.article is not None:
            tallies.setdefault(result.site, LineTally()).add(result.article.text)
        on_page(outcome_of(item, result))
    return tallies


# ---- the set-up the entry points share ----

@dataclass(frozen=True)
class _Run:
    results: Results
    settings: Settings
    log: JsonlOut  # inactive when no JSONL is written
    claims: Claims  # what made each output under -o (inactive without -o)
    out_dir: str | None


def _start(paths: Sequence[str | os.PathLike[str]], options: Options, *, clean: Callable[..., Article],
           jsonl_stream: BinaryIO | None = None, writes: bool = True) -> _Run:
    """Check the options, load the rules (workers inherit them), ready the output folder and
    the JSONL log, and start the pool on the planned inputs. Without `writes`, a first
    learning pass that writes nothing and ignores the output options."""
    normalised = _normalised(paths)
    if writes:
        check_options(normalised, options, jsonl_stream)
    book = RuleBook.load(options.rules_dirs)  # fail early; forked workers inherit the loaded rules
    out_dir, prune = _ready_output(options) if writes else (None, frozenset[FileId]())
    recipe = recipe_of(options, book)
    claims = Claims(out_dir, recipe)
    learn = options.learning is not None or not writes
    records = writes and bool(options.jsonl or jsonl_stream)
    settings = Settings(clean=clean, fmt=options.fmt, front_matter=options.front_matter,
                        input_type=options.input_type, rules_dirs=tuple(options.rules_dirs),
                        records=records, learn=learn, max_bytes=options.max_bytes,
                        temp_tag=options.shard.tag if options.shard is not None else "",
                        links=options.links, images=options.images,
                        min_confidence=options.min_confidence)
    resume = writes and not options.force and not learn and jsonl_stream is None
    log = JsonlOut(None, None, resume=False)
    if writes:
        try:
            log = JsonlOut(jsonl_file(options), jsonl_stream, resume=resume, recipe=recipe.for_records())
        except OSError as err:
            what, hint = write_problem(err)
            raise OptionError("--jsonl", f"cannot write {jsonl_file(options)}.part: {what}; {hint}"
                              ) from None
        prune |= log.file_ids() | _existing(jsonl_file(options))  # never read back a JSONL file as input
    planner = Planner(out_dir, log, claims, force=options.force, learn=learn)
    planned = expand((planner.plan(item) for item in _inputs(normalised, options, prune)), log,
                     options.input_type, options.record_fields)
    results = run_ordered(planned, partial(process_job, settings), jobs=options.jobs,
                          timeout=options.timeout, max_tasks=options.max_tasks, needs_worker=_is_job)
    return _Run(results, settings, log, claims, out_dir)


def _normalised(paths: Sequence[str | os.PathLike[str]]) -> list[str]:
    return [os.fspath(p).rstrip("/") or "/" for p in paths]


def _inputs(paths: Sequence[str], options: Options, prune: frozenset[FileId]) -> Iterator[Input]:
    if options.files_from is not None:
        found = listed_inputs(options.files_from.lines, SUFFIX[options.fmt], options.files_from.name)
    else:
        found = find_inputs(paths, SUFFIX[options.fmt], options.include, options.exclude, prune,
                            urls=options.url_from_path)
    shard = options.shard
    if shard is None:
        return found
    return (item for position, item in enumerate(found) if shard.takes(position))


def jsonl_file(options: Options) -> Path | None:
    """Where --jsonl goes: a shard writes its own file (records.shard-3-of-8.jsonl)."""
    if options.jsonl is None or options.shard is None:
        return options.jsonl
    return options.shard.file_name(options.jsonl)


def _existing(path: os.PathLike[str] | None) -> set[FileId]:
    try:
        return {file_id(os.stat(path))} if path is not None else set()
    except OSError:
        return set()


def _ready_output(options: Options) -> tuple[str | None, frozenset[FileId]]:
    """Make -o, check that files can be made in it (a read-only folder is one error, not one
    per input) and clear what a killed run left there; the output folder, and the folders the
    walk must not enter (-o itself)."""
    if options.out_dir is None:
        return None, frozenset()
    out_dir = os.fspath(options.out_dir)
    probe = os.path.join(out_dir, f".{os.getpid()}-probe{TEMP_SUFFIX}")
    try:
        os.makedirs(out_dir, exist_ok=True)
        remove_temp_files(out_dir, options.shard.tag if options.shard is not None else "")
        open(probe, "xb").close()
        os.unlink(probe)
    except OSError as err:
        what, hint = write_problem(err)
        if err.errno in (errno.EACCES, errno.EPERM):
            hint = "check its permissions, or choose another folder"
        raise OptionError("--output", f"cannot write in {out_dir}: {what}; {hint}") from None
    return out_dir, frozenset({file_id(os.stat(out_dir))})


def _is_job(item: Outcome | Job) -> bool:
    return isinstance(item, Job)


def check_options(paths: Sequence[str], options: Options, jsonl_stream: BinaryIO | None) -> None:
    """Raise OptionError for what cannot work, naming the option at fault (PATHS: the inputs)."""
    if options.out_dir is None and options.jsonl is None and jsonl_stream is None:
        raise OptionError("--output", "give an output folder (-o DIR), or --jsonl FILE")
    if options.files_from is not None and paths:
        raise OptionError("--files-from", "give the inputs as PATHs or as a list, not both")
    if options.shard is not None and options.learning is not None:
        raise OptionError("--shard", "cannot learn boilerplate yet: learning needs every page of a "
                          "site in one run; run `newsclean rules learn` over all pages once and "
                          "give its rules with --rules-dir")
    if options.files_from is None and not paths:
        raise OptionError("PATHS", "give the folders or files to clean, or --files-from LIST")
    if options.jobs < 1:
        raise OptionError("--jobs", "must be 1 or more")
    if options.jsonl is not None and os.path.isdir(options.jsonl):
        raise OptionError("--jsonl", f"{options.jsonl} is a folder; give a file name, or use -o for a folder")
    if options.out_dir is not None:
        out = os.path.realpath(options.out_dir)
        for path in paths:
            real = os.path.realpath(path)
            if os.path.isdir(path) and (real == out or is_inside(real, out)):
                where = "the" if real == out else "inside the"
                raise OptionError("--output", f"the input folder {path} is {where} output folder; "
                                  "choose an output folder outside it")
    if options.jsonl is not None:
        check_jsonl_names(paths, os.fspath(options.jsonl))
    folders = [os.path.basename(os.path.realpath(p)) for p in paths if os.path.isdir(p)]
    if len(paths) > 1 and len(set(folders)) < len(folders):
        twice = next(name for name in folders if folders.count(name) > 1)
        raise OptionError("PATHS", f"two input folders are named {twice!r}, and each would be "
                          f"written to OUTPUT/{twice}; batch them separately")


def check_jsonl_names(paths: Sequence[str], jsonl: str) -> None:
    """Raise OptionError if FILE or FILE.part, which a run replaces, is an input or in an input
    folder and is not a JSONL file that newsclean wrote (every record starts the same)."""
    folders = [os.path.realpath(p) for p in paths if os.path.isdir(p)]
    named = [os.path.realpath(p) for p in paths if not os.path.isdir(p)]
    for name in (jsonl, jsonl + ".part", jsonl + RECIPE, jsonl + ".part" + RECIPE):
        real = os.path.realpath(name)
        among = real in named or any(is_inside(real, folder) for folder in folders)
        if among and os.path.lexists(name) and not _written_by_newsclean(name):
            raise OptionError("--jsonl", f"{name} is an input or in an input folder, and not a "
                              f"{'recipe' if name.endswith(RECIPE) else 'JSONL'} file newsclean "
                              "wrote: a run would replace it; choose another file")


def _written_by_newsclean(path: str) -> bool:
    if not os.path.isfile(path):
        return False
    try:
        with open(path, "rb") as handle:
            if path.endswith(RECIPE):
                return parse_recipe(handle.read(MAX_RECIPE_BYTES)) is not None
            return HEAD.startswith(handle.read(len(HEAD)))  # an empty file too: a run killed early
    except OSError:
        return False


# ---- from a worker's answer to an Outcome ----

def outcome_of(item: Outcome | Job, result: Done | Lost | None) -> Outcome:
    """The Outcome of a planned input: decided by the planner, or made from its worker's answer.
    Raises OSError when its output met a full disk: the outputs after it would too."""
    if isinstance(item, Outcome):
        return item
    if isinstance(result, Done) and result.errno in NO_ROOM:
        raise OSError(result.errno, os.strerror(result.errno), item.target)
    if isinstance(result, Done):
        made = result.status in (Status.OK, Status.SKIPPED, Status.LOW_CONFIDENCE)
        output = printable(item.target) if item.target and made else None
        return Outcome(item.source, result.status, result.error, output, result.rules, item.size,
                       result.bytes_out, result.dropped, result.detail, redone=item.redone if made else "")
    if result is None:  # run_ordered answers every item its needs_worker picks
        raise TypeError(f"no worker's answer for {item.source}")
    remove_stale(item)
    if item.target is not None and result.pid:  # it may have been killed half-way through a write
        remove_temp_files_of(os.path.dirname(item.target), result.pid)
    if result.timed_out:
        hint = "raise --timeout if the page is just slow"
    elif result.killed:
        hint = "rerun to retry it, and if it is killed again, use fewer --jobs"
    else:
        hint = "please report it with this file"
    return Outcome(item.source, Status.FAILED, f"{result.reason}; {hint}", bytes_in=item.size)


def claim(claims: Claims, item: Outcome | Job, result: Done | Lost | None) -> None:
    """Record what made the output a worker has just put in place (or found the same)."""
    if isinstance(item, Job) and isinstance(result, Done) and result.made and item.target:
        claims.record(item.target, item.source, item.size, item.mtime_ns, result.made)


# ---- learning: count every page's lines per site, then drop each site's furniture ----

def learned_outcomes(results: Iterable[Planned], settings: Settings, learning: Learning, force: bool,
                     log: JsonlOut, claims: Claims) -> Iterator[Outcome | Counted | LearningReport]:
    """Learning: count every page's lines per site while spooling the articles to an unnamed
    temporary file, then drop each site's furniture and deliver the pages in input order;
    last, what was learned."""
    counts = LineCounts()
    with tempfile.TemporaryFile() as spool:  # unlinked at once: a killed run leaves nothing
        for item, result in results:
            if isinstance(item, (ArchiveJob, ArchiveEnd)):  # never planned while learning
                continue
            if isinstance(item, Job) and isinstance(result, Done) and result.status is Status.OK:
                counts.add(result.site, result.keys)
                pickle.dump((item, result.article, result.site), spool)
            else:
                pickle.dump((item, result, None), spool)
            yield Counted(item.source)
        furniture = counts.furniture(learning.share, learning.min_pages)
        found_lines = FoundLines(furniture)
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
                found_lines.add(site, found.text, dropped)
                done = deliver(second, item, article, dropped=dropped, keep_same=not force)
                claim(claims, item, done)
                if log.active:
                    log.write(done.line or record_of(outcome_of(item, done)))
                yield outcome_of(item, done)
            else:
                outcome = outcome_of(item, found)
                if log.active:
                    log.write(found.line if isinstance(found, Done) and found.line else record_of(outcome))
                yield outcome
    yield found_lines.report(counts, learning)


class FoundLines:
    """The second pass's account of each site's learned lines: their first wording (the
    first pass keeps only digests) and how many pages lost one or more of them."""

    def __init__(self, furniture: dict[str, frozenset[bytes]]):
        self.furniture = furniture
        self.wording: dict[str, dict[bytes, str]] = {site: {} for site in furniture}
        self.touched: Counter[str] = Counter()

    def add(self, site: str, text: str, dropped: int) -> None:
        keys, wording = self.furniture.get(site, frozenset()), self.wording.get(site)
        if dropped:
            self.touched[site] += 1
        if wording is None or len(wording) == len(keys):
            return
        for line in text.split("\n"):
            key = line_key(line) if line.strip() else None
            if key in keys and key not in wording:
                wording[key] = " ".join(line.split())

    def report(self, counts: LineCounts, learning: Learning) -> LearningReport:
        sites = [LearnedSite(site, pages, tuple(self.wording.get(site, {}).values()), self.touched[site])
                 for site, pages in counts.pages.items()]
        sites.sort(key=lambda found: (-len(found.lines), -found.pages, found.site))
        return LearningReport(learning.share, learning.min_pages, tuple(sites))
