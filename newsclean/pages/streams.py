"""Archive files as streams of their plain bytes: gzip undone whatever its layout (one member per
WARC record, as crawlers write; one member for the whole file, as `gzip crawl.warc` makes; a
JSONL dump gzipped either way), and damage noted rather than raised, so that a reader can give
every record before it and then say what went wrong.

Python's gzip module is not used: on a file cut short it raises EOFError and drops the block it
was decompressing, and warcio reads an EOFError from its input as the end of the archive, so
the last pages before the cut, and the cut itself, would go unnoticed.
"""
from __future__ import annotations

import io
import zlib
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b"
READ_BYTES = 1 << 16  # compressed bytes read at a time
# decompressed bytes made per step at most: a gzip bomb (1 KB to 1 GB) streams in pieces of
# this size instead of landing in memory whole
STEP_BYTES = 1 << 20


class Gunzip(io.RawIOBase):
    """The decompressed bytes of a gzip file of one or more members, read as a stream.

    A file that is cut short, holds bytes that are not gzip after a member, or has damaged
    compressed data ends early: `read` then gives what came before the damage and then b"", and
    `damage` says what was found (None for a sound file). Never raises for bad data."""

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__()
        self.raw = raw
        self.inflater = zlib.decompressobj(31)
        self.pending = b""  # compressed bytes read from the file, not yet decompressed
        self.out = b""  # decompressed bytes, given out from self.at on
        self.at = 0
        self.given = 0  # decompressed bytes given out: tell()
        self.raw_read = 0  # compressed bytes read from the file
        self.ended = False
        self.damage: str | None = None

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.given

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        chunk = self.read(len(buffer))
        buffer[:len(chunk)] = chunk
        return len(chunk)

    def read(self, size: int | None = -1) -> bytes:
        """Up to `size` bytes (all that is left: -1 or None); b"" at the end or the damage."""
        if size is None or size < 0:
            return self.readall()
        while self.at == len(self.out) and not self.ended:
            self.step()
        chunk = self.out[self.at:self.at + size]  # one copy: warcio reads 16 KiB at a time
        self.at += len(chunk)
        self.given += len(chunk)
        return chunk

    def close(self) -> None:
        self.raw.close()
        super().close()

    def step(self) -> None:
        """Decompress one piece, start the next member, or end (sound or damaged)."""
        if self.inflater.eof:
            self.next_member()
            return
        if not self.pending:
            self.pending = self.read_raw()
            if not self.pending:
                self.end("the file ends inside a gzip member (it was cut short)")
                return
        try:
            self.out, self.at = self.inflater.decompress(self.pending, STEP_BYTES), 0
        except zlib.error as err:
            self.end(f"damaged gzip data near byte {self.offset()} ({err})")
            return
        self.pending = self.inflater.unconsumed_tail

    def next_member(self) -> None:
        """After a member: another member, the end of the file, or bytes that are no gzip."""
        rest = self.inflater.unused_data
        while len(rest) < len(GZIP_MAGIC):
            more = self.read_raw()
            if not more:
                break
            rest += more
        if not rest:
            self.ended = True
            return
        if not rest.startswith(GZIP_MAGIC):
            self.pending = rest
            self.end(f"bytes that are no gzip follow a gzip member, at byte {self.offset()}")
            return
        self.inflater = zlib.decompressobj(31)
        self.pending = rest

    def read_raw(self) -> bytes:
        data = self.raw.read(READ_BYTES)
        self.raw_read += len(data)
        return data

    def offset(self) -> int:
        """Where in the compressed file decompression stands (for messages)."""
        return self.raw_read - len(self.pending)

    def end(self, damage: str) -> None:
        self.ended = True
        self.damage = damage


def open_stream(path: str, lines: bool = False) -> tuple[BinaryIO, Gunzip | None]:
    """The file's plain bytes: through Gunzip when it starts as gzip does (whatever its name),
    else the file itself; and the Gunzip, to ask about damage when the reading ends. `lines`:
    buffered, to read line by line (warcio reads blocks and buffers them itself). Raises
    OSError."""
    raw = open(path, "rb")  # closed by the caller, through the stream it is under
    if raw.peek(len(GZIP_MAGIC))[: len(GZIP_MAGIC)] != GZIP_MAGIC:
        return raw, None
    unzipped = Gunzip(raw)
    return (io.BufferedReader(unzipped, READ_BYTES) if lines else unzipped), unzipped  # type: ignore[return-value]
