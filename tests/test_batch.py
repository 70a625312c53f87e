"""`newsclean batch` and `newsclean rules learn`: the tree mirrored, the formats, JSONL, which
files are inputs, failures recorded and the batch going on, exit codes, resume, atomic
outputs (also across a SIGKILL), outputs kept inside -o, the per-file timeout, and
cross-page boilerplate learning on an invented site (tests/sitegen.py)."""
from __future__ import annotations

import faulthandler
import gzip
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sitegen import Site, write_site
from typer.testing import CliRunner

import newsclean
from newsclean.batch import (
    TEMP_SUFFIX,
    LearnedSite,
    Learning,
    LearningReport,
    Options,
    Outcome,
    Status,
    output_names,
    run_batch,
)
from newsclean.boilerplate import drop_lines, page_keys
from newsclean.cli import app
from newsclean.errors import OptionError
from newsclean.render import Format, render
from newsclean.rules import parse_rule_text

ERROR_LINE = re.compile(r"^newsclean: (error|warning): (?P<path>.+?): (?P<what>[^;\n]+); (?P<hint>[^\n]+)$")
SUMMARY = re.compile(r"^batch: (?P<ok>\d+) cleaned, (?P<failed>\d+) failed(, (?P<empty>\d+) empty)?"
                     r"(, (?P<skipped>\d+) skipped)?; [\d.]+ k?M?B in, [\d.]+ k?M?B out; [\d.]+ s$")
RECORD_KEYS = ["source", "status", "error", "output", "title", "author", "authors", "date",
               "sitename", "url", "language", "description", "tags", "image", "text", "markdown",
               "kind", "confidence", "native_ad", "rules", "date_modified", "publisher"]
SITE = Site()


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
    return invoke


def summary(result) -> dict:
    """The counts of the last stderr line (which must be the summary)."""
    match = SUMMARY.match(result.stderr.splitlines()[-1])
    assert match, result.stderr
    return {k: int(v or 0) for k, v in match.groupdict().items()}


def messages(result) -> dict[str, str]:
    """path -> 'error: what; hint' for each error or warning line on stderr."""
    found = {}
    for line in result.stderr.splitlines()[:-1]:
        match = ERROR_LINE.match(line)
        assert match, f"not an error line: {line!r}"
        found[match["path"]] = f"{match[1]}: {match['what']}; {match['hint']}"
    return found


def flat(text: str) -> str:
    """Text without the box and line wrapping of click's usage errors."""
    return " ".join(re.sub("[\u2500-\u257f]", " ", text).split())


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, but for -o's records of what made them (.newsclean/, named
    by process: test_batch_stale.py checks them): relative path -> bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and ".newsclean" not in p.parts}


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith((TEMP_SUFFIX, ".part"))]


@pytest.fixture
def scrapes(tmp_path, story, other_story) -> Path:
    """in/ with nested folders, HTML, text, gzip, and files that are not inputs."""
    root = tmp_path / "in"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "bridge.html").write_text(story.html(), "utf-8")
    (root / "a" / "ferry.txt").write_text(other_story.text(), "utf-8")
    (root / "zipped.html.gz").write_bytes(gzip.compress(other_story.html().encode()))
    (root / "style.css").write_text("body { color: red }")
    (root / "notes.json").write_text("{}")
    return root


def expected(path: Path, fmt: Format, source: str) -> bytes:
    article = newsclean.clean(path.read_bytes())
    return render(article, fmt, source=source, front_matter=True).encode()


# ---------------------------------------------------------------- outputs

@pytest.mark.parametrize("fmt,suffix", [(Format.MARKDOWN, ".md"), (Format.JSON, ".json"),
                                        (Format.TEXT, ".txt")])
def test_mirrors_the_tree_in_each_format(run, scrapes, tmp_path, fmt, suffix):
    out = tmp_path / "out"
    result = run("batch", scrapes, "-o", out, "--format", fmt.value, "--jobs", 2)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert summary(result) == {"ok": 3, "failed": 0, "empty": 0, "skipped": 0}
    assert sorted(tree(out)) == sorted(f"{p}{suffix}" for p in ("a/b/bridge", "a/ferry", "zipped"))
    for rel, name in (("a/b/bridge.html", "a/b/bridge"), ("a/ferry.txt", "a/ferry"),
                      ("zipped.html.gz", "zipped")):
        source = f"{scrapes}/{rel}"
        assert (out / f"{name}{suffix}").read_bytes() == expected(scrapes / rel, fmt, source)
    if fmt is Format.JSON:
        assert json.loads((out / "a/ferry.json").read_text())["source"] == f"{scrapes}/a/ferry.txt"


