"""Self-assessment pages. Thin: writes go through services, reads through selectors."""

from __future__ import annotations

from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_update
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import push_url

from peoplecraft.assessment import charts, retest_selectors, selectors, services
from peoplecraft.assessment import results as result_selectors
from peoplecraft.assessment.forms import AnswersForm, StartForm, question_rows
from peoplecraft.core.http import post_form, redirect_after_post
from peoplecraft.skillmap import selectors as skillmap_selectors
from peoplecraft.skillmap import services as skillmap_services
from peoplecraft.skillmap.models import SkillStatus, StatusSource

# matplotlib's SVG carries style attributes; the image is served on its own URL with no script.
_SVG_CSP = csp_update({"style-src": [SELF, UNSAFE_INLINE]})


def _guide(request: HttpRequest):
    guide = skillmap_selectors.guide_active(owner=request.user)
    if guide is None:
        raise Http404
    return guide


def _home_context(request: HttpRequest, guide, form: StartForm) -> dict:
    return {
        "guide": guide,
        "form": form,
        "in_progress": selectors.assessment_in_progress(owner=request.user, guide=guide),
        "assessments": selectors.assessment_list(owner=request.user, guide=guide),
        "retest": retest_selectors.retest_offer(owner=request.user, guide=guide),
    }


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    guide = skillmap_selectors.guide_active(owner=request.user)
    if guide is None:
        return render(request, "assessment/home.html", {"guide": None})
    return render(request, "assessment/home.html", _home_context(request, guide, StartForm(guide=guide)))


@post_form("assessment:home")
def start(request: HttpRequest) -> HttpResponse:
    guide = _guide(request)
    form = StartForm(request.POST, guide=guide)
    if form.is_valid():
        data = form.cleaned_data
        try:
            assessment = services.assessment_start(
                owner=request.user,
                guide=guide,
                scope=data["scope"],
                area=data["area"],
                skills=list(data["skills"]),
                priorities=[s.name for s in data["priorities"]],
            )
        except services.AssessmentError as error:
            form.add_error(None, str(error))
        else:
            return redirect_after_post(request, "assessment:take", assessment.pk, 1)
    template = "assessment/home.html#start-form" if request.htmx else "assessment/home.html"
    return render(request, template, _home_context(request, guide, form), status=400)


def _answers(assessment, pages) -> dict:
    """Saved answers to the items the pages show (answers to retired items are left out)."""
    return selectors.answers_get(assessment=assessment, items=[item for p in pages for item in p.items])


@require_POST
def retest_start(request: HttpRequest, assessment_id: int) -> HttpResponse:
    """Start (or resume) the retest of a finished assessment; outside its window, back home with why."""
    original = selectors.assessment_get(owner=request.user, assessment_id=assessment_id)
    started = original.retests.first()
    if started is not None and not started.is_complete:
        return redirect_after_post(request, "assessment:take", started.pk, 1)
    try:
        retest = services.retest_start(owner=request.user, original=original)
    except services.AssessmentError as error:
        messages.error(request, str(error))
        return redirect_after_post(request, "assessment:home")
    return redirect_after_post(request, "assessment:take", retest.pk, 1)


def _page_context(assessment, pages, number: int, form: AnswersForm | None, answers: dict) -> dict:
    page = pages[number - 1]
    total = sum(len(p.items) for p in pages)
    return {
        "assessment": assessment,
        "page": page,
        "rows": question_rows(page.items, answers),  # the assessment's seeded shuffled order
        "pages": pages,
        "form": form,
        "answers": answers,
        "is_last": number == len(pages),
        "answered": sum(v is not None for v in answers.values()),
        "total": total,
    }


@require_http_methods(["GET", "POST"])
def take(request: HttpRequest, assessment_id: int, page: int) -> HttpResponse:
    assessment = selectors.assessment_get(owner=request.user, assessment_id=assessment_id)
    if assessment.is_complete:
        return redirect_after_post(request, "assessment:results", assessment.pk)
    pages = selectors.assessment_pages(assessment=assessment)
    if not 1 <= page <= len(pages):
        raise Http404
    if request.method == "POST":
        return _take_post(request, assessment, pages, page)
    context = _page_context(assessment, pages, page, None, _answers(assessment, pages))
    return render(request, "assessment/take.html", context)


