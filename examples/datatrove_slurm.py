#!/usr/bin/env python3
"""Clean a folder of saved pages on a Slurm cluster: one array job of `--tasks` tasks, each
with `--cpus` CPUs, cleaning its share of the files in as many worker processes.

    pip install 'newsclean[datatrove]'   # in a virtualenv every node can reach
    python examples/datatrove_slurm.py /shared/pages /shared/clean --partition cpu --tasks 64

Run it on the login node: it writes the array script to LOGS/launch_script.slurm and submits
it with sbatch, then a job that merges the tasks' stats into LOGS/stats.json. Paths must be on
a filesystem the nodes share. Running it again submits only the tasks without a completion
file (LOGS/completions/NNNNN). datatrove asks for `--qos=normal` unless told otherwise: pass
`--qos NAME`, or leave it out to use the cluster's default QOS.
"""
from __future__ import annotations

import os
import sys

from datatrove.executor import SlurmPipelineExecutor
from datatrove_local import build_pipeline, parser


def main(argv: list[str] | None = None) -> None:
    options = parser()
    options.add_argument("--partition", required=True)
    options.add_argument("--time", default="4:00:00", help="a task's time limit")
    options.add_argument("--cpus", type=int, default=2, help="CPUs a task asks for (its --jobs)")
    options.add_argument("--mem-per-cpu-gb", type=int, default=2)
    options.add_argument("--qos", default="", help="Slurm QOS (default: the cluster's)")
    options.add_argument("--workers", type=int, default=-1, help="tasks at once (default: all)")
    options.add_argument("--job-name", default="newsclean")
    args = options.parse_args(argv)
    args.jobs = None  # the step then starts a worker process per CPU the task gets
    activate = os.path.join(sys.prefix, "bin", "activate")
    SlurmPipelineExecutor(
        build_pipeline(args), tasks=args.tasks, workers=args.workers, time=args.time,
        partition=args.partition, cpus_per_task=args.cpus, mem_per_cpu_gb=args.mem_per_cpu_gb,
        qos=args.qos or None, job_name=args.job_name,
        venv_path=activate if os.path.exists(activate) else None,
        logging_dir=args.logs or f"{args.output.rstrip('/')}/logs").run()


if __name__ == "__main__":  # the tasks load the pickled executor, never this file
    main()
