"""How the work is run: CPython's own execution models, each opened once per fork (JMH's Level.Trial).

Every model runs a batch of tasks and returns the batch's checksum, which must equal the reference
(the JVM suite's rule: a wrong model fails loudly instead of looking fast). The JVM imitations they
stand beside: THREADS <-> GIL_THREADS, PROCESSES <-> MULTI_INTERPRETER, ASYNCIO <-> EVENT_LOOP,
ASYNCIO_TO_THREAD <-> GIL_EVENT_LOOP_OFFLOAD.
"""

import asyncio
import concurrent.futures
import multiprocessing

from . import kernels, workloads

MODELS = ("SEQUENTIAL", "THREADS", "PROCESSES", "ASYNCIO", "ASYNCIO_TO_THREAD")

# A hung model is reported, not waited out forever (the JVM's ModelConfig uses the same 2 minutes).
BATCH_TIMEOUT_S = 120.0


def open_model(name, workers, start_method=None):
    """The model called ``name`` with ``workers`` threads or processes (ignored where there is one loop)."""
    factories = {
        "SEQUENTIAL": Sequential,
        "THREADS": lambda: Threads(workers),
        "PROCESSES": lambda: Processes(workers, start_method),
        "ASYNCIO": lambda: Asyncio(None),
        "ASYNCIO_TO_THREAD": lambda: Asyncio(workers),
    }
    if name not in factories:
        raise ValueError(f"unknown model {name!r}; valid: {', '.join(MODELS)}")
    return factories[name]()


class Sequential:
    """Every task in turn on the calling thread: the baseline every ratio is taken against."""

    def run_batch(self, batch):
        return kernels.signed(sum(workloads.run_blocking(t) for t in batch))

    def describe(self):
        return ""

    def close(self):
        pass


class _Pool:
    """A burst handed to an executor, then a wait for all of it (the JVM's Batch)."""

    executor = None

    def run_batch(self, batch):
        futures = [self.executor.submit(workloads.run_blocking, t) for t in batch]
        done, not_done = concurrent.futures.wait(futures, timeout=BATCH_TIMEOUT_S)
        if not_done:
            raise RuntimeError(f"{len(not_done)} of {len(batch)} tasks still unfinished after {BATCH_TIMEOUT_S:.0f} s")
        return kernels.signed(sum(f.result() for f in futures))

    def close(self):
        self.executor.shutdown(wait=True, cancel_futures=True)


class Threads(_Pool):
    """A pool of ``workers`` OS threads sharing one interpreter and, unless free-threaded, its GIL."""

    def __init__(self, workers):
        self.workers = workers
        self.executor = concurrent.futures.ThreadPoolExecutor(workers, thread_name_prefix="cpabench")

    def describe(self):
        return f"{self.workers} threads"


class Processes(_Pool):
    """A pool of ``workers`` interpreter processes, each with its own GIL; tasks and results are pickled."""

    def __init__(self, workers, start_method=None):
        self.context = multiprocessing.get_context(start_method)
        self.workers = workers
        self.executor = concurrent.futures.ProcessPoolExecutor(workers, mp_context=self.context)

    def describe(self):
        return f"{self.workers} processes, start method {self.context.get_start_method()}"


async def run_task_async(task, offload):
    """A task as a coroutine: waits are timers on the loop, compute inline or ``asyncio.to_thread``."""
    task_id, steps = task
    acc = kernels.seed(task_id)
    for i, (kind, amount) in enumerate(steps):
        if kind == workloads.IO:
            await asyncio.sleep(amount / 1e9)
            r = kernels.token(task_id, i)
        elif offload:
            r = await asyncio.to_thread(workloads.run_local, task_id, kind, amount)
        else:
            r = workloads.run_local(task_id, kind, amount)
        acc = kernels.mix(acc, r)
    return acc


class Asyncio:
    """One event loop for the fork's life; with ``workers``, compute goes to that many threads by to_thread."""

    def __init__(self, workers):
        self.workers = workers
        self.loop = asyncio.new_event_loop()
        if workers:
            # asyncio.to_thread runs on the loop's default executor: sized here, not by CPython's default
            self.loop.set_default_executor(concurrent.futures.ThreadPoolExecutor(workers, thread_name_prefix="cpabench"))

    def run_batch(self, batch):
        async def burst():
            return await asyncio.wait_for(
                asyncio.gather(*(run_task_async(t, self.workers is not None) for t in batch)), BATCH_TIMEOUT_S)

        return kernels.signed(sum(self.loop.run_until_complete(burst())))

    def run(self, coroutine):
        """Runs a coroutine on this model's loop (the open-loop driver's schedule)."""
        return self.loop.run_until_complete(coroutine)

    @property
    def offload(self):
        return self.workers is not None

    def describe(self):
        return f"one loop, compute on {self.workers} to_thread threads" if self.workers else "one loop, compute inline"

    def close(self):
        try:
            self.loop.run_until_complete(self.loop.shutdown_default_executor())
        finally:
            self.loop.close()
