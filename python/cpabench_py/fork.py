"""The child side of a fork: read the spec, run it, print the result as one JSON line.

Anything that goes wrong is one line on stderr and exit 1; the parent reports that line.
"""

import json
import os
import sys

from . import benchmarks


def main():
    try:
        spec = json.loads(sys.stdin.read())
        result = benchmarks.run_fork(spec)
    except Exception as e:  # the parent shows this one line; a traceback would hide it
        print(f"{type(e).__name__}: {e}", file=sys.stderr)
        return 1
    result["pid"] = os.getpid()
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
    return 0
