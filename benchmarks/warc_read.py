#!/usr/bin/env python3
"""WARC reading benchmark: pages per second of `newsclean.pages.read_warc` alone (no cleaning).

Run from the repo root (needs warcio: pip install '.[warc]')::

    python benchmarks/warc_read.py [DATASET_DIR] [--pages 3000] [--repeat 5] [--json FILE]

Builds, in a temporary folder, one crawl of `--pages` HTML pages as a crawler writes it (a
warcinfo record, then a request and a response record per page) in three layouts: gzip per
record (.warc.gz as wget, Heritrix and Common Crawl write it), one gzip stream (`gzip
crawl.warc`) and plain. The pages are the Scrapinghub pages of DATASET_DIR/html/*.html.gz,
cycled, when given (real sizes, 9-900 KB), else generated pages of ~40 KB of random words.

Timed, best of `--repeat` rounds, rounds alternating, in wall time and in this process's CPU
time (steadier on a shared machine):
- read_warc on each layout: every record read, every page's payload in memory;
- bare warcio on the per-record file (ArchiveIterator, content_stream().read() of each
  response): the ~2,000 pages/s figure measured before this reader existed;
- bare warcio through gzip.open on the one-stream file (what warcio needs for that layout).
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # repo root: newsclean

from newsclean.pages import Page, read_warc  # noqa: E402

GENERATED_WORDS = 6000  # per generated page: ~40 KB of HTML, near a real news page's median


def payloads(dataset: Path | None, count: int) -> tuple[list[bytes], str]:
    """`count` HTML pages, and what they are."""
    found = sorted(dataset.glob("html/*.html.gz")) if dataset else []
    if found:
        pages = [gzip.decompress(path.read_bytes()) for path in found]
        return [pages[n % len(pages)] for n in range(count)], f"Scrapinghub pages ({len(pages)}), cycled"
    rng = random.Random(12)
    vocabulary = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(2, 10)))
                  for _ in range(5000)]
    pages = []
    for n in range(count):
        paras = (" ".join(rng.choices(vocabulary, k=60)) for _ in range(GENERATED_WORDS // 60))
        body = "".join(f"<p>{para}</p>\n" for para in paras)
        pages.append(f"<!DOCTYPE html><html><head><title>Page {n}</title></head><body>"
                     f"<article>{body}</article></body></html>".encode())
    return pages, f"generated pages of {GENERATED_WORDS} random words"


def build_crawl(pages: list[bytes], gzipped: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "warc_read.py"}))
    for n, page in enumerate(pages):
        url = f"https://news.example/{n}"
        request = StatusAndHeaders(f"GET /{n} HTTP/1.1", [("Host", "news.example")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
        response = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                    protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(page),
                                                      length=len(page), http_headers=response))
    return out.getvalue()


def newsclean_reader(path: Path) -> Callable[[], int]:
    def run() -> int:
        return sum(isinstance(item, Page) for item in read_warc(path))
    return run


def warcio_reader(path: Path, through_gzip: bool) -> Callable[[], int]:
    from warcio.archiveiterator import ArchiveIterator

    def run() -> int:
        count = 0
        with (gzip.open(path) if through_gzip else open(path, "rb")) as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type == "response":
                    record.content_stream().read()
                    count += 1
        return count
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", nargs="?", type=Path, help="a folder with html/*.html.gz (optional)")
    parser.add_argument("--pages", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args()
    try:
        import warcio  # noqa: F401
    except ImportError:
        sys.exit("warc_read.py needs warcio: pip install '.[warc]'")

    pages, described = payloads(args.dataset, args.pages)
    with tempfile.TemporaryDirectory() as folder:
        plain = build_crawl(pages, gzipped=False)
        files = {"records": Path(folder, "crawl.warc.gz"), "stream": Path(folder, "stream.warc.gz"),
                 "plain": Path(folder, "crawl.warc")}
        files["records"].write_bytes(build_crawl(pages, gzipped=True))
        files["stream"].write_bytes(gzip.compress(plain, 6))
        files["plain"].write_bytes(plain)
        runs = {
            "read_warc, gzip per record": newsclean_reader(files["records"]),
            "read_warc, one gzip stream": newsclean_reader(files["stream"]),
            "read_warc, plain": newsclean_reader(files["plain"]),
            "warcio, gzip per record": warcio_reader(files["records"], through_gzip=False),
            "warcio + gzip.open, one stream": warcio_reader(files["stream"], through_gzip=True),
        }
        times: dict[str, list[float]] = {name: [] for name in runs}
        cpu: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(args.repeat):
            for name, run in runs.items():
                start, start_cpu = time.perf_counter(), time.process_time()
                found = run()
                times[name].append(time.perf_counter() - start)
                cpu[name].append(time.process_time() - start_cpu)
                assert found == len(pages), (name, found)
        sizes = {name: path.stat().st_size for name, path in files.items()}

    mean_kb = sum(map(len, pages)) / len(pages) / 1024
    print(f"# WARC reading: {len(pages)} pages ({described}; mean {mean_kb:.0f} KB), "
          f"best of {args.repeat}\n")
    print(f"Files: per record {sizes['records'] / 2**20:.1f} MiB, one stream "
          f"{sizes['stream'] / 2**20:.1f} MiB, plain {sizes['plain'] / 2**20:.1f} MiB. "
          f"Python {platform.python_version()}, {platform.machine()}.\n")
    print("| reader | pages/s, wall (best) | wall (median) | pages/s, CPU (best) "
          "| CPU vs warcio per record |")
    print("|---|---:|---:|---:|---:|")
    base = len(pages) / min(cpu["warcio, gzip per record"])
    figures = {}
    for name, spent in times.items():
        best, median = len(pages) / min(spent), len(pages) / statistics.median(spent)
        best_cpu = len(pages) / min(cpu[name])
        figures[name] = {"wall_best": round(best), "wall_median": round(median), "cpu_best": round(best_cpu)}
        print(f"| {name} | {best:,.0f} | {median:,.0f} | {best_cpu:,.0f} | {best_cpu / base:.2f}x |")
    if args.json:
        args.json.write_text(json.dumps({"pages": len(pages), "payloads": described,
                                         "mean_kb": round(mean_kb, 1), "pages_per_s": figures},
                                        indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
