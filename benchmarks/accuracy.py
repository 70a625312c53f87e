#!/usr/bin/env python3
"""Accuracy benchmark: score newsclean and baselines against gold article text.

Run from the repo root::

    python benchmarks/accuracy.py DATASET_DIR [--style html|html2text|inscriptis|w3m|textcontent|NAME]
        [--systems newsclean,trafilatura,everything,justext] [--jobs N] [--limit N]
        [--per-page out.jsonl] [--worst N] [--json summary.json] [--rules-dir DIR]

DATASET_DIR is a Scrapinghub or WCXB folder (layout detected). Every system is
scored with shingle P/R/F1 (Scrapinghub) and word P/R/F1 (WCXB); see
benchmarks/README.md and benchmarks/metrics.py for the conventions.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import platform
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # repo root: benchmarks, newsclean

from benchmarks.datasets import (  # noqa: E402
    HTML_STYLE,
    STYLES,
    Dataset,
    DatasetError,
    Page,
    load_pages,
)
from benchmarks.metrics import (  # noqa: E402
    PRF,
    ShingleScore,
    aggregate_shingle,
    aggregate_word,
    shingle_score,
    word_score,
)
from benchmarks.systems import (  # noqa: E402
    EXTRACTORS,
    HTML_INPUT,
    TEXT_INPUT,
    Outcome,
    Request,
    Task,
    newsclean_problem,
    run_task,
)

DEFAULT_HTML_SYSTEMS = ("newsclean", "trafilatura")
DEFAULT_TEXT_SYSTEMS = ("newsclean", "everything", "justext")
SUBJECT = "newsclean"


@dataclass(frozen=True)
class PageResult:
    """One system's output on one page, scored."""

    page: Page
    system: str
    shingle: ShingleScore
    word: PRF
    output_chars: int
    empty: bool
    seconds: float
    error: str | None

    def f1(self, metric: str) -> float:
        return self.shingle.f1 if metric == "shingle" else self.word.f1

    def record(self) -> dict[str, object]:
        """The per-page JSON line."""
        return {
            "id": self.page.id,
            "system": self.system,
            "shingle_p": round(self.shingle.precision, 6),
            "shingle_r": round(self.shingle.recall, 6),
            "shingle_f": round(self.shingle.f1, 6),
            "word_p": round(self.word.precision, 6),
            "word_r": round(self.word.recall, 6),
            "word_f": round(self.word.f1, 6),
            "output_chars": self.output_chars,
            "gold_chars": len(self.page.gold),
            "seconds": round(self.seconds, 6),
            "error": self.error,
            "url": self.page.url,
        }


@dataclass(frozen=True)
class SystemSummary:
    """One system's scores over the whole page set."""

    system: str
    pages: int
    shingle: PRF
    word: PRF
    empty: int
    errors: int
    seconds: float

    def as_dict(self) -> dict[str, object]:
        return {
            "system": self.system,
            "pages": self.pages,
            "shingle": _prf_dict(self.shingle),
            "word": _prf_dict(self.word),
            "empty": self.empty,
            "errors": self.errors,
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True)
class Loss:
    """A page where newsclean scores below the best other system."""

    page: Page
    subject: PageResult
    best: PageResult
    metric: str

    @property
    def amount(self) -> float:
        return self.best.f1(self.metric) - self.subject.f1(self.metric)


