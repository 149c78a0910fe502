"""Start-up of the installed ``peoplecraft`` command: warm commands that read the database, and
the first command on a fresh data directory, against ``peoplecraft --help`` in the same run.

    .venv/bin/python benchmarks/bench_cli_start.py [--runs 9]

Targets (issue "Real use", 2-core machines): a warm command that reads the database ≤ 0.3 s wall
time; the first command on a fresh home ≤ 1.5 s. Each command runs in a new process, exactly as a
user types it; medians over ``--runs`` (the first, cold run of each is discarded).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PEOPLECRAFT = Path(sys.executable).with_name("peoplecraft")
WARM_COMMANDS = (("--help",), ("guide", "show"), ("journal", "list"), ("practice", "today"))
WARM_TARGET_S = 0.3
FRESH_TARGET_S = 1.5


CPU: dict[tuple[str, ...], list[float]] = {}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(home: Path, args: tuple[str, ...]) -> float:
    """Wall time of one run; its CPU time (user + system) is kept in ``CPU``, which a busy machine
    disturbs far less than wall time."""
    env = {**os.environ, "PEOPLECRAFT_HOME": str(home)}
    env.pop("DATABASE_URL", None)
    cpu_before, started = _children_cpu(), time.perf_counter()
    result = subprocess.run([str(PEOPLECRAFT), *args], env=env, capture_output=True, check=False)
    elapsed = time.perf_counter() - started
    CPU.setdefault(args, []).append(_children_cpu() - cpu_before)
    if result.returncode != 0:
        sys.exit(f"peoplecraft {' '.join(args)} failed ({result.returncode}): {result.stderr.decode()[-500:]}")
    return elapsed


def _warm(home: Path, runs: int, commands) -> dict[tuple[str, ...], list[float]]:
    _run(home, ("guide", "show"))  # bootstrap once
    timings: dict[tuple[str, ...], list[float]] = {args: [] for args in commands}
    for _ in range(runs + 1):  # interleaved, so machine noise hits every command alike
        for args in commands:
            timings[args].append(_run(home, args))
    return {args: values[1:] for args, values in timings.items()}


def _fresh(runs: int) -> list[float]:
    values = []
    for _ in range(runs):
        home = Path(tempfile.mkdtemp(prefix="peoplecraft-fresh-"))
        try:
            values.append(_run(home / "data", ("guide", "show")))
        finally:
            shutil.rmtree(home)
    return values


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument(
        "--warm", nargs="+", default=[" ".join(c) for c in WARM_COMMANDS[1:]], help="warm commands to time"
    )
    options = parser.parse_args()
    runs = options.runs
    commands = (("--help",), *(tuple(command.split()) for command in options.warm))
    load_before = os.getloadavg()[0]
    home = Path(tempfile.mkdtemp(prefix="peoplecraft-warm-"))
    try:
        warm = _warm(home, runs, commands)
    finally:
        shutil.rmtree(home)
    fresh = _fresh(max(3, runs // 3))
    help_median = statistics.median(warm[("--help",)])
    print(f"load average before the runs: {load_before:.1f}")
    print(f"{'command':<24} {'wall median':>11} {'wall min':>9} {'CPU median':>11} {'÷ --help':>9} {'target':>8}")
    for args, values in warm.items():
        target = "" if args == ("--help",) else f"≤ {WARM_TARGET_S:.1f} s"
        _row(" ".join(args), values, CPU[args][1:], help_median, target)
    fresh_cpu = CPU[("guide", "show")][-len(fresh) :]
    _row("guide show (fresh home)", fresh, fresh_cpu, help_median, f"≤ {FRESH_TARGET_S} s")


def _row(name: str, wall: list[float], cpu: list[float], help_median: float, target: str) -> None:
    median = statistics.median(wall)
    print(
        f"{name:<24} {median * 1000:>9.0f}ms {min(wall) * 1000:>7.0f}ms {statistics.median(cpu) * 1000:>9.0f}ms "
        f"{median / help_median:>8.1f}× {target:>8}"
    )


if __name__ == "__main__":
    main()
