"""The command line: run, list, env (and fork, the child side). Bad input is one line on stderr
naming the valid choices and exit 2, checked before any fork starts; a failed fork is one line and
exit 1; either way no output file is written.
"""

import argparse
import datetime
import json
import multiprocessing
import os
import re
import sys

from . import atomic, benchmarks, env, harness

USAGE_ERROR = 2
# JMH's warm-up and measurement defaults per benchmark class (ScalingBenchmark, LoopLatencyBenchmark).
JVM_DEFAULTS = {
    "cpython.ScalingBenchmark.run": {"forks": 3, "warmup_iterations": 3, "warmup_time": 1.0, "iterations": 5, "time": 1.0},
    "cpython.LoopLatencyBenchmark.run": {"forks": 2, "warmup_iterations": 1, "warmup_time": 2.0, "iterations": 5, "time": 2.0},
}
_UNITS = {"ms": 1e-3, "s": 1.0, "min": 60.0}


class OneLineParser(argparse.ArgumentParser):
    """argparse, but an error is one line (its message already names the valid choices), exit 2."""

    def error(self, message):
        sys.stderr.write(f"{self.prog}: {message}\n")
        sys.exit(USAGE_ERROR)


class UsageError(Exception):
    pass


def duration(text):
    """"1s", "300ms", "2 min" -> seconds."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(ms|s|min)\s*", text)
    if not m or float(m.group(1)) <= 0:
        raise argparse.ArgumentTypeError(f"bad duration '{text}'; valid: a positive number with ms, s or min, e.g. 1s, 300ms")
    return float(m.group(1)) * _UNITS[m.group(2)]


def count(minimum):
    def parse(text):
        try:
            v = int(text)
        except ValueError:
            v = None
        if v is None or v < minimum:
            raise argparse.ArgumentTypeError(f"bad count '{text}'; valid: an integer >= {minimum}")
        return v
    return parse


def parser():
    p = OneLineParser(prog="cpabench_py", description="The JVM suite's recipes on CPython, written as JMH-format JSON.")
    sub = p.add_subparsers(dest="command", required=True, metavar="{run,list,env}")
    r = sub.add_parser("run", help="run one benchmark's parameter combinations, each in --forks fresh interpreters")
    r.add_argument("--benchmark", required=True, help="scaling or latency (or the full cpython.* name)")
    r.add_argument("--param", "-p", action="append", default=[], metavar="K=V[,V...]",
                   help="a parameter; several values run one row each (see `list`)")
    r.add_argument("--forks", "-f", type=count(1))
    r.add_argument("--warmup-iterations", "-wi", type=count(0))
    r.add_argument("--warmup-time", "-w", type=duration)
    r.add_argument("--iterations", "-i", type=count(1))
    r.add_argument("--time", "-r", type=duration)
    r.add_argument("--start-method", choices=multiprocessing.get_all_start_methods(),
                   help="PROCESSES' start method (default: this Python's default)")
    r.add_argument("--out", required=True, help="result file (JMH JSON); written only when every fork succeeded")
    r.add_argument("--env", help="environment file (default: OUT with .env.json)")
    sub.add_parser("list", help="the benchmarks and their parameters")
    e = sub.add_parser("env", help="print (or --out) the environment record of this interpreter")
    e.add_argument("--out")
    sub.add_parser("fork", help=argparse.SUPPRESS)
    return p


def parse_params(bench, pairs):
    """--param k=v[,v] -> name -> list of value strings, each checked; UsageError naming the valid ones."""
    values = {}
    for pair in pairs:
        name, sep, text = pair.partition("=")
        if not sep or name not in bench.params:
            raise UsageError(f"bad --param '{pair}'; valid keys for {bench.alias}: {', '.join(bench.params)} (as KEY=VALUE[,VALUE])")
        vs = [v.strip() for v in text.split(",")]
        for v in vs:
            try:
                bench.params[name].check(v)
            except ValueError as err:
                raise UsageError(str(err)) from None
        values[name] = vs
    return values


def env_path(out):
    root = out[:-len(".json")] if out.endswith(".json") else out
    return root + ".env.json"


def now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat()


def run(args):
    try:
        bench = benchmarks.find(args.benchmark)
    except ValueError as err:
        raise UsageError(str(err)) from None
    params = parse_params(bench, args.param)
    for path in (args.out, args.env):
        if path and not os.path.isdir(os.path.dirname(os.path.abspath(path))):
            raise UsageError(f"bad output '{path}': its directory does not exist")
    d = JVM_DEFAULTS[bench.name]
    pick = lambda name: getattr(args, name) if getattr(args, name) is not None else d[name]  # noqa: E731
    start = now()
    try:
        rows = harness.run(bench, params, pick("forks"), pick("warmup_iterations"), pick("warmup_time"),
                           pick("iterations"), pick("time"), args.start_method)
    except harness.BenchmarkFailed as err:
        sys.stderr.write(f"cpabench_py: benchmark failed: {err}\n")
        return 1
    atomic.write_json(args.out, rows)
    atomic.write_json(args.env or env_path(args.out), env.record(start, now(), args.start_method))
    return 0


def list_benchmarks():
    for b in benchmarks.BENCHMARKS:
        d = JVM_DEFAULTS[b.name]
        print(f"{b.alias}  ({b.name}): {b.about}")
        print(f"  defaults: {d['forks']} forks, {d['warmup_iterations']} x {d['warmup_time']:g} s warm-up, "
              f"{d['iterations']} x {d['time']:g} s measurement")
        for p in b.params.values():
            print(f"  -p {p.describe()}")
    return 0


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        if args.command == "fork":
            from . import fork
            return fork.main()
        if args.command == "list":
            return list_benchmarks()
        if args.command == "env":
            record = env.record(now(), now())
            if args.out:
                atomic.write_json(args.out, record)
            else:
                print(json.dumps(record, indent=2))
            return 0
        return run(args)
    except UsageError as err:
        sys.stderr.write(f"cpabench_py: {err}\n")
        return USAGE_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("cpabench_py: interrupted; nothing written\n")
        return 130
