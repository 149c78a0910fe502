"""The rater's pages: the only part of Peoplecraft reachable without signing in.

The token in the e-mailed link is exchanged on first use for a short-lived signed cookie and a
redirect to a token-free URL, so the token is not left in history, referrers or later logs. Every
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
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from peoplecraft.core.http import redirect_after_post
from peoplecraft.feedback import forms, moment_services, rater_services, selectors
from peoplecraft.feedback.mail import learner_name
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
    if not selectors.invitation_usable(invitation):
        return _gone(request)
    return _exchange(request, str(invitation.pk), "rater:form")


def _start_moment(request: HttpRequest, token: str) -> HttpResponse:
    """A micro-feedback link: the same exchange, a cookie value marked ``m``, the one-question page."""
    invitation = selectors.moment_invitation_by_token(raw_token=token)
    if invitation is None:
        return _page(request, "feedback/rater/unknown.html", status=404)
    if not selectors.moment_invitation_usable(invitation):
        return _gone(request)
    return _exchange(request, f"m{invitation.pk}", "rater:moment")


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
    raw = _cookie(request)
    invitation = selectors.rater_invitation(invitation_id=int(raw)) if raw.isdigit() else None
    return invitation if selectors.invitation_usable(invitation) else None


def _context(invitation, rows, problems=(), saved=False) -> dict:
    feedback_request = invitation.request
    return {
        "learner": learner_name(feedback_request),
        "message": feedback_request.message,
        "deadline": feedback_request.deadline,
        "attributed": invitation.attributed,
        "thresholds": feedback_request.thresholds,
        "rows": rows,
        "questions": forms.question_fields(invitation.draft),
        "problems": list(problems),
        "saved": saved,
    }


@login_not_required
@_no_referrer
@require_http_methods(["GET", "POST"])
def form(request: HttpRequest) -> HttpResponse:
    invitation = _invitation(request)
    if invitation is None:
        return _gone(request)
    if request.user.is_authenticated and request.user.pk == invitation.request.owner_id:
        return _page(request, "feedback/rater/own_request.html", status=403)
    items = _items(invitation)
    if request.method == "GET":
        draft = invitation.draft or {}
        return _page(
            request, "feedback/rater/form.html", _context(invitation, forms.rater_rows(items, draft.get("ratings", {})))
        )
    return _post(request, invitation, items)


def _items(invitation):
    return selectors.request_items(feedback_request=invitation.request)


def _post(request: HttpRequest, invitation, items) -> HttpResponse:
    ratings, problems = forms.parse_answers(items, request.POST)
    comments = forms.parse_comments(request.POST)
    saved = False
    if not problems:
        try:
            if request.POST.get("action") == "draft":
                rater_services.draft_save(invitation_id=invitation.pk, ratings=ratings, comments=comments)
                saved = True
            else:
                rater_services.response_submit(invitation_id=invitation.pk, ratings=ratings, comments=comments)
                response = _private(redirect_after_post(request, "rater:done"))
                response.delete_cookie(COOKIE, path="/r/")
                return response
        except rater_services.InvitationClosed:
            return _gone(request)
        except FeedbackError as error:
            problems = error.problems
    invitation.draft = {"ratings": ratings, "comments": comments}
    context = _context(invitation, forms.rater_rows(items, ratings), problems, saved)
    template = "feedback/rater/form.html#rater-form" if request.htmx else "feedback/rater/form.html"
    return _page(request, template, context, status=400 if problems else 200)


@login_not_required
@_no_referrer
@require_POST
def decline(request: HttpRequest) -> HttpResponse:
    invitation = _invitation(request)
    if invitation is None:
        return _gone(request)
    try:
        rater_services.invitation_decline(invitation_id=invitation.pk)
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


def _moment_invitation(request: HttpRequest):
    raw = _cookie(request)
    if not (raw.startswith("m") and raw[1:].isdigit()):
        return None
    invitation = selectors.moment_rater_invitation(invitation_id=int(raw[1:]))
    return invitation if selectors.moment_invitation_usable(invitation) else None


@login_not_required
@_no_referrer
@require_http_methods(["GET", "POST"])
def moment(request: HttpRequest) -> HttpResponse:
    """The one-question page: a rating and an optional comment, one screen on a phone."""
    invitation = _moment_invitation(request)
    if invitation is None:
        return _gone(request)
    if request.user.is_authenticated and request.user.pk == invitation.moment.owner_id:
        return _page(request, "feedback/rater/own_request.html", status=403)
    context = {
        "learner": learner_name(invitation.moment),
        "question": invitation.moment.question,
        "skill": invitation.moment.pool.skill.name,
        "points": forms.moment_points(request.POST.get("rating")),
        "comment": request.POST.get("comment", ""),
        "problems": [],
    }
    if request.method == "POST":
        try:
            moment_services.moment_answer(
                invitation_id=invitation.pk,
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
