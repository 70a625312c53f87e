"""What every command shares: reading inputs, the one error line, exit codes, the options
written once, and the Typer classes that give one-line usage errors and plain help."""
from __future__ import annotations

import logging
import os
import re
import signal
import sys
import threading
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import IntEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperCommand, TyperGroup

try:  # typer 0.26 and later carry their own copy of click
    from typer import _click as click
except ImportError:  # pragma: no cover
    import click  # type: ignore[no-redef]

from ..errors import NewscleanError, NothingExtracted, OptionError, RuleError
from ..files import printable
from ..rules import RuleBook
from ..sniff import MAX_BYTES, InputType, check_size

PROG = "newsclean"
HELP_WIDTH = 140  # columns: help uses the terminal's width (or COLUMNS) up to this
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": HELP_WIDTH}
URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # in a file name: shown escaped, so an error stays one line


class ExitCode(IntEnum):
    OK = 0
    FAILED = 1  # an input (or a rule test) failed
    USAGE = 2  # a usage or configuration error: nothing was done
    LOW_CONFIDENCE = 3  # `clean --min-confidence`: every input gave an article, one rated below it
    INTERRUPTED = 130  # Ctrl-C


# ---- the one error line ----

def line(source: str | None, message: str, level: str = "error") -> str:
    """`newsclean: error: SOURCE: what happened; what to try`, newlines folded (in the source's
    name too: shown as \\n)."""
    where = f"{shown(source)}: " if source else ""
    return f"{PROG}: {level}: {where}{' '.join(message.split())}"


def shown(path: str) -> str:
    """A path as one printable line: undecodable bytes as U+FFFD, control characters escaped."""
    return CONTROL.sub(lambda match: repr(match.group())[1:-1], printable(path))


def fail(source: str | None, message: str, *, level: str = "error") -> None:
    """Write the one line for an error (or a warning) to stderr."""
    sys.stderr.write(line(source, message, level) + "\n")


def warn(source: str | None, message: str) -> None:
    fail(source, message, level="warning")


def stop(message: str, code: ExitCode = ExitCode.USAGE, source: str | None = None) -> NoReturn:
    """Write the error line and end the command."""
    fail(source, message)
    raise typer.Exit(code)


def hint(err: NewscleanError) -> str:
    """The error's message, with what to try when it does not say."""
    message = str(err)
    if isinstance(err, NothingExtracted) and ";" not in message:
        message += "; try --input-type html|text, or --url so site rules apply"
    return message


def setup_logging(debug: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if debug else logging.CRITICAL)


@contextmanager
def user_errors(debug: bool, source: str | None = None) -> Iterator[None]:
    """A NewscleanError ends the command with its one line: exit 2 for an option or a rules
    folder that cannot be used (OptionError, RuleError), else 1."""
    try:
        yield
    except OptionError as err:
        if debug:
            traceback.print_exc()
        stop(f"{err.option}: {err.message}", ExitCode.USAGE)
    except RuleError as err:
        if debug:
            traceback.print_exc()
        stop(str(err), ExitCode.USAGE)
    except NewscleanError as err:
        if debug:
            traceback.print_exc()
        stop(hint(err), ExitCode.FAILED, source)


class OutOfTime(BaseException):
    """An input took longer than --timeout. A BaseException, so that no `except Exception` on
    the way (a guarded metadata parser) can swallow it."""


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise OutOfTime in the block after `seconds` (0: no limit). A huge page is interrupted
    where it runs: the interpreter checks for signals.
    Needs SIGALRM and the main thread; elsewhere the block runs unbounded."""
    if not seconds or not hasattr(signal, "SIGALRM") or (
            threading.current_thread() is not threading.main_thread()):
        yield
        return

    def expire(_signum: int, _frame: Any) -> None:
        raise OutOfTime

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def input_errors(source: str, debug: bool, failures: list[str], timeout: float = 0) -> Iterator[None]:
    """A failed input (unreadable, or a NewscleanError, or out of its `timeout`) becomes its
    error line and is recorded in `failures`; the command goes on with the next input."""
    try:
        with time_budget(timeout):
            yield
    except OutOfTime:
        fail(source, f"no answer in {timeout:g} s, so it was given up; raise --timeout if the "
                     "page is just slow")
        failures.append(source)
    except OSError as err:
        fail(source, os_message(err))
        failures.append(source)
    except NewscleanError as err:
        if debug:
            traceback.print_exc()
        fail(source, hint(err))
        failures.append(source)


# ---- reading inputs ----

class NotAFile(OSError):
    """A path that names no file to read (a folder, a URL): the message says what to do."""


def read_source(name: str, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a file, or of stdin for '-'; never more than `max_bytes` + 1 are read into
    memory (a pipe, /dev/zero). Raises OSError (see os_message), InputError over `max_bytes`."""
    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        if URL.match(name):
            raise NotAFile(url_message())
        path = Path(name)
        if path.is_dir():
            raise NotAFile("is a folder; give the files in it instead (e.g. FOLDER/*.html), "
                           "or clean the whole folder with `newsclean batch FOLDER -o OUT`")
        with path.open("rb") as handle:
            check_size(os.fstat(handle.fileno()).st_size, max_bytes)  # a file's size, before reading
            data = handle.read(max_bytes + 1)
    check_size(None if len(data) > max_bytes else len(data), max_bytes)
    return data


