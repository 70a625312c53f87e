"""The JSONL log: one line per input, in input order (`record`), written to FILE.part and
renamed to FILE when the run completes. A rerun keeps, input by input, the line an earlier run
left for it (in FILE.part of an interrupted run, or in FILE) when that line is still good: same
source, status ok or empty, the same output, the input last changed before that run began (a
closed log is dated to its start: an input changed during the run is cleaned again), and made
with the same recipe (batch/recipe.py: version, options, rule files).

A file's recipe is beside it, FILE.recipe (FILE.part.recipe for FILE.part): every line of a
file has the same, since a line is kept only into a run of the same recipe. FILE.part.recipe is
written before FILE.part's first line; at the end FILE.recipe goes first, then FILE.part and
its recipe are renamed over FILE and FILE.recipe, so a kill at any moment leaves no recipe
beside lines of another (at worst FILE without one: its lines are not kept)."""
from __future__ import annotations

import json
import os
import stat
from collections import deque
from contextlib import nullcontext, suppress
from pathlib import Path
from typing import BinaryIO

from ..article import Article
from ..files import FileId, file_id, write_atomic
from .model import Outcome, Status
from .recipe import UNRECORDED, Recipe, parse_recipe

REUSABLE = ("ok", "empty", "low_confidence")  # JSONL records a rerun keeps; failures are tried again
RECIPE = ".recipe"  # FILE.recipe: the recipe of FILE's lines
MAX_RECIPE_BYTES = 64 * 1024  # a recipe file is one short line: read no more of it
# the article's fields when there is no article: an empty list where the field is a list, else null
BLANK_ARTICLE: dict[str, list[str] | None] = {
    key: ([] if isinstance(value, list) else None)
    for key, value in Article(text="", markdown="").to_dict().items()}


