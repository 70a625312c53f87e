"""Files written whole or not at all, and the small facts about paths that batch work needs.

A file is written to a temporary name in its own folder and then renamed over the target, so a
reader (or a rerun after a kill) sees the old file or the new one, never half of one. The
temporary names end in TEMP_SUFFIX, which no input maps to, so what a killed run left behind
can be found and removed.
"""
from __future__ import annotations

import errno
import itertools
import os
from contextlib import suppress

TEMP_SUFFIX = ".newsclean-tmp"  # `.[tag.]<pid>-<n>.newsclean-tmp`: never a name an input maps to
_TEMP_NAMES = itertools.count()  # with the pid: unique among processes writing one folder
# a write that fails so gives no chance to the writes after it: a batch stops there
NO_ROOM = frozenset({errno.ENOSPC, errno.EDQUOT})
# errno -> (what happened, what to try), for "cannot write PATH: what; what to try"
WRITE_PROBLEMS = {
    errno.ENOSPC: ("the disk is full (No space left on device)", "free some space, then rerun"),
    errno.EDQUOT: ("the disk quota is used up (Disk quota exceeded)", "free some space, then rerun"),
    errno.EFBIG: ("it would be larger than the file system or the file size limit allows (File too large)",
                  "raise the limit (ulimit -f) or write elsewhere, then rerun"),
    errno.EACCES: ("permission denied", "check its folder's permissions, or choose another place"),
    errno.EPERM: ("permission denied", "check its folder's permissions, or choose another place"),
    errno.EROFS: ("the file system is read-only", "choose another place"),
}


def write_atomic(target: str, data: bytes, tag: str = "") -> None:
    """Write `data` to `target` whole or not at all: a temporary file in the same folder (made
    if missing), then a rename. Raises OSError; the temporary file is gone either way. A `tag`
    (a batch shard's) goes into the temporary name, so that a run clears only its own."""
    folder = os.path.dirname(target) or os.curdir
    os.makedirs(folder, exist_ok=True)
    temp = os.path.join(folder, temp_name(tag))
    try:
        with open(temp, "xb") as handle:
            handle.write(data)
        os.replace(temp, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise


def write_problem(err: OSError) -> tuple[str, str]:
    """Why a file could not be written, and what to try (neither holds a ';')."""
    what, hint = WRITE_PROBLEMS.get(err.errno or 0, (None, "check where it goes, then rerun"))
    return what or (err.strerror or str(err)).replace(";", ","), hint


def temp_name(tag: str = "") -> str:
    """A temporary file name no other process writing the same folder uses (pid and counter),
    and that no input maps to; with a shard's `tag` in it."""
    return f".{tag + '.' if tag else ''}{os.getpid()}-{next(_TEMP_NAMES)}{TEMP_SUFFIX}"


def same_bytes(path: str, data: bytes) -> bool:
    """Whether the file at `path` holds exactly `data` (False if it cannot be read)."""
    try:
        if os.stat(path).st_size != len(data):
            return False
        with open(path, "rb") as handle:
            return handle.read() == data
    except OSError:
        return False


def remove_temp_files(folder: str, tag: str = "") -> int:
    """Delete the temporary files a killed run left anywhere under `folder`; how many. With a
    `tag`, only those written with it (other shards may be writing into the same folder)."""
    removed = 0
    mine = f".{tag}." if tag else "."
    for where, _, names in os.walk(folder):
        for name in names:
            if name.endswith(TEMP_SUFFIX) and name.startswith(mine):
                with suppress(OSError):
                    os.unlink(os.path.join(where, name))
                    removed += 1
    return removed


def remove_temp_files_of(folder: str, pid: int) -> None:
    """Delete the temporary files process `pid` (killed while writing) left in `folder`."""
    with suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith(f".{pid}-") and entry.name.endswith(TEMP_SUFFIX):
                with suppress(OSError):
                    os.unlink(entry.path)


def printable(path: str) -> str:
    """A path as text that can be printed and put in JSON (undecodable bytes become U+FFFD)."""
    return os.fsencode(path).decode("utf-8", "replace")


FileId = tuple[int, int]  # (device, inode): one file, whatever the path it is reached by


def file_id(info: os.stat_result) -> FileId:
    return (info.st_dev, info.st_ino)


def is_inside(path: str, folder: str) -> bool:
    """Whether `path` lies below `folder` (both real paths; a folder is not inside itself)."""
    return path.startswith(folder.rstrip(os.sep) + os.sep)
