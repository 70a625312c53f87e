"""Fit the confidence model (newsclean/data/confidence.txt) on the dev sets.

    python benchmarks/calibrate.py collect DATASET [DATASET ...] --out rows.jsonl [--jobs 2]
    python benchmarks/calibrate.py fit rows.jsonl [--text-styles a,b] [--out FILE]

`collect` cleans every page of every style under each DATASET (a dataset folder or a folder made
by render_styles.py, as benchmarks/snapshot.py reads them) and writes one JSON line per page
and style: set, style, id, the page's type (WCXB `metadata.json`; Scrapinghub pages are
articles), the path that cleaned it, the features its confidence was rated on, its word F1
against the gold, and the confidence the shipped model gave. A page with no article has
`features: null`.

`fit` fits one logistic model per path (plain Python: Newton's method with a little L2 shrinkage
on standardised features) on the rows of the *fit* half of the pages (a stable hash of set and
id), and, for the text path, of the fit styles only (`--text-styles`; default the datasets' four
renderings and three of the render_styles.py ones): the other half of the pages and the other
styles are for checking (benchmarks/confidence.py). The target a row is fitted to: the page is
an article (no listing, forum, shop or service page) and its word F1 is 0.8 or more.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import zlib
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.datasets import HTML_STYLE, load_dataset, read_input  # noqa: E402
from benchmarks.metrics import word_score  # noqa: E402
from benchmarks.snapshot import CHUNK, tasks  # noqa: E402

GOOD_F1 = 0.8  # word F1: a page cleaned this well counts as "the whole article and only it"
ARTICLE = "article"
# the text styles the text model is fitted on; the others are held out for checking. "flat"
# (a page on one line) is fitted: no other style shows the model what a one-line scrape is
FIT_TEXT_STYLES = ("html2text", "inscriptis", "w3m", "textcontent", "markdown", "flat", "textnodes")
# products of two features the models also weigh (length and page share are not linear in how
# sure a cut is: very short and very long texts are both doubtful). Tried on the check half:
# text coverage at 0.8 from 19% to 43% of the good pages, precision kept; HTML 56% to 61%
PRODUCTS = {
    "html": ("log_words*log_words", "page_share*page_share", "prose_share*log_words"),
    "text": ("log_words*log_words", "page_share*page_share", "prose_share*log_words",
             "has_date*has_author", "region_prose*page_share"),
}
# of the fit rows rated 0.8 or more, the share that must be good (the target is 95%;
# a point above it, so that the check half holds it too): when the fitted model falls short,
# its intercept is lowered until it holds (calibration of the lower bins is given up for it)
HIGH, HIGH_PRECISION = 0.8, 0.96
SHIFT_STEP = 0.05
L2 = 1.0  # shrinkage on the standardised weights (a few thousand rows: barely felt)
NEWTON_STEPS = 25
MODEL = Path(__file__).resolve().parents[1] / "newsclean" / "data" / "confidence.txt"


def page_types(roots: Sequence[Path]) -> dict[tuple[str, str], str]:
    """(set, id) -> page type: WCXB's metadata.json (beside the gold, or behind a render's link
    to it); Scrapinghub pages are articles."""
    found = {}
    for root in roots:
        dataset = load_dataset(root)
        meta = (root / "ground-truth").resolve().parent / "metadata.json"
        types = json.loads(meta.read_text()) if meta.is_file() else {}
        for page in dataset.pages:
            found[(root.name, page.id)] = types.get(page.id, {}).get("page_type", ARTICLE)
    return found


def rate_chunk(chunk: list[tuple[str, str, str, str, str | None, str, str]]) -> list[dict]:
    """Clean each task of a chunk, recording the features its confidence was rated on."""
    import newsclean
    from newsclean import confidence

    rows = []
    for set_name, style, page_id, path, url, gold, page_type in chunk:
        row: dict = {"set": set_name, "style": style, "id": page_id, "type": page_type,
                     "path": "html" if style == HTML_STYLE else "text", "features": None,
                     "f1": 0.0, "confidence": None}
        with confidence.recording() as seen:
            try:
                article = newsclean.clean(read_input(path), url=url,
                                          input_type="html" if style == HTML_STYLE else "text")
            except newsclean.NewscleanError:
                article = None
        if article is not None:
            row["features"] = seen[-1][1] if seen else None
            row["path"] = article.kind.value
            row["f1"] = round(word_score(gold, article.text).f1, 4)
            row["confidence"] = article.confidence
        rows.append(row)
    return rows


def collect(roots: Sequence[Path], jobs: int, styles: set[str] | None = None) -> list[dict]:
    """The rows of every page and style under `roots`."""
    kinds = page_types(roots)
    golds = {(root.name, page.id): page.gold for root in roots for page in load_dataset(root).pages}
    work = [(s, style, i, p, u, golds[(s, i)], kinds[(s, i)])
            for s, style, i, p, u in tasks(list(roots), styles)]
    chunks = [work[i:i + CHUNK] for i in range(0, len(work), CHUNK)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return [row for rows in pool.map(rate_chunk, chunks) for row in rows]


def read_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def is_good(row: dict) -> bool:
    return row["type"] == ARTICLE and row["f1"] >= GOOD_F1


def in_fit_half(row: dict) -> bool:
    """Half the pages, the same half in every style (so a page checked is a page not fitted)."""
    return zlib.crc32(f"{row['set']}/{row['id']}".encode()) % 2 == 0


def fit_rows(rows: Iterable[dict], path: str, text_styles: Sequence[str]) -> list[dict]:
    return [row for row in rows if row["features"] is not None and row["path"] == path
            and in_fit_half(row) and (path == "html" or row["style"] in text_styles)]


# ---- logistic regression, plain Python ----

def standardise(rows: list[dict], names: list[str]) -> tuple[list[float], list[float]]:
    centres, scales = [], []
    for name in names:
        values = [row["features"].get(name, 0.0) for row in rows]
        mean = sum(values) / len(values)
        spread = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))
        centres.append(mean)
        scales.append(spread if spread > 1e-9 else 1.0)
    return centres, scales


def solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the Newton step)."""
    size = len(vector)
    a = [row[:] + [vector[i]] for i, row in enumerate(matrix)]
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(col + 1, size):
            factor = a[r][col] / a[col][col]
            for c in range(col, size + 1):
                a[r][c] -= factor * a[col][c]
    x = [0.0] * size
    for r in range(size - 1, -1, -1):
        x[r] = (a[r][size] - sum(a[r][c] * x[c] for c in range(r + 1, size))) / a[r][r]
    return x


