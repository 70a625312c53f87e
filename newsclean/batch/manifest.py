"""The record, under -o, of what made each output: a rerun cleans again the outputs made with
another recipe (batch/recipe.py), or that nothing records, and skips the rest.

The records live in OUT/.newsclean/, a file per run: `<pid>-<time>-<random>.claims`, created
at the run's first record and locked (flock) while the run lasts. One writer per file, so runs
that write into one -o at once (shards) never clobber each other's records; a run reads all
the files. No output is named like them (outputs end in the format's suffix), and the walk
never enters -o. A file holds lines of two kinds:

    {"recipe": KEY, "made_with": {"newsclean version": "0.1.0", "--format": "markdown", ...}}
    ["a/b.md", KEY, SOURCE, input size, input mtime_ns, output size, output mtime_ns]
    ["crawl.jsonl", KEY, SOURCE, input size, input mtime_ns, output size, output mtime_ns, 1]

A claim is appended, in one write, after its output has been renamed into place, and names
the size and mtime of the file written (or kept, when the bytes came out the same): it holds
only while the output is that file. So a kill at any moment never leaves a claim for a file
that was not written whole (a torn last line is ignored), and an older claim never covers a
file written after it (by a run with another recipe, killed before it could record). SOURCE
is null unless the format writes it into the file (JSON). An output without a claim that
holds is cleaned again, and left as it is if its bytes come out the same.

The second kind (a trailing 1) claims an archive's JSONL file in which some pages failed (or
whose reading stopped at damage): a rerun of the same recipe reads the archive again, keeps
the lines of the pages that were cleaned, and cleans only the others, so one page that times
out does not cost a whole archive's cleaning at every rerun.

When a complete run finds MERGE_AFTER files or more, it merges those no live run holds into
one (the newest claim per output), so reading them stays in proportion to the outputs.
Records that cannot be written are given up silently: their outputs are cleaned again next
time. Deleting OUT/.newsclean is safe; the next run then cleans every page again.
"""
from __future__ import annotations

import hashlib
import json
import os
import secrets
import time
from contextlib import suppress
from typing import Any

from ..files import write_atomic
from .recipe import UNRECORDED, Recipe, parse_recipe

try:
    import fcntl
except ImportError:  # not a POSIX system: records are kept, never merged
    fcntl = None  # type: ignore[assignment]

FOLDER = ".newsclean"  # under -o
SUFFIX = ".claims"
MERGE_LOCK = "merge.lock"  # one merging run at a time
MERGE_AFTER = 8  # files of records: then a complete run merges those no live run holds
DIGEST_BYTES = 16  # a claim is kept in memory as a blake2b digest (about 120 bytes an output)


class Claims:
    """The records of one -o folder: read when the run starts, appended to as it goes."""

    def __init__(self, out_dir: str | None, recipe: Recipe):
        self.recipe, self.key = recipe, recipe.key
        self.folder = os.path.join(out_dir, FOLDER) if out_dir is not None else None
        self.prefix = os.path.join(out_dir, "") if out_dir is not None else ""
        # output -> its claim's digest, then the index of its key in `keys` (4 bytes): one bytes
        # object, which the garbage collector does not track (forked workers share the pages)
        self.held: dict[str, bytes] = {}
        self.keys: list[str] = []
        self.numbers: dict[str, int] = {}
        self.made_with: dict[str, dict[str, str] | None] = {}
        self.fd: int | None = None  # this run's file, opened at its first record
        self.path = ""
        self.given_up = False
        for path in self.files():
            self.read(path)

    # ---- reading ----

    def files(self) -> list[str]:
        """The record files, oldest first (later claims for an output override earlier ones)."""
        if self.folder is None:
            return []
        found = []
        try:
            with os.scandir(self.folder) as listing:
                for entry in listing:
                    if entry.name.endswith(SUFFIX):
                        with suppress(OSError):
                            if entry.is_file():
                                found.append((entry.stat().st_mtime_ns, entry.name))
        except OSError:  # none yet, or not a folder: nothing recorded
            return []
        return [os.path.join(self.folder, name) for _, name in sorted(found)]

    def read(self, path: str) -> None:
        try:
            with open(path, "rb") as handle:
                for line in handle:
                    if line.endswith(b"\n"):  # else torn: its writer was killed
                        self.take(line)
        except OSError:
            return

    def take(self, line: bytes) -> None:
        if line.startswith(b"{"):
            found = parse_recipe(line)
            if found is not None:
                self.made_with[found[0]] = found[1]
            return
        claim = parse_claim(line)
        if claim is not None:
            number = self.numbers.get(claim[1])
            if number is None:
                number = self.numbers[claim[1]] = len(self.keys)
                self.keys.append(claim[1])
            self.held[claim[0]] = digest(claim[1:]) + number.to_bytes(4, "big")

    # ---- asking and recording ----

    def why_stale(self, target: str, source: str, size: int, mtime_ns: int,
                  out: os.stat_result, *, partial: bool = False) -> str | None:
        """None when a claim holds for the output at `target` as it is, made from this input
        (`size`, `mtime_ns`) with this run's recipe (a partial claim, with `partial`); else
        why it must be cleaned again."""
        held = self.held.get(self.rel(target))
        if held is None:
            return UNRECORDED
        claim = [self.key, self.source(source), size, mtime_ns, out.st_size, out.st_mtime_ns]
        if held[:DIGEST_BYTES] == digest(claim + [1] if partial else claim):
            return None
        key = self.keys[int.from_bytes(held[DIGEST_BYTES:], "big")]
        if key != self.key:
            return self.recipe.changes_since(self.made_with.get(key))
        return UNRECORDED  # this recipe, but the output or its input is not the one recorded

    def record(self, target: str, source: str, size: int, mtime_ns: int, made: tuple[int, int], *,
               partial: bool = False) -> None:
        """Claim the output at `target`, whose file now has `made` (size, mtime_ns), for this
        input and recipe (`partial`: an archive's file with pages still to clean). Call it only
        once the file is in place."""
        if self.folder is None or self.given_up:
            return
        claim = [self.rel(target), self.key, self.source(source), size, mtime_ns, *made]
        if partial:
            claim.append(1)
        line = (json.dumps(claim, ensure_ascii=True) + "\n").encode("ascii")
        try:
            if self.fd is None:
                self.open()
            assert self.fd is not None
            if os.write(self.fd, line) != len(line):
                raise OSError("short write")
        except OSError:  # full disk, read-only folder: those outputs are cleaned again next time
            self.given_up = True

    def open(self) -> None:
        assert self.folder is not None
        os.makedirs(self.folder, exist_ok=True)
        self.path = os.path.join(self.folder, new_name())
        # made under a name no merge reads, locked, then named: a merging run never finds the
        # file unlocked between its creation and its lock (it would take it for a dead run's)
        making = self.path[:-len(SUFFIX)] + ".new"
        self.fd = os.open(making, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o644)
        if fcntl is not None:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a new file: never held already
        os.rename(making, self.path)
        line = self.recipe.line()
        if os.write(self.fd, line) != len(line):
            raise OSError("short write")

    def close(self, complete: bool) -> None:
        """Stop recording; after a complete run, merge the record files if they are many."""
        try:
            if complete and self.folder is not None:
                with suppress(OSError):
                    merge(self.folder, self.path)
        finally:
            if self.fd is not None:
                os.close(self.fd)
                self.fd = None

    def rel(self, target: str) -> str:
        return target[len(self.prefix):].replace(os.sep, "/")

    def source(self, source: str) -> str | None:
        return source if self.recipe.writes_source else None


