#!/usr/bin/env python3
"""Scale benchmark: the figures docs/scale.md rests on, in CPU time (this machine is shared, so
wall time says more about the other users than about newsclean).

Run from the repo root (needs warcio: pip install '.[warc]')::

    python benchmarks/scale.py [DATASET_DIR] [--styles DIR] [--copies 5] [--repeat 2] [--json FILE]

Every run is `newsclean batch ... --jobs 1 --quiet` as a user types it, executed by the CLI in
a fresh Python process that then reports its own CPU time and peak RSS (the parent: walk,
planning, records, reading archives) and those of its children (the worker processes: reading,
cleaning, rendering, writing each page). With one worker, worker CPU per page is the CPU a
page costs one core.

1. Per-page CPU: the Scrapinghub HTML pages (DATASET_DIR/html/*.html.gz, gzip files as saved),
   their text renderings (DATASET_DIR/text/<style>/, and each style folder under `--styles`),
   and the same HTML pages inside one WARC (gzip per record, a request before each response).
   Each corpus runs once as it is (181 pages) and once copied `--copies` times; the per-page
   figure is the slope between the two (start-up and imports cancel out), the fixed cost per
   run its intercept. Best (least CPU) of `--repeat` rounds. Runs write `-o OUT` and `--jsonl`.
2. Memory: peak RSS of the largest worker and of the parent over the copied runs.
3. Output sizes: bytes per page of the Markdown files, of a JSONL record, of an archive's JSONL,
   and their gzip ratio (gzip -6).
4. Reruns: the copied HTML folder and WARC again, without --force (everything up to date).
5. The walk and lists: every --shard walks (or reads) all inputs and stats each, then keeps its
   own: parent CPU per file of a walk over a folder of tiny files with --shard 0/1000, and CPU
   and memory per line of a --files-from list (paths that do not exist: no disk needed).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the newsclean of this checkout, in the child too

WALK_FILES = (2_000, 20_000)  # tiny files under a folder, for the walk's cost per file
LIST_LINES = (10_000, 200_000)  # lines of a --files-from list, for its cost per line
BASE = ("--quiet", "--max-failures", "100%")


def child(args: list[str]) -> None:
    """In a fresh process: the CLI over `args`; CPU and peak RSS of this process and its workers."""
    from newsclean.cli import app

    started = time.perf_counter()
    try:
        app(args, prog_name="newsclean")
        code = 0
    except SystemExit as end:
        code = int(end.code or 0)
    wall = time.perf_counter() - started
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"code": code, "wall": wall, "parent_cpu": me.ru_utime + me.ru_stime,
                      "worker_cpu": kids.ru_utime + kids.ru_stime, "parent_rss_mb": me.ru_maxrss / 1024,
                      "worker_rss_mb": kids.ru_maxrss / 1024}))


def batch(*args: str | Path, jobs: int = 1) -> dict:
    """`newsclean batch ARGS --jobs N --quiet` in a fresh process: its report."""
    command = [sys.executable, __file__, "--child", "batch", *map(str, args), "--jobs", str(jobs), *BASE]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0 or not done.stdout.strip():
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    if report["code"] not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited {report['code']}:\n{done.stderr[-3000:]}")
    return report


def copy_pages(pages: list[Path], folder: Path, copies: int) -> int:
    for copy in range(copies):
        target = folder / f"copy{copy}"
        target.mkdir(parents=True)
        for page in pages:
            shutil.copyfile(page, target / page.name)
    return len(pages) * copies


def write_warc(pages: list[Path], path: Path, copies: int, urls: dict[str, str]) -> int:
    """One WARC of `copies` x the pages, gzip per record, a request record before each response."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for copy in range(copies):
            for page in pages:
                key = page.name.split(".")[0]
                url = f"{urls.get(key) or 'https://pages.example/' + key}#copy{copy}"
                html = gzip.decompress(page.read_bytes()) if page.suffix == ".gz" else page.read_bytes()
                request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "pages.example")],
                                           is_http_request=True)
                writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                              http_headers=request))
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html),
                                                              http_headers=headers))
    return len(pages) * copies


def best(runs: list[dict]) -> dict:
    return min(runs, key=lambda r: r["parent_cpu"] + r["worker_cpu"])


