"""Weekly review page and chart, calendar download."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from peoplecraft.goals.models import Goal
from peoplecraft.journal import services as journal_services
from peoplecraft.skillmap.selectors import skill_find

pytestmark = pytest.mark.django_db


def test_review_shows_mood_slipping_goal_and_a_focus(owner_client, owner, make_goal, imported_guide):
    empathy = skill_find(guide=imported_guide, name="Empathy")
    goal = make_goal(title="Ask before advising", skill_id=empathy.pk)
    Goal.objects.filter(pk=goal.pk).update(created_at=timezone.now() - timedelta(days=60))
    journal_services.entry_create(
        owner=owner,
        data=journal_services.EntryInput(
            entry_date=timezone.localdate(), body="Hard week", mood=2, stress=8, skill_ids=[empathy.pk]
        ),
    )
    page = owner_client.get(reverse("goals:review")).content.decode()
    assert "slipping: 0% of an expected 50%" in page
    assert "Focus on Empathy: your goal “Ask before advising” is 50 points behind" in page
    assert reverse("goals:review_chart") in page and "<td>2.0</td>" in page and "<td>8.0</td>" in page


def test_review_of_another_week_and_a_bad_date(owner_client, owner):
    page = owner_client.get(reverse("goals:review"), {"week": "2025-03-05"}).content.decode()
    assert "3 Mar – 9 Mar 2025" in page
    response = owner_client.get(reverse("goals:review"), {"week": "2025-02-30"})
    assert response.status_code == 400 and "Enter a real date" in response.content.decode()


def test_review_chart_is_svg(owner_client, owner):
    journal_services.entry_create(
        owner=owner, data=journal_services.EntryInput(entry_date=date(2025, 3, 4), body="x", mood=4, stress=3)
    )
    response = owner_client.get(reverse("goals:review_chart"), {"week": "2025-03-05"})
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content and b"Mood and stress" in response.content


def test_calendar_download(owner_client, make_goal):
    make_goal()
    response = owner_client.get(reverse("goals:calendar"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VCALENDAR" in response.content and b"SUMMARY:Due: Ask before advising" in response.content


def test_outsider_sees_an_empty_calendar(client, outsider, make_goal):
    make_goal()
    client.force_login(outsider)
    assert b"Ask before advising" not in client.get(reverse("goals:calendar")).content


@pytest.mark.parametrize(("week", "bound"), [("9999-12-31", "2199-12-31"), ("0001-01-01", "1900-01-01")])
def test_review_of_a_week_at_the_end_of_the_calendar_is_a_form_error(owner_client, owner, week, bound):
    response = owner_client.get(reverse("goals:review"), {"week": week})
    assert response.status_code == 400 and bound in response.content.decode()
    assert owner_client.get(reverse("goals:review_chart"), {"week": week}).status_code == 200
