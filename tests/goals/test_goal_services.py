"""SMART validation and the goal writes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from peoplecraft.goals import selectors, services
from peoplecraft.goals.models import Goal

pytestmark = pytest.mark.django_db


def test_smart_errors_name_each_missing_part(owner):
    data = services.GoalInput(title="", skill_id=None, measure="", target=0, due_date=timezone.localdate())
    with pytest.raises(services.GoalError) as caught:
        services.goal_create(owner=owner, data=data)
    assert set(caught.value.errors) == {"title", "skill", "measure", "target", "due_date"}
    assert "in the future" in caught.value.errors["due_date"]
    assert Goal.objects.count() == 0


def test_someone_elses_skill_is_refused(teammate, skill):
    data = services.GoalInput(
        title="x", skill_id=skill.pk, measure="m", target=1, due_date=timezone.localdate() + timedelta(days=3)
    )
    with pytest.raises(services.GoalError, match="not on your skill map"):
        services.goal_create(owner=teammate, data=data)


def test_milestone_after_the_due_date_is_refused(make_goal):
    due = timezone.localdate() + timedelta(days=10)
    with pytest.raises(services.GoalError, match="after the goal"):
        make_goal(due_date=due, milestones=[("Late", due + timedelta(days=1))])


def test_checkins_set_progress_and_closed_goals_refuse_them(owner, make_goal):
    goal = make_goal()
    services.goal_checkin(goal=goal, amount=3, note="three of eight")
    assert selectors.goal_get(owner=owner, goal_id=goal.pk).progress == 38  # 3 of 8 = 37.5 %
    services.goal_set_status(goal=goal, status="dropped")
    with pytest.raises(services.GoalError, match="dropped"):
        services.goal_checkin(goal=goal, amount=4)


def test_a_goal_behind_the_line_is_slipping(owner, make_goal):
    goal = make_goal()
    Goal.objects.filter(pk=goal.pk).update(created_at=timezone.now() - timedelta(days=60))
    health = selectors.goal_health(selectors.goal_get(owner=owner, goal_id=goal.pk), timezone.localdate())
    assert health.slipping and round(health.expected) == 50


@pytest.mark.parametrize("target", [float("inf"), float("nan"), 1e308, 1_000_001, -3, 0])
def test_target_must_be_finite_and_in_range(owner, skill, target):
    due = timezone.localdate() + timedelta(days=30)
    data = services.GoalInput(title="x", skill_id=skill.pk, measure="m", target=target, due_date=due)
    with pytest.raises(services.GoalError) as caught:
        services.goal_create(owner=owner, data=data)
    assert set(caught.value.errors) == {"target"} and "from 0.01 to 1000000" in caught.value.errors["target"]
    assert Goal.objects.count() == 0
