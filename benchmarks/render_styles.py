#!/usr/bin/env python3
"""Render a dataset's HTML pages into more plain-text styles (held-out text scrapes).

The datasets ship four text renderings (``html2text``, ``inscriptis``, ``w3m``,
``textcontent``). A text path tuned to those four only may fail on scrapes made
by other tools, so this script makes others from the same ``html/<id>.html.gz``,
with lxml alone (deterministic, no network)::

    python benchmarks/render_styles.py ../shared/datasets/scrapinghub /tmp/styles/scrapinghub
    python benchmarks/accuracy.py /tmp/styles/scrapinghub --style lynx --jobs 2

OUT gets ``text/<style>/<id>.txt`` and symlinks to the dataset's gold
(``ground-truth.json`` or ``ground-truth/``) and ``html/``, so OUT is itself a
dataset folder that ``benchmarks/accuracy.py`` scores (``--style`` accepts any
folder of ``OUT/text/``). Never write OUT inside the repo: the pages have their
own licences.

Styles (see benchmarks/README.md):

* ``browsercopy`` -- select-all and copy in a browser: block elements on their
  own lines, a blank line around paragraphs, headings, lists and tables (their
  margins), inline text joined, list items without bullets, table cells
  separated by tabs, no markup. CSS is not applied: ``hidden`` and
  ``display:none`` elements are kept (a Next.js page streams its article into a
  ``<div hidden>`` that script reveals).
* ``lynx`` -- ``lynx -dump``-like: hard-wrapped at 72 columns, paragraphs
  indented 3 spaces, ``*``/``+``/``o``/``#`` bullets by depth, ordered items
  numbered, links as ``[12]text`` with a ``References`` list of absolute URLs at
  the end, image alts as ``[alt]``, form fields as ``____`` and ``(BUTTON)``.
* ``markdown`` -- markdownify/reader-service-like Markdown: ``#`` headings,
  links kept inline as ``[text](href)``, images as ``![alt](src)``,
  ``**bold**``/``*em*``, ``*``/``+``/``-`` bullets by depth, ``>`` quotes, pipe
  tables, ``_``/``*`` escaped, one line per paragraph.
* ``crawldump`` -- a crawler's text dump: every block on one line, a blank line
  after every line, CRLF line ends, non-breaking spaces kept as U+00A0, the
  ``<title>`` first, list items and table cells each on their own line.
* ``textnodes`` -- ``BeautifulSoup.get_text("\\n", strip=True)`` of the whole
  document: every text node stripped on its own line, so a sentence with a link
  or bold word in it is cut into several lines; the ``<title>`` first.
* ``flat`` -- ``get_text(" ", strip=True)``: the whole page on one line.

All styles drop script, style, noscript, template, svg, comments and the
``<head>`` (except the title where said). Output is deterministic.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import re
import sys
import textwrap
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import lxml.etree
import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # repo root: benchmarks

from benchmarks.datasets import (  # noqa: E402
    SCRAPINGHUB,
    TEXT_STYLES,
    Dataset,
    DatasetError,
    load_pages,
    read_input,
)

DROPPED_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "math", "head", "iframe",
     "object", "embed", "canvas", "audio", "video", "source", "track", "map"}
)
# Block elements: a line break before and after.
BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "center", "dd", "details",
     "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
     "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend",
     "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
     "tbody", "thead", "tfoot", "tr", "caption", "ul", "option", "select", "textarea"}
)
# Blocks with a vertical margin in a browser's default style sheet: a blank line.
MARGIN_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "dl",
     "figure", "table", "hr", "menu", "dir", "fieldset", "form"}
)
HEADINGS = {f"h{n}": n for n in range(1, 7)}
CELL_TAGS = frozenset({"td", "th"})
HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML white space: U+00A0 is not in it
TEXT_INPUTS = frozenset({"", "text", "search", "email", "url", "tel", "password", "number"})
BUTTON_INPUTS = frozenset({"submit", "button", "reset"})


# ---------------------------------------------------------------- the page model


@dataclass
class Inline:
    """A run of inline content: text, a line break or an image."""

    kind: str  # "text", "br", "img", "field", "button", "cell"
    text: str = ""
    href: str | None = None  # the enclosing link's href
    src: str | None = None
    marks: tuple[str, ...] = ()  # "strong", "em", "code"


@dataclass
class Block:
    """A block of text: a paragraph, a heading, a list item, a table row, ..."""

    kind: str  # "p", "h", "li", "pre", "row", "hr"
    level: int = 0  # heading level
    depth: int = 0  # list nesting (li: 1 for a top-level item)
    ordered: int = 0  # the item number in an <ol>, 0 otherwise
    quote: int = 0  # blockquote nesting
    gap: int = 1  # line ends before it: 1 (new line) or 2 (blank line)
    header_row: bool = False
    first_row: bool = False
    inlines: list[Inline] = field(default_factory=list)

    def plain(self, br: str = "\n") -> str:
        return plain_text(self.inlines, br)


@dataclass
class Page:
    title: str
    blocks: list[Block]
    text_nodes: list[str]  # every text node of the body (textnodes / flat styles)


class Walker:
    """Turns an lxml tree into blocks of inline runs."""

    def __init__(self, keep_nbsp: bool) -> None:
        self.keep_nbsp = keep_nbsp
        self.blocks: list[Block] = []
        self.current: Block | None = None
        self.pending_gap = 0
        self.context = {"depth": 0, "quote": 0, "pre": 0}
        self.href: str | None = None
        self.marks: tuple[str, ...] = ()
        self.ol_counters: list[int] = []
        self.table_rows: list[int] = []

    # -- block bookkeeping
    def boundary(self, gap: int) -> None:
        if self.current is not None and self.current.inlines:
            self.blocks.append(self.current)
        elif self.current is not None and self.current.kind == "li":
            # <li><p>..</p></li>: the item's first text (in a child block) keeps the bullet
            self.pending_gap = max(self.pending_gap, gap)
            return
        self.current = None
        self.pending_gap = max(self.pending_gap, gap)

    def open_block(self, **kwargs: object) -> None:
        self.boundary(1)
        self.current = Block(**kwargs)  # type: ignore[arg-type]

    def add(self, inline: Inline) -> None:
        if self.current is None:
            self.current = Block(kind="pre" if self.context["pre"] else "p")
        if not self.current.inlines:
            self.current.gap = max(self.pending_gap, 1)
            self.current.depth = self.current.depth or self.context["depth"]
            self.current.quote = self.context["quote"]
            self.pending_gap = 0
        self.current.inlines.append(inline)

    def text(self, raw: str | None) -> None:
        if not raw:
            return
        if not self.keep_nbsp:
            raw = raw.replace("\xa0", " ")
        if not self.context["pre"]:
            raw = HTML_SPACE.sub(" ", raw)
            if raw == " " and (self.current is None or not self.current.inlines):
                return
        self.add(Inline("text", raw, href=self.href, marks=self.marks))

    # -- the walk
    def walk(self, el: lxml.html.HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag:  # comment or processing instruction: its tail only
            return
        tag = tag.lower()
        if tag in DROPPED_TAGS:
            return
        saved = (self.href, self.marks, dict(self.context))
        if tag in BLOCK_TAGS or tag == "br" or tag in CELL_TAGS:
            self.enter_block(el, tag)
        else:
            self.enter_inline(el, tag)
        if tag not in ("img", "input", "br", "select", "textarea"):
            self.text(el.text)
            for child in el:
                self.walk(child)
                self.text(child.tail)
        self.leave(tag)
        self.href, self.marks, self.context = saved

    def enter_block(self, el: lxml.html.HtmlElement, tag: str) -> None:
        gap = 2 if tag in MARGIN_TAGS else 1
        if tag == "br":
            if self.current is not None and self.current.inlines:
                self.add(Inline("br"))
            return
        if tag in CELL_TAGS:
            if self.current is not None and self.current.kind == "row" and self.current.inlines:
                self.add(Inline("cell"))
            return
        if tag in ("ul", "ol", "menu", "dir"):
            self.boundary(gap if self.context["depth"] == 0 else 1)
            self.context["depth"] += 1
            self.ol_counters.append(0 if tag == "ol" else -1)
            return
        if tag == "li":
            number = 0
            if self.ol_counters and self.ol_counters[-1] >= 0:
                self.ol_counters[-1] += 1
                number = self.ol_counters[-1]
            self.open_block(kind="li", depth=max(1, self.context["depth"]), ordered=number)
            return
        if tag in HEADINGS:
            self.boundary(gap)
            self.current = Block(kind="h", level=HEADINGS[tag])
            return
        if tag == "blockquote":
            self.boundary(gap)
            self.context["quote"] += 1
            return
        if tag == "pre":
            self.boundary(gap)
            self.context["pre"] += 1
            self.current = Block(kind="pre")
            return
        if tag == "table":
            self.boundary(gap)
            self.table_rows.append(0)
            return
        if tag == "tr":
            self.boundary(1)
            first = bool(self.table_rows) and self.table_rows[-1] == 0
            if self.table_rows:
                self.table_rows[-1] += 1
            header = el.find("th") is not None
            self.current = Block(kind="row", first_row=first, header_row=header)
            return
        if tag == "hr":
            self.boundary(gap)
            self.current = Block(kind="hr")
            self.add(Inline("text", ""))
            self.boundary(gap)
            return
        if tag == "select":
            self.boundary(1)
            option = el.find(".//option[@selected]")
            if option is None:
                option = el.find(".//option")
            if option is not None and option.text_content().strip():
                self.add(Inline("field", HTML_SPACE.sub(" ", option.text_content()).strip()))
            self.boundary(1)
            return
        self.boundary(gap)

    def enter_inline(self, el: lxml.html.HtmlElement, tag: str) -> None:
        if tag == "a" and el.get("href") is not None:
            href = el.get("href", "").strip()
            self.href = href if not href.lower().startswith("javascript:") else None
        elif tag in ("b", "strong"):
            self.marks = (*self.marks, "strong")
        elif tag in ("i", "em"):
            self.marks = (*self.marks, "em")
        elif tag == "code" and not self.context["pre"]:
            self.marks = (*self.marks, "code")
        elif tag == "img":
            alt = HTML_SPACE.sub(" ", el.get("alt") or "").strip()
            self.add(Inline("img", alt, href=self.href, src=(el.get("src") or "").strip()))
        elif tag == "input":
            kind = (el.get("type") or "").lower()
            if kind in TEXT_INPUTS:
                self.add(Inline("field", HTML_SPACE.sub(" ", el.get("value") or "").strip()))
            elif kind in BUTTON_INPUTS:
                value = HTML_SPACE.sub(" ", el.get("value") or "").strip() or kind.title()
                self.add(Inline("button", value))

    def leave(self, tag: str) -> None:
        if tag in ("ul", "ol", "menu", "dir"):
            self.boundary(2 if self.context["depth"] == 1 else 1)
            self.ol_counters.pop()
        elif tag == "table":
            self.boundary(2)
            self.table_rows.pop()
        elif tag in BLOCK_TAGS:
            self.boundary(2 if tag in MARGIN_TAGS else 1)
            if tag == "li" and self.current is not None and not self.current.inlines:
                self.current = None  # an item with no text of its own


def parse(data: bytes) -> lxml.html.HtmlElement | None:
    try:
        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
        return lxml.html.document_fromstring(data, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None


def build_page(data: bytes, keep_nbsp: bool = True) -> Page:
    root = parse(data)
    if root is None:
        return Page("", [], [])
    title_el = root.find(".//title")
    title = HTML_SPACE.sub(" ", title_el.text_content()).strip() if title_el is not None else ""
    body = root.find("body")
    if body is None:
        body = root
    walker = Walker(keep_nbsp)
    walker.walk(body)
    walker.boundary(1)
    return Page(title, walker.blocks, list(text_nodes(body)))


def text_nodes(el: lxml.html.HtmlElement):
    """Every text node under el in document order (dropped tags left out)."""
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag and tag not in DROPPED_TAGS:
        if el.text:
            yield el.text
        for child in el:
            yield from text_nodes(child)
            if child.tail:
                yield child.tail
    # comments: only their tail, yielded by the parent


def plain_text(inlines: Sequence[Inline], br: str = "\n", cell: str = "\t") -> str:
    """Inline runs as text: links and images as their text only."""
    parts = []
    for inline in inlines:
        if inline.kind == "text":
            parts.append(inline.text)
        elif inline.kind == "br":
            parts.append(br)
        elif inline.kind == "cell":
            parts.append(cell)
        elif inline.kind in ("field", "button"):
            parts.append(inline.text)
    return tidy_lines("".join(parts))


def tidy_lines(text: str) -> str:
    """Collapse runs of spaces and strip every line (U+00A0 kept)."""
    lines = (re.sub(r" {2,}", " ", line).strip(" ") for line in text.split("\n"))
    return "\n".join(lines).strip("\n")


def join_blocks(pieces: Sequence[tuple[int, str]]) -> str:
    """Blocks joined with one or two line ends, as each asks."""
    out: list[str] = []
    for gap, text in pieces:
        if not text.strip():
            continue
        if out:
            out.append("\n" * gap)
        out.append(text)
    return "".join(out) + "\n" if out else ""


# ---------------------------------------------------------------- styles


def render_browsercopy(data: bytes, url: str | None) -> str:
    page = build_page(data, keep_nbsp=False)
    pieces = []
    for block in page.blocks:
        if block.kind == "pre":
            text = "\n".join(line.rstrip() for line in _raw(block).strip("\n").split("\n"))
        elif block.kind == "hr":
            continue
        else:
            text = block.plain()
        pieces.append((block.gap, text))
    return join_blocks(pieces)


def _raw(block: Block) -> str:
    return "".join(i.text if i.kind == "text" else "\n" if i.kind == "br" else "" for i in block.inlines)


LYNX_WIDTH = 72
LYNX_BULLETS = "*+o#"


def render_lynx(data: bytes, url: str | None) -> str:
    page = build_page(data, keep_nbsp=False)
    links: list[str] = []

    def lynx_inline(block: Block) -> str:
        parts = []
        previous_href: str | None = None
        for inline in block.inlines:
            href = inline.href
            if href and href != previous_href:
                links.append(urljoin(url or "", href))
                parts.append(f"[{len(links)}]")
            previous_href = href
            if inline.kind == "text":
                parts.append(inline.text)
            elif inline.kind == "br":
                parts.append("\n")
            elif inline.kind == "cell":
                parts.append("   ")
            elif inline.kind == "img":
                if inline.text:
                    parts.append(f"[{inline.text}]")
                elif href:
                    parts.append("[IMG]")
            elif inline.kind == "field":
                parts.append(inline.text or "____________________")
            elif inline.kind == "button":
                parts.append(f"(BUTTON) {inline.text}")
        return tidy_lines("".join(parts))

    pieces = []
    for block in page.blocks:
        quote = "      " * block.quote
        if block.kind == "hr":
            pieces.append((block.gap, "   " + "_" * (LYNX_WIDTH - 3)))
            continue
        if block.kind == "pre":
            raw = _raw(block).strip("\n").split("\n")
            pieces.append((block.gap, "\n".join(("   " + quote + line).rstrip() for line in raw)))
            continue
        text = lynx_inline(block)
        if not text:
            continue
        if block.kind == "h":
            first = rest = quote
        elif block.kind == "li":  # bullet at column 2+3*depth, text at 4+3*depth
            bullet = f"{block.ordered}. " if block.ordered else LYNX_BULLETS[(block.depth - 1) % 4] + " "
            rest = quote + " " * (4 + 3 * block.depth)
            first = quote + bullet.rjust(4 + 3 * block.depth)
        else:
            first = rest = "   " + quote
        lines = []
        for n, line in enumerate(text.split("\n")):
            lines.extend(
                textwrap.wrap(
                    line,
                    width=LYNX_WIDTH,
                    initial_indent=first if n == 0 else rest,
                    subsequent_indent=rest,
                    break_long_words=False,
                    break_on_hyphens=False,
                )
                or [""]
            )
        pieces.append((block.gap, "\n".join(lines)))
    out = join_blocks(pieces)
    if links:
        refs = "\n".join(f"{n:4d}. {link}" for n, link in enumerate(links, 1))
        out += "\nReferences\n\n" + refs + "\n"
    return out


MD_ESCAPE = re.compile(r"([_*])")
MD_BULLETS = "*+-"


def _md_inline(block: Block) -> str:
    out: list[str] = []
    i = 0
    inlines = block.inlines
    pre = block.kind == "pre"
    while i < len(inlines):
        href = inlines[i].href
        if href:  # gather the whole link
            j = i
            while j < len(inlines) and inlines[j].href == href and inlines[j].kind != "cell":
                j += 1
            inner = _md_runs(inlines[i:j], pre).strip()
            if inner:
                out.append(f"[{inner}]({href})")
            i = j
        else:
            out.append(_md_runs(inlines[i : i + 1], pre))
            i += 1
    return tidy_lines("".join(out))


def _md_runs(inlines: Sequence[Inline], pre: bool) -> str:
    parts = []
    for inline in inlines:
        if inline.kind == "text":
            text = inline.text if pre else MD_ESCAPE.sub(r"\\\1", inline.text)
            core = text.strip()
            if core and not pre:
                if "code" in inline.marks:
                    core = f"`{inline.text.strip()}`"
                if "strong" in inline.marks:
                    core = f"**{core}**"
                if "em" in inline.marks:
                    core = f"*{core}*"
                lead = " " if text[:1] == " " else ""
                trail = " " if text[-1:] == " " else ""
                text = lead + core + trail
            parts.append(text)
        elif inline.kind == "br":
            parts.append("  \n")
        elif inline.kind == "cell":
            parts.append(" | ")
        elif inline.kind == "img":
            parts.append(f"![{inline.text}]({inline.src or ''})")
        elif inline.kind in ("field", "button"):
            parts.append(inline.text)
    return "".join(parts)


def render_markdown(data: bytes, url: str | None) -> str:
    page = build_page(data)
    pieces = []
    for block in page.blocks:
        quote = "> " * block.quote
        if block.kind == "hr":
            pieces.append((2, quote + "* * *"))
            continue
        if block.kind == "pre":
            pieces.append((2, f"```\n{_raw(block).strip(chr(10))}\n```"))
            continue
        text = _md_inline(block)
        if not text:
            continue
        gap = 2
        if block.kind == "h":
            text = "#" * block.level + " " + text.replace("  \n", " ")
        elif block.kind == "li":
            bullet = f"{block.ordered}." if block.ordered else MD_BULLETS[(block.depth - 1) % 3]
            indent = "    " * (block.depth - 1)
            text = indent + bullet + " " + text.replace("\n", "\n" + indent + "    ")
            gap = block.gap
        elif block.kind == "row":
            text = "| " + text.replace("  \n", " ") + " |"
            if block.first_row:
                cells = text.count(" | ") + 1
                text += "\n" + "|" + "---|" * cells
            gap = block.gap
        if quote:
            text = "\n".join(quote + line for line in text.split("\n"))
        pieces.append((gap, text))
    return join_blocks(pieces)


def render_crawldump(data: bytes, url: str | None) -> str:
    page = build_page(data)
    lines = [page.title] if page.title else []
    for block in page.blocks:
        if block.kind == "hr":
            continue
        if block.kind == "row":  # every cell on its own line
            lines.extend(plain_text(block.inlines, cell="\n").split("\n"))
        else:
            lines.extend(block.plain().split("\n"))
    lines = [line for line in lines if line.strip()]
    return "".join(line + "\r\n\r\n" for line in lines)


def render_textnodes(data: bytes, url: str | None) -> str:
    page = build_page(data)
    nodes = [page.title, *page.text_nodes]
    stripped = (node.strip() for node in nodes)
    return "\n".join(node for node in stripped if node) + "\n"


def render_flat(data: bytes, url: str | None) -> str:
    page = build_page(data)
    nodes = [page.title, *page.text_nodes]
    stripped = (node.strip() for node in nodes)
    return " ".join(node for node in stripped if node) + "\n"


RENDERERS: dict[str, Callable[[bytes, str | None], str]] = {
    "browsercopy": render_browsercopy,
    "lynx": render_lynx,
    "markdown": render_markdown,
    "crawldump": render_crawldump,
    "textnodes": render_textnodes,
    "flat": render_flat,
}


# ---------------------------------------------------------------- running


def render_one(job: tuple[str, str, str | None, str]) -> tuple[str, str, int, str | None]:
    """Render one page in one style; (style, id, characters, error)."""
    html_path, style, url, out_path = job
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 20000))  # deep pages; also in workers
    try:
        text = RENDERERS[style](read_input(html_path), url)
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop the run
        return style, Path(out_path).stem, 0, f"{type(exc).__name__}: {exc}"
    with open(out_path, "w", encoding="utf-8", newline="") as out:
        out.write(text)
    return style, Path(out_path).stem, len(text), None


def link_gold(dataset: Dataset, out: Path) -> None:
    """Make OUT a dataset folder: symlinks to the gold and the HTML."""
    names = ["ground-truth.json" if dataset.layout == SCRAPINGHUB else "ground-truth", "html"]
    for name in names:
        target = (dataset.root / name).resolve()
        link = out / name
        if link.is_symlink() or link.exists():
            if link.is_symlink() and Path(os.readlink(link)) == target:
                continue
            raise SystemExit(f"error: {link} exists and is not a link to {target}")
        link.symlink_to(target)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset", type=Path, help="dataset folder (Scrapinghub or WCXB layout)")
    parser.add_argument("out", type=Path, help="output folder (outside the repo)")
    parser.add_argument(
        "--styles",
        default=",".join(RENDERERS),
        help=f"comma-separated, from {','.join(RENDERERS)} (default: all)",
    )
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--limit", type=int, help="only the first N pages (by id)")
    args = parser.parse_args(argv)
    args.styles = [s.strip() for s in args.styles.split(",") if s.strip()]
    unknown = [s for s in args.styles if s not in RENDERERS]
    if unknown or not args.styles:
        parser.error(f"unknown style(s) {unknown}; choose from {', '.join(RENDERERS)}")
    clash = [s for s in args.styles if s in TEXT_STYLES]
    if clash:
        parser.error(f"{clash} would shadow the dataset's own renderings")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        dataset, pages = load_pages(args.dataset, args.limit)
    except DatasetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    link_gold(dataset, args.out)
    jobs = []
    for style in args.styles:
        (args.out / "text" / style).mkdir(parents=True, exist_ok=True)
        for page in pages:
            out_path = args.out / "text" / style / f"{page.id}.txt"
            jobs.append((str(dataset.input_path(page, "html")), style, page.url, str(out_path)))
    started = time.perf_counter()
    if args.jobs > 1:
        with multiprocessing.get_context("spawn").Pool(args.jobs) as pool:
            results = pool.map(render_one, jobs, chunksize=16)
    else:
        results = [render_one(job) for job in jobs]
    seconds = time.perf_counter() - started
    for style in args.styles:
        mine = [r for r in results if r[0] == style]
        failures = {page_id: error for _, page_id, _, error in mine if error}
        report = {
            "style": style,
            "dataset": dataset.root.name,
            "pages": len(mine),
            "failed": len(failures),
            "empty": sum(1 for _, _, chars, error in mine if not error and chars <= 2),
            "failures": failures,
            "renderer": f"benchmarks/render_styles.py, lxml {lxml.etree.__version__}",
        }
        path = args.out / "text" / style / "_render.json"
        path.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
        print(f"{style}: {len(mine)} pages, {len(failures)} failed, {report['empty']} empty")
    print(f"{len(results)} renderings in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