def url_message() -> str:
    return ("a URL, and newsclean never fetches pages; save the page first (e.g. curl -o "
            "page.html URL) and give the file, with --url URL so site rules apply")


def os_message(err: OSError) -> str:
    """What went wrong reading an input, and what to try."""
    if isinstance(err, NotAFile):
        return str(err)
    if isinstance(err, FileNotFoundError):
        return "no such file; check the path"
    if isinstance(err, PermissionError):
        return "permission denied; check the file's permissions"
    return f"cannot read it ({err.strerror or err}); check the path"


def check_paths(paths: list[str] | None) -> list[str]:
    """Paths that must exist (batch, rules learn): a usage error names the first that does not."""
    for name in paths or []:
        if URL.match(name):
            raise typer.BadParameter(f"{name}: {url_message()}")
        if not Path(name).exists():
            raise typer.BadParameter(f"{name}: no such file or folder; check the path")
    return paths or []


# ---- rules ----

def load_rules(rules_dirs: Sequence[Path] | None, debug: bool = False, *,
               warn_problems: bool = True) -> RuleBook:
    """The rule book (built-in pack, NEWSCLEAN_RULES_PATH, --rules-dir), loaded once before any
    input, so a missing folder is one line and exit 2 in every command. Lines of user rule
    files that cannot be used are skipped by the library; they are said here, once each."""
    with user_errors(debug):
        book = RuleBook.load(dirs(rules_dirs))
    if warn_problems:
        for problem in book.problems():
            if problem.error:
                warn(None, f"{problem}; this line is skipped (see `newsclean rules lint`)")
    return book


def dirs(rules_dirs: Sequence[Path] | None) -> tuple[str, ...]:
    return tuple(str(d) for d in rules_dirs or ())


# ---- options written once ----

RulesDirs = Annotated[list[Path] | None, typer.Option(
    "--rules-dir", metavar="DIR", show_default=False,
    help="Folder of site rule files (FiveFilters format), over the built-in ones; repeatable. "
    "Also NEWSCLEAN_RULES_PATH (folders separated by ':').")]
InputTypeOption = Annotated[InputType, typer.Option(
    "--input-type", metavar="auto|html|text",
    help="Force the HTML or the text path; auto decides by the page's start and its tags.")]
Url = Annotated[str | None, typer.Option(
    "--url", metavar="URL", show_default=False,
    help="The page's URL: picks site rules and fills url/sitename (default: the page's "
    "canonical link).")]
Paths = Annotated[list[str], typer.Argument(
    metavar="PATH...", callback=check_paths, show_default=False,
    help="Folders (walked recursively) and files.")]
OptionalPaths = Annotated[list[str] | None, typer.Argument(
    metavar="PATH...", callback=check_paths, show_default=False,
    help="Folders (walked recursively) and files (or give --files-from).")]
Include = Annotated[list[str] | None, typer.Option(
    "--include", metavar="GLOB", show_default=False,
    help="Read only files matching this glob (repeatable; a glob with '/' matches the path below "
    "the folder). Default: *.html *.htm *.xhtml *.txt *.md and their .gz forms.")]
Exclude = Annotated[list[str] | None, typer.Option(
    "--exclude", metavar="GLOB", show_default=False,
    help="Skip files and folders matching this glob (repeatable).")]
