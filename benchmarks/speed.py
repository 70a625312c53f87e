#!/usr/bin/env python3
"""Speed benchmark: newsclean.clean vs bare trafilatura.extract, in one process.

Run from the repo root::

    python benchmarks/speed.py DATASET_DIR [--style html|html2text|inscriptis|w3m|textcontent]
        [--repeat N] [--limit N] [--systems newsclean,trafilatura] [--json FILE]

All inputs are read into memory first. Then rounds alternate: newsclean over
every page, trafilatura over every page, and again, ``--repeat`` times each.
The best (fastest) round is the headline, the median is shown beside it.

With a text style, newsclean is timed on the text renderings and trafilatura on
the HTML of the same pages (targets: the text path >= 5x trafilatura's docs/s, issue 16; the
HTML path >= 1.2x, issue 14).
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import resource
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # repo root: benchmarks, newsclean

from benchmarks.datasets import (  # noqa: E402
    HTML_STYLE,
    STYLES,
    Dataset,
    DatasetError,
    load_dataset,
    read_input,
)
from benchmarks.systems import newsclean_problem  # noqa: E402

SYSTEMS = ("newsclean", "trafilatura")
TEXT_PATH_TARGET = 5.0  # issue 16: docs/s against bare trafilatura on the same pages' HTML
HTML_PATH_TARGET = 1.2  # issue 14


@dataclass(frozen=True)
class Corpus:
    """The inputs of one system, in memory: (url, bytes) per page."""

    style: str
    items: tuple[tuple[str | None, bytes], ...]

    @property
    def total_bytes(self) -> int:
        return sum(len(data) for _, data in self.items)


@dataclass(frozen=True)
class Round:
    seconds: float
    failures: int


@dataclass(frozen=True)
class Timing:
    """All rounds of one system."""

    system: str
    style: str
    pages: int
    total_bytes: int
    rounds: tuple[Round, ...]

    @property
    def best(self) -> float:
        return min(r.seconds for r in self.rounds)

    @property
    def median(self) -> float:
        return statistics.median(r.seconds for r in self.rounds)

    def docs_per_second(self, seconds: float) -> float:
        return self.pages / seconds if seconds > 0 else float("inf")

    def as_dict(self) -> dict[str, object]:
        return {
            "system": self.system,
            "input": self.style,
            "pages": self.pages,
            "megabytes": round(self.total_bytes / 1e6, 3),
            "round_seconds": [round(r.seconds, 4) for r in self.rounds],
            "best_seconds": round(self.best, 4),
            "median_seconds": round(self.median, 4),
            "docs_per_s_best": round(self.docs_per_second(self.best), 2),
            "docs_per_s_median": round(self.docs_per_second(self.median), 2),
            "failures": max(r.failures for r in self.rounds),
        }


Runner = Callable[[bytes, str | None], object]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time newsclean.clean against bare trafilatura.extract."
    )
    parser.add_argument("dataset", type=Path, help="dataset folder (Scrapinghub or WCXB layout)")
    parser.add_argument(
        "--style",
        choices=STYLES,
        default=HTML_STYLE,
        help="newsclean's input (trafilatura always gets the HTML)",
    )
    parser.add_argument(
        "--repeat", type=_positive_int, default=3, help="rounds per system (default 3)"
    )
    parser.add_argument("--limit", type=_positive_int, help="only the first N pages (by id)")
    parser.add_argument(
        "--systems",
        default=",".join(SYSTEMS),
        help="comma-separated subset of newsclean,trafilatura",
    )
    parser.add_argument(
        "--rules-dir", action="append", default=[], type=Path, help="passed to newsclean"
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the summary as JSON")
    args = parser.parse_args(argv)
    args.systems = tuple(name.strip() for name in args.systems.split(",") if name.strip())
    if not args.systems or any(name not in SYSTEMS for name in args.systems):
        parser.error(f"--systems must be a subset of {','.join(SYSTEMS)}")
    return args


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be >= 1")
    return number


def load_corpus(dataset: Dataset, style: str, limit: int | None) -> Corpus:
    pages = dataset.pages[:limit] if limit else dataset.pages
    items = tuple((page.url, read_input(dataset.input_path(page, style))) for page in pages)
    return Corpus(style, items)


def newsclean_runner(style: str, rules_dirs: Sequence[Path]) -> Runner:
    import newsclean

    input_type = "html" if style == HTML_STYLE else "text"
    rules = tuple(str(path) for path in rules_dirs)

    def run(data: bytes, url: str | None) -> object:
        try:
            return newsclean.clean(data, url=url, input_type=input_type, rules_dirs=rules)
        except newsclean.NewscleanError:
            return None

    return run


def trafilatura_runner() -> Runner:
    import trafilatura

    def run(data: bytes, url: str | None) -> object:
        # Same call as the accuracy baseline: UTF-8 decoding is part of the timed work.
        markup = data.decode("utf-8", errors="replace")
        return trafilatura.extract(markup, url=url, include_comments=False)

    return run


def time_round(runner: Runner, corpus: Corpus) -> Round:
    """One pass over the corpus; exceptions count as failures."""
    gc.collect()
    failures = 0
    start = time.perf_counter()
    for url, data in corpus.items:
        try:
            runner(data, url)
        except Exception:
            failures += 1
    return Round(time.perf_counter() - start, failures)


def warm_up(runner: Runner, corpus: Corpus, pages: int = 3) -> None:
    """Pay one-off costs (lazy imports, compiled patterns) outside the timed rounds."""
    time_round(runner, Corpus(corpus.style, corpus.items[:pages]))


def interleaved_timings(
    runners: dict[str, Runner], corpora: dict[str, Corpus], repeat: int
) -> list[Timing]:
    rounds: dict[str, list[Round]] = {name: [] for name in runners}
    for name, runner in runners.items():
        warm_up(runner, corpora[name])
    for _ in range(repeat):
        for name, runner in runners.items():
            rounds[name].append(time_round(runner, corpora[name]))
    return [_timing(name, corpora[name], rounds[name]) for name in runners]


def _timing(name: str, corpus: Corpus, rounds: Sequence[Round]) -> Timing:
    return Timing(name, corpus.style, len(corpus.items), corpus.total_bytes, tuple(rounds))


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def ratios(timings: Sequence[Timing]) -> dict[str, float] | None:
    """newsclean docs/s divided by trafilatura docs/s (best and median rounds)."""
    by_name = {t.system: t for t in timings}
    if set(SYSTEMS) - by_name.keys():
        return None
    nc, tr = by_name["newsclean"], by_name["trafilatura"]
    return {
        "best": nc.docs_per_second(nc.best) / tr.docs_per_second(tr.best),
        "median": nc.docs_per_second(nc.median) / tr.docs_per_second(tr.median),
    }


def report(
    timings: Sequence[Timing], ratio: dict[str, float] | None, style: str, rss: dict[str, float]
) -> str:
    lines = [
        "| system | input | pages | MB | best s | median s | docs/s (best) | docs/s (median) "
        "| failures |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for t in timings:
        d = t.as_dict()
        lines.append(
            f"| {t.system} | {t.style} | {t.pages} | {d['megabytes']:.1f} "
            f"| {t.best:.2f} | {t.median:.2f} "
            f"| {d['docs_per_s_best']:.1f} | {d['docs_per_s_median']:.1f} | {d['failures']} |"
        )
    if ratio:
        lines.append(
            f"\nnewsclean / trafilatura docs/s: {ratio['best']:.2f}x (best rounds), "
            f"{ratio['median']:.2f}x (median)"
        )
        path, target = ("HTML", HTML_PATH_TARGET) if style == HTML_STYLE else ("text", TEXT_PATH_TARGET)
        verdict = "meets" if ratio["best"] >= target else "misses"
        lines.append(f"{path} path target >= {target:g}x: {verdict} it")
    lines.append(
        f"\npeak RSS: {rss['after_load']:.0f} MB after imports and loading inputs, "
        f"{rss['end']:.0f} MB at the end (one process, all systems)"
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if "newsclean" in args.systems and (why := newsclean_problem()):
        print(
            f"error: newsclean is not importable ({why}); try --systems trafilatura",
            file=sys.stderr,
        )
        return 2
    try:
        dataset = load_dataset(args.dataset)
    except DatasetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    style_of = {"newsclean": args.style, "trafilatura": HTML_STYLE}
    pages = dataset.pages[: args.limit] if args.limit else dataset.pages
    missing = {p for name in args.systems for p in dataset.missing_inputs(style_of[name], pages)}
    if missing:
        print(f"error: {len(missing)} input file(s) missing, e.g. {min(missing)}", file=sys.stderr)
        return 2

    corpora = {name: load_corpus(dataset, style_of[name], args.limit) for name in args.systems}
    rss = {"after_load": peak_rss_mb()}
    makers: dict[str, Callable[[], Runner]] = {
        "newsclean": lambda: newsclean_runner(args.style, args.rules_dir),
        "trafilatura": trafilatura_runner,
    }
    runners = {name: makers[name]() for name in args.systems}
    timings = interleaved_timings(runners, corpora, args.repeat)
    rss["end"] = peak_rss_mb()
    ratio = ratios(timings)

    print(
        f"## speed: {dataset.root.name} ({dataset.layout}), newsclean input {args.style}, "
        f"{args.repeat} rounds each\n"
    )
    print(report(timings, ratio, args.style, rss))
    if args.json:
        summary = {
            "dataset": dataset.root.name,
            "layout": dataset.layout,
            "style": args.style,
            "repeat": args.repeat,
            "limit": args.limit,
            "systems": [t.as_dict() for t in timings],
            "ratio_newsclean_over_trafilatura": (
                {k: round(v, 3) for k, v in ratio.items()} if ratio else None
            ),
            "peak_rss_mb": {k: round(v, 1) for k, v in rss.items()},
            "python": platform.python_version(),
        }
        args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
