"""Web archives and record files as batch inputs: each page a task of its own, the same
articles as the same pages given as files, one JSONL file per archive under -o (whole, or not
there), resumed archive by archive, records with no page counted by reason, damage reported
after the pages before it."""
from __future__ import annotations

import gzip
import io
import json

import pytest
from typer.testing import CliRunner

from newsclean.batch import ArchiveReport, Options, Shard, Status, run_batch
from newsclean.cli import app
from tests.sitegen import Site

warcio = pytest.importorskip("warcio", reason="WARC reading needs the warc extra (warcio)")

SITE = Site()
PAGES = 4


def warc_bytes(pages: list[tuple[str, bytes]], *, extras: bool = True) -> bytes:
    """A WARC (gzip per record) with a response per page, and records that hold no page."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)

    def response(url: str, body: bytes, status: str = "200 OK", ctype: str = "text/html; charset=utf-8",
                 extra_headers: tuple = ()) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", ctype), *extra_headers], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))

    for number, (url, body) in enumerate(pages):
        if extras:
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "www.coastgazette.example")],
                                       is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                          http_headers=request))
        response(url, body)
        if extras and number == 0:
            response(url + "/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), ctype="image/png")
            response(url + "/old", b"", status="301 Moved Permanently",
                     extra_headers=(("Location", url),))
    return out.getvalue()


@pytest.fixture
def site(tmp_path):
    """The same pages as files (pages/) and as one WARC (crawl/crawl.warc.gz)."""
    files = tmp_path / "pages"
    files.mkdir()
    entries = []
    for number in range(PAGES):
        html = SITE.html(number).encode("utf-8")
        (files / f"story-{number}.html").write_bytes(html)
        entries.append((SITE.url(number), html))
    archive = tmp_path / "crawl" / "crawl.warc.gz"
    archive.parent.mkdir()
    archive.write_bytes(warc_bytes(entries))
    return files, archive


def lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_warc_gives_the_articles_its_pages_give_as_files(tmp_path, site):
    files, archive = site
    list(run_batch([str(files)], Options(jsonl=tmp_path / "files.jsonl", jobs=2)))
    events = list(run_batch([str(archive)], Options(jsonl=tmp_path / "warc.jsonl", jobs=2)))
    reports = [e for e in events if isinstance(e, ArchiveReport)]
    assert len(reports) == 1 and reports[0].pages == PAGES and reports[0].error is None
    assert dict(reports[0].skipped) == {"request": PAGES, "not-html": 1, "redirect": 1}
    as_files, as_warc = lines(tmp_path / "files.jsonl"), lines(tmp_path / "warc.jsonl")
    assert len(as_warc) == PAGES and all(line["status"] == "ok" for line in as_warc)
    for file_line, warc_line in zip(as_files, as_warc, strict=True):
        assert warc_line["source"].startswith(f"{archive}#<urn:uuid:")
        assert warc_line["url"] == file_line["url"] and warc_line["crawl_date"]
        for key in ("title", "text", "markdown", "authors", "date"):
            assert warc_line[key] == file_line[key], key


def test_with_o_each_archive_gives_one_whole_jsonl_and_a_rerun_copies_it(tmp_path, site):
    _, archive = site
    out = tmp_path / "out"
    options = Options(out_dir=out, jsonl=tmp_path / "all.jsonl", jobs=2)
    first = [e for e in run_batch([str(archive.parent)], options)]
    written = out / "crawl.jsonl"
    assert sorted(p.name for p in out.iterdir()) == [".newsclean", "crawl.jsonl"]
    records = lines(written)
    assert len(records) == PAGES and all(r["output"] == str(written) for r in records)
    assert written.read_bytes() == (tmp_path / "all.jsonl").read_bytes()
    before = (tmp_path / "all.jsonl").read_bytes()
    second = list(run_batch([str(archive.parent)], options))
    assert [e.status for e in second if not isinstance(e, ArchiveReport)] == [Status.SKIPPED]
    assert (tmp_path / "all.jsonl").read_bytes() == before  # the archive's lines, copied
    assert len([e for e in first if not isinstance(e, ArchiveReport)]) == PAGES


def test_a_damaged_archive_keeps_the_pages_before_the_damage(tmp_path, site):
    _, archive = site
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) * 3 // 4])  # cut short inside a later record
    out = tmp_path / "out"
    events = list(run_batch([str(archive)], Options(out_dir=out, jobs=1)))
    report = next(e for e in events if isinstance(e, ArchiveReport))
    assert report.error and report.pages >= 1
    found = lines(out / "crawl.jsonl")
    assert [r["status"] for r in found] == ["ok"] * report.pages + ["failed"]
    assert found[-1]["source"] == str(archive) and found[-1]["error"] == report.error


def test_record_files_with_their_keys_and_bad_lines(tmp_path):
    dump = tmp_path / "dump.jsonl.gz"
    rows = [json.dumps({"body": SITE.html(0), "link": SITE.url(0), "key": "a"}),
            "{not json",
            json.dumps({"plain": SITE.text(1), "key": "b"})]
    dump.write_bytes(gzip.compress(("\n".join(rows) + "\n").encode()))
    runner = CliRunner()
    result = runner.invoke(app, ["batch", str(dump), "--jsonl", str(tmp_path / "out.jsonl"), "--html-field",
                                 "body", "--text-field", "plain", "--url-field", "link", "--id-field", "key"])
    assert result.exit_code == 1, result.output  # the bad line is a failure
    found = lines(tmp_path / "out.jsonl")
    assert [(r["source"].rpartition("#")[2], r["status"]) for r in found] == [
        ("a", "ok"), ("line 2", "failed"), ("b", "ok")]
    assert found[0]["url"] == SITE.url(0) and found[2]["url"] is None
    assert "Traceback" not in result.output


def test_cli_summary_counts_records_without_a_page_and_shards_keep_archives_whole(tmp_path, site):
    _, archive = site
    second = archive.parent / "more.warc.gz"
    second.write_bytes(warc_bytes([(SITE.url(9), SITE.html(9).encode())], extras=False))
    runner = CliRunner()
    result = runner.invoke(app, ["batch", str(archive.parent), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "archive records held no page" in result.output and "4 request" in result.output
    for index in range(2):
        list(run_batch([str(archive.parent)], Options(out_dir=tmp_path / "sharded", jobs=1,
                                                      shard=Shard(index, 2))))
    assert sorted(p.name for p in (tmp_path / "sharded").iterdir()) == [".newsclean", "crawl.jsonl",
                                                                        "more.jsonl"]


def test_a_json_lines_dump_gives_the_articles_its_pages_give_as_files(tmp_path, site):
    files, _ = site
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps({"id": f"p{n}", "url": SITE.url(n), "html": SITE.html(n)}) + "\n"
                            for n in range(PAGES)), encoding="utf-8")
    list(run_batch([str(files)], Options(jsonl=tmp_path / "files.jsonl", jobs=2)))
    list(run_batch([str(dump)], Options(jsonl=tmp_path / "dump-out.jsonl", jobs=2)))
    as_files, as_dump = lines(tmp_path / "files.jsonl"), lines(tmp_path / "dump-out.jsonl")
    assert [line["source"] for line in as_dump] == [f"{dump}#p{n}" for n in range(PAGES)]
    for file_line, dump_line in zip(as_files, as_dump, strict=True):
        for key in ("title", "text", "markdown", "authors", "date", "url"):
            assert dump_line[key] == file_line[key], key


def test_an_archive_is_copied_when_up_to_date_and_a_changed_option_redoes_it(tmp_path, site):
    _, archive = site
    out = tmp_path / "out"
    list(run_batch([str(archive)], Options(out_dir=out, jobs=1)))
    first = (out / "crawl.jsonl").read_bytes()
    again = list(run_batch([str(archive)], Options(out_dir=out, jobs=1)))
    assert [e.status for e in again if not isinstance(e, ArchiveReport)] == [Status.SKIPPED]
    # another input type changes the recipe: the archive is read and its pages cleaned again
    redone = list(run_batch([str(archive)], Options(out_dir=out, jobs=1, input_type="html")))
    assert len([e for e in redone if not isinstance(e, ArchiveReport)]) == PAGES
    assert (out / "crawl.jsonl").read_bytes() == first
    # a page that fails: the archive's file is written (nothing lost), claimed as partial
    bad = tmp_path / "bad" / "bad.warc.gz"
    bad.parent.mkdir()
    bad.write_bytes(warc_bytes([(SITE.url(0), SITE.html(0).encode()), ("https://x.example/e", b"<p>\x00")],
                               extras=False))
    runs = [list(run_batch([str(bad)], Options(out_dir=tmp_path / "bad-out", jobs=1))) for _ in range(2)]
    assert [e.status for e in runs[0] if not isinstance(e, ArchiveReport)] == [Status.OK, Status.FAILED]
    # the rerun keeps the good page's line and tries the failed page alone again
    assert [e.status for e in runs[1] if not isinstance(e, ArchiveReport)] == [Status.SKIPPED, Status.FAILED]
    assert [r["status"] for r in lines(tmp_path / "bad-out" / "bad.jsonl")] == ["ok", "failed"]


CALLS_ENV = "NEWSCLEAN_TEST_CALLS"  # a folder: a file a clean() call; "flaky" in it: such pages fail


def counting_clean(data, **kwargs):
    """newsclean.clean, counting its calls in a folder, and failing on a page whose URL says
    "flaky" while the folder holds a file named "flaky" (a transient failure: a timeout)."""
    import os
    import uuid

    from newsclean import clean

    folder = os.environ[CALLS_ENV]
    url = kwargs.get("url") or ""
    with open(os.path.join(folder, uuid.uuid4().hex), "w") as handle:
        handle.write(url)
    if "flaky" in url and os.path.exists(os.path.join(folder, "flaky")):
        raise OSError("the page went away for a moment")
    return clean(data, **kwargs)


def test_a_rerun_cleans_only_an_archives_failed_pages_and_keeps_the_others_lines(tmp_path, monkeypatch):
    calls = tmp_path / "calls"
    calls.mkdir()
    monkeypatch.setenv(CALLS_ENV, str(calls))
    (calls / "flaky").write_text("")
    pages = [(SITE.url(n), SITE.html(n).encode()) for n in range(3)]
    pages.insert(1, ("https://www.coastgazette.example/flaky-story", SITE.html(7).encode()))
    archive = tmp_path / "crawl" / "crawl.warc.gz"
    archive.parent.mkdir()
    archive.write_bytes(warc_bytes(pages, extras=False))
    out = tmp_path / "out"

    def run(**options):
        before = {p.name for p in calls.iterdir()}
        options = Options(out_dir=out, jobs=2, **options)
        events = list(run_batch([str(archive)], options, clean=counting_clean))
        cleaned = sorted((calls / name).read_text() for name in {p.name for p in calls.iterdir()} - before)
        return [e.status for e in events if not isinstance(e, ArchiveReport)], cleaned

    statuses, cleaned = run()
    assert statuses == [Status.OK, Status.FAILED, Status.OK, Status.OK] and len(cleaned) == 4
    first = lines(out / "crawl.jsonl")
    (calls / "flaky").unlink()  # the failure was transient
    statuses, cleaned = run()
    assert statuses == [Status.SKIPPED, Status.OK, Status.SKIPPED, Status.SKIPPED]
    assert cleaned == ["https://www.coastgazette.example/flaky-story"]  # the failed page alone
    second = lines(out / "crawl.jsonl")
    assert [r["status"] for r in second] == ["ok"] * 4
    assert second[0] == first[0] and second[2:] == first[2:]  # kept lines, byte for byte the same
    # now whole: the next rerun reads nothing again; another recipe cleans every page again
    assert run() == ([Status.SKIPPED], [])
    statuses, cleaned = run(input_type="html")
    assert statuses == [Status.OK] * 4 and len(cleaned) == 4


def test_big_pages_out_of_an_archive_never_deadlock_the_pool(tmp_path):
    """Pages sent whole to workers, larger than a pipe's buffer, with results as large: the
    parent must never wait on a send while the worker waits on its own (a hang before)."""
    import subprocess
    import sys

    big = Site(paragraphs=500)
    pages = [(big.url(n), big.html(n).encode()) for n in range(12)]
    assert min(len(html) for _, html in pages) > 100_000  # a pipe holds 64 KiB
    archive = tmp_path / "big.warc.gz"
    archive.write_bytes(warc_bytes(pages, extras=False))
    for jobs in ("1", "2"):
        done = subprocess.run([sys.executable, "-m", "newsclean", "batch", str(archive), "--jsonl",
                               str(tmp_path / f"out{jobs}.jsonl"), "-q", "--jobs", jobs],
                              capture_output=True, text=True, timeout=240)
        assert done.returncode == 0, done.stderr
        assert [r["status"] for r in lines(tmp_path / f"out{jobs}.jsonl")] == ["ok"] * 12
