"""The parsed page mended into what a browser shows, before anything reads it: content after a
stray end of the page put back into the body (rejoin_after_end). trafilatura reads the page's
markup as libxml2 gives it, and loses it (docs/findings.md#after-the-end)."""
from __future__ import annotations


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
