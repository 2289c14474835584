"""Statistics the benchmarks share, so every figure is computed one way."""

import os
import subprocess
import time


def percentile(values, p):
    """Nearest-rank percentile (same definition as query_latency.cc); 0 for no values."""
    s = sorted(values)
    if not s:
        return 0.0
    rank = max(1, min(len(s), -(-len(s) * p // 100)))
    return s[int(rank) - 1]


def process_cost(cmd):
    """One whole process of `cmd`, output discarded: (wall ms, CPU ms as the
    child's user + system time, exit code)."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    wall = (time.perf_counter() - start) * 1000
    p.returncode = os.waitstatus_to_exitcode(status)
    return wall, (usage.ru_utime + usage.ru_stime) * 1000, p.returncode
