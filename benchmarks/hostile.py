#!/usr/bin/env python3
"""Hostile-input benchmark (issue 13): every case of tests/hostile.py, big ones included,
through `newsclean clean` as a user runs it, one subprocess a file.

Run from the repo root::

    python benchmarks/hostile.py [--small] [--only SUBSTRING] [--hang 60] [--write BENCHMARKS.md]

For each case: the outcome (article, refused with its message, traceback, hang, lost article),
the wall time and the peak RSS of the process (wait4's ru_maxrss). A run that has not ended
after `--hang` seconds is killed and counted as a hang (newsclean's own --timeout is 20 s).
Prints a Markdown table and totals; with --write, puts them into that file's
"## Hostile inputs" section (replaced if there, appended if not), keeping the rest of it.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import signal
import subprocess
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from hostile import Case, Expect, write_corpus  # noqa: E402

TIME_BOUND = 20.0  # seconds: every clean of one input ends within this (issue 13)
MEMORY_BOUND = 2 * 1024**3  # bytes of peak RSS: ... and within this
HANG_SECONDS = 60.0  # a run still going after this is killed and counted as a hang
SECTION = "## Hostile inputs"
MESSAGE_CHARS = 90  # of an error message shown in the table
ENFORCED = (
    "How each bound holds (the constants are documented where they live):",
    "- Size, before anything is decoded: `--max-bytes` / `max_bytes=` (`sniff.MAX_BYTES`, 50,000,000 "
    "bytes; a file of exactly that is read). A file's size is checked before it is read; stdin and a "
    "growing file are read to the cap + 1 bytes, never more; gzip is inflated to the cap + 1 bytes "
    "at most, and gzip inside gzip is refused. The line: `input is N bytes, over the 50,000,000-byte "
    "limit; raise --max-bytes (max_bytes= in Python) to read it`.",
    "- HTML path: the page is cut before its 25,001st tag (tags inside scripts and styles not "
    "counted), before parsing (`html_parse.MAX_TAGS`): trafilatura's cost is per element. A page "
    "nested past libxml2's 2,048 levels (which drops the deeper part silently) is parsed again "
    "without its container tags, or refused with one line if still too deep. The parsed tree is cut "
    "again after 27,500 elements (markup the tag count took for a script's text) and after 5,000,000 "
    "characters of text (`html_parse.MAX_ELEMENTS`, `MAX_TEXT_CHARS`).",
    "- Text path: a scrape is read to its first 50,000 lines and 5,000,000 characters, a flattened "
    "page to its first 50,000 sentences (`text.segment.MAX_LINES`, `MAX_TEXT_CHARS`).",
    "- Time, for anything else: `clean --timeout` (20 s, SIGALRM; the line says to raise --timeout) "
    "and `batch --timeout` (30 s, the worker is killed).",
)


@dataclass(frozen=True)
class Result:
    case: Case
    size: int
    outcome: str  # article, refused, traceback, hang, lost, unexpected
    seconds: float
    peak_rss: int  # bytes
    message: str = ""
    chars: int = 0  # of the article's text

    @property
    def row(self) -> str:
        message = self.message.replace("|", "\\|")
        if len(message) > MESSAGE_CHARS:
            message = message[:MESSAGE_CHARS] + "…"
        return (f"| {self.case.label} | {size_text(self.size)} | {self.case.expect.value} | "
                f"{self.outcome} | {self.chars or ''} | {self.seconds:.2f} | {self.peak_rss / 2**20:.0f} | "
                f"{message} |")


def size_text(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size:,} B"


def readable(text: str) -> str:
    """Text without format characters (ZWJ, bidi marks), which trafilatura drops."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def run_case(path: bytes, case: Case, hang: float) -> Result:
    """`newsclean clean PATH -f json` in a subprocess: outcome, wall time, peak RSS."""
    size = os.path.getsize(path)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "newsclean", "clean", os.fsdecode(path), "-f", "json"],
                                stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=ROOT)
        status, usage, killed = wait(proc.pid, started + hang)
        seconds = time.perf_counter() - started
        proc.returncode = 0  # reaped by wait4; Popen must not wait for it again
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    rss = usage.ru_maxrss * 1024
    if killed:
        return Result(case, size, "hang", seconds, rss)
    code = os.waitstatus_to_exitcode(status)
    outcome, message = judge(case, code, stdout, stderr)
    chars = len(json.loads(stdout).get("text", "")) if code == 0 and stdout.strip() else 0
    return Result(case, size, outcome, seconds, rss, message, chars)


