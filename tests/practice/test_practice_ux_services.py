"""Practice UX (issue 16 item 5): the habit calendar's month, undo of a card grade, daily reminders, alarms."""

from __future__ import annotations

import smtplib
from datetime import UTC, date, datetime, timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from peoplecraft.practice import calendar, month, plans, reminders, selectors, services
from peoplecraft.practice.models import CardReview, CardState, PracticeEntry, PracticeReminder

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


# --- habit calendar -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("2026-13", "01 to 12"),
        ("2026-00", "01 to 12"),
        ("26-03", "YYYY-MM"),
        ("2026-3", "YYYY-MM"),
        ("1999-12", "out of range"),
        ("2101-01", "out of range"),
        ("x" * 50, "YYYY-MM"),
    ],
)
def test_parse_month_refuses_what_is_not_a_month(text, why):
    with pytest.raises(ValueError, match=why):
        month.parse_month(text)


def test_month_navigation_stops_at_the_bounds():
    assert month.parse_month("2026-02") == date(2026, 2, 1)
    assert month.month_end(date(2028, 2, 1)) == date(2028, 2, 29)
    assert month.previous_month(date(2026, 1, 1)) == date(2025, 12, 1)
    assert month.next_month(date(2026, 12, 1)) == date(2027, 1, 1)
    assert month.previous_month(month.FIRST_MONTH) is None and month.next_month(month.LAST_MONTH) is None


def test_month_calendar_marks_the_days_of_that_month_only_in_one_query(owner, imported_guide, skill):
    mediation, listening = skill(imported_guide, "Mediation"), skill(imported_guide, "Active Listening")
    for day in (date(2026, 1, 31), date(2026, 2, 1), date(2026, 2, 28), date(2026, 3, 1)):
        services.practice_entry_log(owner=owner, skill=mediation, occurred_on=day, situation="s")
    services.practice_entry_log(
        owner=owner,
        skill=listening,
        occurred_on=date(2026, 2, 14),
        situation="s",
        source_ref=plans.session_key(date(2026, 2, 14), listening.pk),
    )
    with CaptureQueriesContext(connection) as queries:
        grids = dict(
            (s.name, g)
            for s, g in selectors.month_calendar(
                owner=owner, skills=[mediation, listening], first=date(2026, 2, 1), today=date(2026, 2, 14)
            )
        )
    assert len(queries) == 1
    cells = {c.day: c for week in grids["Mediation"].weeks for c in week if c}
    assert min(cells) == date(2026, 2, 1) and max(cells) == date(2026, 2, 28) and len(cells) == 28
    assert [d for d, c in sorted(cells.items()) if c.practised] == [date(2026, 2, 1), date(2026, 2, 28)]
    assert grids["Mediation"].practised_days == 2
    listened = {c.day: c for week in grids["Active Listening"].weeks for c in week if c}
    assert listened[date(2026, 2, 14)].planned_done and listened[date(2026, 2, 14)].is_today
    assert not cells[date(2026, 2, 1)].planned_done
    assert all(len(week) == 7 for week in grids["Mediation"].weeks)


def test_month_calendar_shows_nothing_of_another_learner(owner, outsider, imported_guide, skill):
    mediation = skill(imported_guide, "Mediation")
    services.practice_entry_log(owner=owner, skill=mediation, occurred_on=date(2026, 2, 3), situation="s")
    [(_skill, grid)] = selectors.month_calendar(owner=outsider, skills=[mediation], first=date(2026, 2, 1))
    assert grid.practised_days == 0


# --- undo of a card grade -----------------------------------------------------------------------


def _snapshot(card_id="mediation-1"):
    state = CardState.objects.get(card_id=card_id)
    return (state.fsrs, state.due, state.last_grade, state.reviews)


def test_undo_restores_the_exact_previous_state_and_removes_the_session(owner, imported_guide):
    services.card_grade(owner=owner, card_id="mediation-1", grade="good", now=NOW)
    before = _snapshot()
    entries = PracticeEntry.objects.count()
    services.card_grade(owner=owner, card_id="mediation-1", grade="easy", now=NOW + timedelta(days=3))
    assert _snapshot() != before and PracticeEntry.objects.count() == entries + 1
    undone = services.card_grade_undo(owner=owner)
    assert undone.grade == "easy"
    assert _snapshot() == before
    assert PracticeEntry.objects.count() == entries
    assert list(CardReview.objects.values_list("grade", flat=True)) == ["good"]
    # the card is graded again from exactly where it was: the same result as without the undone grade
    again = services.card_grade(owner=owner, card_id="mediation-1", grade="hard", now=NOW + timedelta(days=3))
    fresh_owner_state = _snapshot()
    assert again.reviews == 2 and fresh_owner_state[2] == "hard"


