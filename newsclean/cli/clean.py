"""`newsclean clean`: pages in, articles out, to stdout, to one file, or a file per input in a
folder (named as `newsclean batch` names them)."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from .. import api
from ..batch import SUFFIX, output_names
from ..errors import OptionError
from ..files import printable
from ..render import Format, render, separator
from ..sniff import MAX_BYTES, InputType
from .common import (
    Debug,
    ExitCode,
    FrontMatter,
    Images,
    InputTypeOption,
    Links,
    MaxBytes,
    MinConfidence,
    RulesDirs,
    Timeout,
    Url,
    dirs,
    fail,
    input_errors,
    load_rules,
    read_source,
    setup_logging,
    user_errors,
    warn,
)

Files = Annotated[list[str] | None, typer.Argument(
    metavar="PATH...", show_default=False,
    help="HTML pages or text scrapes (gzip too); none or '-' reads stdin.")]
FormatOption = Annotated[Format, typer.Option(
    "--format", "-f", metavar="markdown|json|text", help="Output format.")]
AllowEmpty = Annotated[bool, typer.Option(
    "--allow-empty", help="A page with no article still gives its title, authors and date, with "
    "an empty body (JSON: \"status\": \"no_article\"), and does not count as failed.")]
Output = Annotated[str | None, typer.Option(
    "--output", "-o", metavar="FILE|DIR/", show_default=False,
    help="Write to this file instead of stdout. A folder (one that exists, or any path ending in "
    "'/', created if need be) gets one file per input, named as `newsclean batch` names them.")]


def clean_cli(
    paths: Files = None,
    fmt: FormatOption = Format.MARKDOWN,
    url: Url = None,
    input_type: InputTypeOption = InputType.AUTO,
    front_matter: FrontMatter = True,
    links: Links = False,
    images: Images = False,
    output: Output = None,
    allow_empty: AllowEmpty = False,
    rules_dir: RulesDirs = None,
    timeout: Timeout = 20.0,
    max_bytes: MaxBytes = MAX_BYTES,
    min_confidence: MinConfidence = None,
    debug: Debug = False,
) -> None:
    """Strip boilerplate from scraped pages and print the articles.

    Several inputs give Markdown documents separated by '---' lines, or JSON one object per line.
    With --min-confidence, an article rated below it is printed all the same, with a warning.
    Exit 0 if every input gave an article, 1 if any did not, 2 for usage errors, 3 if every
    input gave an article but one was rated below --min-confidence.
    """
    setup_logging(debug)
    sources = paths or ["-"]
    with user_errors(debug):
        folder = output_folder(output, sources)
    load_rules(rules_dir, debug)
    names = output_names([source_name(s) for s in sources], SUFFIX[fmt]) if folder else []
    failures: list[str] = []
    doubtful: list[str] = []  # rated below --min-confidence
    pieces: list[str] = []
    for index, name in enumerate(sources):
        with input_errors(name, debug, failures, timeout):
            data = read_source(name, max_bytes)
            article = api.clean(data, url=url, input_type=input_type, rules_dirs=dirs(rules_dir),
                                max_bytes=max_bytes, links=links, images=images,
                                allow_empty=allow_empty)
            if min_confidence is not None and (article.confidence or 0.0) < min_confidence:
                warn_low(name, article.confidence, min_confidence)
                doubtful.append(name)
            text = render(article, fmt, source=printable(name), front_matter=front_matter)
            if folder is None:
                pieces.append(text)
            else:
                write_one(name, folder, names[index], sources, text, failures)
    if pieces:
        glue = "\n" if (fmt is Format.MARKDOWN and front_matter) else separator(fmt)
        write_all(glue.join(pieces), output)
    raise typer.Exit(ExitCode.FAILED if failures else ExitCode.LOW_CONFIDENCE if doubtful
                     else ExitCode.OK)


def warn_low(source: str, rating: float | None, bar: float) -> None:
    warn(source, f"confidence {rating} is below --min-confidence {bar}: the text may be cut "
                 "short, hold more than the article, or the page may be no article; check it")


def source_name(source: str) -> str:
    return "stdin" if source == "-" else os.path.basename(source.rstrip("/")) or source


def output_folder(output: str | None, sources: list[str]) -> Path | None:
    """The folder that gets a file per input (created when named with a trailing '/'), or None
    when the output is stdout or one file. Raises OptionError for what cannot work."""
    if sources.count("-") > 1:
        raise OptionError("PATH", "stdin ('-') can be read only once")
    if output is None:
        return None
    path = Path(output)
    if output.endswith(("/", os.sep)):
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise OptionError("--output", f"cannot create the folder {output} "
                                          f"({err.strerror or err}); check the path") from None
    if path.is_dir():
        return path
    for source in sources:
        if source != "-" and same_file(Path(source), path):
            raise OptionError("--output", f"it would overwrite the input {source}; choose another file")
    return None


def write_one(source: str, folder: Path, name: str | None, sources: list[str], text: str,
              failures: list[str]) -> None:
    """One input's article into the --output folder, never over an input."""
    if name is None:
        fail(source, "its output name would clash with another input's; rename one of them, "
                     "or clean them separately")
        failures.append(source)
        return
    target = folder / name
    if any(s != "-" and same_file(Path(s), target) for s in sources):
        fail(source, f"the output {target} would overwrite an input; choose another --output folder")
        failures.append(source)
        return
    try:
        target.write_bytes(text.encode("utf-8"))
    except OSError as err:
        fail(source, f"cannot write {target} ({err.strerror or err}); check the --output folder")
        failures.append(source)


def write_all(text: str, output: str | None) -> None:
    """The joined articles, to stdout or the --output file."""
    if output is None:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
        return
    try:
        Path(output).write_bytes(text.encode("utf-8"))
    except OSError as err:
        fail(output, f"cannot write output ({err.strerror or err}); check the --output path")
        raise typer.Exit(ExitCode.FAILED) from None


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False
