"""`newsclean batch` (a folder of scrapes in, a folder of clean articles out) and
`newsclean rules learn` (a draft rule file from the lines a site's pages share)."""
from __future__ import annotations

import math
import os
import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from . import batch
from .batch import Counted, Learning, LearningReport, Options, Outcome, Status, Summary
from .boilerplate import MIN_PAGES, SHARE, draft_rules
from .errors import NewscleanError, OptionError
from .render import Format

PLAIN_EVERY = 10.0  # seconds between progress lines when stderr is not a terminal
REFRESH_EVERY = 0.1  # seconds between redraws of the progress bar

Paths = Annotated[list[Path], typer.Argument(
    help="Folders (walked recursively) and files to clean.", exists=True, show_default=False)]
Include = Annotated[Optional[list[str]], typer.Option(
    "--include", help="Clean only files matching this glob (repeatable; a glob with '/' matches the "
    "path below the folder). Default: *.html *.htm *.xhtml *.txt *.md and their .gz forms.",
    show_default=False)]
Exclude = Annotated[Optional[list[str]], typer.Option(
    "--exclude", help="Skip files and folders matching this glob (repeatable).", show_default=False)]
Jobs = Annotated[Optional[int], typer.Option(
    "--jobs", "-j", min=1, help="Worker processes. [default: the number of CPUs]", show_default=False)]
Timeout = Annotated[float, typer.Option(
    "--timeout", min=0, help="Seconds per file before its worker is stopped and the file recorded "
    "as failed; 0: no limit.")]
InputTypeOption = Annotated[str, typer.Option(
    "--input-type", help="auto, html or text: force the HTML or the text path.")]
RulesDirs = Annotated[Optional[list[Path]], typer.Option(
    "--rules-dir", help="Folder of site rule files; repeatable. Also NEWSCLEAN_RULES_PATH.",
    exists=True, file_okay=False, dir_okay=True)]


def batch_cli(
    paths: Paths,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", file_okay=False, help="Output folder: each input's relative path, with "
        "the format's suffix (a/b.html -> a/b.md).")] = None,
    jsonl: Annotated[Optional[str], typer.Option(
        "--jsonl", help="Write one JSON line per input, in input order, to this file ('-': stdout).",
        show_default=False)] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format of -o files.")] = Format.MARKDOWN,
    include: Include = None,
    exclude: Exclude = None,
    jobs: Jobs = None,
    timeout: Timeout = 30.0,
    force: Annotated[bool, typer.Option(
        "--force", help="Redo every input, even those whose output is newer.")] = False,
    max_failures: Annotated[str, typer.Option(
        "--max-failures", help="Exit 0 despite up to this many failed inputs (a number, or a "
        "share such as 5%).")] = "0",
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress, no summary, no warnings: only errors.")] = False,
    learn_boilerplate: Annotated[bool, typer.Option(
        "--learn-boilerplate", help="Drop the lines found on most pages of a site (two passes).")] = False,
    boilerplate_share: Annotated[float, typer.Option(
        "--boilerplate-share", min=0.0, max=1.0,
        help="With --learn-boilerplate: a line on more than this share of a site's pages goes.")] = SHARE,
    boilerplate_min_pages: Annotated[int, typer.Option(
        "--boilerplate-min-pages", min=2,
        help="With --learn-boilerplate: only sites with at least this many pages.")] = MIN_PAGES,
    input_type: InputTypeOption = "auto",
    front_matter: Annotated[bool, typer.Option(
        "--front-matter/--no-front-matter", help="YAML metadata block atop Markdown files.")] = True,
    rules_dir: RulesDirs = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
) -> None:
    """Clean folders of scrapes into a folder of articles, or one JSONL file, in parallel.

    A rerun skips inputs whose output is newer (--force redoes them); files appear whole or not at all.

    Exit 0 if no input failed (pages without an article do not count), 1 if any did, 2 for usage errors.
    """
    check_input_type(input_type)
    options = Options(
        out_dir=output, jsonl=Path(jsonl) if jsonl not in (None, "-") else None, fmt=fmt,
        front_matter=front_matter, input_type=input_type,
        rules_dirs=tuple(str(d) for d in rules_dir or ()), include=tuple(include or ()),
        exclude=tuple(exclude or ()), jobs=jobs or batch.cpu_count(), timeout=timeout or None,
        force=force, learning=Learning(boilerplate_share, boilerplate_min_pages) if learn_boilerplate else None)
    stream = sys.stdout.buffer if jsonl == "-" else None
    if output is None and jsonl is None:
        raise typer.BadParameter("give an output folder (-o DIR), or --jsonl FILE", param_hint="'--output'")
    if options.jsonl is not None and same_path(options.jsonl, paths):
        raise typer.BadParameter("it would overwrite an input; choose another file", param_hint="'--jsonl'")
    allowed = failure_allowance(max_failures)
    display = Display(quiet=quiet, debug=debug, learning=learn_boilerplate,
                      total=None if quiet else batch.count_inputs(paths, options))
    summary = Summary()
    started = time.monotonic()
    try:
        for event in batch.run_batch(paths, options, jsonl_stream=stream):
            if isinstance(event, Counted):
                display.counted(event)
            elif isinstance(event, LearningReport):
                summary.learned = event
            else:
                summary.add(event)
                display.outcome(event)
    except OptionError as err:
        display.close()
        hint = f"'{err.option}'" if err.option.startswith("-") else err.option
        raise typer.BadParameter(err.message, param_hint=hint) from None
    except NewscleanError as err:  # a broken --rules-dir
        display.close()
        sys.stderr.write(f"newsclean: error: {' '.join(str(err).split())}\n")
        raise typer.Exit(2) from None
    except BrokenPipeError:  # `--jsonl - | head`: the reader has all it wanted
        display.close()
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(1) from None
    except OSError as err:  # the JSONL file or stdout cannot take more (a full disk)
        display.close()
        sys.stderr.write(f"newsclean: error: {err.filename or 'output'}: cannot write "
                         f"({err.strerror or err}); free some space, or choose another place\n")
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        display.close()
        sys.stderr.write("newsclean: batch interrupted; rerun the same command to go on where it stopped\n")
        raise typer.Exit(130) from None
    display.close(summary, time.monotonic() - started)
    raise typer.Exit(1 if summary.failed > allowed(summary.total) else 0)


