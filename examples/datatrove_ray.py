#!/usr/bin/env python3
"""Clean a folder of saved pages on a Ray cluster (or, without one, a local Ray): `--tasks`
tasks, each with `--cpus` CPUs, cleaning its share of the files in as many worker processes.

    pip install 'newsclean[datatrove]' ray
    python examples/datatrove_ray.py pages/ clean/ --tasks 8 --cpus 2

`ray.init()` joins the cluster RAY_ADDRESS names, else starts a local one. The logging folder
must be on storage every node shares; a rerun skips the tasks that completed.
"""
from __future__ import annotations

from datatrove.executor.ray import RayPipelineExecutor
from datatrove_local import build_pipeline, parser


def main(argv: list[str] | None = None) -> None:
    import ray

    options = parser()
    options.add_argument("--cpus", type=int, default=1, help="CPUs a task asks for (its --jobs)")
    options.add_argument("--workers", type=int, default=-1, help="tasks at once (default: all)")
    args = options.parse_args(argv)
    args.jobs = None  # a worker process per CPU the task gets
    ray.init()
    RayPipelineExecutor(build_pipeline(args), tasks=args.tasks, workers=args.workers,
                        cpus_per_task=args.cpus,
                        logging_dir=args.logs or f"{args.output.rstrip('/')}/logs").run()


if __name__ == "__main__":
    main()
