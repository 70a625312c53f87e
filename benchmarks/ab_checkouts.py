#!/usr/bin/env python3
"""Same-process A/B of `newsclean.clean` between two checkouts, in CPU time (BENCHMARKS.md,
"Speed"): the two checkouts and bare trafilatura run page by page in one process, which of the
two goes first alternating by page and round, so that the machine's load falls on both alike.

    python benchmarks/ab_checkouts.py DATASET --base ../base [--new .] [--rounds 4] [--style html]

Prints each round's CPU ms a page and new/base, then the sum over pages of each page's best
time across rounds. Both checkouts' outputs are compared first (how many pages differ).

Each checkout's `newsclean` modules are kept apart and put back into `sys.modules` before its
pages run: the library imports some modules inside functions (the HTML path on first use), so
a second checkout imported into the same process would otherwise serve the first one's calls.
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
import time
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.datasets import HTML_STYLE, load_dataset, read_input  # noqa: E402

Modules = dict[str, ModuleType]


def load(checkout: Path) -> Modules:
    """Every module of `checkout`'s newsclean package (but the CLI entry point and the optional
    integrations), imported fresh."""
    for name in [m for m in sys.modules if m == "newsclean" or m.startswith("newsclean.")]:
        del sys.modules[name]
    sys.path.insert(0, str(checkout))
    try:
        package = importlib.import_module("newsclean")
        for info in pkgutil.walk_packages(package.__path__, "newsclean."):
            if not info.name.endswith("__main__") and ".integrations" not in info.name:
                importlib.import_module(info.name)
    finally:
        sys.path.remove(str(checkout))
    modules = {m: v for m, v in sys.modules.items() if m == "newsclean" or m.startswith("newsclean.")}
    if not str(Path(modules["newsclean"].__file__ or "").resolve()).startswith(str(checkout)):
        raise SystemExit(f"newsclean was not imported from {checkout}")
    return modules


def clean_seconds(modules: Modules, data: bytes, url: str | None, input_type: str) -> float:
    sys.modules.update(modules)
    package = modules["newsclean"]
    start = time.process_time()
    try:
        package.clean(data, url=url, input_type=input_type)
    except package.NewscleanError:
        pass
    return time.process_time() - start


def output(modules: Modules, data: bytes, url: str | None, input_type: str) -> str:
    sys.modules.update(modules)
    package = modules["newsclean"]
    try:
        return package.clean(data, url=url, input_type=input_type).to_json()
    except package.NewscleanError as err:
        return f"{type(err).__name__}: {err}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--base", type=Path, required=True)
    parser.add_argument("--new", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--style", default=HTML_STYLE, help="html (the default) or a text style")
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    dataset = load_dataset(args.dataset)
    pages = [(page.url, read_input(dataset.input_path(page, args.style)))
             for page in dataset.pages if dataset.input_path(page, args.style).is_file()][:args.limit]
    input_type = "html" if args.style == HTML_STYLE else "text"
    systems = {"base": load(args.base.resolve()), "new": load(args.new.resolve())}
    import trafilatura

    differ = sum(output(systems["base"], data, url, input_type)
                 != output(systems["new"], data, url, input_type) for url, data in pages)  # and warm-up
    print(f"{len(pages)} pages, {differ} outputs differ")
    best = {name: [float("inf")] * len(pages) for name in ("base", "new", "bare")}
    count = len(pages)
    for round_ in range(args.rounds):
        sums = dict.fromkeys(best, 0.0)
        for index, (url, data) in enumerate(pages):
            order = ("base", "new") if (index + round_) % 2 == 0 else ("new", "base")
            for name in order:
                spent = clean_seconds(systems[name], data, url, input_type)
                sums[name] += spent
                best[name][index] = min(best[name][index], spent)
            start = time.process_time()
            if input_type == "html":  # bare trafilatura reads HTML only
                trafilatura.extract(data, url=url)
            spent = time.process_time() - start
            sums["bare"] += spent
            best["bare"][index] = min(best["bare"][index], spent)
        print(f"round {round_ + 1}: base {sums['base'] / count * 1e3:.2f},"
              f" new {sums['new'] / count * 1e3:.2f},"
              f" bare trafilatura {sums['bare'] / count * 1e3:.2f} CPU ms a page;"
              f" new/base {sums['new'] / sums['base']:.3f}")
    base, new, bare = (sum(best[name]) for name in ("base", "new", "bare"))
    print(f"best of each page: base {base / count * 1e3:.2f}, new {new / count * 1e3:.2f}, bare trafilatura"
          f" {bare / count * 1e3:.2f} CPU ms a page; new/base {new / base:.3f};"
          f" bare/base {bare / base:.2f}x, bare/new {bare / new:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
