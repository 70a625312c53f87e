#!/usr/bin/env python3
"""Where the HTML path's time goes: CPU ms a page of each stage of newsclean.clean, with bare
trafilatura timed in the same process (BENCHMARKS.md, "Speed").

    python benchmarks/html_profile.py DATASET [--rounds N] [--limit N] [--checkout DIR]

Each stage function is wrapped with a `time.process_time` timer (so the machine's load counts
less than in wall time; the wrappers add ~10%), nested stages are inside their parents, calls
in brackets. The best of N rounds after a warm-up. `--checkout` times another checkout of the
repo (e.g. a pristine worktree of the branch's start) with this script.
"""
from __future__ import annotations

import argparse
import functools
import sys
import time
from pathlib import Path

STAGES = {
    "newsclean.sniff": ("decode",),
    "newsclean.from_html": ("parse_html", "read_meta", "replay_streamed_segments", "unwrap_layout_tables",
                            "drop_inert", "apply_strip_rules", "measure_page", "drop_not_article",
                            "body_by_rule", "choose_body", "run_trafilatura", "headline_split", "finish_body",
                            "missed_prose", "safety_net", "html_signals", "article_authors"),
    "newsclean.html_passes": ("raw_tree", "extract_and_compare", "extract"),
    "trafilatura.core": ("trafilatura_sequence", "_prepare_tree", "tree_cleaning", "convert_tags",
                         "extract_content", "compare_extraction", "baseline", "html2txt", "justext_rescue"),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--checkout", type=Path, default=Path(__file__).resolve().parents[1])
    args = parser.parse_args()
    sys.path.insert(0, str(args.checkout.resolve()))
    sys.path.insert(1, str(Path(__file__).resolve().parents[1]))
    import importlib

    import newsclean  # noqa: F401 - the checkout's, imported before its stages are wrapped
    from benchmarks.datasets import HTML_STYLE, load_dataset, read_input
    from benchmarks.systems import bare_seconds, clean_seconds

    dataset = load_dataset(args.dataset)
    pages = [(page.url, read_input(dataset.input_path(page, HTML_STYLE)))
             for page in dataset.pages][:args.limit]
    spent: dict[str, float] = {}
    calls: dict[str, int] = {}

    def timed(label, function):
        @functools.wraps(function)
        def wrapper(*a, **k):
            start = time.process_time()
            try:
                return function(*a, **k)
            finally:
                spent[label] = spent.get(label, 0.0) + time.process_time() - start
                calls[label] = calls.get(label, 0) + 1
        return wrapper

    for module_name, names in STAGES.items():
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        for name in names:
            if hasattr(module, name):
                setattr(module, name, timed(name, getattr(module, name)))
    passes = sys.modules.get("newsclean.html_passes")
    if passes is not None:
        for mode in ("recall", "default"):
            setattr(passes.Passes, mode, timed(f"Passes.{mode}", getattr(passes.Passes, mode)))

    def clean_all() -> float:
        return clean_seconds(pages, "html")

    def bare_all() -> float:
        return bare_seconds(pages)

    clean_all()
    bare_all()
    best = None
    for _ in range(args.rounds):
        spent.clear()
        calls.clear()
        whole = clean_all()
        round_ = (whole, dict(spent), dict(calls), bare_all())
        if best is None or whole < best[0]:
            best = round_
    assert best is not None
    count = len(pages)
    print(f"{args.checkout}: {count} pages, CPU ms a page (best of {args.rounds} rounds)")
    print(f"| {'newsclean.clean, whole page':32s} | {1000 * best[0] / count:6.2f} | |")
    for label, seconds in sorted(best[1].items(), key=lambda item: -item[1]):
        print(f"| {label:32s} | {1000 * seconds / count:6.2f} | ({best[2][label]}) |")
    print(f"| {'bare trafilatura (no wrappers)':32s} | {1000 * best[3] / count:6.2f} | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
