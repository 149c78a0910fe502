"""Chart cache benchmark (issue 12, item 4): a warm chart must cost under 2 ms.

Run: ``PEOPLECRAFT_HOME=$(mktemp -d) .venv/bin/python benchmarks/bench_charts.py``

Each chart is drawn once cold (matplotlib) into an empty ``charts`` cache (files under the data
directory unless PEOPLECRAFT_REDIS_URL is set), then fetched 200 times warm through the same
function the views call; prints the cold time and the warm median and 99th percentile.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("PEOPLECRAFT_HOME", tempfile.mkdtemp(prefix="bench-charts-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peoplecraft.config.settings")
os.environ.pop("DATABASE_URL", None)

WARM_RUNS = 200
TARGET = 0.002


def _inputs():
    from peoplecraft.writing.selectors import WeekPoint

    start = datetime(2026, 1, 5, 9, tzinfo=UTC)
    monday = date(2026, 1, 5)
    areas = [(f"Area {n}: working with people", 40.0 + 5 * n) for n in range(8)]
    trend = [(start + timedelta(days=30 * n), 45.0 + 2 * n) for n in range(12)]
    weeks = [(monday + timedelta(weeks=n), 3.0 + (n % 3) / 2, 4.0 + n % 5) for n in range(8)]
    series = [(monday + timedelta(days=n), min(100.0, 2.0 * n)) for n in range(90)]
    practised = [monday + timedelta(days=n) for n in range(0, 90, 3)]
    points = [WeekPoint(monday + timedelta(weeks=n), 2, 60.0 + n, 9.0 - n / 10, 0.1) for n in range(26)]
    return areas, trend, weeks, series, practised, points


def main() -> int:
    import django

    django.setup()
    from django.core.cache import caches

    from peoplecraft.assessment.charts import radar_chart, trend_chart
    from peoplecraft.core.chart_cache import CACHE_ALIAS
    from peoplecraft.goals.charts import mood_stress_svg
    from peoplecraft.practice.charts import strength_chart
    from peoplecraft.writing.charts import progress_svg

    areas, trend, weeks, series, practised, points = _inputs()
    charts = [
        ("assessment radar", lambda: radar_chart(areas)),
        ("skill trend", lambda: trend_chart(trend, title="Empathy")),
        ("weekly mood and stress", lambda: mood_stress_svg(weeks)),
        ("habit strength", lambda: strength_chart(series, practised, title="Empathy: habit strength")),
        ("writing progress", lambda: progress_svg(points)),
    ]
    caches[CACHE_ALIAS].clear()
    print(f"chart cache: {caches[CACHE_ALIAS].__class__.__name__}")
    worst = 0.0
    for name, draw in charts:
        started = time.perf_counter()
        svg = draw()
        cold = time.perf_counter() - started
        warm = []
        for _ in range(WARM_RUNS):
            started = time.perf_counter()
            again = draw()
            warm.append(time.perf_counter() - started)
        assert again == svg
        warm.sort()
        p99 = warm[int(0.99 * len(warm)) - 1]
        worst = max(worst, statistics.median(warm))
        print(
            f"{name:24} {len(svg) / 1024:5.0f} KiB  cold {cold * 1000:6.1f} ms  "
            f"warm median {statistics.median(warm) * 1000:.2f} ms, p99 {p99 * 1000:.2f} ms"
        )
    print(f"worst warm median {worst * 1000:.2f} ms (target < {TARGET * 1000:.0f} ms)")
    return 0 if worst < TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
