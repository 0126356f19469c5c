"""What a result file cannot say about itself: the machine and, in place of the forks' JVM, the
interpreter (implementation, version, build flags, whether the GIL is on, multiprocessing's start
method). Keys follow the JVM suite's ``<stamp>.env.json`` where the fact is the same; a fact that
could not be found is None, and every key is always present.
"""

import multiprocessing
import os
import platform
import sys
import sysconfig

from . import VERSION
from .params import available_cpus


def gil_enabled(sys_module=sys):
    """Whether the GIL is on now: sys._is_gil_enabled() where it exists (3.13+), else always."""
    probe = getattr(sys_module, "_is_gil_enabled", None)
    return bool(probe()) if probe is not None else True


def free_threaded_build(config_var=sysconfig.get_config_var):
    """Whether the interpreter was built with --disable-gil (a 3.13t/3.14t), whatever PYTHON_GIL says."""
    return config_var("Py_GIL_DISABLED") == 1


def label(sys_module=sys, config_var=sysconfig.get_config_var):
    """cpython3.11, cpython3.13t: the result directory's name for this interpreter."""
    v = sys_module.version_info
    impl = sys_module.implementation.name
    return f"{impl}{v[0]}.{v[1]}{'t' if free_threaded_build(config_var) else ''}"


def interpreter(start_method=None, sys_module=sys, config_var=sysconfig.get_config_var):
    """The interpreter every fork runs (the forks are ``sys.executable``)."""
    return {
        "executable": sys_module.executable,
        "implementation": sys_module.implementation.name,
        "version": platform.python_version(),
        "versionFull": sys_module.version.replace("\n", " "),
        "label": label(sys_module, config_var),
        "freeThreadedBuild": free_threaded_build(config_var),
        "gilEnabled": gil_enabled(sys_module),
        "switchIntervalSeconds": sys_module.getswitchinterval(),
        "multiprocessingStartMethod": start_method or multiprocessing.get_start_method(),
        "compiler": platform.python_compiler(),
        "buildDate": platform.python_build()[1],
        "configArgs": config_var("CONFIG_ARGS"),
        "cflags": config_var("CFLAGS"),
        "cpuCount": os.cpu_count(),
        "availableCpus": available_cpus(),
    }


def _read(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:
        return None


def _field(text, key, sep):
    for line in (text or "").splitlines():
        k, _, v = line.partition(sep)
        if k.strip() == key:
            return v.strip().strip('"')
    return None


def machine():
    meminfo = _field(_read("/proc/meminfo"), "MemTotal", ":")
    return {
        "cpuModel": _field(_read("/proc/cpuinfo"), "model name", ":"),
        "logicalCores": os.cpu_count(),
        "memTotalBytes": int(meminfo.split()[0]) * 1024 if meminfo else None,
        "os": _field(_read("/etc/os-release"), "PRETTY_NAME", "="),
        "kernel": f"{platform.system()} {platform.release()}",
        "arch": platform.machine(),
    }


def record(start, end, start_method=None, failed=(), notes=()):
    """The environment file's content."""
    out = {"suite": "cpabench", "harness": "cpabench_py", "harnessVersion": VERSION, "start": start, "end": end}
    out.update(machine())
    out["interpreter"] = interpreter(start_method)
    out["failed"] = list(failed)
    out["notes"] = list(notes)
    return out
