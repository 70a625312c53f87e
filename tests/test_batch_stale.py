"""Issue 13: a batch rerun redoes the outputs whose recipe changed (options, rule files,
version) and says so, skips the rest, and keeps JSONL lines only into a run of the same
recipe; the records under -o (.newsclean/) survive loss, corruption and writers side by side.
The SIGKILL half of the story is in test_batch.py (test_interrupted_halfway_then_rerun...)."""
from __future__ import annotations

import fcntl
import json
import re
import subprocess
import sys
from contextlib import suppress
from pathlib import Path

import pytest
from sitegen import Site, write_site
from typer.testing import CliRunner

from newsclean.batch import Options, Status, run_batch
from newsclean.batch import manifest as manifest_module
from newsclean.batch.manifest import FOLDER, SUFFIX
from newsclean.cli import app
from newsclean.rules import load_book

SUMMARY = re.compile(r"^batch: (?P<ok>\d+) cleaned, (?P<failed>\d+) failed(, (?P<empty>\d+) empty)?"
                     r"(, (?P<skipped>\d+) skipped)?; [\d.]+ k?M?B in, [\d.]+ k?M?B out; [\d.]+ s$")
PAGES = 3


@pytest.fixture
def site(tmp_path) -> Path:
    write_site(tmp_path / "in", PAGES)
    return tmp_path / "in"


@pytest.fixture
def batch(tmp_path, site):
    """`newsclean batch IN -o OUT ARGS...` in this process (one worker): (counts, why lines)."""
    runner = CliRunner()

    def invoke(*args, out: Path = tmp_path / "out", paths=(site,)):
        load_book.cache_clear()  # a process reads the rule files once: these runs share one
        result = runner.invoke(app, ["batch", *map(str, paths), "-o", str(out), "--jobs", "1",
                                     *map(str, args)], catch_exceptions=False)
        assert result.exit_code in (0, 1), result.stderr
        lines = result.stderr.splitlines()
        match = SUMMARY.match(lines[-1])
        assert match, result.stderr
        counts = {k: int(v or 0) for k, v in match.groupdict().items()}
        return counts, [line for line in lines if " cleaned again: " in line]
    return invoke


def stamps(out: Path) -> dict[str, tuple[int, bytes]]:
    """Each output (not the records): relative path -> (mtime_ns, bytes)."""
    return {p.relative_to(out).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
            for p in sorted(out.rglob("*")) if p.is_file() and FOLDER not in p.parts}


def claims(out: Path) -> list[list]:
    """Every whole claim line under OUT/.newsclean."""
    found = []
    for path in sorted((out / FOLDER).glob(f"*{SUFFIX}")):
        for line in path.read_bytes().splitlines(keepends=True):
            if line.startswith(b"[") and line.endswith(b"\n"):
                with suppress(ValueError):
                    found.append(json.loads(line))
    return found


ALL_SKIPPED = {"ok": 0, "failed": 0, "empty": 0, "skipped": PAGES}
ALL_CLEANED = {"ok": PAGES, "failed": 0, "empty": 0, "skipped": 0}
SAME = f"; {PAGES} came out the same and were left alone"


# ---------------------------------------------------------------- what counts as a change

def test_an_unchanged_rerun_skips_everything_and_touches_nothing(batch, tmp_path):
    out = tmp_path / "out"
    assert batch() == (ALL_CLEANED, [])
    before = stamps(out)
    assert batch() == (ALL_SKIPPED, [])
    assert batch("--input-type", "auto", "--front-matter") == (ALL_SKIPPED, [])  # the defaults, said
    assert stamps(out) == before
    assert sorted(claim[0] for claim in claims(out)) == sorted(before)


@pytest.mark.parametrize("first,second,what,rewritten", [
    ((), ("--no-front-matter",), "--front-matter", True),
    ((), ("--input-type", "html"), "--input-type", False),
    ((), ("--learn-boilerplate", "--boilerplate-min-pages", "2"), "--learn-boilerplate", True),
    (("--learn-boilerplate", "--boilerplate-min-pages", "2"),
     ("--learn-boilerplate", "--boilerplate-min-pages", "3"), "--boilerplate-min-pages", False),
    (("--learn-boilerplate", "--boilerplate-min-pages", "2"),
     ("--learn-boilerplate", "--boilerplate-min-pages", "2", "--boilerplate-share", "0.9"),
     "--boilerplate-share", False),
    (("--format", "json"), ("--format", "json", "--input-type", "html", "--no-front-matter"),
     "--input-type", False),  # --front-matter does not shape JSON
])
def test_each_option_that_shapes_the_bytes_redoes_the_outputs(batch, tmp_path, first, second, what,
                                                              rewritten):
    out = tmp_path / "out"
    assert batch(*first)[0] == ALL_CLEANED
    before = stamps(out)
    counts, why = batch(*second)
    assert why == [f"batch: {PAGES} cleaned again: {what} changed since the last run"
                   + ("" if rewritten else SAME)]
    assert counts == (ALL_CLEANED if rewritten else ALL_SKIPPED)
    after = stamps(out)
    assert (after != before) == rewritten
    assert batch(*second) == (ALL_SKIPPED, [])
    assert stamps(out) == after