def record(source: str, status: Status, error: str | None, article: Article | None = None,
           output: str | None = None, page: dict[str, str | None] | None = None) -> bytes:
    """One JSONL line: source, status, error, output, then the article's fields (null when
    there is no article); for a page of an archive, `page` (url, crawl_date) last."""
    data: dict[str, object] = {"source": source, "status": status.value, "error": error, "output": output}
    data.update(article.to_dict() if article is not None else BLANK_ARTICLE)
    if page is not None:
        data.update(page)
    return (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8", "surrogatepass")


def record_of(outcome: Outcome) -> bytes:
    return record(outcome.source, outcome.status, outcome.error, None, outcome.output)


class JsonlOut:
    """Where JSONL lines go, in input order: a stream, or FILE.part renamed to FILE when the
    run completes. Resuming, the lines earlier runs left (FILE.part of an interrupted run, and
    FILE) are read as far as needed, and a good line for an input is copied as it is (`keep`)."""

    def __init__(self, path: Path | None, stream: BinaryIO | None, *, resume: bool,
                 recipe: Recipe | None = None):
        self.stream = stream
        self.handle: BinaryIO | None = None
        self.previous: list[Previous] = []  # newest first (with another recipe too: see `why`)
        self.kept: deque[tuple[str, Previous, Span]] = deque()  # planned, not yet written
        self.target: str | None = None  # FILE, which FILE.part becomes when the run completes
        if stream is not None or path is None:
            return
        self.target = os.fspath(path)
        self.part = self.target + ".part"
        recipe = recipe or Recipe(())
        if resume:
            found = (Previous.open(p, why_not_same(p + RECIPE, recipe)) for p in (self.part, self.target))
            self.previous = sorted(filter(None, found), key=lambda previous: -previous.mtime_ns)
        try:
            with suppress(FileNotFoundError):  # an interrupted run's lines: still read through its handle
                os.unlink(self.part)
            self.handle = open(self.part, "wb")
            self.began = os.fstat(self.handle.fileno()).st_mtime_ns  # the file system's clock
            write_atomic(self.part + RECIPE, recipe.line())  # before the first line
        except BaseException:
            self.close_previous()
            if self.handle is not None:
                self.handle.close()
                with suppress(OSError):
                    os.unlink(self.part)
            raise

    @property
    def active(self) -> bool:
        return self.stream is not None or self.handle is not None

    def file_ids(self) -> set[FileId]:
        """The files this log writes or reads: never inputs."""
        handles = [self.handle] if self.handle is not None else []
        found = {file_id(os.fstat(h.fileno())) for h in handles + [p.handle for p in self.previous]}
        for path in (self.target + RECIPE, self.part + RECIPE) if self.target is not None else ():
            with suppress(OSError):
                found.add(file_id(os.stat(path)))
        return found

    def keep(self, source: str, mtime_ns: int, output: str | None) -> bool:
        """Whether an earlier run's line for this input still holds: the newest file with a
        line for `source` decides; it must be newer than the input, ok or empty, name `output`
        and be of this run's recipe. If so, it is what `write_kept` writes for this input, in
        its turn."""
        previous, span = self.deciding(source, mtime_ns, output)
        if previous is None or span is None or previous.why:
            return False
        self.kept.append((source, previous, span))
        return True

    def why_again(self, source: str, mtime_ns: int, output: str | None) -> str:
        """Why an input that `keep` turned down is cleaned again, when an earlier run's line
        would have done but for its recipe (as Outcome.redone); else ''."""
        previous, _ = self.deciding(source, mtime_ns, output)
        return previous.why if previous is not None else ""

    def deciding(self, source: str, mtime_ns: int, output: str | None) -> tuple[Previous | None, Span | None]:
        """The newest earlier file with a line for `source`, and that line's span, if the line
        is newer than the input, ok or empty, and names `output`."""
        for previous in self.previous:
            span = previous.find(source)
            if span is None:
                continue
            if mtime_ns < previous.mtime_ns and reusable(previous.read(span), source, output):
                return previous, span
            return None, None
        return None, None

    def write_kept(self, source: str) -> None:
        """Copy the line `keep` found for `source` (the inputs come in the order they were kept)."""
        kept, previous, span = self.kept.popleft()
        if kept != source:
            raise RuntimeError(f"JSONL lines out of order: {source} where {kept} was due")
        self.write(previous.read(span))

    def write(self, line: bytes) -> None:
        try:
            if self.stream is not None:
                self.stream.write(line)
            elif self.handle is not None:
                self.handle.write(line)
        except OSError as err:
            raise self.named(err) from None

    def close(self, complete: bool) -> None:
        try:
            if self.stream is not None:
                with suppress(BrokenPipeError) if not complete else nullcontext():
                    self.stream.flush()
                return
            self.close_previous()
            if self.handle is None:
                return
            with self.handle:
                self.handle.flush()
                os.utime(self.handle.fileno(), ns=(self.began, self.began))
            if complete and self.target is not None:
                with suppress(FileNotFoundError):
                    os.unlink(self.target + RECIPE)
                os.replace(self.part, self.target)
                with suppress(OSError):  # without it, FILE's lines are not kept by the next run
                    os.replace(self.part + RECIPE, self.target + RECIPE)
        except OSError as err:
            raise self.named(err) from None

    def named(self, err: OSError) -> OSError:
        """The error, naming the file that could not be written (for its one line)."""
        if err.filename is None:
            err.filename = "stdout" if self.stream is not None else self.part
        return err

    def close_previous(self) -> None:
        for previous in self.previous:
            previous.handle.close()
        self.previous = []


Span = tuple[int, int]  # a line's offset and length in its file
HEAD = b'{"source": '  # how every record starts
DECODER = json.JSONDecoder()


class Previous:
    """A JSONL file an earlier run left, scanned only as far as the lines asked for: each
    input's line is found by its source, in whatever order the inputs now come."""

    def __init__(self, handle: BinaryIO, why: str = ""):
        self.handle = handle
        self.why = why  # why its lines cannot be kept: another recipe made them ('' if not)
        self.mtime_ns = os.fstat(handle.fileno()).st_mtime_ns  # when its last line was written
        self.spans: dict[str, Span] = {}
        self.scanned = 0  # the offset up to which lines are in `spans`
        self.ended = False  # at the end, or at a torn last line

    @classmethod
    def open(cls, path: str, why: str = "") -> Previous | None:
        try:
            if not stat.S_ISREG(os.stat(path).st_mode):  # never open a FIFO: it would wait
                return None
            return cls(open(path, "rb"), why)
        except OSError:
            return None

    def find(self, source: str) -> Span | None:
        while source not in self.spans and not self.ended:
            self.handle.seek(self.scanned)
            line = self.handle.readline()
            if not line.endswith(b"\n"):
                self.ended = True
                break
            found = source_of(line)
            if found is not None:
                self.spans.setdefault(found, (self.scanned, len(line)))
            self.scanned += len(line)
        return self.spans.get(source)

    def read(self, span: Span) -> bytes:
        self.handle.seek(span[0])
        return self.handle.read(span[1])


def source_of(line: bytes) -> str | None:
    """A record's source, read from its start alone (the rest may be long)."""
    if not line.startswith(HEAD):
        return None
    try:
        found, _ = DECODER.raw_decode(line.decode("utf-8", "surrogatepass"), len(HEAD))
    except ValueError:
        return None
    return found if isinstance(found, str) else None


def why_not_same(path: str, recipe: Recipe) -> str:
    """'' if the recipe file at `path` names `recipe`; else why lines made with it are not kept."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return UNRECORDED
        with open(path, "rb") as handle:
            found = parse_recipe(handle.read(MAX_RECIPE_BYTES))
    except OSError:
        return UNRECORDED
    if found is None:
        return UNRECORDED
    return "" if found[0] == recipe.key else recipe.changes_since(found[1])


def reusable(line: bytes, source: str, output: str | None) -> bool:
    """Whether a whole line is a good record of this input, writing `output` (None: no -o)."""
    try:
        data = json.loads(line.decode("utf-8", "surrogatepass"))
    except ValueError:
        return False
    return (isinstance(data, dict) and data.get("source") == source and data.get("status") in REUSABLE
            and data.get("output") == output)
