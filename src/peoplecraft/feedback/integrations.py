"""How 360° feedback feeds the rest of Peoplecraft: focus, journal prompts, the weekly review, Today.

Registered from ``FeedbackConfig.ready()``; the registries belong to the assessment, journal and
goals apps. Everything here goes through :mod:`results`, :func:`moment_results.pooled_skills` or
:mod:`selectors`: released aggregates only, read from the figures stored at each release.
"""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import urlencode

from django.db.models import CharField, Count, Exists, IntegerField, Max, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from peoplecraft.assessment.others_sources import register_others_source
from peoplecraft.core.contributions import Step, TodayAction, Urgency, register_today_provider
from peoplecraft.feedback import aggregation, moment_results, results, selectors
from peoplecraft.feedback.models import FeedbackRequest, RaterResponse, Release, SealedResponse
from peoplecraft.goals.feedback_sources import FeedbackItem, register_feedback_source
from peoplecraft.journal.sources import LinkKind, SuggestedPrompt, register_link_kind, register_prompt_source

CLOSED_REQUESTS = 2  # prompts come from the most recently closed requests
LOWEST_ITEMS = 1


def _others(owner, skill_ids: list[int]) -> dict[int, float]:
    return {key: value.score for key, value in selectors.others_scores(owner=owner, skill_ids=skill_ids).items()}


def _closed_requests(owner):
    """The most recently closed requests with a release (a queryset: read in the same query)."""
    today = timezone.localdate()
    released = Exists(Release.objects.filter(request=OuterRef("pk")))
    closed = Q(closed_at__isnull=False) | Q(deadline__lt=today)
    candidates = FeedbackRequest.objects.filter(closed, released, owner=owner).order_by("-deadline", "-pk")
    return candidates[:CLOSED_REQUESTS]


def feedback_prompts(owner) -> list[SuggestedPrompt]:
    """After a request closes: one prompt per blind spot and one for its lowest-rated statement."""
    return _prompts(_closed_requests(owner))


def _prompts(requests) -> list[SuggestedPrompt]:
    """Prompts from the released figures stored for ``requests`` (a queryset or a list; one query)."""
    prompts = []
    for released in results.overall_results(requests=requests):
        feedback_request = released.feedback_request
        ids = {skill.name: skill.pk for skill in released.skills}
        prompts += [_blind_spot(feedback_request, s, ids) for s in released.snapshot.skills if _is_blind(s)]
        prompts += _lowest(feedback_request, released, ids)
    return prompts


def _is_blind(summary: aggregation.SkillSummary) -> bool:
    return summary.johari == aggregation.BLIND_SPOT and summary.gap is not None


def _blind_spot(feedback_request, summary: aggregation.SkillSummary, ids: dict[str, int]) -> SuggestedPrompt:
    return SuggestedPrompt(
        ref=f"feedback:blind-{feedback_request.pk}-{ids.get(summary.skill, 0)}",
        source="feedback",
        title=_("360° feedback: a blind spot in %(skill)s") % {"skill": summary.skill},
        question=_(
            "Others rated your %(skill)s %(points)d points below your own score. Think of one recent "
            "conversation they were part of: what might they have seen that you did not? Which one question "
            "could you ask one of them to find out more?"
        )
        % {"skill": summary.skill, "points": round(-summary.gap)},
        skill_ids=(ids[summary.skill],) if summary.skill in ids else (),
        template="free",
    )


def _lowest(feedback_request, released: results.FeedbackResults, ids: dict[str, int]) -> list[SuggestedPrompt]:
    texts = {item.id: item.other_text for item in released.items}
    rated = [
        (aggregation.keyed_percent(r.item, r.overall.mean), r) for r in released.snapshot.items if r.overall is not None
    ]
    prompts = []
    for score, result in sorted(rated, key=lambda pair: pair[0])[:LOWEST_ITEMS]:
        skill = result.item.skill
        prompts.append(
            SuggestedPrompt(
                ref=f"feedback:lowest-{feedback_request.pk}-{result.item.id}",
                source="feedback",
                title=_("360° feedback: your lowest-rated statement (%(skill)s)") % {"skill": skill},
                question=_(
                    "Your raters gave “%(text)s” the lowest rating of feedback request %(n)d (%(score)d/100). "
                    "Recall a moment when this came up. What got in the way, and what small step could you try "
                    "the next time?"
                )
                % {"text": texts.get(result.item.id, result.item.id), "n": feedback_request.pk, "score": round(score)},
                skill_ids=(ids[skill],) if skill in ids else (),
                template="free",
            )
        )
    return prompts


def _request_exists(owner, ident: int) -> bool:
    return FeedbackRequest.objects.filter(owner=owner, pk=ident).exists()


