"""Sizes the latency scenario's compute step by time, as the JVM's ComputeCalibration does.

The step stays a prime count (same checksum arithmetic, real bytecode that holds the GIL); only its
bound is picked by the clock, on this interpreter: CPython needs a far smaller bound than the JIT for
the same millisecond. Each estimate is the fastest of several runs, since noise only ever adds time.
"""

import time

from . import kernels


def prime_bound_for(target_ns):
    """The n for which count_primes(n) takes about ``target_ns`` on one uncontended core."""
    if target_ns <= 0:
        raise ValueError(f"target time must be positive: {target_ns}")
    n = 20_000
    warm_until = time.perf_counter_ns() + 50_000_000  # the specialising interpreter settles at once
    while time.perf_counter_ns() < warm_until:
        kernels.count_primes(2_000)
    for _ in range(8):
        best = min(_timed(n) for _ in range(5))
        # cost grows about as n^1.4 (a prime costs sqrt(i) divisions, composites stop early)
        factor = max(0.25, min(4.0, (target_ns / max(1, best)) ** (1 / 1.4)))
        nxt = max(16, round(n * factor))
        if abs(nxt - n) <= n // 100:
            return nxt
        n = nxt
    return n


def _timed(n):
    t0 = time.perf_counter_ns()
    kernels.count_primes(n)
    return time.perf_counter_ns() - t0
