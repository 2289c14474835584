"""Statistics the benchmarks share, so every figure is computed one way."""


def percentile(values, p):
    """Nearest-rank percentile (same definition as query_latency.cc); 0 for no values."""
    s = sorted(values)
    if not s:
        return 0.0
    rank = max(1, min(len(s), -(-len(s) * p // 100)))
    return s[int(rank) - 1]
