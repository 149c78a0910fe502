"""Background tasks (django-tasks, database backend; run by ``peoplecraft worker``)."""

from __future__ import annotations

from datetime import date

from django_tasks import task


@task()
def send_reminders(request_id: int, point: str) -> None:
    """Send the due reminders of one request. Returns nothing: a count would tell who has not answered."""
    from peoplecraft.feedback.reminders import reminders_send

    reminders_send(request_id=request_id, point=date.fromisoformat(point))
