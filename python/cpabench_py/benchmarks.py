"""The benchmarks: the JVM suite's ScalingBenchmark and LoopLatencyBenchmark, on CPython.

Each is a name, its parameters and a trial: set up once per fork (model opened, checksum checked
before anything is measured), then one call per iteration that runs for the iteration's time and
returns the iteration's score (and secondary metrics) in the JVM benchmark's units.
"""

import sys
import time

from . import calibration, kernels, latency, models, workloads
from .params import Param, available_cpus


class ScalingTrial:
    """One batch of ``tasks`` tasks per operation; score in batches per second (ops/s), as the JVM's."""

    def __init__(self, v, start_method):
        self.batch = workloads.tasks(v["workload"], v["tasks"], v["cpuSize"], v["ioMicros"], v["nativeKiB"])
        self.expected = workloads.reference_checksum(self.batch)
        self.model = models.open_model(v["model"], v["workers"], start_method)
        try:
            self._check(self.model.run_batch(self.batch))
        except BaseException:
            self.model.close()
            raise
        self.about = f"{v['model']}: {self.model.describe() or 'one thread'}; checksum {self.expected}"

    def _check(self, actual):
        if actual != self.expected:
            raise RuntimeError(f"checksum {actual}, expected {self.expected}")

    def iterate(self, seconds):
        """JMH's throughput iteration: whole operations until the time is up, ops over the time they took."""
        ops = 0
        t0 = time.perf_counter_ns()
        while True:
            self._check(self.model.run_batch(self.batch))
            ops += 1
            elapsed = time.perf_counter_ns() - t0
            if elapsed >= seconds * 1e9:
                return ops / (elapsed / 1e9), {}

    def close(self):
        self.model.close()


class LatencyTrial:
    """Requests at ``rate``/s: wait ioMs, then count primes for about cpuMs; score = arrivals/s kept."""

    def __init__(self, v, start_method):
        workers = v["workers"] or available_cpus()  # 0: a server's natural size, one thread per core
        offload = v["model"] == "ASYNCIO_TO_THREAD"
        self.bound = calibration.prime_bound_for(round(v["cpuMs"] * 1e6))
        steps = ((workloads.IO, round(v["ioMs"] * 1e6)), (workloads.COMPUTE, self.bound))
        self.tasks = [(k, steps) for k in range(latency.DISTINCT_TASKS)]
        self.expected = [kernels.mix(kernels.mix(kernels.seed(k), kernels.token(k, 0)), kernels.count_primes(self.bound))
                         for k in range(latency.DISTINCT_TASKS)]
        self.rate = v["rate"]
        self.model = models.Asyncio(workers if offload else None)
        try:
            actual = self.model.run_batch(self.tasks)
            if actual != workloads.reference_checksum(self.tasks):
                raise RuntimeError(f"{v['model']} returned a wrong checksum {actual}")
        except BaseException:
            self.model.close()
            raise
        self.about = (f"{v['model']}: {self.model.describe()}; compute step = primes below {self.bound} "
                      f"(≈ {v['cpuMs']:g} ms), offered compute ≈ {self.rate * v['cpuMs'] / 1000:.2f} cores")

    def iterate(self, seconds):
        # An overloaded loop needs a share of the iteration to work off its backlog; a hung one never does.
        drain = 10 + 3 * seconds
        snap = self.model.run(latency.iteration(self.tasks, self.expected, self.rate, seconds, self.model.offload, drain))
        return snap.arrival_rate, snap.secondaries()

    def close(self):
        self.model.close()


class Benchmark:
    def __init__(self, name, alias, params, trial, about):
        self.name, self.alias, self.trial, self.about = name, alias, trial, about
        self.params = {p.name: p for p in params}

    def resolve(self, strings):
        """Checked values keyed by name, every parameter present (defaults filled in)."""
        return {n: p.check(strings.get(n, p.default)) for n, p in self.params.items()}


def _switch():
    return Param("switchMicros", 5000, "int", minimum=1, about="sys.setswitchinterval, CPython's default 5 ms")


BENCHMARKS = (
    Benchmark("cpython.ScalingBenchmark.run", "scaling", (
        Param("workload", "CPU", "choice", workloads.WORKLOADS),
        Param("model", "SEQUENTIAL", "choice", models.MODELS),
        Param("workers", available_cpus(), "int", minimum=1, about="threads or processes (default: CPUs available)"),
        Param("tasks", 64, "int", minimum=1, about="tasks per batch; one operation is one batch"),
        Param("cpuSize", 15000, "int", minimum=2, about="CPU: primes are counted below this"),
        Param("ioMicros", 1000, "int", minimum=0, about="IO_SLEEP: the wait per task"),
        Param("nativeKiB", 1024, "int", minimum=1, about="NATIVE: sha256 over this many KiB, the GIL released"),
        _switch(),
    ), ScalingTrial, "batches of tasks per second for each model and workload (ops/s)"),
    Benchmark("cpython.LoopLatencyBenchmark.run", "latency", (
        Param("model", "ASYNCIO", "choice", ("ASYNCIO", "ASYNCIO_TO_THREAD")),
        Param("rate", 500, "float", above=0, about="requests per second offered"),
        Param("ioMs", 1, "float", minimum=0, about="the wait per request"),
        Param("cpuMs", 1, "float", above=0, about="compute per request on one uncontended core"),
        Param("workers", 0, "int", minimum=0, about="to_thread threads; 0 = CPUs available"),
        _switch(),
    ), LatencyTrial, "open-loop latency from the intended arrival: p50..p99.9, max (ms), achieved rate"),
)


def find(name):
    """A benchmark by its alias or full name; ValueError naming the valid ones."""
    for b in BENCHMARKS:
        if name in (b.alias, b.name):
            return b
    raise ValueError(f"unknown benchmark '{name}'; valid: {', '.join(b.alias + ' (' + b.name + ')' for b in BENCHMARKS)}")


def run_fork(spec):
    """One fork: the trial, its warm-up and measurement iterations; what the parent needs, as a dict."""
    bench = find(spec["benchmark"])
    values = bench.resolve(spec["params"])
    sys.setswitchinterval(values["switchMicros"] / 1e6)
    trial = bench.trial(values, spec.get("startMethod"))
    try:
        for _ in range(spec["warmupIterations"]):
            trial.iterate(spec["warmupTime"])
        scores, secondaries = [], {}
        for _ in range(spec["iterations"]):
            score, extra = trial.iterate(spec["time"])
            scores.append(score)
            for name, (unit, value) in extra.items():
                secondaries.setdefault(name, {"unit": unit, "values": []})["values"].append(value)
    finally:
        trial.close()
    from . import env  # the fork's own interpreter state, after the work: an extension may have re-enabled the GIL
    return {"scores": scores, "secondaries": secondaries, "about": trial.about, "gilEnabled": env.gil_enabled()}
