"""Reminder e-mails, N days before the deadline, to every invitee of a request.

Who has answered is not stored anywhere Peoplecraft can read (see :mod:`sealed`), so a reminder
goes to everyone, worded for both ("if you have already answered, thank you"), without a link:
links are not stored, and a new one would cut the rater off from their draft. Only requests whose
links Peoplecraft e-mails get reminders (the learner passes on the others).

``reminders_enqueue`` (run daily by ``peoplecraft feedback remind``) queues one task per request
that has a reminder due; the task worker (``peoplecraft worker``) runs :func:`reminders_send`.
A unique row per (request, schedule point) makes sending idempotent: running the command or the
task twice sends nothing twice.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from peoplecraft.feedback.mail import reminder_mail
from peoplecraft.feedback.models import Delivery, FeedbackRequest, Invitation, ReminderSent

LOCAL_BASE_URL = "http://127.0.0.1:8000"


def reminder_point(feedback_request: FeedbackRequest) -> date:
    return feedback_request.deadline - timedelta(days=feedback_request.reminder_days)


def _due_requests(today: date) -> list[FeedbackRequest]:
    candidates = FeedbackRequest.objects.filter(closed_at__isnull=True, deadline__gte=today, delivery=Delivery.EMAIL)
    due = []
    for feedback_request in candidates:
        point = reminder_point(feedback_request)
        if point > today or ReminderSent.objects.filter(request=feedback_request, point=point).exists():
            continue
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
    """Remind every invitee of the request, once for ``point`` (all of them, or none if a mail fails)."""
    feedback_request = FeedbackRequest.objects.select_related("owner").filter(pk=request_id).first()
    if feedback_request is None or not feedback_request.is_open() or feedback_request.delivery != Delivery.EMAIL:
        return
    try:
        with transaction.atomic():
            ReminderSent.objects.create(request=feedback_request, point=point)
            emails = Invitation.objects.filter(request=feedback_request).values_list("email", flat=True)
            for email in emails:
                reminder_mail(feedback_request, email).send(fail_silently=False)
    except IntegrityError:
        return  # already reminded for this point
