"""The walk: every input under the paths, in a fixed order, with the relative output path it
maps to under -o, or the problem that keeps it from being one (a symlink loop, a FIFO, a broken
link, an output name shared with a sibling). Nothing here opens an input."""
from __future__ import annotations

import fnmatch
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from urllib.parse import quote

from ..files import FileId, file_id, printable
from ..render import Format
from .model import Status

DEFAULT_SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".md", ".warc", ".wet")  # and the same + ".gz"
SUFFIX = {Format.MARKDOWN: ".md", Format.JSON: ".json", Format.TEXT: ".txt"}
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# a host name as mirrors write it: labels of letters, digits and hyphens, a final label of
# letters (a top-level domain) or an IDN's xn--, and an optional port (wget writes host:8080)
HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})"
                  r"(?::\d{1,5})?", re.I)
INDEX_NAMES = ("index.html", "index.htm")  # wget -x saves https://host/a/ as host/a/index.html
GONE = ("it disappeared during the run (deleted or moved after the walk found it); "
        "if it is back, rerun to clean it")


@dataclass(frozen=True)
class Input:
    """A file found under the paths (or a reason it cannot be one)."""

    path: str  # to open: the argument, joined with the path below it
    rel: tuple[str, ...] = ()  # where its output goes under -o: folders, then the file name
    folder: str = ""  # the folder it was found in (learning's last-resort site)
    size: int = 0
    mtime_ns: int = 0
    ident: FileId = (0, 0)  # an output must never be its input
    problem: str | None = None
    status: Status = Status.FAILED  # of a problem
    url: str | None = None  # the page's address, when a list or the mirror's layout gives it

    def with_url(self, url: str | None) -> Input:
        return replace(self, url=url)


def find_inputs(paths: Sequence[str], suffix: str, include: Sequence[str] = (),
                exclude: Sequence[str] = (), prune: frozenset[FileId] = frozenset(),
                urls: bool = False) -> Iterator[Input]:
    """Every input under `paths`, in a fixed order: the arguments as given, each folder
    depth-first with entries sorted by name. One folder maps to the output folder itself;
    with several arguments each folder maps to a subfolder of its name. Files named on the
    command line are inputs whatever their name; files in folders must match `include`
    (default: DEFAULT_SUFFIXES, .gz too) and not `exclude`, which also prunes folders.
    `prune` holds (device, inode) of folders never to enter (the output folder). With `urls`,
    each file's URL is read off its path, the host's folder first (see lists.url_from_parts):
    the host is the folder named on the command line if its name is one, else below it."""
    chooser = Chooser(suffix, tuple(include), tuple(exclude), prune, urls)
    if len(paths) == 1 and os.path.isdir(paths[0]):
        yield from walk_folder(paths[0], (), "", chooser, (), url_root(paths[0], urls))
        return
    files = [p for p in paths if not os.path.isdir(p)]
    names = output_names([os.path.basename(p) for p in files], suffix)
    for path in paths:
        if os.path.isdir(path):
            name = clean_name(os.path.basename(os.path.realpath(path)))
            yield from walk_folder(path, (name,), "", chooser, (), url_root(path, urls))
        else:
            found = file_input(path, names[files.index(path)], (), os.path.dirname(path) or ".")
            if found is not None:  # always: nothing is pruned among the named files
                yield found


@dataclass(frozen=True)
class Chooser:
    """Which entries of a folder are inputs, and the suffix their outputs get."""

    suffix: str
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    prune: frozenset[FileId]
    urls: bool = False

    def excluded(self, name: str, below: str) -> bool:
        return any(glob_match(pattern, name, below) for pattern in self.exclude)

    def included(self, name: str, below: str) -> bool:
        if self.include:
            return any(glob_match(pattern, name, below) for pattern in self.include)
        lower = name.lower()
        return lower.removesuffix(".gz").endswith(DEFAULT_SUFFIXES)


def glob_match(pattern: str, name: str, below: str) -> bool:
    """A pattern with a '/' matches the path below the input folder, else the name alone."""
    return fnmatch.fnmatchcase(below if "/" in pattern else name, pattern.strip("/"))


def url_root(folder: str, urls: bool) -> tuple[str, ...] | None:
    """What goes before a file's path below `folder` to make its mirror path (None: no URLs)."""
    if not urls:
        return None
    name = os.path.basename(os.path.realpath(folder))
    return (name,) if is_host(name) else ()


def is_host(name: str) -> bool:
    return HOST.fullmatch(name) is not None


def url_from_parts(parts: Sequence[str]) -> str | None:
    """https://host/path for a mirror's path (host first), or None if the first part is no host.
    A trailing index.html names its folder, and a .gz the mirror added is not part of the URL."""
    if len(parts) < 2 or not is_host(parts[0]):
        return None
    rest = list(parts[1:])
    if rest[-1].lower().endswith(".gz"):
        rest[-1] = rest[-1][:-3]
    if rest[-1].lower() in INDEX_NAMES:
        rest[-1] = ""
    path = "/".join(quote(os.fsencode(part), safe="!$&'()*+,;=:@-._~?") for part in rest)
    return f"https://{parts[0].lower()}/{path}"


