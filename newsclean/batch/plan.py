"""Resume planning: for each input, decide here what needs no worker (a problem found by the
walk, an output folder that escapes -o, an output that is up to date and, when JSONL is
written, a line an earlier run left for it that still holds) or hand it to a worker as a Job.
An output is up to date when it is newer than its input and a claim in -o's records says this
run's recipe made it (batch/manifest.py); one that is newer but not so claimed is cleaned again,
saying why, and left alone if its bytes come out the same. An up-to-date output with no JSONL
line to keep is cleaned again for its record (its file is left alone if the bytes are the
same): a JSONL record never loses its article on a rerun."""
from __future__ import annotations

import os

from ..files import file_id, is_inside, printable
from .archives import ArchiveJob, archive_target, is_archive
from .inputs import Input
from .jsonl import JsonlOut
from .manifest import Claims
from .model import Job, Outcome, Status
from .recipe import UNRECORDED


class Planner:
    """Input -> an Outcome decided here (a problem, up to date) or a Job for a worker. With
    `force` every input is cleaned again; with `learn` too, but saying why when the recipe
    changed (learning needs every page)."""

    def __init__(self, out_dir: str | None, log: JsonlOut, claims: Claims, *, force: bool = False,
                 learn: bool = False):
        self.out_dir = out_dir
        self.force, self.learn = force, learn
        self.learning = learn
        self.log = log  # the JSONL being written (inactive if none), with earlier runs' lines
        self.claims = claims  # what made the outputs under out_dir
        self.real_out = os.path.realpath(out_dir) if out_dir is not None else ""
        self.checked: dict[tuple[str, ...], str | None] = {}

    def plan(self, item: Input) -> Outcome | Job | ArchiveJob:
        source = printable(item.path)
        if item.problem:
            return Outcome(source, item.status, item.problem)
        if is_archive(item.path):
            return self.plan_archive(item, source)
        target = None
        if self.out_dir is not None:
            target = os.path.join(self.out_dir, *item.rel)
            problem, done = self.look(self.out_dir, item, source, target)
            if problem is not None:
                return problem
            if done is not None and not self.force and done.st_mtime_ns > item.mtime_ns:
                why = self.claims.why_stale(target, source, item.size, item.mtime_ns, done)
                if self.learn:
                    return Job(item.path, source, item.folder, target, item.size, item.mtime_ns,
                               redone="" if why is None or why == UNRECORDED else why)
                if why is not None:
                    return Job(item.path, source, item.folder, target, item.size, item.mtime_ns,
                               up_to_date=True, redone=why)
                output = printable(target)
                if not self.log.active:
                    return Outcome(source, Status.SKIPPED, output=output)
                if self.log.keep(source, item.mtime_ns, output):
                    return Outcome(source, Status.SKIPPED, output=output, reused=True)
                return Job(item.path, source, item.folder, target, item.size, item.mtime_ns,
                           up_to_date=True, url=item.url)
        elif self.log.active and self.log.keep(source, item.mtime_ns, None):
            return Outcome(source, Status.SKIPPED, reused=True)
        elif self.log.active:
            return Job(item.path, source, item.folder, target, item.size, item.mtime_ns,
                       redone=self.log.why_again(source, item.mtime_ns, None), url=item.url)
        return Job(item.path, source, item.folder, target, item.size, item.mtime_ns, url=item.url)

    def plan_archive(self, item: Input, source: str) -> Outcome | ArchiveJob:
        """An archive is read in the parent, its pages cleaned by workers; with -o its pages'
        lines go to one JSONL file, up to date when newer than the archive and claimed by this
        run's recipe; claimed as partial when a page failed or damage stopped the reading: a rerun of
the same recipe reads it again and cleans only the pages without a good line."""
        if self.learning:
            return Outcome(source, Status.FAILED, "--learn-boilerplate does not read web archives or "
                           "record files yet; clean them without it")
        target = archive_target(self.out_dir, item.rel)
        if self.out_dir is not None and target is not None:
            problem, done = self.look(self.out_dir, item, source, target)
            if problem is not None:
                return problem
            if done is not None and not self.force and done.st_mtime_ns > item.mtime_ns:
                if self.claims.why_stale(target, source, item.size, item.mtime_ns, done) is None:
                    return ArchiveJob(item.path, source, item.folder, target, item.size, item.mtime_ns,
                                      up_to_date=True)
                partial = self.claims.why_stale(target, source, item.size, item.mtime_ns, done, partial=True)
                if partial is None:
                    return ArchiveJob(item.path, source, item.folder, target, item.size, item.mtime_ns,
                                      resume=True)
        return ArchiveJob(item.path, source, item.folder, target, item.size, item.mtime_ns)

    def look(self, out_dir: str, item: Input, source: str,
             target: str) -> tuple[Outcome | None, os.stat_result | None]:
        """The output at `target` as it stands: why it cannot be written (its folder leads out
        of -o, or it is the input itself), else its stat (None: there is none yet)."""
        escape = self.escapes(out_dir, item.rel[:-1])
        if escape:
            return Outcome(source, Status.FAILED, escape), None
        try:
            done = os.stat(target)
        except OSError:
            return None, None
        if file_id(done) == item.ident:
            return Outcome(source, Status.FAILED, f"its output {printable(target)} would overwrite "
                                                  "the input itself; choose another output folder"), None
        return None, done

    def escapes(self, out_dir: str, folders: tuple[str, ...]) -> str | None:
        """Why the output folder for `folders` would be outside `out_dir` (a symlink there), or None."""
        if folders not in self.checked:
            real = os.path.realpath(os.path.join(out_dir, *folders))
            outside = real != self.real_out and not is_inside(real, self.real_out)
            self.checked[folders] = (f"its output folder {printable(os.path.join(out_dir, *folders))} "
                                     f"leads outside {printable(out_dir)} (a symlink); remove the link"
                                     if outside else None)
        return self.checked[folders]
