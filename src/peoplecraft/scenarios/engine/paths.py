"""The path check: walk every path from the start to an ending, tracking flags, and report continuity
errors — text that takes for granted a fact the path never set up. Pure module: no Django.

A *state* is (node id, flags on arrival). A path never repeats a state (a loop that changes nothing
is followed once), so enumeration is finite; it stops counting at ``limit`` paths and says so. Each
state is checked the first time a path reaches it, with that path as the example in the message;
when the cap stops the enumeration, the remaining reachable states are still checked (breadth
first), so a capped check is still complete.

What is checked at a state, under the flags on arrival (after the node's own ``sets``):

* the node's ``asserts`` are all set;
* every text written as variants has a variant whose ``when`` holds;
* a decision offers at least one choice;
* every offered choice's ``asserts`` are set, and one of its ``next`` routes fits (after its ``sets``).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from peoplecraft.scenarios.engine.model import TEXT_FIELDS, Problem, Scenario
from peoplecraft.scenarios.engine.play import Step
from peoplecraft.scenarios.engine.state import NO_FLAGS, Flags, apply, text_for

PATH_LIMIT = 100_000
WORK_LIMIT = 20  # partial paths explored per complete path allowed, before the enumeration counts as capped

State = tuple[str, Flags]
# (node id, written choice number 1-based): how a path is shown to authors ("opening#3 → blurted#2")
Hop = tuple[str, int]


@dataclass(frozen=True)
class PathSummary:
    steps: tuple[Step, ...]  # choice indices count the offered choices, as a play stores them
    ending: str
    total: int
    flags: Flags = NO_FLAGS  # the facts set when the ending is reached


@dataclass(frozen=True)
class PathCheck:
    paths: int | None  # complete paths enumerated (None: not counted, states checked breadth first only)
    capped: bool  # enumeration stopped at the limit (the checks still covered every state)
    states: int  # distinct (node, flags) states reachable
    problems: tuple[Problem, ...]
    seconds: float


def _moves(scenario: Scenario, node_id: str, flags: Flags) -> Iterator[tuple[int, int, Any, State]]:
    """(offered index, written index, choice, next state) for each offered choice whose route fits."""
    for index, (written, choice) in enumerate(_offered(scenario.node(node_id), flags)):
        after = apply(flags, choice.sets)
        target = choice.target(after)
        if target is not None:
            yield index, written, choice, (target, apply(after, scenario.node(target).sets))


def _offered(node, flags: Flags) -> list[tuple[int, Any]]:
    """(written index, choice) for the choices offered under ``flags``."""
    return [(written, choice) for written, choice in enumerate(node.choices) if choice.when.holds(flags)]


def _tested_flags(scenario: Scenario) -> Flags:
    """Every flag some guard, route or ``asserts`` names: the only flags that can change a play's course."""
    names: set[str] = set()
    for node in scenario.nodes:
        names.update(node.asserts)
        for _, variants in node.variants:
            for variant in variants:
                names.update(variant.when.flags)
        for choice in node.choices:
            names.update(choice.asserts)
            names.update(choice.when.flags)
            for route in choice.routes:
                names.update(route.when.flags)
    return frozenset(names)


def _start(scenario: Scenario) -> State:
    return scenario.start, apply(NO_FLAGS, scenario.node(scenario.start).sets)


def all_paths(scenario: Scenario, *, limit: int = PATH_LIMIT) -> Iterator[PathSummary]:
    """Every path from the start to an ending (at most ``limit`` of them), depth first, tracking flags."""
    for summary, _ in _walk(scenario, limit=limit):
        if summary is not None:
            yield summary


def _walk(scenario: Scenario, *, limit: int) -> Iterator[tuple[PathSummary | None, tuple[State, tuple[Hop, ...]]]]:
    """Depth first over paths. Yields each newly reached state with its path, and each complete path."""
    first = _start(scenario)
    stack: list[tuple[State, tuple[Step, ...], tuple[Hop, ...], int, frozenset[State]]] = [
        (first, (), (), 0, frozenset({first}))
    ]
    found = work = 0
    while stack and found < limit and work < WORK_LIMIT * limit:
        work += 1
        state, steps, hops, total, seen = stack.pop()
        yield None, (state, hops)
        node_id, flags = state
        if scenario.node(node_id).is_ending:
            found += 1
            yield PathSummary(steps, node_id, total, flags), (state, hops)
            continue
        for index, written, choice, target in reversed(list(_moves(scenario, node_id, flags))):
            if target not in seen:
                stack.append(
                    (
                        target,
                        (*steps, Step(node_id, index)),
                        (*hops, (node_id, written + 1)),
                        total + choice.total,
                        seen | {target},
                    )
                )


