"""Health check and error pages."""

from __future__ import annotations

import sys

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import RequestDataTooBig
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from peoplecraft.core.http import read_only_response
from peoplecraft.core.storage import read_only_cause, unwritable

READ_ONLY = "The data directory is read-only: nothing can be saved."


@login_not_required
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness, database reachability and writability, for load balancers and the serve command.

    A read-only data directory still answers reads, so reachability alone said "ok" while every
    save failed: a write that changes nothing (rolled back) proves the database takes writes.
    """
    try:
        read_only = unwritable() is not None
        if not read_only:
            _write_nothing()  # also proves the database is reachable
    except Exception as error:  # any database failure means unhealthy, whatever the backend raises
        if read_only_cause(error) is None:
            return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
        read_only = True
    if read_only:
        return JsonResponse({"status": "error", "database": "read-only", "problem": READ_ONLY}, status=503)
    return JsonResponse({"status": "ok"})


@require_GET
def ping(request: HttpRequest) -> HttpResponse:
    """The smallest signed-in page: every middleware, the session and the user, no template.

    The yardstick of ``benchmarks/bench_pages.py``: a page's speed is reported as a share of this one's.
    ``/healthz`` is not minimal: it starts a write transaction to prove the database takes writes.
    """
    return HttpResponse("pong", content_type="text/plain; charset=utf-8")


def _write_nothing() -> None:
    """An UPDATE of no row: the database must start a write, which a read-only one refuses."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE django_migrations SET app = app WHERE 1 = 0")


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "errors/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """500, or the read-only page (503) when that is the cause; Django calls this while handling the error."""
    problem = read_only_cause(sys.exc_info()[1]) if sys.exc_info()[1] is not None else None
    if problem is not None:
        return read_only_response(problem)
    return render(request, "errors/500.html", status=500)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    # A post larger than DATA_UPLOAD_MAX_MEMORY_SIZE (e.g. a pasted 10 MB journal entry) says so plainly.
    too_big = isinstance(exception, RequestDataTooBig)
    return render(request, "errors/400.html", {"too_big": too_big}, status=400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "errors/403.html", status=403)
