#!/usr/bin/env python3
"""datatrove benchmark: newsclean's datatrove step under LocalPipelineExecutor, against itself
on more tasks and against `newsclean batch` on the same pages.

Run from the repo root, with `pip install -e '.[datatrove]'`::

    python benchmarks/datatrove_speed.py [DATASET_DIR] [--copies 3] [--repeat 3] [--json FILE]

The pages: the Scrapinghub HTML pages (DATASET_DIR/html/*.html.gz) copied `--copies` times.
Each run is a fresh process, as a user starts it (imports, datatrove's forkserver and logging
included): examples/datatrove_local.py (PageFilesReader, NewscleanExtractor, a gzip
JsonlWriter) and `newsclean batch DIR --jsonl FILE`. Rounds alternate, so every run meets
the same disturbances of a shared machine; the best wall time of each counts.

1. Scaling: 2 tasks on 2 cores (`--tasks 2 --workers 2`) against 1 task. Target >= 1.7x.
2. Overhead: the pipeline against `newsclean batch` with as many cores (1 task vs --jobs 1,
   2 tasks vs --jobs 2). Target: within 10%.
   Both also "steady": less each run's start-up and shutdown, the best wall time of the same
   run on 10 pages (datatrove starts a forkserver, a manager and a process per task, each
   importing datatrove, newsclean and trafilatura: fixed seconds that a real crawl amortises).
3. For reference, datatrove's own Trafilatura step (its defaults: 1 s timeout, dedup on) in
   the same pipeline, 1 task: its time, the documents it passes on and its timeouts, and the
   shingle F1 of both steps against the Scrapinghub gold, on the first copy of the pages and
   on the last (the same pages again, later in the run: trafilatura's process-wide dedup
   cache makes a page's output depend on the pages before it; a dropped page scores 0).
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
sys.path.insert(0, str(ROOT))
from benchmarks.datasets import load_dataset  # noqa: E402
from benchmarks.metrics import aggregate_shingle, shingle_score  # noqa: E402
from benchmarks.scale import copy_pages  # noqa: E402

EXAMPLE = ROOT / "examples" / "datatrove_local.py"
SCALING_TARGET = 1.7
STARTUP_PAGES = 10  # a run on this many pages is (nearly) all start-up and shutdown
OVERHEAD_TARGET = 0.10

TRAFILATURA_DRIVER = """
import sys
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.extractors import Trafilatura
from datatrove.pipeline.writers import JsonlWriter
from newsclean.integrations.datatrove import PageFilesReader
if __name__ == "__main__":
    pages, out = sys.argv[1:3]
    LocalPipelineExecutor([PageFilesReader(pages), Trafilatura(), JsonlWriter(out)], tasks=1,
                          logging_dir=out + "/logs").run()
"""


def build_corpus(folder: Path, dataset: Path, copies: int, limit: int | None = None) -> int:
    pages = sorted(dataset.glob("html/*.html.gz"))[:limit]
    if not pages:
        raise SystemExit(f"no html/*.html.gz under {dataset}; give the Scrapinghub dataset folder")
    return copy_pages(pages, folder, copies)


def timed(command: list[str], ok_codes: tuple[int, ...] = (0,)) -> dict:
    """Run a command; its wall time and the CPU time of it and the processes it waited for."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in ok_codes:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {"wall": wall, "cpu": cpu}


def step_stat(logs: Path, name: str) -> int:
    """A counter of the extraction step (`forwarded`, `timeout`), from datatrove's merged stats."""
    for step in json.loads((logs / "stats.json").read_text()):
        if "newsclean" in step["name"] or "Trafilatura" in step["name"]:
            value = step["stats"].get(name, 0)  # a counter is saved as its total alone
            return int(value["total"] if isinstance(value, dict) else value)
    return 0


def forwarded(logs: Path) -> int:
    return step_stat(logs, "forwarded")


def shingle_f1(out: Path, dataset: Path, copy: int) -> float:
    """Shingle F1 against the gold of the pipeline's output for copy `copy` of the pages."""
    texts = {}
    for path in out.glob("*.jsonl.gz"):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                doc = json.loads(line)
                folder, _, name = doc["id"].partition("/")
                if folder == f"copy{copy}":
                    texts[name.removesuffix(".html.gz")] = doc["text"]
    pages = load_dataset(dataset).pages
    return aggregate_shingle(shingle_score(page.gold, texts.get(page.id)) for page in pages).f1


def run_datatrove(pages: Path, out: Path, tasks: int) -> dict:
    shutil.rmtree(out, ignore_errors=True)  # completions would make a rerun skip every task
    result = timed([sys.executable, str(EXAMPLE), str(pages), str(out), "--tasks", str(tasks),
                    "--workers", str(tasks), "--jobs", "1"])
    return {**result, "articles": forwarded(out / "logs")}


def run_batch(pages: Path, out: Path, jobs: int) -> dict:
    target = out / "batch.jsonl"
    out.mkdir(parents=True, exist_ok=True)
    result = timed([sys.executable, "-m", "newsclean", "batch", str(pages), "--jsonl", str(target),
                    "--jobs", str(jobs), "--force", "--quiet"], ok_codes=(0, 1))
    lines = target.read_text(encoding="utf-8").splitlines()
    return {**result, "articles": sum(json.loads(line)["status"] == "ok" for line in lines)}


def run_trafilatura_step(pages: Path, out: Path, driver: Path) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    result = timed([sys.executable, str(driver), str(pages), str(out)])
    return {**result, "articles": forwarded(out / "logs")}


