"""Create a goal: success, SMART errors as field errors (htmx partial and full page)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from peoplecraft.goals.models import Goal

pytestmark = pytest.mark.django_db


def _data(the_skill, **extra):
    due = (timezone.localdate() + timedelta(days=30)).isoformat()
    return {
        "title": "Ask first",
        "skill": the_skill.pk,
        "measure": "one-to-ones where I asked first",
        "target": "8",
        "due_date": due,
        "important": "on",
        "reminder_days": "7",
        "milestones": "Halfway\n",
        **extra,
    }


def test_full_page_create_redirects_to_the_goal(owner_client, owner, skill):
    response = owner_client.post(reverse("goals:create"), _data(skill))
    goal = Goal.objects.get(owner=owner)
    assert response.status_code == 302 and response["Location"] == reverse("goals:goal", args=[goal.pk])
    assert [m.title for m in goal.milestones.all()] == ["Halfway"]


def test_htmx_create_redirects_the_browser(owner_client, skill):
    response = owner_client.post(reverse("goals:create"), _data(skill), HTTP_HX_REQUEST="true")
    assert response.status_code == 204 and response["HX-Redirect"].startswith("/goals/")


def test_smart_errors_come_back_in_the_form_partial(owner_client, skill):
    bad = _data(skill, skill="", measure="", target="", due_date=timezone.localdate().isoformat())
    response = owner_client.post(reverse("goals:create"), bad, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 400 and "<html" not in body and 'id="goal-form"' in body
    for message in ("so it is specific", "so it is measurable", "greater than zero", "in the future"):
        assert message in body, message
    assert Goal.objects.count() == 0


def test_invalid_date_is_a_full_page_400(owner_client, skill):
    response = owner_client.post(reverse("goals:create"), _data(skill, due_date="2030-02-31"))
    assert response.status_code == 400 and "Enter a real date" in response.content.decode()


def test_outsider_cannot_use_the_owners_skill(client, outsider, skill):
    client.force_login(outsider)
    response = client.post(reverse("goals:create"), _data(skill))
    assert response.status_code == 400 and Goal.objects.count() == 0


@pytest.mark.parametrize("target", ["1e308", "1000001", "-1"])
def test_web_form_shares_the_target_range(owner_client, skill, target):
    response = owner_client.post(reverse("goals:create"), _data(skill, target=target), HTTP_HX_REQUEST="true")
    assert response.status_code == 400 and "from 0.01 to 1000000" in response.content.decode()
    assert Goal.objects.count() == 0


def test_milestone_with_an_impossible_date_is_refused(owner_client, skill):
    response = owner_client.post(reverse("goals:create"), _data(skill, milestones="Start\n2027-02-30 Halfway\n"))
    assert response.status_code == 400 and "Line 2: &#x27;2027-02-30&#x27; is not a real date" in (
        response.content.decode()
    )
    assert Goal.objects.count() == 0
