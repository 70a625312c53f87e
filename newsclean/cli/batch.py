"""`newsclean batch`: folders of scrapes in, a folder of articles (or one JSONL file) out."""
from __future__ import annotations

import math
import os
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer

from .. import batch
from ..batch import ArchiveReport, Counted, FileList, Learning, LearningReport, Options, Shard, Summary
from ..batch.lists import read_list
from ..boilerplate import MIN_PAGES, SHARE
from ..errors import OptionError
from ..files import printable, write_problem
from ..render import Format
from ..sniff import MAX_BYTES, InputType
from .common import (
    BoilerplateMinPages,
    BoilerplateShare,
    Debug,
    Exclude,
    ExitCode,
    FrontMatter,
    Images,
    Include,
    InputTypeOption,
    Jobs,
    Links,
    MaxBytes,
    MinConfidence,
    OptionalPaths,
    RulesDirs,
    Timeout,
    dirs,
    fail,
    load_rules,
    setup_logging,
    stop,
    user_errors,
)
from .progress import Display


def batch_cli(
    paths: OptionalPaths = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", file_okay=False, metavar="DIR", show_default=False,
        help="Output folder: each input's relative path, with the format's suffix "
        "(a/b.html -> a/b.md).")] = None,
    jsonl: Annotated[str | None, typer.Option(
        "--jsonl", metavar="FILE", show_default=False,
        help="Write one JSON line per input, in input order, to this file ('-': stdout).")] = None,
    fmt: Annotated[Format, typer.Option(
        "--format", "-f", metavar="markdown|json|text", help="Output format of -o files.")] = Format.MARKDOWN,
    include: Include = None,
    exclude: Exclude = None,
    files_from: Annotated[str | None, typer.Option(
        "--files-from", metavar="LIST", show_default=False,
        help="Read the inputs from this list ('-': stdin): one path per line, optionally a tab "
        "and the page's URL.")] = None,
    url_from_path: Annotated[bool, typer.Option(
        "--url-from-path", help="Read each page's URL off its path, host first, as wget -x and "
        "HTTrack save pages (www.example.com/news/a.html).")] = False,
    html_field: Annotated[str, typer.Option(
        "--html-field", metavar="KEY", help="In JSON-lines inputs: the key of a page's HTML.")] = "html",
    text_field: Annotated[str, typer.Option(
        "--text-field", metavar="KEY", help="... of a text scrape (used when there is no HTML).")] = "text",
    url_field: Annotated[str, typer.Option(
        "--url-field", metavar="KEY", help="... of the page's URL.")] = "url",
    id_field: Annotated[str, typer.Option(
        "--id-field", metavar="KEY", help="... of the page's id (in `source`: FILE#ID; else the "
        "line number).")] = "id",
    shard: Annotated[str | None, typer.Option(
        "--shard", metavar="K/N", show_default=False,
        help="Do only shard K of N (from 0): every Nth input of the walk, so N runs (a Slurm array, "
        "GNU parallel) do each input once. Each writes its own --jsonl FILE.shard-K-of-N.")] = None,
    jobs: Jobs = None,
    timeout: Timeout = 30.0,
    max_bytes: MaxBytes = MAX_BYTES,
    min_confidence: MinConfidence = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Redo every input, even those whose output is up to date.")] = False,
    max_failures: Annotated[str, typer.Option(
        "--max-failures", metavar="N|N%",
        help="Exit 0 despite up to this many failed inputs (a number, or a share such as 5%).")] = "0",
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress, no summary, no warnings: only errors.")] = False,
    learn_boilerplate: Annotated[bool, typer.Option(
        "--learn-boilerplate", help="Drop the lines found on most pages of a site (two passes).")] = False,
    boilerplate_share: BoilerplateShare = SHARE,
    boilerplate_min_pages: BoilerplateMinPages = MIN_PAGES,
    input_type: InputTypeOption = InputType.AUTO,
    front_matter: FrontMatter = True,
    links: Links = False,
    images: Images = False,
    rules_dir: RulesDirs = None,
    debug: Debug = False,
) -> None:
    """Clean many scrapes in parallel, into a folder or a JSONL file.

    Each input gives a file under -o (or a line of --jsonl, in input order). A rerun skips
    inputs whose output is newer and made with the same options, rule files and version
    (--force redoes them); files appear whole or not at all.
    With --min-confidence, articles rated below it are still written, recorded with status
    low_confidence and counted apart, for review.
    Exit 0 if no input failed (pages without an article, or rated low, do not count), 1 if any
    did, 2 for usage errors.
    """
    setup_logging(debug)
    paths = paths or []
    with user_errors(debug):
        allowed = failure_allowance(max_failures)
        check_outputs(output, jsonl, paths)
        listed = read_file_list(files_from) if files_from is not None else None
        chosen = shard_option(shard) if shard is not None else None
    load_rules(rules_dir, debug, warn_problems=not quiet)
    options = Options(
        out_dir=output, jsonl=Path(jsonl) if jsonl not in (None, "-") else None, fmt=fmt,
        front_matter=front_matter, links=links, images=images, input_type=input_type.value,
        rules_dirs=dirs(rules_dir),
        include=tuple(include or ()), exclude=tuple(exclude or ()), timeout=timeout or None,
        max_bytes=max_bytes, min_confidence=min_confidence, force=force, files_from=listed,
        url_from_path=url_from_path, shard=chosen,
        record_fields={"html_field": html_field, "text_field": text_field, "url_field": url_field,
                       "id_field": id_field},
        learning=Learning(boilerplate_share, boilerplate_min_pages) if learn_boilerplate else None)
    if jobs:
        options = replace(options, jobs=jobs)
    stream = sys.stdout.buffer if jsonl == "-" else None
    with user_errors(debug):
        display = Display(quiet=quiet, debug=debug, learning=learn_boilerplate,
                          total=None if quiet else batch.count_inputs(paths, options))
        summary = run(display, paths, options, stream)
    raise typer.Exit(ExitCode.FAILED if summary.failed > allowed(summary.total) else ExitCode.OK)


