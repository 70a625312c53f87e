"""Inputs named by a list (`--files-from`: one path per line, optionally a tab and the page's
URL, as a scraper's manifest gives them), in the list's order. A URL matters because site
rules are chosen by host, and it goes into each record."""
from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator

from .inputs import Input, clean_name, file_input, output_names
from .model import Status

URL_SCHEME = re.compile(r"https?://[^\s/?#]+", re.I)


def listed_inputs(lines: Iterable[bytes], suffix: str, list_name: str) -> Iterator[Input]:
    """The inputs a list names, in its order: each line a path (relative to the current folder,
    or absolute), optionally a tab and the page's URL; blank lines and lines starting with '#'
    are skipped. A path's output goes to the same relative path under -o (an absolute path
    without its leading '/'), named as the walk would name it. A line whose path climbs out
    with '..', or whose URL is not http(s), is a problem of its own; a path listed twice is
    cleaned once."""
    entries: list[tuple[int, str, str | None, str | None]] = []  # line, path, url, problem
    seen: dict[str, int] = {}
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip(b"\r\n")
        if not line.strip() or line.startswith(b"#"):
            continue
        path_bytes, _, url_bytes = line.partition(b"\t")
        path = os.fsdecode(path_bytes)
        url = url_bytes.decode("utf-8", "replace").strip() or None
        where = f"{list_name}, line {number}"
        problem = None
        if url is not None and not URL_SCHEME.match(url):
            problem = f"its URL {url!r} ({where}) does not start with http:// or https://; fix the list"
        elif ".." in path.split(os.sep):
            problem = (f"its path climbs out with '..' ({where}); list it as an absolute path "
                       "or from a folder above it")
        elif path in seen:
            problem = f"listed twice ({where}, first on line {seen[path]}); cleaned once"
        seen.setdefault(path, number)
        entries.append((number, path, url, problem))
    folders: dict[str, list[str]] = {}
    for _, path, _, problem in entries:
        if problem is None:
            folders.setdefault(os.path.dirname(os.path.normpath(path)), []).append(path)
    names: dict[str, str | None] = {}
    for paths in folders.values():
        names.update(zip(paths, output_names([os.path.basename(p) for p in paths], suffix), strict=True))
    for _, path, url, problem in entries:
        if problem is not None:
            twice = problem.startswith("listed twice")
            yield Input(path, problem=problem, status=Status.SKIPPED if twice else Status.FAILED)
            continue
        folder = os.path.dirname(os.path.normpath(path))
        rel = tuple(clean_name(part) for part in folder.split(os.sep) if part and part != ".")
        found = file_input(path, names[path], rel, folder or ".")
        if found is not None:
            yield found if url is None or found.problem else found.with_url(url)


def read_list(name: str) -> list[bytes]:
    """The lines of a --files-from list ('-': standard input), as bytes: paths need not be UTF-8.
    Raises OSError."""
    if name == "-":
        return sys.stdin.buffer.read().splitlines()
    with open(name, "rb") as handle:
        return handle.read().splitlines()
