"""How well Article.confidence is calibrated: reliability tables and the confidence of pages that
are no article, per path and style.

    python benchmarks/calibrate.py collect DATASET [DATASET ...] --out rows.jsonl --jobs 2
    python benchmarks/confidence.py rows.jsonl [--json FILE]

The rows (one per page and style, from calibrate.py collect) hold the features each page's
confidence was rated on; this script rates them again with the shipped model (so a new fit needs
no new run) and prints, as Markdown:

1. Reliability: of the article pages (Scrapinghub, WCXB articles) at each confidence level, how
   many, and the share whose word F1 is 0.8 or more; then, of the pages rated 0.8 or more, that
   share (the target: at least 95%). Per path; for the text path per style, the styles the model
   was fitted on and the held-out ones apart, and the pages it was fitted on (the fit half) and
   the others (the check half) apart.
2. Pages that are no article (WCXB other: service, forum, listing, product, collection,
   documentation pages): per path and page type, their confidence's median, the share rated
   under 0.5 and the share rated 0.8 or more.

Pages with no article (NothingExtracted) have no confidence: they are counted apart.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.calibrate import ARTICLE, FIT_TEXT_STYLES, GOOD_F1, in_fit_half, read_rows  # noqa: E402
from newsclean import confidence  # noqa: E402
from newsclean.sniff import Kind  # noqa: E402

BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.01)  # the last bin is 0.8 to 1.0, both included
HIGH = 0.8  # "rated high": the bar the target is about
TARGET = 0.95  # of the pages rated high, the share that must be right


def rated(rows: Iterable[dict]) -> list[dict]:
    """The rows with an article, each with its confidence from the shipped model."""
    out = []
    for row in rows:
        if row["features"] is not None:
            out.append(dict(row, rating=confidence.rate(Kind(row["path"]), row["features"])))
    return out


def good(row: dict) -> bool:
    return row["f1"] >= GOOD_F1


def bin_of(value: float) -> int:
    return next(i for i in range(len(BINS) - 1) if value < BINS[i + 1])


def reliability_row(label: str, rows: list[dict]) -> dict:
    """Counts and shares of good pages per bin, and of the pages rated high."""
    cells = []
    for index in range(len(BINS) - 1):
        inside = [r for r in rows if bin_of(r["rating"]) == index]
        cells.append((len(inside), sum(map(good, inside)) / len(inside) if inside else None))
    high = [r for r in rows if r["rating"] >= HIGH]
    return {"label": label, "pages": len(rows), "bins": cells, "high": len(high),
            "high_good": sum(map(good, high)) / len(high) if high else None,
            "mean_f1_high": statistics.fmean(r["f1"] for r in high) if high else None}


def share(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}" if value < 1 else "100%"


def reliability_table(lines: list[dict]) -> str:
    names = [f"{BINS[i]:.1f}-{min(BINS[i + 1], 1.0):.1f}" for i in range(len(BINS) - 1)]
    head = "| pages | n | " + " | ".join(names) + " | rated >= 0.8 | of them F1 >= 0.8 |"
    rows = [head, "|---|--:|" + "--:|" * len(names) + "--:|--:|"]
    for line in lines:
        cells = [f"{n}: {share(s)}" if n else "0" for n, s in line["bins"]]
        high = line["high_good"]
        mark = "" if high is None or high >= TARGET else " (under 95%)"
        rows.append(f"| {line['label']} | {line['pages']} | " + " | ".join(cells)
                    + f" | {line['high']} ({share(line['high'] / line['pages'] if line['pages'] else None)})"
                    f" | {share(high)}{mark} |")
    return "\n".join(rows)


def groups(rows: list[dict], fit_styles: Sequence[str]) -> list[tuple[str, Callable[[dict], bool]]]:
    """The row groups of the reliability table: path, then style families and halves."""
    text_styles = sorted({r["style"] for r in rows if r["path"] == "text"})
    chosen: list[tuple[str, Callable[[dict], bool]]] = [
        ("HTML, all", lambda r: r["path"] == "html"),
        ("HTML, check half", lambda r: r["path"] == "html" and not in_fit_half(r)),
        ("text, all styles", lambda r: r["path"] == "text"),
        ("text, fitted styles, check half",
         lambda r: r["path"] == "text" and r["style"] in fit_styles and not in_fit_half(r)),
        ("text, held-out styles", lambda r: r["path"] == "text" and r["style"] not in fit_styles),
        ("text, held-out styles, check half",
         lambda r: r["path"] == "text" and r["style"] not in fit_styles and not in_fit_half(r)),
    ]
    for style in text_styles:
        held = "" if style in fit_styles else " (held out)"
        chosen.append((f"text, {style}{held}",
                       lambda r, style=style: r["path"] == "text" and r["style"] == style))
    return chosen


def page_type_table(rows: list[dict], empties: dict[tuple[str, str], int]) -> str:
    out = ["| path | page type | pages | no article | median confidence | under 0.5 | 0.8 or more |",
           "|---|---|--:|--:|--:|--:|--:|"]
    for path in ("html", "text"):
        types = sorted({r["type"] for r in rows if r["path"] == path}, key=lambda t: (t != ARTICLE, t))
        for kind in types:
            chosen = [r["rating"] for r in rows if r["path"] == path and r["type"] == kind]
            empty = empties.get((path, kind), 0)
            out.append(f"| {path} | {kind} | {len(chosen) + empty} | {empty} | "
                       f"{statistics.median(chosen):.2f} | "
                       f"{share(sum(c < 0.5 for c in chosen) / len(chosen))} | "
                       f"{share(sum(c >= HIGH for c in chosen) / len(chosen))} |")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", type=Path, help="rows from benchmarks/calibrate.py collect")
    parser.add_argument("--fit-styles", default=",".join(FIT_TEXT_STYLES),
                        help="the text styles the model was fitted on")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args(argv)
    raw = read_rows(args.rows)
    rows = rated(raw)
    empties: dict[tuple[str, str], int] = {}
    for row in raw:
        if row["features"] is None:
            key = ("html" if row["style"] == "html" else "text", row["type"])
            empties[key] = empties.get(key, 0) + 1
    articles = [r for r in rows if r["type"] == ARTICLE]
    fit_styles = args.fit_styles.split(",")
    lines = [reliability_row(label, [r for r in articles if test(r)])
             for label, test in groups(articles, fit_styles)]
    everything = [dict(r, f1=r["f1"] if r["type"] == ARTICLE else 0.0) for r in rows]
    lines += [reliability_row(f"{path}, every page type (a non-article counts as wrong)",
                              [r for r in everything if r["path"] == path]) for path in ("html", "text")]
    print("### Reliability (article pages: the share with word F1 >= 0.8 per confidence bin)\n")
    print(reliability_table(lines))
    print("\n### Confidence per page type\n")
    print(page_type_table(rows, empties))
    if args.json:
        args.json.write_text(json.dumps({"reliability": lines}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
