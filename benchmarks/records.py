#!/usr/bin/env python3
"""What issue 13's rerun records cost: the recipe's digest of the rule files, and the claims
kept under OUT/.newsclean (newsclean/batch/recipe.py, manifest.py).

Run from the repo root::

    python benchmarks/records.py [RULES_DIR] [--outputs 100000]

1. Rule files: the digest is taken as RuleBook.load reads the files (names and text), so it
   costs the hashing of text already in memory; shown beside the load itself, and beside a
   digest that would read the files again, for the built-in pack and for RULES_DIR (e.g.
   ../shared/datasets/ftr-site-config, ~2,000 FiveFilters files). Best of 5, warm page cache.
2. Claims for --outputs outputs: appending one (after each output is written), reading them
   all back (a rerun's start), asking whether one holds (a rerun, per output), the memory they
   hold, and merging MERGE_AFTER files into one.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsclean import rules  # noqa: E402
from newsclean.batch import manifest  # noqa: E402
from newsclean.batch.manifest import Claims  # noqa: E402
from newsclean.batch.recipe import Recipe  # noqa: E402

ROUNDS = 5


def best(function, rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def rule_files(folders: list[Path]) -> list[tuple[str, str]]:
    return [(entry.name, entry.read_text("utf-8", errors="replace")) for folder in folders
            for entry in sorted(folder.glob("*.txt")) if rules.is_rule_file_name(entry.name)]


def digest_rules(dirs: tuple[str, ...], label: str) -> None:
    folders = [Path(rules.__file__).parent / "rules"] + [Path(d) for d in dirs]
    texts = rule_files(folders)

    def hash_texts() -> None:
        digest = hashlib.blake2b(digest_size=16)
        for name, text in texts:
            rules.add_to_digest(digest, name, text)

    def load() -> None:
        rules.load_book.cache_clear()
        rules.RuleBook.load(dirs)

    size = sum(len(text.encode()) for _, text in texts)
    print(f"{label}: {len(texts)} files, {size / 1e3:.0f} kB: hashing their text "
          f"{best(hash_texts) * 1e3:.1f} ms, within RuleBook.load {best(load) * 1e3:.0f} ms; "
          f"read again and hashed {best(lambda: rule_files(folders) and hash_texts()) * 1e3:.1f} ms")


def claims(count: int) -> None:
    recipe = Recipe((("newsclean version", "0"), ("--format", "markdown"), ("rule files", "0" * 32)))
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp, "sample.md")  # every output's size and mtime, as a rerun finds them
        sample.write_bytes(b"x" * 2000)
        os.utime(sample, ns=(2 * 10**18, 2 * 10**18))
        info = sample.stat()
        targets = [os.path.join(tmp, f"part{n // 1000:03d}", f"story-{n:06d}.md") for n in range(count)]
        writer = Claims(tmp, recipe)
        start = time.perf_counter()
        for n, target in enumerate(targets):
            writer.record(target, "s", 3000, 10**18 + n, (2000, 2 * 10**18))
        record = time.perf_counter() - start
        writer.close(True)
        size = sum(p.stat().st_size for p in Path(tmp, manifest.FOLDER).iterdir())
        read = best(lambda: Claims(tmp, recipe), 3)
        tracemalloc.start()
        reader = Claims(tmp, recipe)
        held = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        start = time.perf_counter()
        assert all(reader.why_stale(target, "s", 3000, 10**18 + n, info) is None
                   for n, target in enumerate(targets))
        ask = time.perf_counter() - start
        for number in range(manifest.MERGE_AFTER - 1):
            other = Claims(tmp, recipe)
            other.record(os.path.join(tmp, f"more-{number}.md"), "s", 1, 2, (3, 4))
            start = time.perf_counter()
            other.close(True)
        merge = time.perf_counter() - start
    print(f"claims of {count} outputs: {size / count:.0f} B each on disk; appending one "
          f"{record / count * 1e6:.1f} us; reading all {read:.2f} s ({read / count * 1e6:.1f} us each); "
          f"asking {ask / count * 1e6:.1f} us each; held in memory {held / count:.0f} B each; "
          f"merging {manifest.MERGE_AFTER} files {merge:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rules_dir", nargs="?", type=Path,
                        default=ROOT.parent / "shared/datasets/ftr-site-config")
    parser.add_argument("--outputs", type=int, default=100_000)
    args = parser.parse_args()
    digest_rules((), "built-in pack")
    if args.rules_dir.is_dir():
        digest_rules((str(args.rules_dir),), f"built-in pack + {args.rules_dir.name}")
    claims(args.outputs)


if __name__ == "__main__":
    main()
