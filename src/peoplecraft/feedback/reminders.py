"""Reminder e-mails to raters who have not answered, N days before the deadline.

``reminders_enqueue`` (run daily by ``peoplecraft feedback remind``) queues one task per request
that has a reminder due; the task worker (``peoplecraft worker``) runs :func:`reminders_send`.
Task arguments name the request only, never an invitation, so the task queue (and the admin that
lists it) says nothing about who has not answered. A unique row per (invitation, schedule point)
makes sending idempotent: running the command or the task twice sends nothing twice.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from peoplecraft.feedback.mail import rater_mail
from peoplecraft.feedback.models import FeedbackRequest, Invitation, InvitationState, ReminderSent
from peoplecraft.feedback.tokens import rater_url, token_new

LOCAL_BASE_URL = "http://127.0.0.1:8000"


def reminder_point(feedback_request: FeedbackRequest) -> date:
    return feedback_request.deadline - timedelta(days=feedback_request.reminder_days)


def _due_requests(today: date) -> list[FeedbackRequest]:
    candidates = FeedbackRequest.objects.filter(closed_at__isnull=True, deadline__gte=today)
    due = []
    for feedback_request in candidates:
        point = reminder_point(feedback_request)
        if point > today:
            continue
        waiting = Invitation.objects.filter(request=feedback_request, state=InvitationState.OPEN).exclude(
            pk__in=ReminderSent.objects.filter(point=point).values("invitation_id")
        )
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


def reminders_send(*, request_id: int, point: date, base_url: str | None = None) -> None:
    """Remind each rater of the request who has not answered, at most once for ``point``.

    A reminder carries a new link (only hashes are stored, so the old one cannot be re-sent); the
    old link stops working and any draft stays with the invitation.
    """
    base_url = base_url or settings.BASE_URL or LOCAL_BASE_URL
    feedback_request = FeedbackRequest.objects.select_related("owner").filter(pk=request_id).first()
    if feedback_request is None or not feedback_request.is_open():
        return
    for invitation_id in Invitation.objects.filter(request=feedback_request, state=InvitationState.OPEN).values_list(
        "pk", flat=True
    ):
        _remind_one(feedback_request, invitation_id, point, base_url)


def _remind_one(feedback_request: FeedbackRequest, invitation_id: int, point: date, base_url: str) -> None:
    raw, hashed = token_new()
    try:
        with transaction.atomic():
            ReminderSent.objects.create(invitation_id=invitation_id, point=point)
            updated = Invitation.objects.filter(pk=invitation_id, state=InvitationState.OPEN).update(token_hash=hashed)
            if not updated:
                raise _Answered
            email = Invitation.objects.values_list("email", flat=True).get(pk=invitation_id)
            rater_mail(feedback_request, email, rater_url(base_url, raw), reminder=True).send(fail_silently=False)
    except (IntegrityError, _Answered):
        return  # already reminded for this point, or answered meanwhile


class _Answered(Exception):
    pass
