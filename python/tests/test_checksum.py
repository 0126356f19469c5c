"""The CPU kernel and checksum arithmetic equal the JVM suite's, for every CPython model.

jvm_checksums.json holds batch checksums that src/test/java/.../CpythonChecksumTest computes with the
Java code; here the Python code must give the same numbers.
"""

import json
import os
import unittest

from cpabench_py import kernels, models, workloads

with open(os.path.join(os.path.dirname(__file__), "jvm_checksums.json"), encoding="utf-8") as f:
    CASES = json.load(f)["cases"]


def batch(case):
    return workloads.tasks(case["workload"], case["tasks"], case["cpuSize"], case["ioMicros"], 1)


class ChecksumTest(unittest.TestCase):
    def test_prime_count_is_the_jvm_kernels(self):
        self.assertEqual([kernels.count_primes(n) for n in (2, 3, 10, 100, 15000)], [0, 1, 4, 25, 1754])

    def test_reference_checksums_equal_the_jvm_suites(self):
        for case in CASES:
            with self.subTest(case=case):
                self.assertEqual(workloads.reference_checksum(batch(case)), case["checksum"])

    def test_every_model_returns_the_jvm_checksum(self):
        small = [c for c in CASES if c["tasks"] * c["cpuSize"] <= 100_000 or c["workload"] == "IO_SLEEP"]
        self.assertGreaterEqual(len(small), 2)
        for name in models.MODELS:
            model = models.open_model(name, 2)
            try:
                for case in small:
                    with self.subTest(model=name, case=case):
                        self.assertEqual(model.run_batch(batch(case)), case["checksum"])
            finally:
                model.close()

    def test_mix_matches_java_long_arithmetic(self):
        # Java: Task.mix(0, 0) == 0; the seed of task 0 is mix(GOLDEN, 0); results are signed longs
        self.assertEqual(kernels.mix(0, 0), 0)
        self.assertEqual(kernels.signed((1 << 64) - 1), -1)
        self.assertLess(kernels.mix(kernels.GOLDEN, 0), 1 << 64)

    def test_native_steps_agree_across_models(self):
        native = workloads.tasks("NATIVE", 4, 2, 0, 64)
        expected = workloads.reference_checksum(native)
        for name in models.MODELS:
            model = models.open_model(name, 2)
            try:
                self.assertEqual(model.run_batch(native), expected, name)
            finally:
                model.close()


if __name__ == "__main__":
    unittest.main()