def check_input_type(input_type: str) -> None:
    from .api import INPUT_TYPES

    if input_type not in INPUT_TYPES:
        raise typer.BadParameter(f"must be one of {', '.join(INPUT_TYPES)}", param_hint="'--input-type'")


def same_path(path: Path, inputs: list[Path]) -> bool:
    try:
        return path.exists() and any(p.exists() and path.samefile(p) for p in inputs)
    except OSError:
        return False


def failure_allowance(text: str):
    """'--max-failures' as a function of the number of inputs: 3 -> 3; 5% -> 5% of them."""
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
        raise typer.BadParameter(f"{text!r} is not a number of files or a share such as 5%",
                                 param_hint="'--max-failures'") from None


class RateColumn(ProgressColumn):
    def render(self, task) -> Text:
        return Text(f"{task.speed or 0:.1f} files/s")


class FailedColumn(ProgressColumn):
    def render(self, task) -> Text:
        failed = task.fields.get("failed", 0)
        return Text(f"{failed} failed", style="red" if failed else "dim")


class Display:
    """Errors as they come, progress (a bar on a terminal, periodic lines otherwise) and the
    summary, all on stderr."""

    def __init__(self, *, quiet: bool, debug: bool, learning: bool, total: int | None):
        self.quiet, self.debug, self.total = quiet, debug, total
        self.console = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)
        self.done = self.failed = self.counted_pages = 0
        self.started = self.last = time.monotonic()
        self.phase = "learning" if learning else "cleaning"
        self.progress = self.task = None
        if not quiet and self.console.is_terminal:
            self.progress = Progress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                TimeRemainingColumn(), FailedColumn(), console=self.console, auto_refresh=False,
                redirect_stdout=False, redirect_stderr=False)  # no refresh thread: workers fork
            self.progress.start()
            self.task = self.progress.add_task(self.phase, total=total, failed=0)

    def say(self, line: str) -> None:
        if self.progress is not None:
            self.console.print(line, markup=False)
        else:
            sys.stderr.write(line + "\n")

    def counted(self, event: Counted) -> None:
        self.counted_pages += 1
        self.tick(self.counted_pages)

    def outcome(self, outcome: Outcome) -> None:
        if self.phase == "learning":
            self.phase = "writing"
            self.started = time.monotonic()
            if self.progress is not None:
                self.progress.reset(self.task, description="writing", total=self.total, failed=0)
        self.done += 1
        if outcome.status is Status.FAILED:
            self.failed += 1
            self.say(f"newsclean: error: {outcome.source}: {' '.join(outcome.error.split())}")
            if self.debug and outcome.detail:
                self.say(outcome.detail.rstrip())
        elif outcome.error and not self.quiet:
            self.say(f"newsclean: warning: {outcome.source}: {' '.join(outcome.error.split())}")
        self.tick(self.done)

    def tick(self, done: int) -> None:
        now = time.monotonic()
        if self.progress is not None:
            self.progress.update(self.task, completed=done, failed=self.failed)
            if now - self.last >= REFRESH_EVERY:
                self.progress.refresh()
                self.last = now
        elif not self.quiet and now - self.last >= PLAIN_EVERY:
            self.last = now
            rate = done / max(now - self.started, 1e-9)
            left = (f", about {format_seconds((self.total - done) / rate)} left"
                    if self.total and rate else "")
            of = f" of {self.total}" if self.total is not None else ""
            sys.stderr.write(f"batch: {self.phase} {done}{of} files, {rate:.1f} files/s, "
                             f"{self.failed} failed{left}\n")

    def close(self, summary: Summary | None = None, seconds: float = 0.0) -> None:
        if self.progress is not None:
            self.progress.refresh()
            self.progress.stop()
            self.progress = None
        if summary is None or self.quiet:
            return
        if self.console.is_terminal:
            table = Table("ok", "failed", "empty", "skipped", "in", "out", "time", box=None)
            table.add_row(str(summary.ok), str(summary.failed), str(summary.empty), str(summary.skipped),
                          format_bytes(summary.bytes_in), format_bytes(summary.bytes_out),
                          format_seconds(seconds))
            self.console.print(table)
        for line in summary.learned.summary_lines() if summary.learned else ():
            sys.stderr.write(line + "\n")
        sys.stderr.write(summary_line(summary, seconds) + "\n")


