"""Rater e-mails leave the database transaction: a slow or dead mail server never holds the write lock.

An SMTP server that takes 0.6 s per message used to keep SQLite's write lock for the whole
``feedback create`` (7.5 s for a dozen raters), and anything saved meanwhile failed with
"database is locked". Now the services write rows only, then send after the commit:

- An invitation to e-mail is stored with ``mail_due_at`` set and a token nobody holds. The sender
  *claims* it (one short transaction: a fresh token, ``mail_due_at`` pushed ``CLAIM`` ahead, so a
  concurrent sender skips it), sends the e-mail with the new link outside any transaction, then
  clears ``mail_due_at``. The link exists only in memory and in the e-mail, never at rest.
- A failed send puts ``mail_due_at`` back to now: nothing is lost. It is retried by the next
  ``send_due_mail`` (``peoplecraft feedback remind``, run daily) or the learner's "Send again",
  each time with a new link, so no rater ever holds two working links.
- Reminders are recorded per invitee (``reminded_for``) after each successful send, so a failure
  half-way re-sends only to those not yet reminded.

A message can be sent twice only if the process dies between the SMTP server's acceptance and the
one-row update that follows; the earlier link is then already dead. ``mail_due_at`` says nothing
about what a rater did (only whether our mail server took the message), so it is safe to show.
"""

from __future__ import annotations

import contextlib
import logging
import smtplib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone

from peoplecraft.feedback.mail import moment_mail, rater_mail, reminder_mail
from peoplecraft.feedback.models import Delivery, FeedbackRequest, Invitation, MomentInvitation, MomentRequest
from peoplecraft.feedback.tokens import rater_url, token_new

CLAIM = timedelta(minutes=5)  # longer than any send; a crashed sender's claim expires after it
LOCAL_BASE_URL = "http://127.0.0.1:8000"
MAIL_ERRORS = (smtplib.SMTPException, OSError)
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MailReport:
    sent: int = 0
    failed: int = 0

    def __add__(self, other: MailReport) -> MailReport:
        return MailReport(self.sent + other.sent, self.failed + other.failed)


def unusable_token_hash() -> str:
    """The hash to store until the e-mail is sent: nobody holds its token (it is dropped here)."""
    return token_new()[1]


def request_mail_send(feedback_request: FeedbackRequest) -> MailReport:
    """Send the request's due invitation e-mails (call outside a transaction)."""
    if feedback_request.delivery != Delivery.EMAIL or not feedback_request.is_open():
        return MailReport()
    due = Invitation.objects.filter(request=feedback_request, mail_due_at__lte=timezone.now())
    return _send_claimed(
        Invitation,
        due.values_list("pk", "email"),
        lambda email, url: rater_mail(feedback_request, email, url),
        feedback_request.link_base_url or LOCAL_BASE_URL,
    )


def moment_mail_send(moment: MomentRequest) -> MailReport:
    """Send the moment's due e-mails (call outside a transaction)."""
    if not moment.is_open():
        return MailReport()
    due = MomentInvitation.objects.filter(moment=moment, mail_due_at__lte=timezone.now())
    return _send_claimed(
        MomentInvitation,
        due.values_list("pk", "email"),
        lambda email, url: moment_mail(moment, email, url),
        moment.link_base_url or LOCAL_BASE_URL,
    )


def send_due_mail() -> MailReport:
    """Retry every invitation e-mail that is due, for every open request and moment."""
    now = timezone.now()
    report = MailReport()
    requests = FeedbackRequest.objects.select_related("owner").filter(
        closed_at=None, delivery=Delivery.EMAIL, invitations__mail_due_at__lte=now
    )
    for feedback_request in requests.distinct():
        report += request_mail_send(feedback_request)
    moments = MomentRequest.objects.select_related("owner").filter(closed_at=None, invitations__mail_due_at__lte=now)
    for moment in moments.distinct():
        report += moment_mail_send(moment)
    return report


def mail_waiting_message(count: int) -> str:
    """What the learner is told when e-mails could not be sent (views and CLI say the same)."""
    return (
        f"{count} e-mail(s) to raters could not be sent yet: the mail server did not accept them. Nothing is "
        "lost: 'peoplecraft feedback remind' (run daily) tries again, and \"Send again\" on the request's page "
        "tries at once."
    )


def reminders_mail(feedback_request: FeedbackRequest, point: date) -> MailReport:
    """Remind every invitee not yet reminded for ``point``; each success is recorded at once."""
    invitees = Invitation.objects.filter(request=feedback_request).exclude(reminded_for=point)
    sent = failed = 0
    connection = get_connection()
    try:
        for pk, email in list(invitees.values_list("pk", "email")):
            if not _send(reminder_mail(feedback_request, email), connection):
                failed += 1
                continue
            Invitation.objects.filter(pk=pk).update(reminded_for=point)
            sent += 1
    finally:
        _close(connection)
    return MailReport(sent, failed)


def _send_claimed(
    model: type[Invitation] | type[MomentInvitation],
    due: Iterable[tuple[int, str]],
    message_for: Callable[[str, str], EmailMessage],
    base_url: str,
) -> MailReport:
    sent = failed = 0
    connection = get_connection()  # one connection for all the messages, opened on the first send
    try:
        for pk, email in list(due):
            raw = _claim(model, pk)
            if raw is None:
                continue  # another sender has it, or it was sent meanwhile
            if _send(message_for(email, rater_url(base_url, raw)), connection):
                model.objects.filter(pk=pk).update(mail_due_at=None)
                sent += 1
            else:
                model.objects.filter(pk=pk).update(mail_due_at=timezone.now())
                failed += 1
    finally:
        _close(connection)
    return MailReport(sent, failed)


def _claim(model: type[Invitation] | type[MomentInvitation], pk: int) -> str | None:
    raw, hashed = token_new()
    now = timezone.now()
    with transaction.atomic():
        claimed = model.objects.filter(pk=pk, mail_due_at__lte=now).update(token_hash=hashed, mail_due_at=now + CLAIM)
    return raw if claimed else None


def _send(message: EmailMessage, connection) -> bool:
    message.connection = connection
    try:
        message.send(fail_silently=False)
    except MAIL_ERRORS as error:
        # No recipient, subject or link in the log: only that the mail server refused or was away.
        log.warning("a rater e-mail could not be sent (%s); it will be tried again", type(error).__name__)
        _close(connection)  # the next message opens a fresh connection
        return False
    return True


def _close(connection) -> None:
    with contextlib.suppress(*MAIL_ERRORS):  # a connection that broke while sending cannot close politely
        connection.close()
