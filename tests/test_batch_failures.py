"""`newsclean batch` when the world misbehaves (issue 13): a full disk (a file size limit, a full
tmpfs, a full stdout), a read-only output folder, inputs deleted or rewritten while the run
goes on, a worker killed as the OOM killer would; each time a clear error, no torn or
temporary file, every record kept, and a rerun that ends with the bytes of an uninterrupted
run. Then output safety: names never leave -o, and no input is ever opened for writing
(an audit hook in every process of a run proves it).

Failures are made to happen at a chosen page, never by timing: `hooked_clean` runs in the
workers (forked: they inherit HOOKS) and acts when it meets a page's marker."""
from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import multiprocessing
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import threading
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path

import pytest
from sitegen import Site, write_site

import newsclean
from newsclean.batch import TEMP_SUFFIX, Options, Outcome, Status, run_batch
from newsclean.batch import worker as batch_worker
from newsclean.batch.pool import Worker, collect, feed, start_worker
from newsclean.files import write_atomic

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="workers are forked (they inherit HOOKS); rlimits, mounts")

RECORD_KEYS = ["source", "status", "error", "output", "title", "author", "authors", "date",
               "sitename", "url", "language", "description", "tags", "image", "text", "markdown",
               "kind", "confidence", "native_ad", "rules", "date_modified", "publisher"]
SITE = Site()
BIG = Site(paragraphs=40)  # pages whose outputs are ~25 kB; the others' are ~3 kB

# ---------------------------------------------------------------- helpers

HOOKS: dict[str, Callable[[], None]] = {}  # page marker -> what to do when a worker meets it


def hooked_clean(data, **kwargs):
    """newsclean.clean, after the hook of any marker found in the page."""
    for marker, action in list(HOOKS.items()):
        if marker.encode() in data:
            action()
    return newsclean.clean(data, **kwargs)


@pytest.fixture
def hooks():
    HOOKS.clear()
    yield HOOKS
    HOOKS.clear()


