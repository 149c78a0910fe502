"""Every read of feedback requests. Anonymity lives here too: nothing returned names a rater's answers.

The learner-facing reads return invitations as (id, e-mail, group) only -- never their state -- and
results only through :func:`results.feedback_results`, which shows released aggregates: the
figures stored once at each release (:mod:`releasing`), read here and never recomputed.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, OuterRef, QuerySet, Subquery

from peoplecraft.accounts.tokens import token_hash
from peoplecraft.assessment.catalogue import instrument_get
from peoplecraft.assessment.instrument import Item
from peoplecraft.core.ownership import get_owned_or_404
from peoplecraft.feedback import sealed
from peoplecraft.feedback.anonymity import ALL
from peoplecraft.feedback.models import (
    Draft,
    FeedbackRequest,
    Invitation,
    MomentInvitation,
    MomentRelease,
    RaterResponse,
    Release,
    ReleasedComment,
    ReleasedScore,
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


def request_skills_many(*, requests) -> dict[int, list]:
    """Request id -> its skills (with their areas) in guide order, for many requests in one query."""
    ids = [r.pk for r in requests]
    if not ids:
        return {}
    through = FeedbackRequest.skills.through.objects.filter(feedbackrequest_id__in=ids).select_related("skill__area")
    found: dict[int, list] = {}
    for link in through.order_by("skill__area__position", "skill__position", "skill_id"):
        found.setdefault(link.feedbackrequest_id, []).append(link.skill)
    return found


def request_items(*, feedback_request: FeedbackRequest) -> tuple[Item, ...]:
    """The request's items, in the order they were fixed at creation."""
    return request_items_of(feedback_request, request_skills(feedback_request=feedback_request))


def request_items_of(feedback_request: FeedbackRequest, skills) -> tuple[Item, ...]:
    """:func:`request_items` with the request's skills already at hand (no query)."""
    from peoplecraft.assessment.questionnaire import questionnaire_items

    instrument = instrument_get(feedback_request.instrument_id)
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


def latest_results(results: QuerySet, *, pool: bool = False) -> dict[int, tuple]:
    """Request (or pool) id -> (result id, release number, responses, release day) of its latest release."""
    release = "moment_release" if pool else "release"
    parent = f"{release}__pool_id" if pool else f"{release}__request_id"
    found: dict[int, tuple] = {}
    for parent_id, result_id, number, responses, day in results.values_list(
        parent, "pk", f"{release}__number", "responses", f"{release}__released_on"
    ):
        if parent_id not in found or found[parent_id][1] < number:
            found[parent_id] = (result_id, number, responses, day)
    return found


def result_rows(result_ids) -> tuple[dict[int, list], dict[int, list]]:
    """The stored rows of these released results: (scores, comments), each result id -> rows."""
    from peoplecraft.feedback.released import CommentRow, ScoreRow

    scores: dict[int, list] = {}
    comments: dict[int, list] = {}
    ids = list(result_ids)
    if not ids:
        return scores, comments
    score_fields = ("position", "skill", "item", "label", "attributed", "n", "mean", "percent", "distribution")
    for result_id, *values in ReleasedScore.objects.filter(result_id__in=ids).values_list("result_id", *score_fields):
        scores.setdefault(result_id, []).append(ScoreRow(*values))
    comment_fields = ("position", "question", "label", "attributed", "texts")
    for result_id, *values in ReleasedComment.objects.filter(result_id__in=ids).values_list(
        "result_id", *comment_fields
    ):
        comments.setdefault(result_id, []).append(CommentRow(*values))
    return scores, comments


def others_scores(*, owner, skill_ids=None) -> dict[int, OthersScore]:
    """Skill id -> the latest released others' score: a full request's release or the pooled moments.

    Only released aggregates that the learner's own results pages show: a request's skill summary
    (the "all raters" overall, itself only from released, guarded sets) and a pool's released mean,
    both read from the figures stored at release (two queries, however much feedback there is).
    When both exist, the later release wins (a request on the same day wins over moments).
    """
    from peoplecraft.feedback.released import others_by_skill

    found: dict[int, OthersScore] = {}
    last = Release.objects.filter(request=OuterRef("result__release__request")).order_by("-number")
    rows = (
        ReleasedScore.objects.filter(label=ALL, result__release__request__owner=owner)
        .filter(result__release__number=Subquery(last.values("number")[:1]))
        .filter(result__release__request__skills__name=F("skill"))  # the request's skill of that name
        .values_list(
            "result__release__request_id",
            "result__release__released_on",
            "result__release__request__skills__id",
            "percent",
        )
        .order_by("result__release__request__created_at", "result__release__request_id", "position")
    )
    days: dict[int, object] = {}  # request id -> its latest release's day, in the order requests were made
    percents: dict[int, list[tuple[int, float]]] = {}
    for request_id, released_on, skill_id, percent in rows:
        days[request_id] = released_on
        percents.setdefault(request_id, []).append((skill_id, percent))
    for request_id, released_on in days.items():
        for skill_id, score in others_by_skill(percents[request_id]).items():
            if skill_id not in found or found[skill_id].released_on <= released_on:
                found[skill_id] = OthersScore(skill_id, score, "request", released_on, request_id)
    for skill_id, score, released_on in _pooled_scores(owner):
        current = found.get(skill_id)
        if current is None or current.released_on < released_on:
            found[skill_id] = OthersScore(skill_id, score, "moments", released_on)
    if skill_ids is not None:
        wanted = set(skill_ids)
        found = {key: value for key, value in found.items() if key in wanted}
    return found


def request_others(*, requests: QuerySet) -> dict[int, tuple[object, dict[str, float]]]:
    """Request id -> (its latest release's day, skill name -> others' score) for these requests, in
    the order they were made; one query on the figures stored at release. A skill without an
    overall in the latest release has no score (as on the results page)."""
    from peoplecraft.feedback.released import others_by_skill

    last = Release.objects.filter(request=OuterRef("result__release__request")).order_by("-number")
    rows = (
        ReleasedScore.objects.filter(label=ALL, result__release__request__in=requests)
        .filter(result__release__number=Subquery(last.values("number")[:1]))
        .values_list("result__release__request_id", "result__release__released_on", "skill", "percent")
        .order_by("result__release__request__created_at", "result__release__request_id", "position")
    )
    days: dict[int, object] = {}
    percents: dict[int, list[tuple[str, float]]] = {}
    for request_id, released_on, skill, percent in rows:
        days[request_id] = released_on
        percents.setdefault(request_id, []).append((skill, percent))
    return {request_id: (day, others_by_skill(percents[request_id])) for request_id, day in days.items()}


def _pooled_scores(owner) -> list[tuple[int, float, object]]:
    """(skill id, score, release day) of each pool whose latest release shows a score (one query)."""
    last = MomentRelease.objects.filter(pool=OuterRef("result__moment_release__pool")).order_by("-number")
    rows = (
        ReleasedScore.objects.filter(label=ALL, result__moment_release__pool__owner=owner)
        .filter(result__moment_release__number=Subquery(last.values("number")[:1]))
        .values_list("result__moment_release__pool__skill_id", "percent", "result__moment_release__released_on")
    )
    return list(rows)
