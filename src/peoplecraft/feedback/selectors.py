"""Every read of feedback requests. Anonymity lives here too: nothing returned names a rater's answers.

The learner-facing reads return invitations as (id, e-mail, group) only -- never their state -- and
results only through :func:`results.feedback_results`, which shows released aggregates.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from peoplecraft.accounts.tokens import token_hash
from peoplecraft.assessment.catalogue import instrument_get
from peoplecraft.assessment.instrument import Item
from peoplecraft.core.ownership import get_owned_or_404
from peoplecraft.feedback import sealed
from peoplecraft.feedback.models import (
    Draft,
    FeedbackRequest,
    Invitation,
    MomentInvitation,
    RaterResponse,
    SealedResponse,
    SpentMarker,
)


@dataclass(frozen=True)
class InvitationRow:
    """What the learner may know about an invitation: whom they asked, in which group, and whether
    our mail server has accepted the e-mail yet (delivery, never what the rater did)."""

    id: int
    email: str
    group: str
    group_label: str
    mail_waiting: bool = False


def request_list(*, owner) -> QuerySet[FeedbackRequest]:
    return (
        FeedbackRequest.objects.filter(owner=owner)
        .prefetch_related("skills")
        .annotate(invited=Count("invitations", distinct=True), released=Count("releases", distinct=True))
        .order_by("-created_at", "-pk")
    )


def request_get(*, owner, request_id: int) -> FeedbackRequest:
    return get_owned_or_404(FeedbackRequest.objects.select_related("guide", "owner"), owner, pk=request_id)


def request_skills(*, feedback_request: FeedbackRequest) -> list:
    return list(feedback_request.skills.select_related("area").order_by("area__position", "position", "pk"))


def request_items(*, feedback_request: FeedbackRequest) -> tuple[Item, ...]:
    """The request's items, in the order they were fixed at creation."""
    instrument = instrument_get(feedback_request.instrument_id)
    from peoplecraft.assessment.questionnaire import questionnaire_items

    skills = request_skills(feedback_request=feedback_request)
    by_id = {item.id: item for item in questionnaire_items(instrument, [s.name for s in skills])}
    return tuple(by_id[item_id] for item_id in feedback_request.item_ids if item_id in by_id)


def invitation_rows(*, feedback_request: FeedbackRequest) -> list[InvitationRow]:
    from peoplecraft.feedback.models import Group

    labels = dict(Group.choices)
    rows = (
        Invitation.objects.filter(request=feedback_request)
        .order_by("group", "email")
        .values_list("pk", "email", "group", "mail_due_at")
    )
    return [
        InvitationRow(pk, email, group, str(labels.get(group, group)), due is not None)
        for pk, email, group, due in rows
    ]


def mail_waiting_count(*, feedback_request: FeedbackRequest) -> int:
    """How many of the request's invitation e-mails our mail server has not accepted yet."""
    return Invitation.objects.filter(request=feedback_request, mail_due_at__isnull=False).count()


def moment_mail_waiting_count(*, moment) -> int:
    return MomentInvitation.objects.filter(moment=moment, mail_due_at__isnull=False).count()


def invitation_mail_waiting(*, invitation: Invitation) -> bool:
    return Invitation.objects.filter(pk=invitation.pk, mail_due_at__isnull=False).exists()


def answers_received(*, feedback_request: FeedbackRequest) -> int:
    """How many answers arrived (released or sealed): a count, never whose."""
    released = RaterResponse.objects.filter(request=feedback_request).count()
    return released + SealedResponse.objects.filter(request=feedback_request).count()


def invitation_get(*, feedback_request: FeedbackRequest, invitation_id: int) -> Invitation:
    return get_owned_or_404(
        Invitation.objects.select_related("request__owner"),
        feedback_request.owner,
        owner_field="request__owner",
        pk=invitation_id,
        request=feedback_request,
    )


def invitation_find(*, email: str, feedback_request: FeedbackRequest) -> Invitation | None:
    return Invitation.objects.filter(request=feedback_request, email__iexact=email.strip()).first()


# --- Rater side ------------------------------------------------------------------------------


def invitation_by_token(*, raw_token: str) -> Invitation | None:
    """The invitation a raw token belongs to, used or not (None: no such token, or an old one)."""
    return Invitation.objects.select_related("request__owner").filter(token_hash=token_hash(raw_token)).first()


