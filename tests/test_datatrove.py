"""newsclean inside datatrove (newsclean.integrations.datatrove): the same pages give the same
articles through `newsclean batch --jsonl` and through the pipeline step under the local
executor; a rerun runs only the tasks without a completion; a page that hangs, crashes its
worker or meets a bug is counted, never fatal; the output does not depend on page order; other
steps' metadata is never written; a simulated Slurm cluster runs the array and relaunches only
a deleted rank; Ray when it is installed. Skipped when datatrove is not installed."""
from __future__ import annotations

import faulthandler
import gzip
import importlib
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

pytest.importorskip("datatrove")

from datatrove.data import Document  # noqa: E402
from datatrove.executor import LocalPipelineExecutor, SlurmPipelineExecutor  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402
from sitegen import Site, write_site  # noqa: E402

import newsclean  # noqa: E402
from newsclean.integrations import datatrove as dt  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SITE = Site()
OTHER_STEPS = {"url": "https://crawl.example/x", "date": "2024-06-01T00:00:00Z", "file_path": "s3://b/x.warc",
               "language": "fr", "language_score": 0.5, "token_count": 7}


# ---------------------------------------------------------------- pages and runs

@pytest.fixture
def pages(tmp_path: Path) -> Path:
    """Pages as `newsclean batch` reads them: HTML, text scrapes, a gzip page, a Windows page
    (cp1252, CRLF, a stray control character), a page without an article, a binary file named
    .html, and a file that is no page at all."""
    root = tmp_path / "pages"
    write_site(root / "html", 7)
    write_site(root / "text", 3, Site(host="text.example", name="Text Times", seed=3), kind="text")
    (root / "html" / "zipped.html.gz").write_bytes(gzip.compress(SITE.html(20).encode()))
    windows = SITE.html(21).replace('charset="utf-8"', 'charset="windows-1252"').replace("<h1>", "<h1>\x07")
    (root / "html" / "windows.htm").write_bytes(windows.replace("\n", "\r\n").encode("cp1252"))
    (root / "nav.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (root / "scan.html").write_bytes(b"%PDF-1.4 binary")
    (root / "notes.csv").write_text("a,b\n1,2\n")
    return root


def batch_records(folder: Path, tmp_path: Path) -> dict[str, dict]:
    """`newsclean batch FOLDER --jsonl`: its records by path below the folder."""
    out = tmp_path / "batch.jsonl"
    done = subprocess.run([sys.executable, "-m", "newsclean", "batch", str(folder), "--jsonl", str(out),
                           "--quiet", "--jobs", "2"], capture_output=True, text=True)
    assert done.returncode == 1, done.stderr  # scan.html fails
    records = [json.loads(line) for line in out.read_text().splitlines()]
    return {os.path.relpath(r["source"], folder): r for r in records}


def run_local(folder: Path, out: Path, *, tasks: int = 2, workers: int = 1, **options) -> dict | None:
    """The pipeline under LocalPipelineExecutor; the merged stats (None when nothing ran)."""
    pipeline = [dt.PageFilesReader(str(folder)), dt.NewscleanExtractor(**options),
                JsonlWriter(str(out / "data"), compression=None)]
    ran = LocalPipelineExecutor(pipeline, tasks=tasks, workers=workers, logging_dir=str(out / "logs")).run()
    return None if ran is None else step_stats(out / "logs" / "stats.json")


def step_stats(path: Path) -> dict:
    """The newsclean step's counters in a stats file: {"ok": 7, "empty": 1, ...}."""
    for step in json.loads(path.read_text()):
        if "newsclean" in step["name"]:
            return {key: value["total"] if isinstance(value, dict) else value
                    for key, value in step["stats"].items()}
    raise AssertionError(f"no newsclean step in {path}")


def documents(folder: Path) -> dict[str, dict]:
    """Every document the writer wrote under `folder`, by id."""
    found = {}
    for path in sorted(folder.glob("*.jsonl*")):
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt") as handle:
            for line in handle:
                doc = json.loads(line)
                found[doc["id"]] = doc
    return found


# ---------------------------------------------------------------- same articles as newsclean batch

@pytest.mark.parametrize("workers", [1, 2])
def test_the_pipeline_gives_the_articles_newsclean_batch_gives(pages, tmp_path, workers):
    records = batch_records(pages, tmp_path)
    stats = run_local(pages, tmp_path / "dt", tasks=2, workers=workers)
    docs = documents(tmp_path / "dt" / "data")
    ok = {source for source, record in records.items() if record["status"] == "ok"}
    assert len(ok) == 12 and set(docs) == ok
    for source in ok:
        record, doc = records[source], docs[source]
        assert doc["text"] == record["text"]
        meta = doc["metadata"]
        assert meta["newsclean_status"] == "ok" and meta["newsclean_error"] is None
        for field in ("title", "authors", "date", "sitename", "url", "language", "description", "tags",
                      "image", "kind", "confidence", "native_ad"):
            assert meta["article_" + field] == record[field], (source, field)
        assert meta["newsclean_rules"] == record["rules"]
        assert meta["file_path"] == str(pages / source)
    assert records["nav.html"]["status"] == "empty" and records["scan.html"]["status"] == "failed"
    windows = docs["html/windows.htm"]
    assert "\u201c" in windows["text"] and "\x07" not in windows["metadata"]["article_title"]
    assert stats["total"] == 13 and stats["ok"] == 12 and stats["empty"] == 1 and stats["dropped"] == 1
    assert stats["forwarded"] == 12
    completions = sorted(p.name for p in (tmp_path / "dt" / "logs" / "completions").iterdir())
    assert completions == ["00000", "00001"]


def test_markdown_body_and_kept_failures(pages, tmp_path):
    run_local(pages, tmp_path / "dt", tasks=1, body="markdown", keep_failed=True)
    docs = documents(tmp_path / "dt" / "data")
    story = docs["html/story-00001.html"]
    assert story["text"].startswith("# " + story["metadata"]["article_title"] + "\n\n")
    empty = docs["nav.html"]
    assert empty["text"] == (pages / "nav.html").read_text()  # passed on as it came
    assert empty["metadata"]["newsclean_status"] == "empty"
    assert empty["metadata"]["newsclean_error"].startswith("no article text found")
    assert set(empty["metadata"]) == set(story["metadata"])  # one schema for every document


# ---------------------------------------------------------------- reruns

def test_a_rerun_runs_only_the_tasks_without_a_completion(pages, tmp_path):
    out = tmp_path / "dt"
    assert run_local(pages, out, tasks=2) is not None
    first, second = out / "data" / "00000.jsonl", out / "data" / "00001.jsonl"
    kept = first.stat().st_mtime_ns
    assert run_local(pages, out, tasks=2) is None  # all complete: nothing runs
    (out / "logs" / "completions" / "00001").unlink()
    second.unlink()
    time.sleep(0.01)
    stats = run_local(pages, out, tasks=2)
    assert first.stat().st_mtime_ns == kept and second.exists()
    rank_one = list(dt.PageFilesReader(str(pages)).run(rank=1, world_size=2))
    assert stats is not None and stats["total"] == len(rank_one) < 12  # rank 1's pages only
    assert len(documents(out / "data")) == 12


# ---------------------------------------------------------------- pages that hang, crash or meet a bug

def troubled_clean(data, **kwargs):
    """newsclean.clean, except that a page saying SLOW hangs, CRASH kills the worker and BUG raises."""
    if "SLOW" in data:
        time.sleep(60)
    if "CRASH" in data:
        faulthandler.disable()  # the worker inherits pytest's, whose dump would land in the output
        os.kill(os.getpid(), signal.SIGSEGV)
    if "BUG" in data:
        raise RuntimeError("a bug")
    return newsclean.clean(data, **kwargs)


@pytest.mark.parametrize("keep_failed", [False, True])
def test_a_page_that_hangs_crashes_or_meets_a_bug_is_counted_not_fatal(tmp_path, keep_failed):
    root = tmp_path / "pages"
    write_site(root, 6)
    for number, word in ((1, "SLOW"), (3, "CRASH"), (4, "BUG")):
        (root / f"story-{number:05d}.html").write_text(SITE.html(number).replace("<h1>", f"<h1>{word} "))
    started = time.monotonic()
    # a timeout a loaded CI machine cannot reach on a normal page, far below the stuck one's
    stats = run_local(root, tmp_path / "dt", tasks=1, jobs=2, timeout=4, clean=troubled_clean,
                      keep_failed=keep_failed)
    assert time.monotonic() - started < 40
    assert stats is not None
    counts = [stats[key] for key in ("total", "ok", "timeout", "crashed", "failed")]
    assert counts == [6, 3, 1, 1, 1]
    docs = documents(tmp_path / "dt" / "data")
    assert (tmp_path / "dt" / "logs" / "completions" / "00000").exists()
    status = {name: doc["metadata"]["newsclean_status"] for name, doc in docs.items()}
    if not keep_failed:
        assert status == {f"story-0000{n}.html": "ok" for n in (0, 2, 5)}
        return
    assert status == {"story-00000.html": "ok", "story-00001.html": "timeout", "story-00002.html": "ok",
                      "story-00003.html": "crashed", "story-00004.html": "failed",
                      "story-00005.html": "ok"}
    assert docs["story-00004.html"]["metadata"]["newsclean_error"].startswith("internal error (RuntimeError")
    assert "killed by SIGSEGV" in docs["story-00003.html"]["metadata"]["newsclean_error"]
    assert "timed out after 4 s" in docs["story-00001.html"]["metadata"]["newsclean_error"]
    assert docs["story-00001.html"]["text"] == (root / "story-00001.html").read_text()


# ---------------------------------------------------------------- the step on its own

def site_documents(count: int = 6) -> list[Document]:
    return [Document(text=SITE.html(n) if n % 2 else SITE.text(n), id=f"page-{n}", metadata=dict(OTHER_STEPS))
            for n in range(count)]


def cleaned(step: dt.NewscleanExtractor, docs: list[Document]) -> dict[str, tuple[str, dict]]:
    return {doc.id: (doc.text, doc.metadata) for doc in step.run(iter(docs))}


def test_the_output_does_not_depend_on_page_order_or_jobs():
    forward = cleaned(dt.NewscleanExtractor(jobs=1), site_documents())
    backward = cleaned(dt.NewscleanExtractor(jobs=2), site_documents()[::-1])
    assert len(forward) == 6 and forward == backward


def test_documents_leave_in_the_order_they_came():
    docs = site_documents(9)
    assert [d.id for d in dt.NewscleanExtractor(jobs=2).run(iter(docs))] == [d.id for d in docs]


def test_other_steps_metadata_is_never_written():
    for _text, meta in cleaned(dt.NewscleanExtractor(), site_documents()).values():
        assert {key: meta[key] for key in OTHER_STEPS} == OTHER_STEPS
        assert meta["article_title"] and meta["newsclean_status"] == "ok"
        assert all(key in OTHER_STEPS or key.startswith(("article_", "newsclean_")) for key in meta)


def test_the_documents_url_picks_the_site_rules(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "coastgazette.example.txt").write_text("strip_line: In Fenwick, .*\n")
    text = SITE.text(0)  # a text scrape: no canonical link, so only the URL names the site
    assert "In Fenwick, " in newsclean.clean(text).text
    step = dt.NewscleanExtractor(rules_dirs=[str(rules)])
    with_url, without = cleaned(step, [Document(text=text, id="a", metadata={"url": SITE.url(0)}),
                                       Document(text=text, id="b")]).values()
    assert "In Fenwick, " not in with_url[0] and with_url[1]["newsclean_rules"]
    assert "In Fenwick, " in without[0] and not without[1]["newsclean_rules"]


def test_extract_cleans_one_page_in_this_process():
    assert dt.NewscleanExtractor().extract(SITE.html(0)) == newsclean.clean(SITE.html(0)).text
    assert dt.NewscleanExtractor(body="markdown").extract(SITE.html(0)).startswith("# ")
    assert dt.NewscleanExtractor().extract("<html><body><nav>Home</nav></body></html>") == ""


def test_the_step_refuses_another_trafilatura(monkeypatch):
    step = dt.NewscleanExtractor()
    monkeypatch.setattr(dt, "installed_version", lambda package: "1.11.0")
    monkeypatch.setattr(dt, "pinned_version", lambda package: "2.3.1")
    with pytest.raises(dt.VersionMismatch, match=r"trafilatura 2\.3\.1, but 1\.11\.0 is installed.*"
                       r"pip install 'trafilatura==2\.3\.1'"):
        dt.NewscleanExtractor()
    with pytest.raises(dt.VersionMismatch):  # in the task too, before any page
        list(step.run(iter(site_documents(1))))


def test_the_pin_is_read_from_newsclean_metadata():
    assert dt.pinned_version("trafilatura") == dt.installed_version("trafilatura") == "2.3.1"
    assert dt.pinned_version("lxml") is None  # not pinned to one version


def test_bad_options_are_refused(tmp_path):
    with pytest.raises(ValueError, match="jobs must be 1 or more"):
        dt.NewscleanExtractor(jobs=0)
    with pytest.raises(ValueError):
        dt.NewscleanExtractor(body="html")
    with pytest.raises(newsclean.RuleError):
        dt.NewscleanExtractor(rules_dirs=[str(tmp_path / "missing")])


def test_jobs_none_takes_the_cpus_the_executor_gave(monkeypatch):
    monkeypatch.setenv("DATATROVE_CPUS_PER_TASK", "3")
    assert dt.worker_count(None) == 3 and dt.worker_count(2) == 2
    monkeypatch.setenv("DATATROVE_CPUS_PER_TASK", "-1")  # the local executor's "not said"
    assert dt.worker_count(None) == 1


def test_without_datatrove_the_error_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "datatrove.data", None)  # import of it fails
    monkeypatch.delitem(sys.modules, "newsclean.integrations.datatrove")
    with pytest.raises(ImportError, match=r"pip install 'newsclean\[datatrove\]'"):
        importlib.import_module("newsclean.integrations.datatrove")