def logistic_fit(xs: list[list[float]], ys: list[int], l2: float = L2) -> list[float]:
    """Weights (intercept first) of an L2-shrunk logistic regression; xs without the 1s column."""
    size = len(xs[0]) + 1
    weights = [0.0] * size
    rows = [[1.0] + x for x in xs]
    for _ in range(NEWTON_STEPS):
        gradient = [0.0] * size
        hessian = [[0.0] * size for _ in range(size)]
        for x, y in zip(rows, ys):
            z = max(-30.0, min(30.0, sum(w * v for w, v in zip(weights, x))))
            p = 1.0 / (1.0 + math.exp(-z))
            d, h = p - y, p * (1 - p)
            for i in range(size):
                gradient[i] += d * x[i]
                hx = h * x[i]
                row = hessian[i]
                for j in range(i, size):
                    row[j] += hx * x[j]
        for i in range(size):
            for j in range(i):
                hessian[i][j] = hessian[j][i]
            if i:  # the intercept is not shrunk
                gradient[i] += l2 * weights[i]
                hessian[i][i] += l2
        step = solve(hessian, gradient)
        weights = [w - s for w, s in zip(weights, step)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return weights


def shift_for_precision(xs: list[list[float]], ys: list[int], weights: list[float]) -> float:
    """How much to lower the intercept so that of the rows rated HIGH or more, HIGH_PRECISION
    are good (0 when the fit already does)."""
    scores = [weights[0] + sum(w * v for w, v in zip(weights[1:], x)) for x in xs]
    cut = math.log(HIGH / (1 - HIGH))
    shift = 0.0
    while True:
        high = [y for s, y in zip(scores, ys) if s - shift >= cut]
        if not high or sum(high) / len(high) >= HIGH_PRECISION:
            if shift:
                print(f"intercept lowered by {shift:.2f} for {HIGH_PRECISION:.0%} at {HIGH}",
                      file=sys.stderr)
            return shift
        shift += SHIFT_STEP


def with_products(features: dict[str, float], products: Sequence[str]) -> dict[str, float]:
    """The features and the products the model weighs (as confidence.feature_value has them)."""
    from newsclean.confidence import feature_value

    return features | {name: feature_value(features, name, 0.0) for name in products}


def fit_path(rows: list[dict]) -> list[str]:
    """The model file's lines for one path's rows."""
    path = rows[0]["path"]
    rows = [dict(row, features=with_products(row["features"], PRODUCTS[path])) for row in rows]
    names = sorted({name for row in rows for name in row["features"]})
    centres, scales = standardise(rows, names)
    xs = [[(row["features"].get(n, c) - c) / s for n, c, s in zip(names, centres, scales)]
          for row in rows]
    ys = [int(is_good(row)) for row in rows]
    weights = logistic_fit(xs, ys)
    weights[0] -= shift_for_precision(xs, ys, weights)
    lines = [f"{path} intercept {weights[0]:.4f}"]
    lines += [f"{path} {name} {w:.4f} {c:.4f} {s:.4f}"
              for name, w, c, s in zip(names, weights[1:], centres, scales)]
    good = sum(ys)
    print(f"{path}: {len(rows)} rows, {good} good ({good / len(rows):.0%})", file=sys.stderr)
    return lines


def model_text(rows: list[dict], text_styles: Sequence[str], sources: str) -> str:
    head = ["# newsclean confidence model: PATH FEATURE WEIGHT [CENTRE SCALE] (see",
            "# newsclean/confidence.py). Made by benchmarks/calibrate.py fit; do not edit by hand.",
            f"# fitted on: {sources}; the fit half of the pages (crc32 of set/id even);",
            f"# text styles: {', '.join(text_styles)}",
            f"# target: the page is an article and its word F1 >= {GOOD_F1}"]
    body = []
    for path in ("html", "text"):
        chosen = fit_rows(rows, path, text_styles)
        if chosen:
            body += fit_path(chosen)
    return "\n".join(head + body) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    gather = commands.add_parser("collect", help="clean every page, record features and F1")
    gather.add_argument("datasets", nargs="+", type=Path)
    gather.add_argument("--out", type=Path, required=True)
    gather.add_argument("--jobs", type=int, default=2)
    gather.add_argument("--styles", help="only these styles, comma-separated")
    fit = commands.add_parser("fit", help="fit the model on collected rows")
    fit.add_argument("rows", type=Path)
    fit.add_argument("--text-styles", default=",".join(FIT_TEXT_STYLES))
    fit.add_argument("--out", type=Path, default=MODEL)
    args = parser.parse_args(argv)
    if args.command == "collect":
        only = set(args.styles.split(",")) if args.styles else None
        rows = collect(args.datasets, args.jobs, only)
        args.out.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
        print(f"{len(rows)} rows -> {args.out}")
        return 0
    rows = read_rows(args.rows)
    sets = ", ".join(sorted({row["set"] for row in rows}))
    args.out.write_text(model_text(rows, args.text_styles.split(","), sets), encoding="utf-8")
    print(f"model -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
