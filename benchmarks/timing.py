"""Small timing helpers: percentiles, and running on one core so latencies compare."""

from __future__ import annotations

import math
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager


def percentile(values: Sequence[float], fraction: float) -> float | None:
    """Linear-interpolated percentile, the same definition as the official scorer's."""
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * fraction
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def latency_summary(seconds: Sequence[float]) -> dict[str, float | None]:
    """Median, p95 and p99 of per-call seconds."""
    return {
        "median": percentile(seconds, 0.5),
        "p95": percentile(seconds, 0.95),
        "p99": percentile(seconds, 0.99),
        "mean": (sum(seconds) / len(seconds)) if seconds else None,
        "n": float(len(seconds)),
    }


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """numerator / denominator, or None when either is missing or the denominator is 0."""
    if numerator is None or not denominator:
        return None
    return numerator / denominator


@contextmanager
def one_core() -> Iterator[None]:
    """Pin this process to a single CPU for the block, so latencies are one-core figures.

    The previous affinity is restored afterwards: worker pools started later (batch speed)
    inherit the affinity of their parent and must see every core again.
    """
    if not hasattr(os, "sched_setaffinity"):
        yield
        return
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(before)})
    try:
        yield
    finally:
        os.sched_setaffinity(0, before)


def format_seconds(value: float | None) -> str:
    if value is None:
        return "-"
    if value < 0.001:
        return f"{value * 1e6:.0f} µs"
    if value < 1:
        return f"{value * 1000:.2f} ms"
    return f"{value:.2f} s"
