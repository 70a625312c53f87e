"""Metadata accuracy on a WCXB dataset: title, authors and date against the gold a reader sees.

    python benchmarks/metadata.py ../shared/datasets/wcxb-articles-dev [--jobs 2] [--limit N]
        [--style html|html2text|inscriptis|w3m|textcontent|NAME] [--dump pages.jsonl]
        [--only newsclean] [--text-dir /work/styles/wcxb-articles-dev/text]

`--text-dir` reads the text style from DIR/<style>/<id>.txt (the held-out renderings that
`render_styles.py` writes) instead of the dataset's own `text/` folder.

`--dump` writes one JSON line a page: the gold and each system's title, authors and date, with
its marks (to see which pages a change moved, and why).

With a text style, newsclean alone is scored, on the text rendering of each page (the text
path's title, byline and date; trafilatura reads HTML only), given the page's URL as a user
gives it (`--url`, batch's URL field, a WARC record's): the text path reads the URL's slug as a
witness of the headline. `--no-url` gives it none (the figures before 2026-12-07's eighth
session were made so).

Scores newsclean and trafilatura (`extract_metadata` with the URL) in one run:
- title: equal after case folding, straight quotes and collapsed whitespace;
- authors: the same set of names (gold split on , ; & and "and"; letters after a name, such
  as "MS", "Ph.D." or "CFP", are no name, in the gold or the output);
- date: the same day, over pages whose gold has a date; and how many pages without a date
  in the gold get one anyway (a guessed date is wrong data);
- authors given to pages whose gold names no author.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.datasets import load_dataset, read_input  # noqa: E402

QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*", re.IGNORECASE)


def norm(text: str | None) -> str:
    return " ".join((text or "").translate(QUOTES).casefold().split()).strip(" .")


# letters after a name ("Jane Doe, MS, RD", "Jane Doe, Ph.D.", "Jane Doe, CEPF®") name no one:
# left out on both sides, after the first name
CREDENTIAL = re.compile(r"(?:[A-Z][A-Za-z]?\.?){0,3}[A-Z]\.?[®™]?|Ph\.?\s?D\.?|[JS]r\.?|I{2,3}|IV")


def name_set(names) -> frozenset[str]:
    if isinstance(names, str):
        names = NAME_SPLIT.split(names)
    names = [x for i, x in enumerate(names or ()) if not (i and CREDENTIAL.fullmatch(x.strip()))]
    return frozenset(n for n in (norm(x) for x in names) if n)


def run_newsclean(data: bytes, url: str | None, input_type: str = "html") -> tuple:
    import newsclean

    try:
        art = newsclean.clean(data, url=url, input_type=input_type)
    except newsclean.NewscleanError:
        return None, (), None
    return art.title, art.authors, art.date


def run_trafilatura(data: bytes, url: str | None) -> tuple:
    import trafilatura
    from trafilatura.metadata import extract_metadata

    tree = trafilatura.load_html(data)
    if tree is None:
        return None, (), None
    meta = extract_metadata(tree, default_url=url)
    authors = [a.strip() for a in (meta.author or "").split(";") if a.strip()]
    return meta.title, authors, meta.date


SYSTEMS = {"newsclean": run_newsclean, "trafilatura": run_trafilatura}


def run_newsclean_text(data: bytes, url: str | None) -> tuple:
    return run_newsclean(data, url, "text")  # the URL as a user gives it (--url, batch, WARC)


TEXT_SYSTEMS = {"newsclean (text path)": run_newsclean_text}


def systems_for(style: str, only: str | None = None) -> dict:
    systems = SYSTEMS if style == "html" else TEXT_SYSTEMS
    return {name: run for name, run in systems.items() if only is None or name.startswith(only)}


def score_page(task: tuple) -> dict:
    path, url, gold_title, gold_author, gold_date, style, only = task
    data = read_input(path)
    row: dict = {"page": Path(path).name.split(".")[0],
                 "gold": {"title": gold_title, "author": gold_author, "date": gold_date}}
    for name, run in systems_for(style, only).items():
        title, authors, date = run(data, url)
        row[name] = {
            "found": {"title": title, "authors": list(authors or ()), "date": date},
            "title": norm(title) == norm(gold_title) if gold_title else None,
            "author": name_set(authors) == name_set(gold_author) if gold_author else None,
            "date": (date or "")[:10] == gold_date[:10] if gold_date else None,
            "date_unwanted": bool(date) if not gold_date else None,
            "author_unwanted": bool(authors) if not gold_author else None,
        }
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--style", default="html", help="html (default) or a text rendering")
    parser.add_argument("--only", help="score only the systems whose name starts so (newsclean)")
    parser.add_argument("--dump", type=Path, help="write each page's values and marks here (JSONL)")
    parser.add_argument("--no-url", action="store_true",
                        help="give no system the page's URL (text scrapes read without one)")
    parser.add_argument("--text-dir", type=Path,
                        help="read text styles from DIR/<style>/<id>.txt (held-out renderings)")
    args = parser.parse_args()
    dataset = load_dataset(args.dataset)
    pages = dataset.pages[: args.limit] if args.limit else dataset.pages
    tasks = [(args.text_dir / args.style / f"{p.id}.txt" if args.text_dir and args.style != "html"
               else dataset.input_path(p, args.style), None if args.no_url else p.url, p.title,
              p.author, p.date, args.style, args.only)
             for p in pages]
    with Pool(args.jobs) as pool:
        rows = pool.map(score_page, tasks, chunksize=8)
    if args.dump:
        args.dump.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows),
                             encoding="utf-8")
    print(f"## metadata, {dataset.root.name}, style {args.style}, {len(rows)} pages\n")
    print("| system | title | author (same names) | date (same day) | date given where the page shows none"
          " | authors given where the page names none |")
    print("|---|--:|--:|--:|--:|--:|")
    for name in systems_for(args.style, args.only):
        cells = []
        for field in ("title", "author", "date"):
            marks = [r[name][field] for r in rows if r[name][field] is not None]
            cells.append(f"{sum(marks) / max(1, len(marks)):.3f} ({len(marks)})")
        for field in ("date_unwanted", "author_unwanted"):
            unwanted = [r[name][field] for r in rows if r[name][field] is not None]
            cells.append(f"{sum(unwanted)} of {len(unwanted)}")
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
