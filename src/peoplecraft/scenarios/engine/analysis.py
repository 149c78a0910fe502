"""Authoring statistics: walk every path through a scenario (iteratively) to see its endings and scores.

Paths never revisit a node, so a loop (which always has an exit once validated) is followed once.
Pure module: no Django.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from peoplecraft.scenarios.engine.model import Scenario
from peoplecraft.scenarios.engine.play import Step


@dataclass(frozen=True)
class PathSummary:
    steps: tuple[Step, ...]
    ending: str
    total: int


def all_paths(scenario: Scenario, *, limit: int = 100_000) -> Iterator[PathSummary]:
    """Every simple path from the start to an ending (at most ``limit`` of them), depth first."""
    stack: list[tuple[str, tuple[Step, ...], int, frozenset[str]]] = [
        (scenario.start, (), 0, frozenset({scenario.start}))
    ]
    found = 0
    while stack and found < limit:
        node_id, steps, total, seen = stack.pop()
        node = scenario.node(node_id)
        if node.is_ending:
            found += 1
            yield PathSummary(steps, node_id, total)
            continue
        for number, choice in reversed(list(enumerate(node.choices))):
            if choice.next not in seen:
                stack.append((choice.next, (*steps, Step(node_id, number)), total + choice.total, seen | {choice.next}))


@dataclass(frozen=True)
class ScenarioStats:
    decision_nodes: int
    endings: int
    paths: int
    shortest: int  # decisions on the shortest complete path
    longest: int
    positive_endings: tuple[str, ...]  # endings some path reaches with a positive total score


def scenario_stats(scenario: Scenario, *, limit: int = 100_000) -> ScenarioStats:
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
