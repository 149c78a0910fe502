"""Graph checks of a scenario: missing targets, unreachable nodes, loops with no way out.

Every algorithm is iterative (no recursion), so a generated scenario of thousands of nodes
validates without hitting Python's recursion limit. Pure module: no Django.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from typing import Any

from peoplecraft.scenarios.engine.model import Problem, Scenario


def successors(scenario: Scenario) -> dict[str, list[str]]:
    """Node id -> the ids its choices can lead to, by any route (existing nodes only, no repeats).

    Flags are ignored here: these checks are about the drawn graph; paths.py checks what flags allow."""
    ids = scenario.by_id
    return {
        node.id: list(dict.fromkeys(t for c in node.choices for t in c.targets if t in ids)) for node in scenario.nodes
    }


def reachable_from(start: str, edges: Mapping[str, Iterable[str]]) -> set[str]:
    seen, queue = {start}, deque([start])
    while queue:
        for target in edges.get(queue.popleft(), ()):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def strongly_connected(nodes: list[str], edges: Mapping[str, list[str]]) -> list[list[str]]:
    """Tarjan's algorithm with an explicit stack; components come out in reverse topological order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    for root in nodes:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, position = work.pop()
            if position == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            targets = edges.get(node, [])
            if position < len(targets):
                work.append((node, position + 1))
                target = targets[position]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return components


def graph_problems(scenario: Scenario, lines: Mapping[Any, int]) -> list[Problem]:
    """Every graph problem of an otherwise well-formed scenario, in the order of the nodes."""
    problems: list[Problem] = []

    def fail(message: str, node: str | None = None, line: int | None = None) -> None:
        problems.append(Problem(scenario.source, message, node, line if line is not None else lines.get(node)))

    ids = scenario.by_id
    for node in scenario.nodes:
        for number, choice in enumerate(node.choices):
            for target in choice.targets:
                if target not in ids:
                    fail(
                        f"choice {number + 1} leads to a missing node {target!r}", node.id, lines.get((node.id, number))
                    )
    if scenario.start not in ids:
        fail(f"the start node {scenario.start!r} does not exist")
    if problems:  # reachability and loops are only meaningful once every target exists
        return problems
    if not scenario.endings:
        fail("the scenario has no ending node")
    edges = successors(scenario)
    reached = reachable_from(scenario.start, edges)
    for node in scenario.nodes:
        if node.id not in reached:
            fail("unreachable: no choice leads here from the start", node.id)
    _loops_without_exit(scenario, edges, fail)
    return problems


def _loops_without_exit(scenario: Scenario, edges: dict[str, list[str]], fail) -> None:
    """Report strongly-connected sets of nodes from which no ending is reachable."""
    backwards: dict[str, list[str]] = {}
    for source, targets in edges.items():
        for target in targets:
            backwards.setdefault(target, []).append(source)
    can_end: set[str] = set()
    for ending in scenario.endings:
        can_end |= reachable_from(ending.id, backwards)
    stuck = [node.id for node in scenario.nodes if node.id not in can_end]
    if not stuck:
        return
    stuck_set = set(stuck)
    inner = {node: [t for t in edges[node] if t in stuck_set] for node in stuck}
    in_loop: set[str] = set()
    order = {node.id: n for n, node in enumerate(scenario.nodes)}
    for component in strongly_connected(stuck, inner):
        if len(component) > 1 or component[0] in inner[component[0]]:
            members = sorted(component, key=order.__getitem__)
            in_loop.update(members)
            shown = ", ".join(members[:8]) + (f" and {len(members) - 8} more" if len(members) > 8 else "")
            fail(f"loop without exit: from {shown} no choice ever reaches an ending", members[0])
    for node in stuck:
        if node not in in_loop and edges[node] and not scenario.node(node).is_ending:
            fail("no ending can be reached from here: every choice leads into a loop without exit", node)