def _take_post(request: HttpRequest, assessment, pages, number: int) -> HttpResponse:
    form = AnswersForm(request.POST, items=pages[number - 1].items)
    error = None
    if form.is_valid():
        try:
            services.answers_save(assessment=assessment, answers=form.answers())
            if request.POST.get("action") == "finish":
                services.assessment_complete(assessment=assessment)
                return redirect_after_post(request, reverse("assessment:results", args=[assessment.pk]))
        except services.AssessmentError as problem:
            error = str(problem)
        else:
            target = number + 1 if request.POST.get("action") != "back" else number - 1
            target = min(max(target, 1), len(pages))
            if not request.htmx:
                return redirect_after_post(request, "assessment:take", assessment.pk, target)
            context = _page_context(assessment, pages, target, None, _answers(assessment, pages))
            response = render(request, "assessment/take.html#take-form", context)
            # The address follows the page shown, so Back and reload keep the learner's place.
            return push_url(response, reverse("assessment:take", args=[assessment.pk, target]))
    else:
        error = _("Some answers were not on the scale; nothing on this page was saved.")
    context = _page_context(assessment, pages, number, form, _answers(assessment, pages))
    context["error"] = error
    template = "assessment/take.html#take-form" if request.htmx else "assessment/take.html"
    return render(request, template, context, status=400)


@require_GET
def results(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = selectors.assessment_get(owner=request.user, assessment_id=assessment_id)
    if not assessment.is_complete:
        messages.info(request, _("This assessment is not finished yet; it is scored when you finish it."))
        return redirect_after_post(request, "assessment:take", assessment.pk, 1)
    context = {
        "results": result_selectors.assessment_results(assessment=assessment),
        "assessment": assessment,
        "retest": retest_selectors.retest_offer(owner=request.user, guide=assessment.guide),
    }
    return render(request, "assessment/results.html", context)


@require_GET
@_SVG_CSP
def radar(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = selectors.assessment_get(owner=request.user, assessment_id=assessment_id)
    if not assessment.is_complete:
        raise Http404
    svg = charts.radar_chart(result_selectors.area_scores(assessment=assessment))
    return HttpResponse(svg, content_type="image/svg+xml")


@require_GET
@_SVG_CSP
def self_scores_chart(request: HttpRequest) -> HttpResponse:
    """Every scored skill's self-score in the active guide: the progress page's chart."""
    rows = selectors.self_score_rows(request.user, _guide(request))
    svg = charts.self_scores_chart([(skill.name, score) for skill, score in rows])
    return HttpResponse(svg, content_type="image/svg+xml")


@require_GET
def skill_history(request: HttpRequest, skill_id: int) -> HttpResponse:
    skill = skillmap_selectors.skill_get(owner=request.user, skill_id=skill_id)
    context = {"skill": skill, "history": selectors.skill_history(skill=skill)}
    return render(request, "assessment/skill_history.html", context)


@require_GET
@_SVG_CSP
def skill_trend(request: HttpRequest, skill_id: int) -> HttpResponse:
    skill = skillmap_selectors.skill_get(owner=request.user, skill_id=skill_id)
    history = selectors.skill_history(skill=skill)
    points = [(point.taken_at, point.score) for point in history]
    svg = charts.trend_chart(points, title=skill.name, bands=[point.band for point in history])
    return HttpResponse(svg, content_type="image/svg+xml")


@require_POST
def focus(request: HttpRequest, skill_id: int) -> HttpResponse:
    skill = skillmap_selectors.skill_get(owner=request.user, skill_id=skill_id)
    error, status, notice = _choose_focus(skill, expected=request.POST.get("expected", ""))
    skill = skillmap_selectors.skill_get(owner=request.user, skill_id=skill_id)
    if request.htmx:
        context = {"skill": skill, "error": error, "notice": notice}
        return render(request, "assessment/results.html#focus-control", context, status=status)
    if notice:
        messages.info(request, notice)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("“%s” is now in focus on your skill map.") % skill.name)
    next_url = request.POST.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return redirect_after_post(request, next_url)
    return redirect_after_post(request, "skillmap:skill", skill.pk)


def _choose_focus(skill, *, expected: str) -> tuple[str | None, int, str]:
    """Focus on ``skill``; return (error, HTTP status, what was read from the note first)."""
    heading = _("Read changes from the note")
    expected_status = expected if expected in SkillStatus.values else None
    try:
        result = services.focus_choose(skill=skill, source=StatusSource.WEB, expected_status=expected_status)
    except skillmap_services.SkillConflict as conflict:
        return str(conflict), 409, conflict.from_note.summary(heading) if conflict.from_note else ""
    except skillmap_services.GuideError as problem:
        return str(problem), 400, ""
    return None, 200, result.from_note.summary(heading)


@require_GET
def validity(request: HttpRequest) -> HttpResponse:
    """Pooled aggregates only (opted-in members, k >= 20): any signed-in user may read them."""
    return render(request, "assessment/validity.html", {"report": selectors.validity_report()})
