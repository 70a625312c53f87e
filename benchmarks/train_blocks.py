"""Fit the text path's block model (newsclean/data/blocks.txt, newsclean/text/blockmodel.py).

    python benchmarks/train_blocks.py prepare DATASET [DATASET ...] --out blocks.jsonl [--jobs 2]
        [--styles a,b]
    python benchmarks/train_blocks.py fit blocks.jsonl [--styles a,b] [--out FILE]
    python benchmarks/train_blocks.py simulate blocks.jsonl [--model FILE] [--margins 0.05,0.1]
    python benchmarks/train_blocks.py check DATASET [DATASET ...] --out check.jsonl [--jobs 2]
        [--styles a,b] [--half check|fit|all]

`prepare` cleans every page of every style under each DATASET (a dataset folder or a folder made
by render_styles.py) with newsclean.clean, recording the page's blocks as the hand-written region
choice leaves them (blockmodel.recording), and writes one JSON line a page and style: set, style,
id, each block's features (blockmodel.FEATURES), its words as the text path would keep them, its
label, the region chosen by hand and the spans the model would weigh against it. A block's label
is the share of its words found in the gold text: a word counts when one of the word 3-grams of
the block that hold it is a 3-gram of the gold (a block of one or two words: when the block's
words stand in the gold in that order).

`fit` fits a logistic regression (numpy, Newton's method on standardised features with a little
L2 shrinkage) to the labels as soft targets, each block weighed by its words, on the *fit* half
of the pages (crc32 of set/id even, as benchmarks/calibrate.py splits them) of the fit styles
(default: the datasets' four renderings): the other half, the held-out styles and wcxb-other-dev
are for checking.

`simulate` replays blockmodel.reconsider's choice on the prepared pages with a model (default:
the shipped one) and reports, per half and style, how often it moves the region and the mean
expected-vs-labelled word F1 of the regions before and after (the label standing in for the
gold): the margin is set on the fit half with it.

`check` cleans each page twice, with the block model (the shipped margin) and without it
(margin infinite), and writes one JSON line per page and style with both word F1s; the summary
(per set and style: mean word F1 and pages under 0.5, both ways; pages moved) goes to stdout.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.datasets import HTML_STYLE, TEXT_STYLES, load_dataset, read_input  # noqa: E402
from benchmarks.metrics import word_score, word_tokens  # noqa: E402
from benchmarks.snapshot import CHUNK, tasks  # noqa: E402

GRAM = 3  # words: a block's word is gold when one of its GRAM-grams is in the gold
L2 = 1.0  # shrinkage on the standardised weights (hundreds of thousands of blocks: barely felt)
NEWTON_STEPS = 30
COLLAPSED = 0.5  # word F1: a page under this collapsed
MODEL = Path(__file__).resolve().parents[1] / "newsclean" / "data" / "blocks.txt"


def in_fit_half(set_name: str, page_id: str) -> bool:
    """Half the pages, the same half in every style (calibrate.in_fit_half's split)."""
    return zlib.crc32(f"{set_name}/{page_id}".encode()) % 2 == 0


def gold_grams(gold: str) -> tuple[set[tuple[str, ...]], ...]:
    """The gold's word n-grams for n = 1 .. GRAM."""
    tokens = word_tokens(gold)
    return tuple({tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}
                 for n in range(1, GRAM + 1))


def label(text: str, grams: tuple[set[tuple[str, ...]], ...]) -> float:
    """The share of the block's words found in the gold (module docstring)."""
    tokens = word_tokens(text)
    if not tokens:
        return 0.0
    if len(tokens) < GRAM:
        return float(tuple(tokens) in grams[len(tokens) - 1])
    found = [False] * len(tokens)
    for i in range(len(tokens) - GRAM + 1):
        if tuple(tokens[i:i + GRAM]) in grams[GRAM - 1]:
            found[i:i + GRAM] = [True] * GRAM
    return sum(found) / len(tokens)


def prepare_chunk(chunk: list[tuple[str, str, str, str, str | None]]) -> list[dict]:
    """The prepared lines of one chunk of tasks (runs in a worker)."""
    from newsclean import sniff, text
    from newsclean.errors import NewscleanError
    from newsclean.rules import RuleBook
    from newsclean.text import blockmodel

    golds = {}
    lines = []
    book = RuleBook.load(())
    for set_name, style, page_id, path, url in chunk:
        root = Path(path).parents[2]
        if root not in golds:
            golds[root] = {page.id: page.gold for page in load_dataset(root).pages}
        with blockmodel.recording() as seen:
            try:  # the region choice as newsclean.clean makes it (select's first steps)
                doc = sniff.decode(read_input(path), url=url, kind="text")
                text.select(doc.text, book.for_document(doc).rules, rated=False)
            except NewscleanError:
                pass
        if not seen:
            continue
        page = seen[0]
        grams = gold_grams(golds[root][page_id])
        lines.append({"set": set_name, "style": style, "id": page_id, "rows": page["rows"],
                      "kept": page["kept"], "labels": [round(label(text, grams), 3)
                                                       for text in page["texts"]],
                      "region": page["region"], "spans": page["spans"],
                      "boundary": page["boundary"], "how": page["how"]})
    return lines


def run_chunks(function, roots: list[Path], styles: set[str] | None, jobs: int) -> Iterable[dict]:
    """Every line `function` makes of the text pages under `roots`, chunk by chunk."""
    work = [t for t in tasks(roots, styles) if t[1] != HTML_STYLE]
    chunks = [work[i:i + CHUNK] for i in range(0, len(work), CHUNK)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for done, lines in enumerate(pool.map(function, chunks), 1):
            print(f"\r{done}/{len(chunks)} chunks", end="", file=sys.stderr)
            yield from lines
    print(file=sys.stderr)


def prepare(args: argparse.Namespace) -> None:
    styles = set(args.styles.split(",")) if args.styles else None
    with open(args.out, "w", encoding="utf-8") as out:
        for line in run_chunks(prepare_chunk, [Path(r) for r in args.roots], styles, args.jobs):
            out.write(json.dumps(line, separators=(",", ":")) + "\n")


def read_pages(path: str) -> Iterable[dict]:
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def fit(args: argparse.Namespace) -> None:
    import numpy as np

    from newsclean.text.blockmodel import FEATURES

    styles = set(args.styles.split(",")) if args.styles else set(TEXT_STYLES)
    rows, targets, weights = [], [], []
    sources = set()
    for page in read_pages(args.blocks):
        if page["style"] in styles and in_fit_half(page["set"], page["id"]):
            sources.add(page["set"])
            rows += page["rows"]
            targets += page["labels"]
            weights += [max(1.0, w) for w in page["kept"]]
    x = np.asarray(rows, dtype=float)
    y = np.asarray(targets, dtype=float)
    w = np.asarray(weights, dtype=float)
    w = w / w.mean()
    centre = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - centre) / scale])
    beta = np.zeros(z.shape[1])
    shrink = np.full(z.shape[1], L2)
    shrink[0] = 0.0
    for _ in range(NEWTON_STEPS):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ beta, -60, 60)))
        gradient = z.T @ (w * (p - y)) + shrink * beta
        hessian = (z * (w * p * (1 - p))[:, None]).T @ z + np.diag(shrink + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    p = 1.0 / (1.0 + np.exp(-np.clip(z @ beta, -60, 60)))
    loss = -np.sum(w * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))) / w.sum()
    print(f"{len(x)} blocks, weighted log loss {loss:.4f}", file=sys.stderr)
    lines = [
        "# newsclean block model: FEATURE WEIGHT CENTRE SCALE, and the intercept (see",
        "# newsclean/text/blockmodel.py). Made by benchmarks/train_blocks.py fit; do not edit by hand.",
        f"# fitted on: {', '.join(sorted(sources))}; the fit half of the pages (crc32 of set/id even);",
        f"# styles: {', '.join(sorted(styles))}; {len(x)} blocks, each weighed by its words",
        "# target: the share of the block's words found in the gold (word 3-grams)",
        f"intercept {beta[0]:.4f}",
    ]
    for name, weight, mid, spread in zip(FEATURES, beta[1:], centre, scale):
        lines.append(f"{name} {weight:.4f} {mid:.4f} {spread:.4f}")
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)


