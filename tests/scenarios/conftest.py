from __future__ import annotations

import pytest

SCENARIO = "feedback-to-a-peer"


@pytest.fixture
def play(owner):
    from peoplecraft.scenarios import services

    return services.play_start(owner=owner, scenario_id=SCENARIO)


def _best_path(scenario_id: str) -> list[tuple[str, int]]:
    from peoplecraft.scenarios.catalogue import bundled_scenarios
    from peoplecraft.scenarios.engine import all_paths

    best = max(all_paths(bundled_scenarios()[scenario_id]), key=lambda p: (p.total, -len(p.steps)))
    return [(step.node, step.choice) for step in best.steps]


@pytest.fixture
def best_path() -> list[tuple[str, int]]:
    """The highest-scoring path through the feedback scenario, as (node, choice) pairs."""
    return _best_path(SCENARIO)
