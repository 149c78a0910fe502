"""Every write a rater makes: keep a draft, answer once, or decline. Raters have no account.

Answering spends the invitation and stores the response in one transaction; the response keeps
no link to the invitation. A token answers exactly once: the invitation is taken with a single
conditional UPDATE (``state='open'`` → ``'answered'``), which only one of any number of
concurrent submissions can win.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peoplecraft.feedback.aggregation import QUESTIONS
from peoplecraft.feedback.models import FeedbackRequest, Invitation, InvitationState, RaterResponse
from peoplecraft.feedback.services import FeedbackError, release_if_due

MAX_COMMENT = 2000


class InvitationClosed(Exception):
    """The link no longer works: answered, declined, past the deadline or closed."""


def _check(feedback_request: FeedbackRequest, ratings: Mapping[str, int | None], comments: Mapping[str, str]) -> dict:
    known = set(feedback_request.item_ids)
    problems = [_("%(i)r is not a statement of this request") % {"i": item} for item in ratings if item not in known]
    problems += [
        _("%(i)s: %(v)r is not on the scale 1..5") % {"i": item, "v": value}
        for item, value in ratings.items()
        if value is not None and (type(value) is not int or not 1 <= value <= 5)
    ]
    problems += [_("unknown question %(q)r") % {"q": q} for q in comments if q not in QUESTIONS]
    problems += [
        _("the answer to “%(q)s” is longer than %(n)d characters") % {"q": q, "n": MAX_COMMENT}
        for q, text in comments.items()
        if len(text) > MAX_COMMENT
    ]
    if problems:
        raise FeedbackError(problems)
    return {q: text.strip() for q, text in comments.items() if text.strip()}


def _open_invitation(invitation_id: int) -> Invitation:
    invitation = Invitation.objects.select_related("request").filter(pk=invitation_id).first()
    if invitation is None or invitation.state != InvitationState.OPEN or not invitation.request.is_open():
        raise InvitationClosed
    return invitation


def draft_save(*, invitation_id: int, ratings: Mapping[str, int | None], comments: Mapping[str, str]) -> None:
    """Keep unfinished answers with the invitation (deleted when the answer is stored)."""
    invitation = _open_invitation(invitation_id)
    clean = _check(invitation.request, ratings, comments)
    with transaction.atomic():
        updated = Invitation.objects.filter(pk=invitation.pk, state=InvitationState.OPEN).update(
            draft={"ratings": dict(ratings), "comments": clean}
        )
    if not updated:
        raise InvitationClosed


def response_submit(*, invitation_id: int, ratings: Mapping[str, int | None], comments: Mapping[str, str]) -> None:
    """Store the rater's answer and spend the invitation, atomically; then release a batch if due."""
    invitation = _open_invitation(invitation_id)
    feedback_request = invitation.request
    clean = _check(feedback_request, ratings, comments)
    full = {item: ratings.get(item) for item in feedback_request.item_ids}
    if all(value is None for value in full.values()) and not clean:
        raise FeedbackError(_("Rate at least one statement or answer one question — or decline instead."))
    with transaction.atomic():
        locked = FeedbackRequest.objects.select_for_update().get(pk=feedback_request.pk)
        if not locked.is_open():
            raise InvitationClosed
        taken = Invitation.objects.filter(pk=invitation.pk, state=InvitationState.OPEN).update(
            state=InvitationState.ANSWERED, draft=None
        )
        if taken != 1:
            raise InvitationClosed
        RaterResponse.objects.create(
            request=locked,
            group=invitation.group,
            attributed=invitation.attributed,
            ratings=full,
            comments=clean,
            received_on=timezone.localdate(),
        )
        release_if_due(locked, closing=False)


def invitation_decline(*, invitation_id: int) -> None:
    """The rater declines: the link stops working and nothing of theirs is kept."""
    invitation = _open_invitation(invitation_id)
    with transaction.atomic():
        updated = Invitation.objects.filter(pk=invitation.pk, state=InvitationState.OPEN).update(
            state=InvitationState.DECLINED, draft=None
        )
    if not updated:
        raise InvitationClosed