def walk_folder(folder: str, rel: tuple[str, ...], below: str, chooser: Chooser,
                ancestors: tuple[tuple[FileId, str], ...],
                root: tuple[str, ...] | None = None) -> Iterator[Input]:
    """The inputs in `folder` (`below` the input folder; outputs under `rel`), depth-first;
    `root` is what url_root gave for the input folder (None: no URLs)."""
    try:
        here = file_id(os.stat(folder))
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as err:
        yield Input(folder, problem=f"cannot list this folder ({err.strerror or err}); "
                                    "check its permissions")
        return
    ancestors += ((here, folder),)
    kinds: dict[str, str] = {}
    for entry in entries:
        path_below = f"{below}/{entry.name}" if below else entry.name
        if chooser.excluded(entry.name, path_below):
            continue
        if is_folder(entry):
            kinds[entry.name] = "folder"
        elif chooser.included(entry.name, path_below):
            kinds[entry.name] = "file"
    files = [name for name, kind in kinds.items() if kind == "file"]
    names = dict(zip(files, output_names(files, chooser.suffix), strict=True))
    for entry in entries:
        kind = kinds.get(entry.name)
        path = os.path.join(folder, entry.name)
        if kind == "file":
            found = file_input(path, names[entry.name], rel, folder, chooser.prune)
            if found is not None and root is not None and found.problem is None:
                found = found.with_url(url_from_parts(root + tuple(below.split("/") if below else ())
                                                      + (entry.name,)))
            if found is not None:
                yield found
        elif kind == "folder":
            try:
                ident = file_id(entry.stat())
            except OSError:
                continue
            if ident in chooser.prune:
                continue
            loop = next((where for key, where in ancestors if key == ident), None)
            if loop is not None:
                yield Input(path, problem=f"symlink loop (it leads back to {printable(loop)}); "
                                          "not followed", status=Status.SKIPPED)
                continue
            yield from walk_folder(path, rel + (clean_name(entry.name),),
                                   f"{below}/{entry.name}" if below else entry.name, chooser, ancestors,
                                   root)


def is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()  # follows symlinks: a linked folder is walked (loops are caught)
    except OSError:
        return False


def file_input(path: str, name: str | None, rel: tuple[str, ...], folder: str,
               prune: frozenset[FileId] = frozenset()) -> Input | None:
    """An Input for a file, or a problem if it is not a regular file (never opened then:
    reading a FIFO would hang); None for a file in `prune` (the JSONL being written)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            return Input(path, problem=f"broken symlink (it points to {printable(os.readlink(path))}, "
                                       "which does not exist); fix or remove the link")
        return Input(path, problem=GONE)
    except OSError as err:
        return Input(path, problem=f"cannot read it ({err.strerror or err}); check the file")
    if file_id(info) in prune:
        return None
    if not stat.S_ISREG(info.st_mode):
        return Input(path, problem=f"not a regular file ({file_kind(info.st_mode)}); "
                                   "newsclean reads files only")
    if name is None:
        return Input(path, problem="its output name would clash with another input's; "
                                   "rename one of them, or batch them separately")
    return Input(path, rel + (name,), folder, info.st_size, info.st_mtime_ns, file_id(info))


def file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a file"


def output_names(names: Sequence[str], suffix: str) -> list[str | None]:
    """Output file names for sibling inputs: the stem plus `suffix` (page.html.gz -> page.md);
    siblings that would share one keep their whole name (page.html.md, page.txt.md), so a
    name never depends on which other files exist beyond its own stem. None if still clashing."""
    def short(name: str) -> str:
        base = name[:-3] if name.lower().endswith(".gz") else name
        return clean_name(os.path.splitext(base)[0]) + suffix  # leading dots stay: ".a" -> ".a.md"

    whole = [clean_name(name) + suffix for name in names]
    chosen = [short(name) for name in names]
    for _ in range(3):  # a whole name can meet another's short name: widen that one too
        seen: dict[str, int] = {}
        for value in chosen:
            seen[value] = seen.get(value, 0) + 1
        clashing = [i for i, value in enumerate(chosen) if seen[value] > 1 and value != whole[i]]
        if not clashing:
            break
        for index in clashing:
            chosen[index] = whole[index]
    counts: dict[str, int] = {}
    for value in chosen:
        counts[value] = counts.get(value, 0) + 1
    return [value if counts[value] == 1 else None for value in chosen]


def clean_name(name: str) -> str:
    """A file or folder name safe to create: control characters become '_'."""
    return CONTROL.sub("_", name) or "_"
