"""The learner's feedback pages. Thin: writes through services, reads through selectors."""

from __future__ import annotations

from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_update
from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from peoplecraft.core.confirm import confirmed
from peoplecraft.core.http import redirect_after_post
from peoplecraft.feedback import charts, confirmations, forms, results, selectors, services
from peoplecraft.feedback.delivery import mail_waiting_message
from peoplecraft.feedback.models import Delivery
from peoplecraft.skillmap import selectors as skillmap_selectors

_SVG_CSP = csp_update({"style-src": [SELF, UNSAFE_INLINE]})
_LINKS_KEY = "feedback_links"


def _base_url(request: HttpRequest) -> str:
    return settings.BASE_URL or request.build_absolute_uri("/").rstrip("/")


def _keep_links(request: HttpRequest, request_id: int | str, links) -> None:
    """Pass-on links are shown once, on the next page: the session holds them until then. Links
    Peoplecraft e-mailed have no ``url`` here and never reach the session or a page."""
    shown = [[link.email, link.url] for link in links if link.url]
    if not shown:
        return
    stash = request.session.get(_LINKS_KEY, {})
    stash[str(request_id)] = shown
    request.session[_LINKS_KEY] = stash


def _pop_links(request: HttpRequest, request_id: int | str) -> list[list[str]]:
    stash = request.session.get(_LINKS_KEY, {})
    links = stash.pop(str(request_id), [])
    if links:
        request.session[_LINKS_KEY] = stash
    return links


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    guide = skillmap_selectors.guide_active(owner=request.user)
    context = {"guide": guide, "requests": selectors.request_list(owner=request.user)}
    from peoplecraft.feedback.moment_views import home_context

    context.update(home_context(request, guide))
    return render(request, "feedback/home.html", context)


@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    guide = skillmap_selectors.guide_active(owner=request.user)
    if guide is None:
        raise Http404
    email_available = services.email_available()
    form = forms.RequestForm(request.POST or None, guide=guide, email_available=email_available)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            feedback_request, links = services.request_create(
                owner=request.user,
                guide=guide,
                skills=list(data["skills"]),
                raters=form.raters(),
                deadline=data["deadline"],
                message=data["message"],
                reminder_days=data["reminder_days"],
                attribute_manager=data["attribute_manager"],
                delivery=data["delivery"] or Delivery.EMAIL,
                base_url=_base_url(request),
            )
        except services.FeedbackError as error:
            for problem in error.problems:
                form.add_error(None, problem)
        else:
            _keep_links(request, feedback_request.pk, links)
            if waiting := selectors.mail_waiting_count(feedback_request=feedback_request):
                messages.error(request, mail_waiting_message(waiting))
            return redirect_after_post(request, "feedback:detail", feedback_request.pk)
    status = 400 if request.method == "POST" else 200
    template = (
        "feedback/create.html#request-form" if request.htmx and request.method == "POST" else "feedback/create.html"
    )
    context = {"form": form, "guide": guide, "email_available": email_available}
    return render(request, template, context, status=status)


@require_GET
def detail(request: HttpRequest, request_id: int) -> HttpResponse:
    feedback_request = selectors.request_get(owner=request.user, request_id=request_id)
    items = selectors.request_items(feedback_request=feedback_request)
    context = {
        "feedback_request": feedback_request,
        "skills": selectors.request_skills(feedback_request=feedback_request),
        "invitations": selectors.invitation_rows(feedback_request=feedback_request),
        "answers_received": selectors.answers_received(feedback_request=feedback_request),
        "links": _pop_links(request, feedback_request.pk),
        "self_missing": sum(item.id not in feedback_request.self_answers for item in items),
        "item_count": len(items),
        "results": results.feedback_results(feedback_request=feedback_request),
        "thresholds_form": forms.ThresholdsForm(current=feedback_request.thresholds),
        "close_confirmation": confirmations.request_close(feedback_request),
        "delete_confirmation": confirmations.request_delete(feedback_request),
    }
    return render(request, "feedback/detail.html", context)


@require_GET
def results_page(request: HttpRequest, request_id: int) -> HttpResponse:
    feedback_request = selectors.request_get(owner=request.user, request_id=request_id)
    context = {
        "feedback_request": feedback_request,
        "results": results.feedback_results(feedback_request=feedback_request),
    }
    return render(request, "feedback/results.html", context)


@require_GET
def export_json(request: HttpRequest, request_id: int) -> HttpResponse:
    feedback_request = selectors.request_get(owner=request.user, request_id=request_id)
    document = results.results_document(results.feedback_results(feedback_request=feedback_request))
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="feedback-{feedback_request.pk}.json"'
    return response


@require_GET
def export_csv(request: HttpRequest, request_id: int) -> HttpResponse:
    feedback_request = selectors.request_get(owner=request.user, request_id=request_id)
    body = results.results_csv(results.feedback_results(feedback_request=feedback_request))
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="feedback-{feedback_request.pk}.csv"'
    return response


