"""newsclean.pages: pages out of WARC and WET archives and JSON-lines dumps, skips by reason,
damaged files, and the HTTP charset on its way to clean().

Every archive here is built by the tests with warcio's WARCWriter (gzip per record, one gzip
stream made by gzipping a plain WARC, plain); the stories are made up for these tests.
"""
from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import uuid
import zlib
from collections import Counter
from importlib.util import find_spec

import pytest

from newsclean import InputError, clean, sniff
from newsclean.errors import DamagedArchive, MissingExtra
from newsclean.pages import (
    Page,
    Problem,
    Skipped,
    SkipReason,
    clean_page,
    is_page_file,
    read_pages,
    read_records,
    read_warc,
)
from newsclean.pages.streams import Gunzip
from newsclean.sniff import InputType

needs_warcio = pytest.mark.skipif(find_spec("warcio") is None,
                                  reason="reading WARC files needs warcio: pip install '.[test,warc]'")

# ---------------------------------------------------------------- the stories

LIBRARY = [
    "The public library on Chapel Street reopened on Saturday after a year of repairs to its "
    "leaking roof, and more than four hundred people queued in the rain to be the first back "
    "through its oak doors.",
    "The head librarian, Ruth Okafor, said the building now had a reading room for teenagers, "
    "a lift to the local history archive on the upper floor and a garden where children's "
    "story hours will be held in the summer.",
    "The repairs were paid for by the county council and by a public appeal that raised almost "
    "ninety thousand pounds, much of it in small donations collected in jars at shops and pubs "
    "across the town.",
    "Opening hours will be longer than before the closure, with the library staying open until "
    "eight in the evening on weekdays, and the mobile library van will keep visiting the outlying "
    "villages every Thursday.",
]
ORCHARD = [
    "Growers in the Teme valley have started picking the earliest apples of the season two weeks "
    "ahead of the usual date, after a warm spring and a dry, sunny summer brought the fruit on "
    "faster than anyone expected.",
    "Tom Ashby, whose family has farmed the same orchards for four generations, said the crop "
    "was smaller than last year but sweeter, and that the cider makers who buy most of it were "
    "already asking for more.",
    "Pickers from the village and from abroad work in teams along the rows, and the farm shop "
    "has taken on two extra staff to cope with the visitors who come to pick their own fruit "
    "at the weekends.",
    "The growers' association warned that a shortage of lorry drivers could still leave fruit "
    "waiting in the cold stores, and asked the county council to open the old depot near the "
    "station as an overflow yard.",
]
# Latin-1 bytes with no <meta charset>: undeclared, this short page decodes as something else
# (charset-normalizer 3.x reads it as hp_roman8: "El niþo de Logroþo"); the HTTP header says
BRIEF_TITLE = "Un niño de Logroño gana el concurso"
BRIEF = ("El niño de Logroño que ganó el concurso de pintura del colegio recibió el premio el lunes "
         "por la tarde en la plaza mayor, rodeado de su familia y de sus compañeros de clase.")


def page_html(title: str, paras: list[str], head: str = "") -> str:
    body = "\n".join(f"<p>{para}</p>" for para in paras)
    return (f"<!DOCTYPE html>\n<html><head>{head}<title>{title}</title></head><body>\n"
            '<nav><a href="/">Home</a> <a href="/news">News</a></nav>\n'
            f"<article><h1>{title}</h1>\n{body}\n</article>\n"
            "<footer>Copyright 2024 The Valley Echo</footer>\n</body></html>\n")


LIBRARY_HTML = page_html("Chapel Street library reopens after roof repairs", LIBRARY,
                         '<meta charset="utf-8">')
ORCHARD_HTML = page_html("Early apple harvest in the Teme valley", ORCHARD)
BRIEF_BYTES = page_html(BRIEF_TITLE, [BRIEF]).encode("latin-1")
ORCHARD_TEXT = "Early apple harvest in the Teme valley\n\nBy Jo Hale\n\n" + "\n\n".join(ORCHARD) + "\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(300)
DATE = "2024-06-03T09:15:00Z"

# ---------------------------------------------------------------- building archives


