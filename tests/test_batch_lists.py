"""Inputs from a list (--files-from, with URLs) and URLs read off a mirror's layout
(--url-from-path): the URL reaches clean(), so the host's site rules apply, and the record."""
from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from newsclean.batch import FileList, Options, Shard, Status, run_batch
from newsclean.batch.inputs import url_from_parts
from newsclean.batch.lists import listed_inputs
from newsclean.cli import app
from tests.sitegen import Site

SITE = Site()
UPDATED = "This story was updated at"  # a line of every page; the site's rule strips it


@pytest.fixture
def rules(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "coastgazette.example.txt").write_text(f"strip_line: {UPDATED} .*\n", encoding="utf-8")
    return folder


def write_pages(folder, count=3):
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"story-{number}.txt").write_text(SITE.text(number), encoding="utf-8")
    return sorted(folder.iterdir())


def records(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("parts,url", [
    (("www.coastgazette.example", "news", "a.html"), "https://www.coastgazette.example/news/a.html"),
    (("www.coastgazette.example", "news", "index.html"), "https://www.coastgazette.example/news/"),
    (("Example.ORG:8080", "a b", "c.html.gz"), "https://example.org:8080/a%20b/c.html"),
    (("example.org", "page.php?id=3"), "https://example.org/page.php?id=3"),
    (("xn--bcher-kva.example", "x.html"), "https://xn--bcher-kva.example/x.html"),
    (("mirror", "news", "a.html"), None),  # no host first: no URL
    (("data.v2", "a.html"), None),  # a top-level domain is letters
    (("example.org",), None),  # the host alone is a folder, not a page
])
def test_url_from_parts(parts, url):
    assert url_from_parts(parts) == url


def test_url_from_path_applies_the_hosts_rules(tmp_path, rules):
    mirror = tmp_path / "mirror"
    write_pages(mirror / "www.coastgazette.example" / "news")
    (mirror / "notahost").mkdir()
    (mirror / "notahost" / "story.txt").write_text(SITE.text(7), encoding="utf-8")
    options = Options(jsonl=tmp_path / "with.jsonl", rules_dirs=(str(rules),), url_from_path=True, jobs=1)
    outcomes = list(run_batch([str(mirror)], options))
    assert [o.status for o in outcomes] == [Status.OK] * 4
    found = records(tmp_path / "with.jsonl")
    assert found[0]["source"].endswith("notahost/story.txt") and found[0]["url"] is None
    assert UPDATED in found[0]["text"]  # no host, no site rules
    for number, line in enumerate(found[1:]):
        assert line["url"] == f"https://www.coastgazette.example/news/story-{number}.txt"
        assert UPDATED not in line["text"] and line["rules"]
    # the host folder named on the command line is the host too
    options = Options(jsonl=tmp_path / "host.jsonl", rules_dirs=(str(rules),), url_from_path=True, jobs=1)
    list(run_batch([str(mirror / "www.coastgazette.example")], options))
    assert [line["url"] for line in records(tmp_path / "host.jsonl")] == [
        line["url"] for line in found[1:]]
    # without the option, the same pages keep the line
    without = tmp_path / "without.jsonl"
    list(run_batch([str(mirror)], Options(jsonl=without, rules_dirs=(str(rules),), jobs=1)))
    assert all(UPDATED in line["text"] and line["url"] is None for line in records(without))


def test_files_from_gives_each_page_its_url_in_list_order(tmp_path, rules, monkeypatch):
    monkeypatch.chdir(tmp_path)
    pages = write_pages(tmp_path / "scrapes" / "day1")
    lines = [f"scrapes/day1/{pages[2].name}\thttps://www.coastgazette.example/b",
             "# a comment, then a blank line", "",
             f"{pages[0]}",  # absolute, no URL
             f"scrapes/day1/{pages[1].name}\thttps://www.coastgazette.example/a\r"]
    listing = FileList("list.txt", tuple(line.encode() for line in lines))
    outcomes = list(run_batch([], Options(out_dir=tmp_path / "out", jsonl=tmp_path / "out.jsonl",
                                          files_from=listing, rules_dirs=(str(rules),), jobs=2)))
    assert [o.status for o in outcomes] == [Status.OK] * 3
    found = records(tmp_path / "out.jsonl")
    assert [line["url"] for line in found] == ["https://www.coastgazette.example/b", None,
                                               "https://www.coastgazette.example/a"]
    assert [UPDATED in line["text"] for line in found] == [False, True, False]
    # outputs mirror the listed paths; an absolute path loses its leading '/'
    assert (tmp_path / "out" / "scrapes" / "day1" / "story-2.md").is_file()
    absolute = tmp_path / "out" / str(pages[0].parent).lstrip(os.sep) / "story-0.md"
    assert absolute.is_file()


def test_a_lists_bad_lines_are_problems_of_their_own(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_pages(tmp_path / "s", 2)
    lines = [b"s/story-0.txt\tftp://example.org/x", b"../elsewhere/a.html", b"s/story-1.txt",
             b"s/story-1.txt", b"s/missing.txt", b"s/\xff-not-utf8.txt"]
    found = list(listed_inputs(lines, ".md", "list.txt"))
    assert [item.path for item in found] == ["s/story-0.txt", "../elsewhere/a.html", "s/story-1.txt",
                                             "s/story-1.txt", "s/missing.txt",
                                             os.fsdecode(b"s/\xff-not-utf8.txt")]
    problems = [item.problem or "" for item in found]
    assert "does not start with http:// or https://" in problems[0] and "line 1" in problems[0]
    assert "climbs out with '..'" in problems[1]
    assert problems[2] == "" and found[2].rel == ("s", "story-1.md")
    assert "listed twice" in problems[3] and found[3].status is Status.SKIPPED
    assert "disappeared" in problems[4] or "no such" in problems[4]
    assert "disappeared" in problems[5] or "no such" in problems[5]


def test_siblings_in_a_list_are_named_as_the_walk_names_them(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "s"
    folder.mkdir()
    for name in ("page.html", "page.txt", "other.txt"):
        (folder / name).write_text(SITE.text(1), encoding="utf-8")
    found = list(listed_inputs([b"s/page.txt", b"s/other.txt", b"s/page.html"], ".md", "l"))
    assert [item.rel for item in found] == [("s", "page.txt.md"), ("s", "other.md"), ("s", "page.html.md")]


def test_cli_files_from_stdin_and_usage_errors(tmp_path, monkeypatch, rules):
    monkeypatch.chdir(tmp_path)
    write_pages(tmp_path / "s", 2)
    runner = CliRunner()
    listing = "s/story-0.txt\thttps://www.coastgazette.example/0\ns/story-1.txt\n"
    result = runner.invoke(app, ["batch", "--files-from", "-", "--jsonl", "out.jsonl", "-q",
                                 "--rules-dir", str(rules)], input=listing)
    assert result.exit_code == 0, result.output
    assert [line["url"] for line in records(tmp_path / "out.jsonl")] == [
        "https://www.coastgazette.example/0", None]
    both = runner.invoke(app, ["batch", "s", "--files-from", "-", "--jsonl", "x.jsonl"], input=listing)
    assert both.exit_code == 2 and "not both" in both.output and "Traceback" not in both.output
    neither = runner.invoke(app, ["batch", "--jsonl", "x.jsonl"])
    assert neither.exit_code == 2 and "--files-from" in neither.output
    missing = runner.invoke(app, ["batch", "--files-from", "nope.txt", "--jsonl", "x.jsonl"])
    assert missing.exit_code == 2 and "nope.txt" in missing.output
    assert len(missing.output.strip().splitlines()) == 1


# ---------------------------------------------------------------- --shard K/N

def tree(folder):
    """The outputs under a folder (not the run's records in .newsclean/, named by process)."""
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file() and ".newsclean" not in path.relative_to(folder).parts}


@pytest.mark.parametrize("count", [1, 3])
def test_shards_cover_every_input_once(tmp_path, count):
    pages = tmp_path / "in"
    for folder in ("a", "b", "c"):
        write_pages(pages / folder, 3)
    (pages / "b" / "scan.txt").write_bytes(b"%PDF-1.7\n" + bytes(range(256)))  # a failure counts too
    whole = list(run_batch([str(pages)], Options(out_dir=tmp_path / "whole", jobs=1)))
    seen: list[str] = []
    out = tmp_path / "sharded"
    for index in range(count):
        shard = Shard(index, count)
        options = Options(out_dir=out, jsonl=tmp_path / "r.jsonl", jobs=1, shard=shard)
        done = list(run_batch([str(pages)], options))
        seen += [o.source for o in done]
        assert [o.source for o in done] == [o.source for o in whole][index::count]
        name = f"r.shard-{index}-of-{count}.jsonl"
        assert [line["source"] for line in records(tmp_path / name)] == [o.source for o in done]
    assert sorted(seen) == sorted(o.source for o in whole) and len(seen) == len(set(seen))
    assert tree(out) == tree(tmp_path / "whole")


def test_shard_option_errors(tmp_path):
    runner = CliRunner()
    write_pages(tmp_path / "in", 1)
    for bad in ("3/3", "1", "a/b", "-1/2", "0/0"):
        result = runner.invoke(app, ["batch", str(tmp_path / "in"), "-o", str(tmp_path / "o"),
                                     "--shard", bad])
        assert result.exit_code == 2 and "--shard" in result.output, (bad, result.output)
    learn = runner.invoke(app, ["batch", str(tmp_path / "in"), "-o", str(tmp_path / "o"), "--shard", "0/2",
                                "--learn-boilerplate"])
    assert learn.exit_code == 2 and "rules learn" in learn.output


def test_a_shard_clears_only_its_own_temporary_files(tmp_path):
    pages = tmp_path / "in"
    write_pages(pages, 2)
    out = tmp_path / "out"
    out.mkdir()
    other = out / ".shard-1-of-2.4242-0.newsclean-tmp"  # shard 1 is writing this right now
    mine = out / ".shard-0-of-2.4242-1.newsclean-tmp"  # shard 0's own leftover from a kill
    other.write_bytes(b"half")
    mine.write_bytes(b"half")
    list(run_batch([str(pages)], Options(out_dir=out, jobs=1, shard=Shard(0, 2))))
    assert other.exists() and not mine.exists()
    list(run_batch([str(pages)], Options(out_dir=out, jobs=1)))  # a whole run is alone: clears all
    assert not other.exists()


def test_two_shards_write_one_output_folder_at_once(tmp_path):
    """Two shard processes running together into one -o: both finish, every file whole."""
    import subprocess
    import sys

    pages = tmp_path / "in"
    for folder in ("a", "b"):
        write_pages(pages / folder, 6)
    whole = tmp_path / "whole"
    list(run_batch([str(pages)], Options(out_dir=whole, jobs=1)))
    out = tmp_path / "out"
    runs = [subprocess.Popen([sys.executable, "-m", "newsclean", "batch", str(pages), "-o", str(out),
                              "--jsonl", str(tmp_path / "r.jsonl"), "--shard", f"{k}/2", "-j", "2", "-q"])
            for k in range(2)]
    assert [run.wait(timeout=300) for run in runs] == [0, 0]
    assert tree(out) == tree(whole)
    lines = records(tmp_path / "r.shard-0-of-2.jsonl") + records(tmp_path / "r.shard-1-of-2.jsonl")
    assert len(lines) == 12 and all(line["status"] == "ok" for line in lines)
