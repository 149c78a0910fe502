"""Every write of scenario plays. Each function owns its transaction.

A play moves one decision at a time. Every answer names the node it answers; if the play is no
longer at that node (a double submit, a stale page, a second tab) the answer is refused and
nothing changes.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peoplecraft.practice.models import EntrySource
from peoplecraft.practice.services import practice_entry_log
from peoplecraft.scenarios import engine
from peoplecraft.scenarios.catalogue import bundled_scenarios
from peoplecraft.scenarios.models import ScenarioPlay, Source
from peoplecraft.skillmap.selectors import skills_in_active_guide


class ScenarioPlayError(ValueError):
    """Bad input for a play; the message says what is wrong."""


class StaleAnswer(ScenarioPlayError):
    """The answer was for a step the play has already left."""


def _scenario(scenario_id: str) -> engine.Scenario:
    scenario = bundled_scenarios().get(scenario_id)
    if scenario is None:
        raise ScenarioPlayError(_("There is no scenario called “%(id)s”.") % {"id": scenario_id})
    return scenario


def play_start(
    *, owner, scenario_id: str, source: str = Source.WEB, restart: bool = False, first_choice: int | None = None
) -> ScenarioPlay:
    """Resume the owner's unfinished play of a scenario, or start one (``restart`` discards the old one).

    ``first_choice`` (0-based) answers the opening decision in the same transaction: the command
    line stores a play only with its first answer, so an interrupted session leaves nothing."""
    scenario = _scenario(scenario_id)
    with transaction.atomic():
        unfinished = ScenarioPlay.objects.select_for_update().filter(
            owner=owner, scenario_id=scenario.id, finished_at=None
        )
        current = unfinished.order_by("-started_at", "-pk").first()
        if current is None or restart or current.content_version != scenario.version:
            unfinished.delete()  # an unfinished play has no scores worth keeping
            current = ScenarioPlay.objects.create(
                owner=owner,
                scenario_id=scenario.id,
                content_version=scenario.version,
                node_id=scenario.start,
                source=source,
            )
        if first_choice is not None:
            current = play_choose(play=current, node_id=scenario.start, choice=first_choice)
        return current


def play_choose(*, play: ScenarioPlay, node_id: str, choice: int) -> ScenarioPlay:
    """Answer the play's current node with choice number ``choice`` (0-based); finishes it at an ending."""
    with transaction.atomic():
        locked = ScenarioPlay.objects.select_for_update().get(pk=play.pk)
        if locked.is_finished:
            raise StaleAnswer(_("This play is already finished."))
        scenario = _scenario(locked.scenario_id)
        if scenario.version != locked.content_version:
            raise ScenarioPlayError(_("This scenario was updated since you started it; please start again."))
        try:
            state = engine.replay(scenario, engine.as_steps(locked.path))
            state = engine.advance(state, node_id=node_id, choice=choice)
        except engine.StaleStep:
            raise StaleAnswer(
                _("That step was already answered (perhaps a double click or an old page). Here is where you are now.")
            ) from None
        except (engine.BadChoice, engine.PathError) as error:
            raise ScenarioPlayError(str(error)) from None
        locked.path = engine.steps_document(state.steps)
        locked.node_id = state.node.id
        if state.finished:
            _finish(locked, state)
        locked.save()
    return locked


def _finish(play: ScenarioPlay, state: engine.PlayState) -> None:
    debrief = engine.debrief(state)
    play.finished_at = timezone.now()
    play.outcome = debrief.outcome
    play.total_score = debrief.total
    play.best_total = debrief.best_total
    play.result = engine.debrief_document(debrief)
    _practice_log(play, debrief)


def _practice_log(play: ScenarioPlay, debrief: engine.Debrief) -> None:
    """Log the finished play as practice: one entry per skill the path could score.

    The self-rating is the skill's score as a share of the best possible on that path, mapped
    to 1–5. Skills missing from the learner's active guide are skipped. Runs inside
    ``play_choose``'s transaction, so a failing log stores nothing.
    """
    minutes = max(1, round((play.finished_at - play.started_at).total_seconds() / 60))
    for skill in skills_in_active_guide(play.owner, [score.skill for score in debrief.skills if score.best > 0]):
        score = next(s for s in debrief.skills if s.skill.casefold() == skill.name.casefold())
        practice_entry_log(
            owner=play.owner,
            skill=skill,
            occurred_on=timezone.localdate(play.finished_at),
            situation=_("Scenario: %(title)s") % {"title": _scenario(play.scenario_id).title},
            what_happened=debrief.outcome,
            went_well=debrief.best_moment.feedback if debrief.best_moment else "",
            to_improve=debrief.worst_moment.feedback if debrief.worst_moment else "",
            self_rating=_rating(score.score, score.best),
            duration_minutes=minutes,
            source=EntrySource.SCENARIO,
            source_ref=f"scenario-play:{play.pk}",
        )


def _rating(score: int, best: int) -> int:
    """0 % of the best possible → 1, 100 % → 5."""
    return min(5, max(1, 1 + round(4 * max(0.0, score / best))))
