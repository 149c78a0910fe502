"""The progress page: every step of the method at a glance."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from peoplecraft.dashboard.selectors import progress_overview


@require_GET
def progress(request: HttpRequest) -> HttpResponse:
    return render(request, "dashboard/progress.html", {"overview": progress_overview(owner=request.user)})
