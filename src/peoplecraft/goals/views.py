"""Goal pages, the Eisenhower board, the calendar export and the weekly review. Thin views."""

from __future__ import annotations

from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_update
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from peoplecraft.core.http import post_form, redirect_after_post
from peoplecraft.goals import charts, review, selectors, services
from peoplecraft.goals.forms import (
    ActionForm,
    CheckInForm,
    GoalEditForm,
    GoalForm,
    MilestoneForm,
    MoveForm,
    ReviewForm,
    StatusForm,
)
from peoplecraft.goals.progress import QUADRANTS
from peoplecraft.journal import selectors as journal_selectors


def _home(request: HttpRequest, form: GoalForm, status: int = 200) -> HttpResponse:
    today = timezone.localdate()
    goals = [selectors.goal_health(goal, today) for goal in selectors.goal_list(owner=request.user)]
    template = "goals/home.html#goal-form" if request.htmx and status != 200 else "goals/home.html"
    return render(request, template, {"form": form, "goals": goals}, status=status)


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return _home(request, GoalForm(skills=journal_selectors.skill_choices(owner=request.user)))


@post_form("goals:home", "#goal-form")  # a bookmarked or typed /goals/new/: the form lives on the goals page
def create(request: HttpRequest) -> HttpResponse:
    form = GoalForm(request.POST, skills=journal_selectors.skill_choices(owner=request.user))
    if not form.is_valid():
        return _home(request, form, status=400)
    data = form.cleaned_data
    goal_input = services.GoalInput(
        title=data["title"],
        skill_id=data["skill"].pk if data["skill"] else None,
        measure=data["measure"],
        target=data["target"],
        due_date=data["due_date"],
        urgent=data["urgent"],
        important=data["important"],
        reminder_days=data["reminder_days"],
        milestones=data["milestones"],
    )
    try:
        goal = services.goal_create(owner=request.user, data=goal_input)
    except services.GoalError as error:
        for field, message in error.errors.items():
            form.add_error(field if field in form.fields else None, message)
        return _home(request, form, status=400)
    messages.success(request, _("Goal set: “%s”.") % goal.title)
    return redirect_after_post(request, "goals:goal", goal.pk)


def _detail(request: HttpRequest, goal_id: int, *, forms: dict | None = None, error: str = "", status: int = 200):
    goal = selectors.goal_get(owner=request.user, goal_id=goal_id)
    context = {
        "goal": goal,
        "health": selectors.goal_health(goal, timezone.localdate()),
        "error": error,
        "checkin_form": CheckInForm(goal=goal),
        "action_form": ActionForm(),
        "milestone_form": MilestoneForm(),
        "edit_form": GoalEditForm.for_goal(goal, skills=journal_selectors.skill_choices(owner=request.user)),
        **(forms or {}),
    }
    template = "goals/goal.html#goal-panel" if request.htmx else "goals/goal.html"
    return render(request, template, context, status=status)


@require_GET
def detail(request: HttpRequest, goal_id: int) -> HttpResponse:
    return _detail(request, goal_id)


def _write(request: HttpRequest, goal_id: int, form, form_name: str, action) -> HttpResponse:
    """Validate ``form``, run ``action(cleaned_data)``; the goal panel comes back (htmx) or a redirect."""
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except services.GoalError as problem:
            for field, message in problem.errors.items():
                form.add_error(field if field in form.fields else None, message)
    if form.errors:
        return _detail(request, goal_id, forms={form_name: form}, status=400)
    if request.htmx:
        return _detail(request, goal_id)
    return redirect_after_post(request, "goals:goal", goal_id)


