"""Check-in, status, next action and milestone views: success, outsider 404, htmx partial, full page."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_checkin_htmx_returns_the_panel(owner_client, make_goal):
    goal = make_goal()
    response = owner_client.post(
        reverse("goals:checkin", args=[goal.pk]), {"amount": "3", "note": "a good week"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body and 'id="goal-panel"' in body
    assert "(38%)" in body and "3 of 8" in body and "a good week" in body


def test_checkin_full_page_redirects_and_bad_progress_is_400(owner_client, make_goal):
    goal = make_goal()
    assert owner_client.post(reverse("goals:checkin", args=[goal.pk]), {"amount": "4"}).status_code == 302
    response = owner_client.post(reverse("goals:checkin", args=[goal.pk]), {"amount": "-1"})
    assert response.status_code == 400 and "<html" in response.content.decode()


def test_status_action_and_milestone(owner_client, make_goal):
    goal = make_goal(milestones=[("First talk", None)])
    response = owner_client.post(
        reverse("goals:action_add", args=[goal.pk]),
        {"title": "Book a slot with Sam", "quadrant": "do"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and "Book a slot with Sam" in response.content.decode()
    action = goal.actions.get()
    assert (action.urgent, action.important) == (True, True)
    assert owner_client.post(reverse("goals:action_done", args=[action.pk])).status_code == 302
    milestone = goal.milestones.get()
    assert owner_client.post(reverse("goals:milestone_done", args=[milestone.pk])).status_code == 302
    response = owner_client.post(reverse("goals:milestone_add", args=[goal.pk]), {"title": "", "due_date": "x"})
    assert response.status_code == 400
    assert owner_client.post(reverse("goals:status", args=[goal.pk]), {"status": "done"}).status_code == 302
    goal.refresh_from_db()
    action.refresh_from_db()
    milestone.refresh_from_db()
    assert goal.status == "done" and action.done_at and milestone.done_at


def test_outsider_gets_404_on_every_goal_url(client, outsider, make_goal):
    goal = make_goal(milestones=[("M", None)])
    client.force_login(outsider)
    action = goal.actions.create(title="A")
    assert client.get(reverse("goals:goal", args=[goal.pk])).status_code == 404
    for url, data in (
        (reverse("goals:checkin", args=[goal.pk]), {"progress": "10"}),
        (reverse("goals:status", args=[goal.pk]), {"status": "done"}),
        (reverse("goals:action_add", args=[goal.pk]), {"title": "x"}),
        (reverse("goals:milestone_add", args=[goal.pk]), {"title": "x"}),
        (reverse("goals:action_done", args=[action.pk]), {}),
        (reverse("goals:milestone_done", args=[goal.milestones.get().pk]), {}),
        (reverse("goals:move"), {"kind": "goal", "item": goal.pk, "quadrant": "do"}),
    ):
        assert client.post(url, data).status_code == 404, url
    goal.refresh_from_db()
    assert goal.status == "active" and not goal.checkins.exists()
