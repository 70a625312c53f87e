#!/usr/bin/env python3
"""Batch benchmark: `newsclean batch` throughput, overhead and memory.

Run from the repo root::

    python benchmarks/batch.py [DATASET_DIR] [--copies 3] [--small 10000] [--repeat 3] [--json FILE]

1. Throughput: `newsclean batch DIR -o OUT --force --quiet` (the CLI, as a user runs it) with
   --jobs 1 and --jobs 2 over >= 500 HTML pages: the Scrapinghub pages (DATASET_DIR/html/
   *.html.gz) copied `--copies` times, or, without the dataset, 600 pages of the invented
   site of tests/sitegen.py. Best of `--repeat` runs. Target: jobs 2 >= 1.8x jobs 1.
2. Overhead: run_batch(jobs=1) against a plain loop of list, read, newsclean.clean(), render
   and write over the same files, in fresh processes, rounds alternating, the best wall and
   the best CPU time (parent + worker, imports included in both) of each. Target: <= 10%.
   Also on 1,000 small text pages (3x the rounds), where per-file costs weigh most.
3. Memory: peak RSS (maxrss) of the largest worker, and of the parent, cleaning 1,000 and
   `--small` (10,000) small generated text pages with --jobs 2; with workers recycled every
   1,000 files (the default) and, for reference, never. Target: flat within 20%.
"""
from __future__ import annotations

import argparse
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
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # sitegen: the invented site

THROUGHPUT_TARGET = 1.8
OVERHEAD_TARGET = 0.10
MEMORY_TARGET = 0.20


def build_html_corpus(folder: Path, dataset: Path | None, copies: int) -> str:
    """>= 500 HTML pages under `folder`; returns a description."""
    pages = sorted(dataset.glob("html/*.html.gz")) if dataset else []
    if pages:
        for copy in range(copies):
            target = folder / f"copy{copy}"
            target.mkdir(parents=True)
            for page in pages:
                shutil.copyfile(page, target / page.name)
        return f"Scrapinghub HTML pages x{copies} ({len(pages) * copies} pages, gzip)"
    from sitegen import Site, write_site

    write_site(folder, 600, Site(paragraphs=40), per_folder=100)
    return "invented site, 600 HTML pages of 40 paragraphs (tests/sitegen.py)"


def build_text_corpus(folder: Path, count: int) -> None:
    from sitegen import Site, write_site

    write_site(folder, count, Site(), kind="text", per_folder=1000)


def time_cli(folder: Path, out: Path, jobs: int) -> float:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "newsclean", "batch", str(folder), "-o", str(out),
                           "--jobs", str(jobs), "--force", "--quiet", "--max-failures", "100%"],
                          cwd=ROOT, stdout=subprocess.DEVNULL)
    if done.returncode != 0:
        raise SystemExit(f"batch failed with exit code {done.returncode}")
    return time.perf_counter() - started


def time_rounds(folder: Path, out: Path, repeat: int) -> tuple[float, float]:
    """Best wall time of --jobs 1 and of --jobs 2, rounds alternating so that both meet the
    same disturbances of the machine."""
    one, two = [], []
    for _ in range(repeat):
        one.append(time_cli(folder, out / "1", 1))
        two.append(time_cli(folder, out / "2", 2))
    return min(one), min(two)


def measure(mode: str, folder: Path, out: Path, jobs: int = 1, max_tasks: int | None = None) -> dict:
    """Run one measurement in a fresh Python process; its JSON report."""
    args = [sys.executable, __file__, "--child", mode, str(folder), str(out), str(jobs),
            str(max_tasks if max_tasks is not None else -1)]
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout)


