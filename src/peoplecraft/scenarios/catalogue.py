"""The bundled scenarios and the skill names they may score (the default guide's). No Django.

Scenarios are loaded and validated once per process; a broken bundled file is a bug, so it raises.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from peoplecraft.scenarios.engine import (
    PATH_LIMIT,
    PathCheck,
    Problem,
    Scenario,
    ScenarioError,
    check_scenario,
    parse_scenario,
)
from peoplecraft.skillmap.markdown import parse_note

DEFAULT_GUIDE = "interpersonal-skills.md"


@functools.cache
def default_skill_names() -> frozenset[str]:
    """The 52 skill names of the default guide."""
    text = resources.files("peoplecraft").joinpath("data", "guides", DEFAULT_GUIDE).read_text(encoding="utf-8")
    return frozenset(skill.name for area in parse_note(text).areas for skill in area.skills)


@functools.cache
def bundled_scenarios() -> dict[str, Scenario]:
    """Scenario id -> scenario, for every YAML file under ``data/scenarios``, sorted by title."""
    folder = resources.files("peoplecraft").joinpath("data", "scenarios")
    found: dict[str, Scenario] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".yml")):
            scenario = parse_scenario(
                entry.read_text(encoding="utf-8"), source=f"bundled {entry.name}", skills=default_skill_names()
            )
            found[scenario.id] = scenario
    return dict(sorted(found.items(), key=lambda item: item[1].title.casefold()))


def scenario_files(paths: Iterable[str | Path]) -> list[Path]:
    """The scenario files named by ``paths``: files as given, directories expanded to their *.yaml/*.yml."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()))
        else:
            files.append(path)
    return files


def validate_files(paths: Iterable[str | Path]) -> tuple[list[Scenario], list[Problem]]:
    """Validate scenario files (or directories of them): the valid scenarios and every problem found.

    Ids must be unique across the files checked together."""
    from peoplecraft.scenarios.engine import load_scenario

    scenarios: list[Scenario] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path in scenario_files(paths):
        try:
            scenario = load_scenario(path, skills=default_skill_names())
        except ScenarioError as error:
            problems.extend(error.problems)
            continue
        if scenario.id in seen:
            problems.append(Problem(str(path), f"scenario id {scenario.id!r} is already used by {seen[scenario.id]}"))
            continue
        seen[scenario.id] = str(path)
        scenarios.append(scenario)
    return scenarios, problems


@dataclass(frozen=True)
class FileCheck:
    """The full check of one scenario file, for ``peoplecraft practice scenario check``."""

    source: str
    scenario: Scenario | None
    paths: PathCheck | None  # None when the fields or the graph already failed
    problems: tuple[Problem, ...]


def check_files(paths: Iterable[str | Path] | None = None, *, limit: int = PATH_LIMIT) -> list[FileCheck]:
    """Check scenario files (default: the bundled ones) including every path's flags.

    Unlike :func:`validate_files` it keeps the path counts, also of a file that fails."""
    if paths is None:
        folder = Path(str(resources.files("peoplecraft").joinpath("data", "scenarios")))
        paths = [folder]
    results = []
    for path in scenario_files(paths):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            results.append(FileCheck(str(path), None, None, (Problem(str(path), f"cannot read the file: {error}"),)))
            continue
        scenario, checked, problems = check_scenario(text, source=str(path), skills=default_skill_names(), limit=limit)
        results.append(FileCheck(str(path), scenario, checked, tuple(problems)))
    return results
