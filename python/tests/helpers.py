"""Shared by the tests: the harness run as a user runs it, in a child interpreter."""

import os
import subprocess
import sys

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# the smallest run that still has the JMH shape: 2 forks, 1 warm-up and 3 measurement iterations
TINY = ["--forks", "2", "--warmup-iterations", "1", "--warmup-time", "20ms", "--iterations", "3", "--time", "30ms"]


def cli(*args):
    """``python3 -m cpabench_py ARGS`` from python/; the CompletedProcess."""
    return subprocess.run([sys.executable, "-m", "cpabench_py", *args], cwd=PYTHON_DIR,
                          capture_output=True, text=True, timeout=120)
