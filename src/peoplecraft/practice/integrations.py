"""How practice feeds the rest of Peoplecraft: the weekly review, journal prompts, links and Today.

Registered from ``PracticeConfig.ready()``; the registries belong to the goals and journal apps.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from peoplecraft.core.contributions import Step, TodayAction, Urgency, register_today_provider
from peoplecraft.goals.practice_sources import PracticeItem, register_practice_source
from peoplecraft.journal.sources import LinkKind, SuggestedPrompt, register_link_kind, register_prompt_source
from peoplecraft.practice import plans, selectors
from peoplecraft.practice.models import CardReview, EntrySource, PracticeEntry

MISSED_DAYS = 14
MAX_PROMPTS = 3
# Sources whose entries sharing a source_ref are one event (a card's source_ref is the card, not the event).
EVENT_PER_REF_SOURCES = frozenset({EntrySource.SCENARIO})


def practice_log_items(owner, start: datetime, end: datetime) -> list[PracticeItem]:
    """Logged sessions whose day falls in ``[start, end)`` (shown at noon of that day), one item per event.

    A finished scenario play logs one entry per skill it scored; those entries share the play's
    ``source_ref`` and are one event, so they become one item naming all the skills.
    """
    entries = (
        PracticeEntry.objects.filter(
            owner=owner, occurred_on__gte=timezone.localdate(start), occurred_on__lt=timezone.localdate(end)
        )
        .select_related("skill")
        .order_by("occurred_on", "pk")
    )
    events: dict[object, list[PracticeEntry]] = {}
    for entry in entries:
        one_event = entry.source in EVENT_PER_REF_SOURCES and entry.source_ref
        events.setdefault((entry.source, entry.source_ref) if one_event else entry.pk, []).append(entry)
    return [_event_item(group) for group in events.values()]


def _event_item(entries: list[PracticeEntry]) -> PracticeItem:
    first = entries[0]
    skills = tuple(dict.fromkeys(entry.skill.name for entry in entries))
    return PracticeItem(
        "practice",
        first.situation,
        timezone.make_aware(datetime.combine(first.occurred_on, time(12))),
        first.skill.name,
        skills if len(skills) > 1 else (),
    )


def missed_card_prompts(owner) -> list[SuggestedPrompt]:
    """Cards graded "missed" lately: what got in the way is worth a few lines."""
    since = timezone.now() - timedelta(days=MISSED_DAYS)
    reviews = (
        CardReview.objects.filter(card__owner=owner, grade="missed", reviewed_at__gte=since)
        .select_related("card__skill")
        .order_by("-reviewed_at", "-pk")[:MAX_PROMPTS]
    )
    prompts = []
    for review in reviews:
        card = selectors.card_get(review.card.card_id)
        behaviour = card.prompt if card else review.card.card_id
        prompts.append(
            SuggestedPrompt(
                ref=f"practice:missed-{review.pk}",
                source="practice",
                title=_("Missed practice card: %(skill)s") % {"skill": review.card.skill.name},
                question=_(
                    "You meant to try this: “%(behaviour)s”, and it did not happen. What happened instead, "
                    "what got in the way, and when is your next real chance?"
                )
                % {"behaviour": behaviour},
                skill_ids=(review.card.skill_id,),
                template="free",
            )
        )
    return prompts


def _entry_exists(owner, ident: int) -> bool:
    return PracticeEntry.objects.filter(owner=owner, pk=ident).exists()


def today_actions(owner, today: date) -> list[TodayAction]:
    """Cards due now, and the first session planned for today on a skill not yet practised today.

    Today's sessions come from the rolling plan (``plans.rolling_plan``, the one behind
    ``selectors.todays_sessions``), with whether each was ticked off.
    """
    focus, _source = selectors.focus_get(owner=owner)
    if not focus:
        return []
    actions = []
    due = selectors.cards_for(owner=owner, skills=focus, due_only=True)
    if due:
        actions.append(
            TodayAction(
                step=Step.PRACTICE,
                key="practice:cards",
                title=ngettext("Cards due: %(n)d", "Cards due: %(n)d", len(due)) % {"n": len(due)},
                detail=_("One small behaviour each, for %(skills)s.")
                % {"skills": ", ".join(dict.fromkeys(view.skill.name for view in due))},
                url=reverse("practice:cards"),
                urgency=Urgency.DUE,
            )
        )
    plan = plans.rolling_plan(owner=owner, today=today, focus=focus, days=1)
    if plan.sessions:
        # ticked off on the plan, or practised some other way today: either way it is done
        session = next(
            (p.session for p in plan.sessions if not p.done and (today, p.skill_id) not in plan.practised), None
        )
        if session is not None:
            actions.append(
                TodayAction(
                    step=Step.PRACTICE,
                    key=f"practice:plan-{today.isoformat()}-{session.skill}",
                    title=_("Plan: practise %(skill)s today") % {"skill": session.skill},
                    detail=_("%(title)s, about %(minutes)d minutes.")
                    % {"title": session.title, "minutes": session.minutes},
                    url=reverse("practice:today"),
                    urgency=Urgency.PLANNED,
                )
            )
    return actions


def register() -> None:
    register_today_provider("practice", today_actions)
    register_practice_source("practice-log", practice_log_items)
    register_prompt_source("practice", missed_card_prompts)
    register_link_kind(LinkKind("practice", "Practice log entry", _entry_exists))
