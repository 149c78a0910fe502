"""Authoring statistics: walk every path through a scenario (iteratively) to see its endings and scores.

Paths (paths.py) track flags and never repeat a (node, flags) state, so a loop that changes nothing
is followed once. Pure module: no Django.
"""

from __future__ import annotations

from dataclasses import dataclass

from peoplecraft.scenarios.engine.model import Scenario
from peoplecraft.scenarios.engine.paths import PathSummary, all_paths, path_shape

__all__ = ["PathSummary", "ScenarioStats", "all_paths", "scenario_stats"]


@dataclass(frozen=True)
class ScenarioStats:
    decision_nodes: int
    endings: int
    paths: int
    shortest: int  # decisions on the shortest complete path
    longest: int
    positive_endings: tuple[str, ...]  # endings some path reaches with a positive total score


def scenario_stats(scenario: Scenario, *, limit: int = 100_000) -> ScenarioStats:
    """Exact figures from the state graph when its states do not loop; else from up to ``limit`` paths."""
    shape = path_shape(scenario)
    if shape is not None:
        return ScenarioStats(
            decision_nodes=len(scenario.decision_nodes),
            endings=len(scenario.endings),
            paths=shape.paths,
            shortest=shape.shortest,
            longest=shape.longest,
            positive_endings=shape.positive_endings,
        )
    paths = list(all_paths(scenario, limit=limit))
    lengths = [len(p.steps) for p in paths] or [0]
    positive = sorted({p.ending for p in paths if p.total > 0})
    return ScenarioStats(
        decision_nodes=len(scenario.decision_nodes),
        endings=len(scenario.endings),
        paths=len(paths),
        shortest=min(lengths),
        longest=max(lengths),
        positive_endings=tuple(positive),
    )
