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


NEW_TOPICS = {  # issue 16: negotiation with a BATNA, a manager's mediation, harsh criticism, delegation
    "negotiating-a-job-offer",
    "mediating-a-handoff-dispute",
    "receiving-harsh-criticism",
    "delegating-to-a-reluctant-teammate",
}


def test_issue_16_scenarios_have_ten_decisions_on_their_main_paths_and_use_state():
    from itertools import islice

    from peoplecraft.scenarios.engine import check_paths

    scenarios = bundled_scenarios()
    assert set(scenarios) >= NEW_TOPICS
    for name in NEW_TOPICS:
        scenario = scenarios[name]
        assert len(scenario.endings) >= 4 and len(scenario.decision_nodes) >= 10, name
        paths = list(islice(all_paths(scenario), 20_000))
        best = max(paths, key=lambda p: (p.total, -len(p.steps)))
        assert len(best.steps) >= 10 and best.total > 20, (name, len(best.steps))
        assert median(len(p.steps) for p in paths) >= 10, name
        assert any(node.asserts or node.variants for node in scenario.nodes), name  # facts are guarded
        assert check_paths(scenario, count=False).problems == (), name


def test_every_reachable_decision_offers_at_least_two_choices_under_its_flags():
    from collections import deque

    from peoplecraft.scenarios.engine.state import NO_FLAGS, apply, offered

    for scenario in bundled_scenarios().values():
        first = (scenario.start, apply(NO_FLAGS, scenario.node(scenario.start).sets))
        queue, seen = deque([first]), {first}
        while queue:
            node_id, flags = queue.popleft()
            node = scenario.node(node_id)
            shown = offered(node, flags)
            assert node.is_ending or len(shown) >= 2, (scenario.id, node_id, sorted(flags))
            for choice in shown:
                after = apply(flags, choice.sets)
                target = choice.target(after)
                state = (target, apply(after, scenario.node(target).sets))
                if state not in seen:
                    seen.add(state)
                    queue.append(state)