def wait(pid: int, deadline: float) -> tuple[int, os.struct_rusage, bool]:
    """wait4 for `pid` until `deadline` (then SIGKILL): (status, rusage, killed)."""
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return status, usage, False
        if time.perf_counter() > deadline:
            os.kill(pid, signal.SIGKILL)
            _, status, usage = os.wait4(pid, 0)
            return status, usage, True
        time.sleep(0.02)


def judge(case: Case, code: int, stdout: str, stderr: str) -> tuple[str, str]:
    """What the run gave, and its error line if any."""
    lines = stderr.splitlines()
    message = re.sub(r"^newsclean: error: .*?: ", "", lines[0]) if lines else ""
    if "Traceback" in stderr or "Traceback" in stdout or code not in (0, 1):
        return "traceback", (lines[-1] if lines else f"exit {code}")
    if code == 0:
        text = json.loads(stdout).get("text", "") if stdout.strip() else ""
        if case.expect is Expect.ARTICLE and readable(case.planted or "") not in readable(text):
            return "lost", "the planted sentence is missing"
        return ("article" if case.expect is Expect.ARTICLE else "unexpected"), ""
    if len(lines) != 1 or not lines[0].startswith("newsclean: error: "):
        return "unexpected", f"{len(lines)} stderr lines"
    if case.expect is Expect.ARTICLE:
        return "lost", message
    return ("refused" if (case.says or "") in lines[0] else "unexpected"), message


def table(results: list[Result], command: str, seconds: float) -> str:
    """The section: how the bounds hold, the per-case table, the totals."""
    counts = {name: sum(r.outcome == name for r in results)
              for name in ("article", "refused", "traceback", "hang", "lost", "unexpected")}
    slowest = max(results, key=lambda r: r.seconds)
    biggest = max(results, key=lambda r: r.peak_rss)
    over = [r.case.label for r in results if r.seconds > TIME_BOUND or r.peak_rss > MEMORY_BOUND]
    lines = [
        SECTION, "",
        f"`{command}` ({time.strftime('%Y-%m-%d')}, Python {platform.python_version()}, this 2-core "
        f"machine; {len(results)} cases in {seconds:.0f} s). Each case is one `newsclean clean FILE -f "
        "json` subprocess; time is its wall time (Python start-up and imports included, about 0.5 s), "
        "peak RSS its `ru_maxrss`.", "",
        f"**Totals: {counts['traceback']} tracebacks, {counts['hang']} hangs, {counts['lost']} lost "
        f"articles, {counts['unexpected']} unexpected**; {counts['article']} articles, "
        f"{counts['refused']} refused with one error line. Slowest: {slowest.case.label} "
        f"{slowest.seconds:.1f} s; most memory: {biggest.case.label} {biggest.peak_rss / 2**20:.0f} MB. "
        f"Over {TIME_BOUND:g} s or {MEMORY_BOUND / 2**30:g} GiB: {', '.join(over) or 'none'}.", "",
        *ENFORCED, "",
        "| case | size | expected | outcome | article chars | time (s) | peak RSS (MB) | error line |",
        "|---|--:|---|---|--:|--:|--:|---|",
        *(r.row for r in results), ""]
    return "\n".join(lines) + "\n"


def write_section(target: Path, section: str) -> None:
    """Replace the section in `target` (up to the next '## ' heading), or append it."""
    text = target.read_text(encoding="utf-8")
    start = text.find(SECTION + "\n")
    if start < 0:
        target.write_text(text.rstrip("\n") + "\n\n" + section, encoding="utf-8")
        return
    end = text.find("\n## ", start + len(SECTION))
    rest = text[end + 1:] if end >= 0 else ""
    target.write_text(text[:start] + section + ("\n" + rest if rest else ""), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", action="store_true", help="only the cases of the unit suite")
    parser.add_argument("--only", help="only the cases whose name contains this")
    parser.add_argument("--hang", type=float, default=HANG_SECONDS, help="seconds before a run is killed")
    parser.add_argument("--write", type=Path, help="put the section into this Markdown file")
    args = parser.parse_args()
    started = time.perf_counter()
    results = []
    with tempfile.TemporaryDirectory(prefix="newsclean-hostile-") as folder:
        for path, case in write_corpus(folder, big=not args.small):
            if args.only and args.only not in case.label:
                os.unlink(path)
                continue
            result = run_case(path, case, args.hang)
            os.unlink(path)  # the big files go as soon as they are done
            print(result.row, file=sys.stderr, flush=True)
            results.append(result)
    command = "python benchmarks/hostile.py" + (" --small" if args.small else "") + (
        f" --only '{args.only}'" if args.only else "") + (f" --write {args.write}" if args.write else "")
    section = table(results, command, time.perf_counter() - started)
    if args.write:
        write_section(args.write, section)
    print(section)
    bad = sum(r.outcome in ("traceback", "hang", "lost", "unexpected") for r in results)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