def test_undo_of_a_first_grade_makes_the_card_new_again(owner, imported_guide):
    services.card_grade(owner=owner, card_id="mediation-1", grade="missed", now=NOW)
    assert PracticeEntry.objects.count() == 0  # missed logs no session
    assert services.card_grade_undo(owner=owner).grade == "missed"
    assert not CardState.objects.exists() and not CardReview.objects.exists()
    assert services.card_grade_undo(owner=owner) is None  # nothing left to undo


def test_undo_touches_only_the_learners_own_grades(owner, outsider, imported_guide):
    services.card_grade(owner=owner, card_id="mediation-1", grade="good", now=NOW)
    assert services.card_grade_undo(owner=outsider) is None
    assert CardReview.objects.count() == 1


# --- reminders ----------------------------------------------------------------------------------


def _days_with_sessions(owner) -> list[date]:
    start = date(2026, 3, 9)
    days = [start + timedelta(days=n) for n in range(14)]
    return [day for day in days if plans.rolling_plan(owner=owner, today=day, days=1).sessions]


def _day_with_sessions(owner) -> date:
    return _days_with_sessions(owner)[0]


@pytest.fixture
def reminded(owner, imported_guide, skill):
    owner.email = "learner@example.org"
    owner.save(update_fields=["email"])
    services.focus_set(owner=owner, skills=[skill(imported_guide, "Mediation")])
    services.reminder_set(owner=owner, enabled=True)
    return owner


def test_a_reminder_is_sent_once_a_day_however_often_it_runs(reminded):
    day = _day_with_sessions(reminded)
    first = reminders.send_reminders(today=day)
    second = reminders.send_reminders(today=day)
    assert (first.sent, second.sent) == (1, 0)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["learner@example.org"] and "Mediation" in message.body and day.isoformat() in message.body
    assert PracticeReminder.objects.get(owner=reminded).sent_on == day
    later = _days_with_sessions(reminded)[1]
    assert reminders.send_reminders(today=later).sent == 1  # a later day gets its own reminder
    assert len(mail.outbox) == 2


def test_no_reminder_when_opted_out_or_without_an_address(reminded):
    day = _day_with_sessions(reminded)
    services.reminder_set(owner=reminded, enabled=False)
    assert reminders.send_reminders(today=day).sent == 0
    services.reminder_set(owner=reminded, enabled=True)
    reminded.email = ""
    reminded.save(update_fields=["email"])
    assert reminders.send_reminders(today=day).sent == 0
    assert mail.outbox == []


def test_a_refused_reminder_is_given_back_and_sent_on_the_next_run(reminded, monkeypatch):
    day = _day_with_sessions(reminded)

    def refuse(self, fail_silently=False):
        raise smtplib.SMTPServerDisconnected("gone")

    with monkeypatch.context() as patched:
        patched.setattr("django.core.mail.EmailMessage.send", refuse)
        assert reminders.send_reminders(today=day).failed == 1
    assert PracticeReminder.objects.get(owner=reminded).sent_on is None
    assert reminders.send_reminders(today=day).sent == 1


@pytest.mark.django_db(transaction=True)
def test_reminders_are_sent_outside_a_transaction(reminded, monkeypatch):
    from django.db import transaction

    day = _day_with_sessions(reminded)
    seen = []
    original = reminders.EmailMessage.send

    def spy(self, fail_silently=False):
        seen.append(transaction.get_connection().in_atomic_block)
        return original(self, fail_silently=fail_silently)

    monkeypatch.setattr(reminders.EmailMessage, "send", spy)
    reminders.send_reminders(today=day)
    assert seen == [False]  # the claim is committed before the e-mail leaves


# --- calendar alarms ----------------------------------------------------------------------------


def test_every_exported_session_has_an_alarm(owner, imported_guide, skill):
    services.focus_set(owner=owner, skills=[skill(imported_guide, "Mediation"), skill(imported_guide, "Empathy")])
    plan = plans.rolling_plan(owner=owner, today=date(2026, 3, 9)).as_week_plan()
    parsed = Calendar.from_ical(calendar.plan_calendar(plan, lookup=selectors.exercise_get, stamp=NOW))
    events = parsed.walk("VEVENT")
    assert events
    for event in events:
        alarms = event.walk("VALARM")
        assert len(alarms) == 1
        assert alarms[0]["action"] == "DISPLAY"
        assert alarms[0].decoded("trigger") == -timedelta(minutes=15)


def test_the_worker_task_sends_the_days_reminders_once(reminded):
    from peoplecraft.practice.tasks import send_practice_reminders

    day = _day_with_sessions(reminded).isoformat()
    send_practice_reminders.call(day)
    send_practice_reminders.call(day)
    assert len(mail.outbox) == 1