def released_feedback_items(owner, start, end) -> list[FeedbackItem]:
    """Released 360° results whose (latest) release day falls in ``[start, end]``."""
    items = []
    window = FeedbackRequest.objects.filter(
        owner=owner, releases__released_on__gte=start, releases__released_on__lte=end
    ).distinct()
    for request_id, (released_on, scores) in selectors.request_others(requests=window).items():
        title = _("360° feedback request %(n)d") % {"n": request_id}
        items += [FeedbackItem("request", skill, score, released_on, title) for skill, score in scores.items()]
    for pooled in moment_results.pooled_skills(owner=owner):
        if pooled.released and start <= pooled.released_on <= end:
            items.append(FeedbackItem("moments", pooled.skill, pooled.score, pooled.released_on, _("Micro-feedback")))
    return items


PROMPT_DAYS = 14  # a closed 360's journal prompt stays on Today for two weeks after its release
MAX_OPEN = 3


def _count(model) -> Subquery:
    rows = model.objects.filter(request=OuterRef("pk")).order_by().values("request").annotate(n=Count("pk"))
    return Coalesce(Subquery(rows.values("n")[:1], output_field=IntegerField()), 0)


def today_actions(owner, today: date) -> list[TodayAction]:
    """Open 360s with their deadline and answers so far; a closed 360's prompt not yet written about.

    One query for open and lately released requests (counts as subqueries); the prompt check runs
    only when a request was released in the last ``PROMPT_DAYS`` days (see :func:`_prompt_action`).
    """
    since = today - timedelta(days=PROMPT_DAYS)
    requests = (
        FeedbackRequest.objects.filter(owner=owner)
        .annotate(
            last_release=Max("releases__released_on"),
            invited=Count("invitations", distinct=True),
            released_answers=_count(RaterResponse),
            sealed_answers=_count(SealedResponse),
            written_about=_written_about(),
        )
        .filter(Q(closed_at=None, deadline__gte=today) | Q(last_release__gte=since))
        .order_by("deadline", "pk")
    )
    open_requests, closed = [], []
    for feedback_request in requests:
        (open_requests if feedback_request.is_open(today) else closed).append(feedback_request)
    actions = [_open_action(feedback_request, today) for feedback_request in open_requests[:MAX_OPEN]]
    if closed:
        actions += _prompt_action(owner, closed)
    return actions


def _written_about() -> Exists:
    """Whether the learner wrote a journal entry for one of the request's prompts (refs
    ``feedback:blind-<request>-<skill>`` and ``feedback:lowest-<request>-<item>``)."""
    from peoplecraft.journal.selectors import prompt_entries

    request_id = Cast(OuterRef("pk"), CharField())
    refs = Q(prompt_ref__startswith=Concat(Value("feedback:blind-"), request_id, Value("-"))) | Q(
        prompt_ref__startswith=Concat(Value("feedback:lowest-"), request_id, Value("-"))
    )
    return Exists(prompt_entries(owner=OuterRef("owner")).filter(refs))


def _prompt_action(owner, closed: list[FeedbackRequest]) -> list[TodayAction]:
    """The first prompt of the latest closed requests released lately and not yet written about.

    One entry about a request is enough for Today (the journal keeps the other prompts). The
    prompts come from the figures stored at release, in one query; a release below the anonymity
    thresholds gives no prompt, and then no action.
    """
    latest = sorted(closed, key=lambda r: (r.deadline, r.pk), reverse=True)[:CLOSED_REQUESTS]  # as the journal
    unwritten = [feedback_request for feedback_request in latest if not feedback_request.written_about]
    prompt = next(iter(_prompts(unwritten)), None) if unwritten else None
    if prompt is None:
        return []
    return [
        TodayAction(
            step=Step.REFLECT,
            key=prompt.ref,
            title=_("A journal prompt from your closed 360"),
            detail=prompt.title,
            url=reverse("journal:new") + "?" + urlencode({"prompt": prompt.ref}),
        )
    ]


def _open_action(feedback_request, today: date) -> TodayAction:
    answered = feedback_request.released_answers + feedback_request.sealed_answers
    days = (feedback_request.deadline - today).days
    when = (
        _("today")
        if days == 0
        else _("tomorrow")
        if days == 1
        else formats.date_format(feedback_request.deadline, "l" if days < 7 else "j F")
    )
    return TodayAction(
        step=Step.FEEDBACK,
        key=f"feedback:open-{feedback_request.pk}",
        title=_("Your 360 closes %(when)s: %(answered)d of %(invited)d answered")
        % {"when": when, "answered": answered, "invited": feedback_request.invited},
        detail=_("Remind the people who have not answered yet, or add someone."),
        url=reverse("feedback:detail", args=[feedback_request.pk]),
        urgency=Urgency.DEADLINE,
        due=feedback_request.deadline,
    )


def register() -> None:
    register_today_provider("feedback", today_actions)
    register_others_source("feedback", _others)
    register_prompt_source("feedback", feedback_prompts)
    register_link_kind(LinkKind("feedback-request", "360° feedback request", _request_exists))
    register_feedback_source("feedback", released_feedback_items)
    from peoplecraft.feedback import confirm_selectors
    from peoplecraft.practice.confirmation_sources import register_confirmation_source

    register_confirmation_source("feedback", confirm_selectors.entry_confirmations, confirm_selectors.ask_url)
