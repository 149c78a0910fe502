"""Responses that work for both plain form posts and htmx requests, and the read-only data page."""

from __future__ import annotations

import logging
from typing import Any

from django.http import HttpRequest, HttpResponse
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


def read_only_response(problem: ReadOnly) -> HttpResponse:
    """503: the data directory is read-only. The path goes to the server log, not to the visitor.

    Rendered without the request: the context processors would query the database that failed.
    """
    logger.error("%s", problem)
    return HttpResponse(render_to_string("errors/read_only.html"), status=503)
