"""The command line: parse options, read bytes, call the library, print, choose the exit code."""
from __future__ import annotations

import logging
import sys
import traceback
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__, api
from .errors import NewscleanError
from .render import Format, render, separator

app = typer.Typer(pretty_exceptions_show_locals=False, no_args_is_help=False,
                  add_completion=False, help="Clean article text out of scraped news pages.")

def register_subcommands() -> None:
    from .cli_batch import batch_cli, learn_cli
    from .cli_explain import explain_cli
    from .cli_rules import rules_app

    rules_app.command("learn")(learn_cli)
    app.add_typer(rules_app, name="rules")
    app.command("explain")(explain_cli)
    app.command("batch")(batch_cli)


SUFFIX = {Format.MARKDOWN: ".md", Format.JSON: ".json", Format.TEXT: ".txt"}


class InputType(str, Enum):
    AUTO = "auto"
    HTML = "html"
    TEXT = "text"


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"newsclean {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=version_callback, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Clean article text out of scraped news pages (HTML or plain-text scrapes)."""


def error_line(source: str, message: str) -> None:
    """The one line a user sees for a failed input (newlines in a message are folded)."""
    message = " ".join(message.split())
    sys.stderr.write(f"newsclean: error: {source}: {message}\n")


@contextmanager
def user_errors(source: str, debug: bool, failures: list[str]):
    """Turn NewscleanError into one stderr line and a recorded failure."""
    try:
        yield
    except NewscleanError as err:
        if debug:
            traceback.print_exc()
        error_line(source, hint(err))
        failures.append(source)


def hint(err: NewscleanError) -> str:
    from .errors import NothingExtracted

    message = str(err)
    if isinstance(err, NothingExtracted) and ";" not in message:
        message += "; try --input-type html|text, or --url so site rules apply"
    return message


def read_source(path: Path) -> bytes:
    """The bytes of a file, or of stdin for '-'. Raises OSError with a readable message."""
    if str(path) == "-":
        return sys.stdin.buffer.read()
    if path.is_dir():
        raise IsADirectoryError("is a folder; give the files in it instead, e.g. FOLDER/*.html")
    return path.read_bytes()


def os_message(err: OSError) -> str:
    if isinstance(err, FileNotFoundError):
        return "no such file; check the path"
    if isinstance(err, PermissionError):
        return "permission denied; check the file's permissions"
    if isinstance(err, IsADirectoryError) and err.args and "FOLDER" in str(err.args[0]):
        return str(err.args[0])
    return f"cannot read it ({err.strerror or err}); check the path"


def output_name(source: str, fmt: Format, taken: set[str]) -> str:
    """The file name for one input in an --output folder: its stem plus the format's suffix
    (story.html.gz -> story.md); a name already used in this run gets -2, -3..."""
    name = "stdin" if source == "-" else Path(source).name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    stem = Path(name).stem or name
    candidate, number = stem + SUFFIX[fmt], 1
    while candidate in taken:
        number += 1
        candidate = f"{stem}-{number}{SUFFIX[fmt]}"
    taken.add(candidate)
    return candidate


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False


def write_out(text: str, target) -> None:
    target.write(text.encode("utf-8"))
    target.flush()


@app.command("clean")
def clean_cli(
    paths: Annotated[Optional[list[Path]], typer.Argument(
        help="HTML or text files (gzip too); none or '-' reads stdin.", show_default=False)] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.MARKDOWN,
    url: Annotated[Optional[str], typer.Option(
        help="The page's URL (picks site rules, fills url/sitename); default: the page's canonical link.")] = None,
    input_type: Annotated[InputType, typer.Option(
        "--input-type", help="Force the HTML or the text path.")] = InputType.AUTO,
    front_matter: Annotated[bool, typer.Option(
        "--front-matter/--no-front-matter", help="YAML metadata block atop Markdown output.")] = True,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="Write to this file instead of stdout; an existing folder gets one file per input.")] = None,
    rules_dir: Annotated[Optional[list[Path]], typer.Option(
        "--rules-dir", help="Folder of site rule files (FiveFilters format); repeatable. "
        "Also NEWSCLEAN_RULES_PATH.", exists=True, file_okay=False, dir_okay=True)] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
) -> None:
    """Strip boilerplate from scraped pages and print the articles.

    Several inputs give Markdown documents separated by '---' lines, or JSON one object per line.
    """
    logging.basicConfig(level=logging.DEBUG if debug else logging.CRITICAL)
    sources = paths or [Path("-")]
    if sum(str(p) == "-" for p in sources) > 1:
        raise typer.BadParameter("stdin ('-') can be read only once", param_hint="PATHS")
    per_file = output is not None and output.is_dir()
    if output is not None and not per_file:
        for path in sources:
            if str(path) != "-" and same_file(path, output):
                raise typer.BadParameter(f"it would overwrite the input {path}; choose another file",
                                         param_hint="'--output'")
    taken: set[str] = set()
    failures: list[str] = []
    pieces: list[str] = []
    for path in sources:
        name = str(path)
        try:
            data = read_source(path)
        except OSError as err:
            error_line(name, os_message(err))
            failures.append(name)
            continue
        with user_errors(name, debug, failures):
            article = api.clean(data, url=url, input_type=input_type.value,
                                rules_dirs=tuple(rules_dir or ()))
            text = render(article, fmt, source=name, front_matter=front_matter)
            if per_file:
                target = output / output_name(name, fmt, taken)
                if any(str(p) != "-" and same_file(p, target) for p in sources):
                    error_line(name, f"the output {target} would overwrite an input; "
                                     "choose another --output folder")
                    failures.append(name)
                    continue
                try:
                    target.write_bytes(text.encode("utf-8"))
                except OSError as err:
                    error_line(name, f"cannot write {target} ({err.strerror or err}); "
                                     "check the --output folder")
                    failures.append(name)
            else:
                pieces.append(text)
    if pieces:
        glue = "\n" if (fmt is Format.MARKDOWN and front_matter) else separator(fmt)
        joined = glue.join(pieces)
        if output is not None and not per_file:
            try:
                output.write_bytes(joined.encode("utf-8"))
            except OSError as err:
                error_line(str(output), f"cannot write output ({err.strerror or err}); "
                                        "check the --output path")
                raise typer.Exit(1)
        else:
            write_out(joined, sys.stdout.buffer)
    raise typer.Exit(1 if failures else 0)


register_subcommands()


def main() -> None:
    app(prog_name="newsclean")
