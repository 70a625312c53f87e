"""newsclean.batch.pool with large tasks and results (whole pages, as the datatrove step sends
them): the parent never waits on a worker's pipe, so a large task sent while the worker sends
a large result cannot deadlock, and a worker stuck on a page is still stopped at the timeout
with large tasks queued behind it. Each run is a child process with a deadline, so a deadlock
fails the test instead of hanging the suite."""
from __future__ import annotations

import subprocess
import sys
import textwrap

DEADLINE = 120  # seconds: far above what these runs take, even on a loaded machine

PROGRAM = textwrap.dedent("""
    import sys, time
    from newsclean.batch.pool import Lost, run_ordered

    def echo(item):  # a result as large as the task: both directions of the pipe fill up
        if item.startswith("STUCK"):
            time.sleep(600)
        return item.upper()

    if __name__ == "__main__":
        size, count, stuck = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "stuck"
        items = [("STUCK" if stuck and n == 0 else f"{n:08d}") + "x" * size for n in range(count)]
        results = list(run_ordered(items, echo, jobs=2, timeout=3 if stuck else None))
        lost = [n for n, (item, result) in enumerate(results) if isinstance(result, Lost)]
        right = all(result == item.upper() for n, (item, result) in enumerate(results) if n not in lost)
        print(len(results), lost, right, lost and results[lost[0]][1].timed_out)
""")


def run_program(tmp_path, *args: str) -> str:
    script = tmp_path / "pool_run.py"
    script.write_text(PROGRAM)
    done = subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True,
                          timeout=DEADLINE)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_large_tasks_and_large_results_do_not_deadlock(tmp_path):
    # 1 MB each way, far above a pipe's buffer (~200 kB)
    assert run_program(tmp_path, str(1 << 20), "24", "no") == "24 [] True []"


def test_a_stuck_worker_is_stopped_at_the_timeout_with_large_tasks_queued(tmp_path):
    assert run_program(tmp_path, str(1 << 20), "12", "stuck") == "12 [0] True True"
