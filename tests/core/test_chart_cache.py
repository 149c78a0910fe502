"""Charts are cached by a hash of their inputs: a cached chart is the chart drawn afresh, new inputs a new chart."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.cache import caches

from peoplecraft.assessment.charts import radar_chart, trend_chart
from peoplecraft.core.chart_cache import CACHE_ALIAS, chart_key
from peoplecraft.goals.charts import mood_stress_svg
from peoplecraft.practice.charts import strength_chart
from peoplecraft.writing.charts import progress_svg
from peoplecraft.writing.selectors import WeekPoint

AREAS = [("Listening", 62.0), ("Giving feedback", None), ("Handling conflict", 48.5)]


@pytest.fixture(autouse=True)
def empty_chart_cache():
    caches[CACHE_ALIAS].clear()


def test_the_cached_chart_is_the_chart_drawn_afresh():
    first = radar_chart(AREAS)
    key = chart_key(radar_chart.__wrapped__, (AREAS,), {})
    assert caches[CACHE_ALIAS].get(key) == first  # kept under the hash of its inputs
    assert first.lstrip().startswith(b"<?xml") and b"Listening" in first
    assert radar_chart(AREAS) == first  # served from the cache
    assert radar_chart.uncached(AREAS) == first  # and equal to a fresh drawing


def test_changed_inputs_give_another_key_and_another_chart():
    first = radar_chart(AREAS)
    moved = [("Listening", 71.0), *AREAS[1:]]
    assert chart_key(radar_chart.__wrapped__, (moved,), {}) != chart_key(radar_chart.__wrapped__, (AREAS,), {})
    assert radar_chart(moved) != first and b"71" in radar_chart(moved)
    png = radar_chart(AREAS, fmt="png")
    assert png.startswith(b"\x89PNG") and png != first


def test_every_cached_chart_matches_a_fresh_drawing():
    when = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    monday = date(2026, 3, 2)
    calls = [
        (trend_chart, ([(when, 55.0), (when + timedelta(days=30), 61.0)],), {"title": "Empathy"}),
        (mood_stress_svg, ([(monday, 3.5, 4.0), (monday + timedelta(days=7), None, None)],), {}),
        (strength_chart, ([(monday, 10.0), (monday + timedelta(days=1), 18.0)], [monday]), {"title": "Empathy"}),
        (
            progress_svg,
            ([WeekPoint(monday, 2, 71.0, 8.5, 0.1), WeekPoint(monday + timedelta(days=7), 1, 75.0, 8.0, 0.0)],),
            {},
        ),
    ]
    for chart, args, kwargs in calls:
        cached = chart(*args, **kwargs)
        assert caches[CACHE_ALIAS].get(chart_key(chart.__wrapped__, args, kwargs)) == cached, chart.__name__
        assert chart(*args, **kwargs) == cached == chart.uncached(*args, **kwargs), chart.__name__


def test_inputs_that_are_not_plain_values_are_refused():
    with pytest.raises(TypeError, match="pass plain values"):
        chart_key(radar_chart.__wrapped__, (object(),), {})


def test_an_unusable_cache_still_draws_the_chart(settings, tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory should be")
    settings.CACHES = {**settings.CACHES, CACHE_ALIAS: {**settings.CACHES[CACHE_ALIAS], "LOCATION": str(blocker / "c")}}
    if "filebased" not in settings.CACHES[CACHE_ALIAS]["BACKEND"]:
        pytest.skip("the chart cache is not file-based here")
    assert radar_chart(AREAS) == radar_chart.uncached(AREAS)


def test_the_chart_cache_lives_in_the_data_directory(settings):
    if settings.REDIS_URL:
        pytest.skip("Redis is configured")
    assert settings.CACHES[CACHE_ALIAS]["LOCATION"] == str(settings.HOME / "cache" / "charts")
    radar_chart(AREAS)
    assert any((settings.HOME / "cache" / "charts").iterdir())
