"""Every read of scenarios and plays that a view or command needs."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from django.db.models import Count, Max, Q
from django.http import Http404

from peoplecraft.core.ownership import get_owned_or_404
from peoplecraft.scenarios import engine
from peoplecraft.scenarios.catalogue import bundled_scenarios
from peoplecraft.scenarios.models import ScenarioPlay
from peoplecraft.skillmap.selectors import skills_in_active_guide


class ScenarioNotFound(LookupError):
    """No scenario matches a name; ``candidates`` lists close ones."""

    def __init__(self, message: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates


@dataclass(frozen=True)
class ScenarioSummary:
    scenario: engine.Scenario
    plays: int  # finished plays
    best_total: int | None
    in_progress: int | None  # id of the unfinished play, if any


def scenario_all() -> list[engine.Scenario]:
    return list(bundled_scenarios().values())


def scenario_get(*, scenario_id: str) -> engine.Scenario:
    """The scenario with this id, else Http404."""
    scenario = bundled_scenarios().get(scenario_id)
    if scenario is None:
        raise Http404
    return scenario


def scenario_maybe(*, scenario_id: str) -> engine.Scenario | None:
    """The scenario with this id, or None when it is no longer installed (old plays keep their debrief)."""
    return bundled_scenarios().get(scenario_id)


def scenario_find(*, name: str) -> engine.Scenario:
    """Find a scenario by id or title: exact id first, then a unique part of the id or title."""
    scenarios = bundled_scenarios()
    wanted = name.strip().casefold()
    if wanted in scenarios:
        return scenarios[wanted]
    matches = [s for s in scenarios.values() if wanted and (wanted in s.id or wanted in s.title.casefold())]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise ScenarioNotFound(f"'{name}' matches {len(matches)} scenarios.", [s.id for s in matches])
    close = difflib.get_close_matches(wanted, list(scenarios), n=5, cutoff=0.4)
    raise ScenarioNotFound(f"No scenario called '{name}'.", close or list(scenarios))


def scenario_summaries(*, owner) -> list[ScenarioSummary]:
    """Every scenario with the owner's finished plays, best score and unfinished play (two queries)."""
    stats = {
        row["scenario_id"]: row
        for row in ScenarioPlay.objects.filter(owner=owner)
        .values("scenario_id")
        .annotate(
            plays=Count("pk", filter=Q(finished_at__isnull=False)),
            best=Max("total_score", filter=Q(finished_at__isnull=False)),
        )
    }
    open_plays = dict(
        ScenarioPlay.objects.filter(owner=owner, finished_at=None)
        .order_by("started_at", "pk")
        .values_list("scenario_id", "pk")
    )
    return [
        ScenarioSummary(
            scenario,
            stats.get(scenario.id, {}).get("plays", 0),
            stats.get(scenario.id, {}).get("best"),
            open_plays.get(scenario.id),
        )
        for scenario in scenario_all()
    ]


def play_get(*, owner, play_id: int) -> ScenarioPlay:
    return get_owned_or_404(ScenarioPlay, owner, pk=play_id)


def play_in_progress(*, owner, scenario_id: str) -> ScenarioPlay | None:
    return (
        ScenarioPlay.objects.filter(owner=owner, scenario_id=scenario_id, finished_at=None)
        .order_by("-started_at", "-pk")
        .first()
    )


def plays_finished(*, owner, scenario_id: str) -> list[ScenarioPlay]:
    """The owner's finished plays of one scenario, newest first."""
    return list(
        ScenarioPlay.objects.filter(owner=owner, scenario_id=scenario_id, finished_at__isnull=False).order_by(
            "-finished_at", "-pk"
        )
    )


def play_state(*, play: ScenarioPlay) -> engine.PlayState | None:
    """Where an unfinished play stands; None when the scenario's text changed since it started."""
    scenario = bundled_scenarios().get(play.scenario_id)
    if scenario is None or scenario.version != play.content_version:
        return None
    try:
        return engine.replay(scenario, engine.as_steps(play.path))
    except engine.PathError:
        return None


def play_debrief(*, play: ScenarioPlay) -> engine.Debrief | None:
    """The stored debrief of a finished play (never recomputed from a newer scenario text)."""
    return engine.debrief_from_document(play.result) if play.result else None


def skill_links(*, owner, names: list[str]) -> dict[str, int]:
    """Skill name -> id of the live skill with that name in the owner's active guide (one query)."""
    found = {skill.name.casefold(): skill.pk for skill in skills_in_active_guide(owner, names)}
    return {name: found[name.casefold()] for name in names if name.casefold() in found}
