"""The interpreter record: GIL detection on this interpreter and on a simulated free-threaded 3.13t."""

import sys
import types
import unittest

from cpabench_py import env


def fake_sys(version, gil=None):
    """A stand-in sys module: 3.13+ has sys._is_gil_enabled, older ones do not."""
    s = types.SimpleNamespace(version_info=version, implementation=types.SimpleNamespace(name="cpython"),
                              executable="/usr/bin/python3.13t", version="3.13.1 experimental free-threading build",
                              getswitchinterval=lambda: 0.005)
    if gil is not None:
        s._is_gil_enabled = lambda: gil
    return s


def config(gil_disabled):
    return lambda name: {"Py_GIL_DISABLED": 1 if gil_disabled else 0}.get(name)


class EnvTest(unittest.TestCase):
    def test_this_interpreter(self):
        probe = getattr(sys, "_is_gil_enabled", None)
        self.assertEqual(env.gil_enabled(), probe() if probe else True)
        self.assertTrue(env.label().startswith(f"cpython{sys.version_info[0]}.{sys.version_info[1]}"))

    def test_before_3_13_the_gil_is_always_on(self):
        s = fake_sys((3, 11, 7))
        self.assertTrue(env.gil_enabled(s))
        self.assertEqual(env.label(s, config(False)), "cpython3.11")

    def test_free_threaded_3_13t(self):
        s = fake_sys((3, 13, 1), gil=False)
        self.assertFalse(env.gil_enabled(s))
        self.assertTrue(env.free_threaded_build(config(True)))
        self.assertEqual(env.label(s, config(True)), "cpython3.13t")
        rec = env.interpreter("spawn", s, config(True))
        self.assertEqual((rec["gilEnabled"], rec["freeThreadedBuild"], rec["label"], rec["multiprocessingStartMethod"]),
                         (False, True, "cpython3.13t", "spawn"))

    def test_free_threaded_build_with_the_gil_forced_back_on(self):
        # PYTHON_GIL=1, or an extension that is not free-threading safe: the build says t, the GIL is on
        s = fake_sys((3, 13, 1), gil=True)
        self.assertTrue(env.gil_enabled(s))
        self.assertEqual(env.label(s, config(True)), "cpython3.13t")

    def test_record_has_the_suites_machine_keys(self):
        rec = env.record("a", "b")
        for key in ("suite", "start", "end", "cpuModel", "logicalCores", "memTotalBytes", "os", "kernel", "arch",
                    "interpreter", "failed", "notes"):
            self.assertIn(key, rec)
        self.assertEqual(rec["interpreter"]["implementation"], sys.implementation.name)


if __name__ == "__main__":
    unittest.main()
