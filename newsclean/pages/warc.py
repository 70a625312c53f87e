"""The pages in a WARC file (wget --warc-file, Heritrix, Browsertrix, Common Crawl WARC and WET).

Records are read with warcio (the `warc` extra), from the file's plain bytes (streams.py undoes
gzip whether each record is its own member or the whole file is one). A record gives a Page
when it is a `response` with HTTP status 200, a `resource` (a file stored as it is, its WARC
Content-Type its type) or a `conversion` (a WET file's extracted text), and its payload is HTML
or text: by its Content-Type (PAGE_TYPES), or, when it has none, by newsclean.sniff's rules.
Every other record is Skipped with its reason. The payload keeps the bytes the server sent,
chunking and Content-Encoding undone; the charset of the HTTP Content-Type goes with it, for
clean() to decode by (a browser puts it above the page's <meta charset>).

Damage: the records before it are given, then DamagedArchive (an InputError) says what was
found and where: a file cut short (inside a gzip member, a record's headers or its payload),
bytes that are no gzip or no WARC record, damaged compressed data. A file that is no WARC at
all raises InputError before giving anything.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Any

from .. import sniff
from ..errors import DamagedArchive, InputError, MissingExtra
from ..sniff import InputType
from .model import Page, Skipped, SkipReason
from .streams import Gunzip, open_stream

MAX_PAGE_BYTES = sniff.MAX_BYTES  # a payload past this is no article page (clean()'s default cap)
SHOWN_CHARS = 40  # of a line that is no WARC record, in the message
# media types that hold a page, and the path that reads each
PAGE_TYPES = {
    "text/html": InputType.HTML,
    "application/xhtml+xml": InputType.HTML,
    "text/plain": InputType.TEXT,
}
PAGE_RECORDS = ("response", "resource", "conversion")  # the record types that can hold a page
SKIPPED_RECORDS = {"request": SkipReason.REQUEST, "revisit": SkipReason.REVISIT}  # else METADATA
# Content-Encodings that compress: without a decoder for one (br needs the brotli package), or
# with two codings stacked, the payload cannot be read. Other values (identity, nonsense) leave
# the bytes as they are, and so does x-gzip, which warcio does not know: clean() gunzips those
COMPRESSIONS = ("gzip", "deflate", "br", "zstd", "compress", "x-compress")
CHARSET = re.compile(r"""charset\s*=\s*["']?([^"';,\s]+)""", re.IGNORECASE)


def read_warc(path: str | os.PathLike[str]) -> Iterator[Page | Skipped]:
    """Every record of the WARC (or WET) file at `path`, in order: a Page, or Skipped with why.

    Raises MissingExtra without warcio, OSError when the file cannot be opened, InputError
    when it is no WARC file (nothing given), DamagedArchive after the records before damage."""
    archive_iterator = load_warcio()
    name = os.fspath(path)
    stream, gunzip = open_stream(name)
    with stream:
        # defaults said aloud: ARC records stay ARC (they are refused below: arc2warc would give
        # them random record ids), records without HTTP headers get none made up
        records = archive_iterator(stream, arc2warc=False, ensure_http_headers=False)
        count = 0
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except Exception as err:  # any failure inside warcio: damaged bytes, not our bug
                raise damaged(name, gunzip, count, what_failed(err), err) from err
            count += 1
            if record.format != "warc":
                raise InputError("an ARC file; newsclean reads WARC: convert it with "
                                 "`warcio recompress FILE.arc.gz FILE.warc.gz`")
            record_id = record.rec_headers.get_header("WARC-Record-ID")
            item = read_record(record, f"{name}#{record_id or count}")
            drain(record.raw_stream)
            if problem := cut_short(record):
                raise damaged(name, gunzip, count - 1, problem)
            yield item
        # warcio ends quietly when a record's headers are cut: its offset then stops short of
        # what the stream gave (see ArchiveIterator.read_to_end)
        if gunzip is not None and gunzip.damage or records.offset < stream.tell():
            raise damaged(name, gunzip, count, "the file ends inside the next record's headers")
        if count == 0:
            raise InputError("the file is empty; give a WARC file")


def load_warcio() -> Any:
    """warcio's ArchiveIterator, or MissingExtra saying how to install it."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise MissingExtra("reading WARC files needs warcio: pip install 'newsclean[warc]'") from None
    return ArchiveIterator


def read_record(record: Any, source: str) -> Page | Skipped:
    """The page in one record, or why there is none."""
    kind = record.rec_type or ""
    if kind not in PAGE_RECORDS:
        return Skipped(source, SKIPPED_RECORDS.get(kind, SkipReason.METADATA), kind)
    http = record.http_headers
    if http is not None:  # a response over HTTP
        status = http.get_statuscode()
        if status != "200":
            return skip_status(source, http)
        content_type = http.get_header("Content-Type")
    else:  # a resource, a WET conversion, a response of another scheme (dns:)
        content_type = record.content_type
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if media and media not in PAGE_TYPES:
        return Skipped(source, SkipReason.NOT_PAGE, media)
    encoding = (http.get_header("Content-Encoding") or "").strip().lower() if http else ""
    codings = [coding for coding in map(str.strip, encoding.split(",")) if coding in COMPRESSIONS]
    if len(codings) > 1 or codings and codings[0] not in decoders():
        return Skipped(source, SkipReason.ENCODING, encoding)
    data = record.content_stream().read(MAX_PAGE_BYTES + 1)
    if len(data) > MAX_PAGE_BYTES:
        return Skipped(source, SkipReason.TOO_LARGE, f"over {MAX_PAGE_BYTES} bytes")
    if not data.strip():
        return Skipped(source, SkipReason.EMPTY)
    if not media and (binary := sniff_binary(data)):
        return Skipped(source, SkipReason.NOT_PAGE, binary)
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI")
    charset = CHARSET.search(content_type or "")
    return Page(source=source, data=data,
                url=url if url and url.startswith(("http://", "https://")) else None,
                input_type=PAGE_TYPES.get(media, InputType.AUTO),
                charset=charset.group(1) if charset else None,
                crawl_date=headers.get_header("WARC-Date"),
                record_id=headers.get_header("WARC-Record-ID"))


def skip_status(source: str, http: Any) -> Skipped:
    status = " ".join(http.statusline.split()) or "no status line"
    if http.get_statuscode().startswith("3"):
        location = http.get_header("Location")
        return Skipped(source, SkipReason.REDIRECT, f"{status} -> {location}" if location else status)
    return Skipped(source, SkipReason.STATUS, status)


def decoders() -> set[str]:
    """The Content-Encodings warcio undoes here (br only with the brotli package)."""
    from warcio.bufferedreaders import BufferedReader

    return set(BufferedReader.get_supported_decompressors())


def sniff_binary(data: bytes) -> str | None:
    """What a payload without a Content-Type is when sniff would refuse it (a PNG image,
    binary data), or None for a page, HTML or text."""
    try:
        data = sniff.gunzip(data)
    except InputError:
        return "damaged or oversized gzip data"
    for magic, name in sniff.MAGIC:
        if data.startswith(magic):
            return name
    try:
        sniff.refuse_binary(data)
    except InputError:
        return "binary data"
    return None


def drain(stream: Any) -> None:
    """Read what is left of a record, as warcio would before the next one."""
    while stream.read(1 << 16):
        pass


def cut_short(record: Any) -> str | None:
    """What is wrong with a record the file ended inside (its payload, or its headers: those
    then lack a Content-Length or end inside it), or None for a whole record."""
    declared = (record.rec_headers.get_header("Content-Length") or "").strip()
    if not declared.isdigit():
        return "the next record has no valid Content-Length (or is cut short in its headers)"
    if getattr(record.raw_stream, "limit", 0) > 0:
        return "the next record is cut short"
    return None


def what_failed(err: Exception) -> str:
    """warcio's complaint, shortened to a phrase: its messages span lines and quote bytes."""
    line = first_line(err)
    if line is not None:
        return f"bytes that are no WARC record follow ({line!r})"
    return f"a record warcio cannot read follows ({type(err).__name__}: {' '.join(str(err).split())[:80]})"


def first_line(err: Exception) -> str | None:
    """The line warcio found where a record should start, printable, if that was its complaint."""
    text = " ".join(str(err).split())
    if not text.startswith(("Invalid WARC record, first line:", "Unknown archive format, first line:")):
        return None
    line = text.split("first line:", 1)[1].strip()
    return "".join(ch if ch.isprintable() else "." for ch in line[:SHOWN_CHARS])


def damaged(name: str, gunzip: Gunzip | None, count: int, found: str,
            err: Exception | None = None) -> InputError:
    """The error for a file whose reading stops after `count` records: what the gzip layer saw
    explains more than the WARC layer's symptom of it. A file whose first record is no WARC
    record, with sound gzip, is no WARC file at all."""
    if gunzip is not None and gunzip.damage:
        found = gunzip.damage
    elif count == 0 and err is not None and first_line(err) is not None:
        with open_stream(name, lines=True)[0] as stream:
            start = stream.readline(SHOWN_CHARS).decode("latin-1").strip()
        shown = "".join(ch if ch.isprintable() else "." for ch in start)
        return InputError(f"not a WARC file (it starts with {shown!r}); give a .warc or .warc.gz file")
    return DamagedArchive(f"damaged archive: after {count} records, {found}; the rest of the file "
                          "cannot be read; re-download it", count)
