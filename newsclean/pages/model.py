"""What the page readers give: a Page to clean, a Skipped record (counted by its reason, never a
failure), or a Problem with one line of a record file (reading goes on)."""
from __future__ import annotations

from dataclasses import dataclass

from ..labels import Label
from ..sniff import InputType


@dataclass(frozen=True)
class Page:
    """One page out of an archive or a record file: what `clean` needs, and where it came from.

    `source` names it for a report or a resume: `crawl.warc.gz#<urn:uuid:...>` (the WARC record),
    `dump.jsonl#<id>` or `dump.jsonl#<line number>` (a record). `data` is the payload as
    served, Content-Encoding undone (bytes), or the record's field (str). `charset` is the one
    the HTTP Content-Type header named, for `clean(..., charset=)`; `crawl_date` the WARC-Date
    (ISO 8601) as the archive wrote it."""

    source: str
    data: bytes | str
    url: str | None = None
    input_type: InputType = InputType.AUTO
    charset: str | None = None
    crawl_date: str | None = None
    record_id: str | None = None


class SkipReason(Label):
    """Why a record gives no page: a closed set, so that callers can count skips by reason."""

    REQUEST = "request"  # what the crawler sent, not what it got
    REVISIT = "revisit"  # "same as an earlier capture": no payload of its own
    METADATA = "metadata"  # warcinfo, metadata, continuation records: about the crawl, no page
    REDIRECT = "redirect"  # HTTP 3xx (detail: the status and the Location)
    STATUS = "status"  # any other status but 200 (detail: the status)
    NOT_PAGE = "not-html"  # a payload that is no HTML or text: an image, JSON, a PDF (detail: which)
    ENCODING = "encoding"  # a Content-Encoding that cannot be undone here (detail: which)
    TOO_LARGE = "too-large"  # a payload past MAX_PAGE_BYTES (detail: its size)
    EMPTY = "empty"  # no payload bytes, or an empty html/text field


@dataclass(frozen=True)
class Skipped:
    """A record that holds no page to clean: not an error, counted by `reason`. `detail` says
    more for some reasons ("image/png", "404 Not Found", "br")."""

    source: str
    reason: SkipReason
    detail: str = ""


@dataclass(frozen=True)
class Problem:
    """A line of a record file that cannot give a page (invalid JSON, no html or text field, a
    field of the wrong type); the lines after it are still read. Prints as `path:line: message`."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"