def test_jsonl_in_input_order_with_every_field(run, scrapes, tmp_path):
    (scrapes / "a" / "broken.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (scrapes / "a" / "menu.html").write_text("<html><body><nav>Home</nav></body></html>")
    target = tmp_path / "clean.jsonl"
    result = run("batch", scrapes, "--jsonl", target, "--jobs", 2)
    assert result.exit_code == 1
    records = [json.loads(line) for line in target.read_text("utf-8").splitlines()]
    assert [r["source"] for r in records] == [f"{scrapes}/{p}" for p in (
        "a/b/bridge.html", "a/broken.html", "a/ferry.txt", "a/menu.html", "zipped.html.gz")]
    assert [r["status"] for r in records] == ["ok", "failed", "ok", "empty", "ok"]
    assert all(list(r) == RECORD_KEYS for r in records)
    ok = records[0]
    article = newsclean.clean((scrapes / "a/b/bridge.html").read_bytes())
    assert ok["error"] is None and ok["text"] == article.text and ok["title"] == article.title
    assert ok["rules"] == list(article.rules)
    assert "looks binary" in records[1]["error"] and records[1]["text"] is None
    assert records[3]["error"].startswith("no article text found; ")
    assert not temp_files(tmp_path)


def test_jsonl_to_stdout(run, scrapes):
    result = run("batch", scrapes, "--jsonl", "-", "--quiet")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert [json.loads(line)["status"] for line in result.stdout.splitlines()] == ["ok"] * 3


def test_jsonl_beside_output_files_records_the_run(run, scrapes, tmp_path):
    out, log = tmp_path / "out", tmp_path / "run.jsonl"
    run("batch", scrapes, "-o", out, "--jsonl", log)
    first = [json.loads(line) for line in log.read_text().splitlines()]
    assert [r["output"] for r in first] == [f"{out}/a/b/bridge.md", f"{out}/a/ferry.md", f"{out}/zipped.md"]
    assert all(r["status"] == "ok" and r["text"] for r in first)
    assert list(first[0]) == RECORD_KEYS


def test_a_rerun_with_output_files_keeps_every_record(run, scrapes, tmp_path):
    """-o and --jsonl run again: the up-to-date outputs are skipped and stay untouched, but the
    JSONL file keeps every input's full record, from the previous file or, when it is gone,
    by cleaning the page again; never a skipped line with a null article."""
    (scrapes / "a" / "broken.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (scrapes / "a" / "menu.html").write_text("<html><body><nav>Home</nav></body></html>")
    out, log = tmp_path / "out", tmp_path / "run.jsonl"
    assert run("batch", scrapes, "-o", out, "--jsonl", log).exit_code == 1
    whole = log.read_bytes()
    statuses = ["ok", "failed", "ok", "empty", "ok"]
    assert [json.loads(line)["status"] for line in whole.splitlines()] == statuses
    written = {p: (out / p).stat().st_mtime_ns for p in tree(out)}
    again = run("batch", scrapes, "-o", out, "--jsonl", log)
    assert summary(again) == {"ok": 0, "failed": 1, "empty": 1, "skipped": 3}
    assert log.read_bytes() == whole
    log.unlink()  # nothing to reuse: the pages are cleaned again, their outputs left alone
    gone = run("batch", scrapes, "-o", out, "--jsonl", log)
    assert summary(gone) == {"ok": 0, "failed": 1, "empty": 1, "skipped": 3}
    assert log.read_bytes() == whole
    assert {p: (out / p).stat().st_mtime_ns for p in tree(out)} == written
    stdout = run("batch", scrapes, "-o", out, "--jsonl", "-").stdout  # no file to reuse either
    assert stdout.encode() == whole
    alone = tmp_path / "alone.jsonl"  # a --jsonl-only run never takes lines that name an output
    run("batch", scrapes, "--jsonl", alone)
    run("batch", scrapes, "--jsonl", log)
    assert log.read_bytes() == alone.read_bytes()
    assert not temp_files(tmp_path)


def test_progress_lines_when_stderr_is_not_a_terminal(run, scrapes, tmp_path, monkeypatch):
    monkeypatch.setattr("newsclean.cli.progress.PLAIN_EVERY", 0.0)
    result = run("batch", scrapes, "-o", tmp_path / "out", "--jobs", 1)
    lines = result.stderr.splitlines()
    assert len(lines) == 4
    assert all(re.match(r"^batch: cleaning \d of 3 files, [\d.]+ files/s, 0 failed, about [\d.]+ s left$",
                        line) for line in lines[:3]), lines
    assert SUMMARY.match(lines[3])


def test_include_exclude_and_gzip(run, scrapes, tmp_path):
    (scrapes / "drafts").mkdir()
    (scrapes / "drafts" / "draft.html").write_text(newsclean_page(1))
    (scrapes / "page.txt.gz").write_bytes(gzip.compress(SITE.text(2).encode()))
    out = tmp_path / "out"
    result = run("batch", scrapes, "-o", out, "--include", "*.txt.gz", "--include", "*.html",
                 "--exclude", "drafts")
    assert result.exit_code == 0, result.stderr
    assert sorted(tree(out)) == ["a/b/bridge.md", "page.md"]
    out2 = tmp_path / "out2"
    result = run("batch", scrapes, "-o", out2, "--exclude", "a/b/*")
    assert sorted(tree(out2)) == ["a/ferry.md", "drafts/draft.md", "page.md", "zipped.md"]


def newsclean_page(number: int) -> str:
    return SITE.html(number)


def test_siblings_with_one_stem_keep_their_whole_names(run, tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    for name in ("story.html", "story.txt", "other.htm"):
        (root / name).write_text(SITE.html(3) if name.endswith(("html", "htm")) else SITE.text(3))
    result = run("batch", root, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert sorted(tree(tmp_path / "out")) == ["other.md", "story.html.md", "story.txt.md"]
    assert output_names(["a.html", "a.html.gz", "b.txt", "c"], ".md") == [
        "a.html.md", "a.html.gz.md", "b.md", "c.md"]


def test_several_arguments_get_a_subfolder_each(run, tmp_path):
    write_site(tmp_path / "june", 2)
    write_site(tmp_path / "july", 1)
    single = tmp_path / "single.html"
    single.write_text(SITE.html(9))
    out = tmp_path / "out"
    result = run("batch", tmp_path / "june", tmp_path / "july", single, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert sorted(tree(out)) == ["july/story-00000.md", "june/story-00000.md",
                                 "june/story-00001.md", "single.md"]
    (tmp_path / "other").mkdir()
    write_site(tmp_path / "other" / "june", 1)
    clash = run("batch", tmp_path / "june", tmp_path / "other" / "june", "-o", tmp_path / "o2")
    assert clash.exit_code == 2
    assert "named 'june'" in flat(clash.stderr)


# ---------------------------------------------------------------- inputs that are not files

def test_symlink_loop_is_reported_not_followed(run, scrapes, tmp_path):
    (scrapes / "a" / "loop").symlink_to(scrapes)
    result = run("batch", scrapes, "-o", tmp_path / "out")
    assert result.exit_code == 0
    found = messages(result)
    assert found == {f"{scrapes}/a/loop": f"warning: symlink loop (it leads back to {scrapes}); not followed"}
    assert summary(result)["skipped"] == 1 and summary(result)["ok"] == 3


def test_unreadable_entries_are_failures_and_the_batch_goes_on(run, scrapes, tmp_path):
    (scrapes / "gone.html").symlink_to(tmp_path / "nowhere.html")
    os.mkfifo(scrapes / "pipe.html")
    signal.alarm(30)  # reading the FIFO would hang: fail instead
    try:
        result = run("batch", scrapes, "-o", tmp_path / "out")
    finally:
        signal.alarm(0)
    assert result.exit_code == 1
    found = messages(result)
    assert found[f"{scrapes}/gone.html"].startswith("error: broken symlink (it points to ")
    assert found[f"{scrapes}/pipe.html"] == ("error: not a regular file (a FIFO); "
                                              "newsclean reads files only")
    assert summary(result) == {"ok": 3, "failed": 2, "empty": 0, "skipped": 0}


def test_bad_files_exit_codes_and_max_failures(run, scrapes, tmp_path):
    (scrapes / "scan.html").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    (scrapes / "menu.html").write_text("<html><body><nav>Home</nav></body></html>")
    result = run("batch", scrapes, "-o", tmp_path / "out")
    assert result.exit_code == 1
    found = messages(result)
    assert found[f"{scrapes}/scan.html"].startswith("error: input looks binary")
    assert found[f"{scrapes}/menu.html"] == (f"warning: no article text found; see why with "
                                              f"`newsclean explain {scrapes}/menu.html`")
    assert summary(result) == {"ok": 3, "failed": 1, "empty": 1, "skipped": 0}
    assert len(tree(tmp_path / "out")) == 3
    assert run("batch", scrapes, "-o", tmp_path / "o2", "--max-failures", "1").exit_code == 0
    assert run("batch", scrapes, "-o", tmp_path / "o3", "--max-failures", "20%").exit_code == 0
    assert run("batch", scrapes, "-o", tmp_path / "o4", "--max-failures", "10%").exit_code == 1
    quiet = run("batch", scrapes, "-o", tmp_path / "o5", "--quiet", "--force")
    assert quiet.stderr.splitlines() == [f"newsclean: error: {scrapes}/scan.html: input looks binary "
                                         "(a PDF, starts with '%PDF'); newsclean reads HTML or text"]


@pytest.mark.parametrize("args,message", [
    ([], "give an output folder"),
    (["--jsonl", "x.jsonl", "--max-failures", "many"], "not a number"),
    (["--jsonl", "x.jsonl", "--input-type", "pdf"], "'pdf' is not one of 'auto', 'html', 'text'"),
    (["--jsonl", "x.jsonl", "--jobs", "0"], "--jobs"),
])
def test_usage_errors_exit_2(run, scrapes, args, message, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    result = run("batch", scrapes, *args)
    assert result.exit_code == 2
    assert message in flat(result.stderr)


def test_missing_input_and_output_inside_out_are_usage_errors(run, scrapes, tmp_path):
    assert run("batch", tmp_path / "nope", "-o", tmp_path / "out").exit_code == 2
    same = run("batch", scrapes, "-o", scrapes)
    assert same.exit_code == 2 and "is the output folder" in flat(same.stderr)
    inner = run("batch", scrapes / "a", "-o", scrapes)
    assert inner.exit_code == 2 and "inside the output folder" in flat(inner.stderr)


@pytest.mark.parametrize("options,option,message", [
    ({}, "--output", "give an output folder (-o DIR), or --jsonl FILE"),
    ({"jsonl": Path("x.jsonl"), "jobs": 0}, "--jobs", "must be 1 or more"),
    ({"out_dir": Path("in")}, "--output", "the input folder in is the output folder; "
                                          "choose an output folder outside it"),
])
def test_the_library_names_the_option_at_fault(scrapes, options, option, message, monkeypatch):
    monkeypatch.chdir(scrapes.parent)
    with pytest.raises(OptionError) as raised:
        list(run_batch(["in"], Options(**options)))
    assert (raised.value.option, raised.value.message) == (option, message)


def test_two_input_folders_of_one_name_are_an_error_of_the_paths(tmp_path):
    (tmp_path / "a" / "x").mkdir(parents=True)
    (tmp_path / "b" / "x").mkdir(parents=True)
    with pytest.raises(OptionError) as raised:
        list(run_batch([tmp_path / "a" / "x", tmp_path / "b" / "x"], Options(out_dir=tmp_path / "out")))
    assert raised.value.option == "PATHS" and "two input folders are named 'x'" in raised.value.message


# ---------------------------------------------------------------- resume and atomic writes

def test_resume_skips_done_inputs_and_redoes_changed_ones(run, scrapes, tmp_path):
    out = tmp_path / "out"
    assert run("batch", scrapes, "-o", out).exit_code == 0
    first = {p: (out / p).stat().st_mtime_ns for p in tree(out)}
    again = run("batch", scrapes, "-o", out)
    assert again.exit_code == 0
    assert summary(again) == {"ok": 0, "failed": 0, "empty": 0, "skipped": 3}
    assert {p: (out / p).stat().st_mtime_ns for p in tree(out)} == first
    later = (out / "a/ferry.md").stat().st_mtime + 10
    os.utime(scrapes / "a/ferry.txt", (later, later))
    touched = run("batch", scrapes, "-o", out)
    assert summary(touched) == {"ok": 1, "failed": 0, "empty": 0, "skipped": 2}
    forced = run("batch", scrapes, "-o", out, "--force")
    assert summary(forced) == {"ok": 3, "failed": 0, "empty": 0, "skipped": 0}


def test_an_input_that_now_fails_loses_its_stale_output(run, scrapes, tmp_path):
    out = tmp_path / "out"
    run("batch", scrapes, "-o", out)
    page = scrapes / "a/ferry.txt"
    page.write_bytes(b"\x00\x01binary now")
    later = (out / "a/ferry.md").stat().st_mtime + 10
    os.utime(page, (later, later))
    result = run("batch", scrapes, "-o", out)
    assert result.exit_code == 1
    assert not (out / "a/ferry.md").exists()


def test_leftover_temporary_files_are_removed(run, scrapes, tmp_path):
    out = tmp_path / "out"
    (out / "a").mkdir(parents=True)
    (out / "a" / f".123-4{TEMP_SUFFIX}").write_text("half a page")
    assert run("batch", scrapes, "-o", out).exit_code == 0
    assert not temp_files(out)
    assert sorted(tree(out)) == ["a/b/bridge.md", "a/ferry.md", "zipped.md"]


def test_jsonl_resume_keeps_good_lines_and_redoes_the_rest(run, scrapes, tmp_path):
    target = tmp_path / "clean.jsonl"
    run("batch", scrapes, "--jsonl", target)
    whole = target.read_bytes()
    again = run("batch", scrapes, "--jsonl", target)
    assert summary(again)["skipped"] == 3 and target.read_bytes() == whole
    later = target.stat().st_mtime + 10
    os.utime(scrapes / "a/ferry.txt", (later, later))
    touched = run("batch", scrapes, "--jsonl", target)  # only the changed input is cleaned again
    assert summary(touched) == {"ok": 1, "failed": 0, "empty": 0, "skipped": 2}
    assert target.read_bytes() == whole and not temp_files(tmp_path)


def run_cli(*args: str) -> subprocess.Popen:
    """The CLI in a session of its own, with Ctrl-C's default meaning: pytest started with `&`
    from a script ignores SIGINT, and a child would inherit that and never be interrupted."""
    return subprocess.Popen([sys.executable, "-m", "newsclean", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def all_gone(group: int, seconds: float = 5.0) -> bool:
    """Whether every process of the group has exited (the workers die with the parent)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.02)
    os.killpg(group, signal.SIGKILL)
    return False


INTERRUPTIONS = [("-o", signal.SIGKILL), ("--jsonl", signal.SIGKILL), ("--jsonl", signal.SIGINT),
                 ("-o --jsonl", signal.SIGKILL), ("-o --jsonl", signal.SIGINT)]


@pytest.mark.parametrize("mode,sig", INTERRUPTIONS, ids=[f"{m}-{s.name}" for m, s in INTERRUPTIONS])
def test_interrupted_halfway_then_rerun_gives_the_same_bytes(tmp_path, mode, sig):
    """SIGKILL (the parent alone: its workers must die with it) or Ctrl-C (SIGINT to the whole
    process group) halfway, then a rerun: the same files and JSONL bytes as an uninterrupted
    run, the JSONL lines already written reused rather than cleaned again. A page that fails
    comes first: failures are tried again, and must not stop the lines after them being reused.
    What the killed run recorded under -o (.newsclean/) names only outputs written whole, and a
    third run finds everything recorded."""
    pages = tmp_path / "in"
    write_site(pages, 40, Site(paragraphs=150), per_folder=10)
    (pages / "part000" / "000-scan.html").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    work = tmp_path / "work"  # the same paths for both runs: JSONL lines name their outputs
    args = {"-o": ["-o", str(work / "out")], "--jsonl": ["--jsonl", str(work / "all.jsonl")]}
    batch = ["batch", str(pages), *[a for m in mode.split() for a in args[m]], "--max-failures", "1"]
    work.mkdir()
    done = run_cli(*batch, "--jobs", "2")
    assert done.wait(120) == 0, done.stderr.read()
    reference = tree(work)
    work.rename(tmp_path / "reference")
    work.mkdir()

    killed = run_cli(*batch, "--jobs", "1")
    deadline = time.monotonic() + 60
    while progress(work, mode) < 8 and time.monotonic() < deadline and killed.poll() is None:
        time.sleep(0.005)
    (os.kill if sig == signal.SIGKILL else os.killpg)(killed.pid, sig)
    killed.wait()
    assert killed.returncode == (-signal.SIGKILL if sig == signal.SIGKILL else 130)
    assert all_gone(killed.pid), "a worker outlived its killed parent"
    assert 8 <= progress(work, mode) < 41, "not interrupted halfway"
    part = work / "all.jsonl.part"
    lines = part.read_bytes().splitlines(keepends=True) if part.exists() else []
    kept = [line for line in lines if line.endswith(b"\n") and json.loads(line)["status"] in ("ok", "empty")]
    outputs = sum(1 for _ in work.rglob("*.md"))
    claims = recorded(work / "out")  # each names an output written whole, as it is now
    assert ("-o" not in mode or claims) and len(claims) <= outputs
    for rel, size, mtime_ns in claims:
        info = (work / "out" / rel).stat()
        assert (info.st_size, info.st_mtime_ns) == (size, mtime_ns)
        assert (work / "out" / rel).read_bytes() == reference[f"out/{rel}"]

    rerun = run_cli(*batch, "--jobs", "2")
    assert rerun.wait(120) == 0, rerun.stderr.read()
    last = SUMMARY.match(rerun.stderr.read().decode().splitlines()[-1])
    assert last, "no summary"
    # the outputs and JSONL lines already there are kept, not made again
    assert int(last["skipped"] or 0) == (outputs if "-o" in mode else len(kept)) > 0
    assert tree(work) == reference
    assert not temp_files(work)
    third = run_cli(*batch, "--jobs", "2")  # and the rerun recorded all it did
    assert third.wait(120) == 0
    stderr = third.stderr.read().decode()
    assert SUMMARY.match(stderr.splitlines()[-1])["skipped"] == "40" and "cleaned again" not in stderr
    assert tree(work) == reference


def recorded(out: Path) -> list[tuple[str, int, int]]:
    """The whole claims in OUT/.newsclean: (output, size, mtime_ns)."""
    found = []
    for path in (out / ".newsclean").glob("*.claims"):
        for line in path.read_bytes().splitlines(keepends=True):
            if line.startswith(b"[") and line.endswith(b"\n"):
                claim = json.loads(line)
                found.append((claim[0], claim[5], claim[6]))
    return found


def progress(work: Path, mode: str) -> int:
    if mode == "-o":
        return sum(1 for _ in work.rglob("*.md"))
    part = work / "all.jsonl.part"
    return part.read_bytes().count(b"\n") if part.exists() else 0


# ---------------------------------------------------------------- outputs stay inside -o

def test_names_are_sanitised_and_outputs_never_escape(run, tmp_path):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "bell\x07name.html").write_text(SITE.html(1))
    (root / "sub" / "page.html").write_text(SITE.html(2))
    (root / "..html").write_text(SITE.html(3))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").symlink_to(elsewhere)  # a link planted in the output folder
    result = run("batch", root, "-o", out)
    assert result.exit_code == 1
    assert "leads outside" in messages(result)[f"{root}/sub/page.html"]
    assert list(elsewhere.iterdir()) == []
    assert sorted(p for p in tree(out)) == ["..html.md", "bell_name.md"]
    outside = tmp_path / "up.html"
    outside.write_text(SITE.html(4))
    assert run("batch", root / ".." / "up.html", "-o", out).exit_code == 0
    assert (out / "up.md").exists() and not (tmp_path / "up.md").exists()


def test_an_output_never_overwrites_its_input(run, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(SITE.text(5))
    before = page.read_bytes()
    result = run("batch", page, "-o", tmp_path, "--format", "text")
    assert result.exit_code == 1
    assert "would overwrite the input itself" in result.stderr
    assert page.read_bytes() == before


def test_output_folder_inside_the_input_folder_is_not_read_back(run, scrapes):
    out = scrapes / "clean"
    assert run("batch", scrapes, "-o", out).exit_code == 0
    again = run("batch", scrapes, "-o", out)
    assert summary(again) == {"ok": 0, "failed": 0, "empty": 0, "skipped": 3}


# ---------------------------------------------------------------- timeouts and crashes (library)

def slow_clean(data, **kwargs):
    """newsclean.clean, except that a page saying SLOW hangs."""
    if b"SLOW" in data:
        time.sleep(60)
    return newsclean.clean(data, **kwargs)


def crashing_clean(data, **kwargs):
    if b"CRASH" in data:
        # the worker inherits pytest's faulthandler, whose dump would land in the run's output
        faulthandler.disable()
        os.kill(os.getpid(), signal.SIGSEGV)
    if b"BUG" in data:
        raise RuntimeError("a bug")
    return newsclean.clean(data, **kwargs)


def test_a_stuck_page_is_killed_after_the_timeout_and_the_batch_goes_on(tmp_path):
    root = tmp_path / "in"
    write_site(root, 6)
    (root / "story-00002.html").write_text(SITE.html(2).replace("<h1>", "<h1>SLOW "))
    started = time.monotonic()
    # a timeout a loaded CI machine cannot reach on a normal page, far below the stuck one's
    outcomes = list(run_batch([root], Options(out_dir=tmp_path / "out", jobs=2, timeout=4),
                              clean=slow_clean))
    assert time.monotonic() - started < 30
    assert [o.status for o in outcomes] == [Status.OK] * 2 + [Status.FAILED] + [Status.OK] * 3
    assert outcomes[2].error.startswith("timed out after 4 s, so its worker was stopped; ")
    assert len(tree(tmp_path / "out")) == 5


def test_a_crashing_worker_or_a_bug_fails_one_page_only(tmp_path):
    root = tmp_path / "in"
    write_site(root, 5)
    (root / "story-00001.html").write_text(SITE.html(1).replace("<h1>", "<h1>CRASH "))
    (root / "story-00003.html").write_text(SITE.html(3).replace("<h1>", "<h1>BUG "))
    outcomes = list(run_batch([root], Options(out_dir=tmp_path / "out", jobs=2), clean=crashing_clean))
    assert [o.status for o in outcomes] == [Status.OK, Status.FAILED, Status.OK, Status.FAILED, Status.OK]
    assert "worker process died while cleaning it (killed by SIGSEGV)" in outcomes[1].error
    assert outcomes[3].error.startswith("internal error (RuntimeError: a bug); ")
    assert "Traceback" in outcomes[3].detail


# ---------------------------------------------------------------- boilerplate learning

def learn_tree(tmp_path: Path, jobs: int, name: str) -> dict[str, bytes]:
    out = tmp_path / name
    outcomes = list(run_batch([tmp_path / "site"], Options(out_dir=out, jobs=jobs, learning=Learning(),
                                                          max_tasks=3)))
    assert all(o.status is Status.OK for o in outcomes if isinstance(o, Outcome))
    return tree(out)


def test_learning_drops_a_sites_furniture_and_keeps_the_news(tmp_path, run):
    write_site(tmp_path / "site" / "html", 12)
    write_site(tmp_path / "site" / "text", 6, kind="text")
    write_site(tmp_path / "site" / "few", 3, Site(host="few.example", name="Few News", seed=3))
    learned = learn_tree(tmp_path, 2, "out")
    assert learned == learn_tree(tmp_path, 1, "out1")  # whatever --jobs
    for number in range(12):
        text = learned[f"html/story-{number:05d}.md"].decode()
        paras = SITE.story(number)[1]
        assert all(p in text for p in paras), "news lost"
        assert not any(line in text for line in SITE.furniture(number)), "furniture kept"
        assert "\n\n\n" not in text
    assert not any(line in learned["text/story-00001.md"].decode() for line in SITE.furniture(1))
    few = learned["few/story-00000.md"].decode()  # 3 pages: too few to learn from
    assert all(line in few for line in Site(host="few.example", name="Few News", seed=3).furniture(0))
    run("batch", tmp_path / "site", "-o", tmp_path / "plain")
    assert all(line in (tmp_path / "plain/html/story-00000.md").read_text() for line in SITE.furniture(0))


def test_learning_reports_what_it_learned_and_when_it_learned_nothing(tmp_path, run):
    write_site(tmp_path / "site", 8)
    few = Site(host="few.example", name="Few News", seed=3)
    write_site(tmp_path / "site" / "few", 3, few)
    events = list(run_batch([tmp_path / "site"], Options(out_dir=tmp_path / "out", jobs=2,
                                                         learning=Learning())))
    report = events[-1]
    assert isinstance(report, LearningReport)
    assert not any(isinstance(event, LearningReport) for event in events[:-1])
    assert (report.share, report.min_pages) == (0.5, 5)
    learned, small = report.sites
    assert (learned.site, learned.pages, learned.touched) == ("coastgazette.example", 8, 8)
    assert sorted(learned.lines) == sorted(SITE.furniture(0))  # the first page's wording
    assert (small.site, small.pages, small.lines, small.touched) == ("few.example", 3, (), 0)

    result = run("batch", tmp_path / "site", "-o", tmp_path / "cli", "--learn-boilerplate")
    assert result.stderr.splitlines()[-2:-1] == [
        "learned: coastgazette.example: 4 lines on more than 50% of its 8 pages, dropped from 8 pages"]
    assert summary(result)["ok"] == 11
    nothing = run("batch", tmp_path / "site", "-o", tmp_path / "all", "--learn-boilerplate",
                  "--boilerplate-share", "1")
    assert nothing.stderr.splitlines()[-2:-1] == [
        "learned nothing: no line repeats on more than 100% of a site's pages (--boilerplate-share)"]
    too_few = run("batch", tmp_path / "site" / "few", "-o", tmp_path / "few", "--learn-boilerplate")
    assert too_few.stderr.splitlines()[-2:-1] == [
        "learned nothing: no site has 5 pages or more (--boilerplate-min-pages); "
        "the most pages of one site: 3 (few.example)"]
    plain = run("batch", tmp_path / "site", "-o", tmp_path / "plain")
    assert "learned" not in plain.stderr


def test_a_learning_report_of_many_sites_stays_short():
    sites = tuple(LearnedSite(f"site{n}.example", 10, ("Follow us", "Share this"), 9) for n in range(7))
    lines = LearningReport(0.5, 5, sites).summary_lines()
    assert lines == [f"learned: site{n}.example: 2 lines on more than 50% of its 10 pages, "
                     "dropped from 9 pages" for n in range(5)] + [
        "learned: 2 more sites, 4 lines dropped from 18 pages"]
    assert LearningReport(0.5, 5).summary_lines() == [
        "learned nothing: no site has 5 pages or more (--boilerplate-min-pages)"]


def test_learning_leaves_copies_of_one_page_whole(tmp_path):
    for number in range(6):  # one story saved six times: every line is on every page
        (tmp_path / "site" / f"copy{number}.html").parent.mkdir(exist_ok=True)
        (tmp_path / "site" / f"copy{number}.html").write_text(SITE.html(1))
    learned = learn_tree(tmp_path, 2, "out")
    assert set(learned.values()) == {expected(tmp_path / "site/copy0.html", Format.MARKDOWN, "")}


PARA = "The council met on Tuesday and agreed, after a long debate, to rebuild the old bridge."
PARA2 = "Work is expected to begin in the spring and to last about eight months in all."


def test_dropping_lines_reaches_markdown_through_its_markup():
    article = newsclean.Article(
        text=f"Read all about it 24/7\n{PARA}\nSubscribe now\n{PARA2}",
        markdown=f"# Title\n\n**Read all about it 24/7**\n\n{PARA}\n\n- [Subscribe](/s) now\n\n{PARA2}\n",
        title="Title")
    keys = page_keys("Read all about it 1/2\nSubscribe now")
    dropped, count = drop_lines(article, keys)
    assert count == 2
    assert dropped.text == f"{PARA}\n{PARA2}"
    assert dropped.markdown == f"# Title\n\n{PARA}\n\n{PARA2}\n"
    assert drop_lines(article, page_keys(f"{PARA}\n{PARA2}\nSubscribe now"))[1] == 0  # most of it


def test_learning_keeps_text_and_markdown_consistent_in_jsonl(tmp_path, run):
    write_site(tmp_path / "site", 8)
    result = run("batch", tmp_path / "site", "--jsonl", tmp_path / "all.jsonl", "--learn-boilerplate",
                 "--boilerplate-share", "0.6", "--boilerplate-min-pages", "8")
    assert result.exit_code == 0, result.stderr
    for line in (tmp_path / "all.jsonl").read_text().splitlines():
        record = json.loads(line)
        for furniture in SITE.furniture(0)[1:]:
            assert furniture not in record["text"] and furniture not in record["markdown"]
        assert record["markdown"].startswith(f"# {record['title']}\n\n")
    rerun = run("batch", tmp_path / "site", "-o", tmp_path / "out", "--learn-boilerplate")
    again = run("batch", tmp_path / "site", "-o", tmp_path / "out", "--learn-boilerplate")
    assert summary(rerun)["ok"] == 8 and summary(again)["skipped"] == 8


def test_rules_learn_writes_a_draft_that_lints_and_works(tmp_path, run):
    write_site(tmp_path / "site", 10)
    write_site(tmp_path / "site" / "other", 2, Site(host="other.example", name="Other", seed=1))
    result = run("rules", "learn", tmp_path / "site", "--host", "www.coastgazette.example")
    assert result.exit_code == 0, result.stderr
    draft = result.stdout
    assert draft.count("# seen on 10 of 10 pages\nstrip_line: ") == 4
    parsed = parse_rule_text(draft, "draft.txt", "coastgazette.example")
    assert parsed.problems == ()
    patterns = [rule.value for rule in parsed.rules.get("strip_line")]
    for number in range(20):  # pages it never saw too: digits vary
        assert all(any(p.fullmatch(line) for p in patterns) for line in SITE.furniture(number))
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "coastgazette.example.txt").write_text(draft)
    article = newsclean.clean(SITE.html(15).encode(), rules_dirs=(str(rules),))
    assert not any(line in article.text for line in SITE.furniture(15))
    assert all(p in article.text for p in SITE.story(15)[1])
    several = run("rules", "learn", tmp_path / "site")
    assert several.exit_code == 1 and "choose one with --host" in several.stderr
    few = run("rules", "learn", tmp_path / "site", "--host", "other.example")
    assert few.exit_code == 1 and "only 2 pages" in few.stderr
    saved = tmp_path / "draft.txt"
    assert run("rules", "learn", tmp_path / "site", "--host", "coastgazette.example",
               "-o", saved).exit_code == 0
    assert saved.read_text() == draft
    assert run("rules", "learn", tmp_path / "site", "--host", "coastgazette.example",
               "-o", saved).exit_code == 2
