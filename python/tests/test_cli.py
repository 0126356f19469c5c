"""Bad input: one line on stderr naming the valid choices, exit 2, no traceback, nothing written."""

import os
import tempfile
import unittest

from .helpers import cli


class BadInputTest(unittest.TestCase):
    CASES = [
        (["run", "--benchmark", "nope", "--out", "OUT"], "valid: scaling"),
        (["run", "--benchmark", "scaling", "-p", "model=GIL_THREADS", "--out", "OUT"], "valid: SEQUENTIAL, THREADS, PROCESSES"),
        (["run", "--benchmark", "scaling", "-p", "colour=red", "--out", "OUT"], "valid keys for scaling: workload, model"),
        (["run", "--benchmark", "scaling", "-p", "workers=0", "--out", "OUT"], "valid: an integer >= 1"),
        (["run", "--benchmark", "latency", "-p", "rate=0", "--out", "OUT"], "valid: a number > 0"),
        (["run", "--benchmark", "scaling", "--time", "1x", "--out", "OUT"], "valid: a positive number with ms, s or min"),
        (["run", "--benchmark", "scaling", "--forks", "0", "--out", "OUT"], "valid: an integer >= 1"),
        (["run", "--benchmark", "scaling", "--start-method", "teleport", "--out", "OUT"], "choose from"),
        (["run", "--benchmark", "scaling", "--out", "/no/such/dir/x.json"], "its directory does not exist"),
        (["frobnicate"], "choose from"),
    ]

    def test_each_bad_input_is_one_line_and_exit_2(self):
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "out.json")
            for args, expected in self.CASES:
                args = [out if a == "OUT" else a for a in args]
                with self.subTest(args=args):
                    p = cli(*args)
                    self.assertEqual(p.returncode, 2, p.stderr)
                    self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
                    self.assertIn(expected, p.stderr)
                    self.assertNotIn("Traceback", p.stderr)
            self.assertEqual(os.listdir(d), [])

    def test_list_names_every_benchmark_and_param(self):
        p = cli("list")
        self.assertEqual(p.returncode, 0, p.stderr)
        for word in ("cpython.ScalingBenchmark.run", "cpython.LoopLatencyBenchmark.run", "ASYNCIO_TO_THREAD", "nativeKiB"):
            self.assertIn(word, p.stdout)


if __name__ == "__main__":
    unittest.main()