def test_a_new_version_redoes_the_outputs(batch, monkeypatch):
    batch()
    monkeypatch.setattr("newsclean.batch.recipe.__version__", "99.0")
    assert batch() == (ALL_SKIPPED, [f"batch: {PAGES} cleaned again: newsclean version changed since "
                                     f"the last run{SAME}"])
    assert batch() == (ALL_SKIPPED, [])


def test_another_format_writes_other_files_and_the_first_ones_stay_good(batch, tmp_path):
    batch()
    assert batch("--format", "json") == (ALL_CLEANED, [])  # new files: nothing cleaned *again*
    assert batch() == (ALL_SKIPPED, [])
    assert batch("--format", "json") == (ALL_SKIPPED, [])
    assert len(stamps(tmp_path / "out")) == 2 * PAGES


def test_json_outputs_carry_their_source_so_another_spelling_redoes_them(batch, tmp_path, site,
                                                                         monkeypatch):
    batch("--format", "json")
    monkeypatch.chdir(tmp_path)
    again = batch("--format", "json", paths=("in",))
    assert again[0] == ALL_CLEANED and again[1] == [f"batch: {PAGES} cleaned again: not recorded as made "
                                                    "with these options and rules"]
    assert json.loads((tmp_path / "out/story-00000.json").read_text())["source"] == "in/story-00000.html"
    assert batch(paths=("in",))[0] == ALL_CLEANED  # Markdown does not hold the source: no redo for it
    assert batch()[0] == ALL_SKIPPED


def test_editing_adding_or_removing_a_rule_file_redoes_the_outputs(batch, tmp_path):
    rules, out = tmp_path / "rules", tmp_path / "out"
    rules.mkdir()
    (rules / "other.example.txt").write_text("strip_line: Nothing like this\n")
    (rules / "coastgazette.example.txt").write_text("strip_line: Nothing like this either\n")
    (rules / "notes.md").write_text("not a rule file")
    assert batch("--rules-dir", rules)[0] == ALL_CLEANED
    assert batch("--rules-dir", rules) == (ALL_SKIPPED, [])
    (rules / "notes.md").write_text("still not a rule file")  # not read: no change
    assert batch("--rules-dir", rules) == (ALL_SKIPPED, [])
    changed = [f"batch: {PAGES} cleaned again: rule files changed since the last run"]

    (rules / "other.example.txt").write_text("strip_line: Something else\n")  # serves no page here
    assert batch("--rules-dir", rules) == (ALL_SKIPPED, [changed[0] + SAME])
    (rules / "coastgazette.example.txt").write_text("strip_line: Photographs in this article .*\n")
    assert batch("--rules-dir", rules) == (ALL_CLEANED, changed)
    assert "Photographs in this article" not in (out / "story-00001.md").read_text()
    (rules / "other.example.txt").unlink()
    assert batch("--rules-dir", rules) == (ALL_SKIPPED, [changed[0] + SAME])
    assert batch() == (ALL_CLEANED, changed)  # without the folder: the line is back
    assert "Photographs in this article" in (out / "story-00001.md").read_text()
    assert batch() == (ALL_SKIPPED, [])


def test_an_output_the_new_rules_empty_is_removed(batch, tmp_path):
    rules, out = tmp_path / "rules", tmp_path / "out"
    rules.mkdir()
    batch()
    (rules / "coastgazette.example.txt").write_text("strip_line: .*\n")
    counts, why = batch("--rules-dir", rules)
    assert counts == {"ok": 0, "failed": 0, "empty": PAGES, "skipped": 0} and why == []
    assert stamps(out) == {}  # no output says what the page no longer gives


def test_force_redoes_everything_without_a_reason(batch):
    batch()
    assert batch("--force") == (ALL_CLEANED, [])
    assert batch() == (ALL_SKIPPED, [])


# ---------------------------------------------------------------- records lost, torn, shared

