"""How released 360° results feed the rest of Peoplecraft: focus, journal prompts, the weekly review.

Registered from ``FeedbackConfig.ready()``; the registries belong to the assessment, journal and
goals apps. Everything here goes through :mod:`results`, :func:`moment_results.pooled_skills` or
:mod:`selectors`: released aggregates only, read from the figures stored at each release.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from peoplecraft.assessment.others_sources import register_others_source
from peoplecraft.feedback import aggregation, moment_results, results, selectors
from peoplecraft.feedback.models import FeedbackRequest, Release
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
    prompts = []
    for released in results.overall_results(requests=_closed_requests(owner)):
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


def register() -> None:
    register_others_source("feedback", _others)
    register_prompt_source("feedback", feedback_prompts)
    register_link_kind(LinkKind("feedback-request", "360° feedback request", _request_exists))
    register_feedback_source("feedback", released_feedback_items)