def child(mode: str, folder: str, out: str, jobs: int, max_tasks: int) -> None:
    """In a fresh process: a clean() loop, or run_batch; wall, CPU and peak memory."""
    import newsclean
    from newsclean.batch import MAX_TASKS, Options, find_inputs, run_batch
    from newsclean.render import Format, render

    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    files = [Path(i.path) for i in find_inputs([folder], ".md")]  # a loop has to list them too
    ok = 0
    if mode == "loop":
        for path in files:
            try:
                article = newsclean.clean(path.read_bytes())
            except newsclean.NewscleanError:
                continue
            target = Path(out) / path.relative_to(folder).with_suffix("").with_suffix(".md")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(render(article, Format.MARKDOWN, source=str(path), front_matter=True).encode())
            ok += 1
    else:
        options = Options(out_dir=Path(out), jobs=jobs, force=True,
                          max_tasks=MAX_TASKS if max_tasks < 0 else max_tasks)
        ok = sum(o.status.value == "ok" for o in run_batch([folder], options))
    wall = time.perf_counter() - started
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"files": len(files), "ok": ok, "wall": wall,
                      "cpu": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
                      "parent_rss_mb": me.ru_maxrss / 1024, "worker_rss_mb": kids.ru_maxrss / 1024}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset", nargs="?", type=Path, default=ROOT.parent / "shared/datasets/scrapinghub")
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--only", default="throughput,overhead,memory",
                        help="comma-separated parts to run: throughput, overhead, memory")
    parser.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, folder, out, jobs, max_tasks = args.child
        child(mode, folder, out, int(jobs), int(max_tasks))
        return
    dataset = args.dataset if args.dataset and (args.dataset / "html").is_dir() else None
    report: dict = {"python": platform.python_version(), "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="newsclean-bench-") as folder:
        temp = Path(folder)
        html, text1k, text_many = temp / "html", temp / "text1k", temp / "textmany"
        report["corpus"] = build_html_corpus(html, dataset, args.copies)
        build_text_corpus(text1k, 1000)
        if "memory" in args.only:
            build_text_corpus(text_many, args.small)
        pages = sum(1 for _ in html.rglob("*.htm*"))

        report["load_before"] = os.getloadavg()

        # 1. throughput, through the CLI
        if "throughput" in args.only:
            one, two = time_rounds(html, temp / "out", args.repeat)
            report["throughput"] = {"pages": pages, "jobs1_s": one, "jobs2_s": two,
                                    "jobs1_pages_s": pages / one, "jobs2_pages_s": pages / two,
                                    "speedup": one / two}

        # 2. overhead: batch (one worker) against a clean() loop, fresh processes, best of N
        report["overhead"] = {}
        for name, folder in (("html", html), ("text", text1k)) if "overhead" in args.only else ():
            loops, batches = [], []
            for _ in range(args.repeat if name == "html" else 3 * args.repeat):  # alternating
                loops.append(measure("loop", folder, temp / "loop"))
                batches.append(measure("batch", folder, temp / "batch", jobs=1))
            best = {key: (min(r[key] for r in loops), min(r[key] for r in batches))
                    for key in ("wall", "cpu")}  # least disturbed by the rest of the machine
            report["overhead"][name] = {
                "files": loops[0]["files"], "rounds": len(loops),
                "loop_wall": best["wall"][0], "batch_wall": best["wall"][1],
                "loop_cpu": best["cpu"][0], "batch_cpu": best["cpu"][1],
                "wall_overhead": best["wall"][1] / best["wall"][0] - 1,
                "cpu_overhead": best["cpu"][1] / best["cpu"][0] - 1}

        # 3. memory: peak RSS per worker at 1,000 and --small files
        report["memory"] = {}
        for label, max_tasks in (("recycled", None), ("never recycled", 0)) if "memory" in args.only else ():
            small = measure("batch", text1k, temp / "m1", jobs=2, max_tasks=max_tasks)
            large = measure("batch", text_many, temp / "m2", jobs=2, max_tasks=max_tasks)
            report["memory"][label] = {
                "files": [small["files"], large["files"]],
                "worker_rss_mb": [small["worker_rss_mb"], large["worker_rss_mb"]],
                "parent_rss_mb": [small["parent_rss_mb"], large["parent_rss_mb"]],
                "worker_growth": large["worker_rss_mb"] / small["worker_rss_mb"] - 1,
                "parent_growth": large["parent_rss_mb"] / small["parent_rss_mb"] - 1,
                "seconds": [small["wall"], large["wall"]]}
        report["load_after"] = os.getloadavg()
    print(markdown(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")


def markdown(report: dict) -> str:
    load = " / ".join(f"{a:.2f}" for a in (report["load_before"][0], report.get("load_after", [0])[0]))
    lines = [f"Corpus: {report['corpus']}; Python {report['python']}, {report['cpus']} CPUs; "
             f"load average before / after: {load}.", "",
             "| measure | value | target | met |", "|---|--:|--:|:-:|"]
    if "throughput" in report:
        t = report["throughput"]
        lines += [f"| throughput, --jobs 1 ({t['pages']} pages) | {t['jobs1_pages_s']:.1f} pages/s "
                  f"({t['jobs1_s']:.2f} s) | | |",
                  f"| throughput, --jobs 2 | {t['jobs2_pages_s']:.1f} pages/s ({t['jobs2_s']:.2f} s) | | |",
                  f"| speed-up, --jobs 2 over --jobs 1 | {t['speedup']:.2f}x | >= {THROUGHPUT_TARGET}x "
                  f"| {'yes' if t['speedup'] >= THROUGHPUT_TARGET else 'NO'} |"]
    for name, o in report["overhead"].items():
        lines.append(f"| overhead over a clean() loop, {name} ({o['files']} files), wall | "
                     f"{o['wall_overhead']:+.1%} ({o['loop_wall']:.2f} s -> {o['batch_wall']:.2f} s) | "
                     f"<= {OVERHEAD_TARGET:.0%} | "
                     f"{'yes' if o['wall_overhead'] <= OVERHEAD_TARGET else 'NO'} |")
        lines.append(f"| overhead over a clean() loop, {name}, CPU | {o['cpu_overhead']:+.1%} "
                     f"({o['loop_cpu']:.2f} s -> {o['batch_cpu']:.2f} s) | <= {OVERHEAD_TARGET:.0%} | "
                     f"{'yes' if o['cpu_overhead'] <= OVERHEAD_TARGET else 'NO'} |")
    for label, m in report["memory"].items():
        met = abs(m["worker_growth"]) <= MEMORY_TARGET
        lines.append(f"| peak RSS per worker, {label}, {m['files'][0]} -> {m['files'][1]} files | "
                     f"{m['worker_rss_mb'][0]:.1f} -> {m['worker_rss_mb'][1]:.1f} MB "
                     f"({m['worker_growth']:+.1%}) | within {MEMORY_TARGET:.0%} | "
                     f"{('yes' if met else 'NO') if label == 'recycled' else '(reference)'} |")
        lines.append(f"| peak RSS of the parent, {label} | {m['parent_rss_mb'][0]:.1f} -> "
                     f"{m['parent_rss_mb'][1]:.1f} MB ({m['parent_growth']:+.1%}) | | |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
