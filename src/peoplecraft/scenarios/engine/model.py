"""The values a scenario is made of, and the error that lists every problem in a scenario file.

A scenario is a small directed graph: decision nodes (narration, the other person's line and
choices) and ending nodes (an outcome). Pure module: no Django.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cached_property

SCORE_MIN, SCORE_MAX = -2, 2
TEXT_FIELDS = ("narration", "line", "ending", "outcome")  # node texts that may have guarded variants


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
class Condition:
    """A guard on flags: every test must hold (an all-of list). The empty condition always holds.

    Each test is ``(flag, wanted)``: ``("date_agreed", True)`` is written ``date_agreed``,
    ``("date_agreed", False)`` is written ``not date_agreed``. No expressions, no eval."""

    tests: tuple[tuple[str, bool], ...] = ()

    def holds(self, flags: Collection[str]) -> bool:
        return all((name in flags) == wanted for name, wanted in self.tests)

    def missing(self, flags: Collection[str]) -> list[str]:
        """The tests that fail under ``flags``, written as in YAML."""
        return [_test_text(name, wanted) for name, wanted in self.tests if (name in flags) != wanted]

    @property
    def flags(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.tests)

    def __str__(self) -> str:
        return ", ".join(_test_text(name, wanted) for name, wanted in self.tests) or "always"


def _test_text(name: str, wanted: bool) -> str:
    return name if wanted else f"not {name}"


ALWAYS = Condition()


@dataclass(frozen=True)
class Variant:
    """One guarded version of a text: shown when ``when`` holds (the first that holds wins)."""

    when: Condition
    text: str


@dataclass(frozen=True)
class Route:
    """One guarded target of a choice: taken when ``when`` holds after the choice's own ``sets``."""

    when: Condition
    to: str


@dataclass(frozen=True)
class Choice:
    text: str
    next: str  # the target when unconditional; with routes, the first route's target
    scores: tuple[tuple[str, int], ...]  # (skill, -2..+2), in the order written
    feedback: str
    when: Condition = ALWAYS  # the choice is offered only when this holds
    sets: tuple[tuple[str, bool], ...] = ()  # flags set (True) or cleared (False) by choosing it
    asserts: tuple[str, ...] = ()  # facts its text or feedback takes for granted
    routes: tuple[Route, ...] = ()  # guarded targets, tried in order; empty means always ``next``

    @property
    def targets(self) -> tuple[str, ...]:
        """Every node this choice can lead to."""
        return tuple(dict.fromkeys(route.to for route in self.routes)) if self.routes else (self.next,)

    def target(self, flags: Collection[str]) -> str | None:
        """Where the choice leads under ``flags`` (already including its own ``sets``); None if no route fits."""
        if not self.routes:
            return self.next
        return next((route.to for route in self.routes if route.when.holds(flags)), None)

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
    sets: tuple[tuple[str, bool], ...] = ()  # flags set or cleared on arriving here
    asserts: tuple[str, ...] = ()  # facts its texts take for granted: every path reaching it must set them
    # field name -> guarded variants, for the TEXT_FIELDS written as a list; the plain field above then
    # holds the text of the last variant (a representative for listings).
    variants: tuple[tuple[str, tuple[Variant, ...]], ...] = field(default=())

    @property
    def is_ending(self) -> bool:
        return bool(self.ending)

    def variants_of(self, name: str) -> tuple[Variant, ...]:
        return next((found for field_name, found in self.variants if field_name == name), ())


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
