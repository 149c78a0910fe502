"""Every write of a learner's feedback request. Each function owns its transaction.

Invitation e-mails are sent inside the transaction: if the mail server refuses one, nothing is
stored and the learner sees why. Rater-side writes live in :mod:`rater_services`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peoplecraft.assessment import selectors as assessment_selectors
from peoplecraft.assessment.catalogue import default_instrument
from peoplecraft.assessment.instrument import NO_OCCASION
from peoplecraft.assessment.questionnaire import questionnaire_items
from peoplecraft.feedback import aggregation
from peoplecraft.feedback.anonymity import MANAGER, MAX_RATERS, ThresholdError, thresholds_validate
from peoplecraft.feedback.mail import rater_mail
from peoplecraft.feedback.models import FeedbackRequest, Group, Invitation, RaterResponse, Release
from peoplecraft.feedback.tokens import rater_url, token_new
from peoplecraft.skillmap.models import Guide, Skill

MAX_MESSAGE = 2000


class FeedbackError(ValueError):
    """Bad input for a feedback request; ``problems`` lists every problem found."""

    def __init__(self, problems: list[str] | str) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class IssuedLink:
    """A rater link, shown to the learner once (only its hash is stored)."""

    email: str
    group: str
    url: str


def raters_parse(specs: Sequence[str]) -> list[tuple[str, str]]:
    """``GROUP:EMAIL`` strings (the CLI's form) as (group, email) pairs; problems name the entry."""
    pairs, problems = [], []
    for number, spec in enumerate(specs, start=1):
        group, sep, email = spec.partition(":")
        if not sep:
            problems.append(_("rater %(n)d (%(spec)r): write GROUP:EMAIL") % {"n": number, "spec": spec})
            continue
        pairs.append((group.strip().lower().replace(" ", "_").replace("-", "_"), email.strip()))
    if problems:
        raise FeedbackError(problems)
    return pairs


def _check_raters(raters: Sequence[tuple[str, str]], problems: list[str]) -> list[tuple[str, str]]:
    seen, clean = set(), []
    if not raters:
        problems.append(_("Add at least one rater."))
    if len(raters) > MAX_RATERS:
        problems.append(_("At most %(n)d raters per request.") % {"n": MAX_RATERS})
    for number, (group, email) in enumerate(raters, start=1):
        if group not in Group.values:
            choices = ", ".join(Group.values)
            problems.append(
                _("rater %(n)d: unknown group %(g)r; use one of %(c)s") % {"n": number, "g": group, "c": choices}
            )
        try:
            validate_email(email)
        except ValidationError:
            problems.append(_("rater %(n)d: %(e)r is not a valid e-mail address") % {"n": number, "e": email})
            continue
        if email.casefold() in seen:
            problems.append(_("rater %(n)d: %(e)s is listed twice") % {"n": number, "e": email})
        seen.add(email.casefold())
        clean.append((group, email))
    return clean


def _check_request(
    guide: Guide, skills: Sequence[Skill], deadline: date, message: str, reminder_days: int
) -> list[str]:
    problems = []
    if not skills:
        problems.append(_("Choose at least one skill to be rated."))
    if any(skill.area.guide_id != guide.pk or skill.archived_at for skill in skills):
        problems.append(_("Choose skills of your active guide."))
    if deadline < timezone.localdate():
        problems.append(_("The deadline %(d)s is in the past.") % {"d": deadline.isoformat()})
    if len(message) > MAX_MESSAGE:
        problems.append(_("The message is longer than %(n)d characters.") % {"n": MAX_MESSAGE})
    if not 0 <= reminder_days <= 60:
        problems.append(_("Reminder days must be between 0 and 60."))
    return problems


def _self_answers(owner, guide: Guide, item_ids: list[str]) -> dict[str, int | None]:
    """The learner's latest completed self-assessment answers on these items (the self side).

    Skipped items and "No such occasion" (scored as missing) are left out."""
    latest = assessment_selectors.assessment_latest(owner=owner, guide=guide)
    if latest is None:
        return {}
    answers = assessment_selectors.answers_get(assessment=latest)
    return {item_id: answers[item_id] for item_id in item_ids if answers.get(item_id) not in (None, NO_OCCASION)}


def request_create(
    *,
    owner,
    guide: Guide,
    skills: Sequence[Skill],
    raters: Sequence[tuple[str, str]],
    deadline: date,
    base_url: str,
    message: str = "",
    reminder_days: int = 3,
    attribute_manager: bool = True,
    thresholds: Mapping[str, int] | None = None,
) -> tuple[FeedbackRequest, list[IssuedLink]]:
    """Create a request, invite every rater by e-mail, and return their links (shown once)."""
    if guide.owner_id != owner.pk:
        raise FeedbackError(_("That guide is not yours."))
    problems = _check_request(guide, skills, deadline, message, reminder_days)
    clean = _check_raters(raters, problems)
    if problems:
        raise FeedbackError(problems)
    try:
        limits = thresholds_validate(dict(thresholds or {}))
    except ThresholdError as error:
        raise FeedbackError(str(error)) from error
    instrument = default_instrument()
    ordered = sorted(skills, key=lambda s: (s.area.position, s.position, s.pk))
    item_ids = [item.id for item in questionnaire_items(instrument, [s.name for s in ordered])]
    with transaction.atomic():
        feedback_request = FeedbackRequest.objects.create(
            owner=owner,
            guide=guide,
            instrument_id=instrument.id,
            item_ids=item_ids,
            message=message.strip(),
            deadline=deadline,
            reminder_days=reminder_days,
            attribute_manager=attribute_manager,
            thresholds=limits,
            self_answers=_self_answers(owner, guide, item_ids),
        )
        feedback_request.skills.set(ordered)
        links = [_invite(feedback_request, group, email, base_url) for group, email in clean]
    return feedback_request, links


def _invite(feedback_request: FeedbackRequest, group: str, email: str, base_url: str) -> IssuedLink:
    raw, hashed = token_new()
    attributed = group == MANAGER and feedback_request.attribute_manager
    Invitation.objects.create(
        request=feedback_request, email=email, group=group, attributed=attributed, token_hash=hashed
    )
    url = rater_url(base_url, raw)
    rater_mail(feedback_request, email, url).send(fail_silently=False)
    return IssuedLink(email, group, url)


def invitation_resend(*, invitation: Invitation, base_url: str) -> IssuedLink:
    """Send the invitation again with a new token; the old link stops working.

    The learner sees the same outcome whether or not the rater has answered (that is never shown),
    so a resend cannot be used to find out who answered.
    """
    raw, hashed = token_new()
    with transaction.atomic():
        Invitation.objects.filter(pk=invitation.pk).update(token_hash=hashed)
        url = rater_url(base_url, raw)
        rater_mail(invitation.request, invitation.email, url).send(fail_silently=False)
    return IssuedLink(invitation.email, invitation.group, url)


def self_answers_save(*, feedback_request: FeedbackRequest, answers: Mapping[str, int | None]) -> None:
    """The learner's own answers on the request's items (1..5, or None to leave one out)."""
    known = set(feedback_request.item_ids)
    problems = [_("%(i)r is not an item of this request") % {"i": item} for item in answers if item not in known]
    problems += [
        _("%(i)s: %(v)r is not on the scale 1..5") % {"i": item, "v": value}
        for item, value in answers.items()
        if value is not None and (type(value) is not int or not 1 <= value <= 5)
    ]
    if problems:
        raise FeedbackError(problems)
    with transaction.atomic():
        locked = FeedbackRequest.objects.select_for_update().get(pk=feedback_request.pk)
        merged = {**locked.self_answers, **answers}
        locked.self_answers = {item: value for item, value in merged.items() if value is not None}
        locked.save(update_fields=["self_answers"])
    feedback_request.self_answers = locked.self_answers


def thresholds_raise(*, feedback_request: FeedbackRequest, values: Mapping[str, int]) -> dict[str, int]:
    """Raise thresholds of a request; lowering one is refused."""
    try:
        limits = thresholds_validate(dict(values), previous=feedback_request.thresholds)
    except ThresholdError as error:
        raise FeedbackError(str(error)) from error
    with transaction.atomic():
        FeedbackRequest.objects.filter(pk=feedback_request.pk).update(thresholds=limits)
    feedback_request.thresholds = limits
    return limits


def request_close(*, feedback_request: FeedbackRequest) -> FeedbackRequest:
    """Close the request: links stop working and the last answers form a final release."""
    with transaction.atomic():
        locked = FeedbackRequest.objects.select_for_update().get(pk=feedback_request.pk)
        if locked.closed_at is None:
            locked.closed_at = timezone.now()
            locked.save(update_fields=["closed_at"])
            Invitation.objects.filter(request=locked).update(draft=None)
        release_if_due(locked, closing=True)
    return locked


def request_delete(*, feedback_request: FeedbackRequest) -> None:
    """Delete a request with its invitations, responses and releases."""
    with transaction.atomic():
        FeedbackRequest.objects.filter(pk=feedback_request.pk).delete()


def release_if_due(feedback_request: FeedbackRequest, *, closing: bool) -> Release | None:
    """Freeze the pending responses into the next release when a batch is due (call in a transaction)."""
    pending = RaterResponse.objects.filter(request=feedback_request, batch__isnull=True)
    total = pending.count()
    anonymous = pending.filter(attributed=False).count()
    if not aggregation.release_due(
        pending_anonymous=anonymous, pending=total, thresholds=feedback_request.thresholds, closing=closing
    ):
        return None
    last = Release.objects.filter(request=feedback_request).order_by("-number").first()
    release = Release.objects.create(
        request=feedback_request,
        number=(last.number + 1) if last else 1,
        thresholds=feedback_request.thresholds,
        released_on=timezone.localdate(),
    )
    pending.update(batch=release.number)
    return release
