"""The home page (Today) and the progress page: every step of the method at a glance."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from peoplecraft.dashboard.selectors import progress_overview
from peoplecraft.dashboard.today import today_get


@require_GET
def progress(request: HttpRequest) -> HttpResponse:
    return render(request, "dashboard/progress.html", {"overview": progress_overview(owner=request.user)})


@require_GET
def today(request: HttpRequest) -> HttpResponse:
    return render(request, "dashboard/today.html", {"today": today_get(owner=request.user)})
