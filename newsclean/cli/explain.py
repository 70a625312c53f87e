"""`newsclean explain PATH`: the page's blocks in order, kept or dropped, and why."""
from __future__ import annotations

import json
from enum import Enum
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from .. import api
from ..explain_html import render_html
from ..files import printable
from ..sniff import MAX_BYTES, InputType
from .common import (
    Debug,
    ExitCode,
    InputTypeOption,
    MaxBytes,
    RulesDirs,
    Url,
    dirs,
    load_rules,
    os_message,
    read_source,
    setup_logging,
    stop,
    user_errors,
)

PREVIEW_CHARS = 110


class ExplainFormat(str, Enum):
    TEXT = "text"
    JSON = "json"
    HTML = "html"


def explain_cli(
    source: Annotated[str, typer.Argument(
        metavar="PATH", help="An HTML page or a text scrape; '-' reads stdin.")],
    fmt: Annotated[ExplainFormat, typer.Option(
        "--format", "-f", metavar="text|json|html",
        help="text: a coloured report; json: one object with every block; html: one "
        "self-contained page (no scripts, nothing fetched), dropped blocks struck through with "
        "why (-f html > report.html).")] = ExplainFormat.TEXT,
    url: Url = None,
    input_type: InputTypeOption = InputType.AUTO,
    rules_dir: RulesDirs = None,
    full: Annotated[bool, typer.Option("--full", help="Show whole blocks, not their start.")] = False,
    max_bytes: MaxBytes = MAX_BYTES,
    debug: Debug = False,
) -> None:
    """Show each block of a page, kept or dropped, and why.

    Names the rule or heuristic behind each decision: the first thing to run when the output
    of `newsclean clean` looks wrong.
    """
    setup_logging(debug)
    load_rules(rules_dir, debug)
    with user_errors(debug, source):
        try:
            data = read_source(source, max_bytes)
        except OSError as err:
            stop(os_message(err), ExitCode.FAILED, source)
        found = api.explain(data, url=url, input_type=input_type, rules_dirs=dirs(rules_dir),
                            max_bytes=max_bytes)
    if fmt is ExplainFormat.JSON:
        typer.echo(as_json(found, printable(source)))
    elif fmt is ExplainFormat.HTML:
        typer.echo(render_html(found, printable(source)), nl=False)
    else:
        show(found, full)
    raise typer.Exit(ExitCode.FAILED if found.error else ExitCode.OK)


def as_json(found: api.Explanation, source: str) -> str:
    article = found.article
    return json.dumps({
        "source": source, "kind": article.kind if article else None,
        "title": article.title if article else None,
        "rules": list(article.rules) if article else [], "error": found.error,
        "metadata": [source.to_dict() for source in found.sources],
        "blocks": [step.to_dict() for step in found.steps]}, ensure_ascii=False)


def show(found: api.Explanation, full: bool) -> None:
    console = Console(highlight=False, soft_wrap=not full)
    article = found.article
    if article is not None:
        rules = ", ".join(article.rules) or "none"
        console.print(f"[bold]{escape(article.title or '(no title)')}[/]  [dim]{article.kind} path; "
                      f"site rules: {escape(rules)}[/]")
    for source in found.sources:
        value = escape(source.value or "(none)")
        console.print(f"[cyan]{source.field}[/] {value}  [dim]from {escape(source.source)}: "
                      f"{escape(source.why)}[/]")
    for step in found.steps:
        text = step.text if full or len(step.text) <= PREVIEW_CHARS else step.text[:PREVIEW_CHARS] + "…"
        if step.kept:
            console.print(f"[green]keep[/] {escape(text)}  [dim]{escape(step.reason)}[/]")
        else:
            console.print(f"[red]drop[/] [dim]{escape(text)}[/]  [yellow]{escape(step.reason)}[/]")
    kept = sum(s.kept for s in found.steps)
    error = f"; [red]{escape(found.error)}[/]" if found.error else ""
    console.print(f"[dim]{kept} of {len(found.steps)} blocks kept[/]" + error)
