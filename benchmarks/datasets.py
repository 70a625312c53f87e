"""Loading the evaluation datasets (Scrapinghub and WCXB layouts).

The dataset folder is always given by the user; its layout is detected from
its contents:

* Scrapinghub: ``ground-truth.json`` = ``{id: {"articleBody", "url"}}``
* WCXB: ``ground-truth/<id>.json`` with ``ground_truth.main_content`` and a
  top-level ``url``

Both keep pages in ``html/<id>.html.gz`` and text renderings in
``text/<style>/<id>.txt``.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

HTML_STYLE = "html"
TEXT_STYLES = ("html2text", "inscriptis", "w3m", "textcontent")
STYLES = (HTML_STYLE, *TEXT_STYLES)

SCRAPINGHUB = "scrapinghub"
WCXB = "wcxb"


class DatasetError(Exception):
    """The folder is not a dataset this harness knows, or is incomplete."""


@dataclass(frozen=True)
class Page:
    """One evaluation page: its gold article body and where its inputs live."""

    id: str
    url: str | None
    gold: str
    title: str | None = None
    author: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Dataset:
    """A dataset folder, its layout and its pages (sorted by id)."""

    root: Path
    layout: str
    pages: tuple[Page, ...]

    def input_path(self, page: Page, style: str) -> Path:
        """Path of a page's input in ``style`` (``html`` or a text style)."""
        if style == HTML_STYLE:
            return self.root / "html" / f"{page.id}.html.gz"
        return self.root / "text" / style / f"{page.id}.txt"

    def missing_inputs(self, style: str, pages: tuple[Page, ...] | None = None) -> list[Path]:
        """Input files of ``pages`` (default: all) that do not exist."""
        chosen = self.pages if pages is None else pages
        return [p for p in (self.input_path(page, style) for page in chosen) if not p.is_file()]


def detect_layout(root: Path) -> str:
    """``scrapinghub`` or ``wcxb`` from the folder's contents."""
    if (root / "ground-truth.json").is_file():
        return SCRAPINGHUB
    if (root / "ground-truth").is_dir():
        return WCXB
    raise DatasetError(
        f"{root}: no ground-truth.json (Scrapinghub layout) or ground-truth/ (WCXB layout)"
    )


def load_dataset(root: Path | str) -> Dataset:
    """Read a dataset folder's gold data."""
    root = Path(root)
    if not root.is_dir():
        raise DatasetError(f"{root}: not a folder")
    layout = detect_layout(root)
    pages = _scrapinghub_pages(root) if layout == SCRAPINGHUB else _wcxb_pages(root)
    if not pages:
        raise DatasetError(f"{root}: no pages in the ground truth")
    return Dataset(root=root, layout=layout, pages=tuple(sorted(pages, key=lambda p: p.id)))


def load_pages(root: Path | str, limit: int | None = None) -> tuple[Dataset, tuple[Page, ...]]:
    """The dataset at `root` and its first `limit` pages by id (all without a limit).
    Raises DatasetError."""
    dataset = load_dataset(root)
    return dataset, tuple(dataset.pages[:limit]) if limit else tuple(dataset.pages)


def read_input(path: Path | str) -> bytes:
    """A page input as bytes (gzip files are decompressed)."""
    path = Path(path)
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def _scrapinghub_pages(root: Path) -> list[Page]:
    records = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        Page(id=page_id, url=record.get("url") or None, gold=record.get("articleBody") or "")
        for page_id, record in records.items()
    ]


def _wcxb_pages(root: Path) -> list[Page]:
    return [_wcxb_page(path) for path in (root / "ground-truth").glob("*.json")]


def _wcxb_page(path: Path) -> Page:
    record = json.loads(path.read_text(encoding="utf-8"))
    gold = record.get("ground_truth") or {}
    return Page(
        id=path.stem,
        url=record.get("url") or None,
        gold=gold.get("main_content") or "",
        title=gold.get("title") or None,
        author=gold.get("author") or None,
        date=gold.get("publish_date") or None,
    )
