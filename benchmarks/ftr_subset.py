"""Scrapinghub pages whose host has a FiveFilters site config: newsclean with and without
`--rules-dir ftr-site-config`, from two `accuracy.py --per-page` files.

    python benchmarks/ftr_subset.py DATASETS_DIR plain.jsonl ftr.jsonl
"""
from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsclean.rules import host_of, load_book  # noqa: E402


def shingle_f1(rows: list[dict]) -> float:
    precision = statistics.mean(r["shingle_p"] for r in rows)
    recall = statistics.mean(r["shingle_r"] for r in rows)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main() -> None:
    datasets, plain_path, ftr_path = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    book = load_book((str(datasets / "ftr-site-config"),))
    plain = {r["id"]: r for r in map(json.loads, open(plain_path, encoding="utf-8"))}
    ftr = {r["id"]: r for r in map(json.loads, open(ftr_path, encoding="utf-8"))}
    covered = [i for i, r in plain.items() if book.file_for_host(host_of(r["url"]) or "")]
    print("| pages | with a FiveFilters file | shingle F1 without | with `--rules-dir` |")
    print("|---|--:|--:|--:|")
    print(f"| all | {len(plain)} | {shingle_f1(list(plain.values())):.4f} | "
          f"{shingle_f1(list(ftr.values())):.4f} |")
    print(f"| covered | {len(covered)} | {shingle_f1([plain[i] for i in covered]):.4f} | "
          f"{shingle_f1([ftr[i] for i in covered]):.4f} |")
    moved = [(ftr[i]["shingle_f"] - plain[i]["shingle_f"], i) for i in covered]
    print()
    for delta, page in sorted(moved):
        if abs(delta) > 0.02:
            print(f"- {page[:8]} {plain[page]['url']}: {plain[page]['shingle_f']:.2f} -> "
                  f"{ftr[page]['shingle_f']:.2f}")


if __name__ == "__main__":
    main()
