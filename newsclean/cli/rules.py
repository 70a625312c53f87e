"""`newsclean rules list|which|lint|test|learn`: the site rule files, checked, tested and drafted."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from .. import batch, sniff
from ..batch import Options, Outcome, Status
from ..boilerplate import MIN_PAGES, SHARE, choose_site, draft_rules
from ..files import write_atomic
from ..rules import RuleBook, RuleFile, load_rule_file, regex_problems
from ..ruletests import run_rule_tests
from ..sniff import InputType
from .common import (
    BoilerplateMinPages,
    BoilerplateShare,
    Debug,
    Exclude,
    ExitCode,
    Include,
    InputTypeOption,
    Jobs,
    Paths,
    RulesDirs,
    Timeout,
    dirs,
    fail,
    load_rules,
    os_message,
    read_source,
    setup_logging,
    stop,
    user_errors,
)


def console() -> Console:
    return Console(soft_wrap=True, highlight=False)


def emit_table(headers: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
    """A rich table in a terminal; tab-separated lines, whole and greppable, in a pipe."""
    out = console()
    if not out.is_terminal:
        for row in rows:
            typer.echo("\t".join(row))
        return
    table = Table(*headers, box=None, pad_edge=False)
    for row in rows:
        table.add_row(*row)
    out.print(table)


def list_cli(rules_dir: RulesDirs = None, debug: Debug = False) -> None:
    """Hosts that have rules, and the file each comes from.

    Columns: host, file, number of directives.
    """
    setup_logging(debug)
    book = load_rules(rules_dir, debug, warn_problems=False)
    rows = []
    for rule_file in book.all_files():
        count = sum(len(v) for v in rule_file.rules.lists.values()) + len(rule_file.rules.flags)
        rows.append((rule_file.key, rule_file.path, str(count)))
    if book.global_rules is not None:
        rows.append(("(every host)", ", ".join(book.global_rules.sources), ""))
    emit_table(("host", "file", "directives"), rows)
    shadowed = len(book.shadowed)
    typer.echo(f"rules: {len(book.files)} hosts" + (f", {shadowed} files layered under "
                                                    "later ones" if shadowed else ""), err=True)


def which_cli(
    target: Annotated[str, typer.Argument(
        metavar="URL|PATH", help="A page URL, or a saved page (HTML or text).")],
    rules_dir: RulesDirs = None,
    debug: Debug = False,
) -> None:
    """Which rule file applies to a URL or a saved page, and why."""
    setup_logging(debug)
    book = load_rules(rules_dir, debug, warn_problems=False)
    url: str | None = target
    text: str | None = None
    if "://" not in target and Path(target).exists():
        with user_errors(debug, target):
            try:
                data = read_source(target)  # the default --max-bytes: an over-large file is refused
            except OSError as err:
                stop(os_message(err), ExitCode.FAILED, target)
            doc = sniff.decode(data)
        url, text = doc.url, (doc.text if doc.kind is sniff.Kind.TEXT else None)
    choice = book.choose(url, text)
    if choice.file is not None:
        typer.echo(f"{choice.file.path}: {choice.reason}")
        echo_layers(book, choice.file)
    else:
        typer.echo(f"no site rules for {choice.evidence or target}" + (
            "; the page names no URL (try a URL)" if not choice.evidence and text is None else ""))
    if book.global_rules is not None:
        typer.echo(f"{', '.join(book.global_rules.sources)}: applies to every page")


def echo_layers(book: RuleBook, top: RuleFile) -> None:
    """The earlier files for the same host that sit under the one found, nearest first."""
    for source in book.rules_of(top).sources[-2::-1]:
        typer.echo(f"{source}: layered under it (its title/body/date/author XPaths are tried "
                   "after, its strip and line rules add up)")
    if top.rules.flag("standalone", False) and any(f.key == top.key for f in book.shadowed):
        typer.echo(f"{top.path}: says standalone: yes, so earlier files for {top.key} are ignored")


def lint_cli(
    files: Annotated[list[Path] | None, typer.Argument(
        metavar="FILE...", show_default=False,
        help="Rule files to check; default: every file loaded.")] = None,
    rules_dir: RulesDirs = None,
    debug: Debug = False,
) -> None:
    """Report unusable lines of rule files as file:line: message.

    Parse errors, unknown directives, bad XPath, and line regexes RE2 cannot run (backreferences,
    lookaround...) or that it reads otherwise than Python (notes).
    """
    setup_logging(debug)
    if files:
        problems = []
        for path in files:
            with user_errors(debug):
                rule_file = load_rule_file(path)
            problems += list(rule_file.problems) + regex_problems(rule_file)
    else:
        book = load_rules(rules_dir, debug, warn_problems=False)
        users = [f for f in book.all_files() + list(book.shadowed)  # the pack's: tests compile it
                 if not f.alias_of and not f.path.startswith("builtin:")]
        problems = book.problems() + [p for f in users for p in regex_problems(f)]
    errors = [p for p in problems if p.error]
    for problem in problems:
        note = f"{problem.path}:{problem.line}: note: {problem.message}"
        typer.echo(str(problem) if problem.error else note)
    typer.echo(f"lint: {len(errors)} errors, {len(problems) - len(errors)} notes", err=True)
    raise typer.Exit(ExitCode.FAILED if errors else ExitCode.OK)


def test_cli(
    hosts: Annotated[list[str] | None, typer.Argument(
        metavar="HOST...", show_default=False, help="Hosts to test; default: all.")] = None,
    rules_dir: RulesDirs = None,
    debug: Debug = False,
) -> None:
    """Check each rule file's test_contains on its cached pages.

    A rule file's cached pages are pages/HOST/page.html (or page.txt) beside it.
    """
    setup_logging(debug)
    results = run_rule_tests(load_rules(rules_dir, debug, warn_problems=False), dirs(rules_dir),
                             tuple(hosts or ()))
    colour = console().is_terminal
    emit_table(("host", "page", "result", "detail"), [
        (r.key, Path(r.page).name if r.page else "-",
         ("[green]pass[/]" if r.passed else "[red]FAIL[/]") if colour else ("pass" if r.passed else "FAIL"),
         r.detail) for r in results])
    failed = sum(not r.passed for r in results)
    typer.echo(f"rules test: {len(results) - failed} passed, {failed} failed", err=True)
    raise typer.Exit(ExitCode.FAILED if failed or not results else ExitCode.OK)


def learn_cli(
    paths: Paths,
    host: Annotated[str | None, typer.Option(
        "--host", metavar="HOST", show_default=False,
        help="The site to learn (a host such as example.com); needed when the pages come from "
        "several.")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", dir_okay=False, metavar="FILE", show_default=False,
        help="Write the draft here instead of stdout.")] = None,
    overwrite: Annotated[bool, typer.Option(
        "--overwrite", help="Replace the -o file if it exists.")] = False,
    boilerplate_share: BoilerplateShare = SHARE,
    boilerplate_min_pages: BoilerplateMinPages = MIN_PAGES,
    include: Include = None,
    exclude: Exclude = None,
    jobs: Jobs = None,
    timeout: Timeout = 30.0,
    input_type: InputTypeOption = InputType.AUTO,
    rules_dir: RulesDirs = None,
    debug: Debug = False,
) -> None:
    """Draft a rule file from the lines a site's pages share.

    The draft is for a person to review: each line becomes a strip_line (digits as \\d+)
    under a comment saying on how many pages it was seen.
    """
    setup_logging(debug)
    if output is not None and output.exists() and not overwrite:
        stop(f"--output: {output} exists; choose another name, or --overwrite")
    load_rules(rules_dir, debug)
    options = Options(input_type=input_type.value, rules_dirs=dirs(rules_dir),
                      include=tuple(include or ()), exclude=tuple(exclude or ()),
                      timeout=timeout or None)
    if jobs:
        options = replace(options, jobs=jobs)

    def show(outcome: Outcome) -> None:
        if outcome.status is Status.FAILED:
            fail(outcome.source, outcome.error or "")

    where = " ".join(paths)
    with user_errors(debug, where):
        tallies = batch.tally_sites(paths, options, on_page=show)
        site, tally = choose_site(tallies, host, boilerplate_min_pages)
    learned = tally.learned(boilerplate_share)
    text = draft_rules(site, tally.pages, learned, where, boilerplate_share)
    if output is None:
        typer.echo(text, nl=False)
    else:
        try:
            write_atomic(str(output.absolute()), text.encode("utf-8"))
        except OSError as err:
            stop(f"cannot write it ({err.strerror or err}); check the path", ExitCode.FAILED, str(output))
    typer.echo(f"rules learn: {site}: {len(learned)} lines found on more than "
               f"{boilerplate_share:.0%} of {tally.pages} pages", err=True)
