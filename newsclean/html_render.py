"""The body's two renderings, plain text and Markdown, byte for byte as trafilatura's `xmltotxt`
writes them, the Markdown for less (BENCHMARKS.md, "Speed").

`xmltotxt(body, True)` copies the body and rewrites the copy before writing it: each text and
tail outside code has its CommonMark specials escaped and its LaTeX math converted (a Python
call, a regex split and a list a string, ~0.2 ms a Scrapinghub page, 40% of the Markdown's
cost), emphasis chains collapsed and neighbouring <hi>s merged. Here the same rewrite skips
what cannot change: a string holding none of MARKDOWN_SPECIALS comes out as it went in (the
escaping only touches those characters, and math needs a backslash to open), and both <hi>
passes only ever touch <hi> elements. The writer itself (`process_element`), the whitespace
pass and the final sanitising are trafilatura's own, so what this module owns is the skipping
only; tests/test_html_render.py holds `markdown` to `xmltotxt` on generated trees and on the
repo's samples, and trafilatura is pinned (pyproject.toml), as the helpers are private.
"""
from __future__ import annotations

import re
from copy import deepcopy
from html import unescape

from trafilatura.utils import sanitize
from trafilatura.xml import (
    HI_FORMATTING,
    _collapse_emphasis,
    _escape_and_convert_math,
    _merge_adjacent_hi,
    _strip_block_whitespace,
    process_element,
    xmltotxt,
)

# the characters trafilatura's Markdown escaping rewrites (its _INLINE_SPECIAL_CHARS) and the
# backslash that opens a LaTeX formula (\( and \[): a string with none of them is written as it is
MARKDOWN_SPECIALS = re.compile(r"[*_`~\[\]<\\]")
CODE_MARK = "`"  # a <hi> whose rend maps to this is inline code: verbatim, as <code> is


def renderings(body) -> tuple[str, str]:
    """The body's plain text and Markdown, stripped (("", "") for None)."""
    return xmltotxt(body, False).strip(), markdown(body).strip()


def markdown(body) -> str:
    """`xmltotxt(body, True)`, the same string: the body is not changed."""
    if body is None:
        return ""
    tree = deepcopy(body)
    escape_specials(tree)
    if next(tree.iter("hi"), None) is not None:
        _collapse_emphasis(tree)
        _merge_adjacent_hi(tree)
    _strip_block_whitespace(tree)
    written: list[str] = []
    process_element(tree, written, True)
    return unescape(sanitize("".join(written), True) or "")


def escape_specials(root) -> None:
    """trafilatura's `_escape_and_convert_math_tree` on `root`, for the strings that hold a
    special: an element's text unless it or an element above it (up to `root`) is code, a tail
    unless its parent or an element above that is (a code element's own tail is prose). Each
    string is rewritten on its own, so the order of the walk does not matter."""
    search = MARKDOWN_SPECIALS.search
    for element in root.iter():
        text = element.text
        if text and search(text) and not in_code(element, root):
            element.text = _escape_and_convert_math(text)
        tail = element.tail
        if tail and element is not root and search(tail) and not in_code(element.getparent(), root):
            element.tail = _escape_and_convert_math(tail)


def in_code(element, root) -> bool:
    """Whether `element` or one of its ancestors up to `root` is code (<code>, or <hi> set as
    inline code), whose text trafilatura leaves verbatim."""
    while True:
        if element.tag == "code" or (element.tag == "hi"
                                     and HI_FORMATTING.get(element.get("rend") or "") == CODE_MARK):
            return True
        if element is root:
            return False
        element = element.getparent()