@require_GET
@_SVG_CSP
def chart(request: HttpRequest, request_id: int) -> HttpResponse:
    feedback_request = selectors.request_get(owner=request.user, request_id=request_id)
    snapshot = results.feedback_results(feedback_request=feedback_request).snapshot
    if snapshot is None:
        raise Http404
    rows = [(s.skill, s.self_score, s.others_score) for s in snapshot.skills]
    return HttpResponse(charts.self_vs_others_chart(rows), content_type="image/svg+xml")


@require_http_methods(["GET", "POST"])
def self_answers(request: HttpRequest, request_id: int) -> HttpResponse:
    feedback_request = selectors.request_get(owner=request.user, request_id=request_id)
    items = selectors.request_items(feedback_request=feedback_request)
    errors, status = [], 200
    if request.method == "POST":
        ratings, errors = forms.parse_answers(items, request.POST)
        if not errors:
            try:
                services.self_answers_save(feedback_request=feedback_request, answers=ratings)
            except services.FeedbackError as error:
                errors = error.problems
            else:
                messages.success(request, _("Your own answers are saved."))
                return redirect_after_post(request, "feedback:detail", feedback_request.pk)
        status = 400
    rows = forms.rater_rows(items, feedback_request.self_answers, self_form=True)
    context = {"feedback_request": feedback_request, "rows": rows, "errors": errors}
    template = "feedback/self.html#self-form" if request.htmx and request.method == "POST" else "feedback/self.html"
    return render(request, template, context, status=status)


def _close_confirmation(request: HttpRequest, request_id: int):
    return confirmations.request_close(selectors.request_get(owner=request.user, request_id=request_id))


@confirmed(_close_confirmation)
def close(request: HttpRequest, request_id: int) -> HttpResponse:
    feedback_request = selectors.request_get(owner=request.user, request_id=request_id)
    services.request_close(feedback_request=feedback_request)
    messages.success(request, _("The request is closed: links no longer work, and the last answers are released."))
    return redirect_after_post(request, "feedback:detail", feedback_request.pk)


@require_POST
def thresholds(request: HttpRequest, request_id: int) -> HttpResponse:
    """Raise anonymity thresholds (never lower them): fewer, bigger groups are shown from then on."""
    feedback_request = selectors.request_get(owner=request.user, request_id=request_id)
    form = forms.ThresholdsForm(request.POST, current=feedback_request.thresholds)
    if not form.is_valid():
        problems = [f"{form.fields[name].label}: {' '.join(errors)}" for name, errors in form.errors.items()]
        messages.error(request, " ".join(problems))
        return redirect_after_post(request, "feedback:detail", feedback_request.pk)
    try:
        services.thresholds_raise(feedback_request=feedback_request, values=form.cleaned_data)
    except services.FeedbackError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Thresholds saved; they apply to every release from now on."))
    return redirect_after_post(request, "feedback:detail", feedback_request.pk)


@require_POST
def resend(request: HttpRequest, request_id: int, invitation_id: int) -> HttpResponse:
    feedback_request = selectors.request_get(owner=request.user, request_id=request_id)
    invitation = selectors.invitation_get(feedback_request=feedback_request, invitation_id=invitation_id)
    if not feedback_request.is_open():
        messages.error(request, _("This request is closed; its links no longer work."))
        return redirect_after_post(request, "feedback:detail", feedback_request.pk)
    try:
        link = services.invitation_resend(invitation=invitation, base_url=_base_url(request))
    except services.FeedbackError as error:
        messages.error(request, str(error))
        return redirect_after_post(request, "feedback:detail", feedback_request.pk)
    if link.url:
        _keep_links(request, feedback_request.pk, [link])
        messages.success(request, _("A new link for %(email)s is shown below, once.") % {"email": link.email})
    elif selectors.invitation_mail_waiting(invitation=invitation):
        messages.error(
            request,
            _("The mail server did not accept the e-mail to %(email)s; Peoplecraft will try again.")
            % {"email": link.email},
        )
    else:
        messages.success(request, _("Sent %(email)s a new link by e-mail.") % {"email": link.email})
    return redirect_after_post(request, "feedback:detail", feedback_request.pk)


def _delete_confirmation(request: HttpRequest, request_id: int):
    return confirmations.request_delete(selectors.request_get(owner=request.user, request_id=request_id))


@confirmed(_delete_confirmation)
def delete(request: HttpRequest, request_id: int) -> HttpResponse:
    """Delete at once, with no undo: the sealed answers must not survive anywhere (docs/anonymity.md)."""
    feedback_request = selectors.request_get(owner=request.user, request_id=request_id)
    services.request_delete(feedback_request=feedback_request)
    messages.success(request, _("The request and all its answers are deleted."))
    return redirect_after_post(request, "feedback:home")
