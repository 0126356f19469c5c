"""The compute payload and the checksum arithmetic, bit for bit those of the JVM suite.

Java's ``Kernels.countPrimes`` counts primes in [2, n) by trial division, testing p = 2, 3, ... while
p * p <= i; ``range(2, isqrt(i) + 1)`` makes exactly the same divisions. ``Task.mix`` and
``Task.seed`` work on Java longs: here on unsigned 64-bit ints (``>>`` on an unsigned value is Java's
``>>>``), turned into a signed long only when a checksum is shown.
"""

from math import isqrt

MASK = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15
MIX_MULTIPLIER = 0xBF58476D1CE4E5B9


def count_primes(n):
    """Primes in [2, n) by trial division: the seed experiment's cpu_work, pure bytecode, holds the GIL."""
    count = 0
    for i in range(2, n):
        for p in range(2, isqrt(i) + 1):
            if i % p == 0:
                break
        else:
            count += 1
    return count


def mix(acc, r):
    """Java's Task.mix: folds one step's result into a task's accumulator, order-sensitive."""
    h = ((acc ^ (r & MASK)) * MIX_MULTIPLIER) & MASK
    return h ^ (h >> 31)


def seed(task_id):
    """Java's Task.seed: distinct per task, so swapped results change the checksum."""
    return mix(GOLDEN, task_id)


def token(task_id, step):
    """Java's Task.token: what an I/O step returns."""
    return ((task_id << 16) | step) & MASK


def signed(x):
    """A 64-bit value as Java prints a long."""
    x &= MASK
    return x - (1 << 64) if x >> 63 else x
