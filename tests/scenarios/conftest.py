from __future__ import annotations

import pytest

SCENARIO = "feedback-to-a-peer"


@pytest.fixture
def play(owner):
    from peoplecraft.scenarios import services

    return services.play_start(owner=owner, scenario_id=SCENARIO)


def best_path(scenario_id: str = SCENARIO) -> list[tuple[str, int]]:
    """The highest-scoring path through a bundled scenario, as (node, choice) pairs."""
    from peoplecraft.scenarios.catalogue import bundled_scenarios
    from peoplecraft.scenarios.engine import all_paths

    best = max(all_paths(bundled_scenarios()[scenario_id]), key=lambda p: (p.total, -len(p.steps)))
    return [(step.node, step.choice) for step in best.steps]
