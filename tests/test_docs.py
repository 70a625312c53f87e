"""The documents the code cites exist and say what the code does: every `docs/...md#anchor` a
module cites resolves, no comment points outside the repository, and every constant
docs/text-path.md names is defined."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import newsclean
from newsclean import bylines, patterns, prose, slug, text
from newsclean.text import (
    agreement,
    blockmodel,
    blocks,
    byline,
    entries,
    features,
    furniture,
    headline,
    markup,
    region,
    rejoin,
    relink,
    revise,
    segment,
)

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "newsclean").rglob("*.py"))
CITATION = re.compile(r"docs/([\w-]+\.md)(?:#([\w-]+))?((?: and)? #[\w-]+)*")


def anchors(doc: Path) -> set[str]:
    """The anchors of a Markdown file's headings, as GitHub makes them."""
    headings = re.findall(r"^#+ (.+)$", doc.read_text(encoding="utf-8"), re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", h).strip().lower().replace(" ", "-") for h in headings}


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_cited_documents_are_in_the_repository(source):
    code = source.read_text(encoding="utf-8")
    assert "FINDINGS" not in code and "../shared" not in code, "cite docs/, not a file outside"
    for match in CITATION.finditer(code):
        doc = ROOT / "docs" / match.group(1)
        assert doc.is_file(), f"{source.name} cites {doc}, which does not exist"
        cited = [match.group(2)] + re.findall(r"#([\w-]+)", match.group(0).split("#", 1)[-1])[1:]
        for anchor in filter(None, cited):
            assert anchor in anchors(doc), f"{source.name} cites {doc.name}#{anchor}: no such heading"


def test_the_text_path_document_names_only_constants_that_exist():
    doc = (ROOT / "docs" / "text-path.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(?:patterns\.)?([A-Z][A-Z0-9_]{3,})`", doc))
    modules = (text, blockmodel, blocks, byline, entries, features, furniture, headline, region,
               rejoin, relink, revise, markup, segment,
               bylines, patterns, prose, agreement, slug)
    missing = {name for name in named if not any(hasattr(m, name) for m in modules)}
    assert not missing, f"docs/text-path.md names constants the code no longer has: {sorted(missing)}"
    assert len(named) > 40  # the document cites the thresholds by name


def test_the_package_face_is_documented():
    assert newsclean.__doc__ and newsclean.clean.__doc__


# ---- docs/scale.md: its commands still work ----

SCALE = ROOT / "docs" / "scale.md"


def code_blocks(doc: Path) -> list[str]:
    return re.findall(r"^```\w*\n(.*?)^```", doc.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)


def batch_commands(doc: Path) -> list[str]:
    """Every `newsclean batch ...` command in the document's code blocks, continuation lines joined."""
    joined = "\n".join(block.replace("\\\n", " ") for block in code_blocks(doc))
    return [line[line.index("newsclean batch"):] for line in joined.splitlines() if "newsclean batch" in line]


def test_the_scale_document_uses_only_batch_options_that_exist():
    from typer.testing import CliRunner

    from newsclean.cli import app

    help_text = CliRunner().invoke(app, ["batch", "--help"]).output
    commands = batch_commands(SCALE)
    used = {option for command in commands for option in re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", command)}
    assert len(commands) >= 4 and {"--shard", "--jobs", "-o", "--files-from", "--max-failures"} <= used
    assert not {option for option in used if not re.search(rf"(?<![\w-]){option}\b", help_text)}


def test_the_slurm_script_of_the_scale_document_runs_every_shard_and_a_resubmitted_one(tmp_path):
    """The sbatch script, run by bash with the SLURM_* variables set by hand: three tasks write
    what one whole run writes; resubmitting task 1 alone works once SHARDS is given, and
    without it (Slurm then counts one task) newsclean refuses --shard 1/1."""
    import os
    import subprocess
    import sys

    from newsclean.batch import Options, run_batch
    from tests.sitegen import Site

    [script] = [block for block in code_blocks(SCALE) if "#SBATCH --array" in block]
    (tmp_path / "newsclean.sbatch").write_text(script, encoding="utf-8")
    crawl = tmp_path / "crawl"
    for number in range(7):
        folder = crawl / f"site{number % 2}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"story-{number}.txt").write_text(Site().text(number), encoding="utf-8")
    whole = tmp_path / "whole"
    list(run_batch([str(crawl)], Options(out_dir=whole, jobs=1)))
    bin_dir = tmp_path / "bin"  # `newsclean` on PATH: this checkout's
    bin_dir.mkdir()
    (bin_dir / "newsclean").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m newsclean "$@"\n')
    (bin_dir / "newsclean").chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "PYTHONPATH": str(ROOT),
           "CRAWL": str(crawl), "OUT": str(tmp_path / "clean"), "SLURM_CPUS_PER_TASK": "1"}
    env.pop("SHARDS", None)

    def task(index: int, count: int, **extra: str) -> subprocess.CompletedProcess:
        return subprocess.run(["bash", "newsclean.sbatch"], cwd=tmp_path, capture_output=True, text=True,
                              timeout=300, env={**env, "SLURM_ARRAY_TASK_ID": str(index),
                                                "SLURM_ARRAY_TASK_COUNT": str(count), **extra})

    for index in range(3):
        done = task(index, 3)
        assert done.returncode == 0, done.stderr
        assert f"batch: {3 if index == 0 else 2} cleaned" in done.stderr  # inputs 0,3,6 / 1,4 / 2,5
    def outputs(folder: Path) -> dict[Path, bytes]:
        return {path.relative_to(folder): path.read_bytes() for path in folder.rglob("*.md")}

    assert outputs(tmp_path / "clean") == outputs(whole) and len(outputs(whole)) == 7
    again = task(1, 1, SHARDS="3")
    assert again.returncode == 0 and "batch: 0 cleaned" in again.stderr, again.stderr
    refused = task(1, 1)
    assert refused.returncode == 2 and "--shard" in refused.stderr
