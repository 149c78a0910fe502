"""Load a scenario from YAML: parse once (keeping line numbers), check every field, then the graph,
then every path with its flags (paths.py), so text that takes for granted a fact the path never set
up is refused.

Every problem is collected before raising, each naming the file, the node id and the YAML line,
so an author sees all mistakes at once. Pure module: no Django.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from pathlib import Path
from typing import Any

import yaml

from peoplecraft.core.datafile import SAFE_LOADER
from peoplecraft.scenarios.engine.fields import FieldChecker
from peoplecraft.scenarios.engine.graph import graph_problems
from peoplecraft.scenarios.engine.model import Problem, Scenario, ScenarioError
from peoplecraft.scenarios.engine.paths import PATH_LIMIT, PathCheck, check_paths


def content_version(text: str) -> str:
    """A short, stable hash of a scenario's text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def load_scenario(path: str | Path, *, skills: Collection[str]) -> Scenario:
    """Load and validate one scenario file; ``skills`` are the skill names scores may use."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ScenarioError([Problem(str(path), f"cannot read the file: {error}")]) from None
    return parse_scenario(text, source=str(path), skills=skills)


def parse_scenario(text: str, *, source: str = "<string>", skills: Collection[str]) -> Scenario:
    """Validate a scenario given as YAML text; ``source`` names it in error messages."""
    scenario, _, problems = check_scenario(text, source=source, skills=skills, count=False)
    if problems or scenario is None:
        raise ScenarioError(problems)
    return scenario


def check_scenario(
    text: str, *, source: str = "<string>", skills: Collection[str], limit: int = PATH_LIMIT, count: bool = True
) -> tuple[Scenario | None, PathCheck | None, list[Problem]]:
    """Every check of a scenario's text: (scenario or None, the path check when it ran, all problems).

    The path check runs only on a scenario whose fields and graph are sound; ``limit`` caps how many
    paths it enumerates (its checks still cover every reachable state); ``count=False`` skips the
    enumeration and checks the states breadth first (what loading needs: the verdict, not the count)."""
    try:
        data, tree = _parse_yaml(text, source)
    except ScenarioError as error:
        return None, None, error.problems
    checker = FieldChecker(source, skills, _node_lines(tree))
    scenario = checker.scenario(data, version=content_version(text))
    problems = list(checker.problems)
    paths = None
    if scenario is not None and scenario.nodes:
        problems += graph_problems(scenario, checker.lines)
        if not problems:  # flags are followed only along a sound graph
            paths = check_paths(scenario, checker.lines, limit=limit, count=count)
            problems += paths.problems
    return scenario, paths, problems


def _parse_yaml(text: str, source: str) -> tuple[Any, yaml.Node | None]:
    loader = SAFE_LOADER(text)
    try:
        tree = loader.get_single_node()
        data = loader.construct_document(tree) if tree is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error)
        raise ScenarioError([Problem(source, f"YAML syntax error: {problem}", line=line)]) from None
    finally:
        loader.dispose()
    return data, tree


def _node_lines(tree: yaml.Node | None) -> dict[Any, int]:
    """Line numbers (1-based): node id -> its ``id:`` line, (node id, choice index) -> the choice's line,
    and ("#", index) -> the line of the index-th node entry (for entries without a usable id)."""
    lines: dict[Any, int] = {}
    nodes = _mapping_value(tree, "nodes")
    if not isinstance(nodes, yaml.SequenceNode):
        return lines
    for index, entry in enumerate(nodes.value):
        lines[("#", index)] = entry.start_mark.line + 1
        ident = _mapping_value(entry, "id")
        if not isinstance(ident, yaml.ScalarNode):
            continue
        lines.setdefault(ident.value, ident.start_mark.line + 1)
        choices = _mapping_value(entry, "choices")
        if isinstance(choices, yaml.SequenceNode):
            for number, choice in enumerate(choices.value):
                lines.setdefault((ident.value, number), choice.start_mark.line + 1)
    return lines


def _mapping_value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for name, value in node.value if isinstance(name, yaml.ScalarNode) and name.value == key), None)
