"""JMH's shape on CPython: every fork a fresh interpreter process, rows in JMH's JSON format.

The parent never measures: for each parameter combination it starts ``forks`` child interpreters
(``sys.executable -m cpabench_py fork``, the spec on stdin, the result as JSON on stdout), one after
another, and folds their iteration scores into one row with per-fork rawData, as JMH does.
"""

import itertools
import multiprocessing
import json
import os
import platform
import subprocess
import sys

from . import VERSION, env, stats

PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class BenchmarkFailed(Exception):
    """A fork failed or hung: the run stops, nothing is written."""


def combinations(bench, values):
    """Every combination of the given values (name -> list of strings), in the parameters' order."""
    names = [n for n in bench.params if n in values]
    for combo in itertools.product(*(values[n] for n in names)):
        yield dict(zip(names, combo))


def jmh_time(seconds):
    """A duration as JMH writes it in a row: "1 s", "300 ms"."""
    return f"{seconds:g} s" if seconds >= 1 and float(seconds).is_integer() else f"{seconds * 1000:g} ms"


def run_fork(spec, timeout_s):
    """One child interpreter running one fork; its result dict."""
    env_vars = dict(os.environ)
    env_vars["PYTHONPATH"] = os.pathsep.join(p for p in (PACKAGE_ROOT, env_vars.get("PYTHONPATH")) if p)
    try:
        proc = subprocess.run([sys.executable, "-m", "cpabench_py", "fork"], input=json.dumps(spec),
                              capture_output=True, text=True, env=env_vars, timeout=timeout_s)
    except subprocess.TimeoutExpired:
        raise BenchmarkFailed(f"fork did not finish within {timeout_s:.0f} s") from None
    if proc.returncode != 0:
        lines = proc.stderr.strip().splitlines() or [f"exit code {proc.returncode}"]
        raise BenchmarkFailed(lines[-1])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run(bench, params, forks, warmup_iterations, warmup_time, iterations, time_s, start_method=None, progress=print):
    """The rows for every parameter combination; raises BenchmarkFailed on the first failed fork."""
    rows = []
    for combo in combinations(bench, params):
        resolved = {n: combo.get(n, p.default) for n, p in bench.params.items()}
        spec = {"benchmark": bench.name, "params": resolved, "warmupIterations": warmup_iterations,
                "warmupTime": warmup_time, "iterations": iterations, "time": time_s, "startMethod": start_method}
        label = " ".join(f"{k}={v}" for k, v in combo.items())
        # generous: setup, a drained backlog per iteration, a slow machine; a hung fork still ends
        timeout = 120 + 4 * (warmup_iterations * warmup_time + iterations * time_s) + 13 * (warmup_iterations + iterations)
        results = []
        for k in range(1, forks + 1):
            try:
                r = run_fork(spec, timeout)
            except BenchmarkFailed as e:
                raise BenchmarkFailed(f"{bench.name} {label}, fork {k} of {forks}: {e}") from None
            progress(f"# {bench.name} {label}  fork {k} of {forks} (pid {r['pid']}): "
                     + ", ".join(f"{s:.3f}" for s in r["scores"]) + f" ops/s; {r['about']}")
            results.append(r)
        rows.append(row(bench, resolved, results, warmup_iterations, warmup_time, iterations, time_s, start_method))
    return rows


def row(bench, resolved, results, warmup_iterations, warmup_time, iterations, time_s, start_method):
    """One JMH row from the forks' results, plus what only CPython rows carry (interpreter, fork pids)."""
    secondaries = {}
    for r in results:
        for name, m in r["secondaries"].items():
            secondaries.setdefault(name, (m["unit"], []))[1].append(m["values"])
    return {
        "harness": f"cpabench_py {VERSION}",
        "benchmark": bench.name,
        "mode": "thrpt",
        "threads": 1,
        "forks": len(results),
        "python": sys.executable,
        "pythonVersion": platform.python_version(),
        "interpreter": env.label(),
        "gilEnabled": all(r["gilEnabled"] for r in results),
        "startMethod": start_method or multiprocessing.get_start_method(),
        "forkPids": [r["pid"] for r in results],
        "warmupIterations": warmup_iterations,
        "warmupTime": jmh_time(warmup_time),
        "warmupBatchSize": 1,
        "measurementIterations": iterations,
        "measurementTime": jmh_time(time_s),
        "measurementBatchSize": 1,
        "params": dict(sorted(resolved.items())),
        "primaryMetric": stats.metric([r["scores"] for r in results], "ops/s"),
        "secondaryMetrics": {name: stats.metric(raw, unit, "max" if name == "latency.max" else "mean")
                             for name, (unit, raw) in sorted(secondaries.items())},
    }
