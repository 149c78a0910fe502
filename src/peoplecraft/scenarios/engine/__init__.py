"""The branching-scenario engine: load and validate YAML scenarios, play them, score and debrief.

Pure package: no Django, no app models (enforced by import-linter).
"""

from peoplecraft.scenarios.engine.analysis import ScenarioStats, all_paths, scenario_stats
from peoplecraft.scenarios.engine.loader import check_scenario, content_version, load_scenario, parse_scenario
from peoplecraft.scenarios.engine.model import Choice, Condition, Node, Problem, Scenario, ScenarioError
from peoplecraft.scenarios.engine.paths import PATH_LIMIT, PathCheck, check_paths
from peoplecraft.scenarios.engine.play import (
    BadChoice,
    PathError,
    PlayState,
    StaleStep,
    Step,
    advance,
    as_steps,
    replay,
    start,
    steps_document,
)
from peoplecraft.scenarios.engine.report import debrief_document, debrief_from_document
from peoplecraft.scenarios.engine.scoring import Debrief, Moment, SkillScore, debrief

__all__ = [
    "PATH_LIMIT",
    "BadChoice",
    "Choice",
    "Condition",
    "Debrief",
    "Moment",
    "Node",
    "PathCheck",
    "PathError",
    "PlayState",
    "Problem",
    "Scenario",
    "ScenarioError",
    "ScenarioStats",
    "SkillScore",
    "StaleStep",
    "Step",
    "advance",
    "all_paths",
    "as_steps",
    "check_paths",
    "check_scenario",
    "content_version",
    "debrief",
    "debrief_document",
    "debrief_from_document",
    "load_scenario",
    "parse_scenario",
    "replay",
    "scenario_stats",
    "start",
    "steps_document",
]
