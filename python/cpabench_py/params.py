"""Benchmark parameters: names, defaults and checks, with the JVM's keys where the JVM has the knob."""

import os


def available_cpus():
    """CPUs this process may run on (the JVM's availableProcessors), else the machine's count."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class Param:
    """One @Param: a name, its default (as JMH writes it, a string) and what values are valid."""

    def __init__(self, name, default, kind, choices=(), minimum=None, above=None, about=""):
        self.name, self.default, self.kind = name, str(default), kind
        self.choices, self.minimum, self.above, self.about = tuple(choices), minimum, above, about

    def check(self, value):
        """The value as the fork uses it; ValueError naming the valid values otherwise."""
        if self.kind == "choice":
            if value not in self.choices:
                raise ValueError(f"bad {self.name} '{value}'; valid: {', '.join(self.choices)}")
            return value
        try:
            v = int(value) if self.kind == "int" else float(value)
        except ValueError:
            v = None
        if v is None or v != v or v in (float("inf"), float("-inf")) or not self._in_range(v):
            raise ValueError(f"bad {self.name} '{value}'; valid: {self._range()}")
        return v

    def _in_range(self, v):
        return (self.minimum is None or v >= self.minimum) and (self.above is None or v > self.above)

    def _range(self):
        kind = "an integer" if self.kind == "int" else "a number"
        return f"{kind} >= {self.minimum}" if self.above is None else f"{kind} > {self.above}"

    def describe(self):
        valid = "|".join(self.choices) if self.choices else self._range()
        return f"{self.name}={self.default} ({valid}){' ' + self.about if self.about else ''}"
