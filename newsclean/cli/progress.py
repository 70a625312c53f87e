"""The batch's stderr: errors as they come, progress (a bar on a terminal, periodic lines
otherwise) and the summary; byte and second formats."""
from __future__ import annotations

import sys
import time

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from ..batch import ArchiveReport, Counted, Outcome, Status, Summary
from .common import line

PLAIN_EVERY = 10.0  # seconds between progress lines when stderr is not a terminal
REFRESH_EVERY = 0.1  # seconds between redraws of the progress bar


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
        self.progress: Progress | None = None
        self.task: TaskID | None = None
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

    def archive(self, report: ArchiveReport) -> None:
        """An archive's end: its pages were shown one by one; a damage that stopped it is a
        failure of its own."""
        if report.error is not None:
            self.failed += 1
            self.say(line(report.source, report.error))

    def outcome(self, outcome: Outcome) -> None:
        if self.phase == "learning":
            self.phase = "writing"
            self.started = time.monotonic()
            if self.progress is not None and self.task is not None:
                self.progress.reset(self.task, description="writing", total=self.total, failed=0)
        self.done += 1
        if outcome.status is Status.FAILED:
            self.failed += 1
            self.say(line(outcome.source, outcome.error or ""))
            if self.debug and outcome.detail:
                self.say(outcome.detail.rstrip())
        elif outcome.error and not self.quiet:
            self.say(line(outcome.source, outcome.error, "warning"))
        self.tick(self.done)

    def tick(self, done: int) -> None:
        now = time.monotonic()
        if self.progress is not None and self.task is not None:
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
            low = ["low confidence"] if summary.low_confidence else []
            table = Table("ok", "failed", "empty", "skipped", *low, "in", "out", "time", box=None)
            table.add_row(str(summary.ok), str(summary.failed), str(summary.empty), str(summary.skipped),
                          *[str(summary.low_confidence)] * len(low), format_bytes(summary.bytes_in),
                          format_bytes(summary.bytes_out), format_seconds(seconds))
            self.console.print(table)
        for learned in summary.learned.summary_lines() if summary.learned else ():
            sys.stderr.write(learned + "\n")
        for redone in summary.redone_lines():
            sys.stderr.write(redone + "\n")
        sys.stderr.write(summary_line(summary, seconds) + "\n")


def summary_line(summary: Summary, seconds: float) -> str:
    """`batch: 41 cleaned, 2 failed, 3 empty, 10 skipped, 4 low confidence; 12.3 MB in, 1.1 MB
    out; 8.2 s` (articles rated below --min-confidence are written, but not counted as cleaned)."""
    counts = [f"{summary.ok} cleaned", f"{summary.failed} failed"]
    counts += [f"{summary.empty} empty"] if summary.empty else []
    counts += [f"{summary.skipped} skipped"] if summary.skipped else []
    counts += [f"{summary.low_confidence} low confidence"] if summary.low_confidence else []
    records = ""
    if summary.no_page:
        reasons = ", ".join(f"{count} {reason}" for reason, count in summary.no_page.most_common())
        records = f"; {sum(summary.no_page.values())} archive records held no page ({reasons})"
    return (f"batch: {', '.join(counts)}{records}; {format_bytes(summary.bytes_in)} in, "
            f"{format_bytes(summary.bytes_out)} out; {format_seconds(seconds)}")


def format_bytes(count: int) -> str:
    """`512 B`, `12.3 kB`, `1.1 MB` (powers of 1000)."""
    value: float = count
    for unit in ("B", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{count} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{count} B"


def format_seconds(seconds: float) -> str:
    """`8.2 s`, `3 min 05 s`, `2 h 07 min`."""
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes} min {secs:02d} s" if minutes < 60 else f"{minutes // 60} h {minutes % 60:02d} min"
