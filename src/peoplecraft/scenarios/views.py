"""Scenario pages: list, introduction, one decision per step, debrief. Thin: services write, selectors read."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from peoplecraft.core.http import redirect_after_post
from peoplecraft.scenarios import selectors, services
from peoplecraft.scenarios.models import Source


@require_GET
def scenario_list(request: HttpRequest) -> HttpResponse:
    return render(request, "scenarios/list.html", {"summaries": selectors.scenario_summaries(owner=request.user)})


@require_GET
def scenario_detail(request: HttpRequest, scenario_id: str) -> HttpResponse:
    scenario = selectors.scenario_get(scenario_id=scenario_id)
    plays = selectors.plays_finished(owner=request.user, scenario_id=scenario.id)
    context = {
        "scenario": scenario,
        "plays": plays,
        "best": max((p.total_score for p in plays), default=None),
        "in_progress": selectors.play_in_progress(owner=request.user, scenario_id=scenario.id),
    }
    return render(request, "scenarios/detail.html", context)


@require_POST
def play_start(request: HttpRequest, scenario_id: str) -> HttpResponse:
    scenario = selectors.scenario_get(scenario_id=scenario_id)
    play = services.play_start(
        owner=request.user, scenario_id=scenario.id, source=Source.WEB, restart=request.POST.get("restart") == "1"
    )
    return redirect_after_post(request, "scenarios:play", play.pk)


def _step_context(play, state, *, error: str | None = None) -> dict:
    scenario = selectors.scenario_get(scenario_id=play.scenario_id)
    last = state.last() if state is not None else None
    return {
        "play": play,
        "scenario": scenario,
        "state": state,
        "node": state.node if state is not None else None,
        "last_node": last[0] if last else None,
        "last_choice": last[1] if last else None,
        "decision_number": (state.decisions + 1) if state is not None else None,
        "error": error,
    }


@require_http_methods(["GET", "POST"])
def play(request: HttpRequest, play_id: int) -> HttpResponse:
    found = selectors.play_get(owner=request.user, play_id=play_id)
    if found.is_finished:
        return redirect_after_post(request, "scenarios:debrief", found.pk)
    if request.method == "POST":
        return _answer(request, found)
    context = _step_context(found, selectors.play_state(play=found))
    return render(request, "scenarios/play.html", context)


def _answer(request: HttpRequest, found) -> HttpResponse:
    node_id = request.POST.get("node", "")
    try:
        choice = int(request.POST.get("choice", ""))
    except ValueError:
        return _step_error(request, found, _("Choose one of the answers."), status=400)
    try:
        found = services.play_choose(play=found, node_id=node_id, choice=choice)
    except services.StaleAnswer as problem:
        return _step_error(request, found, str(problem), status=409)
    except services.ScenarioPlayError as problem:
        return _step_error(request, found, str(problem), status=400)
    if found.is_finished:
        return redirect_after_post(request, reverse("scenarios:debrief", args=[found.pk]))
    if not request.htmx:
        return redirect_after_post(request, "scenarios:play", found.pk)
    return render(request, "scenarios/play.html#step", _step_context(found, selectors.play_state(play=found)))


def _step_error(request: HttpRequest, found, message: str, *, status: int) -> HttpResponse:
    found.refresh_from_db()
    if found.is_finished:
        return redirect_after_post(request, reverse("scenarios:debrief", args=[found.pk]))
    context = _step_context(found, selectors.play_state(play=found), error=message)
    template = "scenarios/play.html#step" if request.htmx else "scenarios/play.html"
    return render(request, template, context, status=status)


@require_GET
def debrief(request: HttpRequest, play_id: int) -> HttpResponse:
    found = selectors.play_get(owner=request.user, play_id=play_id)
    if not found.is_finished:
        messages.info(request, _("This play is not finished yet; the debrief comes at the end."))
        return redirect_after_post(request, "scenarios:play", found.pk)
    result = selectors.play_debrief(play=found)
    links = selectors.skill_links(owner=request.user, names=[s.skill for s in result.skills])
    context = {
        "play": found,
        "scenario": selectors.scenario_maybe(scenario_id=found.scenario_id),
        "debrief": result,
        "skills": [_skill_row(score, links.get(score.skill)) for score in result.skills],
        "next_skills": [{"name": name, "skill_id": links.get(name)} for name in result.next_skills],
        "plays": selectors.plays_finished(owner=request.user, scenario_id=found.scenario_id),
    }
    return render(request, "scenarios/debrief.html", context)


def _skill_row(score, skill_id: int | None) -> dict:
    ratio = score.ratio
    return {
        "name": score.skill,
        "score": score.score,
        "best": score.best,
        "percent": None if ratio is None else round(100 * ratio),
        "meter": None if ratio is None else max(0, min(100, round(100 * ratio))),
        "skill_id": skill_id,
    }
