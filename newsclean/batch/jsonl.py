"""The JSONL log: one line per input, in input order (`record`), written to FILE.part and
renamed to FILE when the run completes; a rerun keeps the previous run's lines for as long
as they match the inputs in order and are newer than them."""
from __future__ import annotations

import json
import os
from contextlib import nullcontext, suppress
from pathlib import Path
from typing import BinaryIO

from ..article import Article
from .model import Outcome, Status

REUSABLE = ("ok", "empty")  # JSONL records a rerun keeps; failures are tried again
# the article's fields when there is no article: an empty list where the field is a list, else null
BLANK_ARTICLE: dict[str, list[str] | None] = {
    key: ([] if isinstance(value, list) else None)
    for key, value in Article(text="", markdown="").to_dict().items()}


def record(source: str, status: Status, error: str | None, article: Article | None = None,
           output: str | None = None) -> bytes:
    """One JSONL line: source, status, error, output, then the article's fields (null when
    there is no article)."""
    data: dict[str, object] = {"source": source, "status": status.value, "error": error, "output": output}
    data.update(article.to_dict() if article is not None else BLANK_ARTICLE)
    return (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8", "surrogatepass")


def record_of(outcome: Outcome) -> bytes:
    return record(outcome.source, outcome.status, outcome.error, None, outcome.output)


class JsonlOut:
    """Where JSONL lines go, in input order: a stream, or FILE.part renamed to FILE when the
    run completes. Resuming, the previous run's lines (FILE.part of a killed run, else FILE)
    are kept as long as they match the inputs in order and are newer than them; the rest of
    the file is cut there and written anew."""

    def __init__(self, path: Path | None, stream: BinaryIO | None, *, resume: bool):
        self.stream = stream
        self.handle: BinaryIO | None = None
        self.reader: BinaryIO | None = None  # the handle, while the previous run's lines are read
        self.previous_ns = 0
        self.target: str | None = None  # FILE, which FILE.part becomes when the run completes
        if stream is not None or path is None:
            return
        self.target = os.fspath(path)
        self.part = self.target + ".part"
        if resume and not os.path.exists(self.part) and os.path.isfile(self.target):
            os.replace(self.target, self.part)
        if resume and os.path.isfile(self.part):
            self.handle = self.reader = open(self.part, "r+b")
            self.previous_ns = os.fstat(self.handle.fileno()).st_mtime_ns
        else:
            self.handle = open(self.part, "wb")

    @property
    def active(self) -> bool:
        return self.stream is not None or self.handle is not None

    def reuse(self, source: str, mtime_ns: int, line: bytes | None = None) -> bool:
        """Keep the previous run's next line if it is this input's, still good (or equal to
        `line`); else cut the file there and stop reusing."""
        if self.reader is None:
            return False
        start = self.reader.tell()
        old = self.reader.readline()
        if old.endswith(b"\n") and (old == line if line is not None else
                                    mtime_ns < self.previous_ns and matches(old, source)):
            return True
        self.stop_reading(start)
        return False

    def stop_reading(self, at: int | None = None) -> None:
        """Cut the previous run's lines at `at` (default: where reading got to); write from there."""
        if self.reader is None:
            return
        self.reader.seek(self.reader.tell() if at is None else at)
        self.reader.truncate()
        self.reader = None

    def write(self, line: bytes) -> None:
        if self.stream is not None:
            self.stream.write(line)
        elif self.handle is not None:
            self.stop_reading()
            self.handle.write(line)

    def close(self, complete: bool) -> None:
        if self.stream is not None:
            with suppress(BrokenPipeError) if not complete else nullcontext():
                self.stream.flush()
            return
        if self.handle is None:
            return
        if complete:  # inputs gone since: their lines go too
            self.stop_reading()
        self.handle.close()
        if complete and self.target is not None:
            os.replace(self.part, self.target)


def matches(line: bytes, source: str) -> bool:
    try:
        data = json.loads(line)
    except ValueError:
        return False
    return isinstance(data, dict) and data.get("source") == source and data.get("status") in REUSABLE