Jobs = Annotated[int | None, typer.Option(
    "--jobs", "-j", min=1, metavar="N", show_default=False,
    help="Worker processes.  [default: the number of CPUs]")]
Timeout = Annotated[float, typer.Option(
    "--timeout", min=0, metavar="SECONDS",
    help="Seconds per input before it is given up and recorded as failed; 0: no limit.")]
MinConfidence = Annotated[float | None, typer.Option(
    "--min-confidence", min=0.0, max=1.0, metavar="0-1", show_default=False,
    help="Flag articles rated below this confidence (how sure newsclean is that the text is the "
    "whole article and only it; 0.8: of the dev pages rated that high, 95% or more are right).")]
MaxBytes = Annotated[int, typer.Option(
    "--max-bytes", min=1, metavar="BYTES",
    help="Refuse an input larger than this, as read or once gunzipped (50000000: 50 MB).")]
FrontMatter = Annotated[bool, typer.Option(
    "--front-matter/--no-front-matter", help="A YAML metadata block atop Markdown output.")]
Links = Annotated[bool, typer.Option(
    "--links", help="Keep the article's links in the Markdown (and JSON markdown) as [text](url), "
    "made absolute with --url or the page's <base href>; with neither, relative ones stay "
    "relative. Text scrapes: the links their Markdown marks. Never in --format text.")]
Images = Annotated[bool, typer.Option(
    "--images", help="Keep the article's pictures in the Markdown as ![alt](src) lines, where "
    "they stand (addresses made absolute as for --links). Never in --format text.")]
Debug = Annotated[bool, typer.Option(
    "--debug", help="Show tracebacks and log messages for errors.")]
BoilerplateShare = Annotated[float, typer.Option(
    "--boilerplate-share", min=0.0, max=1.0, metavar="SHARE",
    help="A line found on more than this share of a site's pages is boilerplate.")]
BoilerplateMinPages = Annotated[int, typer.Option(
    "--boilerplate-min-pages", min=2, metavar="N",
    help="Learn only from sites with at least this many pages.")]


# ---- Typer, in the house style ----

class Command(TyperCommand):
    """A command whose usage line reads `newsclean clean [OPTIONS] [PATH]...`."""

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = param.metavar or param.name or ""
                pieces.append(name if param.required else f"[{name}]")
        return pieces

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Arguments, then options, each named by its metavar alone (no Python types)."""
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                arguments.append((param.metavar or record[0], record[1]))
            else:
                options.append((record[0], range_in_words(record[1])))
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


class Group(TyperGroup):
    """A command group whose usage errors are one `newsclean: error:` line (exit 2), with the
    help to look at, instead of a box."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             windows_expand_args: bool = True, **extra: Any) -> Any:
        try:
            code = super().main(args=args, prog_name=prog_name, complete_var=complete_var,
                                standalone_mode=False, windows_expand_args=windows_expand_args,
                                **extra)
        except click.ClickException as err:
            code = usage_error(err)
        except typer.Abort:  # stdin closed at a prompt
            fail(None, "aborted")
            code = ExitCode.FAILED
        if not standalone_mode:
            return code
        sys.exit(int(code or 0))


RANGES = [(re.compile(r"\b(\S+)<=x<=(\S+?)(?=[;\]])"), r"\1 to \2"),
          (re.compile(r"\bx>=(\S+?)(?=[;\]])"), r"at least \1"),
          (re.compile(r"\bx<=(\S+?)(?=[;\]])"), r"at most \1")]


def range_in_words(text: str) -> str:
    """Click's `[x>=1]` and `[0.0<=x<=1.0]` in a help text, said in words."""
    for pattern, words in RANGES:
        text = pattern.sub(words, text)
    return text


def usage_error(err: click.ClickException) -> int:
    """The one line for an option or argument that cannot be parsed."""
    message = err.format_message().rstrip(".").replace("Value error, ", "")
    message = message[:1].lower() + message[1:]
    ctx = getattr(err, "ctx", None)
    path = " ".join([PROG, *ctx.command_path.split()[1:]]) if ctx is not None else PROG
    fail(None, message if ";" in message else f"{message}; try '{path} -h'")
    return err.exit_code if err.exit_code else ExitCode.USAGE
