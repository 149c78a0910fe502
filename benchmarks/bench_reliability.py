"""Benchmark: item analysis of 100,000 respondents x 60 items (one scale, and 15 four-item scales).

Run:  .venv/bin/python benchmarks/bench_reliability.py [--respondents N] [--items K] [--runs R]

Data: answers on a 1..5 scale from a one-factor model (a shared trait plus item noise), so items
correlate as in a real questionnaire; every sixth item is reverse keyed. Timed twice: complete
data (all 100,000 rows enter the covariance) and with 2 % of answers missing at random (listwise
deletion). Prints the median of several runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

import numpy as np

from peoplecraft.assessment.reliability import analyse_scale, analyse_scales

LIMIT_SECONDS = 2.0


def simulated(n: int, k: int, missing: float, seed: int = 42) -> tuple[np.ndarray, list[int]]:
    """Correlated 1..5 answers, some reverse-keyed items, a share of answers missing."""
    rng = np.random.default_rng(seed)
    keys = [-1 if j % 6 == 5 else 1 for j in range(k)]
    trait = rng.normal(size=(n, 1))
    latent = trait * np.array(keys) + rng.normal(scale=1.2, size=(n, k))
    data = np.clip(np.round(3 + latent), 1, 5)
    data[rng.random((n, k)) < missing] = np.nan
    return data, keys


def median_seconds(func, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--respondents", type=int, default=100_000)
    parser.add_argument("--items", type=int, default=60)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(
        f"{args.respondents:,} respondents x {args.items} items, median of {args.runs} runs "
        f"(numpy {np.__version__}, Python {sys.version.split()[0]})"
    )
    slowest = 0.0
    for missing in (0.0, 0.02):
        slowest = max(slowest, run_case(args.respondents, args.items, missing, args.runs))
    print(f"slowest {slowest:.3f} s, limit {LIMIT_SECONDS:.1f} s: {'OK' if slowest < LIMIT_SECONDS else 'TOO SLOW'}")
    return 0 if slowest < LIMIT_SECONDS else 1


def run_case(n: int, k: int, missing: float, runs: int) -> float:
    data, keys = simulated(n, k, missing)
    ids = [f"item-{j + 1}" for j in range(k)]
    scales = {item_id: f"skill-{j // 4 + 1}" for j, item_id in enumerate(ids)}
    result = analyse_scale(data, keys, item_ids=ids)
    one = median_seconds(lambda: analyse_scale(data, keys, item_ids=ids), runs)
    many = median_seconds(lambda: analyse_scales(data, ids, keys, scales), runs)
    print(
        f"  {missing:.0%} missing, one {k}-item scale: {one:.3f} s (alpha {result.alpha:.3f}, "
        f"95% CI {result.ci_low:.3f}-{result.ci_high:.3f}, n used {result.n_used:,})"
    )
    print(f"  {missing:.0%} missing, {len(set(scales.values()))} scales of 4 items: {many:.3f} s")
    return max(one, many)


if __name__ == "__main__":
    raise SystemExit(main())