@require_POST
def edit(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = selectors.goal_get(owner=request.user, goal_id=goal_id)
    form = GoalEditForm(request.POST, skills=journal_selectors.skill_choices(owner=request.user), prefix="edit")

    def update(data: dict) -> None:
        values = {name: data[name] for name in ("title", "measure", "target", "due_date")}
        skill_id = data["skill"].pk if data["skill"] else None
        goal_input = services.GoalInput(**values, skill_id=skill_id, reminder_days=data["reminder_days"] or 0)
        services.goal_update(goal=goal, data=goal_input)

    return _write(request, goal.pk, form, "edit_form", update)


@require_POST
def checkin(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = selectors.goal_get(owner=request.user, goal_id=goal_id)
    return _write(
        request,
        goal.pk,
        CheckInForm(request.POST, goal=goal),
        "checkin_form",
        lambda data: services.goal_checkin(goal=goal, amount=data["amount"], note=data["note"]),
    )


@require_POST
def set_status(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = selectors.goal_get(owner=request.user, goal_id=goal_id)
    return _write(
        request,
        goal.pk,
        StatusForm(request.POST),
        "status_form",
        lambda data: services.goal_set_status(goal=goal, status=data["status"]),
    )


@require_POST
def action_add(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = selectors.goal_get(owner=request.user, goal_id=goal_id)
    return _write(
        request,
        goal.pk,
        ActionForm(request.POST),
        "action_form",
        lambda data: services.action_add(goal=goal, title=data["title"], quadrant=data["quadrant"] or None),
    )


@require_POST
def action_done(request: HttpRequest, action_id: int) -> HttpResponse:
    action = selectors.action_get(owner=request.user, action_id=action_id)
    services.action_done(action=action)
    return (
        _detail(request, action.goal_id) if request.htmx else redirect_after_post(request, "goals:goal", action.goal_id)
    )


@require_POST
def milestone_add(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = selectors.goal_get(owner=request.user, goal_id=goal_id)
    return _write(
        request,
        goal.pk,
        MilestoneForm(request.POST),
        "milestone_form",
        lambda data: services.milestone_add(goal=goal, title=data["title"], due_date=data["due_date"]),
    )


@require_POST
def milestone_done(request: HttpRequest, milestone_id: int) -> HttpResponse:
    milestone = selectors.milestone_get(owner=request.user, milestone_id=milestone_id)
    services.milestone_done(milestone=milestone)
    goal_id = milestone.goal_id
    return _detail(request, goal_id) if request.htmx else redirect_after_post(request, "goals:goal", goal_id)


def _board(request: HttpRequest, error: str = "", status: int = 200) -> HttpResponse:
    context = {"quadrants": selectors.board(owner=request.user), "error": error, "names": QUADRANTS}
    template = "goals/board.html#board" if request.htmx else "goals/board.html"
    return render(request, template, context, status=status)


@require_GET
def board(request: HttpRequest) -> HttpResponse:
    return _board(request)


@require_POST
def move(request: HttpRequest) -> HttpResponse:
    form = MoveForm(request.POST)
    if not form.is_valid():
        return _board(request, _("Choose one of the four quadrants."), status=400)
    data = form.cleaned_data
    if data["kind"] == "goal":
        services.goal_move(goal=selectors.goal_get(owner=request.user, goal_id=data["item"]), quadrant=data["quadrant"])
    else:
        action = selectors.action_get(owner=request.user, action_id=data["item"])
        services.action_move(action=action, quadrant=data["quadrant"])
    return _board(request) if request.htmx else redirect_after_post(request, "goals:board")


@require_GET
def calendar(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(selectors.calendar_ics(owner=request.user), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="peoplecraft-goals.ics"'
    return response


def _review_day(request: HttpRequest):
    form = ReviewForm(request.GET or None)
    day = form.cleaned_data.get("week") if form.is_bound and form.is_valid() else None
    return form, day


@require_GET
def weekly_review(request: HttpRequest) -> HttpResponse:
    form, day = _review_day(request)
    context = {"form": form, "review": review.weekly_review(owner=request.user, day=day)}
    return render(request, "goals/review.html", context, status=400 if form.errors else 200)


@require_GET
@csp_update({"style-src": [SELF, UNSAFE_INLINE]})  # matplotlib's SVG styles itself inline; no scripts
def review_chart(request: HttpRequest) -> HttpResponse:
    _form, day = _review_day(request)
    end = review.week_of(day or timezone.localdate())[1]
    weeks = [(w.week, w.mood, w.stress) for w in review.mood_trend(request.user, end)]
    return HttpResponse(charts.mood_stress_svg(weeks), content_type="image/svg+xml")
