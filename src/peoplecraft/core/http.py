"""Responses that work for both plain form posts and htmx requests, and the read-only data page."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, resolve_url
from django.template.loader import render_to_string

from peoplecraft.core.storage import ReadOnly

logger = logging.getLogger("peoplecraft.storage")


def redirect_after_post(request: HttpRequest, to: Any, *args: Any, **kwargs: Any) -> HttpResponse:
    """Redirect after a successful post.

    htmx would follow a plain 302 inside its XMLHttpRequest and swap the whole next page into
    the form's target; ``HX-Redirect`` makes the browser navigate instead.
    """
    if getattr(request, "htmx", False):
        response = HttpResponse(status=204)  # nothing to swap: htmx navigates to HX-Redirect
        response["HX-Redirect"] = resolve_url(to, *args, **kwargs)
        return response
    return redirect(to, *args, **kwargs)


def post_form(page: str, anchor: str = "") -> Callable:
    """A view that only takes a form's POST, where a GET redirects to ``page`` (the page holding the form).

    After a form error without JavaScript the address bar shows the POST target; reloading it, or
    typing it, must show the form again, not a bare "405". Other methods still answer 405.
    """

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method in ("GET", "HEAD"):
                return redirect(resolve_url(page) + anchor)
            if request.method != "POST":
                return HttpResponseNotAllowed(["POST"])
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


def read_only_response(problem: ReadOnly) -> HttpResponse:
    """503: the data directory is read-only. The path goes to the server log, not to the visitor.

    Rendered without the request: the context processors would query the database that failed.
    """
    logger.error("%s", problem)
    return HttpResponse(render_to_string("errors/read_only.html"), status=503)
