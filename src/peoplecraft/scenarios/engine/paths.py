"""The path check: walk every path from the start to an ending, tracking flags, and report continuity
errors — text that takes for granted a fact the path never set up. Pure module: no Django.

A *state* is (node id, flags on arrival). Every path is a walk through states, so checking each
reachable state once checks every path: the check walks the states breadth first and names, for
each problem, a shortest path that shows it. A path never repeats a state (a loop that changes
nothing is followed once), so there are finitely many; they are counted exactly when the states
form no cycle, and otherwise enumerated up to ``limit`` (reported as capped). The verdict never
depends on the cap.

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
    """Every path from the start to an ending that never repeats a (node, flags) state, depth first
    (at most ``limit`` of them, and at most ``WORK_LIMIT * limit`` partial paths explored)."""
    first = _start(scenario)
    stack: list[tuple[State, tuple[Step, ...], int, frozenset[State]]] = [(first, (), 0, frozenset({first}))]
    found = work = 0
    while stack and found < limit and work < WORK_LIMIT * limit:
        work += 1
        state, steps, total, seen = stack.pop()
        node_id, flags = state
        if scenario.node(node_id).is_ending:
            found += 1
            yield PathSummary(steps, node_id, total, flags)
            continue
        for index, _, choice, target in reversed(list(_moves(scenario, node_id, flags))):
            if target not in seen:
                stack.append((target, (*steps, Step(node_id, index)), total + choice.total, seen | {target}))


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
    """Check every reachable state once, breadth first (each example path is a shortest one), and count
    the paths from the start to an ending; see the module docstring.

    States keep only the flags some guard, route or ``asserts`` names: the others cannot change what
    is shown, offered or checked, and would multiply the states for nothing. When those states form no
    cycle, paths are counted exactly by dynamic programming, however many there are; otherwise they are
    enumerated, stopping at ``limit`` (``capped``). ``count=False`` (the loader) skips the counting.
    Expects a scenario that passed the graph checks (every target exists)."""
    began = time.perf_counter()
    lines = lines or {}
    keep = _tested_flags(scenario)
    problems: list[Problem] = []
    reported: set[tuple[str, str, int | None]] = set()
    first = (scenario.start, _start(scenario)[1] & keep)
    edges: dict[State, list[State]] = {}
    queue: deque[tuple[State, tuple[Hop, ...]]] = deque([(first, ())])
    seen = {first}
    while queue:
        state, hops = queue.popleft()
        for kind, number, message in state_problems(scenario, state, hops):
            key = (state[0], kind, number)
            if key not in reported:
                reported.add(key)
                line = lines.get((state[0], number - 1)) if number else lines.get(state[0])
                problems.append(Problem(scenario.source, message, state[0], line))
        edges[state] = []
        for _, written, _, (node_id, flags) in _moves(scenario, *state):
            target = (node_id, flags & keep)
            edges[state].append(target)
            if target not in seen:
                seen.add(target)
                queue.append((target, (*hops, (state[0], written + 1))))
    paths: int | None = None
    capped = False
    if count:
        paths = _count_acyclic(scenario, first, edges)
        if paths is None:  # the states loop: enumerate the paths that never repeat a state, up to the cap
            paths = sum(1 for _ in all_paths(scenario, limit=limit))
            capped = paths >= limit
    order = {node.id: n for n, node in enumerate(scenario.nodes)}
    problems.sort(key=lambda p: (order.get(p.node or "", -1), p.line or 0))
    return PathCheck(paths, capped, len(seen), tuple(problems), time.perf_counter() - began)


def _count_acyclic(scenario: Scenario, first: State, edges: dict[State, list[State]]) -> int | None:
    """The number of paths from ``first`` to an ending in the state graph, or None if it has a cycle.

    Backwards over a topological order: an ending counts one path, any other state the sum over its
    moves (two choices to the same state are two paths)."""
    ordered = _topological(edges)
    if ordered is None:
        return None
    ways: dict[State, int] = {}
    for state in reversed(ordered):
        ways[state] = 1 if scenario.node(state[0]).is_ending else sum(ways[t] for t in edges[state])
    return ways[first]


def _topological(edges: dict[State, list[State]]) -> list[State] | None:
    """Kahn's algorithm: the states in topological order, or None when they contain a cycle."""
    incoming = dict.fromkeys(edges, 0)
    for targets in edges.values():
        for target in targets:
            incoming[target] += 1
    ready = deque(state for state, n in incoming.items() if n == 0)
    ordered: list[State] = []
    while ready:
        state = ready.popleft()
        ordered.append(state)
        for target in edges[state]:
            incoming[target] -= 1
            if incoming[target] == 0:
                ready.append(target)
    return ordered if len(ordered) == len(edges) else None


@dataclass(frozen=True)
class PathShape:
    """Figures over every path, computed on the state graph without listing the paths."""

    paths: int
    shortest: int  # decisions on the shortest complete path
    longest: int
    positive_endings: tuple[str, ...]  # endings some path reaches with a positive total score


def path_shape(scenario: Scenario) -> PathShape | None:
    """The shape of all paths by dynamic programming over the states, or None when the states loop.

    Forward, in topological order, each state collects the totals and path lengths with which it can
    be reached; an ending's collections describe the paths that end there."""
    keep = _tested_flags(scenario)
    first = (scenario.start, _start(scenario)[1] & keep)
    edges: dict[State, list[tuple[State, int]]] = {}
    queue, seen = deque([first]), {first}
    while queue:
        state = queue.popleft()
        edges[state] = []
        for _, _, choice, (node_id, flags) in _moves(scenario, *state):
            target = (node_id, flags & keep)
            edges[state].append((target, choice.total))
            if target not in seen:
                seen.add(target)
                queue.append(target)
    order = _topological({state: [t for t, _ in targets] for state, targets in edges.items()})
    if order is None:
        return None
    ways: dict[State, int] = dict.fromkeys(edges, 0)
    totals: dict[State, set[int]] = {state: set() for state in edges}
    lengths: dict[State, set[int]] = {state: set() for state in edges}
    ways[first], totals[first], lengths[first] = 1, {0}, {0}
    for state in order:
        for target, total in edges[state]:
            ways[target] += ways[state]
            totals[target] |= {t + total for t in totals[state]}
            lengths[target] |= {n + 1 for n in lengths[state]}
    ends = [state for state in edges if scenario.node(state[0]).is_ending]
    every = set().union(*(lengths[state] for state in ends)) or {0}
    positive = sorted({state[0] for state in ends if any(t > 0 for t in totals[state])})
    return PathShape(sum(ways[state] for state in ends), min(every), max(every), tuple(positive))
