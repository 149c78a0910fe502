"""The daily practice reminder: one e-mail a day with today's planned sessions, for learners who opt in.

Sent by ``peoplecraft practice remind`` (run daily, e.g. from cron next to ``feedback remind``).
It follows the pattern of :mod:`peoplecraft.feedback.delivery`: the database is written in short
transactions only and the e-mail leaves outside any transaction, so a slow mail server never holds
the write lock. Per learner the sender first *claims* the day (``sent_on = today``, a one-row
conditional update, so a concurrent sender skips that learner), then sends; a refused send gives
the claim back, and the next run tries again. A learner therefore gets at most one reminder a day.
Learners with nothing planned today, or without an e-mail address, get none.
"""

from __future__ import annotations

import contextlib
import logging
import smtplib
from dataclasses import dataclass
from datetime import date

from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from peoplecraft.practice.models import PracticeReminder

MAIL_ERRORS = (smtplib.SMTPException, OSError)
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RemindReport:
    sent: int = 0
    failed: int = 0
    skipped: int = 0  # opted in, but nothing planned today, no e-mail address, or already reminded


def reminder_message(user, sessions: list, day: date) -> EmailMessage:
    """The e-mail: today's sessions, each with its minutes, and whether it is already done."""
    lines = [_("Your practice for %(day)s:") % {"day": day.isoformat()}, ""]
    for planned in sessions:
        mark = _("done") if planned.done else _("to do")
        session = planned.session
        lines.append(f"- {session.skill}: {session.title} ({session.minutes} min, {mark})")
    lines += [
        "",
        _("Tick a session off on the Practice page once you have done it."),
        _(
            "You get this because you turned on practice reminders; turn them off in Settings or with "
            "'peoplecraft practice remind --off'."
        ),
    ]
    subject = _("Today's practice: %(n)s session(s)") % {"n": len(sessions)}
    return EmailMessage(subject=subject, body="\n".join(lines) + "\n", to=[user.email])


def _claim(reminder_id: int, day: date) -> bool:
    with transaction.atomic():
        claimed = (
            PracticeReminder.objects.filter(pk=reminder_id, enabled=True)
            .filter(Q(sent_on=None) | Q(sent_on__lt=day))
            .update(sent_on=day)
        )
    return bool(claimed)


def _give_back(reminder_id: int, day: date, previous: date | None) -> None:
    with transaction.atomic():
        PracticeReminder.objects.filter(pk=reminder_id, sent_on=day).update(sent_on=previous)


def send_reminders(today: date | None = None) -> RemindReport:
    """Send today's reminder to every learner who opted in and has not had it yet (call outside a transaction)."""
    from peoplecraft.practice.selectors import todays_sessions

    day = today or timezone.localdate()
    due = PracticeReminder.objects.filter(enabled=True).filter(Q(sent_on=None) | Q(sent_on__lt=day))
    sent = failed = skipped = 0
    connection = get_connection()
    try:
        for reminder in list(due.select_related("owner")):
            user = reminder.owner
            sessions = todays_sessions(user, today=day) if user.is_active and user.email else []
            if not sessions or not _claim(reminder.pk, day):
                skipped += 1
                continue
            message = reminder_message(user, sessions, day)
            message.connection = connection
            try:
                message.send(fail_silently=False)
            except MAIL_ERRORS as error:
                log.warning("a practice reminder could not be sent (%s); it will be tried again", type(error).__name__)
                _give_back(reminder.pk, day, reminder.sent_on)
                with contextlib.suppress(*MAIL_ERRORS):
                    connection.close()
                failed += 1
                continue
            sent += 1
    finally:
        with contextlib.suppress(*MAIL_ERRORS):
            connection.close()
    return RemindReport(sent, failed, skipped)
