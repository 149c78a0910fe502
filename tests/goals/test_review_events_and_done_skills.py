"""The weekly review lists each practice event once and never suggests a skill marked done."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from peoplecraft.assessment import selectors as assessment_selectors
from peoplecraft.assessment import services as assessment_services
from peoplecraft.goals.models import Goal
from peoplecraft.goals.review import review_document, weekly_review
from peoplecraft.scenarios import selectors as scenario_selectors
from peoplecraft.scenarios import services as scenario_services
from peoplecraft.skillmap.selectors import skill_find

pytestmark = pytest.mark.django_db
TITLE = "Scenario: Forty missed appointments: an angry customer"


def _finish_a_play(owner):
    play = scenario_services.play_start(owner=owner, scenario_id="angry-customer")
    state = scenario_selectors.play_state(play=play)
    while not state.finished:
        play = scenario_services.play_choose(play=play, node_id=state.node.id, choice=0)
        state = scenario_selectors.play_state(play=play)
    return play


def test_a_scenario_play_is_one_practice_event_naming_its_skills(owner, imported_guide, owner_client):
    _finish_a_play(owner)
    practised = review_document(weekly_review(owner=owner))["practised"]
    assert [item["title"] for item in practised] == [TITLE]
    assert len(practised[0]["skills"]) == 5 and "Empathy" in practised[0]["skills"]
    page = owner_client.get(reverse("goals:review")).content.decode()
    assert page.count("Forty missed appointments") == 1


def test_a_done_skill_scoring_lowest_is_not_suggested(owner, imported_guide):
    area = assessment_selectors.guide_area(guide=imported_guide, number=1)
    assessment = assessment_services.assessment_start(owner=owner, guide=imported_guide, scope="area", area=area)
    items = assessment_selectors.assessment_items(assessment=assessment)
    low = {"active listening", "written communication"}  # the first is done in the note, the second is not
    answers = {item.id: 1 if item.skill.casefold() in low else 4 for item in items}
    assessment_services.answers_save(assessment=assessment, answers=answers)
    assessment_services.assessment_complete(assessment=assessment)
    assert skill_find(guide=imported_guide, name="Active Listening").status == "done"
    review = weekly_review(owner=owner)
    assert review.feedback[0].skill.name in {"Active Listening", "Written Communication"}
    assert (review.focus.skill, review.focus.rule) == ("Written Communication", "low-score")


def test_a_slipping_goal_on_a_done_skill_is_not_suggested(owner, imported_guide, make_goal):
    goal = make_goal(title="Ask before advising")  # Active Listening, done in the note
    Goal.objects.filter(pk=goal.pk).update(created_at=timezone.now() - timedelta(days=60))
    review = weekly_review(owner=owner)
    assert [h.goal.title for h in review.slipping] == ["Ask before advising"]
    assert review.focus is None or review.focus.skill != "Active Listening"