def slope(small: dict, large: dict, pages: tuple[int, int]) -> dict:
    """Per-page CPU (ms) of parent and workers between two runs, and the fixed CPU (s) per run."""
    added = pages[1] - pages[0]
    parent = (large["parent_cpu"] - small["parent_cpu"]) / added
    worker = (large["worker_cpu"] - small["worker_cpu"]) / added
    fixed = small["parent_cpu"] + small["worker_cpu"] - pages[0] * (parent + worker)
    return {"parent_ms": parent * 1000, "worker_ms": worker * 1000, "total_ms": (parent + worker) * 1000,
            "per_core_pages_s": 1 / (parent + worker), "fixed_s": fixed}


def jsonl_stats(path: Path) -> dict:
    data = path.read_bytes()
    lines = data.splitlines()
    statuses: dict[str, int] = {}
    for line in lines:
        status = json.loads(line)["status"]
        statuses[status] = statuses.get(status, 0) + 1
    return {"lines": len(lines), "bytes_per_line": len(data) / max(1, len(lines)), "statuses": statuses,
            "gzip_ratio": len(gzip.compress(data, 6)) / max(1, len(data))}


def markdown_stats(folder: Path) -> dict:
    files = list(folder.rglob("*.md"))
    data = b"".join(f.read_bytes() for f in files)
    return {"files": len(files), "bytes_per_file": len(data) / max(1, len(files)),
            "gzip_ratio": len(gzip.compress(data, 6)) / max(1, len(data))}


def measure_corpus(name: str, small: Path, large: Path, pages: tuple[int, int], temp: Path,
                   repeat: int) -> dict:
    """Rounds of the one-copy and the copied corpus, alternating; slope, memory and output sizes."""
    runs: dict[str, list[dict]] = {"small": [], "large": []}
    for _ in range(repeat):
        for size, folder in (("small", small), ("large", large)):
            out = temp / f"out-{name}-{size}"
            runs[size].append(batch(folder, "-o", out, "--jsonl", f"{out}.jsonl", "--force"))
    result = slope(best(runs["small"]), best(runs["large"]), pages)
    large_run = best(runs["large"])
    out = temp / f"out-{name}-large"
    result.update(pages=pages, worker_rss_mb=max(r["worker_rss_mb"] for r in runs["large"]),
                  parent_rss_mb=max(r["parent_rss_mb"] for r in runs["large"]),
                  jsonl=jsonl_stats(Path(f"{out}.jsonl")), markdown=markdown_stats(out),
                  input_bytes_per_page=sum(len(read_page(p)) for p in large.rglob("*.*")) / pages[1],
                  large_wall=large_run["wall"])
    return result


