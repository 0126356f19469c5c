"""An open-loop load generator on the model's own event loop, in the manner of wrk2.

Request i of an iteration is due at start + i x period whether or not earlier ones have finished, and
its latency is measured from that due time, so a loop that stalls is charged for every request that
should have arrived during the stall. The schedule is a coroutine on the serving loop, as a server's
arrivals are events on its loop: when the loop is busy computing inline, the schedule wakes late and
submits the overdue requests at once, keeping their due times, never skipping one. Every request due within
the iteration's time is sent, none due later; the iteration then waits (outside the measured time) until
every one is answered, so a backlog is charged to the iteration that built it.
"""

import asyncio
import math
import time

from . import models

DISTINCT_TASKS = 64  # requests cycle through this many tasks; distinct checksums catch mixed-up answers


class Snapshot:
    """One iteration: the arrival rate kept (the primary score) and the latency summary (ms, req/s)."""

    def __init__(self, arrivals, elapsed_ns, latencies_ns, first_due, last_answer):
        self.arrival_rate = arrivals / (elapsed_ns / 1e9)
        s = sorted(latencies_ns)
        self.count = len(s)
        self.p50, self.p90, self.p99, self.p999 = (rank(s, p) / 1e6 for p in (50, 90, 99, 99.9))
        self.max = s[-1] / 1e6
        self.achieved_rate = len(s) / max(1e-9, (last_answer - first_due) / 1e9)

    def secondaries(self):
        """The JVM's LatencyProfiler names and units."""
        return {
            "latency.p50": ("ms", self.p50),
            "latency.p90": ("ms", self.p90),
            "latency.p99": ("ms", self.p99),
            "latency.p99.9": ("ms", self.p999),
            "latency.max": ("ms", self.max),
            "latency.achievedRate": ("req/s", self.achieved_rate),
        }


def rank(sorted_values, p):
    """HdrHistogram's getValueAtPercentile on exact values: the count at p% is rounded, not raised."""
    return sorted_values[min(len(sorted_values), max(1, math.floor(p / 100 * len(sorted_values) + 0.5))) - 1]


async def iteration(tasks, expected, rate, seconds, offload, drain_timeout_s):
    """Offers ``rate`` requests/s for ``seconds``, waits for every answer, returns the Snapshot."""
    period = max(1, round(1e9 / rate))
    latencies = []
    errors = []
    pending = set()
    last_answer = [0]

    async def request(k, due):
        try:
            r = await models.run_task_async(tasks[k], offload)
        except Exception as e:  # reported with the iteration, as the JVM's driver does
            errors.append(f"task {k} failed: {e!r}")
            return
        now = time.perf_counter_ns()
        if r != expected[k]:
            errors.append(f"task {k} returned {r}, expected {expected[k]}")
        latencies.append(now - due)
        last_answer[0] = max(last_answer[0], now)

    t0 = time.perf_counter_ns()
    start, end = t0 + period, t0 + round(seconds * 1e9)
    i = 0
    # every request due within the iteration is sent, however late a busy loop gets to it
    while start + i * period < end:
        due = start + i * period
        wait = due - time.perf_counter_ns()
        if wait > 0:
            await asyncio.sleep(wait / 1e9)
        t = asyncio.ensure_future(request(i % len(tasks), due))
        pending.add(t)
        t.add_done_callback(pending.discard)
        i += 1
    elapsed = time.perf_counter_ns() - t0
    if pending:
        done, not_done = await asyncio.wait(set(pending), timeout=drain_timeout_s)
        if not_done:
            raise RuntimeError(f"{len(not_done)} of {i} requests still unanswered {drain_timeout_s:.0f} s after the iteration ended")
    if errors:
        raise RuntimeError(f"{len(errors)} wrong answers; first: {errors[0]}")
    return Snapshot(i, elapsed, latencies, start, last_answer[0])
