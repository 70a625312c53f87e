"""`newsclean rules ...`: list, which, lint and test the site rule files."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from . import sniff
from .errors import NewscleanError
from .rules import RuleBook, host_of, load_rule_file, slow_regexes
from .ruletests import run_rule_tests

rules_app = typer.Typer(help="List, check and test site rule files.", no_args_is_help=True)

RulesDirs = Annotated[Optional[list[Path]], typer.Option(
    "--rules-dir", help="Folder of site rule files; repeatable. Also NEWSCLEAN_RULES_PATH.",
    exists=True, file_okay=False, dir_okay=True)]


def console() -> Console:
    return Console(soft_wrap=True, highlight=False)


def emit_table(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
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


def load(rules_dir) -> RuleBook:
    try:
        return RuleBook.load(tuple(str(d) for d in rules_dir or ()))
    except NewscleanError as err:
        sys.stderr.write(f"newsclean: error: {err}\n")
        raise typer.Exit(2)


@rules_app.command("list")
def list_cli(rules_dir: RulesDirs = None) -> None:
    """Hosts that have rules, and the file each comes from."""
    book = load(rules_dir)
    rows = []
    for rule_file in book.all_files():
        count = sum(len(v) for v in rule_file.rules.lists.values()) + len(rule_file.rules.flags)
        rows.append((rule_file.key, rule_file.path, str(count)))
    if book.global_rules is not None:
        rows.append(("(every host)", ", ".join(book.global_rules.sources), ""))
    emit_table(("host", "file", "directives"), rows)
    shadowed = len(book.shadowed)
    sys.stderr.write(f"rules: {len(book.files)} hosts" + (f", {shadowed} files layered under "
                                                           "later ones" if shadowed else "") + "\n")


@rules_app.command("which")
def which_cli(target: Annotated[str, typer.Argument(help="A page URL, or a saved page (HTML or text).")],
              rules_dir: RulesDirs = None) -> None:
    """Which rule file applies to a URL or a saved page, and why."""
    book = load(rules_dir)
    url, text = target, None
    path = Path(target)
    if "://" not in target and path.exists():
        try:
            doc = sniff.decode(path.read_bytes())
        except NewscleanError as err:
            sys.stderr.write(f"newsclean: error: {target}: {err}\n")
            raise typer.Exit(1)
        url, text = doc.url, (doc.text if doc.kind is sniff.Kind.TEXT else None)
    host = host_of(url)
    found = book.file_for_host(host) if host else None
    if found is not None:
        how = f"also_serves {found.key}" if found.alias_of else "same host" if found.key == host else (
            "host without www." if found.key == host[4:] else f"subdomain of {found.key[1:]}")
        typer.echo(f"{found.path}: {how} ({host})")
        echo_layers(book, found)
    elif text is not None and (matched := fingerprint_match(book, text)):
        rule_file, fingerprint = matched
        typer.echo(f"{rule_file.path}: text fingerprint {fingerprint!r} found")
        echo_layers(book, rule_file)
    else:
        typer.echo(f"no site rules for {host or target}" + (
            "; the page names no URL (try a URL)" if host is None and text is None else ""))
    if book.global_rules is not None:
        typer.echo(f"{', '.join(book.global_rules.sources)}: applies to every page")


def echo_layers(book: RuleBook, top) -> None:
    """The earlier files for the same host that sit under the one found, nearest first."""
    for source in book.rules_of(top).sources[-2::-1]:
        typer.echo(f"{source}: layered under it (its title/body/date/author XPaths are tried "
                   "after, its strip and line rules add up)")
    if top.rules.flag("standalone", False) and any(f.key == top.key for f in book.shadowed):
        typer.echo(f"{top.path}: says standalone: yes, so earlier files for {top.key} are ignored")


def fingerprint_match(book: RuleBook, text: str):
    for rule_file, _ in book.fingerprints:
        for rule in rule_file.rules.get("text_fingerprint"):
            if rule.value in text:
                return rule_file, rule.value
    return None


@rules_app.command("lint")
def lint_cli(files: Annotated[Optional[list[Path]], typer.Argument(
                 help="Rule files to check; default: every file loaded.")] = None,
             rules_dir: RulesDirs = None) -> None:
    """Report parse errors, unknown directives, bad XPath and regexes (and line regexes that
    backtrack catastrophically) as file:line: message."""
    if files:
        problems = []
        for path in files:
            try:
                rule_file = load_rule_file(path)
            except NewscleanError as err:
                sys.stderr.write(f"newsclean: error: {err}\n")
                raise typer.Exit(1)
            problems += list(rule_file.problems) + slow_regexes(rule_file)
    else:
        book = load(rules_dir)
        problems = book.problems() + [p for f in book.all_files() for p in slow_regexes(f)]
    errors = [p for p in problems if p.error]
    for problem in problems:
        typer.echo(str(problem) if problem.error else f"{problem.path}:{problem.line}: note: {problem.message}")
    sys.stderr.write(f"lint: {len(errors)} errors, {len(problems) - len(errors)} notes\n")
    raise typer.Exit(1 if errors else 0)


@rules_app.command("test")
def test_cli(hosts: Annotated[Optional[list[str]], typer.Argument(help="Hosts to test; default all.")] = None,
             rules_dir: RulesDirs = None) -> None:
    """Run each rule file's test_contains against its cached pages (pages/<host>/page.*)."""
    dirs = tuple(str(d) for d in rules_dir or ())
    results = run_rule_tests(load(rules_dir), dirs, tuple(hosts or ()))
    colour = console().is_terminal
    emit_table(("host", "page", "result", "detail"), [
        (r.key, Path(r.page).name if r.page else "-",
         ("[green]pass[/]" if r.passed else "[red]FAIL[/]") if colour else ("pass" if r.passed else "FAIL"),
         r.detail) for r in results])
    failed = sum(not r.passed for r in results)
    sys.stderr.write(f"rules test: {len(results) - failed} passed, {failed} failed\n")
    raise typer.Exit(1 if failed or not results else 0)