def test_newsclean_itself_never_imports_datatrove():
    code = ("import sys, newsclean, newsclean.cli, newsclean.batch, newsclean.api; "
            "print(sorted(m for m in sys.modules if m.startswith('datatrove') or 'integrations' in m))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# ---------------------------------------------------------------- the reader

def test_page_files_reader_ids_urls_and_what_it_skips(tmp_path):
    root = tmp_path / "mirror"
    (root / "www.coastgazette.example" / "news").mkdir(parents=True)
    (root / "www.coastgazette.example" / "news" / "00001-story.html.gz").write_bytes(
        gzip.compress(SITE.html(1).encode("cp1252", "replace")))
    (root / "loose").mkdir()
    (root / "loose" / "page.txt").write_text(SITE.text(2))
    (root / "loose" / "scan.html").write_bytes(b"\x89PNG\r\n")
    (root / "loose" / "data.json").write_text("{}")
    reader = dt.PageFilesReader(str(root), url_from_path=True)
    docs = {doc.id: doc for doc in reader.run()}
    assert set(docs) == {"www.coastgazette.example/news/00001-story.html.gz", "loose/page.txt"}
    zipped = docs["www.coastgazette.example/news/00001-story.html.gz"]
    assert zipped.metadata["url"] == "https://www.coastgazette.example/news/00001-story.html"
    assert zipped.text.startswith("<!DOCTYPE html>")
    assert "url" not in docs["loose/page.txt"].metadata  # "loose" is no host
    assert docs["loose/page.txt"].metadata["file_path"] == str(root / "loose" / "page.txt")
    assert reader.stats["unreadable"].total == 1
    halves = [[d.id for d in dt.PageFilesReader(str(root)).run(rank=r, world_size=2)] for r in (0, 1)]
    assert sorted(halves[0] + halves[1]) == sorted(docs) and not set(halves[0]) & set(halves[1])
    assert [d.id for d in dt.PageFilesReader(str(root), glob_pattern="**/*.txt").run()] == ["loose/page.txt"]


def test_page_files_reader_skip_limit_and_one_info_line_per_thousand_files(tmp_path, monkeypatch):
    for number in range(7):
        (tmp_path / f"{number:02d}.txt").write_text(SITE.text(number))
    reader = dt.PageFilesReader(str(tmp_path), skip=2, limit=3)
    ids = [doc.id for doc in reader.run()]
    assert ids == ["02.txt", "03.txt", "04.txt"]
    assert [doc.id for doc in reader.run()] == ids  # a second run of the same reader: the same
    infos: list[str] = []
    monkeypatch.setattr(dt, "PROGRESS_EVERY", 3)
    monkeypatch.setattr(dt.logger, "info", infos.append)
    reader = dt.PageFilesReader(str(tmp_path))
    assert len(list(reader.run())) == 7
    assert infos == ["Reading input file 02.txt, 3/7", "Reading input file 05.txt, 6/7"]
    assert reader.stats["input_files"].total == 7 and reader.stats["documents"].total == 7


def test_a_folder_without_pages_fails_the_task_rather_than_complete_it(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n")
    with pytest.raises(RuntimeError, match="no page files in"):
        list(dt.PageFilesReader(str(tmp_path)).run())


def test_url_from_path():
    assert dt.url_from_path("example.com/a/b.html") == "https://example.com/a/b.html"
    assert dt.url_from_path("News.Example.com:8080/a.htm.gz") == "https://news.example.com:8080/a.htm"
    assert dt.url_from_path("pages/a.html") is None and dt.url_from_path("example.com") is None


# ---------------------------------------------------------------- the local example

def test_the_local_example_runs_with_several_workers(pages, tmp_path):
    out = tmp_path / "clean"
    example = ROOT / "examples" / "datatrove_local.py"
    command = [sys.executable, str(example), str(pages), str(out), "--tasks", "2", "--workers", "2"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert len(documents(out)) == 12
    assert step_stats(out / "logs" / "stats.json")["ok"] == 12


# ---------------------------------------------------------------- a simulated Slurm cluster

FAKE_SBATCH = '''\
"""sbatch, faked: run every task of the array now, one after the other, as Slurm would."""
import os, re, subprocess, sys, shutil
args, script = sys.argv[1:-1], sys.argv[-1]
calls = os.environ["FAKE_SLURM_DIR"]
job = len(os.listdir(calls)) + 1
shutil.copy(script, os.path.join(calls, f"{job:03d}.sh"))
text = open(script).read()
first, last = map(int, re.search(r"^#SBATCH --array=(\\d+)-(\\d+)", text, re.M).groups())
output = re.search(r"^#SBATCH --output=(.*)$", text, re.M).group(1)
env = dict(os.environ, SLURM_JOB_ID=str(job), SLURM_ARRAY_JOB_ID=str(job), SLURM_NODELIST="localhost")
for arg in args:
    if arg.startswith("--export=ALL,"):
        env.update(pair.split("=", 1) for pair in arg[len("--export=ALL,"):].split(","))
for task in range(first, last + 1):
    log = output.replace("%A", str(job)).replace("%a", str(task))
    with open(log, "ab") as handle:
        subprocess.run(["bash", script], env=dict(env, SLURM_ARRAY_TASK_ID=str(task)), stdout=handle,
                       stderr=subprocess.STDOUT)
print(f"Submitted batch job {job}")
'''
FAKE_SCONTROL = '''\
import sys
if sys.argv[1:3] == ["show", "hostnames"]:
    print("localhost")
'''
FAKE_SRUN = '''\
"""srun, faked: drop the options, run the command."""
import os, sys
args = sys.argv[1:]
while args and args[0].startswith("-"):
    option = args.pop(0)
    if option in ("-n", "-N", "-c") and args:
        args.pop(0)
os.execvp(args[0], args)
'''


@pytest.fixture
def fake_slurm(tmp_path, monkeypatch) -> Path:
    """sbatch, scontrol and srun on PATH that run the jobs here; returns where sbatch keeps
    a copy of each script it was given."""
    if not shutil.which("launch_pickled_pipeline"):
        pytest.skip("datatrove's launch_pickled_pipeline is not on PATH")
    bin_dir, calls = tmp_path / "fakebin", tmp_path / "sbatch-calls"
    bin_dir.mkdir()
    calls.mkdir()
    for name, code in (("sbatch", FAKE_SBATCH), ("scontrol", FAKE_SCONTROL), ("srun", FAKE_SRUN)):
        (bin_dir / name).write_text(f"#!{sys.executable}\n" + textwrap.dedent(code))
        (bin_dir / name).chmod(0o755)
    monkeypatch.setenv("PATH", os.pathsep.join([str(bin_dir), os.path.dirname(sys.executable),
                                                os.environ["PATH"]]))
    monkeypatch.setenv("FAKE_SLURM_DIR", str(calls))
    monkeypatch.delenv("SLURM_ARRAY_TASK_ID", raising=False)
    return calls


def slurm_run(pages: Path, out: Path, **options) -> SlurmPipelineExecutor:
    pipeline = [dt.PageFilesReader(str(pages)), dt.NewscleanExtractor(jobs=None),
                JsonlWriter(str(out / "data"), compression=None)]
    executor = SlurmPipelineExecutor(pipeline, tasks=2, time="1:00:00", partition="test", cpus_per_task=2,
                                     logging_dir=str(out / "logs"), job_name="newsclean-test", **options)
    executor.run()
    return executor


def sbatch_lines(script: Path) -> dict[str, str]:
    return dict(line[len("#SBATCH --"):].partition("=")[::2] for line in script.read_text().splitlines()
                if line.startswith("#SBATCH --"))


def test_a_simulated_slurm_cluster_runs_the_array_and_relaunches_a_deleted_rank(pages, tmp_path, fake_slurm):
    out = tmp_path / "dt"
    slurm_run(pages, out, qos=None)  # datatrove would ask for --qos=normal
    array, merge = sorted(fake_slurm.iterdir())
    lines = sbatch_lines(array)
    assert lines["array"] == "0-1" and lines["cpus-per-task"] == "2" and lines["partition"] == "test"
    assert lines["time"] == "1:00:00" and lines["job-name"] == "newsclean-test" and "qos" not in lines
    assert "launch_pickled_pipeline" in array.read_text() and "merge_stats" in merge.read_text()
    logs = out / "logs"
    assert sorted(p.name for p in (logs / "completions").iterdir()) == ["00000", "00001"], (
        "\n".join(p.read_text()[-2000:] for p in (logs / "slurm_logs").iterdir()))
    stats = step_stats(logs / "stats.json")  # merged by the second job
    assert stats["total"] == 13 and stats["ok"] == 12 and len(documents(out / "data")) == 12
    kept = (out / "data" / "00000.jsonl").stat().st_mtime_ns
    (logs / "completions" / "00001").unlink()
    (out / "data" / "00001.jsonl").unlink()
    slurm_run(pages, out, qos="high")
    assert json.loads((logs / "ranks_to_run.json").read_text()) == [1]
    rerun = sorted(fake_slurm.iterdir())[2]
    assert sbatch_lines(rerun)["array"] == "0-0" and sbatch_lines(rerun)["qos"] == "high"
    assert (out / "data" / "00000.jsonl").stat().st_mtime_ns == kept
    assert (logs / "completions" / "00001").exists() and len(documents(out / "data")) == 12


def test_the_slurm_example_runs_on_the_simulated_cluster(pages, tmp_path, fake_slurm):
    out = tmp_path / "clean"
    command = [sys.executable, str(ROOT / "examples" / "datatrove_slurm.py"), str(pages), str(out),
               "--partition", "test", "--tasks", "2"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = sbatch_lines(out / "logs" / "launch_script.slurm")
    assert lines["cpus-per-task"] == "2" and lines["array"] == "0-1" and "qos" not in lines
    assert sorted(p.name for p in (out / "logs" / "completions").iterdir()) == ["00000", "00001"]
    assert len(documents(out)) == 12


# ---------------------------------------------------------------- Ray, when installed

def test_a_local_ray_runs_the_pipeline_as_batch_does_and_reruns_only_a_lost_rank(pages, tmp_path):
    """RayPipelineExecutor on a local `ray.init()` (CI does not install ray, a 250 MB wheel; run
    `pip install ray` to include this test): the articles `newsclean batch` gives, and a rerun
    after one rank's completion and output are lost runs that rank alone."""
    ray = pytest.importorskip("ray")
    from datatrove.executor.ray import RayPipelineExecutor

    records = batch_records(pages, tmp_path)
    out = tmp_path / "ray"

    def run() -> None:
        pipeline = [dt.PageFilesReader(str(pages)), dt.NewscleanExtractor(jobs=None),
                    JsonlWriter(str(out / "data"), compression=None)]
        RayPipelineExecutor(pipeline, tasks=2, logging_dir=str(out / "logs")).run()

    ray.init(num_cpus=2, include_dashboard=False)
    try:
        run()
        docs = documents(out / "data")
        assert set(docs) == {source for source, record in records.items() if record["status"] == "ok"}
        assert all(doc["text"] == records[source]["text"] for source, doc in docs.items())
        assert sorted(p.name for p in (out / "logs" / "completions").iterdir()) == ["00000", "00001"]
        kept = (out / "data" / "00000.jsonl").stat().st_mtime_ns
        (out / "logs" / "completions" / "00001").unlink()
        (out / "data" / "00001.jsonl").unlink()
        run()
    finally:
        ray.shutdown()
    assert (out / "data" / "00000.jsonl").stat().st_mtime_ns == kept
    assert documents(out / "data") == docs


def test_warc_pages_reader_gives_each_page_with_its_url_and_crawl_date(tmp_path):
    """Our WARC reading as a datatrove reader: pages by their HTTP type and charset, the
    crawl date as `date`, records with no page counted by reason; then the step cleans them
    as newsclean batch does."""
    pytest.importorskip("warcio")
    from test_batch_archives import warc_bytes

    site = Site()
    pages = [(site.url(n), site.html(n).encode()) for n in range(3)]
    (tmp_path / "crawls").mkdir()
    (tmp_path / "crawls" / "a.warc.gz").write_bytes(warc_bytes(pages))
    (tmp_path / "crawls" / "cut.warc.gz").write_bytes(warc_bytes(pages, extras=False)[:-200])
    reader = dt.WarcPagesReader(str(tmp_path / "crawls"))
    docs = list(reader.run(rank=0, world_size=1))
    first = [d for d in docs if d.id.startswith("a.warc.gz#")]
    assert [d.metadata["url"] for d in first] == [url for url, _ in pages]
    assert all(d.metadata["date"] and "<urn:uuid:" in d.id for d in first)
    assert 1 <= len(docs) - len(first) < 3  # the cut archive: its whole pages before the cut
    stats = reader.stats.to_dict() if hasattr(reader.stats, "to_dict") else dict(reader.stats)
    text = json.dumps(stats, default=str)
    assert "no_page_request" in text and "no_page_redirect" in text and "damaged" in text
    step = dt.NewscleanExtractor()
    cleaned = list(step.run(iter(first), rank=0, world_size=1))
    expected = [newsclean.clean(html, url=url).text for url, html in pages]
    assert [d.text for d in cleaned] == expected
