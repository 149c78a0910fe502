"""Reflection prompts from finished scenario plays, registered with the journal.

After a play, the weakest moment is the most useful thing to reflect on: the prompt asks for a
real conversation where the same thing happened, and answering links the entry to the skill
the debrief suggested working on.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from peoplecraft.journal.sources import LinkKind, SuggestedPrompt, register_link_kind, register_prompt_source
from peoplecraft.scenarios import selectors
from peoplecraft.scenarios.models import ScenarioPlay

RECENT_DAYS = 14
MAX_PROMPTS = 3


def scenario_prompts(owner) -> list[SuggestedPrompt]:
    since = timezone.now() - timedelta(days=RECENT_DAYS)
    plays = ScenarioPlay.objects.filter(owner=owner, finished_at__gte=since).order_by("-finished_at", "-pk")
    prompts = []
    for play in plays[:MAX_PROMPTS]:
        prompt = _play_prompt(owner, play)
        if prompt is not None:
            prompts.append(prompt)
    return prompts


def _play_prompt(owner, play: ScenarioPlay) -> SuggestedPrompt | None:
    debrief = selectors.play_debrief(play=play)
    if debrief is None or debrief.worst_moment is None:
        return None
    moment = debrief.worst_moment
    scenario = selectors.scenario_maybe(scenario_id=play.scenario_id)
    title = scenario.title if scenario else play.scenario_id
    skill_ids = tuple(selectors.skill_links(owner=owner, names=list(debrief.next_skills)).values())
    return SuggestedPrompt(
        ref=f"scenario:play-{play.pk}",
        source="scenario",
        title=_("After “%(title)s”: your weakest moment") % {"title": title},
        question=_(
            "In the scenario you answered “%(chosen)s”. %(feedback)s Think of a real conversation where "
            "something similar happened: what did you say, how did it land, and what would you say now?"
        )
        % {"chosen": moment.chosen, "feedback": moment.feedback},
        skill_ids=skill_ids,
        template="what-so-what-now-what",
    )


def _play_exists(owner, ident: int) -> bool:
    return ScenarioPlay.objects.filter(owner=owner, pk=ident).exists()


def register() -> None:
    register_prompt_source("scenario", scenario_prompts)
    register_link_kind(LinkKind("scenario-play", "Scenario play", _play_exists))
