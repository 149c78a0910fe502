"""Every write a rater makes: keep a draft, answer once, or decline. Raters have no account.

Every function takes the rater's raw token (from their link, kept in their cookie): the server
stores only hashes of it, so the token is what opens the rater's draft. Answering and declining
both spend the link by inserting its :class:`SpentMarker` -- a unique key, so only one of any
number of concurrent submissions wins -- in the same transaction that seals the answer. Nothing
says which invitation answered and which declined, and the answer keeps no link to the invitation.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peoplecraft.feedback import sealed
from peoplecraft.feedback.aggregation import QUESTIONS
from peoplecraft.feedback.models import Draft, FeedbackRequest, Invitation, SealedResponse, SpentMarker
from peoplecraft.feedback.selectors import invitation_by_token, invitation_spent
from peoplecraft.feedback.services import FeedbackError, release_if_due, response_context

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


def _open_invitation(raw_token: str) -> Invitation:
    invitation = invitation_by_token(raw_token=raw_token)
    if invitation is None or not invitation.request.is_open() or invitation_spent(invitation):
        raise InvitationClosed
    return invitation


def draft_save(*, raw_token: str, ratings: Mapping[str, int | None], comments: Mapping[str, str]) -> None:
    """Keep unfinished answers, sealed with a key from the token (deleted when the link is spent)."""
    invitation = _open_invitation(raw_token)
    clean = _check(invitation.request, ratings, comments)
    locator = sealed.draft_locator(raw_token)
    ciphertext = sealed.draft_seal(raw_token, {"ratings": dict(ratings), "comments": clean})
    with transaction.atomic():
        Draft.objects.update_or_create(
            locator=locator, defaults={"request_id": invitation.request_id, "ciphertext": ciphertext}
        )


def _spend(locked: FeedbackRequest, invitation: Invitation, raw_token: str) -> None:
    """Insert the link's marker (inside the caller's transaction); a second spend raises InvitationClosed."""
    try:
        with transaction.atomic():
            SpentMarker.objects.create(marker=sealed.spent_marker(invitation.pk), request=locked)
    except IntegrityError:
        raise InvitationClosed from None
    Draft.objects.filter(locator=sealed.draft_locator(raw_token)).delete()


def response_submit(*, raw_token: str, ratings: Mapping[str, int | None], comments: Mapping[str, str]) -> None:
    """Seal the rater's answer and spend the link, atomically; then release a batch if due."""
    invitation = _open_invitation(raw_token)
    feedback_request = invitation.request
    clean = _check(feedback_request, ratings, comments)
    full = {item: ratings.get(item) for item in feedback_request.item_ids}
    if all(value is None for value in full.values()) and not clean:
        raise FeedbackError(_("Rate at least one statement or answer one question — or decline instead."))
    answer = {
        "group": invitation.group,
        "ratings": full,
        "comments": clean,
        "received_on": timezone.localdate().isoformat(),
    }
    with transaction.atomic():
        locked = FeedbackRequest.objects.select_for_update().get(pk=feedback_request.pk)
        if not locked.is_open():
            raise InvitationClosed
        _spend(locked, invitation, raw_token)
        SealedResponse.objects.create(
            request=locked,
            attributed=invitation.attributed,
            ciphertext=sealed.seal_json(answer, sealed.RESPONSE, response_context(locked.pk)),
        )
        release_if_due(locked, closing=False)


def invitation_decline(*, raw_token: str) -> None:
    """The rater declines: the link is spent like an answer, and nothing of theirs is kept."""
    invitation = _open_invitation(raw_token)
    with transaction.atomic():
        locked = FeedbackRequest.objects.select_for_update().get(pk=invitation.request_id)
        _spend(locked, invitation, raw_token)
