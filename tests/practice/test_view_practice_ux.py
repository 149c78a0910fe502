"""The habit calendar, the card review queue and the reminder opt-in, through the Django test client."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from peoplecraft.practice import services
from peoplecraft.practice.models import CardReview, CardState, PracticeEntry, PracticeReminder

pytestmark = pytest.mark.django_db


@pytest.fixture
def focused(owner, imported_guide, skill):
    services.focus_set(owner=owner, skills=[skill(imported_guide, "Mediation")])
    return skill(imported_guide, "Mediation")


def test_calendar_shows_a_month_table_with_text_in_each_practised_day(owner_client, owner, focused):
    day = timezone.localdate()
    services.practice_entry_log(owner=owner, skill=focused, occurred_on=day, situation="s")
    body = owner_client.get(reverse("practice:calendar")).content.decode()
    assert "<caption>" in body and "practised on 1 day" in body
    assert body.count('<th scope="col">') == 7
    assert 'aria-current="date"' in body and ">practised</span>" in body and "not practised" in body
    assert f"?month={(day.replace(day=1) - timedelta(days=1)).strftime('%Y-%m')}" in body


def test_calendar_of_another_month_and_its_navigation(owner_client, owner, focused):
    services.practice_entry_log(owner=owner, skill=focused, occurred_on=date(2025, 2, 10), situation="s")
    body = owner_client.get(reverse("practice:calendar"), {"month": "2025-02"}).content.decode()
    assert "February 2025" in body and "practised on 1 day" in body
    assert "?month=2025-01" in body and "?month=2025-03" in body


@pytest.mark.parametrize("bad", ["2025-13", "soon", "1999-12", "2025-1"])
def test_a_bad_month_is_400_with_the_reason(owner_client, focused, bad):
    response = owner_client.get(reverse("practice:calendar"), {"month": bad})
    assert response.status_code == 400
    body = response.content.decode()
    assert f"“{bad}”" in body and 'role="alert"' in body and "Showing this month instead" in body


def test_review_queue_grades_one_card_then_shows_the_next_and_undoes(owner_client, owner, focused):
    page = owner_client.get(reverse("practice:review")).content.decode()
    assert "1 card left" in page and 'name="card" value="mediation-1"' in page
    assert 'data-key="1"' in page and 'id="review-keys" hidden' in page and "card-review.js" in page
    assert "Undo the last grade" not in page
    response = owner_client.post(reverse("practice:review-grade"), {"card": "mediation-1", "grade": "good"})
    assert response.status_code == 302 and response["Location"] == reverse("practice:review")
    page = owner_client.get(reverse("practice:review")).content.decode()
    assert "0 cards left" in page and "Undo the last grade" in page and "Graded good" in page
    assert CardState.objects.count() == 1 and PracticeEntry.objects.count() == 1
    response = owner_client.post(reverse("practice:review-undo"))
    assert response.status_code == 302
    assert not CardState.objects.exists() and not CardReview.objects.exists() and not PracticeEntry.objects.exists()
    page = owner_client.get(reverse("practice:review")).content.decode()
    assert "1 card left" in page and "the card is back as it was" in page


def test_review_bad_grade_or_card_is_400_and_stores_nothing(owner_client, focused):
    bad_grade = owner_client.post(reverse("practice:review-grade"), {"card": "mediation-1", "grade": "great"})
    bad_card = owner_client.post(reverse("practice:review-grade"), {"card": "nope", "grade": "good"})
    assert (bad_grade.status_code, bad_card.status_code) == (400, 400)
    assert "Grade it missed, hard, good or easy." in bad_grade.content.decode()
    assert "No practice card" in bad_card.content.decode()
    assert not CardState.objects.exists()


def test_undo_with_nothing_to_undo_says_so(owner_client, focused):
    owner_client.post(reverse("practice:review-undo"))
    assert "There is no grade to undo." in owner_client.get(reverse("practice:review")).content.decode()


def test_reminders_opt_in_and_out_from_settings(owner_client, owner):
    settings_page = owner_client.get(reverse("accounts:settings")).content.decode()
    assert "Turn practice reminders on" in settings_page
    owner_client.post(reverse("practice:reminders"), {"enabled": "1"})
    assert PracticeReminder.objects.get(owner=owner).enabled
    assert "Turn practice reminders off" in owner_client.get(reverse("accounts:settings")).content.decode()
    owner_client.post(reverse("practice:reminders"), {"enabled": "0"})
    assert not PracticeReminder.objects.get(owner=owner).enabled
    assert owner_client.get(reverse("practice:reminders")).status_code == 302


def test_pages_need_sign_in(client):
    for name in ("practice:calendar", "practice:review"):
        assert client.get(reverse(name)).status_code == 302


def test_calendar_and_queue_queries_do_not_grow_with_focus_skills(
    owner_client, owner, imported_guide, skill, django_assert_max_num_queries
):
    names = ("Mediation", "Empathy", "Active Listening")
    services.focus_set(owner=owner, skills=[skill(imported_guide, name) for name in names])
    for name in names:
        services.practice_entry_log(owner=owner, skill=name, occurred_on=timezone.localdate(), situation="s")
    services.card_grade(owner=owner, card_id="mediation-1", grade="good")
    owner_client.get(reverse("practice:calendar"))  # warm the session and content caches
    with django_assert_max_num_queries(4):  # session, user, focus, the month's practice: one query
        owner_client.get(reverse("practice:calendar"))
    with django_assert_max_num_queries(5):
        owner_client.get(reverse("practice:review"))
