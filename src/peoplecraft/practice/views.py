"""Practice pages: today, the log, cards, the weekly plan, exercises. Thin: services and selectors."""

from __future__ import annotations

from datetime import date

from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_update
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from peoplecraft.core.confirm import confirmed, deleted_with_undo
from peoplecraft.core.http import post_form, redirect_after_post
from peoplecraft.core.inputs import parse_date
from peoplecraft.practice import calendar, charts, confirmation_sources, confirmations, plans, selectors, services
from peoplecraft.practice.forms import FocusForm, GradeForm, LogForm
from peoplecraft.practice.models import EntrySource
from peoplecraft.skillmap import selectors as skillmap_selectors

_SVG_CSP = csp_update({"style-src": [SELF, UNSAFE_INLINE]})


def _skills(request: HttpRequest):
    return selectors.skill_choices(owner=request.user)


@require_GET
def today(request: HttpRequest) -> HttpResponse:
    focus, source = selectors.focus_get(owner=request.user)
    day = timezone.localdate()
    habits = selectors.habits_for(owner=request.user, skills=focus, today=day)
    context = {
        "focus": [(skill, habits[skill.pk]) for skill in focus],
        "focus_source": source,
        "sessions": plans.rolling_plan(owner=request.user, today=day, focus=focus, days=1).sessions,
        "cards": selectors.cards_for(owner=request.user, skills=focus, due_only=True),
        "today": day,
    }
    return render(request, "practice/today.html", context)


@require_http_methods(["GET", "POST"])
def log(request: HttpRequest) -> HttpResponse:
    skills = _skills(request)
    if request.method == "GET":
        initial = {"occurred_on": timezone.localdate(), "skill": request.GET.get("skill")}
        exercise = selectors.exercise_get(request.GET.get("exercise", ""))
        if exercise is not None:
            initial |= {"exercise_id": exercise.id, "situation": exercise.title, "duration_minutes": exercise.minutes}
        form = LogForm(initial=initial, skills=skills)
        return render(request, "practice/log.html", _log_context(request, form))
    form = LogForm(request.POST, skills=skills)
    if form.is_valid():
        data = form.cleaned_data
        try:
            entry = services.practice_entry_log(
                owner=request.user,
                skill=data["skill"],
                occurred_on=data["occurred_on"],
                situation=data["situation"],
                what_happened=data["what_happened"],
                went_well=data["went_well"],
                to_improve=data["to_improve"],
                self_rating=data["self_rating"],
                duration_minutes=data["duration_minutes"],
                exercise_id=data["exercise_id"],
                source=EntrySource.EXERCISE if data["exercise_id"] else EntrySource.MANUAL,
            )
        except services.PracticeError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
        else:
            messages.success(request, _("Logged practice of %s.") % entry.skill.name)
            ask = confirmation_sources.ask_url(entry.pk)
            if ask and request.POST.get("then") == "ask":  # "Save, then ask the other person to confirm"
                return redirect_after_post(request, ask)
            return redirect_after_post(request, "practice:log")
    template = "practice/log.html#log-form" if request.htmx else "practice/log.html"
    return render(request, template, _log_context(request, form), status=400)


def _log_context(request: HttpRequest, form: LogForm) -> dict:
    entries = list(selectors.entries_list(owner=request.user, limit=30))
    found = selectors.entry_confirmations(owner=request.user, entries=entries)
    for entry in entries:
        entry.delete_confirmation = confirmations.entry_delete(entry)
        entry.confirmation = found.get(entry.pk)
        entry.ask_url = confirmation_sources.ask_url(entry.pk)
    return {"form": form, "entries": entries}


@require_GET
def cards(request: HttpRequest) -> HttpResponse:
    focus, _source = selectors.focus_get(owner=request.user)
    due_only = request.GET.get("due") == "1"
    views = selectors.cards_for(owner=request.user, skills=focus, due_only=due_only)
    return render(request, "practice/cards.html", {"cards": views, "due_only": due_only, "focus": focus})


@require_POST
def grade(request: HttpRequest, card_id: str) -> HttpResponse:
    card = selectors.card_get(card_id)
    if card is None:
        raise Http404
    form = GradeForm(request.POST)
    error, state = None, None
    if not form.is_valid():
        error = _("Grade it missed, hard, good or easy.")
    else:
        try:
            state = services.card_grade(owner=request.user, card_id=card_id, grade=form.cleaned_data["grade"])
        except services.PracticeError as problem:
            error = str(problem)
    status = 400 if error else 200
    if request.htmx:
        return render(
            request, "practice/cards.html#graded", {"card": card, "state": state, "error": error}, status=status
        )
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Graded; next time: %s.") % timezone.localtime(state.due).strftime("%Y-%m-%d"))
    return redirect_after_post(request, "practice:today")


def _week(request: HttpRequest) -> tuple[date, str]:
    """The week asked for in ``?week=`` (default: this week), or this week and a message saying why not.

    A date that is not real, or so far off that week arithmetic would overflow, is a 400 with
    that message on the page, never a bare 404 or a 500.
    """
    text = request.GET.get("week", "")
    try:
        return (parse_date(text) if text else timezone.localdate()), ""
    except ValueError:
        problem = _("“%(week)s” is not a week Peoplecraft can plan; write a date like 2025-06-30.") % {
            "week": text[:40]
        }
        return timezone.localdate(), problem


@require_GET
def plan(request: HttpRequest) -> HttpResponse:
    return _plan_page(request, FocusForm(skills=_skills(request)), status=200)


