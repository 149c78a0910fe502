"""Playing a scenario: a path of (node id, choice index) steps, replayed to find where the player is.

The path is the whole state: the flags a play has set (state.py) are recomputed by replaying it.
Each new step names the node it answers, so a double submit or a stale page (the player already
moved on) is refused instead of corrupting the path. A step's choice index counts the choices
*offered* at that node under the play's flags (all of them in a scenario without guards).
Pure module: no Django.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from peoplecraft.scenarios.engine.model import Choice, Node, Scenario
from peoplecraft.scenarios.engine.state import NO_FLAGS, Flags, apply, view


@dataclass(frozen=True)
class Step:
    node: str
    choice: int  # 0-based index into the choices offered at the node


class PathError(ValueError):
    """A stored path does not fit the scenario (its text changed since the path was played)."""


class StaleStep(ValueError):
    """The answer is for a node the player is no longer at (a double submit or an old page)."""

    def __init__(self, answered: str, current: str) -> None:
        self.answered, self.current = answered, current
        super().__init__(f"this answers {answered!r} but the conversation is at {current!r}")


class BadChoice(ValueError):
    """The choice number does not exist at this node."""


@dataclass(frozen=True)
class PlayState:
    scenario: Scenario
    steps: tuple[Step, ...]
    node: Node  # where the player is now, as seen under ``flags`` (texts picked, offered choices only)
    flags: Flags = NO_FLAGS  # the facts set so far, including the current node's own ``sets``
    seen: tuple[Node, ...] = ()  # the answered nodes as they were shown, one per step

    @property
    def finished(self) -> bool:
        return self.node.is_ending

    @property
    def decisions(self) -> int:
        return len(self.steps)

    def last(self) -> tuple[Node, Choice] | None:
        """The node answered last and the choice made there (its feedback shows on the next step)."""
        if not self.steps:
            return None
        node = self.seen[-1]
        return node, node.choices[self.steps[-1].choice]

    def moments(self) -> list[tuple[Node, Choice, int]]:
        """Every decision taken: (node as shown, choice made, choice index)."""
        return [
            (node, node.choices[step.choice], step.choice) for node, step in zip(self.seen, self.steps, strict=True)
        ]


def as_steps(raw: Iterable[Sequence]) -> tuple[Step, ...]:
    """Steps from their stored form ``[[node id, choice index], …]``."""
    try:
        return tuple(Step(str(node), int(choice)) for node, choice in raw)
    except (TypeError, ValueError) as error:
        raise PathError(f"malformed stored path: {error}") from None


def steps_document(steps: Iterable[Step]) -> list[list]:
    return [[step.node, step.choice] for step in steps]


def arrive(scenario: Scenario, node_id: str, flags: Flags) -> tuple[Node, Flags]:
    """Enter node ``node_id`` with ``flags``: its own ``sets`` apply, then it is seen under the result."""
    node = scenario.node(node_id)
    flags = apply(flags, node.sets)
    return view(node, flags), flags


def start(scenario: Scenario) -> PlayState:
    node, flags = arrive(scenario, scenario.start, NO_FLAGS)
    return PlayState(scenario, (), node, flags)


def replay(scenario: Scenario, steps: Iterable[Step]) -> PlayState:
    """The state after ``steps``; PathError when a step does not fit the scenario."""
    state = start(scenario)
    for step in steps:
        try:
            state = advance(state, node_id=step.node, choice=step.choice)
        except (StaleStep, BadChoice) as error:
            raise PathError(str(error)) from None
    return state


def advance(state: PlayState, *, node_id: str, choice: int) -> PlayState:
    """Answer the current node with choice number ``choice`` (0-based, among the offered choices)."""
    if state.finished or node_id != state.node.id:
        raise StaleStep(node_id, state.node.id)
    if not 0 <= choice < len(state.node.choices):
        raise BadChoice(f"node {node_id!r} has no choice {choice + 1}")
    chosen = state.node.choices[choice]
    target, flags = arrive(state.scenario, chosen.next, apply(state.flags, chosen.sets))
    return PlayState(state.scenario, (*state.steps, Step(node_id, choice)), target, flags, (*state.seen, state.node))
