"""Benchmark: released 360° aggregates for 500 raters x 60 items (requirement: under 50 ms).

Run:  .venv/bin/python benchmarks/bench_feedback.py [--raters N] [--items K] [--releases R] [--runs N]

Data: raters spread over the six relationship groups (one attributed manager), answers 1..5 with
10 % "don't know", a comment on each question from every other rater. Timed: the learner's view,
i.e. every release recomputed through the anonymity guard (one release, and a history of several
releases in steps), with self scores. Prints the median of several runs.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time

from peoplecraft.feedback import aggregation as agg
from peoplecraft.feedback.anonymity import DEFAULT_THRESHOLDS, GROUPS

LIMIT_MS = 50.0


def simulated(raters: int, items: int, releases: int, seed: int = 7):
    rng = random.Random(seed)
    specs = [agg.ItemSpec(f"item-{j}", f"skill-{j // 4}", -1 if j % 6 == 5 else 1, 1, 5) for j in range(items)]
    responses = []
    for index in range(raters):
        group = "manager" if index == 0 else rng.choice(GROUPS[1:])
        ratings = {s.id: (None if rng.random() < 0.1 else rng.randint(1, 5)) for s in specs}
        comments = {q: f"comment {index} {q}" for q in agg.QUESTIONS} if index % 2 else {}
        batch = 1 + index * releases // raters
        responses.append(agg.RaterAnswers(f"r{index}", group, index == 0, batch, ratings, comments))
    points = [agg.ReleasePoint(n, dict(DEFAULT_THRESHOLDS)) for n in range(1, releases + 1)]
    self_scores = {f"skill-{j}": 60.0 for j in range(items // 4)}
    return responses, points, specs, self_scores


def median_ms(args, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        agg.latest(*args)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raters", type=int, default=500)
    parser.add_argument("--items", type=int, default=60)
    parser.add_argument("--releases", type=int, default=5)
    parser.add_argument("--runs", type=int, default=9)
    options = parser.parse_args()
    one = median_ms(simulated(options.raters, options.items, 1), options.runs)
    many = median_ms(simulated(options.raters, options.items, options.releases), options.runs)
    print(f"{options.raters} raters x {options.items} items, 1 release:  {one:.1f} ms (median of {options.runs})")
    print(f"{options.raters} raters x {options.items} items, {options.releases} releases: {many:.1f} ms")
    if one > LIMIT_MS:
        sys.exit(f"too slow: {one:.1f} ms > {LIMIT_MS} ms")


if __name__ == "__main__":
    main()
