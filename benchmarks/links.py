"""What `--links --images` change: each page cleaned with and without them, the text compared
and scored, the links and images of the Markdown counted.

    python benchmarks/links.py ../shared/datasets/scrapinghub ../shared/datasets/wcxb-articles-dev \
        --style html --jobs 2

For each dataset: pages whose text is the same with the options (it should be, but for what
trafilatura's own extraction does differently when it keeps links), word F1 of the text with
and without, pages that fail with and not without (or the other way), and how many links and
images the Markdown holds and how many of the links are absolute.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.datasets import HTML_STYLE, load_dataset, read_input  # noqa: E402
from benchmarks.metrics import word_score  # noqa: E402

LINK = re.compile(r"(?<!!)\[[^\]]*\]\(<?([^)\s>]*)")
IMAGE = re.compile(r"!\[[^\]]*\]\(")


def one(task: tuple[str, str | None, str, str, tuple[str, ...]]) -> dict:
    """Both cleanings of one page."""
    import newsclean

    path, url, input_type, gold, wanted = task
    data = read_input(path)
    row: dict = {"path": path}
    for name, extra in (("off", {}), ("on", dict.fromkeys(wanted, True))):
        started = time.perf_counter()  # both ways in turn, page by page: a same-run ratio
        try:
            article = newsclean.clean(data, url=url, input_type=input_type, **extra)
        except newsclean.NewscleanError:
            row[name] = None
            continue
        finally:
            row[f"{name}_s"] = time.perf_counter() - started
        row[name] = article.text
        row[f"{name}_f1"] = word_score(gold, article.text).f1
        if name == "on":
            targets = LINK.findall(article.markdown)
            row["links"] = len(targets)
            row["absolute"] = sum(t.startswith(("http://", "https://", "mailto:")) for t in targets)
            row["images"] = len(IMAGE.findall(article.markdown))
            row["syntax_in_text"] = bool(LINK.search(article.text) or IMAGE.search(article.text))
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("datasets", nargs="+", type=Path)
    parser.add_argument("--style", default=HTML_STYLE, help="html (default) or a text style")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--options", default="links,images", help="links, images or both (default)")
    parser.add_argument("--show", type=int, default=5, help="pages whose text moved to list")
    args = parser.parse_args(argv)
    for root in args.datasets:
        dataset = load_dataset(root)
        tasks = [(str(dataset.input_path(p, args.style)), p.url,
                  "html" if args.style == HTML_STYLE else "text", p.gold,
                  tuple(args.options.split(","))) for p in dataset.pages
                 if dataset.input_path(p, args.style).is_file()]
        with ProcessPoolExecutor(args.jobs) as pool:
            rows = list(pool.map(one, tasks, chunksize=8))
        both = [r for r in rows if r["off"] is not None and r["on"] is not None]
        moved = [r for r in both if r["off"] != r["on"]]
        f1_off = sum(r["off_f1"] for r in both) / max(len(both), 1)
        f1_on = sum(r["on_f1"] for r in both) / max(len(both), 1)
        links = sum(r["links"] for r in both)
        options = " --".join(args.options.split(","))
        print(f"{root.name} ({args.style}, --{options}): {len(rows)} pages; text the same on "
              f"{len(both) - len(moved)} of {len(both)} cleaned both ways; word F1 of the text "
              f"{f1_off:.4f} without, {f1_on:.4f} with; fail only with: "
              f"{sum(r['on'] is None and r['off'] is not None for r in rows)}, only without: "
              f"{sum(r['off'] is None and r['on'] is not None for r in rows)}; links {links} "
              f"({sum(r['absolute'] for r in both)} absolute) on "
              f"{sum(bool(r['links']) for r in both)} pages, images {sum(r['images'] for r in both)} "
              f"on {sum(bool(r['images']) for r in both)} pages; link syntax in a text: "
              f"{sum(r['syntax_in_text'] for r in both)}; time with them "
              f"{sum(r['on_s'] for r in rows) / sum(r['off_s'] for r in rows):.2f}x")
        for r in sorted(moved, key=lambda r: r["on_f1"] - r["off_f1"])[:args.show]:
            print(f"  {Path(r['path']).name}: word F1 {r['off_f1']:.3f} -> {r['on_f1']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
