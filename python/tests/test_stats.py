"""Scores, errors and percentiles as JMH computes them, checked on numbers JMH 1.37 wrote."""

import math
import unittest

from cpabench_py import stats

# latency.p50 of a LoopLatencyBenchmark row (3 forks x 3 iterations) and what JMH made of it
JMH_RAW = [[2.357247, 2.252799, 2.295807], [2.359295, 2.263039, 2.258943], [2.291711, 2.273279, 2.238463]]
JMH_SCORE, JMH_ERROR = 2.2878425555555553, 0.07356035286953613
JMH_CONFIDENCE = [2.214282202686019, 2.3614029084250916]


class StatsTest(unittest.TestCase):
    def test_score_error_and_interval_are_jmhs(self):
        m = stats.metric(JMH_RAW, "ms")
        self.assertAlmostEqual(m["score"], JMH_SCORE, places=12)
        self.assertAlmostEqual(m["scoreError"], JMH_ERROR, places=10)
        for mine, jmh in zip(m["scoreConfidence"], JMH_CONFIDENCE):
            self.assertAlmostEqual(mine, jmh, places=10)
        self.assertEqual(m["scorePercentiles"]["50.0"], 2.273279)
        self.assertEqual(m["scorePercentiles"]["100.0"], 2.359295)
        self.assertEqual(m["rawData"], JMH_RAW)

    def test_two_values_have_no_error_as_in_jmh(self):
        m = stats.metric([[1.0], [3.0]], "ops/s")
        self.assertEqual((m["score"], m["scoreError"], m["scoreConfidence"]), (2.0, "NaN", [2.0, 2.0]))

    def test_max_policy_takes_the_maximum_without_error(self):
        m = stats.metric([[1.0, 5.0], [2.0, 3.0]], "ms", "max")
        self.assertEqual((m["score"], m["scoreError"]), (5.0, "NaN"))

    def test_t_quantiles_match_the_table(self):
        for df, t in ((1, 636.619), (4, 8.610), (8, 5.041), (30, 3.646)):
            self.assertAlmostEqual(stats.t_quantile(0.9995, df), t, places=3)
        self.assertTrue(math.isclose(stats.t_cdf(0.0, 5), 0.5))


if __name__ == "__main__":
    unittest.main()
