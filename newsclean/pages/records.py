"""The pages in a JSON-lines dump, as scrapers write them: one JSON object per line, the page's
HTML or visible text in one field, its URL and an id in others. `.jsonl` or gzipped (any name:
gzip is known by its first bytes).

A line with HTML gives an HTML page, one with text only a text page. A line that cannot give a
page gives a Problem naming the file and line (invalid JSON, no html or text field, a field of
the wrong type) and the reading goes on; blank lines are passed over; a line whose page field
is empty is Skipped. A gzipped dump cut short or damaged gives its lines up to the damage, then
raises DamagedArchive.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import DamagedArchive
from ..sniff import InputType
from .model import Page, Problem, Skipped, SkipReason
from .streams import open_stream

SHOWN_FIELDS = 8  # field names listed when a line has neither page field


@dataclass(frozen=True)
class Fields:
    """Which field of a record holds what."""

    html: str = "html"
    text: str = "text"
    url: str = "url"
    id: str = "id"


def read_records(path: str | os.PathLike[str], *, html_field: str = "html", text_field: str = "text",
                 url_field: str = "url", id_field: str = "id") -> Iterator[Page | Skipped | Problem]:
    """Every line of the JSON-lines file at `path`, in order: a Page, Skipped (empty page
    field) or a Problem. Raises OSError when the file cannot be opened, DamagedArchive after
    the lines before the damage of a damaged gzip file."""
    name = os.fspath(path)
    fields = Fields(html_field, text_field, url_field, id_field)
    stream, gunzip = open_stream(name, lines=True)
    with stream:
        number = 0
        for number, line in enumerate(stream, 1):
            if gunzip is not None and gunzip.damage and not line.endswith(b"\n"):
                number -= 1  # the line the damage cut: not the writer's mistake
                break
            if line.strip():
                yield read_line(line, name, number, fields)
        if gunzip is not None and gunzip.damage:
            raise DamagedArchive(f"damaged gzip file: after {number} lines, {gunzip.damage}; the rest "
                                 "of the file cannot be read; re-download it", number)


def read_line(line: bytes, name: str, number: int, fields: Fields) -> Page | Skipped | Problem:
    """The page in one line, or the Problem with it."""
    try:
        record = json.loads(line.rstrip(b"\r\n"))
    except json.JSONDecodeError as err:
        return Problem(name, number, f"not JSON ({err.msg.removesuffix(' at')} at column {err.colno}); "
                                     "each line must be one JSON object")
    except ValueError as err:  # UnicodeDecodeError
        return Problem(name, number, f"not UTF-8 text ({err}); save the dump as UTF-8")
    if not isinstance(record, dict):
        return Problem(name, number, f"a JSON {json_type(record)}, not an object; "
                                     "each line must be one JSON object")
    for field, allowed in ((fields.html, (str,)), (fields.text, (str,)), (fields.url, (str,)),
                           (fields.id, (str, int))):
        value = record.get(field)
        if value is not None and (not isinstance(value, allowed) or isinstance(value, bool)):
            wanted = "a string" if allowed == (str,) else "a string or an integer"
            return Problem(name, number, f"field {field!r} is a JSON {json_type(value)}, not {wanted}")
    html, text = record.get(fields.html), record.get(fields.text)
    if html is None and text is None:
        found = ", ".join(repr(key) for key in list(record)[:SHOWN_FIELDS]) or "none"
        return Problem(name, number, f"no {fields.html!r} or {fields.text!r} field (it has: {found}); "
                                     "name the fields that hold the page")
    record_id = record.get(fields.id)
    source = f"{name}#{record_id if record_id is not None else number}"
    url = record.get(fields.url) or None
    record_id = None if record_id is None else str(record_id)
    if html and html.strip():
        return Page(source, html, url, InputType.HTML, record_id=record_id)
    if text and text.strip():
        return Page(source, text, url, InputType.TEXT, record_id=record_id)
    return Skipped(source, SkipReason.EMPTY)


def json_type(value: Any) -> str:
    """The JSON name of a decoded value's type."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    names: dict[type, str] = {str: "string", list: "array", dict: "object"}
    return names.get(type(value), type(value).__name__)