def read_page(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()


def measure_warc(pages: list[Path], temp: Path, copies: int, repeat: int, urls: dict[str, str]) -> dict:
    small, large = temp / "small.warc.gz", temp / "large.warc.gz"
    counts = (write_warc(pages, small, 1, urls), write_warc(pages, large, copies, urls))
    runs: dict[str, list[dict]] = {"small": [], "large": []}
    for _ in range(repeat):
        for size, path in (("small", small), ("large", large)):
            runs[size].append(batch(path, "-o", temp / f"out-warc-{size}", "--force"))
    result = slope(best(runs["small"]), best(runs["large"]), counts)
    out = temp / "out-warc-large"
    archive_jsonl = out / "large.jsonl"
    result.update(pages=counts, warc_bytes_per_page=large.stat().st_size / counts[1],
                  worker_rss_mb=max(r["worker_rss_mb"] for r in runs["large"]),
                  parent_rss_mb=max(r["parent_rss_mb"] for r in runs["large"]),
                  jsonl=jsonl_stats(archive_jsonl))
    rerun = batch(large, "-o", out)  # up to date: its lines are copied
    result["rerun"] = {"cpu_s": rerun["parent_cpu"] + rerun["worker_cpu"], "wall_s": rerun["wall"]}
    two = batch(large, "-o", temp / "out-warc-jobs2", jobs=2)  # the parent holds more pages in flight
    result["jobs2_rss_mb"] = {"parent": two["parent_rss_mb"], "worker": two["worker_rss_mb"]}
    return result


def measure_walk(temp: Path) -> dict:
    """Parent CPU per file of a walk (--shard 0/1000 cleans a thousandth of the files)."""
    reports = []
    for count in WALK_FILES:
        folder = temp / f"walk{count}"
        for number in range(count):
            sub = folder / f"site{number % 100:03d}"
            sub.mkdir(parents=True, exist_ok=True)
            (sub / f"page-{number:07d}.html").write_bytes(b"<html><body><p>x</p></body></html>")
        reports.append(min((batch(folder, "-o", temp / f"out-walk{count}", "--shard", "0/1000", "--force")
                            for _ in range(2)), key=lambda r: r["parent_cpu"]))
    added = WALK_FILES[1] - WALK_FILES[0]
    return {"files": WALK_FILES, "parent_us_per_file": (reports[1]["parent_cpu"] - reports[0]["parent_cpu"])
            / added * 1e6}


def measure_list(temp: Path) -> dict:
    """CPU and parent memory per line of a --files-from list (paths that do not exist)."""
    reports = []
    for count in LIST_LINES:
        listing = temp / f"list{count}.txt"
        with open(listing, "w") as handle:
            for number in range(count):
                handle.write(f"/data/crawl/site{number % 1000:04d}.example.com/2024/05/article-{number:09d}"
                             f".html\thttps://site{number % 1000:04d}.example.com/2024/05/article-{number}\n")
        reports.append(batch("--files-from", listing, "-o", temp / f"out-list{count}", "--shard", "0/1000"))
    added = LIST_LINES[1] - LIST_LINES[0]
    grown_mb = reports[1]["parent_rss_mb"] - reports[0]["parent_rss_mb"]
    return {"lines": LIST_LINES,
            "parent_us_per_line": (reports[1]["parent_cpu"] - reports[0]["parent_cpu"]) / added * 1e6,
            "parent_bytes_per_line": grown_mb * 2**20 / added,
            "parent_rss_mb": [r["parent_rss_mb"] for r in reports]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset", nargs="?", type=Path, default=ROOT.parent / "shared/datasets/scrapinghub")
    parser.add_argument("--styles", type=Path, action="append", default=[],
                        help="a folder of more text styles (STYLE/<id>.txt), e.g. render_styles.py's")
    parser.add_argument("--copies", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--only", default="html,text,warc,walk",
                        help="comma-separated parts: html, text, warc, walk")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    html = sorted(args.dataset.glob("html/*.html.gz"))
    if not html:
        raise SystemExit(f"no pages under {args.dataset}/html; give the Scrapinghub dataset folder")
    truth = args.dataset / "ground-truth.json"
    urls = {k: v.get("url") for k, v in json.loads(truth.read_text()).items()} if truth.exists() else {}
    styles = sorted(p for p in (args.dataset / "text").glob("*") if p.is_dir())
    styles += sorted(p for folder in args.styles for p in folder.glob("*") if p.is_dir())
    report: dict = {"python": platform.python_version(), "cpus": os.cpu_count(), "copies": args.copies,
                    "repeat": args.repeat, "load_before": os.getloadavg()[0], "corpora": {}}
    with tempfile.TemporaryDirectory(prefix="newsclean-scale-") as folder:
        temp = Path(folder)
        corpora = [("html", html)] if "html" in args.only else []
        if "text" in args.only:
            corpora += [(style.name, sorted(style.glob("*.txt"))) for style in styles]
        for name, pages in corpora:
            small, large = temp / f"{name}-1", temp / f"{name}-{args.copies}"
            counts = (copy_pages(pages, small, 1), copy_pages(pages, large, args.copies))
            report["corpora"][name] = measure_corpus(name, small, large, counts, temp, args.repeat)
            if name == "html":
                rerun = batch(large, "-o", temp / "out-html-large", "--jsonl", temp / "out-html-large.jsonl")
                report["corpora"][name]["rerun"] = {
                    "cpu_s": rerun["parent_cpu"] + rerun["worker_cpu"], "wall_s": rerun["wall"]}
                two = batch(large, "-o", temp / "out-html-jobs2", jobs=2)
                report["corpora"][name]["jobs2_rss_mb"] = {"parent": two["parent_rss_mb"],
                                                           "worker": two["worker_rss_mb"]}
            print(f"{name}: {report['corpora'][name]['total_ms']:.2f} ms a page", file=sys.stderr)
        if "warc" in args.only:
            report["warc"] = measure_warc(html, temp, args.copies, args.repeat, urls)
        if "walk" in args.only:
            report["walk"] = measure_walk(temp)
            report["list"] = measure_list(temp)
    report["load_after"] = os.getloadavg()[0]
    print(markdown(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")


def markdown(report: dict) -> str:
    lines = [f"Python {report['python']}, {report['cpus']} CPUs, load average {report['load_before']:.1f} "
             f"before / {report['load_after']:.1f} after; --copies {report['copies']}, "
             f"--repeat {report['repeat']}; CPU time, --jobs 1.", "",
             "| corpus | pages | ms CPU a page (parent + worker) | pages/s a core | fixed s a run "
             "| worker / parent peak RSS MB | statuses | .md B/page | JSONL B/line (gzip) |",
             "|---|--:|--:|--:|--:|--:|---|--:|--:|"]
    for name, c in report["corpora"].items():
        statuses = ", ".join(f"{k} {v}" for k, v in sorted(c["jsonl"]["statuses"].items()))
        lines.append(f"| {name} | {c['pages'][1]} | {c['total_ms']:.2f} ({c['parent_ms']:.2f} + "
                     f"{c['worker_ms']:.2f}) | {c['per_core_pages_s']:.1f} | {c['fixed_s']:.2f} | "
                     f"{c['worker_rss_mb']:.0f} / {c['parent_rss_mb']:.0f} | {statuses} | "
                     f"{c['markdown']['bytes_per_file']:,.0f} | {c['jsonl']['bytes_per_line']:,.0f} "
                     f"({c['jsonl']['gzip_ratio']:.2f}) |")
    if "warc" in report:
        w = report["warc"]
        statuses = ", ".join(f"{k} {v}" for k, v in sorted(w["jsonl"]["statuses"].items()))
        lines.append(f"| html in one WARC | {w['pages'][1]} | {w['total_ms']:.2f} ({w['parent_ms']:.2f} + "
                     f"{w['worker_ms']:.2f}) | {w['per_core_pages_s']:.1f} | {w['fixed_s']:.2f} | "
                     f"{w['worker_rss_mb']:.0f} / {w['parent_rss_mb']:.0f} | {statuses} | | "
                     f"{w['jsonl']['bytes_per_line']:,.0f} ({w['jsonl']['gzip_ratio']:.2f}) |")
    lines.append("")
    if "html" in report["corpora"]:
        c = report["corpora"]["html"]
        two = c["jobs2_rss_mb"]
        lines.append(f"Input: {c['input_bytes_per_page']:,.0f} B of HTML a page (uncompressed). Rerun of the "
                     f"{c['pages'][1]} files, all up to date: {c['rerun']['cpu_s']:.2f} s CPU, "
                     f"{c['rerun']['wall_s']:.2f} s wall. --jobs 2: parent "
                     f"{two['parent']:.0f} MB, largest worker {two['worker']:.0f} MB.")
    if "warc" in report:
        w = report["warc"]
        two = w["jobs2_rss_mb"]
        lines.append(f"WARC: {w['warc_bytes_per_page']:,.0f} B a page (gzip per record); rerun, up to date: "
                     f"{w['rerun']['cpu_s']:.2f} s CPU, {w['rerun']['wall_s']:.2f} s wall. --jobs 2: parent "
                     f"{two['parent']:.0f} MB, largest worker {two['worker']:.0f} MB.")
    if "walk" in report:
        walk = report["walk"]
        lines.append(f"Walk: {walk['parent_us_per_file']:.0f} us parent CPU a file "
                     f"({walk['files'][0]:,} -> {walk['files'][1]:,} files, --shard 0/1000).")
        lst = report["list"]
        lines.append(f"--files-from: {lst['parent_us_per_line']:.0f} us parent CPU and "
                     f"{lst['parent_bytes_per_line']:,.0f} B of parent memory a line "
                     f"(peak RSS {lst['parent_rss_mb'][0]:.0f} -> {lst['parent_rss_mb'][1]:.0f} MB, "
                     f"{lst['lines'][0]:,} -> {lst['lines'][1]:,} lines, --shard 0/1000).")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
