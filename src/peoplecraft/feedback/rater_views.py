"""The rater's pages: the only part of Peoplecraft reachable without signing in.

The token in the e-mailed link is exchanged on first use for a short-lived signed cookie and a
redirect to a token-free URL, so the token is not left in history, referrers or later logs. The
cookie holds the raw token itself (signed, HttpOnly, path /r/): the server stores only hashes of
it, and the token is what opens the rater's draft. After "Send again" the old token matches no
invitation, so a cookie made from it stops working. Every
response says ``Referrer-Policy: no-referrer``. Pages show the learner's display name and message,
the statements and the questions -- nothing about other raters.
"""

from __future__ import annotations

import functools

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from peoplecraft.core.http import redirect_after_post
from peoplecraft.feedback import confirm_services, forms, moment_services, rater_services, selectors
from peoplecraft.feedback.mail import learner_name
from peoplecraft.feedback.models import ConfirmationAnswer, Delivery
from peoplecraft.feedback.operator import operator_sentence, threat_model_html
from peoplecraft.feedback.rater_csrf import same_origin_csrf
from peoplecraft.feedback.services import FeedbackError

COOKIE = "pc_rater"
_SALT = "peoplecraft.feedback.rater"


def _private(response: HttpResponse) -> HttpResponse:
    response["Referrer-Policy"] = "no-referrer"
    return response


def _no_referrer(view):
    """Outside the method checks too, so a 405 from this area says no-referrer as well."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return _private(view(request, *args, **kwargs))

    return wrapped


def _page(request: HttpRequest, template: str, context: dict | None = None, status: int = 200) -> HttpResponse:
    return _private(render(request, template, context or {}, status=status))


def _gone(request: HttpRequest) -> HttpResponse:
    response = _page(request, "feedback/rater/gone.html", status=410)
    response.delete_cookie(COOKIE, path="/r/")
    return response


def _rate_limited(request: HttpRequest) -> bool:
    """Count hits per client address in a fixed window (the process cache; see docs/feedback.md)."""
    key = f"feedback-token:{get_client_ip_address(request) or ''}"  # honours PEOPLECRAFT_PROXY_COUNT
    window = settings.FEEDBACK_TOKEN_RATE_WINDOW
    cache.add(key, 0, timeout=window)
    try:
        hits = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=window)
        hits = 1
    return hits > settings.FEEDBACK_TOKEN_RATE_LIMIT


@login_not_required
@_no_referrer
@require_GET
def start(request: HttpRequest, token: str) -> HttpResponse:
    """Exchange the token for a cookie and go to the token-free form."""
    if _rate_limited(request):
        return _page(request, "feedback/rater/slow_down.html", status=429)
    invitation = selectors.invitation_by_token(raw_token=token)
    if invitation is None:
        return _start_moment(request, token)
    if not invitation.request.is_open():
        return _gone(request)
    if selectors.invitation_spent(invitation):
        return _already(request)
    return _exchange(request, token, "rater:form")


def _start_moment(request: HttpRequest, token: str) -> HttpResponse:
    """A micro-feedback link: the same exchange, then the one-question page."""
    invitation = selectors.moment_invitation_by_token(raw_token=token)
    if invitation is None:
        return _page(request, "feedback/rater/unknown.html", status=404)
    if not invitation.moment.is_open():
        return _gone(request)
    if selectors.moment_invitation_spent(invitation):
        return _already(request)
    return _exchange(request, token, "rater:moment")


def _already(request: HttpRequest) -> HttpResponse:
    """A (re-sent) link of someone who already answered or declined: only the rater holds it."""
    response = _page(request, "feedback/rater/already.html", status=410)
    response.delete_cookie(COOKIE, path="/r/")
    return response


def _exchange(request: HttpRequest, value: str, target: str) -> HttpResponse:
    response = _private(redirect_after_post(request, target))
    response.set_signed_cookie(
        COOKIE,
        value,
        salt=_SALT,
        max_age=settings.FEEDBACK_RATER_COOKIE_SECONDS,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
        path="/r/",
    )
    return response


def _cookie(request: HttpRequest) -> str:
    try:
        return request.get_signed_cookie(COOKIE, salt=_SALT, max_age=settings.FEEDBACK_RATER_COOKIE_SECONDS)
    except (KeyError, signing.BadSignature):
        return ""


def _invitation(request: HttpRequest):
    """The rater's invitation and raw token from their cookie, or (None, "") when it no longer works."""
    raw = _cookie(request)
    invitation = selectors.invitation_by_token(raw_token=raw) if raw else None
    return (invitation, raw) if selectors.invitation_usable(invitation) else (None, "")


def _context(invitation, rows, draft=None, problems=(), saved=False) -> dict:
    feedback_request = invitation.request
    return {
        "learner": learner_name(feedback_request),
        "operator": operator_sentence(learner_name(feedback_request)),
        "pass_on": feedback_request.delivery == Delivery.PASS_ON,
        "message": feedback_request.message,
        "deadline": feedback_request.deadline,
        "attributed": invitation.attributed,
        "thresholds": feedback_request.thresholds,
        "rows": rows,
        "questions": forms.question_fields(draft),
        "problems": list(problems),
        "saved": saved,
    }


