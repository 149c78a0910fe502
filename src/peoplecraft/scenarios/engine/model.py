"""The values a scenario is made of, and the error that lists every problem in a scenario file.

A scenario is a small directed graph: decision nodes (narration, the other person's line and
choices) and ending nodes (an outcome). Pure module: no Django.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

SCORE_MIN, SCORE_MAX = -2, 2


@dataclass(frozen=True)
class Problem:
    """One problem in a scenario file: where it is (file, node id, YAML line) and what is wrong."""

    source: str
    message: str
    node: str | None = None
    line: int | None = None  # 1-based, when the YAML parser gave one

    def __str__(self) -> str:
        where = self.source + (f":{self.line}" if self.line else "")
        node = f" node {self.node!r}:" if self.node else ""
        return f"{where}:{node} {self.message}"


class ScenarioError(ValueError):
    """A scenario failed to load or validate; ``problems`` holds every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


@dataclass(frozen=True)
class Choice:
    text: str
    next: str
    scores: tuple[tuple[str, int], ...]  # (skill, -2..+2), in the order written
    feedback: str

    @property
    def total(self) -> int:
        return sum(value for _, value in self.scores)

    def score_for(self, skill: str) -> int:
        return next((value for name, value in self.scores if name == skill), 0)


@dataclass(frozen=True)
class Node:
    id: str
    narration: str = ""
    speaker: str = ""
    line: str = ""
    choices: tuple[Choice, ...] = ()
    ending: str = ""  # the outcome text; non-empty only on ending nodes
    outcome: str = ""  # a short label for the ending ("Agreement reached")

    @property
    def is_ending(self) -> bool:
        return bool(self.ending)


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    summary: str
    skills: tuple[str, ...]
    setting: str
    start: str
    nodes: tuple[Node, ...]
    version: str  # a hash of the file's text: plays remember which text they were played on
    practice: str = ""  # optional: one thing to try in a real conversation
    source: str = "<string>"

    @cached_property
    def by_id(self) -> dict[str, Node]:
        return {node.id: node for node in self.nodes}

    def node(self, node_id: str) -> Node:
        """The node called ``node_id``; KeyError when there is none."""
        return self.by_id[node_id]

    @property
    def decision_nodes(self) -> tuple[Node, ...]:
        return tuple(node for node in self.nodes if not node.is_ending)

    @property
    def endings(self) -> tuple[Node, ...]:
        return tuple(node for node in self.nodes if node.is_ending)
