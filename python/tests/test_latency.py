"""The open-loop driver: every request answered and checked, latency from the intended arrival."""

import asyncio
import unittest

from cpabench_py import kernels, latency, workloads


def tasks(bound):
    steps = ((workloads.IO, 0), (workloads.COMPUTE, bound))
    ts = [(k, steps) for k in range(latency.DISTINCT_TASKS)]
    expected = [kernels.mix(kernels.mix(kernels.seed(k), kernels.token(k, 0)), kernels.count_primes(bound)) for k in range(len(ts))]
    return ts, expected


class LatencyTest(unittest.TestCase):
    def test_rank_is_hdrhistograms_value_at_percentile(self):
        values = list(range(1, 1001))
        self.assertEqual([latency.rank(values, p) for p in (50, 90, 99, 99.9, 100)], [500, 900, 990, 999, 1000])
        self.assertEqual(latency.rank([7], 50), 7)

    def test_every_request_due_in_the_iteration_is_answered(self):
        ts, expected = tasks(50)
        snap = asyncio.run(latency.iteration(ts, expected, 200, 0.1, False, 5))
        self.assertEqual(snap.count, 19)  # due at 5, 10, ... 95 ms: the one due at 100 ms is past the end
        self.assertGreater(snap.p50, 0)

    def test_a_wrong_answer_fails_the_iteration(self):
        ts, expected = tasks(50)
        expected[3] += 1
        with self.assertRaisesRegex(RuntimeError, "task 3 returned"):
            asyncio.run(latency.iteration(ts, expected, 200, 0.05, True, 5))

    def test_a_stalled_loop_is_charged_from_the_intended_arrival(self):
        # one request computes inline for ~50 ms: those due meanwhile wait for it, and their latency says so
        ts, expected = tasks(50)
        slow = [(k, ((workloads.IO, 0), (workloads.COMPUTE, 60_000 if k == 0 else 50))) for k in range(len(ts))]
        expected[0] = kernels.mix(kernels.mix(kernels.seed(0), kernels.token(0, 0)), kernels.count_primes(60_000))
        snap = asyncio.run(latency.iteration(slow, expected, 1000, 0.03, False, 10))
        self.assertEqual(snap.count, 29)
        self.assertGreater(snap.max, 10)


if __name__ == "__main__":
    unittest.main()
