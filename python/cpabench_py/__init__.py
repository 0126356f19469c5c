"""cpabench_py: the JVM suite's recipes run on CPython itself, written as JMH-format JSON.

The JVM suite imitates CPython (GIL_THREADS, MULTI_INTERPRETER, GIL_EVENT_LOOP_OFFLOAD); this package
measures the real thing with the same tasks, checksums, units and result format, so the suite's own
``compare`` and ``report`` read both. Standard library only; Python >= 3.10.
"""

VERSION = "0.1.0"
