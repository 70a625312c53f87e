"""The parsed page mended into what a browser shows, before anything reads it: content after a
stray end of the page put back into the body (rejoin_after_end), and text standing loose beside
blocks made a paragraph of its own (wrap_loose_text). trafilatura reads the page's markup as
libxml2 gives it, and loses both (docs/findings.md#after-the-end, #loose-text)."""
from __future__ import annotations

import lxml.html

from .prose import WORD

# containers whose loose text beside blocks is made a paragraph (wrap_loose_text); a <td> or an
# <li> is itself read as a block by trafilatura
LOOSE_HOLDERS = ("div", "section", "article", "main")
# the elements a browser lays out as blocks: what stands between them in a container is a run
BLOCKS = frozenset(("p", "div", "section", "article", "ul", "ol", "dl", "table", "blockquote",
                    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "header", "footer",
                    "aside", "nav", "form", "details", "main", "hr"))


def rejoin_after_end(tree) -> None:
    """Put what a page has after a stray `</body></html>` back into its body, as a browser
    shows it: libxml2 reads it as a second `<html>` beside the document's, which trafilatura
    never sees (a blog template that closes the page after its header, the post under it:
    docs/findings.md#after-the-end)."""
    body = tree.find("body")
    for stray in list(tree.itersiblings()) if body is not None else ():
        if not isinstance(stray.tag, str) or stray.tag != "html":
            continue
        for child in list(stray):
            if child.tag == "head":
                continue
            if child.tag == "body":
                body.extend(list(child))
            else:
                body.append(child)


def wrap_loose_text(tree) -> None:
    """Put the text that stands loose in a container beside blocks into a paragraph of its
    own, as a browser lays it out (an anonymous block): trafilatura drops such runs from some
    containers, as an FAQ's answer opened by loose text before its second paragraph
    (docs/findings.md#loose-text). A run is the text between two blocks (or a block and
    the container's edge) with the inline elements in it; runs of inline elements alone
    (a button, a link) stay as they are."""
    for holder in tree.iter(*LOOSE_HOLDERS):
        if not any(is_block(child) for child in holder):
            continue
        rebuilt: list = []
        text: str | None = holder.text
        inline: list = []
        for child in list(holder):
            if is_block(child):
                rebuilt += loose_run(text, inline)
                rebuilt.append(child)
                text, inline, child.tail = child.tail, [], None
            else:
                inline.append(child)
        rebuilt += loose_run(text, inline)
        holder.text = None
        holder[:] = [item for item in rebuilt if not isinstance(item, str)]
        previous = None
        for item in rebuilt:
            if not isinstance(item, str):
                previous = item
            elif previous is None:
                holder.text = (holder.text or "") + item
            else:
                previous.tail = (previous.tail or "") + item


def loose_run(text: str | None, inline: list) -> list:
    """A run of loose text and inline elements as what the container holds in its place: a
    <p> when the run has words of its own (its text, or its elements' tails), else the text
    (a string) and the elements as they were."""
    own = (text or "") + "".join(element.tail or "" for element in inline)
    if not WORD.search(own):
        return ([text] if text else []) + inline
    paragraph = lxml.html.Element("p")
    paragraph.text = text
    paragraph.extend(inline)
    return [paragraph]


def is_block(element) -> bool:
    return isinstance(element.tag, str) and element.tag in BLOCKS