def run(display: Display, paths: list[str], options: Options, stream: Any) -> Summary:
    """Show each Outcome as it comes; map what stops the run to its line and exit code."""
    summary = Summary()
    started = time.monotonic()
    try:
        for event in batch.run_batch(paths, options, jsonl_stream=stream):
            if isinstance(event, Counted):
                display.counted(event)
            elif isinstance(event, ArchiveReport):
                summary.add_archive(event.pages, event.skipped, event.error is not None)
                display.archive(event)
            elif isinstance(event, LearningReport):
                summary.learned = event
            else:
                summary.add(event)
                display.outcome(event)
    except BrokenPipeError:  # `--jsonl - | head`: the reader has all it wanted
        display.close()
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(ExitCode.FAILED) from None
    except OSError as err:  # the run cannot go on: a full disk, a JSONL file that cannot grow
        display.close()
        where = printable(os.fsdecode(err.filename)) if err.filename else "output"
        what, hint = write_problem(err)
        if where == "stdout":  # nothing more can go there, not even at exit; and no rerun resumes
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        else:
            hint += ": it goes on where this run stopped"
        stop(f"cannot write it: {what}; {hint}", ExitCode.FAILED, where)
    except KeyboardInterrupt:
        display.close()
        fail(None, "batch interrupted; rerun the same command to go on where it stopped")
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except BaseException:
        display.close()
        raise
    display.close(summary, time.monotonic() - started)
    return summary


def check_outputs(output: Path | None, jsonl: str | None, paths: list[str]) -> None:
    """Raise OptionError when there is nowhere to write, or the JSONL file is an input."""
    if output is None and jsonl is None:
        raise OptionError("--output", "give an output folder (-o DIR), or --jsonl FILE")
    if jsonl not in (None, "-") and same_path(Path(jsonl), paths):
        raise OptionError("--jsonl", "it would overwrite an input; choose another file")


def shard_option(text: str) -> Shard:
    try:
        return Shard.parse(text)
    except ValueError as err:
        raise OptionError("--shard", str(err)) from None


def read_file_list(name: str) -> FileList:
    """The --files-from list, read whole (it may be standard input, read once). Raises OptionError."""
    try:
        return FileList("standard input" if name == "-" else name, tuple(read_list(name)))
    except OSError as err:
        raise OptionError("--files-from", f"cannot read {name} ({err.strerror or err}); check the path"
                          ) from None


def same_path(path: Path, inputs: list[str]) -> bool:
    try:
        return path.exists() and any(Path(p).exists() and path.samefile(p) for p in inputs)
    except OSError:
        return False


def failure_allowance(text: str) -> Callable[[int], int]:
    """'--max-failures' as a function of the number of inputs: 3 -> 3; 5% -> 5% of them.
    Raises OptionError for anything else."""
    try:
        if text.strip().endswith("%"):
            share = float(text.strip()[:-1]) / 100
            if not 0 <= share <= 1:
                raise ValueError
            return lambda total: math.floor(share * total)
        count = int(text)
        if count < 0:
            raise ValueError
        return lambda total: count
    except ValueError:
        raise OptionError("--max-failures",
                          f"{text!r} is not a number of files or a share such as 5%") from None
