"""A fingerprint of newsclean's output on every page of every rendering, to prove a refactor moves
code without changing what it prints.

    python benchmarks/snapshot.py DATASET [DATASET ...] --out before.jsonl
    ... change the code ...
    python benchmarks/snapshot.py DATASET [DATASET ...] --out after.jsonl --against before.jsonl

Each DATASET is a dataset folder (Scrapinghub or WCXB layout) or a folder made by
`render_styles.py`; every style it holds is run: `html` and each `text/<style>/`. One line per
page and style: the SHA-256 of the article as JSON (title, authors, date, text, markdown, every
field) or of the error class and message. With `--against`, the pages whose fingerprint moved are
listed and the exit code is 1. Scores are not computed here: see accuracy.py.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.datasets import HTML_STYLE, load_dataset, read_input  # noqa: E402

CHUNK = 32  # pages per task: enough to amortise the pickling, small enough to balance 2 workers


def tasks(roots: list[Path], only: set[str] | None = None
          ) -> Iterator[tuple[str, str, str, str, str | None]]:
    """(set, style, page id, input path, url) for every page of every style under `roots` (of the
    styles in `only`, when given)."""
    for root in roots:
        dataset = load_dataset(root)
        html = root / "html"  # render_styles.py links its HTML back: run it once, from the source
        styles = [HTML_STYLE] if html.is_dir() and not html.is_symlink() else []
        text = root / "text"
        styles += sorted(p.name for p in text.iterdir() if p.is_dir()) if text.is_dir() else []
        for style in (s for s in styles if only is None or s in only):
            for page in dataset.pages:
                path = dataset.input_path(page, style)
                if path.is_file():
                    yield root.name, style, page.id, str(path), page.url


def fingerprint(chunk: list[tuple[str, str, str, str, str | None]]) -> list[dict]:
    """The fingerprint lines of one chunk of tasks (runs in a worker)."""
    import newsclean

    lines = []
    for set_name, style, page_id, path, url in chunk:
        input_type = "html" if style == HTML_STYLE else "text"
        try:
            article = newsclean.clean(read_input(path), url=url, input_type=input_type)
            result = article.to_json()
        except newsclean.NewscleanError as err:
            result = f"{type(err).__name__}: {err}"
        except Exception as err:  # a bug must show as a bug, not stop the snapshot
            result = f"bug: {type(err).__name__}: {err}"
        digest = hashlib.sha256(result.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        lines.append({"set": set_name, "style": style, "id": page_id, "sha": digest})
    return lines


def run(roots: list[Path], jobs: int, only: set[str] | None = None) -> list[dict]:
    """Fingerprints of every task, in task order."""
    work = list(tasks(roots, only))
    chunks = [work[i:i + CHUNK] for i in range(0, len(work), CHUNK)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return [line for lines in pool.map(fingerprint, chunks) for line in lines]


def compare(lines: list[dict], before_path: Path) -> list[str]:
    """The (set, style, id) keys whose fingerprint differs from, or is new against, `before`
    (pages of styles this run did not cover are not missing)."""
    key = lambda line: (line["set"], line["style"], line["id"])  # noqa: E731
    before = {key(line): line["sha"] for line in map(json.loads, before_path.open())}
    now = {key(line): line["sha"] for line in lines}
    moved = [k for k in now if before.get(k) != now[k]]
    covered = {(k[0], k[1]) for k in now}
    gone = [k for k in before if k not in now and (k[0], k[1]) in covered]
    return ["/".join(k) + (" (new)" if k not in before else "") for k in moved] + \
           ["/".join(k) + " (missing now)" for k in gone]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("datasets", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, required=True, help="where to write the fingerprints")
    parser.add_argument("--against", type=Path, help="an earlier --out to compare with")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--styles", help="only these styles, comma-separated (html, w3m, text, ...);"
                        " 'text' means every style but html")
    args = parser.parse_args()
    only = None
    if args.styles:
        only = set(args.styles.split(","))
        if "text" in only:
            only |= {p.name for root in args.datasets for p in (root / "text").glob("*") if p.is_dir()}
    lines = run(args.datasets, args.jobs, only)
    args.out.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    styles = {(line["set"], line["style"]) for line in lines}
    print(f"{len(lines)} renderings in {len(styles)} set/style pairs -> {args.out}")
    if not args.against:
        return 0
    moved = compare(lines, args.against)
    for key in moved:
        print(f"moved: {key}")
    print(f"{len(moved)} of {len(lines)} renderings differ from {args.against}")
    return 1 if moved else 0


if __name__ == "__main__":
    sys.exit(main())
