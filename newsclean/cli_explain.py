"""`newsclean explain PATH`: the page's blocks in order, kept or dropped, and why."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape

from . import api
from .errors import NewscleanError

PREVIEW_CHARS = 110


class ExplainFormat(str, Enum):
    TEXT = "text"
    JSON = "json"


def explain_cli(
    source: Annotated[Path, typer.Argument(help="HTML or text file; '-' reads stdin.")],
    fmt: Annotated[ExplainFormat, typer.Option("--format", "-f")] = ExplainFormat.TEXT,
    url: Annotated[Optional[str], typer.Option(help="The page's URL (picks site rules).")] = None,
    input_type: Annotated[str, typer.Option("--input-type", help="auto, html or text.")] = "auto",
    rules_dir: Annotated[Optional[list[Path]], typer.Option(
        "--rules-dir", exists=True, file_okay=False, help="Folder of site rule files; repeatable.")] = None,
    full: Annotated[bool, typer.Option("--full", help="Show whole blocks, not their start.")] = False,
) -> None:
    """Show every block of a page, kept or dropped, and the rule or heuristic behind each
    decision: the first thing to run when the output of `clean` looks wrong."""
    from .cli import os_message, read_source  # the one place that reads inputs

    if input_type not in api.INPUT_TYPES:
        raise typer.BadParameter(f"must be one of {', '.join(api.INPUT_TYPES)}", param_hint="--input-type")
    name = str(source)
    try:
        data = read_source(source)
        article, steps, error = api.explain(data, url=url, input_type=input_type,
                                            rules_dirs=tuple(str(d) for d in rules_dir or ()))
    except OSError as err:
        sys.stderr.write(f"newsclean: error: {name}: {os_message(err)}\n")
        raise typer.Exit(1)
    except NewscleanError as err:
        sys.stderr.write(f"newsclean: error: {name}: {err}\n")
        raise typer.Exit(1)
    if fmt is ExplainFormat.JSON:
        typer.echo(json.dumps({
            "source": name, "kind": article.kind if article else None,
            "title": article.title if article else None,
            "rules": list(article.rules) if article else [], "error": error,
            "blocks": [step.to_dict() for step in steps]}, ensure_ascii=False))
    else:
        show(steps, article, error, full)
    raise typer.Exit(1 if error else 0)


def show(steps, article, error, full: bool) -> None:
    console = Console(highlight=False, soft_wrap=not full)
    if article is not None:
        rules = ", ".join(article.rules) or "none"
        console.print(f"[bold]{escape(article.title or '(no title)')}[/]  [dim]{article.kind} path; "
                      f"site rules: {escape(rules)}[/]")
    for step in steps:
        text = step.text if full or len(step.text) <= PREVIEW_CHARS else step.text[:PREVIEW_CHARS] + "…"
        if step.kept:
            console.print(f"[green]keep[/] {escape(text)}  [dim]{escape(step.reason)}[/]")
        else:
            console.print(f"[red]drop[/] [dim]{escape(text)}[/]  [yellow]{escape(step.reason)}[/]")
    kept = sum(s.kept for s in steps)
    console.print(f"[dim]{kept} of {len(steps)} blocks kept[/]" + (f"; [red]{escape(error)}[/]" if error else ""))