def _plan_page(request: HttpRequest, form: FocusForm, *, status: int) -> HttpResponse:
    """The rolling plan of the next seven days; ``?week=`` shows a whole calendar week instead."""
    focus, source = selectors.focus_get(owner=request.user)
    week_start, week_problem = _week(request)
    status = 400 if week_problem else status
    if request.GET.get("week") and not week_problem:
        week = plans.week_plan(owner=request.user, week_start=week_start, focus=focus)
        days = [(day, week.on(day)) for day in sorted({s.day for s in week.sessions})]
        context = {"plan": week, "days": days, "rolling": False}
    else:  # the rolling plan, also under the message when ?week= was not a usable date
        rolling = plans.rolling_plan(owner=request.user, focus=focus)
        context = {"plan": rolling, "days": rolling.by_day(), "rolling": True, "today": rolling.start}
    context |= {"focus": focus, "focus_source": source, "form": form}
    context["focus_ids"] = {skill.pk for skill in focus}
    context["problems"] = [week_problem] if week_problem else []
    template = "practice/plan.html#focus-form" if request.htmx and status != 200 else "practice/plan.html"
    return render(request, template, context, status=status)


@post_form("practice:plan", "#focus-form")
def focus(request: HttpRequest) -> HttpResponse:
    form = FocusForm(request.POST, skills=_skills(request))
    if form.is_valid():
        try:
            services.focus_set(owner=request.user, skills=list(form.cleaned_data["skills"]))
        except services.PracticeError as error:
            form.add_error("skills", str(error))
        else:
            messages.success(request, _("Your focus skills are saved; the plan follows them."))
            return redirect_after_post(request, "practice:plan")
    return _plan_page(request, form, status=400)


@require_GET
def plan_ics(request: HttpRequest) -> HttpResponse:
    """The upcoming sessions (from today, seven days); ``?week=`` exports that calendar week."""
    week_start, week_problem = _week(request)
    if week_problem:
        return HttpResponse(week_problem, content_type="text/plain; charset=utf-8", status=400)
    if request.GET.get("week"):
        week = plans.week_plan(owner=request.user, week_start=week_start)
    else:
        week = plans.rolling_plan(owner=request.user).as_week_plan()
    body = calendar.plan_calendar(week, lookup=selectors.exercise_get, stamp=timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="practice-{week.week_start.isoformat()}.ics"'
    return response


@require_POST
def session_tick(request: HttpRequest, day: str, skill_id: int) -> HttpResponse:
    """Tick off (``done=1``) or untick (``done=0``) a planned session; the session row comes back (htmx)."""
    try:
        when = parse_date(day)
    except ValueError:
        raise Http404 from None
    error = ""
    try:
        if request.POST.get("done") == "0":
            services.planned_session_untick(owner=request.user, day=when, skill_id=skill_id)
        else:
            services.planned_session_tick(owner=request.user, day=when, skill_id=skill_id)
    except services.PracticeError as problem:
        error = str(problem)
    if not request.htmx:
        if error:
            messages.error(request, error)
        return redirect_after_post(
            request, "practice:today" if request.POST.get("from") == "today" else "practice:plan"
        )
    planned = next((p for p in plans.rolling_plan(owner=request.user, today=when, days=1).sessions
                    if p.skill_id == skill_id), None)  # fmt: skip
    if planned is None:
        raise Http404
    done = _("Done: %(title)s.") if planned.done else _("Not done yet: %(title)s.")
    from_page = "today" if request.POST.get("from") == "today" else ""
    context = {
        "planned": planned,
        "error": error,
        "from_page": from_page,
        "announce": "" if error else done % {"title": planned.session.title},
    }
    return render(request, "practice/plan.html#planned-session", context, status=400 if error else 200)


@require_GET
def exercises(request: HttpRequest) -> HttpResponse:
    skill = request.GET.get("skill") or None
    context = {"exercises": selectors.exercises_list(skill=skill), "skills": _skills(request), "chosen": skill}
    return render(request, "practice/exercises.html", context)


@require_GET
def exercise_detail(request: HttpRequest, exercise_id: str) -> HttpResponse:
    exercise = selectors.exercise_get(exercise_id)
    if exercise is None:
        raise Http404
    skill = _skills(request).filter(name__iexact=exercise.skill).first()
    context = {
        "exercise": exercise,
        "skill": skill,
        "rehearse": selectors.rehearsal(exercise),
        "ask_question": selectors.ask_question(exercise),
    }
    return render(request, "practice/exercise.html", context)


@require_GET
@_SVG_CSP
def strength_chart(request: HttpRequest, skill_id: int) -> HttpResponse:
    skill = skillmap_selectors.skill_get(owner=request.user, skill_id=skill_id)
    series, practised = selectors.strength_points(skill=skill)
    svg = charts.strength_chart(series, practised, title=f"{skill.name}: habit strength, last 90 days")
    return HttpResponse(svg, content_type="image/svg+xml")


def _delete_confirmation(request: HttpRequest, entry_id: int):
    return confirmations.entry_delete(selectors.entry_get(owner=request.user, entry_id=entry_id))


@confirmed(_delete_confirmation)
def entry_delete(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = selectors.entry_get(owner=request.user, entry_id=entry_id)
    item = services.practice_entry_delete(entry=entry, return_url=reverse("practice:log"))
    day = entry.occurred_on.isoformat()
    deleted_with_undo(request, _("Deleted the session of %(day)s.") % {"day": day}, item)
    return redirect_after_post(request, "practice:log")
