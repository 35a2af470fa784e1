"""Timing helpers shared by the benchmark scripts: medians of repeated runs."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(fn: Callable[[], object], repeat: int = 20, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(name: str, seconds: float, goal: float | None = None) -> None:
    shown = f"{seconds * 1000:9.2f} ms" if seconds < 1 else f"{seconds:9.3f} s "
    verdict = ""
    if goal is not None:
        verdict = f"  goal < {goal * 1000:g} ms  {'ok' if seconds < goal else 'MISSED'}"
    print(f"  {name:<52} median {shown}{verdict}", flush=True)
