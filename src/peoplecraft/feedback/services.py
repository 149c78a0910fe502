"""Every write of a learner's feedback request. Each function owns its transaction.

Invitation e-mails are sent inside the transaction: if the mail server refuses one, nothing is
stored and the learner sees why. Rater-side writes live in :mod:`rater_services`.

Two ways to deliver links (``FeedbackRequest.delivery``): Peoplecraft e-mails each rater and the
learner never sees a link, or the learner passes the links on themselves (shown once), knowing
they could then see whether a link was used. See docs/feedback.md.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from django.conf import settings
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
from peoplecraft.feedback import delivery as delivery_mail
from peoplecraft.feedback.anonymity import MANAGER, MAX_RATERS, ThresholdError, thresholds_validate
from peoplecraft.feedback.models import (
    Delivery,
    Draft,
    FeedbackRequest,
    Group,
    Invitation,
    RaterResponse,
    Release,
    SealedResponse,
)
from peoplecraft.feedback.sealed import RESPONSE, open_in_random_order
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
    """A rater invited. ``url`` is the link to show once when the learner passes links on; ``None``
    when Peoplecraft e-mailed it (then the learner never sees it)."""

    email: str
    group: str
    url: str | None


def email_available() -> bool:
    """Whether Peoplecraft can e-mail raters (``FEEDBACK_EMAIL_AVAILABLE``, see the settings)."""
    return bool(getattr(settings, "FEEDBACK_EMAIL_AVAILABLE", False))


def no_email_problem() -> str:
    return _(
        "Peoplecraft cannot e-mail raters here: no e-mail server is configured (set PEOPLECRAFT_EMAIL_HOST and "
        "its settings, see docs/feedback.md). Or pass the links on yourself (--pass-on on the command line), "
        "knowing that you could then see whether each link was used."
    )


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


def _self_answers(owner, guide: Guide, items) -> dict[str, int | None]:
    """The learner's own answers to these items: each skill's latest answers across completed
    self-assessments, the answers behind its self-score everywhere else (assessment selector).

    Skipped items and "No such occasion" (scored as missing) are left out."""
    answers = assessment_selectors.latest_self_answers(owner, guide, items)
    return {item.id: answers[item.id] for item in items if answers.get(item.id) not in (None, NO_OCCASION)}


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
    delivery: str = Delivery.EMAIL,
) -> tuple[FeedbackRequest, list[IssuedLink]]:
    """Create a request and invite every rater: by e-mail (no link comes back) or, when the learner
    passes links on, returning each link (shown once)."""
    if guide.owner_id != owner.pk:
        raise FeedbackError(_("That guide is not yours."))
    problems = _check_request(guide, skills, deadline, message, reminder_days)
    if delivery not in Delivery.values:
        problems.append(_("Unknown delivery %(d)r; use email or pass_on.") % {"d": delivery})
    elif delivery == Delivery.EMAIL and not email_available():
        problems.append(no_email_problem())
    clean = _check_raters(raters, problems)
    try:
        limits = thresholds_validate(dict(thresholds or {}))
    except ThresholdError as error:
        problems.append(str(error))
    if problems:
        raise FeedbackError(problems)
    instrument = default_instrument()
    ordered = sorted(skills, key=lambda s: (s.area.position, s.position, s.pk))
    items = questionnaire_items(instrument, [s.name for s in ordered])
    item_ids = [item.id for item in items]
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
            self_answers=_self_answers(owner, guide, items),
            delivery=delivery,
            link_base_url=base_url.rstrip("/"),
        )
        feedback_request.skills.set(ordered)
        links = [_invite(feedback_request, group, email, base_url) for group, email in clean]
    delivery_mail.request_mail_send(feedback_request)  # after the commit: see delivery.py
    return feedback_request, links


def _invite(feedback_request: FeedbackRequest, group: str, email: str, base_url: str) -> IssuedLink:
    attributed = group == MANAGER and feedback_request.attribute_manager
    if feedback_request.delivery == Delivery.EMAIL:  # the link is made when the e-mail is sent
        Invitation.objects.create(
            request=feedback_request,
            email=email,
            group=group,
            attributed=attributed,
            token_hash=delivery_mail.unusable_token_hash(),
            mail_due_at=timezone.now(),
        )
        return IssuedLink(email, group, None)
    raw, hashed = token_new()
    Invitation.objects.create(
        request=feedback_request, email=email, group=group, attributed=attributed, token_hash=hashed
    )
    return IssuedLink(email, group, rater_url(base_url, raw))


def invitation_resend(*, invitation: Invitation, base_url: str) -> IssuedLink:
    """Give the rater a new link; the old one stops working, with any cookie made from it.

    The outcome is the same whether or not the rater answered, declined or kept a draft: nothing
    about that is stored with the invitation. In e-mail mode the link goes to the rater only (the
    returned ``url`` is None). If the rater already answered, the new link says so to them; a draft
    made with the old link cannot be opened with the new one (it is keyed by the old token).
    """
    feedback_request = invitation.request
    if feedback_request.delivery == Delivery.EMAIL:
        if not email_available():
            raise FeedbackError(no_email_problem())
        with transaction.atomic():  # the old link dies now; the new one is made when the e-mail goes
            Invitation.objects.filter(pk=invitation.pk).update(
                token_hash=delivery_mail.unusable_token_hash(), mail_due_at=timezone.now()
            )
        delivery_mail.request_mail_send(feedback_request)
        return IssuedLink(invitation.email, invitation.group, None)
    raw, hashed = token_new()
    with transaction.atomic():
        Invitation.objects.filter(pk=invitation.pk).update(token_hash=hashed)
    return IssuedLink(invitation.email, invitation.group, rater_url(base_url, raw))


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
        Draft.objects.filter(request=locked).delete()
        release_if_due(locked, closing=True)
    return locked


def request_delete(*, feedback_request: FeedbackRequest) -> None:
    """Delete a request with its invitations, responses and releases."""
    with transaction.atomic():
        FeedbackRequest.objects.filter(pk=feedback_request.pk).delete()


def response_context(request_id: int) -> str:
    """What a sealed answer is bound to: it opens only as an answer of this request."""
    return f"request:{request_id}"


def release_if_due(feedback_request: FeedbackRequest, *, closing: bool) -> Release | None:
    """Release the pending (sealed) answers as the next batch when one is due (call in a transaction).

    The sealed rows are opened, shuffled with the system's random source, stored as responses in
    that order and deleted, so neither the rows nor their insertion order (SQLite's rowid) say
    which answer came first.
    """
    pending = SealedResponse.objects.filter(request=feedback_request)
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
    context = response_context(feedback_request.pk)
    rows = list(pending)
    for row, answer in open_in_random_order(rows, RESPONSE, context):
        RaterResponse.objects.create(
            request=feedback_request,
            group=answer["group"],
            attributed=row.attributed,
            ratings=answer["ratings"],
            comments=answer["comments"],
            received_on=date.fromisoformat(answer["received_on"]),
            batch=release.number,
        )
    SealedResponse.objects.filter(pk__in=[row.pk for row in rows]).delete()
    return release
