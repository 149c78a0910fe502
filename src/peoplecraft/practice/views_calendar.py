"""The habit calendar (a month per focus skill) and the practice reminder opt-in. Thin views."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from peoplecraft.core.http import post_form, redirect_after_post
from peoplecraft.practice import month, selectors, services


@require_GET
def habit_calendar(request: HttpRequest) -> HttpResponse:
    """``?month=YYYY-MM`` (default: this month); a month that is not one is a 400 with a message."""
    today = timezone.localdate()
    text = request.GET.get("month", "")
    problem = ""
    first = today.replace(day=1)
    if text:
        try:
            first = month.parse_month(text)
        except ValueError as error:
            problem = _("“%(month)s” %(why)s.") % {"month": text[:20], "why": error}
    focus, _source = selectors.focus_get(owner=request.user)
    context = {
        "first": first,
        "months": selectors.month_calendar(owner=request.user, skills=focus, first=first, today=today),
        "previous": month.previous_month(first),
        "next": month.next_month(first),
        "this_month": today.replace(day=1),
        "focus": focus,
        "problem": problem,
    }
    return render(request, "practice/calendar.html", context, status=400 if problem else 200)


@post_form("accounts:settings", "#reminders-heading")
def reminders(request: HttpRequest) -> HttpResponse:
    """Turn the daily practice reminder e-mail on (``enabled=1``) or off (anything else)."""
    enabled = services.reminder_set(owner=request.user, enabled=request.POST.get("enabled") == "1")
    if enabled and not request.user.email:
        messages.warning(request, _("Reminders are on, but your account has no e-mail address to send them to."))
    else:
        messages.success(request, _("Practice reminders are on.") if enabled else _("Practice reminders are off."))
    return redirect_after_post(request, "accounts:settings")