def _stopped_early(scenario: Scenario, checked: set[State]) -> bool:
    """Whether some state reachable from a checked one was never checked (the work cap stopped the walk)."""
    return any(target not in checked for state in checked for *_, target in _moves(scenario, *state))


class _Lazy:
    """A string computed on first formatting."""

    def __init__(self, make) -> None:
        self.make = make

    def __format__(self, spec: str) -> str:
        return format(self.make(), spec)


def describe(hops: tuple[Hop, ...], end: str) -> str:
    """A path as authors read it: ``opening#3 → blurted#2 → end-partial`` (choice numbers as written)."""
    return " → ".join([*(f"{node}#{number}" for node, number in hops), end]) if hops else f"{end} (the start)"


def state_problems(scenario: Scenario, state: State, hops: tuple[Hop, ...]) -> Iterator[tuple[str, int | None, str]]:
    """(kind, choice number or None, message) for every continuity problem of one state."""
    node_id, flags = state
    node = scenario.node(node_id)
    path = _Lazy(lambda: describe(hops, node_id))  # built only when a problem is reported
    for name in node.asserts:  # one problem per missing fact, each with its own example path
        if name not in flags:
            yield f"asserts {name}", None, f"asserts {name!r} but a path reaches it without setting it: {path}"
    for name in TEXT_FIELDS:
        if node.variants_of(name) and text_for(node, name, flags) is None:
            yield f"variant-{name}", None, f"no variant of {name!r} fits the flags {_flags(flags)} on the path {path}"
    if node.is_ending:
        return
    shown = _offered(node, flags)
    if not shown:
        yield "no-choice", None, f"no choice is offered under the flags {_flags(flags)} on the path {path}"
    for written, choice in shown:
        number = written + 1
        for name in choice.asserts:
            if name not in flags:
                yield (
                    f"asserts {name}",
                    number,
                    f"choice {number} asserts {name!r} but is offered on a path that never set it: {path}",
                )
        after = apply(flags, choice.sets)
        if choice.target(after) is None:
            yield (
                "route",
                number,
                f"choice {number}: no 'next' route fits the flags {_flags(after)} on the path {path}",
            )


def _flags(flags: Flags) -> str:
    return "{" + ", ".join(sorted(flags)) + "}" if flags else "{} (none set)"


def check_paths(
    scenario: Scenario, lines: Mapping[Any, int] | None = None, *, limit: int = PATH_LIMIT, count: bool = True
) -> PathCheck:
    """Enumerate paths (up to ``limit``) and check every reachable state once; see the module docstring.

    With ``count=False`` (the loader) no path is enumerated: the same checks run breadth first over
    the reachable states, which is complete and fast however many paths there are, and each example
    path is a shortest one. Expects a scenario that passed the graph checks (every target exists)."""
    began = time.perf_counter()
    lines = lines or {}
    checked: set[State] = set()
    problems: list[Problem] = []
    reported: set[tuple[str, str, int | None]] = set()
    paths = 0

    def check(state: State, hops: tuple[Hop, ...]) -> None:
        if state in checked:
            return
        checked.add(state)
        for kind, number, message in state_problems(scenario, state, hops):
            key = (state[0], kind, number)
            if key not in reported:
                reported.add(key)
                line = lines.get((state[0], number - 1)) if number else lines.get(state[0])
                problems.append(Problem(scenario.source, message, state[0], line))

    capped = False
    if count:
        for summary, (state, hops) in _walk(scenario, limit=limit):
            if summary is None:
                check(state, hops)
            else:
                paths += 1
        capped = paths >= limit or _stopped_early(scenario, checked)
    if capped or not count:  # breadth first over every reachable state (already checked ones are skipped)
        # Without counting, flags no guard or assert ever names are dropped from states: they cannot
        # change what is shown or checked, and keeping them would multiply the states for nothing.
        keep = _tested_flags(scenario) if not count else None
        first = _start(scenario)
        if keep is not None:
            first = (first[0], first[1] & keep)
        queue: deque[tuple[State, tuple[Hop, ...]]] = deque([(first, ())])
        visited = {first}
        while queue:
            state, hops = queue.popleft()
            check(state, hops)
            for _, written, _, target in _moves(scenario, *state):
                if keep is not None:
                    target = (target[0], target[1] & keep)
                if target not in visited:
                    visited.add(target)
                    queue.append((target, (*hops, (state[0], written + 1))))
    order = {node.id: n for n, node in enumerate(scenario.nodes)}
    problems.sort(key=lambda p: (order.get(p.node or "", -1), p.line or 0))
    return PathCheck(paths if count else None, capped, len(checked), tuple(problems), time.perf_counter() - began)