def labelled_f1(page: dict, start: int, end: int) -> float:
    """A span's word F1 with the labels standing in for the gold."""
    kept, labels = page["kept"], page["labels"]
    gold = sum(k * lab for k, lab in zip(kept, labels))
    tp = sum(k * lab for k, lab in zip(kept[start:end + 1], labels[start:end + 1]))
    words = sum(kept[start:end + 1])
    return 2 * tp / (words + gold) if words + gold else 0.0


def simulate(args: argparse.Namespace) -> None:
    from newsclean.text import blockmodel

    if args.model:
        text = Path(args.model).read_text(encoding="utf-8")
        blockmodel.model.cache_clear()
        parsed = blockmodel.parse_model(text)
        blockmodel.model = lambda: parsed  # type: ignore[assignment]
    margins = [float(m) for m in args.margins.split(",")]
    table: dict[tuple[str, str, str, float], list[tuple[float, float]]] = defaultdict(list)
    for page in read_pages(args.blocks):
        half = "fit" if in_fit_half(page["set"], page["id"]) else "check"
        start, end = page["region"]
        before = labelled_f1(page, start, end)
        chance = blockmodel.probabilities([tuple(row) for row in page["rows"]])
        mass = blockmodel.running([k * p for k, p in zip(page["kept"], chance)])
        kept = blockmodel.running(page["kept"])
        now = blockmodel.expected_f1(kept, mass, start, end, mass[-1])
        best, span = max([(now, (start, end))] + [
            (blockmodel.expected_f1(kept, mass, s, e, mass[-1]), (s, e)) for s, e in page["spans"]
            if not args.gate or blockmodel.allowed((s, e), (start, end), page["boundary"], page["how"])])
        for margin in margins:
            after = labelled_f1(page, *span) if best >= now + margin else before
            table[(page["set"], half, page["style"], margin)].append((before, after, page["id"]))
    print("| set | half | style | margin | pages | moved | F1 before | after | under 0.5 before | after |")
    print("|---|---|---|--:|--:|--:|--:|--:|--:|--:|")
    worse = []
    for (set_name, half, style, margin), pairs in sorted(table.items()):
        moved = sum(1 for b, a, _ in pairs if a != b)
        print(f"| {set_name} | {half} | {style} | {margin} | {len(pairs)} | {moved} | "
              f"{sum(b for b, _, _ in pairs) / len(pairs):.4f} | "
              f"{sum(a for _, a, _ in pairs) / len(pairs):.4f} | "
              f"{sum(b < COLLAPSED for b, _, _ in pairs)} | {sum(a < COLLAPSED for _, a, _ in pairs)} |")
        worse += [f"{set_name} {style} {margin} {page_id}: {b:.3f} -> {a:.3f}"
                  for b, a, page_id in pairs if a < b - 0.02]
    print("\n".join(f"worse: {line}" for line in worse))


