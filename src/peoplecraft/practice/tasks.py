"""Background tasks of practice (django-tasks, database backend; run by ``peoplecraft worker``)."""

from __future__ import annotations

from datetime import date

from django_tasks import task


@task()
def send_practice_reminders(day: str) -> None:
    """Send the day's practice reminders (idempotent: each learner gets at most one a day)."""
    from peoplecraft.practice.reminders import send_reminders

    send_reminders(today=date.fromisoformat(day))