def best(runs: list[dict]) -> dict:
    return {"wall": min(r["wall"] for r in runs), "cpu": min(r["cpu"] for r in runs),
            "articles": runs[0]["articles"], "walls": [round(r["wall"], 2) for r in runs]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset", nargs="?", type=Path, default=ROOT.parent / "shared/datasets/scrapinghub")
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--no-trafilatura", action="store_true", help="skip datatrove's own step")
    args = parser.parse_args()
    report: dict = {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "load_before": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="newsclean-dt-bench-") as folder:
        temp = Path(folder)
        report["pages"] = build_corpus(temp / "pages", args.dataset, args.copies)
        build_corpus(temp / "few", args.dataset, 1, STARTUP_PAGES)
        runs: dict[str, list[dict]] = {"dt1": [], "dt2": [], "batch1": [], "batch2": []}
        startup: dict[str, list[dict]] = {name: [] for name in runs}
        for _ in range(args.repeat):
            for corpus, found in (("pages", runs), ("few", startup)):
                found["dt1"].append(run_datatrove(temp / corpus, temp / "dt1", 1))
                found["batch1"].append(run_batch(temp / corpus, temp / "b1", 1))
                found["dt2"].append(run_datatrove(temp / corpus, temp / "dt2", 2))
                found["batch2"].append(run_batch(temp / corpus, temp / "b2", 2))
            run_datatrove(temp / "pages", temp / "dt1", 1)  # the output scored below
        report["runs"] = {name: best(found) for name, found in runs.items()}
        report["startup"] = {name: min(r["wall"] for r in found) for name, found in startup.items()}
        last = args.copies - 1
        report["f1"] = {"newsclean": [shingle_f1(temp / "dt1", args.dataset, c) for c in (0, last)]}
        if not args.no_trafilatura:
            driver = temp / "trafilatura_step.py"
            driver.write_text(TRAFILATURA_DRIVER)
            report["runs"]["trafilatura_step"] = run_trafilatura_step(temp / "pages", temp / "tr", driver)
            report["runs"]["trafilatura_step"]["timeouts"] = step_stat(temp / "tr" / "logs", "timeout")
            report["f1"]["trafilatura_step"] = [shingle_f1(temp / "tr", args.dataset, c) for c in (0, last)]
    report["load_after"] = os.getloadavg()
    r = report["runs"]
    report["scaling"] = r["dt1"]["wall"] / r["dt2"]["wall"]
    report["overhead_1"] = r["dt1"]["wall"] / r["batch1"]["wall"] - 1
    report["overhead_2"] = r["dt2"]["wall"] / r["batch2"]["wall"] - 1
    report["cpu_overhead_1"] = r["dt1"]["cpu"] / r["batch1"]["cpu"] - 1
    steady = {name: r[name]["wall"] - report["startup"][name] for name in report["startup"]}
    report["steady"] = steady
    report["steady_scaling"] = steady["dt1"] / steady["dt2"]
    report["steady_overhead_1"] = steady["dt1"] / steady["batch1"] - 1
    report["steady_overhead_2"] = steady["dt2"] / steady["batch2"] - 1
    print(markdown(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")


def markdown(report: dict) -> str:
    r = report["runs"]
    load = " / ".join(f"{value:.2f}" for value in (report["load_before"][0], report["load_after"][0]))
    lines = [f"{report['pages']} Scrapinghub HTML pages; Python {report['python']}, {report['cpus']} CPUs; "
             f"load average before / after: {load}.", "",
             f"| run | best wall s | pages/s | CPU s | articles | walls | {STARTUP_PAGES} pages, s |",
             "|---|--:|--:|--:|--:|---|--:|"]
    for name, label in (("dt1", "datatrove, 1 task"), ("dt2", "datatrove, 2 tasks"),
                        ("batch1", "newsclean batch --jobs 1"), ("batch2", "newsclean batch --jobs 2"),
                        ("trafilatura_step", "datatrove's Trafilatura step, 1 task")):
        if name in r:
            run = r[name]
            # tasks in a forkserver's processes: their CPU time never reaches this process
            cpu = "n/a" if name == "dt2" else f"{run['cpu']:.2f}"
            lines.append(f"| {label} | {run['wall']:.2f} | {report['pages'] / run['wall']:.1f} | "
                         f"{cpu} | {run['articles']} | {run.get('walls', '')} | "
                         f"{report['startup'].get(name, 0):.2f} |")
    lines += ["", "| measure | value | target | met |", "|---|--:|--:|:-:|"]
    for key, label in (("scaling", "2 tasks vs 1"), ("steady_scaling", "2 tasks vs 1, steady")):
        lines.append(f"| {label} | {report[key]:.2f}x | >= {SCALING_TARGET}x | "
                     f"{'yes' if report[key] >= SCALING_TARGET else 'no'} |")
    for key, label in (("overhead_1", "1 core: pipeline vs batch --jobs 1"),
                       ("overhead_2", "2 cores: pipeline vs batch --jobs 2"),
                       ("steady_overhead_1", "1 core, steady"), ("steady_overhead_2", "2 cores, steady")):
        lines.append(f"| {label} | {report[key]:+.1%} | <= {OVERHEAD_TARGET:.0%} | "
                     f"{'yes' if report[key] <= OVERHEAD_TARGET else 'no'} |")
    lines.append(f"| 1 core, CPU time: pipeline vs batch | {report['cpu_overhead_1']:+.1%} | | |")
    lines += ["", "| step | shingle F1, first copy | shingle F1, last copy | timeouts |",
              "|---|--:|--:|--:|"]
    for name, label in (("newsclean", "NewscleanExtractor"), ("trafilatura_step", "datatrove Trafilatura")):
        if name in report["f1"]:
            first, last = report["f1"][name]
            timeouts = r.get("trafilatura_step", {}).get("timeouts", "") if name != "newsclean" else 0
            lines.append(f"| {label} | {first:.3f} | {last:.3f} | {timeouts} |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
