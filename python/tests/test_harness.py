"""A tiny run through the command line: JMH's row shape, forks as separate interpreter processes."""

import json
import os
import tempfile
import unittest

from cpabench_py import harness

from .helpers import TINY, cli


class HarnessTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        cls.out = os.path.join(cls.dir.name, "scaling.json")
        cls.proc = cli("run", "--benchmark", "scaling", "-p", "model=SEQUENTIAL,THREADS", "-p", "workload=CPU",
                       "-p", "tasks=2", "-p", "cpuSize=500", "-p", "workers=2", *TINY, "--out", cls.out)
        cls.lat_out = os.path.join(cls.dir.name, "latency.json")
        cls.lat = cli("run", "--benchmark", "latency", "-p", "model=ASYNCIO_TO_THREAD", "-p", "rate=200",
                      "-p", "cpuMs=0.2", *TINY, "--out", cls.lat_out)

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def rows(self, path):
        with open(path, encoding="utf-8") as f:
            return json.load(f)

    def test_scaling_rows_have_jmhs_shape(self):
        self.assertEqual(self.proc.returncode, 0, self.proc.stderr)
        rows = self.rows(self.out)
        self.assertEqual([r["params"]["model"] for r in rows], ["SEQUENTIAL", "THREADS"])
        for r in rows:
            self.assertEqual((r["benchmark"], r["mode"], r["threads"], r["forks"]), ("cpython.ScalingBenchmark.run", "thrpt", 1, 2))
            self.assertEqual(r["params"], {"cpuSize": "500", "ioMicros": "1000", "model": r["params"]["model"],
                                           "nativeKiB": "1024", "switchMicros": "5000", "tasks": "2", "workers": "2",
                                           "workload": "CPU"})
            m = r["primaryMetric"]
            self.assertEqual(m["scoreUnit"], "ops/s")
            self.assertEqual([len(fork) for fork in m["rawData"]], [3, 3])
            values = [v for fork in m["rawData"] for v in fork]
            self.assertAlmostEqual(m["score"], sum(values) / len(values))
            self.assertLess(m["scoreConfidence"][0], m["scoreConfidence"][1])
            self.assertEqual((r["warmupIterations"], r["warmupTime"], r["measurementIterations"], r["measurementTime"]),
                             (1, "20 ms", 3, "30 ms"))
            self.assertEqual(r["secondaryMetrics"], {})

    def test_forks_are_separate_interpreter_processes(self):
        pids = [p for r in self.rows(self.out) for p in r["forkPids"]]
        self.assertEqual(len(pids), 4)
        self.assertEqual(len(set(pids)), 4)
        self.assertNotIn(os.getpid(), pids)

    def test_environment_file_beside_the_results(self):
        with open(os.path.join(self.dir.name, "scaling.env.json"), encoding="utf-8") as f:
            record = json.load(f)
        self.assertEqual(record["interpreter"]["label"], self.rows(self.out)[0]["interpreter"])
        self.assertIn("gilEnabled", record["interpreter"])

    def test_latency_rows_carry_the_jvms_secondary_metrics(self):
        self.assertEqual(self.lat.returncode, 0, self.lat.stderr)
        (r,) = self.rows(self.lat_out)
        self.assertEqual(r["benchmark"], "cpython.LoopLatencyBenchmark.run")
        self.assertEqual(r["params"], {"cpuMs": "0.2", "ioMs": "1", "model": "ASYNCIO_TO_THREAD", "rate": "200",
                                       "switchMicros": "5000", "workers": "0"})
        units = {k: v["scoreUnit"] for k, v in r["secondaryMetrics"].items()}
        self.assertEqual(units, {"latency.achievedRate": "req/s", "latency.max": "ms", "latency.p50": "ms",
                                 "latency.p90": "ms", "latency.p99": "ms", "latency.p99.9": "ms"})
        s = {k: v["score"] for k, v in r["secondaryMetrics"].items()}
        self.assertTrue(0 < s["latency.p50"] <= s["latency.p90"] <= s["latency.p99"] <= s["latency.p99.9"] <= s["latency.max"])
        self.assertEqual(r["secondaryMetrics"]["latency.max"]["score"],
                         max(v for fork in r["secondaryMetrics"]["latency.max"]["rawData"] for v in fork))


    def test_a_failing_fork_is_reported_by_its_one_line(self):
        spec = {"benchmark": "scaling", "params": {"model": "NOPE"}, "warmupIterations": 0, "warmupTime": 0.01,
                "iterations": 1, "time": 0.01}
        with self.assertRaisesRegex(harness.BenchmarkFailed, r"^ValueError: bad model 'NOPE'; valid: SEQUENTIAL"):
            harness.run_fork(spec, 60)


if __name__ == "__main__":
    unittest.main()
