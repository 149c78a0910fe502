"""Editing a goal's SMART fields: success, the same SMART rules, outsider 404, htmx partial and full page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


def _data(skill, **changes):
    data = {
        "edit-title": "Ask two questions before advising",
        "edit-skill": skill.pk,
        "edit-measure": "one-to-ones where I asked first",
        "edit-target": "10",
        "edit-due_date": (timezone.localdate() + timedelta(days=90)).isoformat(),
        "edit-reminder_days": "14",
    }
    return {**data, **changes}


def test_full_page_edit_saves_and_redirects(owner_client, make_goal, skill):
    goal = make_goal()
    response = owner_client.post(reverse("goals:edit", args=[goal.pk]), _data(skill))
    assert response.status_code == 302 and response["Location"] == reverse("goals:goal", args=[goal.pk])
    goal.refresh_from_db()
    assert (goal.title, goal.target, goal.reminder_days) == ("Ask two questions before advising", 10, 14)


def test_htmx_edit_returns_the_panel(owner_client, make_goal, skill):
    goal = make_goal()
    response = owner_client.post(reverse("goals:edit", args=[goal.pk]), _data(skill), HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body and 'id="goal-panel"' in body
    assert "10 one-to-ones where I asked first" in body


def test_smart_rules_hold_when_editing(owner_client, make_goal, skill):
    goal = make_goal()
    past = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = owner_client.post(
        reverse("goals:edit", args=[goal.pk]), _data(skill, **{"edit-measure": "", "edit-due_date": past})
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "so it is measurable" in body and "must be in the future" in body
    goal.refresh_from_db()
    assert goal.title == "Ask before advising"


def test_an_unchanged_past_due_date_can_stay(owner_client, make_goal, skill):
    from peoplecraft.goals.models import Goal

    goal = make_goal()
    Goal.objects.filter(pk=goal.pk).update(due_date=timezone.localdate() - timedelta(days=3))
    past = (timezone.localdate() - timedelta(days=3)).isoformat()
    response = owner_client.post(reverse("goals:edit", args=[goal.pk]), _data(skill, **{"edit-due_date": past}))
    assert response.status_code == 302


def test_outsider_gets_404(client, outsider, make_goal, skill):
    goal = make_goal()
    client.force_login(outsider)
    assert client.post(reverse("goals:edit", args=[goal.pk]), _data(skill)).status_code == 404
    goal.refresh_from_db()
    assert goal.title == "Ask before advising"