def summary_line(summary: Summary, seconds: float) -> str:
    """`batch: 41 cleaned, 2 failed, 3 empty, 10 skipped; 12.3 MB in, 1.1 MB out; 8.2 s`."""
    counts = [f"{summary.ok} cleaned", f"{summary.failed} failed"]
    counts += [f"{summary.empty} empty"] if summary.empty else []
    counts += [f"{summary.skipped} skipped"] if summary.skipped else []
    return (f"batch: {', '.join(counts)}; {format_bytes(summary.bytes_in)} in, "
            f"{format_bytes(summary.bytes_out)} out; {format_seconds(seconds)}")


def format_bytes(count: int) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if count < 1000 or unit == "GB":
            return f"{count} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1000
    return f"{count} B"


def format_seconds(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes} min {secs:02d} s" if minutes < 60 else f"{minutes // 60} h {minutes % 60:02d} min"


# ---- newsclean rules learn ----

def learn_cli(
    paths: Paths,
    host: Annotated[Optional[str], typer.Option(
        "--host", help="The site to learn (a host such as example.com); needed when the pages "
        "come from several.")] = None,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", dir_okay=False, help="Write the draft here instead of stdout.")] = None,
    share: Annotated[float, typer.Option(
        "--share", min=0.0, max=1.0, help="Keep lines found on more than this share of the pages.")] = SHARE,
    min_pages: Annotated[int, typer.Option(
        "--min-pages", min=2, help="Refuse to learn from fewer pages than this.")] = MIN_PAGES,
    include: Include = None,
    exclude: Exclude = None,
    jobs: Jobs = None,
    timeout: Timeout = 30.0,
    input_type: InputTypeOption = "auto",
    rules_dir: RulesDirs = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing -o file.")] = False,
) -> None:
    """Draft a rule file from the lines that recur on a site's pages, for a person to review.

    Each line becomes a strip_line (digits as \\d+) under a comment saying on how many pages it was seen.
    """
    check_input_type(input_type)
    if output is not None and output.exists() and not force:
        raise typer.BadParameter(f"{output} exists; choose another name, or --force",
                                 param_hint="'--output'")
    options = Options(input_type=input_type, rules_dirs=tuple(str(d) for d in rules_dir or ()),
                      include=tuple(include or ()), exclude=tuple(exclude or ()),
                      jobs=jobs or batch.cpu_count(), timeout=timeout or None)

    def show(outcome: Outcome) -> None:
        if outcome.status is Status.FAILED:
            sys.stderr.write(f"newsclean: error: {outcome.source}: {' '.join(outcome.error.split())}\n")

    try:
        tallies = batch.tally_sites(paths, options, on_page=show)
    except NewscleanError as err:
        sys.stderr.write(f"newsclean: error: {' '.join(str(err).split())}\n")
        raise typer.Exit(2) from None
    found = ", ".join(f"{site} ({t.pages} pages)" for site, t in
                      sorted(tallies.items(), key=lambda item: (-item[1].pages, item[0])))
    where = " ".join(str(p) for p in paths)
    if host is None:
        if len(tallies) != 1:
            sys.stderr.write(f"newsclean: error: {where}: " + (
                f"pages of several sites: {found}; choose one with --host\n" if tallies
                else "no page could be cleaned; check the folder with `newsclean batch`\n"))
            raise typer.Exit(1)
        host = next(iter(tallies))
    host = host.lower().removeprefix("www.")
    tally = tallies.get(host)
    if tally is None:
        sys.stderr.write(f"newsclean: error: {where}: no pages of {host} "
                         f"(found {found or 'none'}); check --host\n")
        raise typer.Exit(1)
    if tally.pages < min_pages:
        sys.stderr.write(f"newsclean: error: {where}: only {tally.pages} pages of {host}; learning "
                         f"needs at least {min_pages} (--min-pages)\n")
        raise typer.Exit(1)
    learned = tally.learned(share)
    text = draft_rules(host, tally.pages, learned, where, share)
    if output is None:
        typer.echo(text, nl=False)
    else:
        try:
            batch.write_atomic(os.fspath(output.absolute()), text.encode("utf-8"))
        except OSError as err:
            sys.stderr.write(f"newsclean: error: {output}: cannot write it ({err.strerror or err}); "
                             "check the path\n")
            raise typer.Exit(1) from None
    sys.stderr.write(f"rules learn: {host}: {len(learned)} lines found on more than "
                     f"{share:.0%} of {tally.pages} pages\n")
