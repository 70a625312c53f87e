#!/usr/bin/env python3
"""Where the text path's time goes: CPU ms a page of each stage of newsclean.clean on a text
rendering, with bare trafilatura on the same pages' HTML timed in the same process
(BENCHMARKS.md, "Speed").

    python benchmarks/text_profile.py DATASET [--style w3m] [--rounds N] [--limit N]
        [--checkout DIR] [--bare] [--plain]

Each stage function is wrapped with a `time.process_time` timer (so the machine's load counts
less than in wall time; the wrappers add a few percent), nested stages are inside their
parents (`settle` re-runs the stages on the article alone: its time is also in the rows of
the stages it runs), calls in brackets. The best of N rounds after a warm-up. `--checkout`
times another checkout of the repo (e.g. a pristine worktree of the branch's start) with this
script; `--split` counts the stages `settle` runs in rows of their own; `--plain` times
`clean` alone, with no wrappers (for A/B rounds of two checkouts); `--bare` times bare
trafilatura too, and prints the ratio of docs/s.
"""
from __future__ import annotations

import argparse
import functools
import importlib
import sys
import time
from pathlib import Path

# module -> stage functions, wrapped where the callers look them up (a name imported into
# another module is wrapped there too: see `wrap`). Not the per-block functions
# (text_features: 200 calls a page, where the timer's own cost would be a third of theirs)
STAGES = {
    "newsclean.text": ("first_lines", "split_blocks", "measure", "mark_repeats",
                       "mark_glued_teasers", "apply_line_rules", "choose_article_region",
                       "read_evidence", "find_headline", "revise_region", "trim_edges",
                       "read_byline", "settle", "relink_blocks", "render_markdown", "as_text",
                       "text_signals", "unglued", "written_by", "flat_byline", "is_flat",
                       "body_shape", "reconsider"),
    "newsclean.text.segment": ("clean_lines", "unflatten", "wrapped_at"),
    "newsclean.text.region": ("mark_entries", "scored_region", "with_entries", "cut_at_end",
                              "look_again", "with_closing_list", "evidence"),
    "newsclean.confidence": ("rate", "text_shape"),
    "newsclean.sniff": ("decode",),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--style", default="w3m")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--checkout", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("--bare", action="store_true", help="time bare trafilatura too")
    parser.add_argument("--plain", action="store_true", help="no stage wrappers: clean() only")
    parser.add_argument("--split", action="store_true",
                        help="the stages run by `settle` in rows of their own")
    args = parser.parse_args()
    sys.path.insert(0, str(args.checkout.resolve()))
    sys.path.insert(1, str(Path(__file__).resolve().parents[1]))
    import newsclean  # noqa: F401 - the checkout's, imported before its stages are wrapped
    from benchmarks.datasets import HTML_STYLE, load_dataset, read_input
    from benchmarks.systems import clean_seconds

    dataset = load_dataset(args.dataset)
    chosen = dataset.pages[:args.limit] if args.limit else dataset.pages
    pages = [(page.url, read_input(dataset.input_path(page, args.style))) for page in chosen]
    spent: dict[str, float] = {}
    calls: dict[str, int] = {}

    settling = [False]  # inside `settle`: its stages are counted apart, as "settle: ..."

    def timed(label, function):
        @functools.wraps(function)
        def wrapper(*a, **k):
            key = f"settle: {label}" if settling[0] and args.split else label
            outer = settling[0]
            settling[0] = outer or label == "settle"
            start = time.process_time()
            try:
                return function(*a, **k)
            finally:
                spent[key] = spent.get(key, 0.0) + time.process_time() - start
                calls[key] = calls.get(key, 0) + 1
                settling[0] = outer
        return wrapper

    if not args.plain:
        wrap(STAGES, timed)

    def clean_all() -> float:
        return clean_seconds(pages, "text")

    bare_all = None
    if args.bare:
        from benchmarks.systems import bare_seconds

        htmls = [(page.url, read_input(dataset.input_path(page, HTML_STYLE))) for page in chosen]

        def bare_all() -> float:
            return bare_seconds(htmls)

        bare_all()
    clean_all()
    best = None
    bare_best = float("inf")
    for _ in range(args.rounds):
        spent.clear()
        calls.clear()
        whole = clean_all()
        if best is None or whole < best[0]:
            best = (whole, dict(spent), dict(calls))
        if bare_all is not None:
            bare_best = min(bare_best, bare_all())
    assert best is not None
    count = len(pages)
    print(f"{args.checkout}: {count} pages of {args.style}, CPU ms a page (best of {args.rounds})")
    print(f"| {'newsclean.clean, whole page':32s} | {1000 * best[0] / count:6.3f} | |")
    for label, seconds in sorted(best[1].items(), key=lambda item: -item[1]):
        print(f"| {label:32s} | {1000 * seconds / count:6.3f} | ({best[2][label]}) |")
    if bare_all is not None:
        print(f"| {'bare trafilatura (HTML)':32s} | {1000 * bare_best / count:6.3f} | |")
        print(f"ratio (docs/s, best rounds): {bare_best / best[0]:.2f}x")
    return 0


def wrap(stages: dict[str, tuple[str, ...]], timed) -> None:
    """Replace each stage function by a timed one, in its module and in every newsclean module
    that imported it by name."""
    for module_name, names in stages.items():
        module = importlib.import_module(module_name)
        for name in names:
            original = getattr(module, name, None)
            if original is None:
                continue
            wrapped = timed(name, original)
            for other in list(sys.modules.values()):
                if getattr(other, "__name__", "").startswith("newsclean") and (
                        getattr(other, name, None) is original):
                    setattr(other, name, wrapped)


if __name__ == "__main__":
    sys.exit(main())
