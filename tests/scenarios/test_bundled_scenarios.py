"""The bundled scenarios: enough of them, big enough, valid, with more than one good way through."""

from __future__ import annotations

from statistics import median

from peoplecraft.scenarios.catalogue import bundled_scenarios, default_skill_names, validate_files
from peoplecraft.scenarios.engine import all_paths, scenario_stats

TOPICS = {
    "feedback-to-a-peer",
    "angry-customer",
    "negotiating-a-deadline",
    "boundary-with-manager",
    "mediating-teammates",
    "networking-small-talk",
}


def test_at_least_six_scenarios_cover_the_topics():
    scenarios = bundled_scenarios()
    assert len(scenarios) >= 6 and set(scenarios) >= TOPICS


def test_each_has_eight_decision_points_and_long_typical_paths():
    for scenario in bundled_scenarios().values():
        stats = scenario_stats(scenario)
        assert stats.decision_nodes >= 8, scenario.id
        lengths = [len(path.steps) for path in all_paths(scenario)]
        assert median(lengths) >= 5, scenario.id


def test_two_distinct_endings_reachable_with_a_positive_score():
    for scenario in bundled_scenarios().values():
        assert len(scenario_stats(scenario).positive_endings) >= 2, scenario.id


def test_every_choice_scores_listed_guide_skills_and_teaches():
    names = default_skill_names()
    assert len(names) == 52
    for scenario in bundled_scenarios().values():
        assert set(scenario.skills) <= names
        for node in scenario.decision_nodes:
            assert len(node.choices) >= 2, (scenario.id, node.id)
            for choice in node.choices:
                assert choice.scores and len(choice.feedback) >= 60, (scenario.id, node.id, choice.text)


def test_bundled_files_validate_together(tmp_path):
    from importlib import resources

    folder = resources.files("peoplecraft").joinpath("data", "scenarios")
    scenarios, problems = validate_files([str(folder)])
    assert problems == [] and len(scenarios) == len(bundled_scenarios())
