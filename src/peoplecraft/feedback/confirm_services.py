"""Practice confirmations (issue 16, "rehearse -> try -> ask"): the other person confirms one practice.

A confirmation is a :class:`MomentRequest` with ``practice_entry_id`` set: the same tokens, the same
public link under ``/r/<token>/``, the same spent markers and the same e-mail delivery after the
commit (:mod:`delivery`). Its question is the exercise's ``ask`` (or one built from its first success
criterion) and the rater answers Yes / Not really / Not sure, with an optional comment. The learner
chooses one of two modes:

- **attributed**: the rater page says plainly that the learner will read this answer and that it is
  about this one interaction; the answer is stored as an :class:`AttributedConfirmation` of that
  moment and shows on the practice entry ("confirmed by the other person" / "not confirmed").
- **pooled**: the answer is a micro-feedback answer like any other -- sealed into the skill's
  :class:`MomentPool` (Yes = 5, Not sure = 3, Not really = 1 on the pool's 1..5 scale), released only
  in batches under the pool's thresholds, with no link to the moment or the entry. Nothing about it
  is ever shown per entry, so a pooled confirmation never makes an entry "confirmed".
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peoplecraft.feedback import moment_services, sealed
from peoplecraft.feedback.models import AttributedConfirmation, ConfirmationAnswer, MomentRequest, SpentMarker
from peoplecraft.feedback.moment_services import MomentClosed, MomentLink
from peoplecraft.feedback.selectors import moment_invitation_by_token, moment_invitation_usable
from peoplecraft.feedback.services import FeedbackError
from peoplecraft.practice import selectors as practice_selectors
from peoplecraft.practice import services as practice_services

EXPIRES_DAYS = 7
MAX_COMMENT = 500
# Where a pooled yes/no answer sits on the pool's 1..5 scale.
POOLED_RATING = {ConfirmationAnswer.YES: 5, ConfirmationAnswer.NOT_SURE: 3, ConfirmationAnswer.NOT_REALLY: 1}


def confirmation_question(entry) -> str:
    """The exercise's ``ask`` (see :func:`peoplecraft.practice.selectors.ask_question`)."""
    exercise = practice_selectors.exercise_get(entry.exercise_id) if entry.exercise_id else None
    return practice_selectors.ask_question(exercise, entry.skill.name)


def confirmation_create(
    *, owner, entry_id: int, base_url: str, attributed: bool, email: str = ""
) -> tuple[MomentRequest, MomentLink]:
    """Ask the other person to confirm one of the owner's practice entries (404 if not theirs).

    With ``email`` Peoplecraft e-mails the link (only when e-mail delivers); without it the link is
    returned to be passed on, and shown once."""
    entry = practice_selectors.entry_get(owner=owner, entry_id=entry_id)
    question = confirmation_question(entry)[: moment_services.MAX_QUESTION]
    emails = [email] if email.strip() else []
    moment, links = moment_services.moment_create(
        owner=owner,
        skill=entry.skill,
        base_url=base_url,
        question=question,
        emails=emails,
        links=0 if emails else 1,
        expires_days=EXPIRES_DAYS,
        practice_entry_id=entry.pk,
        attributed=attributed,
    )
    return moment, links[0]


def parse_answer(value: str | None) -> ConfirmationAnswer:
    try:
        return ConfirmationAnswer(value or "")
    except ValueError:
        raise FeedbackError(_("Choose Yes, Not really or Not sure.")) from None


def confirmation_answer(*, raw_token: str, answer: str | None, comment: str = "") -> None:
    """The rater's answer: attributed, kept with the moment; pooled, sealed into the skill's pool."""
    choice = parse_answer(answer)
    if len(comment) > MAX_COMMENT:
        raise FeedbackError(_("The comment is longer than %(n)d characters.") % {"n": MAX_COMMENT})
    invitation = moment_invitation_by_token(raw_token=raw_token)
    if not moment_invitation_usable(invitation) or not invitation.moment.is_confirmation:
        raise MomentClosed
    if not invitation.moment.attributed:
        moment_services.moment_answer(raw_token=raw_token, rating=POOLED_RATING[choice], comment=comment)
        return
    with transaction.atomic():
        moment = MomentRequest.objects.select_for_update().get(pk=invitation.moment_id)
        if not moment.is_open():
            raise MomentClosed
        try:
            with transaction.atomic():
                SpentMarker.objects.create(marker=sealed.moment_spent_marker(invitation.pk), moment=moment)
                AttributedConfirmation.objects.create(
                    moment=moment, answer=choice, comment=comment.strip(), received_on=timezone.localdate()
                )
        except IntegrityError:
            raise MomentClosed from None
        if choice == ConfirmationAnswer.YES:
            practice_services.entry_confirmed(entry_id=moment.practice_entry_id)
