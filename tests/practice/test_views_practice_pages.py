"""Read pages: today, plan and its calendar file, exercises, the strength chart, the skill page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from peoplecraft.practice import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def focused(owner, imported_guide, skill):
    listening = skill(imported_guide, "Active Listening")
    services.focus_set(owner=owner, skills=[listening])
    return listening


def test_today_without_focus_explains_how_to_choose(owner_client, imported_guide):
    body = owner_client.get(reverse("practice:today")).content.decode()
    assert "no focus skills yet" in body


def test_today_shows_cards_and_habits(owner_client, focused):
    services.practice_entry_log(
        owner=focused.area.guide.owner, skill=focused, occurred_on=timezone.localdate(), situation="x"
    )
    body = owner_client.get(reverse("practice:today")).content.decode()
    assert "reflective-listening statement" in body and 'id="card-active-listening-1"' in body
    assert "5/100" in body  # one session today: 4.83 rounds to 5
    assert " style=" not in body and "<script>" not in body


def test_plan_page_and_ics(owner_client, focused):
    body = owner_client.get(reverse("practice:plan")).content.decode()
    assert "Say it back before you answer" in body and 'name="skills"' in body
    response = owner_client.get(reverse("practice:plan-ics"))
    assert response["Content-Type"].startswith("text/calendar")
    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == 3


@pytest.mark.parametrize("week", ["2026-02-30", "0001-01-01", "9999-12-31"])
def test_impossible_week_is_a_400_with_a_message(owner_client, focused, week):
    response = owner_client.get(reverse("practice:plan"), {"week": week})
    assert response.status_code == 400
    body = response.content.decode()
    assert "error-summary" in body and f"“{week}” is not a week Peoplecraft can plan" in body
    assert "Your plan:" in body  # the page itself, showing the plan from today, not a bare error page
    ics = owner_client.get(reverse("practice:plan-ics"), {"week": week})
    assert ics.status_code == 400 and "is not a week" in ics.content.decode()


def test_exercises_and_exercise_detail(owner_client, imported_guide):
    body = owner_client.get(reverse("practice:exercises"), {"skill": "Mediation"}).content.decode()
    assert "Summarise both sides" in body and "Say it back" not in body
    detail = owner_client.get(reverse("practice:exercise", args=["mediation-both-sides-summary"])).content.decode()
    assert "Afterwards, ask yourself" in detail and "Where were you tempted to take sides?" in detail
    assert owner_client.get(reverse("practice:exercise", args=["nope"])).status_code == 404


def test_skill_page_shows_practice_and_chart(owner_client, focused):
    owner = focused.area.guide.owner
    for days_ago in (0, 1, 3):
        day = timezone.localdate() - timedelta(days=days_ago)
        services.practice_entry_log(owner=owner, skill=focused, occurred_on=day, situation=f"session {days_ago}")
    body = owner_client.get(reverse("skillmap:skill", args=[focused.pk])).content.decode()
    assert "Habit strength" in body and "current streak" in body and "session 3" in body
    chart_url = reverse("practice:strength-chart", args=[focused.pk])
    assert f'src="{chart_url}"' in body
    chart = owner_client.get(chart_url)
    assert chart["Content-Type"] == "image/svg+xml" and b"Habit strength" in chart.content


def test_outsider_cannot_see_the_chart(client, outsider, focused):
    client.force_login(outsider)
    assert client.get(reverse("practice:strength-chart", args=[focused.pk])).status_code == 404
