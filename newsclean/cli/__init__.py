"""The command line: parse options, read bytes, call the library, print, choose the exit code.

Every command is registered below, in one list; each lives in its own module and shares what
`common` declares once (options, reading inputs, the error line, exit codes).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

from .. import __version__
from .batch import batch_cli
from .clean import clean_cli
from .common import CONTEXT, PROG, Command, Group
from .explain import explain_cli
from .rules import learn_cli, lint_cli, list_cli, test_cli, which_cli


def typer_app(help_text: str) -> typer.Typer:
    """A Typer app in the house style: plain help as wide as the terminal, -h, one-line usage
    errors, no local variables in a crash's traceback (they can hold a whole page)."""
    return typer.Typer(cls=Group, help=help_text, rich_markup_mode=None, context_settings=CONTEXT,
                       invoke_without_command=True, pretty_exceptions_show_locals=False,
                       add_completion=True)  # only the top app's counts: --install-completion


app = typer_app("Clean article text out of scraped news pages (HTML or plain-text scrapes).")
rules_app = typer_app("List, check, test and draft site rule files.")

COMMANDS: list[tuple[typer.Typer, str, Callable[..., None]]] = [
    (app, "clean", clean_cli),
    (app, "explain", explain_cli),
    (app, "batch", batch_cli),
    (rules_app, "list", list_cli),
    (rules_app, "which", which_cli),
    (rules_app, "lint", lint_cli),
    (rules_app, "test", test_cli),
    (rules_app, "learn", learn_cli),
]
for parent, name, function in COMMANDS:
    parent.command(name, cls=Command)(function)
app.add_typer(rules_app, name="rules")


def show_version(value: bool) -> None:
    if value:
        typer.echo(f"{PROG} {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option(
        "--version", callback=show_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    """Clean article text out of scraped news pages (HTML or plain-text scrapes)."""
    help_without_command(ctx)


@rules_app.callback()
def rules_options(ctx: typer.Context) -> None:
    """List, check, test and draft site rule files."""
    help_without_command(ctx)


def help_without_command(ctx: typer.Context) -> None:
    """A group named alone (`newsclean`, `newsclean rules`) prints its help and exits 0."""
    if ctx.invoked_subcommand is None and not ctx.resilient_parsing:
        typer.echo(ctx.get_help())
        raise typer.Exit()


def main() -> None:
    app(prog_name=PROG)
