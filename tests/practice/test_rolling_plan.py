"""Issue 14 item 7: the plan starts today (7 days), its sessions can be ticked off, its .ics holds what is ahead."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from peoplecraft.practice import plans, selectors, services
from peoplecraft.practice.models import EntrySource, PracticeEntry

pytestmark = pytest.mark.django_db
SUNDAY = date(2026, 11, 29)


@pytest.fixture
def focused(owner, imported_guide, skill):
    chosen = [skill(imported_guide, "Active Listening"), skill(imported_guide, "Mediation")]
    services.focus_set(owner=owner, skills=chosen)
    return chosen


def _pin_today(monkeypatch, day: date) -> date:
    """``day`` is today for every ``timezone.localdate()`` without arguments."""
    real = timezone.localdate

    def localdate(value=None, timezone=None):
        return day if value is None else real(value, timezone)

    monkeypatch.setattr("django.utils.timezone.localdate", localdate)
    return day


@pytest.fixture
def on_sunday(monkeypatch):
    return _pin_today(monkeypatch, SUNDAY)


@pytest.fixture
def on_monday(monkeypatch):
    return _pin_today(monkeypatch, SUNDAY + timedelta(days=1))


def test_on_a_sunday_the_plan_is_the_next_seven_days_not_the_week_ending(owner, focused):
    plan = plans.rolling_plan(owner=owner, today=SUNDAY)
    days = {planned.day for planned in plan.sessions}
    assert (plan.start, plan.end) == (SUNDAY, SUNDAY + timedelta(days=6))
    assert days and min(days) >= SUNDAY and max(days) <= SUNDAY + timedelta(days=6)
    assert len(plan.sessions) == 6  # 3 sessions a week for each of 2 skills, whichever 7 days
    assert not any(planned.done for planned in plan.sessions)


def test_ticking_a_session_logs_it_once_and_unticking_undoes_it(owner, focused):
    today = timezone.localdate()
    first = plans.rolling_plan(owner=owner, today=today).sessions[0]
    entry = services.planned_session_tick(owner=owner, day=first.day, skill_id=first.skill_id, today=today)
    again = services.planned_session_tick(owner=owner, day=first.day, skill_id=first.skill_id, today=today)
    assert entry.pk == again.pk and PracticeEntry.objects.count() == 1
    assert (entry.source_ref, entry.situation, entry.occurred_on) == (first.key, first.session.title, today)
    assert entry.source == (EntrySource.EXERCISE if first.session.exercise_id else EntrySource.MANUAL)
    ticked = plans.rolling_plan(owner=owner, today=today).sessions[0]
    assert ticked.done and ticked.entry_id == entry.pk
    assert services.planned_session_untick(owner=owner, day=first.day, skill_id=first.skill_id) == 1
    assert not plans.rolling_plan(owner=owner, today=today).sessions[0].done and not PracticeEntry.objects.exists()


def test_a_session_that_is_not_planned_cannot_be_ticked(owner, focused, imported_guide, skill):
    today = timezone.localdate()
    plan = plans.rolling_plan(owner=owner, today=today)
    free_day = next(today + timedelta(days=n) for n in range(7) if not plan.on(today + timedelta(days=n)))
    with pytest.raises(services.PracticeError, match="No session"):
        services.planned_session_tick(owner=owner, day=free_day, skill_id=focused[0].pk, today=today)
    with pytest.raises(services.PracticeError, match="seven days"):
        services.planned_session_tick(owner=owner, day=today + timedelta(days=30), skill_id=focused[0].pk, today=today)
    assert not PracticeEntry.objects.exists()


def test_todays_sessions_carry_their_done_state(owner, focused):
    today = timezone.localdate()
    sessions = selectors.todays_sessions(owner, today)
    assert all(planned.day == today for planned in sessions)
    for planned in sessions:
        services.planned_session_tick(owner=owner, day=today, skill_id=planned.skill_id, today=today)
    assert all(planned.done for planned in selectors.todays_sessions(owner, today))


def test_the_plan_page_on_a_sunday_starts_today_and_ticks_without_javascript(owner_client, focused, on_sunday):
    page = owner_client.get(reverse("practice:plan")).content.decode()
    assert "Your plan: Sun 29 Nov – Sat 5 Dec 2026" in page and "Monday, 2026-11-23" not in page
    first = plans.rolling_plan(owner=focused[0].area.guide.owner, today=SUNDAY).sessions[0]
    url = reverse("practice:session-tick", args=[first.day.isoformat(), first.skill_id])
    response = owner_client.post(url, {"done": "1"})
    assert response.status_code == 302 and response["Location"] == reverse("practice:plan")
    page = owner_client.get(reverse("practice:plan")).content.decode()
    assert page.count("✓ Done") == 1 and "Undo" in page
    assert owner_client.post(url, {"done": "0"}).status_code == 302
    assert not PracticeEntry.objects.exists()


def test_ticking_with_htmx_returns_the_session_row(owner_client, focused, on_sunday):
    first = plans.rolling_plan(owner=focused[0].area.guide.owner, today=SUNDAY).sessions[0]
    url = reverse("practice:session-tick", args=[first.day.isoformat(), first.skill_id])
    response = owner_client.post(url, {"done": "1"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body and body.strip().startswith("<li")
    assert "✓ Done" in body and 'name="done" value="0"' in body and 'data-announce="Done: ' in body


def test_ticking_someone_elses_skill_or_a_bad_day_stores_nothing(owner_client, focused, outsider, on_sunday):
    from peoplecraft.skillmap.models import Skill

    foreign = Skill.objects.exclude(area__guide__owner=focused[0].area.guide.owner).first()
    skill_id = foreign.pk if foreign else 999_999
    response = owner_client.post(reverse("practice:session-tick", args=["2026-11-29", skill_id]), {"done": "1"})
    assert response.status_code == 302  # the plan page, with the problem as a message
    assert owner_client.post(reverse("practice:session-tick", args=["2026-02-30", focused[0].pk])).status_code == 404
    assert not PracticeEntry.objects.exists()


def test_the_calendar_export_holds_the_upcoming_sessions(owner_client, focused, on_sunday):
    body = owner_client.get(reverse("practice:plan-ics")).content
    starts = [event.decoded("dtstart") for event in Calendar.from_ical(body).walk("VEVENT")]
    assert len(starts) == 6 and min(starts) >= SUNDAY and max(starts) <= SUNDAY + timedelta(days=6)


def test_a_session_of_next_week_ticked_early_does_not_reshape_the_plan(owner, focused):
    before = plans.rolling_plan(owner=owner, today=SUNDAY)
    monday = next(planned for planned in before.sessions if planned.day > SUNDAY)
    services.planned_session_tick(owner=owner, day=monday.day, skill_id=monday.skill_id, today=SUNDAY)
    after = plans.rolling_plan(owner=owner, today=SUNDAY)
    assert [(p.day, p.skill_id) for p in after.sessions] == [(p.day, p.skill_id) for p in before.sessions]
    assert [p.done for p in after.sessions].count(True) == 1


def test_the_practice_today_page_ticks_off_todays_sessions_and_comes_back(owner_client, focused, on_monday):
    planned = plans.rolling_plan(owner=focused[0].area.guide.owner, today=on_monday, days=1).sessions
    assert planned  # Monday: Active Listening's first session of the week
    page = owner_client.get(reverse("practice:today")).content.decode()
    assert page.count("Mark done") == len(planned)
    url = reverse("practice:session-tick", args=[on_monday.isoformat(), planned[0].skill_id])
    response = owner_client.post(url, {"done": "1", "from": "today"})
    assert response.status_code == 302 and response["Location"] == reverse("practice:today")
    assert "✓ Done" in owner_client.get(reverse("practice:today")).content.decode()
