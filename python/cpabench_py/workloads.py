"""What the work is: each workload's recipe of steps, and running a task's steps.

A task is ``(task_id, steps)`` with steps ``(kind, amount)``: plain tuples, so a process pool pickles
them as cheaply as possible. Like the JVM's ``Task``, a task's result is its seed with every step's
result mixed in, and a batch's checksum is the sum of its tasks' results (mod 2**64).
"""

import hashlib
import time

from . import kernels

COMPUTE = "compute"  # count primes below amount: holds the GIL
NATIVE = "native"  # sha256 over amount bytes: C code that releases the GIL
IO = "io"  # wait amount nanoseconds

WORKLOADS = ("CPU", "IO_SLEEP", "NATIVE")


def recipe(workload, cpu_size, io_micros, native_kib):
    """The steps of one task, as the JVM's Workload.recipe (CPU, IO_SLEEP); NATIVE is CPython's own."""
    if workload == "CPU":
        return ((COMPUTE, cpu_size),)
    if workload == "IO_SLEEP":
        return ((IO, io_micros * 1000),)
    if workload == "NATIVE":
        return ((NATIVE, native_kib * 1024),)
    raise ValueError(f"unknown workload {workload!r}; valid: {', '.join(WORKLOADS)}")


def tasks(workload, count, cpu_size, io_micros, native_kib):
    """``count`` tasks, ids 0..count-1, all with the same recipe (the JVM's Workbench.tasks)."""
    steps = recipe(workload, cpu_size, io_micros, native_kib)
    return [(i, steps) for i in range(count)]


_buffers = {}


def _buffer(size):
    # Made once per process and size, outside any measured step; bytes(range) so it is not all zeros.
    b = _buffers.get(size)
    if b is None:
        b = (bytes(range(256)) * (size // 256 + 1))[:size]
        _buffers[size] = b
    return b


def run_local(task_id, kind, amount):
    """A COMPUTE or NATIVE step on the calling thread; I/O steps belong to the model."""
    if kind == COMPUTE:
        return kernels.count_primes(amount)
    if kind == NATIVE:
        h = hashlib.sha256(task_id.to_bytes(8, "little"))
        h.update(_buffer(amount))  # hashlib drops the GIL for inputs over 2 KiB
        return int.from_bytes(h.digest()[:8], "little")
    raise ValueError(f"not a local step: {kind}")


def run_blocking(task):
    """Every step on the calling thread, waits by time.sleep; returns the task's result."""
    task_id, steps = task
    acc = kernels.seed(task_id)
    for i, (kind, amount) in enumerate(steps):
        if kind == IO:
            time.sleep(amount / 1e9)
            r = kernels.token(task_id, i)
        else:
            r = run_local(task_id, kind, amount)
        acc = kernels.mix(acc, r)
    return acc


def reference_checksum(batch):
    """What every model must return for ``batch``: each task once, in order, waits skipped."""
    total = 0
    for task_id, steps in batch:
        acc = kernels.seed(task_id)
        for i, (kind, amount) in enumerate(steps):
            r = kernels.token(task_id, i) if kind == IO else run_local(task_id, kind, amount)
            acc = kernels.mix(acc, r)
        total += acc
    return kernels.signed(total)