def check_chunk(chunk: list[tuple[str, str, str, str, str | None]]) -> list[dict]:
    """Both word F1s (with and without the block model) of one chunk of tasks (in a worker)."""
    import newsclean
    from newsclean.text import blockmodel

    golds = {}
    lines = []
    shipped = blockmodel.MARGIN
    for set_name, style, page_id, path, url in chunk:
        root = Path(path).parents[2]
        if root not in golds:
            golds[root] = {page.id: page.gold for page in load_dataset(root).pages}
        scores = []
        for margin in (math.inf, shipped):
            blockmodel.MARGIN = margin
            try:
                text = newsclean.clean(read_input(path), url=url, input_type="text").text
            except newsclean.NewscleanError:
                text = ""
            scores.append(round(word_score(golds[root][page_id], text).f1, 4))
        blockmodel.MARGIN = shipped
        lines.append({"set": set_name, "style": style, "id": page_id, "before": scores[0],
                      "after": scores[1]})
    return lines


def check(args: argparse.Namespace) -> None:
    styles = set(args.styles.split(",")) if args.styles else None
    roots = [Path(r) for r in args.roots]
    table: dict[tuple[str, str], list[dict]] = defaultdict(list)
    with open(args.out, "w", encoding="utf-8") as out:
        for line in run_chunks(check_chunk, roots, styles, args.jobs):
            if args.half != "all" and in_fit_half(line["set"], line["id"]) != (args.half == "fit"):
                continue
            out.write(json.dumps(line) + "\n")
            table[(line["set"], line["style"])].append(line)
    summarise(table)


def summarise(table: dict[tuple[str, str], list[dict]]) -> None:
    print("| set | style | pages | word F1 before | after | under 0.5 before | after | better | worse |")
    print("|---|---|--:|--:|--:|--:|--:|--:|--:|")
    for (set_name, style), lines in sorted(table.items()):
        before = [line["before"] for line in lines]
        after = [line["after"] for line in lines]
        print(f"| {set_name} | {style} | {len(lines)} | {sum(before) / len(lines):.4f} | "
              f"{sum(after) / len(lines):.4f} | {sum(b < COLLAPSED for b in before)} | "
              f"{sum(a < COLLAPSED for a in after)} | {sum(a > b for a, b in zip(after, before))} | "
              f"{sum(a < b for a, b in zip(after, before))} |")
    for (set_name, style), lines in sorted(table.items()):
        for line in lines:
            if line["after"] < line["before"] - 0.02:
                print(f"worse: {set_name} {style} {line['id']} {line['before']} -> {line['after']}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("prepare")
    one.add_argument("roots", nargs="+")
    one.add_argument("--out", required=True)
    one.add_argument("--jobs", type=int, default=2)
    one.add_argument("--styles")
    two = commands.add_parser("fit")
    two.add_argument("blocks")
    two.add_argument("--styles")
    two.add_argument("--out", default=str(MODEL))
    three = commands.add_parser("simulate")
    three.add_argument("blocks")
    three.add_argument("--model")
    three.add_argument("--margins", default="0.05,0.1,0.2")
    three.add_argument("--gate", action=argparse.BooleanOptionalAction, default=True,
                       help="weigh only the spans blockmodel.allowed lets the region move to")
    four = commands.add_parser("check")
    four.add_argument("roots", nargs="+")
    four.add_argument("--out", required=True)
    four.add_argument("--jobs", type=int, default=2)
    four.add_argument("--styles")
    four.add_argument("--half", choices=("check", "fit", "all"), default="check")
    args = parser.parse_args(argv)
    {"prepare": prepare, "fit": fit, "simulate": simulate, "check": check}[args.command](args)


if __name__ == "__main__":
    main()
