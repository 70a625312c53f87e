#!/usr/bin/env python3
"""Clean a folder of saved pages with datatrove on this machine: PageFilesReader, then
NewscleanExtractor, then a JsonlWriter (one `NNNNN.jsonl.gz` per task).

    pip install 'newsclean[datatrove]'
    python examples/datatrove_local.py pages/ clean/ --tasks 4 --workers 2

Each task cleans its share of the files (`files[rank::tasks]`) in `--jobs` worker processes;
`--workers` tasks run at once. A rerun skips the tasks that completed (logs/completions/);
delete the logging folder to start again. Each document comes out with the article's text
(or Markdown with --markdown) and its fields under `article_*` keys.
"""
from __future__ import annotations

import argparse
import sys

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.writers import JsonlWriter

from newsclean.integrations.datatrove import NewscleanExtractor, PageFilesReader

# On Linux the task processes are forked from this one, with newsclean, trafilatura and the rules
# already loaded (the step loads them when it is built); datatrove's default, a forkserver,
# makes each task import them again: about a second a task. Other systems keep the forkserver.
START_METHOD = "fork" if sys.platform.startswith("linux") else "forkserver"


def build_pipeline(args: argparse.Namespace) -> list:
    return [
        PageFilesReader(args.pages, url_from_path=args.url_from_path),
        NewscleanExtractor(body="markdown" if args.markdown else "text", jobs=args.jobs,
                           timeout=args.timeout, keep_failed=args.keep_failed,
                           rules_dirs=args.rules_dir),
        JsonlWriter(args.output),
    ]


def parser() -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("pages", help="folder of saved pages (local or an fsspec URL)")
    options.add_argument("output", help="folder for the JSONL files")
    options.add_argument("--logs", default=None, help="datatrove's logging folder (default: OUTPUT/logs)")
    options.add_argument("--tasks", type=int, default=2, help="tasks the files are shared among")
    options.add_argument("--jobs", type=int, default=1, help="worker processes in each task")
    options.add_argument("--timeout", type=float, default=30.0, help="seconds a page (0: no limit)")
    options.add_argument("--url-from-path", action="store_true", help="pages saved as HOST/PATH")
    options.add_argument("--markdown", action="store_true", help="the article's Markdown as text")
    options.add_argument("--keep-failed", action="store_true",
                         help="pass on pages without an article, unchanged, with newsclean_status")
    options.add_argument("--rules-dir", action="append", default=[], help="site rules folder")
    return options


def main(argv: list[str] | None = None) -> None:
    options = parser()
    options.add_argument("--workers", type=int, default=-1, help="tasks at once (default: all)")
    args = options.parse_args(argv)
    LocalPipelineExecutor(build_pipeline(args), tasks=args.tasks, workers=args.workers,
                          logging_dir=args.logs or f"{args.output.rstrip('/')}/logs",
                          start_method=START_METHOD).run()


# with a forkserver (not Linux), datatrove's task processes import this file again: nothing may
# run on import
if __name__ == "__main__":
    main()
