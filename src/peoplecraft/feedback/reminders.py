"""Reminder e-mails, N days before the deadline, to every invitee of a request.

Who has answered is not stored anywhere Peoplecraft can read (see :mod:`sealed`), so a reminder
goes to everyone, worded for both ("if you have already answered, thank you"), without a link:
links are not stored, and a new one would cut the rater off from their draft. Only requests whose
links Peoplecraft e-mails get reminders (the learner passes on the others).

``reminders_enqueue`` (run daily by ``peoplecraft feedback remind``) queues one task per request
that has a reminder due; the task worker (``peoplecraft worker``) runs :func:`reminders_send`.
Each invitee's reminder is recorded (``Invitation.reminded_for``) as soon as the mail server
accepts it, so running the command or the task twice sends nothing twice, and a mail server that
fails half-way costs only a later run (see :mod:`delivery`).
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from peoplecraft.feedback.delivery import reminders_mail
from peoplecraft.feedback.models import Delivery, FeedbackRequest, Invitation, ReminderSent


def reminder_point(feedback_request: FeedbackRequest) -> date:
    return feedback_request.deadline - timedelta(days=feedback_request.reminder_days)


def _due_requests(today: date) -> list[FeedbackRequest]:
    """Open e-mail requests past their reminder point with an invitee not yet reminded for it."""
    candidates = FeedbackRequest.objects.filter(closed_at__isnull=True, deadline__gte=today, delivery=Delivery.EMAIL)
    due = []
    for feedback_request in candidates:
        point = reminder_point(feedback_request)
        if point > today:
            continue
        waiting = Invitation.objects.filter(request=feedback_request).exclude(reminded_for=point)
        if waiting.exists():
            due.append(feedback_request)
    return due


def reminders_enqueue(*, today: date | None = None) -> int:
    """Queue a reminder task for every request with reminders due; returns how many were queued."""
    from peoplecraft.feedback.tasks import send_reminders

    today = today or timezone.localdate()
    due = _due_requests(today)
    for feedback_request in due:
        send_reminders.enqueue(feedback_request.pk, reminder_point(feedback_request).isoformat())
    return len(due)


def reminders_send(*, request_id: int, point: date) -> None:
    """Remind every invitee of the request once for ``point``; whoever a failure skipped gets it next run.

    The e-mails go outside any transaction (see :mod:`delivery`); each invitee's reminder is
    recorded as soon as the mail server accepts it, so running this twice sends nothing twice."""
    feedback_request = FeedbackRequest.objects.select_related("owner").filter(pk=request_id).first()
    if feedback_request is None or not feedback_request.is_open() or feedback_request.delivery != Delivery.EMAIL:
        return
    with transaction.atomic():
        ReminderSent.objects.get_or_create(request=feedback_request, point=point)
    reminders_mail(feedback_request, point)