@login_not_required
@_no_referrer
@same_origin_csrf
@require_http_methods(["GET", "POST"])
def form(request: HttpRequest) -> HttpResponse:
    invitation, raw = _invitation(request)
    if invitation is None:
        return _gone(request)
    if request.user.is_authenticated and request.user.pk == invitation.request.owner_id:
        return _page(request, "feedback/rater/own_request.html", status=403)
    items = _items(invitation)
    if request.method == "GET":
        draft = selectors.draft_get(raw_token=raw) or {}
        rows = forms.rater_rows(items, draft.get("ratings", {}))
        return _page(request, "feedback/rater/form.html", _context(invitation, rows, draft))
    return _post(request, invitation, raw, items)


def _items(invitation):
    return selectors.request_items(feedback_request=invitation.request)


def _post(request: HttpRequest, invitation, raw: str, items) -> HttpResponse:
    ratings, problems = forms.parse_answers(items, request.POST)
    comments = forms.parse_comments(request.POST)
    saved = False
    if not problems:
        try:
            if request.POST.get("action") == "draft":
                rater_services.draft_save(raw_token=raw, ratings=ratings, comments=comments)
                saved = True
            else:
                rater_services.response_submit(raw_token=raw, ratings=ratings, comments=comments)
                response = _private(redirect_after_post(request, "rater:done"))
                response.delete_cookie(COOKIE, path="/r/")
                return response
        except rater_services.InvitationClosed:
            return _gone(request)
        except FeedbackError as error:
            problems = error.problems
    shown = {"ratings": ratings, "comments": comments}
    context = _context(invitation, forms.rater_rows(items, ratings), shown, problems, saved)
    template = "feedback/rater/form.html#rater-form" if request.htmx else "feedback/rater/form.html"
    return _page(request, template, context, status=400 if problems else 200)


@login_not_required
@_no_referrer
@same_origin_csrf
@require_POST
def decline(request: HttpRequest) -> HttpResponse:
    invitation, raw = _invitation(request)
    if invitation is None:
        return _gone(request)
    try:
        rater_services.invitation_decline(raw_token=raw)
    except rater_services.InvitationClosed:
        return _gone(request)
    response = _private(redirect_after_post(request, "rater:done"))
    response.delete_cookie(COOKIE, path="/r/")
    return response


@login_not_required
@_no_referrer
@require_GET
def done(request: HttpRequest) -> HttpResponse:
    return _page(request, "feedback/rater/done.html")


@login_not_required
@_no_referrer
@require_GET
def anonymity(request: HttpRequest) -> HttpResponse:
    """The threat model (docs/anonymity.md), readable by raters without an account."""
    return _page(request, "feedback/rater/anonymity.html", {"threat_model": mark_safe(threat_model_html())})  # noqa: S308 -- rendered with raw HTML disabled


def _moment_invitation(request: HttpRequest):
    raw = _cookie(request)
    invitation = selectors.moment_invitation_by_token(raw_token=raw) if raw else None
    return (invitation, raw) if selectors.moment_invitation_usable(invitation) else (None, "")


@login_not_required
@_no_referrer
@same_origin_csrf
@require_http_methods(["GET", "POST"])
def moment(request: HttpRequest) -> HttpResponse:
    """The one-question page: a rating and an optional comment, one screen on a phone."""
    invitation, raw = _moment_invitation(request)
    if invitation is None:
        return _gone(request)
    if request.user.is_authenticated and request.user.pk == invitation.moment.owner_id:
        return _page(request, "feedback/rater/own_request.html", status=403)
    if invitation.moment.is_confirmation:
        return _confirmation(request, invitation, raw)
    context = {
        "learner": learner_name(invitation.moment),
        "operator": operator_sentence(learner_name(invitation.moment)),
        "question": invitation.moment.question,
        "pass_on": not invitation.email,
        "skill": invitation.moment.pool.skill.name,
        "points": forms.moment_points(request.POST.get("rating")),
        "comment": request.POST.get("comment", ""),
        "problems": [],
    }
    if request.method == "POST":
        try:
            moment_services.moment_answer(
                raw_token=raw,
                rating=forms.parse_rating(request.POST.get("rating")),
                comment=request.POST.get("comment", ""),
            )
        except moment_services.MomentClosed:
            return _gone(request)
        except FeedbackError as error:
            context["problems"] = error.problems
        else:
            response = _private(redirect_after_post(request, "rater:done"))
            response.delete_cookie(COOKIE, path="/r/")
            return response
    template = "feedback/rater/moment.html#moment-form" if request.htmx else "feedback/rater/moment.html"
    return _page(request, template, context, status=400 if context["problems"] else 200)


def _confirmation(request: HttpRequest, invitation, raw: str) -> HttpResponse:
    """A practice confirmation: Yes / Not really / Not sure and a comment (see confirm_services)."""
    moment = invitation.moment
    context = {
        "learner": learner_name(moment),
        "operator": operator_sentence(learner_name(moment)),
        "question": moment.question,
        "attributed": moment.attributed,
        "pass_on": not invitation.email,
        "skill": moment.pool.skill.name,
        "answers": ConfirmationAnswer.choices,
        "chosen": request.POST.get("answer", ""),
        "comment": request.POST.get("comment", ""),
        "problems": [],
    }
    if request.method == "POST":
        try:
            confirm_services.confirmation_answer(
                raw_token=raw, answer=request.POST.get("answer"), comment=request.POST.get("comment", "")
            )
        except moment_services.MomentClosed:
            return _gone(request)
        except FeedbackError as error:
            context["problems"] = error.problems
        else:
            response = _private(redirect_after_post(request, "rater:done"))
            response.delete_cookie(COOKIE, path="/r/")
            return response
    template = "feedback/rater/confirm.html#confirm-form" if request.htmx else "feedback/rater/confirm.html"
    return _page(request, template, context, status=400 if context["problems"] else 200)
