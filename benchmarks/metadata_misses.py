"""Why a text style's titles and authors are missed, from `metadata.py --dump` files.

    python benchmarks/metadata_misses.py DATASET --style STYLE pages.jsonl [--show KIND]
        [--text-dir /work/styles/wcxb-articles-dev/text]

With `--style html` the HTML path's misses are classed (system `newsclean`); "shown" then
means in the page's text or its meta tags' and JSON-LD's values (anything the page holds).

Each missed title or author set is put in one class:
- `normalisation`: one contains the other, or they have the same words (punctuation, a site
  part, a subtitle, a job after the name; also a menu word glued to the headline: read the
  list with `--show` before calling these a metric's fault);
- `not shown`: the gold is nowhere in the scrape (after collapsing whitespace and case); no
  choice reaches it (titles: the gold follows a declared title the page does not show;
  authors: a name declared in meta or JSON-LD only);
- `no person`: (authors) the gold names an organisation, a team or a user name (no name of
  two to four capitalised words), which issue 15 says not to give as an author;
- `none found`: shown, but no candidate was taken;
- `wrong chosen`: shown, and another candidate was taken.

The ceiling printed is the share the metric could reach if every shown, person gold value
were found (pages already right plus the misses that are reachable).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.datasets import load_dataset  # noqa: E402
from benchmarks.metadata import name_set, norm  # noqa: E402

SYSTEM = "newsclean (text path)"
HTML_SYSTEM = "newsclean"
MARKS = re.compile(r"[*_#\\`>\[\]]+")  # Markdown marks a scrape may set inside a title or name
# two to four capitalised words (initials, particles): a person's name, as bylines.PERSON
PERSON = re.compile(r"[A-ZÀ-Ý][\w'’.-]*(?: (?:[A-ZÀ-Ý][\w'’.-]*|de|van|von|der|da|di|del|la|le|"
                    r"bin|al)){1,3}")


def flat(text: str) -> str:
    """The text as it is searched: Markdown marks gone, whitespace collapsed, normalised."""
    return norm(MARKS.sub(" ", text))


def words(text: str | None) -> set[str]:
    return set(re.findall(r"\w+", norm(text)))


def html_scrape(path: Path) -> str:
    """Everything an HTML page holds as text: its elements' text (JSON-LD included) and its
    meta tags' content, flattened as `flat` does."""
    import gzip
    import html as html_lib

    import lxml.html

    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    try:
        tree = lxml.html.fromstring(data)
    except Exception:  # an unparsable page: nothing is shown
        return ""
    parts = [t for t in tree.itertext() if isinstance(t, str)]
    parts += [m.get("content") or "" for m in tree.iter("meta")]
    return flat(html_lib.unescape(" ".join(parts)))


def title_class(found: str | None, gold: str, scrape: str) -> str:
    if found and (norm(found) in norm(gold) or norm(gold) in norm(found)
                  or words(found) == words(gold)):
        return "normalisation"
    if flat(gold) not in scrape:
        return "not shown"
    return "wrong chosen" if found else "none found"


def author_class(found: list[str], gold: str, scrape: str) -> str:
    gold_names = name_set(gold)
    found_names = name_set(found)
    if found_names and ({w for n in found_names for w in n.split()}
                        == {w for n in gold_names for w in n.split()}
                        or found_names < gold_names or gold_names < found_names):
        return "normalisation"
    if not all(PERSON.fullmatch(name.strip()) for name in re.split(r"\s*(?:,|;|&|\band\b)\s*", gold)
               if name.strip() and len(name.strip()) > 4):
        return "no person"
    if not all(flat(name) in scrape for name in gold_names):
        return "not shown"
    return "wrong chosen" if found else "none found"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--style", required=True)
    parser.add_argument("dump", type=Path)
    parser.add_argument("--show", help="list the pages of one class: title:KIND or author:KIND")
    parser.add_argument("--text-dir", type=Path, help="the style's renderings are DIR/<style>/")
    args = parser.parse_args()
    dataset = load_dataset(args.dataset)
    pages = {p.id: p for p in dataset.pages}
    rows = [json.loads(line) for line in args.dump.read_text(encoding="utf-8").splitlines()]
    counts: dict[str, Counter] = {"title": Counter(), "author": Counter()}
    system = HTML_SYSTEM if args.style == "html" else SYSTEM
    for row in rows:
        result = row[system]
        path = (args.text_dir / args.style / f"{row['page']}.txt" if args.text_dir
                else dataset.input_path(pages[row["page"]], args.style))
        if args.style == "html":
            scrape = html_scrape(path) if path.is_file() else ""
        else:
            scrape = flat(path.read_text(encoding="utf-8", errors="replace")) if path.is_file() else ""
        for field in ("title", "author"):
            mark = result[field]
            if mark is None:
                continue
            if mark:
                kind = "right"
            elif field == "title":
                kind = title_class(result["found"]["title"], row["gold"]["title"], scrape)
            else:
                kind = author_class(result["found"]["authors"], row["gold"]["author"], scrape)
            counts[field][kind] += 1
            if args.show == f"{field}:{kind}":
                found = result["found"]["title" if field == "title" else "authors"]
                print(f"{row['page']}\tgold={row['gold'][field]!r}\tfound={found!r}")
    for field, counter in counts.items():
        total = sum(counter.values())
        reachable = counter["right"] + counter["none found"] + counter["wrong chosen"]
        cells = ", ".join(f"{k} {v}" for k, v in counter.most_common())
        print(f"{args.style} {field}: {total} pages: {cells}; now {counter['right'] / total:.3f},"
              f" ceiling {reachable / total:.3f} (+ normalisation {counter['normalisation']})")


if __name__ == "__main__":
    main()