def test_lost_or_corrupt_records_redo_everything(batch, tmp_path):
    out = tmp_path / "out"
    unrecorded = [f"batch: {PAGES} cleaned again: not recorded as made with these options and rules{SAME}"]
    batch()
    before = stamps(out)
    for damage in ("deleted", "garbage", "torn", "wrong shape", "a file"):
        records = out / FOLDER
        files = sorted(records.glob(f"*{SUFFIX}"))
        held = claims(out)
        for path in files:
            if damage == "deleted":
                path.unlink()
            elif damage == "garbage":
                path.write_bytes(b"\x00\xff" * 100 + b"\n[1, 2\n{\"recipe\": 3}\n")
            elif damage == "torn":  # a kill mid-line: no claim without its newline
                path.write_bytes(b" ".join(path.read_bytes().splitlines()))
            elif damage == "wrong shape":
                path.write_text("".join(json.dumps(c[:6]) + "\n" + json.dumps(c[:6] + ["x"]) + "\n"
                                        for c in held))
        if damage == "a file":
            for path in files:
                path.unlink()
            records.rmdir()
            records.write_text("a file where the records go")
        assert batch() == (ALL_SKIPPED, unrecorded), damage
        assert stamps(out) == before
        if damage != "a file":
            assert batch() == (ALL_SKIPPED, []), damage


def test_a_claim_holds_only_for_the_file_it_names(batch, tmp_path):
    """A claim names the size and mtime of the file written: a file written after it (by a run
    with another recipe, killed before it could record), or edited, is not covered."""
    out = tmp_path / "out"
    batch()
    page = out / "story-00001.md"
    page.write_text(page.read_text().replace("Coast Gazette", "Coast Gazettf"))
    counts, why = batch()
    assert counts == {"ok": 1, "failed": 0, "empty": 0, "skipped": PAGES - 1}
    assert why == ["batch: 1 cleaned again: not recorded as made with these options and rules"]
    assert "Gazettf" not in page.read_text()


def test_runs_writing_one_output_folder_at_once_keep_each_others_records(tmp_path, site):
    """Two processes (as shards would) write into one -o together: each appends to a file of its
    own, and a later run over all the inputs finds every output recorded."""
    out, more = tmp_path / "out", tmp_path / "more"
    more.mkdir()
    other = Site(host="other.example", name="Other", seed=2)
    for number in range(PAGES):
        (more / f"other-{number}.html").write_text(other.html(number))
    shards = [sorted(site.iterdir()), sorted(more.iterdir())]  # files named: outputs at the top of -o
    runs = [subprocess.Popen([sys.executable, "-m", "newsclean", "batch", *map(str, files), "-o", str(out),
                              "--jobs", "1"], stderr=subprocess.PIPE) for files in shards]
    assert [run.wait(120) for run in runs] == [0, 0], [run.stderr.read() for run in runs if run.stderr]
    assert len(list((out / FOLDER).glob(f"*{SUFFIX}"))) == 2
    assert len(claims(out)) == 2 * PAGES
    for files in shards:
        result = CliRunner().invoke(app, ["batch", *map(str, files), "-o", str(out), "--jobs", "1"])
        assert SUMMARY.match(result.stderr.splitlines()[-1])["skipped"] == str(PAGES), result.stderr


