"""The learner's micro-feedback pages: ask one question after a moment, see what the skill's pool shows."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from peoplecraft.core.confirm import confirmed
from peoplecraft.core.http import post_form, redirect_after_post
from peoplecraft.feedback import confirmations, forms, moment_results, moment_services, selectors
from peoplecraft.feedback.views import _base_url, _keep_links, _pop_links
from peoplecraft.skillmap import selectors as skillmap_selectors


def home_context(request: HttpRequest, guide, form=None) -> dict:
    """What the feedback home page shows of micro-feedback (also used by :func:`views.home`)."""
    return {
        "moment_form": form or (forms.MomentForm(guide=guide) if guide else None),
        "moments": selectors.moment_list(owner=request.user)[:10],
        "pooled": moment_results.pooled_skills(owner=request.user),
    }


@post_form("feedback:home", "#moment-heading")
def moment_create(request: HttpRequest) -> HttpResponse:
    guide = skillmap_selectors.guide_active(owner=request.user)
    if guide is None:
        raise Http404
    form = forms.MomentForm(request.POST, guide=guide)
    if form.is_valid():
        try:
            moment, links = moment_services.moment_create(
                owner=request.user,
                skill=form.cleaned_data["skill"],
                question=form.cleaned_data["question"],
                emails=form.email_list(),
                links=form.cleaned_data["links"] or 0,
                base_url=_base_url(request),
            )
        except moment_services.FeedbackError as error:
            for problem in error.problems:
                form.add_error(None, problem)
        else:
            _keep_links(request, f"m{moment.pk}", links)
            messages.success(request, _("Your question is on its way."))
            return redirect_after_post(request, "feedback:moment", moment.pk)
    if request.htmx:
        return render(request, "feedback/home.html#moment-form", {"moment_form": form}, status=400)
    context = {"guide": guide, "requests": selectors.request_list(owner=request.user)}
    context.update(home_context(request, guide, form))
    return render(request, "feedback/home.html", context, status=400)


@require_GET
def moment_detail(request: HttpRequest, moment_id: int) -> HttpResponse:
    moment = selectors.moment_get(owner=request.user, moment_id=moment_id)
    pooled = moment_results.pooled_skills(owner=request.user, skill_ids=[moment.pool.skill_id])
    context = {"moment": moment, "links": _pop_links(request, f"m{moment.pk}"), "pooled": pooled[0]}
    context["close_confirmation"] = confirmations.moment_close(moment)
    return render(request, "feedback/moment.html", context)


def _close_confirmation(request: HttpRequest, moment_id: int):
    return confirmations.moment_close(selectors.moment_get(owner=request.user, moment_id=moment_id))


@confirmed(_close_confirmation)
def moment_close(request: HttpRequest, moment_id: int) -> HttpResponse:
    moment = selectors.moment_get(owner=request.user, moment_id=moment_id)
    moment_services.moment_close(moment=moment)
    messages.success(request, _("The links of this moment no longer work; answers already given stay pooled."))
    return redirect_after_post(request, "feedback:moment", moment.pk)


@require_GET
def moments_json(request: HttpRequest) -> HttpResponse:
    document = {"skills": moment_results.pooled_document(moment_results.pooled_skills(owner=request.user))}
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="micro-feedback.json"'
    return response