def parse_claim(line: bytes) -> list[Any] | None:
    """[output, key, source, input size, input mtime_ns, output size, output mtime_ns], with a
    trailing 1 for a partial claim, or None."""
    try:
        claim = json.loads(line)
    except ValueError:
        return None
    if isinstance(claim, list) and len(claim) == 8 and claim[7] == 1:
        return claim if parse_claim(json.dumps(claim[:7]).encode()) is not None else None
    if (isinstance(claim, list) and len(claim) == 7 and isinstance(claim[0], str)
            and isinstance(claim[1], str) and (claim[2] is None or isinstance(claim[2], str))
            and all(type(number) is int for number in claim[3:])):
        return claim
    return None


def digest(claim: list[Any]) -> bytes:
    """A claim without its output path, as kept in memory and compared."""
    text = json.dumps(claim, ensure_ascii=True)
    return hashlib.blake2b(text.encode("ascii"), digest_size=DIGEST_BYTES).digest()


def new_name() -> str:
    """A record file's name, unique among runs (and machines sharing the folder)."""
    return f"{os.getpid()}-{time.time_ns()}-{secrets.token_hex(4)}{SUFFIX}"


# ---- merging ----

def merge(folder: str, own: str) -> bool:
    """Merge the record files no live run holds (and this run's own, `own`) into one new
    file, once there are MERGE_AFTER of them; whether it did. The new file is in place before
    the old ones go, so a kill leaves claims twice at worst, never none."""
    if fcntl is None:
        return False
    names = sorted((entry for entry in os.listdir(folder) if entry.endswith(SUFFIX)),
                   key=lambda name: mtime_of(os.path.join(folder, name)))
    if len(names) < MERGE_AFTER:
        return False
    lock = os.open(os.path.join(folder, MERGE_LOCK), os.O_RDWR | os.O_CREAT, 0o644)
    held: list[int] = []
    try:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # another run is merging
            return False
        taken = [path for path in (os.path.join(folder, name) for name in names)
                 if path == own or hold(path, held)]
        if len(taken) < 2:
            return False
        recipes: dict[str, bytes] = {}
        claims: dict[str, tuple[str, bytes]] = {}  # output -> (key, line)
        newest = 0
        for path in taken:
            newest = max(newest, mtime_of(path))
            with open(path, "rb") as handle:
                for line in handle:
                    if not line.endswith(b"\n"):
                        continue
                    found = parse_recipe(line) if line.startswith(b"{") else None
                    claim = parse_claim(line) if found is None else None
                    if found is not None:
                        recipes[found[0]] = line
                    elif claim is not None:
                        claims[claim[0]] = (claim[1], line)
        used = {key for key, _ in claims.values()}
        data = b"".join(line for key, line in recipes.items() if key in used)
        merged = os.path.join(folder, new_name())
        write_atomic(merged, data + b"".join(line for _, line in claims.values()))
        os.utime(merged, ns=(newest, newest))  # read in its place among the files kept
        for path in taken:
            with suppress(OSError):
                os.unlink(path)
        return True
    finally:
        for fd in held:
            os.close(fd)
        os.close(lock)


def hold(path: str, held: list[int]) -> bool:
    """Lock a record file no live run holds (its descriptor joins `held`); False if one does."""
    assert fcntl is not None
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return False
    held.append(fd)
    return True


def mtime_of(path: str) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return 0
