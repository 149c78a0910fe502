"""A finished scenario play suggests a reflection prompt about its weakest moment."""

from __future__ import annotations

import pytest

from peoplecraft.journal.sources import link_kinds, suggested_prompts
from peoplecraft.scenarios import selectors, services
from peoplecraft.scenarios.catalogue import bundled_scenarios
from peoplecraft.scenarios.engine import all_paths

pytestmark = pytest.mark.django_db


def _worst_path(scenario_id: str) -> list[tuple[str, int]]:
    worst = min(all_paths(bundled_scenarios()[scenario_id]), key=lambda p: (p.total, len(p.steps)))
    return [(step.node, step.choice) for step in worst.steps]


def test_finished_play_prompts_reflection_on_its_weakest_moment(owner, imported_guide):
    play = services.play_start(owner=owner, scenario_id="angry-customer")
    for node, choice in _worst_path("angry-customer"):
        play = services.play_choose(play=play, node_id=node, choice=choice)
    debrief = selectors.play_debrief(play=play)
    prompts = [prompt for prompt in suggested_prompts(owner) if prompt.source == "scenario"]
    assert len(prompts) == 1
    assert debrief.worst_moment.chosen in prompts[0].question
    linked = set(selectors.skill_links(owner=owner, names=list(debrief.next_skills)).values())
    assert prompts[0].skill_ids and set(prompts[0].skill_ids) == linked
    assert link_kinds()["scenario-play"].exists(owner, play.pk)


def test_unfinished_or_other_peoples_plays_give_no_prompt(owner, outsider, imported_guide):
    services.play_start(owner=owner, scenario_id="angry-customer")
    assert [p for p in suggested_prompts(owner) if p.source == "scenario"] == []
    assert [p for p in suggested_prompts(outsider) if p.source == "scenario"] == []


def test_finished_play_is_logged_as_practice_for_each_scored_skill(owner, imported_guide):
    from peoplecraft.practice.models import PracticeEntry

    play = services.play_start(owner=owner, scenario_id="angry-customer")
    for node, choice in _worst_path("angry-customer"):
        assert not PracticeEntry.objects.filter(owner=owner).exists()  # nothing until the play ends
        play = services.play_choose(play=play, node_id=node, choice=choice)
    entries = list(PracticeEntry.objects.filter(owner=owner, source="scenario"))
    debrief = selectors.play_debrief(play=play)
    scored = {score.skill for score in debrief.skills if score.best > 0}
    assert {entry.skill.name for entry in entries} == scored
    assert all(entry.source_ref == f"scenario-play:{play.pk}" and 1 <= entry.self_rating <= 5 for entry in entries)
    assert all(entry.situation.startswith("Scenario: Forty missed appointments") for entry in entries)
