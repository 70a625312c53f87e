"""A small process pool for batch work: results in input order, a per-task timeout that kills
the stuck worker, workers recycled after a number of tasks, and a bounded window of tasks in
flight, so memory stays flat however many there are.

Processes, never threads: trafilatura is not thread-safe. Tasks go to each worker in small
chunks over its own pipe and come back one result each, so the parent always knows which task
a worker is on and since when (that is what the timeout needs). The parent never writes to a
pipe itself: a thread per worker does, so a large task (a whole page, from the datatrove step)
sent while the worker sends a large result cannot deadlock the two, and a worker stuck on a
page with tasks queued for it is still stopped at the timeout.
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from multiprocessing.reduction import ForkingPickler
from typing import Any

CHUNK = 4  # tasks per message: amortises the pipe round trip over small text pages
QUEUED_CHUNKS = 2  # per worker, so it never waits for the parent between chunks
MAX_TASKS = 1000  # then the worker is replaced: bounds growth of lxml/trafilatura caches
WINDOW_PER_JOB = 128  # tasks pulled but not yet yielded, per worker: bounds the reorder buffer
# one wake-up of the parent per few tiny pages, not per page (each costs it ~0.2 ms of CPU)
COALESCE_SECONDS = 0.002
POLL_SECONDS = 0.5  # longest sleep, so an interrupt or a timeout is never noticed late
PR_SET_PDEATHSIG = 1  # linux/prctl.h
SENDER_JOIN_SECONDS = 5  # a stopped worker's pipe fails its sender at once; this is a backstop
STOP_SENDING = object()  # tells a worker's sender thread to end


@dataclass(frozen=True)
class Lost:
    """A task that gave no result: its worker was stopped after `timeout` seconds, or died
    (`killed`: by SIGKILL, which the OOM killer sends); `pid` was the worker's, so what it was
    writing can be found."""

    reason: str
    timed_out: bool = False
    killed: bool = False
    pid: int = 0


@dataclass
class Worker:
    process: Any
    conn: Any
    assigned: deque  # (key, task) sent and not answered; the first is the one running
    since: float = 0.0  # when the first assigned task started (as far as the parent knows)
    sent: int = 0
    retiring: bool = False  # got its last task; told to exit once done
    outbox: queue.SimpleQueue = field(default_factory=queue.SimpleQueue)  # pickled, for its sender
    sender: threading.Thread | None = None


def run_ordered(items: Iterable, work: Callable[[Any], Any], *, jobs: int,
                timeout: float | None = None, needs_worker: Callable[[Any], bool] = lambda _: True,
                max_tasks: int = MAX_TASKS, chunk: int = CHUNK) -> Generator[tuple[Any, Any], None, None]:
    """Yield (item, work(item)) for every item, in the order of `items`, computing work(item)
    in `jobs` worker processes. Items for which needs_worker() is false are yielded with None,
    in their place. A task that runs over `timeout` seconds, or whose worker dies, gives a
    Lost result; its worker is replaced. `work` must not raise (a raise gives Lost too), and
    with the spawn start method (not Linux) it must be a picklable top-level function."""
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    window = max(64, WINDOW_PER_JOB * jobs)
    source = iter(items)
    todo: deque = deque()  # (key, item) waiting for a worker
    ready: dict[int, tuple[Any, Any]] = {}
    workers: list[Worker] = []
    pulled = emitted = 0
    exhausted = False
    try:
        while True:
            # 1. take items while the window allows; yield those that are ready, in order
            while not exhausted and pulled - emitted < window:
                try:
                    item = next(source)
                except StopIteration:
                    exhausted = True
                    break
                if needs_worker(item):
                    todo.append((pulled, item))
                else:
                    ready[pulled] = (item, None)
                pulled += 1
            if emitted in ready:
                yield ready.pop(emitted)
                emitted += 1
                continue
            if exhausted and emitted == pulled:
                return
            # 2. keep `jobs` workers, each with a queue of tasks
            while todo and sum(not w.retiring for w in workers) < jobs:
                workers.append(start_worker(context, work))
            for worker in workers:
                feed(worker, todo, chunk, max_tasks, jobs)
            # 3. wait for a result, a death or a deadline
            now = time.monotonic()
            deadlines = [w.since + timeout for w in workers if timeout and w.assigned]
            pause = min([POLL_SECONDS] + [max(0.0, d - now) for d in deadlines])
            woken = wait([w.conn for w in workers] + [w.process.sentinel for w in workers], pause)
            if woken and all(len(w.assigned) > 1 for w in workers if w.assigned):
                time.sleep(COALESCE_SECONDS)  # the workers have queued work: gather results
            for worker in list(workers):
                if not collect(worker, ready):
                    workers.remove(worker)
                    settle_dead(worker, ready, todo)
                elif timeout and worker.assigned and time.monotonic() - worker.since > timeout:
                    workers.remove(worker)
                    stop_stuck(worker, ready, todo, timeout)
                elif worker.retiring and not worker.assigned:
                    workers.remove(worker)
                    retire(worker)
    finally:
        for worker in workers:
            if worker.assigned or exhausted is False:
                kill(worker)
            else:
                retire(worker)


def start_worker(context, work: Callable) -> Worker:
    parent_end, child_end = context.Pipe()
    process = context.Process(target=worker_main, args=(child_end, work, os.getpid()), daemon=True)
    process.start()
    child_end.close()
    worker = Worker(process=process, conn=parent_end, assigned=deque())
    worker.sender = threading.Thread(target=send_all, args=(parent_end, worker.outbox), daemon=True)
    worker.sender.start()
    return worker


def post(worker: Worker, message: Any) -> None:
    """Queue a message for the worker's sender, pickled here (so a task that cannot be
    pickled raises in the caller, as a send would)."""
    worker.outbox.put(bytes(ForkingPickler.dumps(message)))


def send_all(conn, outbox: queue.SimpleQueue) -> None:
    """(A thread of the parent) write a worker's messages to its pipe, in order, until told
    to stop or the pipe fails (the worker is gone). The worker reads each with recv()."""
    while (data := outbox.get()) is not STOP_SENDING:
        try:
            conn.send_bytes(data)
        except OSError:
            return


def feed(worker: Worker, todo: deque, chunk: int, max_tasks: int, jobs: int) -> None:
    """Top the worker's queue up to QUEUED_CHUNKS chunks; mark it retiring at max_tasks.
    When little work is left, one task at a time: no worker then sits idle at the end while
    another still holds a queue."""
    if not worker.process.is_alive():  # it died since it was last looked at: collect() sees to it
        return
    if len(todo) < jobs * QUEUED_CHUNKS * chunk:
        chunk = 1
    while todo and not worker.retiring and len(worker.assigned) <= (QUEUED_CHUNKS - 1) * chunk:
        room = min(chunk, max_tasks - worker.sent) if max_tasks else chunk
        batch = [todo.popleft() for _ in range(min(room, len(todo)))]
        if not worker.assigned:
            worker.since = time.monotonic()
        worker.assigned.extend(batch)
        worker.sent += len(batch)
        post(worker, batch)
        if max_tasks and worker.sent >= max_tasks:
            worker.retiring = True
            post(worker, None)  # exit after these


def collect(worker: Worker, ready: dict) -> bool:
    """Take every result the worker has sent; False if its pipe is closed (it died)."""
    try:
        while worker.conn.poll():
            key, result = worker.conn.recv()
            done_key, item = worker.assigned.popleft()
            assert done_key == key, (done_key, key)
            ready[key] = (item, result)
            worker.since = time.monotonic()
    except (EOFError, OSError):
        return False
    return worker.process.is_alive() or not worker.assigned


def settle_dead(worker: Worker, ready: dict, todo: deque) -> None:
    """The worker died: its current task is Lost, the ones queued behind it go back first."""
    worker.process.join(5)
    close(worker)
    if worker.assigned:
        key, item = worker.assigned.popleft()
        ready[key] = (item, Lost(death(worker), killed=worker.process.exitcode == -signal.SIGKILL,
                                 pid=worker.process.pid))
    todo.extendleft(reversed(worker.assigned))


def stop_stuck(worker: Worker, ready: dict, todo: deque, timeout: float) -> None:
    key, item = worker.assigned.popleft()
    kill(worker)
    ready[key] = (item, Lost(f"timed out after {timeout:g} s, so its worker was stopped",
                             timed_out=True, pid=worker.process.pid))
    todo.extendleft(reversed(worker.assigned))


def death(worker: Worker) -> str:
    """How a worker died, for the page it was cleaning."""
    code = worker.process.exitcode
    if code == -signal.SIGKILL:  # what the OOM killer sends
        return "the worker cleaning it was killed (SIGKILL: out of memory?)"
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"the worker process died while cleaning it (killed by {name})"
    return f"the worker process died while cleaning it (exit code {code})"


def retire(worker: Worker) -> None:
    """Let an idle worker finish (it has been told, or is told now), then reap it."""
    if not worker.retiring:
        post(worker, None)
    worker.process.join(5)
    if worker.process.is_alive():
        kill(worker)
    else:
        close(worker)


def kill(worker: Worker) -> None:
    worker.process.kill()
    worker.process.join()
    close(worker)


def close(worker: Worker) -> None:
    """Stop the worker's sender (the process has exited: a send in progress fails), then
    close the pipe."""
    worker.outbox.put(STOP_SENDING)
    if worker.sender is not None:
        worker.sender.join(SENDER_JOIN_SECONDS)
    worker.conn.close()


# ---- in the worker process ----

def worker_main(conn, work: Callable, parent_pid: int) -> None:
    """Run work() on each task received until told to stop (None) or the parent goes away."""
    die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            batch = conn.recv()
        except (EOFError, OSError):
            return
        if batch is None:
            return
        for key, task in batch:
            try:
                result = work(task)
            except Exception as err:  # work() reports its own errors; this is a bug in it
                result = Lost(f"internal error ({type(err).__name__}: {err})")
            conn.send((key, result))


def die_with_parent(parent_pid: int) -> None:
    """Ask Linux to kill this worker when the parent dies (even by SIGKILL), so no orphan
    goes on writing outputs after a killed run."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)
