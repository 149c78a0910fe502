"""Responses that work for both plain form posts and htmx requests."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, resolve_url


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