def test_a_complete_run_merges_the_record_files_but_those_of_live_runs(batch, tmp_path, monkeypatch):
    out = tmp_path / "out"
    monkeypatch.setattr(manifest_module, "MERGE_AFTER", 3)
    batch()
    batch("--no-front-matter")
    records = out / FOLDER
    live = records / f"1-2-live{SUFFIX}"  # a run still writing: it holds its file locked
    live.write_text('["elsewhere.md", "0", null, 1, 2, 3, 4]\n')
    with open(live, "rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        assert len(list(records.glob(f"*{SUFFIX}"))) == 3
        batch()  # the third file of its own: now merged with the first two, not with the live one
        files = sorted(records.glob(f"*{SUFFIX}"))
        assert len(files) == 2 and live in files
    merged = next(path for path in files if path != live).read_bytes().splitlines()
    assert len(merged) == 1 + PAGES  # the newest claim of each output, and its recipe
    assert json.loads(merged[0])["made_with"]["--front-matter"] == "yes"
    assert batch() == (ALL_SKIPPED, [])


def test_records_are_not_inputs_and_an_input_folder_may_share_their_name(batch, tmp_path, site):
    (site / ".newsclean").mkdir()
    (site / ".newsclean" / "page.html").write_text(Site().html(7))
    out = site / "clean"  # inside the input folder, where --include '*' would see the records
    counts, _ = batch("--include", "*.html", "--include", "*.claims", out=out)
    assert counts == {"ok": PAGES + 1, "failed": 0, "empty": 0, "skipped": 0}
    assert (out / FOLDER / "page.md").is_file()
    assert batch("--include", "*.html", "--include", "*.claims", out=out) == (
        {"ok": 0, "failed": 0, "empty": 0, "skipped": PAGES + 1}, [])


# ---------------------------------------------------------------- JSONL records

def jsonl_run(*args):
    load_book.cache_clear()
    result = CliRunner().invoke(app, ["batch", *map(str, args), "--jobs", "1"], catch_exceptions=False)
    lines = result.stderr.splitlines()
    return {k: int(v or 0) for k, v in SUMMARY.match(lines[-1]).groupdict().items()}, [
        line for line in lines if " cleaned again: " in line]


def test_jsonl_lines_are_kept_only_into_a_run_of_the_same_recipe(tmp_path, site):
    log = tmp_path / "all.jsonl"
    assert jsonl_run(site, "--jsonl", log)[0] == ALL_CLEANED
    whole = log.read_bytes()
    recipe = json.loads((tmp_path / "all.jsonl.recipe").read_text())
    assert "--format" not in recipe["made_with"] and recipe["made_with"]["--input-type"] == "auto"
    assert jsonl_run(site, "--jsonl", log) == (ALL_SKIPPED, [])
    assert jsonl_run(site, "--jsonl", log, "--format", "json", "--no-front-matter") == (ALL_SKIPPED, [])
    assert jsonl_run(site, "--jsonl", log, "--input-type", "html") == (
        ALL_CLEANED, [f"batch: {PAGES} cleaned again: --input-type changed since the last run"])
    assert log.read_bytes() == whole  # the same lines, made again
    assert jsonl_run(site, "--jsonl", log, "--input-type", "html") == (ALL_SKIPPED, [])
    (tmp_path / "all.jsonl.recipe").unlink()  # lines of an unknown recipe are not kept
    assert jsonl_run(site, "--jsonl", log, "--input-type", "html") == (
        ALL_CLEANED, [f"batch: {PAGES} cleaned again: not recorded as made with these options and rules"])
    assert jsonl_run(site, "--jsonl", log, "--input-type", "html") == (ALL_SKIPPED, [])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.jsonl", "all.jsonl.recipe", "in"]


def test_with_output_files_a_changed_recipe_remakes_the_records_too(tmp_path, site):
    out, log = tmp_path / "out", tmp_path / "all.jsonl"
    jsonl_run(site, "-o", out, "--jsonl", log)
    first = log.read_bytes()
    counts, why = jsonl_run(site, "-o", out, "--jsonl", log, "--learn-boilerplate",
                            "--boilerplate-min-pages", "2")
    assert counts == ALL_CLEANED and why == [f"batch: {PAGES} cleaned again: --learn-boilerplate "
                                             "changed since the last run"]
    learned = log.read_bytes()
    assert learned != first and b"Photographs in this article" not in learned
    assert jsonl_run(site, "-o", out, "--jsonl", log) == (
        ALL_CLEANED, [f"batch: {PAGES} cleaned again: --learn-boilerplate changed since the last run"])
    assert log.read_bytes() == first
    assert jsonl_run(site, "-o", out, "--jsonl", log) == (ALL_SKIPPED, [])


def test_the_library_says_why_on_each_outcome(tmp_path, site):
    out = tmp_path / "out"
    list(run_batch([site], Options(out_dir=out, jobs=1)))
    outcomes = list(run_batch([site], Options(out_dir=out, jobs=1, front_matter=False)))
    assert [(o.status, o.redone) for o in outcomes] == [
        (Status.OK, "--front-matter changed since the last run")] * PAGES
    outcomes = list(run_batch([site], Options(out_dir=out, jobs=1, front_matter=False)))
    assert [(o.status, o.redone) for o in outcomes] == [(Status.SKIPPED, "")] * PAGES


def test_a_new_record_file_is_locked_before_it_bears_a_record_files_name(tmp_path, monkeypatch):
    """A merging run takes every record file it can lock for a dead run's and unlinks it: so a
    new run's file must be locked before any run can see it under a record file's name."""
    from newsclean.batch.recipe import Recipe

    seen = []
    real_rename = manifest_module.os.rename

    def rename(source, target):
        folder = Path(target).parent
        seen.append(([path.name for path in folder.glob(f"*{SUFFIX}")],
                     manifest_module.hold(str(source), held := [])))
        for fd in held:
            manifest_module.os.close(fd)
        real_rename(source, target)

    monkeypatch.setattr(manifest_module.os, "rename", rename)
    claims = manifest_module.Claims(str(tmp_path), Recipe((("--format", "markdown"),)))
    claims.open()
    try:
        assert seen == [([], False)]  # no record file yet, and the new one already locked
        assert Path(claims.path).name.endswith(SUFFIX) and Path(claims.path).exists()
    finally:
        claims.close(complete=False)
