"""`explain --format html`: an Explanation as one self-contained HTML page (pure: str out).

The page's blocks in order, each kept one marked, each dropped one struck through with why
(the furniture pattern, the rule file and line, outside the region, the headline...), a table
of the reasons with their counts, and the article as cleaned. Everything is escaped; the page
holds no script, loads nothing (inline CSS, and a Content-Security-Policy that forbids any
fetch) and reads the same in any browser, or printed.
"""
from __future__ import annotations

import re
from collections import Counter
from html import escape

from .api import Explanation

# the reason's start -> its colour class; the first that matches wins (reasons are the
# sentences note() is given: trace.Note)
KINDS = (
    ("site rule", "rule"),
    ("furniture", "furniture"),
    ("outside the article region", "region"),
    ("not the main content", "region"),
    ("not article text", "region"),
    ("the headline", "headline"),
    ("the title", "headline"),
)
# characters XML 1.0 (and so an XHTML reader, lxml) cannot hold: C0 controls but tab and
# newline, lone surrogates, U+FFFE/F; shown as U+FFFD
UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
CSP = "default-src 'none'; style-src 'unsafe-inline'"  # no fetch of any kind, no script

STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5em auto; max-width: 60em; padding: 0 1em;
       color: #1a1a1a; background: #fff; }
h1 { font-size: 1.3em; margin-bottom: 0.2em; }
.meta, .legend { color: #555; font-size: 0.9em; }
.error { color: #a00; font-weight: bold; }
ol.blocks { list-style: none; padding: 0; }
ol.blocks li { margin: 0.2em 0; padding: 0.15em 0.6em; border-left: 5px solid #ccc; }
ol.blocks li.kept { border-left-color: #2e8b57; background: #eef8f1; }
ol.blocks li.dropped { background: #f7f7f7; color: #666; }
li.dropped .text { text-decoration: line-through; text-decoration-color: #b22; }
.why { margin-left: 1em; font-size: 0.85em; font-style: italic; color: #444; }
li.kept .why { color: #2e6b47; }
ol.blocks li.rule { border-left-color: #7b3fa0; } ol.blocks li.furniture { border-left-color: #d2691e; }
ol.blocks li.region { border-left-color: #999; } ol.blocks li.headline { border-left-color: #1e63b4; }
ol.blocks li.other { border-left-color: #b22; }
.tag { font-size: 0.75em; font-weight: bold; text-transform: uppercase; margin-right: 0.5em; }
li.kept .tag { color: #2e8b57; } li.dropped .tag { color: #b22; }
table { border-collapse: collapse; font-size: 0.9em; }
td, th { border: 1px solid #ddd; padding: 0.2em 0.6em; text-align: left; vertical-align: top; }
pre { white-space: pre-wrap; background: #f4f4f4; padding: 0.8em; }
"""


def render_html(found: Explanation, source: str) -> str:
    """The whole page, for `newsclean explain --format html`."""
    article = found.article
    title = article.title if article and article.title else "(no title)"
    kept = sum(step.kept for step in found.steps)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        f"<title>newsclean explain: {text(source)}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{text(title)}</h1>",
        '<p class="meta">' + " · ".join(text(item) for item in summary(found, source, kept)) + "</p>",
    ]
    if found.error:
        parts.append(f'<p class="error">{text(found.error)}</p>')
    parts.append('<p class="legend">Each block of the page in order: <b>kept</b> ones on green, '
                 "<s>dropped</s> ones struck through, with why. Left edge of a dropped one: "
                 "purple a site rule, orange a furniture pattern, grey outside the article, blue "
                 "the headline, red anything else.</p>")
    parts += reasons_table(found)
    parts.append('<ol class="blocks">')
    for number, step in enumerate(found.steps, 1):
        state = "kept" if step.kept else f"dropped {kind(step.reason)}"
        parts.append(
            f'<li id="b{number}" class="{state}">'
            f'<span class="tag">{"keep" if step.kept else "drop"} {number}</span>'
            f'<span class="text">{text(step.text)}</span>'
            f'<span class="why">{text(step.reason)}</span></li>')
    parts.append("</ol>")
    if article is not None:
        parts.append("<details><summary>The article as cleaned (Markdown)</summary>"
                     f"<pre>{text(article.markdown)}</pre></details>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def summary(found: Explanation, source: str, kept: int) -> list[str]:
    """The facts under the title: the input, the path, the rule files, the counts."""
    article = found.article
    facts = [source]
    if article is not None:
        facts.append(f"{article.kind.value} path")
        facts.append("site rules: " + (", ".join(article.rules) or "none"))
    facts.append(f"{kept} of {len(found.steps)} blocks kept")
    return facts


def reasons_table(found: Explanation) -> list[str]:
    """Why blocks were dropped, most frequent first, each linking to its first block."""
    dropped = [(number, step.reason) for number, step in enumerate(found.steps, 1) if not step.kept]
    if not dropped:
        return []
    first: dict[str, int] = {}
    for number, reason in dropped:
        first.setdefault(reason, number)
    counts = Counter(reason for _number, reason in dropped)
    rows = [f'<tr><td>{count}</td><td><a href="#b{first[reason]}">{text(reason)}</a></td></tr>'
            for reason, count in counts.most_common()]
    return ["<table><tr><th>blocks</th><th>dropped because</th></tr>", *rows, "</table>"]


def kind(reason: str) -> str:
    """The colour class of a reason."""
    lowered = reason.lower()
    return next((name for start, name in KINDS if lowered.startswith(start)), "other")


def text(value: str) -> str:
    """Text as HTML: escaped, with what no HTML reader can hold shown as U+FFFD."""
    return escape(UNSHOWABLE.sub("\ufffd", value), quote=True)