def marker(number: int) -> str:
    """What only page `number` of a sitegen site holds (its title says '(report N)')."""
    return f"(report {number})"


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` but -o's records (.newsclean/, files named by process)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and ".newsclean" not in p.parts}


def leftovers(folder: Path) -> list[str]:
    """Temporary files of a run: never there once a run has ended, however it ended."""
    return [p.name for p in folder.rglob("*") if p.name.endswith(TEMP_SUFFIX)]


def records(data: bytes) -> list[dict]:
    """The JSONL records, each checked whole: every field, an article when it says ok."""
    found = [json.loads(line) for line in data.decode("utf-8").splitlines()]
    for record in found:
        assert list(record) == RECORD_KEYS, record
        if record["status"] == "ok":
            assert record["error"] is None and record["text"] and record["title"], record
        else:
            assert record["error"] and record["text"] is None, record
    return found


def sources(folder: Path) -> list[str]:
    """The inputs under `folder` as a batch names them, in its order."""
    return sorted(str(p) for p in folder.rglob("*.html"))


def one_full_record_each(data: bytes, root: Path) -> None:
    """A rerun's JSONL: one line per input, in order, each a whole record of a cleaned page."""
    found = records(data)
    assert [r["source"] for r in found] == sources(root)
    assert all(r["status"] == "ok" for r in found)


def run_in_process(root: Path, work: Path, *, clean=hooked_clean, jobs: int = 2, out: bool = True,
                   jsonl: bool = True, **options) -> list[Outcome]:
    chosen = Options(out_dir=work / "out" if out else None, jsonl=work / "all.jsonl" if jsonl else None,
                     jobs=jobs, **options)
    return [o for o in run_batch([root], chosen, clean=clean) if isinstance(o, Outcome)]


def cli(*args, preexec: Callable[[], None] | None = None, stdout=subprocess.PIPE,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsclean", *map(str, args)], stdout=stdout,
                          stderr=subprocess.PIPE, preexec_fn=preexec, env=env, timeout=300)


def error_lines(stderr: bytes) -> list[str]:
    """The `newsclean: error:` lines; and no traceback or other noise besides the summary."""
    lines = stderr.decode().splitlines()
    assert not any("Traceback" in line or "Exception" in line for line in lines), lines
    return [line for line in lines if line.startswith("newsclean: error: ")]


def reference(work: Path, make: Callable[[], object]) -> dict[str, bytes]:
    """The files an uninterrupted run leaves in `work` (then cleared, for the run under test
    to write the same paths)."""
    work.mkdir()
    make()
    found = tree(work)
    shutil.rmtree(work)
    return found


def small_site(root: Path, count: int = 8) -> list[Path]:
    return write_site(root, count)


# ---------------------------------------------------------------- 1. a full disk

def file_size_limit(limit: int) -> Callable[[], None]:
    """A preexec_fn: writes past `limit` bytes get EFBIG (SIGXFSZ ignored), in the CLI and its
    workers, as on a disk that has no room left for the rest of a file."""
    def limit_writes() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return limit_writes


def test_outputs_too_big_for_the_file_size_limit_fail_alone_and_a_rerun_completes(tmp_path):
    """A limit that lets small outputs through and stops the big ones: each big page fails with
    one line saying why and what to do, no part of it is left (under its name or a temporary
    one), its record says the same; the rerun without the limit gives the bytes of a run that
    never met it. (JSONL goes to stdout, a pipe: the limit does not apply there.)"""
    root, work = tmp_path / "in", tmp_path / "work"
    small_site(root, 6)
    write_site(root / "big", 2, BIG)
    args = ["batch", root, "-o", work / "out", "--jsonl", "-", "--jobs", 2]
    whole = {}
    expected = reference(work, lambda: whole.update(stdout=cli(*args).stdout))

    work.mkdir()
    limited = cli(*args, preexec=file_size_limit(12_000))
    assert limited.returncode == 1
    big = [f"{root}/big/story-0000{n}.html" for n in range(2)]
    for source, line in zip(big, error_lines(limited.stderr), strict=True):
        target = f"{work}/out/big/story-0000{source[-6]}.md"
        assert line == (f"newsclean: error: {source}: cannot write {target}: it would be larger than "
                        "the file system or the file size limit allows (File too large); raise the "
                        "limit (ulimit -f) or write elsewhere, then rerun")
    assert sorted(tree(work / "out")) == [f"story-0000{n}.md" for n in range(6)]
    assert not leftovers(work)
    found = records(limited.stdout)
    assert [r["source"] for r in found] == sources(root)
    assert [r["status"] for r in found] == ["failed"] * 2 + ["ok"] * 6
    assert found[0]["error"].startswith(f"cannot write {work}/out/big/story-00000.md: it would be larger")

    rerun = cli(*args)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout == whole["stdout"]
    assert tree(work) == expected
    one_full_record_each(rerun.stdout, root)


def test_a_jsonl_file_that_cannot_grow_stops_the_run_and_a_rerun_completes(tmp_path):
    """The JSONL file meets the limit: the run stops at once with one line naming the file, the
    earlier complete JSONL file stays as it was (never half of a new one under its name), no
    temporary file is left; the rerun reuses what was written and ends byte-identical."""
    root, work = tmp_path / "in", tmp_path / "work"
    small_site(root, 12)
    args = ["batch", root, "-o", work / "out", "--jsonl", work / "all.jsonl", "--jobs", 2]
    expected = reference(work, lambda: cli(*args))

    work.mkdir()
    first = [p for p in sorted(root.iterdir()) if p.name >= "story-00006"]
    for path in first:  # an earlier, complete run had half the pages
        path.rename(tmp_path / path.name)
    assert cli(*args).returncode == 0
    earlier = (work / "all.jsonl").read_bytes()
    for path in first:
        (tmp_path / path.name).rename(path)
        os.utime(path)

    limited = cli(*args, preexec=file_size_limit(len(expected["all.jsonl"]) * 2 // 3))
    assert limited.returncode == 1
    assert error_lines(limited.stderr) == [
        f"newsclean: error: {work}/all.jsonl.part: cannot write it: it would be larger than the file "
        "system or the file size limit allows (File too large); raise the limit (ulimit -f) or write "
        "elsewhere, then rerun: it goes on where this run stopped"]
    assert (work / "all.jsonl").read_bytes() == earlier
    assert not leftovers(work)

    rerun = cli(*args)
    assert rerun.returncode == 0, rerun.stderr
    assert tree(work) == expected
    one_full_record_each(expected["all.jsonl"], root)


def test_jsonl_to_a_full_stdout_is_one_error_line(tmp_path):
    """`--jsonl -` into a full disk (/dev/full): one line, exit 1, no traceback at exit."""
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    root = tmp_path / "in"
    small_site(root, 3)
    with open("/dev/full", "wb") as full:
        result = cli("batch", root, "--jsonl", "-", stdout=full)
    assert result.returncode == 1
    assert error_lines(result.stderr) == [
        "newsclean: error: stdout: cannot write it: the disk is full (No space left on device); "
        "free some space, then rerun"]
    assert len(result.stderr.decode().splitlines()) == 1


def disk_full_at(target_name: str) -> Callable[..., None]:
    """A write_atomic that meets a full disk at the output named `target_name`: half of it
    reaches a temporary file, as a real write would, then ENOSPC."""
    def write(target: str, data: bytes, tag: str = "") -> None:
        if os.path.basename(target) != target_name:
            return write_atomic(target, data, tag)
        temp = os.path.join(os.path.dirname(target), f".{os.getpid()}-99{TEMP_SUFFIX}")
        try:
            with open(temp, "xb") as handle:
                handle.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        finally:
            os.unlink(temp)
    return write


def test_a_full_disk_stops_the_run_with_one_error_and_a_rerun_completes(tmp_path, monkeypatch):
    """ENOSPC on one output (made to happen at page 5; the workers are forked and inherit the
    patch): the library raises OSError naming the file, once, for the run; the outputs before
    it are whole, no temporary file is left, the JSONL is not renamed to its final name; the
    rerun ends byte-identical to a run that had room."""
    root, work = tmp_path / "in", tmp_path / "work"
    small_site(root, 10)
    expected = reference(work, lambda: run_in_process(root, work, clean=newsclean.clean))

    work.mkdir()
    monkeypatch.setattr(batch_worker, "write_atomic", disk_full_at("story-00005.md"))
    seen = []
    with pytest.raises(OSError) as raised:
        for outcome in run_batch([root], Options(out_dir=work / "out", jsonl=work / "all.jsonl", jobs=2)):
            seen.append(outcome)
    assert raised.value.errno == errno.ENOSPC
    assert raised.value.filename == f"{work}/out/story-00005.md"
    assert [o.status for o in seen] == [Status.OK] * 5
    assert not (work / "all.jsonl").exists() and not leftovers(work)
    assert all(expected[f"out/{name}"] == data for name, data in tree(work / "out").items())
    monkeypatch.undo()

    assert all(o.status in (Status.OK, Status.SKIPPED) for o in run_in_process(root, work))
    assert tree(work) == expected
    one_full_record_each(expected["all.jsonl"], root)


MOUNTED_RUN = """
set -u
mount -t tmpfs -o size={size} tmpfs "$WORK" || exit 99
"$PY" -m newsclean batch "$IN" -o "$WORK/out" --jsonl "$WORK/all.jsonl" --jobs 2 2> "$T/err1"
echo $? > "$T/rc1"
cp -a "$WORK/." "$T/full/"
mount -o remount,size=8m "$WORK" || exit 98
"$PY" -m newsclean batch "$IN" -o "$WORK/out" --jsonl "$WORK/all.jsonl" --jobs 2 2> "$T/err2"
echo $? > "$T/rc2"
cp -a "$WORK/." "$T/after/"
"""


def test_a_full_tmpfs_stops_the_run_and_a_rerun_after_freeing_space_completes(tmp_path):
    """A real full disk: the run in a small tmpfs (in a user and mount namespace of its own,
    where possible), then the same tmpfs made bigger and the run again."""
    if shutil.which("unshare") is None:
        pytest.skip("no unshare(1) to mount a small tmpfs")
    root, work, t = tmp_path / "in", tmp_path / "work", tmp_path / "t"
    small_site(root, 24)
    args = ["batch", root, "-o", work / "out", "--jsonl", work / "all.jsonl", "--jobs", 2]
    expected = reference(work, lambda: cli(*args))
    work.mkdir()
    (t / "full").mkdir(parents=True)
    (t / "after").mkdir()
    env = dict(os.environ, WORK=str(work), IN=str(root), T=str(t), PY=sys.executable)
    done = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                           MOUNTED_RUN.format(size="40k")], env=env, capture_output=True, timeout=300)
    if not (t / "rc1").exists():
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    assert (t / "rc1").read_text() == "1\n"
    lines = error_lines((t / "err1").read_bytes())
    assert len(lines) == 1, lines
    assert lines[0].endswith(": the disk is full (No space left on device); free some space, "
                             "then rerun: it goes on where this run stopped")
    assert not (t / "full" / "all.jsonl").exists() and not leftovers(t / "full")
    assert all(expected[f"out/{name}"] == data for name, data in tree(t / "full" / "out").items())
    assert (t / "rc2").read_text() == "0\n", (t / "err2").read_text()
    assert tree(t / "after") == expected
    one_full_record_each(expected["all.jsonl"], root)


# ---------------------------------------------------------------- 2. a read-only output folder

CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2  # linux/capability.h
PR_CAPBSET_DROP = 24  # linux/prctl.h


def bound_by_permissions() -> Callable[[], None] | None:
    """A preexec_fn for root, which ignores permission bits: drop the capabilities that let it
    (from the bounding set, so the program it runs never has them). None when not root."""
    if os.geteuid() != 0:
        return None

    def drop() -> None:
        libc = ctypes.CDLL(None, use_errno=True)
        for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
            if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "cannot drop a capability")
    return drop


def can_write(folder: Path, preexec: Callable[[], None] | None = None, wrap: tuple[str, ...] = ()) -> bool:
    """Whether a process started so (as another user, in a namespace) can make a file in `folder`."""
    probe = [*wrap, sys.executable, "-c", f"open({str(folder / 'probe')!r}, 'x').close()"]
    done = subprocess.run(probe, preexec_fn=preexec, capture_output=True, timeout=60)
    with contextlib.suppress(FileNotFoundError):
        (folder / "probe").unlink()
    return done.returncode == 0


READ_ONLY_MOUNT = 'mount --bind "$RO" "$RO" && mount -o remount,bind,ro "$RO" && exec "$@"'


def read_only_runner(how: str, folder: Path):
    """How to run the CLI so that `folder` cannot be written: with its permission bits saying
    so (root giving up its right to ignore them), or with `folder` bind-mounted read-only in a
    mount namespace of its own. Skips when the system allows neither."""
    if how == "permissions":
        drop = bound_by_permissions()
        for sub in (folder, *folder.rglob("*")):
            if sub.is_dir():
                sub.chmod(0o555)
        try:
            if can_write(folder, drop):
                pytest.skip("this user can write whatever the permissions say")
        except (OSError, subprocess.SubprocessError) as err:
            pytest.skip(f"cannot give up the right to ignore permissions here ({err})")
        return (lambda *args: cli(*args, preexec=drop), "permission denied",
                "check its permissions, or choose another folder",
                "check its folder's permissions, or choose another place")
    wrap = ("unshare", "--user", "--map-root-user", "--mount", "sh", "-c", READ_ONLY_MOUNT, "sh")
    env = dict(os.environ, RO=str(folder))
    if shutil.which("unshare") is None or subprocess.run(
            [*wrap, "true"], env=env, capture_output=True, timeout=60).returncode != 0:
        pytest.skip("cannot bind-mount a folder read-only here")

    def run(*args):
        return subprocess.run([*wrap, sys.executable, "-m", "newsclean", *map(str, args)], env=env,
                              capture_output=True, timeout=300)
    return run, "the file system is read-only", "choose another place", "choose another place"


def files_and_times(folder: Path) -> dict[Path, tuple[bytes, int]]:
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("how", ["permissions", "read-only mount"])
def test_a_read_only_output_folder_is_one_error_and_loses_nothing(tmp_path, how):
    """Outputs and JSONL of an earlier run in a folder the run cannot write: one line naming the
    option and what to do, exit 2, every file there as it was; once writable, the rerun ends
    byte-identical to a run that could write all along."""
    root, work = tmp_path / "in", tmp_path / "work"
    small_site(root, 6)
    args = ["batch", root, "-o", work / "out", "--jsonl", work / "all.jsonl", "--jobs", 2]
    (root / "story-00002.html").write_text(SITE.html(12))
    expected = reference(work, lambda: cli(*args))
    (root / "story-00002.html").write_text(SITE.html(2))
    work.mkdir()
    assert cli(*args).returncode == 0
    (root / "story-00002.html").write_text(SITE.html(12))  # changed since: there is work to do
    before = files_and_times(work)
    run, what, output_hint, jsonl_hint = read_only_runner(how, work)

    result = run(*args)
    assert result.returncode == 2
    assert error_lines(result.stderr) == [
        f"newsclean: error: --output: cannot write in {work}/out: {what}; {output_hint}"]
    assert files_and_times(work) == before

    jsonl_only = run("batch", root, "--jsonl", work / "all.jsonl")
    assert jsonl_only.returncode == 2
    assert error_lines(jsonl_only.stderr) == [
        f"newsclean: error: --jsonl: cannot write {work}/all.jsonl.part: {what}; {jsonl_hint}"]
    assert files_and_times(work) == before

    for folder in (work, *work.rglob("*")):
        if folder.is_dir():
            folder.chmod(0o755)
    rerun = cli(*args)
    assert rerun.returncode == 0, rerun.stderr
    assert tree(work) == expected
    one_full_record_each(expected["all.jsonl"], root)


def test_a_read_only_subfolder_fails_its_pages_alone(tmp_path):
    """-o can be written but one folder in it cannot: its pages fail, one line each, the others
    are done; once writable, the rerun finishes the job."""
    root, work = tmp_path / "in", tmp_path / "work"
    write_site(root, 6, per_folder=3)
    args = ["batch", root, "-o", work / "out", "--jsonl", "-", "--jobs", 2]
    whole = {}
    expected = reference(work, lambda: whole.update(stdout=cli(*args).stdout))
    (work / "out" / "part001").mkdir(parents=True)
    (work / "out" / "part001").chmod(0o555)
    drop = bound_by_permissions()
    try:
        if can_write(work / "out" / "part001", drop):
            pytest.skip("this user can write whatever the permissions say")
    except (OSError, subprocess.SubprocessError) as err:
        pytest.skip(f"cannot give up the right to ignore permissions here ({err})")
    result = cli(*args, preexec=drop)
    assert result.returncode == 1
    assert error_lines(result.stderr) == [
        f"newsclean: error: {root}/part001/story-0000{n}.html: cannot write {work}/out/part001/"
        f"story-0000{n}.md: permission denied; check its folder's permissions, or choose another place"
        for n in (3, 4, 5)]
    assert [r["status"] for r in records(result.stdout)] == ["ok"] * 3 + ["failed"] * 3
    assert sorted(tree(work / "out")) == [f"part000/story-0000{n}.md" for n in range(3)]
    (work / "out" / "part001").chmod(0o755)
    rerun = cli(*args)
    assert rerun.returncode == 0 and rerun.stdout == whole["stdout"]
    assert tree(work) == expected
    one_full_record_each(rerun.stdout, root)


# ---------------------------------------------------------------- 3. inputs that change under the run

def test_an_input_deleted_during_the_run_fails_alone(tmp_path, hooks):
    """Page 4 is deleted while page 1 is cleaned (after the walk found it; one worker, so page 4
    is read later): it fails with a line naming it, the batch goes on; the rerun no longer
    sees it and ends with what a run without it gives."""
    root, work = tmp_path / "in", tmp_path / "work"
    pages = small_site(root, 7)
    gone = pages[4]
    saved = gone.read_bytes()
    gone.unlink()
    expected = reference(work, lambda: run_in_process(root, work, clean=newsclean.clean))
    gone.write_bytes(saved)

    work.mkdir()
    hooks[marker(1)] = gone.unlink
    outcomes = run_in_process(root, work, jobs=1)
    assert [o.status for o in outcomes] == [Status.OK] * 4 + [Status.FAILED] + [Status.OK] * 2
    assert outcomes[4].source == str(gone)
    assert outcomes[4].error == ("it disappeared during the run (deleted or moved after the walk found "
                                 "it); if it is back, rerun to clean it")
    found = records((work / "all.jsonl").read_bytes())
    assert [r["source"] for r in found] == [str(p) for p in pages]
    assert found[4]["error"] == outcomes[4].error

    hooks.clear()
    rerun = run_in_process(root, work)
    assert [o.status for o in rerun] == [Status.SKIPPED] * 6
    assert tree(work) == expected
    one_full_record_each(expected["all.jsonl"], root)


@pytest.mark.parametrize("out", [True, False], ids=["-o --jsonl", "--jsonl"])
def test_an_input_rewritten_while_it_is_cleaned_is_redone_by_the_rerun(tmp_path, hooks, out):
    """Page 2 is rewritten (another story) after its worker read it and before its output is
    written: the output and record come from the version read; the rerun sees the change,
    cleans it again and ends with what a run on the new version gives."""
    root, work = tmp_path / "in", tmp_path / "work"
    pages = small_site(root, 6)
    old = pages[2].read_bytes()
    pages[2].write_text(SITE.html(9))
    expected = reference(work, lambda: run_in_process(root, work, clean=newsclean.clean, out=out))
    pages[2].write_bytes(old)
    os.utime(pages[2], ns=(time.time_ns() - 10**10,) * 2)  # written a while ago, as scrapes are

    work.mkdir()
    hooks[marker(2)] = lambda: pages[2].write_text(SITE.html(9))
    outcomes = run_in_process(root, work, out=out)
    assert all(o.status is Status.OK for o in outcomes)
    found = records((work / "all.jsonl").read_bytes())
    assert marker(2) in found[2]["title"]  # from the version read
    if out:
        assert marker(2) in (work / "out" / "story-00002.md").read_text()

    hooks.clear()
    rerun = run_in_process(root, work, out=out)
    assert [o.status for o in rerun] == [Status.SKIPPED] * 2 + [Status.OK] + [Status.SKIPPED] * 3
    assert tree(work) == expected
    one_full_record_each(expected["all.jsonl"], root)


def test_an_input_replaced_by_a_fifo_during_the_run_is_not_waited_for(tmp_path, hooks):
    """A page swapped for a FIFO after the walk: reading it would wait until --timeout; it
    fails at once with a line saying what it is now."""
    root, work = tmp_path / "in", tmp_path / "work"
    pages = small_site(root, 4)

    def swap() -> None:
        pages[3].unlink()
        os.mkfifo(pages[3])
    hooks[marker(1)] = swap
    work.mkdir()
    outcomes = run_in_process(root, work, jobs=1, timeout=20)
    assert [o.status for o in outcomes] == [Status.OK] * 3 + [Status.FAILED]
    assert outcomes[3].error == "it became a FIFO during the run; newsclean reads files only"


# ---------------------------------------------------------------- 4. a worker killed (out of memory)

def hold(pid_file: Path) -> Callable[[], None]:
    """Say which process cleans this page, then work on it for a long while."""
    def action() -> None:
        pid_file.write_text(str(os.getpid()))
        time.sleep(120)
    return action


def kill_when_working(pid_file: Path) -> threading.Thread:
    """SIGKILL the worker that writes `pid_file`, as the OOM killer would, while it works."""
    def killer() -> None:
        deadline = time.monotonic() + 120
        while not pid_file.exists() or not pid_file.read_text():
            if time.monotonic() > deadline:
                return
            time.sleep(0.01)
        os.kill(int(pid_file.read_text()), signal.SIGKILL)
    thread = threading.Thread(target=killer, daemon=True)
    thread.start()
    return thread


def test_a_worker_killed_mid_page_fails_that_page_and_a_rerun_retries_it(tmp_path, hooks):
    root, work = tmp_path / "in", tmp_path / "work"
    small_site(root, 10)
    expected = reference(work, lambda: run_in_process(root, work, clean=newsclean.clean))

    work.mkdir()
    hooks[marker(3)] = hold(tmp_path / "pid")
    killer = kill_when_working(tmp_path / "pid")
    outcomes = run_in_process(root, work, timeout=None)
    killer.join()
    assert [o.status for o in outcomes] == [Status.OK] * 3 + [Status.FAILED] + [Status.OK] * 6
    assert outcomes[3].error == ("the worker cleaning it was killed (SIGKILL: out of memory?); rerun to "
                                 "retry it, and if it is killed again, use fewer --jobs")
    found = records((work / "all.jsonl").read_bytes())
    assert [r["status"] for r in found] == ["ok"] * 3 + ["failed"] + ["ok"] * 6
    assert "story-00003.md" not in tree(work / "out") and not leftovers(work)

    hooks.clear()
    rerun = run_in_process(root, work)
    assert [o.status for o in rerun] == [Status.SKIPPED] * 3 + [Status.OK] + [Status.SKIPPED] * 6
    assert tree(work) == expected
    one_full_record_each(expected["all.jsonl"], root)


def killed_while_writing(target_name: str) -> Callable[..., None]:
    """A write_atomic whose process is killed half-way through the output named `target_name`."""
    def write(target: str, data: bytes, tag: str = "") -> None:
        if os.path.basename(target) != target_name:
            return write_atomic(target, data, tag)
        temp = os.path.join(os.path.dirname(target), f".{os.getpid()}-7{TEMP_SUFFIX}")
        with open(temp, "xb") as handle:
            handle.write(data[: len(data) // 2])
        os.kill(os.getpid(), signal.SIGKILL)
    return write


def test_a_worker_killed_while_writing_leaves_no_temporary_file(tmp_path, monkeypatch):
    root, work = tmp_path / "in", tmp_path / "work"
    small_site(root, 6)
    monkeypatch.setattr(batch_worker, "write_atomic", killed_while_writing("story-00002.md"))
    outcomes = run_in_process(root, work)
    assert [o.status for o in outcomes] == [Status.OK] * 2 + [Status.FAILED] + [Status.OK] * 3
    assert "was killed (SIGKILL" in outcomes[2].error
    assert not leftovers(work)
    assert len(records((work / "all.jsonl").read_bytes())) == 6


def test_a_worker_killed_between_tasks_gets_none_and_is_replaced():
    """A worker killed while idle, or just before the pool sends it tasks: no BrokenPipeError
    ends the batch, the tasks go back to be done by another, and the dead worker is seen as
    dead (so replaced), not kept as one that has nothing to do."""
    worker: Worker = start_worker(multiprocessing.get_context("fork"), str)
    worker.process.kill()
    worker.process.join()
    todo = deque((key, f"task {key}") for key in range(3))
    feed(worker, todo, chunk=1, max_tasks=0, jobs=1)
    assert list(todo) == [(key, f"task {key}") for key in range(3)]
    assert not worker.assigned
    assert collect(worker, {}) is False
    worker.conn.close()


# ---------------------------------------------------------------- 6. output safety

AUDIT = textwrap.dedent('''
    """Loaded by every Python process of the run (PYTHONPATH): log each write-like file event."""
    import os
    import sys

    _LOG = os.open(os.environ["AUDIT_LOG"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    _WRITING = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC
    _EVENTS = {"os.rename": (0, 1), "os.remove": (0,), "os.rmdir": (0,), "os.truncate": (0,),
               "os.utime": (0,), "os.chmod": (0,), "os.chown": (0,), "os.link": (0, 1),
               "os.symlink": (1,), "os.mkdir": (0,), "shutil.copyfile": (1,)}

    def _log(event, path):
        """The file the event acts on: an open follows a last symlink, a rename or unlink not."""
        if isinstance(path, int):
            path = os.readlink(f"/proc/self/fd/{path}")
        path = os.path.abspath(os.fsdecode(path))
        if event == "open":
            path = os.path.realpath(path)
        else:
            path = os.path.join(os.path.realpath(os.path.dirname(path)), os.path.basename(path))
        line = f"{os.getpid()}\\t{os.getppid()}\\t{event}\\t{path}\\n"
        os.write(_LOG, line.encode("utf-8", "replace"))

    def _hook(event, args):
        if event == "open":
            path, mode, flags = args
            if path is None:
                return
            if (mode and any(c in mode for c in "wax+")) or (flags or 0) & _WRITING:
                _log("open", path)
        elif event in _EVENTS:
            for index in _EVENTS[event]:
                if args[index] is not None:
                    _log(event, args[index])

    sys.addaudithook(_hook)
''')


def test_no_input_is_ever_opened_for_writing(tmp_path):
    """Every write-like event (open for writing, rename, unlink, utime, chmod, ...) of every
    process of many runs (--jobs 2, reruns, a changed input, --force, --learn-boilerplate, the
    JSONL file inside the input folder, an output planted as a link to an input) is logged by
    an audit hook: none touches an input; the inputs keep their bytes, mtimes and ctimes (a
    ctime moves with any change to a file); the hook saw the workers write their outputs."""
    root, work, hook = tmp_path / "in", tmp_path / "work", tmp_path / "hook"
    write_site(root / "html", 8)
    write_site(root / "text", 3, kind="text")
    (root / "notes.part").write_text(SITE.text(4))  # a name like a JSONL's .part
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(AUDIT)
    log = tmp_path / "audit.log"
    env = dict(os.environ, AUDIT_LOG=str(log), PYTHONPATH=os.pathsep.join(
        [str(hook), os.environ.get("PYTHONPATH", "")]))
    inputs = sorted(p for p in root.rglob("*") if p.is_file())
    assert len(inputs) == 12
    facts = {p: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ctime_ns) for p in inputs}
    out, jsonl = work / "out", work / "all.jsonl"
    (out / "html").mkdir(parents=True)
    (out / "html" / "story-00001.md").symlink_to(root / "html" / "story-00007.html")

    runs = [(["-o", out, "--jsonl", jsonl], 0), (["-o", out, "--jsonl", jsonl], 0),
            (["--jsonl", jsonl], 0), (["-o", out, "--jsonl", jsonl, "--force"], 0),
            (["-o", out, "--learn-boilerplate"], 0), (["--jsonl", root / "records.txt"], 0),
            (["--jsonl", root / "records.txt", "--force"], 0),
            (["--jsonl", root / "notes", "--include", "*.part", "--include", "*.html"], 2)]
    changed = root / "html" / "story-00003.html"
    for number, (args, code) in enumerate(runs):
        if number == 2:  # an input changed between two runs
            os.utime(changed)
            facts[changed] = (changed.read_bytes(), changed.stat().st_mtime_ns, changed.stat().st_ctime_ns)
        done = cli("batch", root, *args, "--jobs", 2, env=env)
        assert done.returncode == code, (args, done.stderr)
    learn = cli("rules", "learn", root / "html", env=env)
    assert learn.returncode == 0, learn.stderr

    events = [line.split("\t") for line in log.read_text().splitlines()]
    real_inputs = {os.path.realpath(p) for p in inputs}
    assert [(event, path) for _, _, event, path in events if path in real_inputs] == []
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ctime_ns) for p in inputs} == facts
    assert sorted(p for p in root.rglob("*") if p.is_file()) == sorted(
        inputs + [root / "records.txt", root / "records.txt.recipe"])  # the JSONL, and what made it
    assert not [r for r in records((root / "records.txt").read_bytes()) if "records" in r["source"]]
    pids = {pid for pid, _, _, _ in events}  # the processes that wrote anything: run and workers
    workers = {pid for pid, parent, event, path in events
               if parent in pids and event == "open" and path.startswith(f"{os.path.realpath(out)}/")
               and "probe" not in path}
    assert len(workers) >= 4, "the hook did not see the workers write"  # two in each of two runs at least


def test_outputs_never_leave_the_output_folder(tmp_path):
    """Names with '..' in them and absolute, dotted arguments; links planted in -o (a folder
    deep down leading outside, an output file leading to a file outside): nothing is written
    outside -o, and a link in the way of an output is replaced, not followed."""
    root, out = tmp_path / "in", tmp_path / "out"
    (root / "deep" / "er").mkdir(parents=True)
    (root / "..html").write_text(SITE.html(1))
    (root / "...html").write_text(SITE.html(2))
    (root / "deep" / "er" / "page.html").write_text(SITE.html(3))
    (root / "deep" / "victim.html").write_text(SITE.html(4))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious.md").write_text("keep me")
    os.utime(elsewhere / "precious.md", ns=(10**18,) * 2)  # older than the inputs: not up to date
    (out / "deep").mkdir(parents=True)
    (out / "deep" / "er").symlink_to(elsewhere)
    (out / "deep" / "victim.md").symlink_to(elsewhere / "precious.md")
    outside_before = tree(tmp_path / "elsewhere")

    result = cli("batch", root, "-o", out)
    assert result.returncode == 1
    [line] = error_lines(result.stderr)
    assert line.startswith(f"newsclean: error: {root}/deep/er/page.html: its output folder {out}/deep/er "
                           "leads outside")
    assert tree(elsewhere) == outside_before
    assert not (out / "deep" / "victim.md").is_symlink()  # replaced by the output itself
    assert sorted(tree(out)) == ["...html.md", "..html.md", "deep/victim.md"]

    named = cli("batch", f"{root}/deep/../..html", f"{root}/./deep/er/../victim.html", root / "deep",
                "-o", tmp_path / "out2")
    assert named.returncode == 0, named.stderr
    assert sorted(tree(tmp_path / "out2")) == ["..html.md", "deep/er/page.md", "deep/victim.md",
                                               "victim.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["elsewhere", "in", "out", "out2"]
    assert tree(elsewhere) == outside_before
    assert all(stat.S_ISREG(p.lstat().st_mode) for p in (tmp_path / "out2").rglob("*.md"))