def invitation_spent(invitation: Invitation) -> bool:
    """Whether the invitation's link was used (answered or declined: the two are not told apart)."""
    return SpentMarker.objects.filter(marker=sealed.spent_marker(invitation.pk)).exists()


def invitation_usable(invitation: Invitation | None) -> bool:
    return invitation is not None and invitation.request.is_open() and not invitation_spent(invitation)


def draft_get(*, raw_token: str) -> dict | None:
    """The rater's draft, opened with their token; None when there is none."""
    row = Draft.objects.filter(locator=sealed.draft_locator(raw_token)).first()
    return None if row is None else sealed.draft_open(raw_token, row.ciphertext)


# --- Micro-feedback after a moment -------------------------------------------------------------


def moment_list(*, owner) -> QuerySet:
    from peoplecraft.feedback.models import MomentRequest

    return (
        MomentRequest.objects.filter(owner=owner)
        .select_related("pool__skill")
        .annotate(asked=Count("invitations"))
        .order_by("-created_at", "-pk")
    )


def moment_get(*, owner, moment_id: int):
    from peoplecraft.feedback.models import MomentRequest

    queryset = MomentRequest.objects.select_related("pool__skill").annotate(asked=Count("invitations"))
    return get_owned_or_404(queryset, owner, pk=moment_id)


def moment_invitation_by_token(*, raw_token: str):
    from peoplecraft.feedback.models import MomentInvitation

    return (
        MomentInvitation.objects.select_related("moment__owner", "moment__pool__skill")
        .filter(token_hash=token_hash(raw_token))
        .first()
    )


def moment_invitation_spent(invitation) -> bool:
    return SpentMarker.objects.filter(marker=sealed.moment_spent_marker(invitation.pk)).exists()


def moment_invitation_usable(invitation) -> bool:
    return invitation is not None and invitation.moment.is_open() and not moment_invitation_spent(invitation)


# --- Released results for other apps (the skill map chip, focus, journal, weekly review) ------


@dataclass(frozen=True)
class OthersScore:
    """A skill's released others' score (0-100) and where it comes from; never anything suppressed."""

    skill_id: int
    score: float
    source: str  # "request" or "moments"
    released_on: object  # a date
    request_id: int | None = None


def others_scores(*, owner, skill_ids=None) -> dict[int, OthersScore]:
    """Skill id -> the latest released others' score: a full request's release or the pooled moments.

    Only released aggregates that the learner's own results pages show: a request's skill summary
    (the "all raters" overall, itself only from released, guarded sets) and a pool's released mean.
    When both exist, the later release wins (a request on the same day wins over moments).
    """
    from peoplecraft.feedback import moment_results, results

    found: dict[int, OthersScore] = {}
    requests = (
        FeedbackRequest.objects.filter(owner=owner, releases__isnull=False)
        .distinct()
        .prefetch_related("skills", "releases")
        .order_by("created_at", "pk")
    )
    if skill_ids is not None:
        requests = requests.filter(skills__id__in=list(skill_ids))
    for feedback_request in requests:
        snapshot = results.feedback_results(feedback_request=feedback_request).snapshot
        if snapshot is None:
            continue
        released_on = max(release.released_on for release in feedback_request.releases.all())
        ids = {skill.name: skill.pk for skill in feedback_request.skills.all()}
        for summary in snapshot.skills:
            skill_id = ids.get(summary.skill)
            if summary.others_score is None or skill_id is None:
                continue
            score = OthersScore(skill_id, summary.others_score, "request", released_on, feedback_request.pk)
            if skill_id not in found or found[skill_id].released_on <= released_on:
                found[skill_id] = score
    for pooled in moment_results.pooled_skills(owner=owner, skill_ids=skill_ids):
        if pooled.released and pooled.score is not None:
            current = found.get(pooled.skill_id)
            if current is None or current.released_on < pooled.released_on:
                found[pooled.skill_id] = OthersScore(pooled.skill_id, pooled.score, "moments", pooled.released_on)
    if skill_ids is not None:
        wanted = set(skill_ids)
        found = {key: value for key, value in found.items() if key in wanted}
    return found