def record_id(number: int) -> str:
    return f"<urn:uuid:{uuid.UUID(int=number)}>"


def chunked(data: bytes, size: int = 100) -> bytes:
    """HTTP chunked transfer coding of `data`."""
    pieces = [data[i:i + size] for i in range(0, len(data), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(piece), piece) for piece in pieces) + b"0\r\n\r\n"


def build(specs: list[tuple], layout: str = "records") -> bytes:
    """A WARC of records given as (type, url, payload, http headers or None, WARC
    Content-Type); `layout`: records (gzip per record), stream (one gzip stream), plain."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=layout == "records")
    for number, (kind, url, payload, http, warc_type) in enumerate(specs, 1):
        headers = {"WARC-Record-ID": record_id(number), "WARC-Date": DATE}
        if kind == "warcinfo":
            info = writer.create_warcinfo_record("test.warc.gz", {"software": "newsclean tests"})
            info.rec_headers.replace_header("WARC-Record-ID", record_id(number))
            info.rec_headers.replace_header("WARC-Date", DATE)
            writer.write_record(info)
            continue
        if kind == "revisit":
            record = writer.create_revisit_record(url, "sha1:AAAA", url, DATE,
                                                  warc_headers_dict=headers)
        else:
            status_and_headers = None
            if http is not None:
                status, fields = http
                status_and_headers = (StatusAndHeaders(status, fields, is_http_request=True)
                                      if kind == "request"
                                      else StatusAndHeaders(status, fields, protocol="HTTP/1.1"))
            record = writer.create_warc_record(
                url, kind, payload=io.BytesIO(payload) if payload else None,
                length=len(payload) if payload else 0, http_headers=status_and_headers,
                warc_content_type=warc_type or "", warc_headers_dict=headers)
        writer.write_record(record)
    data = out.getvalue()
    return gzip.compress(data) if layout == "stream" else data


def ok(content_type: str | None, *extra: tuple[str, str]) -> tuple[str, list]:
    fields = [("Content-Type", content_type)] if content_type else []
    return "200 OK", fields + list(extra)


EXAMPLE = "https://www.valleyecho.example"
CRAWL = [  # what a wget or Heritrix crawl of a news site holds, and what each must give
    ("warcinfo", "", b"", None, None),
    ("request", f"{EXAMPLE}/es/concurso", b"",
     ("GET /es/concurso HTTP/1.1", [("Host", "www.valleyecho.example")]), None),
    ("response", f"{EXAMPLE}/es/concurso", BRIEF_BYTES,
     ok("text/html; charset=ISO-8859-1"), None),
    ("response", f"{EXAMPLE}/news/library", LIBRARY_HTML.encode("utf-8"), ok("text/html"), None),
    ("response", f"{EXAMPLE}/img/roof.png", PNG, ok("image/png"), None),
    ("response", f"{EXAMPLE}/api/weather", b'{"rain": true}', ok("application/json"), None),
    ("response", f"{EXAMPLE}/library", b"",
     ("301 Moved Permanently", [("Location", f"{EXAMPLE}/news/library")]), None),
    ("response", f"{EXAMPLE}/gone", b"<html><body>Not found</body></html>",
     ("404 Not Found", [("Content-Type", "text/html")]), None),
    ("response", f"{EXAMPLE}/news/orchard", chunked(gzip.compress(ORCHARD_HTML.encode("utf-8"))),
     ok("text/html; charset=utf-8", ("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")),
     None),
    ("revisit", f"{EXAMPLE}/news/library", b"", None, None),
    ("resource", f"{EXAMPLE}/news/orchard.txt", ORCHARD_TEXT.encode("utf-8"), None,
     "text/plain; charset=utf-8"),
    ("response", f"{EXAMPLE}/news/library-copy", LIBRARY_HTML.encode("utf-8"), ok(None), None),
    ("response", f"{EXAMPLE}/files/minutes", PDF, ok(None), None),
    ("metadata", f"{EXAMPLE}/news/library", b"via: https://www.valleyecho.example/\r\n", None,
     "application/warc-fields"),
    ("response", f"{EXAMPLE}/news/squeezed", b"\x28\xb5\x2f\xfd" + bytes(40),
     ok("text/html", ("Content-Encoding", "zstd")), None),
    ("response", f"{EXAMPLE}/news/blank", b"", ok("text/html"), None),
]
# what read_warc gives for CRAWL, record by record: (record number, a Page's input type and
# URL, or a Skipped's reason and detail)
EXPECTED = [
    (1, SkipReason.METADATA, "warcinfo"),
    (2, SkipReason.REQUEST, "request"),
    (3, InputType.HTML, f"{EXAMPLE}/es/concurso"),
    (4, InputType.HTML, f"{EXAMPLE}/news/library"),
    (5, SkipReason.NOT_PAGE, "image/png"),
    (6, SkipReason.NOT_PAGE, "application/json"),
    (7, SkipReason.REDIRECT, f"301 Moved Permanently -> {EXAMPLE}/news/library"),
    (8, SkipReason.STATUS, "404 Not Found"),
    (9, InputType.HTML, f"{EXAMPLE}/news/orchard"),
    (10, SkipReason.REVISIT, "revisit"),
    (11, InputType.TEXT, f"{EXAMPLE}/news/orchard.txt"),
    (12, InputType.AUTO, f"{EXAMPLE}/news/library-copy"),
    (13, SkipReason.NOT_PAGE, "PDF"),
    (14, SkipReason.METADATA, "metadata"),
    (15, SkipReason.ENCODING, "zstd"),
    (16, SkipReason.EMPTY, ""),
]


def summary(items: list, path: str) -> list[tuple]:
    """Each item as in EXPECTED, its source checked against its record number."""
    rows = []
    for number, item in enumerate(items, 1):
        assert item.source == f"{path}#{record_id(number)}"
        if isinstance(item, Page):
            rows.append((number, item.input_type, item.url))
        else:
            rows.append((number, item.reason, item.detail))
    return rows


@pytest.fixture
def crawl(tmp_path):
    """crawl(layout) -> the path of CRAWL written in that layout."""
    def write(layout: str = "records", specs: list | None = None, name: str = "") -> str:
        path = tmp_path / (name or f"crawl-{layout}.warc{'' if layout == 'plain' else '.gz'}")
        path.write_bytes(build(CRAWL if specs is None else specs, layout))
        return str(path)
    return write


# ---------------------------------------------------------------- WARC: records and skips

@needs_warcio
@pytest.mark.parametrize("layout", ["records", "stream", "plain"])
def test_every_record_gives_its_page_or_its_skip_in_order(crawl, layout):
    path = crawl(layout)
    assert summary(list(read_warc(path)), path) == EXPECTED


@needs_warcio
def test_the_three_layouts_give_the_same_pages(crawl):
    pages = {layout: [item for item in read_warc(crawl(layout)) if isinstance(item, Page)]
             for layout in ("records", "stream", "plain")}
    data = [[page.data for page in found] for found in pages.values()]
    assert data[0] == data[1] == data[2]
    assert len(data[0]) == 5


@needs_warcio
def test_skips_are_counted_by_reason(crawl):
    counts = Counter(item.reason for item in read_warc(crawl()) if isinstance(item, Skipped))
    assert counts == {SkipReason.METADATA: 2, SkipReason.NOT_PAGE: 3, SkipReason.REQUEST: 1,
                      SkipReason.REDIRECT: 1, SkipReason.STATUS: 1, SkipReason.REVISIT: 1,
                      SkipReason.ENCODING: 1, SkipReason.EMPTY: 1}


@needs_warcio
def test_a_page_carries_what_clean_and_a_report_need(crawl):
    path = crawl()
    page = next(item for item in read_warc(path) if isinstance(item, Page))
    assert page == Page(source=f"{path}#{record_id(3)}", data=BRIEF_BYTES,
                        url=f"{EXAMPLE}/es/concurso", input_type=InputType.HTML,
                        charset="ISO-8859-1", crawl_date=DATE, record_id=record_id(3))


@needs_warcio
def test_charset_only_in_the_http_header_decodes_the_page(crawl):
    page = next(item for item in read_warc(crawl()) if isinstance(item, Page))
    assert b"<meta" not in page.data  # the header is all there is to go by
    article = clean_page(page)
    assert article.title == BRIEF_TITLE
    assert BRIEF in article.text
    assert article.url == f"{EXAMPLE}/es/concurso"


@needs_warcio
def test_meta_charset_page_and_sniffed_page_clean_right(crawl):
    pages = [item for item in read_warc(crawl()) if isinstance(item, Page)]
    library, sniffed = pages[1], pages[4]
    assert library.charset is None and sniffed.input_type is InputType.AUTO
    for page in (library, sniffed):
        article = clean_page(page)
        assert article.title == "Chapel Street library reopens after roof repairs"
        assert all(para in article.text for para in LIBRARY)


@needs_warcio
def test_chunked_gzip_payload_comes_undone(crawl):
    orchard = [item for item in read_warc(crawl()) if isinstance(item, Page)][2]
    assert orchard.data == ORCHARD_HTML.encode("utf-8")
    assert orchard.charset == "utf-8"
    assert ORCHARD[3] in clean_page(orchard).text


@needs_warcio
def test_a_resource_record_is_a_text_page(crawl):
    text = [item for item in read_warc(crawl()) if isinstance(item, Page)][3]
    assert text.data == ORCHARD_TEXT.encode("utf-8")
    article = clean_page(text)
    assert all(para in article.text for para in ORCHARD)


@needs_warcio
def test_wet_conversion_records_are_text_pages(tmp_path):
    wet = [("warcinfo", "", b"", None, None),
           ("conversion", f"{EXAMPLE}/news/library", "\n".join(LIBRARY).encode("utf-8"), None,
            "text/plain"),
           ("conversion", f"{EXAMPLE}/news/orchard", ORCHARD_TEXT.encode("utf-8"), None, "text/plain"),
           ("conversion", f"{EXAMPLE}/news/empty", b"", None, "text/plain")]
    path = tmp_path / "CC-MAIN-test.warc.wet.gz"
    path.write_bytes(build(wet))
    items = list(read_pages(path))
    assert [type(item) for item in items] == [Skipped, Page, Page, Skipped]
    assert items[3].reason is SkipReason.EMPTY
    orchard = items[2]
    assert (orchard.input_type, orchard.url, orchard.crawl_date) == (InputType.TEXT,
                                                                     f"{EXAMPLE}/news/orchard", DATE)
    assert ORCHARD[2] in clean_page(orchard).text


@needs_warcio
def test_br_without_its_decoder_and_stacked_codings_are_skips(crawl, monkeypatch):
    from warcio.bufferedreaders import BufferedReader

    monkeypatch.delitem(BufferedReader.DECOMPRESSORS, "br", raising=False)
    specs = [("response", f"{EXAMPLE}/{coding}", b"\x1b\x03\x00\xf8",
              ok("text/html", ("Content-Encoding", coding)), None) for coding in ("br", "gzip, deflate")]
    items = list(read_warc(crawl(specs=specs)))
    assert [(item.reason, item.detail) for item in items] == [(SkipReason.ENCODING, "br"),
                                                              (SkipReason.ENCODING, "gzip, deflate")]


@needs_warcio
def test_a_page_past_the_size_cap_is_skipped(crawl, monkeypatch):
    from newsclean.pages import warc

    path = crawl()
    pages = [item for item in read_warc(path) if isinstance(item, Page)]
    large = [page.source for page in pages if len(page.data) > 1000]
    assert 0 < len(large) < len(pages)
    monkeypatch.setattr(warc, "MAX_PAGE_BYTES", 1000)
    capped = [item for item in read_warc(path) if not isinstance(item, Page)
              and item.reason is SkipReason.TOO_LARGE]
    assert [item.source for item in capped] == large
    assert capped[0].detail == "over 1000 bytes"


# ---------------------------------------------------------------- WARC: bad and damaged files

@needs_warcio
def test_a_file_that_is_no_warc_is_an_input_error_before_any_item(write_file):
    path = write_file("page.warc", LIBRARY_HTML)
    with pytest.raises(InputError, match=r"^not a WARC file \(it starts with '<!DOCTYPE html>'\)"):
        next(read_warc(path))


@needs_warcio
def test_an_empty_file_is_an_input_error(write_file):
    with pytest.raises(InputError, match="the file is empty"):
        list(read_warc(write_file("empty.warc.gz", b"")))


@needs_warcio
def test_an_arc_file_is_refused_with_how_to_convert_it(write_file):
    body = b"x-arc-test 1\n"
    header = b"filedesc://crawl.arc 0.0.0.0 20240603091500 text/plain %d\n" % len(body)
    with pytest.raises(InputError, match="an ARC file.*warcio recompress"):
        list(read_warc(write_file("crawl.arc", header + body + b"\n")))


@needs_warcio
@pytest.mark.parametrize("layout", ["records", "stream", "plain"])
def test_a_file_cut_anywhere_gives_whole_pages_then_a_clear_error(tmp_path, layout):
    specs = CRAWL[:5]
    whole = build(specs, layout)
    full = list(read_warc(write(tmp_path / "whole.warc", whole)))
    # where a cut leaves whole records only, and nothing can tell: at the end of a gzip member,
    # or of a plain record and its blank lines; one gzip stream always has its end to miss
    ends = {len(build(specs[:count], layout)): count for count in range(1, len(specs) + 1)}
    if layout == "plain":
        ends |= {end - slack: count for end, count in ends.items() for slack in range(1, 4)}
    if layout == "stream":
        ends = {len(whole): len(specs)}
    path = tmp_path / "cut.warc"
    for cut in range(0, len(whole), 1 if layout != "plain" else 3):
        path.write_bytes(whole[:cut])
        items: list = []
        try:
            for item in read_warc(path):
                items.append(item)
        except DamagedArchive as err:
            assert err.items == len(items), cut
            assert str(err).startswith(f"damaged archive: after {len(items)} records, "), cut
        except InputError as err:  # the first record cut in its first line, or nothing at all
            assert not items and cut < 20, (cut, err)
        else:
            assert ends.get(cut) == len(items), cut
        assert [strip_source(item) for item in items] == [strip_source(item) for item in full[:len(items)]]


def write(path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def strip_source(item):
    return (item.data, item.url) if isinstance(item, Page) else (item.reason, item.detail)


@needs_warcio
def test_garbage_between_gzip_members_stops_the_reading_there(tmp_path):
    head, tail = build(CRAWL[:4]), build(CRAWL[4:])
    path = write(tmp_path / "g.warc.gz", head + b"\x00\x01 not gzip at all " * 20 + tail)
    items = []
    with pytest.raises(DamagedArchive, match="after 4 records, bytes that are no gzip follow a gzip "
                                             f"member, at byte {len(head)};") as caught:
        items.extend(read_warc(path))
    assert len(items) == caught.value.items == 4
    assert isinstance(items[3], Page)


@needs_warcio
def test_garbage_between_plain_records_stops_the_reading_there(tmp_path):
    head, tail = build(CRAWL[:4], "plain"), build(CRAWL[4:], "plain")
    path = write(tmp_path / "g.warc", head + b"<html>stray page</html>\r\n" * 3 + tail)
    items = []
    with pytest.raises(DamagedArchive, match=r"after 4 records, bytes that are no WARC record follow "
                                             r"\('<html>stray page</html>'\)"):
        items.extend(read_warc(path))
    assert len(items) == 4


@needs_warcio
def test_damaged_compressed_data_is_named(tmp_path):
    data = bytearray(build(CRAWL))
    middle = len(data) // 2
    data[middle:middle + 40] = bytes(40)
    items = []
    with pytest.raises(DamagedArchive, match="damaged gzip data near byte"):
        items.extend(read_warc(write(tmp_path / "d.warc.gz", bytes(data))))
    assert 0 < len(items) < len(CRAWL)


@needs_warcio
def test_without_warcio_reading_a_warc_says_what_to_install(crawl, monkeypatch):
    path = crawl()
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    with pytest.raises(MissingExtra, match=r"^reading WARC files needs warcio: "
                                           r"pip install 'newsclean\[warc\]'$"):
        next(read_pages(path))


def test_newsclean_imports_without_warcio():
    code = ("import sys; sys.modules['warcio'] = None\n"
            "import newsclean, newsclean.pages, newsclean.cli\n"
            "from newsclean.pages import read_warc\n"
            "try:\n    next(read_warc('x.warc'))\n"
            "except newsclean.errors.MissingExtra as err:\n    print(err)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "reading WARC files needs warcio: pip install 'newsclean[warc]'\n"


# ---------------------------------------------------------------- the gzip layer

def test_gunzip_reads_members_and_one_stream_alike():
    data = b"".join(f"line {n}\n".encode() for n in range(5000))
    members = b"".join(gzip.compress(data[i:i + 1000]) for i in range(0, len(data), 1000))
    for packed in (members, gzip.compress(data)):
        stream = Gunzip(io.BytesIO(packed))
        assert stream.read() == data and stream.damage is None
        assert stream.tell() == len(data)


def test_gunzip_gives_what_came_before_a_cut_and_says_so():
    data = bytes(range(256)) * 400
    packed = zlib.compressobj(9, zlib.DEFLATED, 31)
    whole = packed.compress(data) + packed.flush()
    stream = Gunzip(io.BytesIO(whole[: len(whole) // 2]))
    got = stream.read()
    assert 0 < len(got) < len(data) and data.startswith(got)
    assert stream.damage == "the file ends inside a gzip member (it was cut short)"


# ---------------------------------------------------------------- JSON-lines dumps

DUMP = [
    json.dumps({"id": "lib-1", "url": f"{EXAMPLE}/news/library", "html": LIBRARY_HTML}),
    json.dumps({"url": f"{EXAMPLE}/news/orchard.txt", "text": ORCHARD_TEXT}),
    "",
    json.dumps({"id": 7, "html": ORCHARD_HTML, "text": ORCHARD_TEXT}),
    '{"id": "lib-2", "html": "<p>cut',
    json.dumps(["html", LIBRARY_HTML]),
    json.dumps({"id": "x", "body": "...", "title": "?"}),
    json.dumps({"id": "y", "html": 42}),
    json.dumps({"id": True, "html": LIBRARY_HTML}),
    json.dumps({"id": "z", "url": ["a"], "text": ORCHARD_TEXT}),
    json.dumps({"id": "empty", "html": "  ", "text": ""}),
    json.dumps({"id": "last", "text": "\n".join(LIBRARY)}),
]


def dump_items(path: str) -> list[tuple]:
    rows = []
    for item in read_records(path):
        if isinstance(item, Page):
            rows.append((item.source, item.input_type, item.url, item.record_id))
        elif isinstance(item, Skipped):
            rows.append((item.source, item.reason))
        else:
            rows.append(str(item))
    return rows


def expected_dump(path: str) -> list:
    return [
        (f"{path}#lib-1", InputType.HTML, f"{EXAMPLE}/news/library", "lib-1"),
        (f"{path}#2", InputType.TEXT, f"{EXAMPLE}/news/orchard.txt", None),
        (f"{path}#7", InputType.HTML, None, "7"),
        f"{path}:5: not JSON (Unterminated string starting at column 25); each line must be one "
        "JSON object",
        f"{path}:6: a JSON array, not an object; each line must be one JSON object",
        f"{path}:7: no 'html' or 'text' field (it has: 'id', 'body', 'title'); name the fields that "
        "hold the page",
        f"{path}:8: field 'html' is a JSON number, not a string",
        f"{path}:9: field 'id' is a JSON boolean, not a string or an integer",
        f"{path}:10: field 'url' is a JSON array, not a string",
        (f"{path}#empty", SkipReason.EMPTY),
        (f"{path}#last", InputType.TEXT, None, "last"),
    ]


@pytest.mark.parametrize("packing", ["plain", "gzip"])
def test_a_dump_gives_pages_problems_and_skips_line_by_line(write_file, packing):
    data = ("\n".join(DUMP) + "\n").encode("utf-8")
    path = str(write_file("dump.jsonl" + (".gz" if packing == "gzip" else ""),
                          gzip.compress(data) if packing == "gzip" else data))
    assert dump_items(path) == expected_dump(path)


def test_dump_pages_clean_by_their_kind(write_file):
    path = write_file("dump.jsonl", "\n".join(DUMP))
    pages = [item for item in read_pages(path) if isinstance(item, Page)]
    assert pages[0].data == LIBRARY_HTML
    articles = [clean_page(page) for page in pages]
    assert articles[0].title == "Chapel Street library reopens after roof repairs"
    assert all(para in articles[1].text for para in ORCHARD)
    assert ORCHARD[0] in articles[2].text


def test_field_names_are_the_callers(write_file):
    line = json.dumps({"key": "a1", "link": f"{EXAMPLE}/x", "raw_html": LIBRARY_HTML, "html": 3})
    path = str(write_file("custom.jsonl", line + "\n"))
    (page,) = read_records(path, html_field="raw_html", text_field="body", url_field="link",
                           id_field="key")
    assert (page.source, page.url, page.input_type) == (f"{path}#a1", f"{EXAMPLE}/x", InputType.HTML)


def test_a_line_that_is_not_utf8_is_a_problem(write_file):
    path = str(write_file("latin.jsonl", b'{"text": "ni\xf1o"}\n' + DUMP[1].encode() + b"\n"))
    problem, page = read_records(path)
    assert isinstance(problem, Problem) and problem.line == 1
    assert problem.message.startswith("not UTF-8 text")
    assert isinstance(page, Page)


def test_a_cut_gzip_dump_gives_its_whole_lines_then_an_error(write_file):
    data = ("\n".join(DUMP[:2]) + "\n").encode("utf-8")
    packed = gzip.compress(data)
    path = write_file("cut.jsonl.gz", packed[:-12])  # the second line is cut (and the trailer)
    items = []
    with pytest.raises(DamagedArchive, match=r"^damaged gzip file: after 1 lines, the file ends "
                                             r"inside a gzip member \(it was cut short\)"):
        items.extend(read_records(path))
    assert [type(item) for item in items] == [Page]


# ---------------------------------------------------------------- names and the HTTP charset

@pytest.mark.parametrize("name, taken", [
    ("crawl.warc.gz", True), ("CC-MAIN-1.warc.wet.gz", True), ("a.WARC", True), ("x.arc.gz", True),
    ("dump.jsonl", True), ("dump.ndjson.gz", True), ("page.html", False), ("warc.txt", False)])
def test_page_files_are_known_by_name(name, taken):
    assert is_page_file(name) is taken


def test_a_name_that_is_no_page_file_is_an_input_error(write_file):
    with pytest.raises(InputError, match="not a page archive by its name"):
        read_pages(write_file("page.html", LIBRARY_HTML))


def test_the_http_charset_comes_before_the_meta_charset():
    data = page_html(BRIEF_TITLE, [BRIEF], '<meta charset="windows-1251">').encode("latin-1")
    assert BRIEF not in sniff.decode(data).text  # the page's own label misleads
    doc = sniff.decode(data, charset="iso-8859-1")
    assert BRIEF in doc.text and doc.encoding == "cp1252"  # WHATWG: latin-1 means windows-1252


def test_a_byte_order_mark_comes_before_the_http_charset():
    data = b"\xef\xbb\xbf" + page_html(BRIEF_TITLE, [BRIEF]).encode("utf-8")
    assert BRIEF in sniff.decode(data, charset="iso-8859-1").text


def test_an_http_charset_the_bytes_are_not_in_is_passed_over():
    data = page_html(BRIEF_TITLE, [BRIEF], '<meta charset="iso-8859-1">').encode("latin-1")
    assert BRIEF in sniff.decode(data, charset="utf-8").text
    assert BRIEF in sniff.decode(data, charset="no-such-charset").text


def test_clean_takes_the_http_charset():
    article = clean(BRIEF_BYTES, charset="latin1", input_type="html")
    assert article.title == BRIEF_TITLE and BRIEF in article.text
