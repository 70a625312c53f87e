"""Write the fuzz harnesses' seed corpora from the repository's own pages: the golden samples
(samples/*/input.*), the built-in rule files' sample pages and the rule files themselves, plus
variants that reach the decoder's branches (gzip, UTF-16, a declared charset, truncation). No
seed is committed: run this first, into fuzz/corpus/ (ignored by git) or a folder you name.

    python fuzz/make_corpus.py [--out fuzz/corpus]
"""
from __future__ import annotations

import argparse
import codecs
import gzip
import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_SEED_BYTES = 32768  # the harnesses' -max_len: longer pages are cut (all ours are shorter)
# control bytes of fuzz_clean.py: input type (auto, html, text) and URL (None, bbc.com, dw.com);
# see its `control`
CONTROLS = (0, 1, 2, 6, 9)
# short scrapes where the text path's minimum article and settling decide (test_properties.py)
TERSE = (
    "the the the the.\nthe Tuesday Tuesday spring spring bridge.\ncouncil council.",
    "council Paulo hospital.\nBy every reported budget über?\nüber 2024 O'Brien São 12?",
    "vote spring budget naïve long 40%.\n\nover the that\n\n# über Doe year council new?\n\n# 12 heated",
    "# town's day O'Brien?\n- every:\nheated Straße.\nit's council.\nwalk after a?\nO'Brien?",
)


def pages() -> list[tuple[str, bytes]]:
    """(suffix, bytes) of every page the repository holds."""
    found = sorted(ROOT.glob("samples/*/input.*")) + sorted(ROOT.glob("newsclean/rules/pages/*/page.*"))
    return [(path.suffix, path.read_bytes()) for path in found]


def variants(page: bytes) -> list[bytes]:
    """The page, and versions of it that take the decoder elsewhere."""
    text = page.decode("utf-8", "replace")
    return [page, gzip.compress(page, mtime=0), codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
            b'<meta charset="windows-1252">' + text.encode("cp1252", "replace"),
            page[: len(page) // 3]]


def write(folder: Path, seed: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    seed = seed[:MAX_SEED_BYTES]
    (folder / hashlib.sha1(seed).hexdigest()).write_bytes(seed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "fuzz" / "corpus")
    out = parser.parse_args().out
    for index, (suffix, page) in enumerate(pages()):
        for control in CONTROLS:
            write(out / "clean", bytes([control]) + page)
        for variant in variants(page)[1:] if index % 4 == 0 else ():  # a few of each is enough
            write(out / "clean", bytes([0]) + variant)
        if suffix == ".txt":
            write(out / "settle", page)
    for scrape in TERSE:
        write(out / "settle", scrape.encode("utf-8"))
        write(out / "clean", bytes([2]) + scrape.encode("utf-8"))
    for rule_file in sorted((ROOT / "newsclean" / "rules").glob("*.txt")):
        write(out / "rules", rule_file.read_bytes())
    for name in ("clean", "settle", "rules"):
        print(f"{out / name}: {len(list((out / name).iterdir()))} seeds")


if __name__ == "__main__":
    main()
