#!/usr/bin/env python3
"""Archive benchmark: the same pages as files, as one WARC and as one JSON-lines dump, through
`newsclean batch` (the CLI, as a user runs it), with --jobs 1 and --jobs 2.

Run from the repo root::

    python benchmarks/archives.py [DATASET_DIR] [--pages 600] [--repeat 3] [--write BENCHMARKS.md]

The pages are the Scrapinghub HTML pages (DATASET_DIR/html/*.html.gz, read from
../shared/datasets; never committed), cycled to `--pages`, each with its URL from the dataset's
ground truth where there is one (the files get theirs through a `--files-from` list, so all three
inputs do the same work: a URL picks site rules). The WARC is gzipped per record (as wget, Heritrix and Common
Crawl write them), a request record before each response as crawlers write them. Each run is
`newsclean batch INPUT --jsonl OUT --force --quiet --jobs N` in a fresh process; wall time,
best of `--repeat` rounds, rounds alternating the three inputs so that load on a shared machine
falls on all of them alike. Target (issue 12): an archive's pages/s within 10% of the same
pages as files, with one job and with two.
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 0.10
SECTION = "## Web archives and dumps against files (`benchmarks/archives.py`)"


def page_files(dataset: Path, count: int) -> list[tuple[str, bytes]]:
    """(url, html bytes) for `count` pages, cycling through the dataset's pages."""
    pages = sorted(dataset.glob("html/*.html.gz"))
    if not pages:
        raise SystemExit(f"no pages under {dataset}/html; give the Scrapinghub dataset folder")
    truth = {}
    truth_file = dataset / "ground-truth.json"
    if truth_file.exists():
        truth = {key: value.get("url") for key, value in json.loads(truth_file.read_text()).items()}
    found = []
    for number in range(count):
        page = pages[number % len(pages)]
        key = page.name.split(".")[0]
        url = truth.get(key) or f"https://pages.example/{key}"
        found.append((f"{url}#copy{number // len(pages)}" if number >= len(pages) else url,
                      gzip.decompress(page.read_bytes())))
    return found


def write_inputs(folder: Path, pages: list[tuple[str, bytes]]) -> dict[str, Path]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    files = folder / "files"
    files.mkdir()
    listing = []
    for number, (url, html) in enumerate(pages):
        (files / f"page-{number:05d}.html").write_bytes(html)
        listing.append(f"{files / f'page-{number:05d}.html'}\t{url}\n")
    manifest = folder / "files.list"
    manifest.write_text("".join(listing), encoding="utf-8")
    warc = folder / "crawl.warc.gz"
    with open(warc, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, html in pages:
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "pages.example")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                          http_headers=request))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html),
                                                          http_headers=headers))
    dump = folder / "dump.jsonl"
    with open(dump, "w", encoding="utf-8") as handle:
        for number, (url, html) in enumerate(pages):
            text = html.decode("utf-8", "replace")
            handle.write(json.dumps({"id": str(number), "url": url, "html": text}) + "\n")
    # The files come with their URLs (`--files-from`, a tab and the URL a line), as the WARC and
    # the dump give theirs: a URL picks site rules, so without it the files would do less work.
    return {"files": ["--files-from", str(manifest)], "warc": [str(warc)], "jsonl": [str(dump)]}


def run(source: list[str], out: Path, jobs: int) -> tuple[float, float]:
    """Wall seconds and CPU seconds (the run's processes, user + system) of one batch run."""
    command = [sys.executable, "-m", "newsclean", "batch", *source, "--jsonl", str(out), "--force",
               "--quiet", "--jobs", str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):  # 1: some pages failed, as on real crawls
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr[-2000:]}")
    return seconds, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dataset", nargs="?", default=str(ROOT.parent / "shared/datasets/scrapinghub"))
    parser.add_argument("--pages", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", help="put the figures into this Markdown file (its own section)")
    args = parser.parse_args()
    pages = page_files(Path(args.dataset), args.pages)
    best: dict[tuple[str, int], float] = {}
    cpu: dict[tuple[str, int], float] = {}
    with tempfile.TemporaryDirectory() as temp:
        inputs = write_inputs(Path(temp), pages)
        for _ in range(args.repeat):
            for jobs in (1, 2):
                for name, source in inputs.items():
                    seconds, used = run(source, Path(temp) / f"{name}.jsonl", jobs)
                    best[name, jobs] = min(best.get((name, jobs), seconds), seconds)
                    cpu[name, jobs] = min(cpu.get((name, jobs), used), used)
    rows = []
    for jobs in (1, 2):
        base = len(pages) / best["files", jobs]
        for name in ("files", "warc", "jsonl"):
            rate = len(pages) / best[name, jobs]
            rows.append(f"| {name} | {jobs} | {rate:,.1f} | {rate / base:.2f}x "
                        f"| {cpu[name, jobs] / len(pages) * 1000:.1f} |")
    worst = min(best["files", j] / best[n, j] for j in (1, 2) for n in ("warc", "jsonl"))
    verdict = "met" if worst >= 1 - TARGET else "NOT met"
    load = os.getloadavg()[0]
    text = "\n".join([
        SECTION, "",
        f"`python benchmarks/archives.py --pages {args.pages} --repeat {args.repeat}` "
        f"({time.strftime('%Y-%m-%d')}, Python {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"load average {load:.1f} at the end): {len(pages)} Scrapinghub pages as files "
        "(with their URLs, from a `--files-from` list), as one WARC "
        "(gzip per record, a request before each response) and as one JSON-lines dump, each "
        "through `newsclean batch INPUT --jsonl OUT --force --quiet --jobs N`, best of the rounds.",
        "", "| input | jobs | pages/s | against files | CPU ms a page (all processes, least of the rounds) |",
        "|---|--:|--:|--:|--:|", *rows, "",
        f"Target, an archive within {TARGET:.0%} of files: {verdict} (worst {worst:.2f}x).", ""])
    print(text)
    if args.write:
        target = Path(args.write)
        old = target.read_text(encoding="utf-8") if target.exists() else ""
        if SECTION in old:
            start = old.index(SECTION)
            end = old.find("\n## ", start + len(SECTION))
            old = old[:start] + old[end + 1:] if end != -1 else old[:start]
        target.write_text(old.rstrip("\n") + "\n\n" + text, encoding="utf-8")


if __name__ == "__main__":
    main()
