"""Batch: walk the inputs, clean each page in a worker process, write the same relative paths
under the output folder (and/or one JSONL line per page, in input order): one Outcome per input.

    run_batch(paths, Options(out_dir=...))      -> Outcome, Outcome, ...   (in input order)
      inputs.find_inputs   folders depth-first by name; symlink loops, FIFOs, broken links as problems
      plan.Planner         up to date (resume)? escaping -o? a JSONL line to keep? else a Job
      recipe, manifest     what made each output (version, options, rule files), recorded
                           under -o in .newsclean/; another recipe's outputs are cleaned again
      pool.run_ordered     process pool, per-file timeout, in-order results
      worker.process_job   (in the worker) read, clean, render, write atomically, or say why not
      jsonl.JsonlOut       one line per input, in input order, FILE.part renamed when complete
                           (a rerun copies an earlier run's line for an input when it still holds)
      run.learned_outcomes with learning: a first pass counts each site's lines, a second drops
                           the furniture
    model                  Options in; Outcome, Counted, LearningReport, Summary out; the Job
                           a worker gets

Outputs appear whole or not at all (temporary file + rename, newsclean.files); a rerun skips
inputs whose output is newer than the input and recorded as made with the same recipe, says
why it cleans the others again (Outcome.redone), and removes what a killed run left behind.
Inputs are never written. The library prints nothing: the caller shows the Outcomes.
"""
from ..files import TEMP_SUFFIX, write_atomic
from .archives import ArchiveReport
from .inputs import DEFAULT_SUFFIXES, SUFFIX, Input, find_inputs, output_names
from .model import (
    Counted,
    FileList,
    Job,
    LearnedSite,
    Learning,
    LearningReport,
    Options,
    Outcome,
    Shard,
    Status,
    Summary,
    cpu_count,
)
from .pool import MAX_TASKS
from .run import count_inputs, run_batch, tally_sites

__all__ = [
    "DEFAULT_SUFFIXES", "MAX_TASKS", "SUFFIX", "TEMP_SUFFIX", "ArchiveReport", "Counted", "FileList",
    "Input", "Job", "LearnedSite", "Learning", "LearningReport", "Options", "Outcome", "Shard", "Status",
    "Summary", "count_inputs", "cpu_count", "find_inputs", "output_names", "run_batch", "tally_sites",
    "write_atomic",
]
