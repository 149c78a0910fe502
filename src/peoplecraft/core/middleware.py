"""Response headers that every private page needs, and the answer when the data directory is read-only."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

from peoplecraft.core.http import read_only_response
from peoplecraft.core.storage import read_only_cause


class PrivateCacheMiddleware:
    """Mark every non-static response ``Cache-Control: no-store``.

    Everything but ``/healthz`` and static files shows one person's data, so no browser or
    proxy may keep a copy (the back button must not reveal a journal after sign-out).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith(settings.STATIC_URL):
            add_never_cache_headers(response)
            response["Cache-Control"] = "no-store, no-cache, must-revalidate, private, max-age=0"
        return response


class ReadOnlyDataMiddleware:
    """A view that fails because the data directory is read-only answers a 503 page saying so.

    Failures outside a view (a middleware reading the session) reach ``core.views.server_error``,
    which does the same.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        problem = read_only_cause(exception)
        return None if problem is None else read_only_response(problem)