# ---------------------------------------------------------------- arguments


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Score article extraction against a Scrapinghub or WCXB dataset folder."
    )
    parser.add_argument("dataset", type=Path, help="dataset folder (Scrapinghub or WCXB layout)")
    parser.add_argument(
        "--style",
        type=_style_name,
        default=HTML_STYLE,
        help=f"input: {', '.join(STYLES)}, or the name of any other folder of DATASET/text/ "
        "(e.g. one made by benchmarks/render_styles.py)",
    )
    parser.add_argument(
        "--systems",
        type=_system_list,
        help=f"comma-separated, from {','.join(EXTRACTORS)} (default: "
        f"{','.join(DEFAULT_HTML_SYSTEMS)} for html, "
        f"{','.join(DEFAULT_TEXT_SYSTEMS)} for text styles)",
    )
    parser.add_argument(
        "--jobs", type=_positive_int, default=1, help="worker processes (default 1)"
    )
    parser.add_argument("--limit", type=_positive_int, help="only the first N pages (by id)")
    parser.add_argument(
        "--rules-dir",
        action="append",
        default=[],
        type=Path,
        help="rules folder passed to newsclean (repeatable)",
    )
    parser.add_argument(
        "--per-page", type=Path, metavar="FILE", help="write one JSON line per page and system"
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the summary as JSON")
    parser.add_argument(
        "--worst",
        type=int,
        default=0,
        metavar="N",
        help="list the N pages where newsclean trails the best other system most",
    )
    parser.add_argument(
        "--worst-metric", choices=("shingle", "word"), default="shingle",
        help="per-page F1 used by --worst (default shingle)",
    )
    args = parser.parse_args(argv)
    if args.systems is None:
        args.systems = DEFAULT_HTML_SYSTEMS if args.style == HTML_STYLE else DEFAULT_TEXT_SYSTEMS
    return args


def _system_list(value: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(name.strip() for name in value.split(",") if name.strip()))
    unknown = [name for name in names if name not in EXTRACTORS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown system(s) {unknown}; choose from {', '.join(EXTRACTORS)}"
        )
    return names


def _style_name(value: str) -> str:
    """A style is a folder name under DATASET/text/ (checked once the dataset is loaded)."""
    if not value or value.startswith(".") or "/" in value or "\\" in value:
        raise argparse.ArgumentTypeError(f"not a style name: {value!r}")
    return value


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be >= 1")
    return number


# ---------------------------------------------------------------- running


def build_tasks(
    dataset: Dataset,
    pages: Sequence[Page],
    systems: Sequence[str],
    style: str,
    rules_dirs: Sequence[Path],
) -> list[Task]:
    """One task per (system, page), system-major, pages in id order."""
    input_type = HTML_INPUT if style == HTML_STYLE else TEXT_INPUT
    rules = tuple(str(path) for path in rules_dirs)
    return [
        Task(
            page_id=page.id,
            system=system,
            path=str(dataset.input_path(page, style)),
            request=Request(url=page.url, input_type=input_type, rules_dirs=rules),
        )
        for system in systems
        for page in pages
    ]


def run_tasks(tasks: Sequence[Task], jobs: int) -> list[Outcome]:
    """Run tasks in order, in this process or in a pool of worker processes."""
    if jobs == 1:
        return [_report_progress(i, len(tasks), run_task(task)) for i, task in enumerate(tasks, 1)]
    chunksize = max(1, len(tasks) // (jobs * 16))
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        return [
            _report_progress(i, len(tasks), outcome)
            for i, outcome in enumerate(pool.imap(run_task, tasks, chunksize=chunksize), 1)
        ]


def _report_progress(done: int, total: int, outcome: Outcome) -> Outcome:
    if sys.stderr.isatty() and (done == total or done % 20 == 0):
        end = "\n" if done == total else ""
        print(f"\r{done}/{total} runs", end=end, file=sys.stderr, flush=True)
    return outcome


# ---------------------------------------------------------------- scoring


def score_outcomes(outcomes: Iterable[Outcome], pages: Sequence[Page]) -> list[PageResult]:
    by_id = {page.id: page for page in pages}
    return [_score_outcome(outcome, by_id[outcome.page_id]) for outcome in outcomes]


def _score_outcome(outcome: Outcome, page: Page) -> PageResult:
    return PageResult(
        page=page,
        system=outcome.system,
        shingle=shingle_score(page.gold, outcome.text),
        word=word_score(page.gold, outcome.text),
        output_chars=len(outcome.text),
        empty=not outcome.text.strip(),
        seconds=outcome.seconds,
        error=outcome.error,
    )


def summarise(results: Sequence[PageResult], systems: Sequence[str]) -> list[SystemSummary]:
    return [
        _summarise_system(system, [r for r in results if r.system == system]) for system in systems
    ]


def _summarise_system(system: str, results: Sequence[PageResult]) -> SystemSummary:
    return SystemSummary(
        system=system,
        pages=len(results),
        shingle=aggregate_shingle(r.shingle for r in results),
        word=aggregate_word(r.word for r in results),
        empty=sum(r.empty for r in results),
        errors=sum(r.error is not None for r in results),
        seconds=sum(r.seconds for r in results),
    )


def deltas(summaries: Sequence[SystemSummary]) -> dict[str, dict[str, dict[str, float]]]:
    """newsclean minus every other system, per metric."""
    subject = next((s for s in summaries if s.system == SUBJECT), None)
    if subject is None:
        return {}
    return {
        other.system: {
            "shingle": _prf_dict(_prf_minus(subject.shingle, other.shingle)),
            "word": _prf_dict(_prf_minus(subject.word, other.word)),
        }
        for other in summaries
        if other.system != SUBJECT
    }


def worst_pages(results: Sequence[PageResult], metric: str, count: int) -> list[Loss]:
    """Pages where newsclean's per-page F1 trails the best other system the most."""
    by_page: dict[str, list[PageResult]] = {}
    for result in results:
        by_page.setdefault(result.page.id, []).append(result)
    losses = []
    for page_results in by_page.values():
        subject = next((r for r in page_results if r.system == SUBJECT), None)
        others = [r for r in page_results if r.system != SUBJECT]
        if subject is None or not others:
            continue
        best = max(others, key=lambda r: r.f1(metric))
        loss = Loss(page=subject.page, subject=subject, best=best, metric=metric)
        if loss.amount > 0:
            losses.append(loss)
    losses.sort(key=lambda loss: (-loss.amount, loss.page.id))
    return losses[:count]


# ---------------------------------------------------------------- output


def markdown_table(summaries: Sequence[SystemSummary]) -> str:
    lines = [
        "| system | pages | shingle P | shingle R | shingle F1 | word P | word R | word F1 "
        "| empty | errors | seconds |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for s in summaries:
        lines.append(
            f"| {s.system} | {s.pages} | {_prf_cells(s.shingle)} | {_prf_cells(s.word)} "
            f"| {s.empty} | {s.errors} | {s.seconds:.1f} |"
        )
    return "\n".join(lines)


def delta_table(delta: dict[str, dict[str, dict[str, float]]]) -> str:
    if not delta:
        return ""
    lines = [
        "| newsclean minus | shingle P | shingle R | shingle F1 | word P | word R | word F1 |",
        "|---|--:|--:|--:|--:|--:|--:|",
    ]
    for other, by_metric in delta.items():
        cells = " | ".join(
            f"{by_metric[metric][key]:+.3f}"
            for metric in ("shingle", "word")
            for key in ("precision", "recall", "f1")
        )
        lines.append(f"| {other} | {cells} |")
    return "\n".join(lines)


def worst_table(losses: Sequence[Loss], metric: str) -> str:
    lines = [
        f"| id | newsclean {metric} F1 (P/R) | best other | its F1 (P/R) | loss "
        "| newsclean chars | gold chars | url |",
        "|---|--:|---|--:|--:|--:|--:|---|",
    ]
    for loss in losses:
        lines.append(
            f"| {loss.page.id} | {_page_cell(loss.subject, metric)} | {loss.best.system} "
            f"| {_page_cell(loss.best, metric)} | {loss.amount:.3f} | {loss.subject.output_chars} "
            f"| {len(loss.page.gold)} | {loss.page.url or ''} |"
        )
    return "\n".join(lines)


def _page_cell(result: PageResult, metric: str) -> str:
    prf = result.shingle if metric == "shingle" else result.word
    return f"{prf.f1:.3f} ({prf.precision:.2f}/{prf.recall:.2f})"


def _prf_cells(prf: PRF) -> str:
    return f"{prf.precision:.3f} | {prf.recall:.3f} | {prf.f1:.3f}"


def _prf_dict(prf: PRF) -> dict[str, float]:
    return {
        "precision": round(prf.precision, 6),
        "recall": round(prf.recall, 6),
        "f1": round(prf.f1, 6),
    }


def _prf_minus(a: PRF, b: PRF) -> PRF:
    return PRF(a.precision - b.precision, a.recall - b.recall, a.f1 - b.f1)


def write_per_page(path: Path, results: Sequence[PageResult]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for result in results:
            out.write(json.dumps(result.record(), ensure_ascii=False) + "\n")


def versions(systems: Sequence[str]) -> dict[str, str]:
    """Versions of Python and of the packages behind the systems run."""
    packages = {
        "trafilatura": "trafilatura",
        "everything": "trafilatura",
        "justext": "jusText",
        "newsclean": "newsclean",
    }
    found = {"python": platform.python_version()}
    for system in systems:
        package = packages[system]
        found[package] = _package_version(package)
    return found


def _package_version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        pass
    try:  # e.g. newsclean imported from the source tree without being installed
        module = __import__(package.lower())
    except ImportError:
        return "unknown"
    return f"{getattr(module, '__version__', 'unknown')} (source tree)"


def summary_json(
    args: argparse.Namespace,
    dataset: Dataset,
    pages: Sequence[Page],
    summaries: Sequence[SystemSummary],
) -> dict[str, object]:
    return {
        "dataset": dataset.root.name,
        "layout": dataset.layout,
        "style": args.style,
        "pages": len(pages),
        "limit": args.limit,
        "jobs": args.jobs,
        "rules_dirs": [str(path) for path in args.rules_dir],
        "systems": [s.as_dict() for s in summaries],
        "newsclean_minus": deltas(summaries),
        "versions": versions(args.systems),
    }


# ---------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        dataset, pages = load_pages(args.dataset, args.limit)
    except DatasetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    problem = _setup_problem(args, dataset, pages)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2

    started = time.perf_counter()
    tasks = build_tasks(dataset, pages, args.systems, args.style, args.rules_dir)
    results = score_outcomes(run_tasks(tasks, args.jobs), pages)
    summaries = summarise(results, args.systems)
    elapsed = time.perf_counter() - started

    print(f"## {dataset.root.name} ({dataset.layout}), style {args.style}, {len(pages)} pages\n")
    print(markdown_table(summaries))
    delta = delta_table(deltas(summaries))
    if delta:
        print("\n" + delta)
    if args.worst:
        _print_worst(args, results)
    _print_errors(results)
    print(
        f"\n{len(tasks)} runs in {elapsed:.1f} s wall with {args.jobs} job(s); "
        "'seconds' sums per-page extraction time."
    )

    if args.per_page:
        write_per_page(args.per_page, results)
    if args.json:
        summary = summary_json(args, dataset, pages, summaries)
        args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 0


def _setup_problem(args: argparse.Namespace, dataset: Dataset, pages: Sequence[Page]) -> str | None:
    """What prevents the run, if anything."""
    folder = dataset.root / "text" / args.style
    if args.style not in STYLES and not folder.is_dir():
        return f"unknown style {args.style}: not one of {', '.join(STYLES)} and no folder {folder}"
    missing = dataset.missing_inputs(args.style, tuple(pages))
    if missing:
        return f"{len(missing)} input file(s) missing for style {args.style}, e.g. {missing[0]}"
    bad_dirs = [str(path) for path in args.rules_dir if not path.is_dir()]
    if bad_dirs:
        return f"--rules-dir not a folder: {', '.join(bad_dirs)}"
    if "newsclean" in args.systems:
        why = newsclean_problem()
        if why:
            return (
                f"newsclean is not importable ({why}); "
                "run the baselines alone, e.g. --systems trafilatura,everything"
            )
    return None


def _print_worst(args: argparse.Namespace, results: Sequence[PageResult]) -> None:
    print(f"\n### Worst {args.worst} pages for newsclean ({args.worst_metric} F1)\n")
    if SUBJECT not in args.systems or len(args.systems) < 2:
        print("(--worst needs newsclean and at least one other system)")
        return
    losses = worst_pages(results, args.worst_metric, args.worst)
    print(worst_table(losses, args.worst_metric) if losses else "(newsclean is never behind)")


def _print_errors(results: Sequence[PageResult], shown: int = 5) -> None:
    failed = [r for r in results if r.error]
    if not failed:
        return
    print(
        f"\n{len(failed)} run(s) raised (scored as empty output); first {min(shown, len(failed))}:",
        file=sys.stderr,
    )
    for result in failed[:shown]:
        print(f"  {result.system} {result.page.id}: {result.error}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
