"""The writing editor: analyse as you type (htmx), save drafts, see progress. Thin views."""

from __future__ import annotations

from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_update
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from peoplecraft.core.confirm import confirmed, deleted_with_undo
from peoplecraft.core.http import post_form
from peoplecraft.writing import charts, confirmations, selectors, services
from peoplecraft.writing.analyzer import analyze
from peoplecraft.writing.forms import DraftForm
from peoplecraft.writing.highlight import segments


def _analysis_context(form: DraftForm) -> dict:
    if not form.is_valid():
        return {"analysis": None}
    text = form.cleaned_data["text"]
    result = analyze(text, context=form.cleaned_data["context"])
    return {"analysis": result, "segments": segments(text, result.findings), "findings": list(result.findings)}


def _editor(request: HttpRequest, form: DraftForm, *, draft=None, status: int = 200) -> HttpResponse:
    context = {
        "form": form,
        "draft": draft,
        "delete_confirmation": confirmations.draft_delete(draft) if draft else None,
        "drafts": selectors.draft_list(owner=request.user),
        "has_trend": len(selectors.writing_trend(owner=request.user)) > 1,
        **(_analysis_context(form) if form.is_bound else {"analysis": None}),
    }
    return render(request, "writing/editor.html", context, status=status)


@require_GET
def editor(request: HttpRequest, draft_id: int | None = None) -> HttpResponse:
    if draft_id is None:
        return _editor(request, DraftForm(initial={"context": "general"}))
    draft = selectors.draft_get(owner=request.user, draft_id=draft_id)
    form = DraftForm(data={"title": draft.title, "context": draft.context, "text": draft.text})
    return _editor(request, form, draft=draft)


@post_form("writing:editor")
def analyze_text(request: HttpRequest) -> HttpResponse:
    """The live analysis panel: a partial for htmx, the whole editor otherwise."""
    form = DraftForm(request.POST)
    if request.htmx:
        status = 200 if form.is_valid() else 400
        return render(request, "writing/editor.html#analysis", {"form": form, **_analysis_context(form)}, status=status)
    return _editor(request, form, status=200 if form.is_valid() else 400)


@require_POST
def save(request: HttpRequest, draft_id: int | None = None) -> HttpResponse:
    draft = selectors.draft_get(owner=request.user, draft_id=draft_id) if draft_id else None
    form = DraftForm(request.POST)
    if not form.is_valid():
        return _editor(request, form, draft=draft, status=400)
    draft = services.draft_save(owner=request.user, draft=draft, **form.cleaned_data)
    messages.success(request, _("Draft saved: clarity %(score)s/100.") % {"score": draft.score})
    return redirect("writing:draft", draft.pk)


def _delete_confirmation(request: HttpRequest, draft_id: int):
    return confirmations.draft_delete(selectors.draft_get(owner=request.user, draft_id=draft_id))


@confirmed(_delete_confirmation)
def delete(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = selectors.draft_get(owner=request.user, draft_id=draft_id)
    item = services.draft_delete(draft=draft, return_url=reverse("writing:draft", args=[draft.pk]))
    deleted_with_undo(request, _("Draft deleted."), item)
    return redirect("writing:editor")


@require_GET
@csp_update({"style-src": [SELF, UNSAFE_INLINE]})  # matplotlib's SVG styles itself inline; no scripts
def progress_chart(request: HttpRequest) -> HttpResponse:
    svg = charts.progress_svg(selectors.writing_trend(owner=request.user))
    return HttpResponse(svg, content_type="image/svg+xml")
