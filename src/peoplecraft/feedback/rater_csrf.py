"""CSRF for the rater pages, which send ``Referrer-Policy: no-referrer``.

Under that policy browsers send ``Origin: null`` with a plain form post (Chromium does), and no
``Referer``; Django's CSRF check then refuses the rater's own "Decline" and, without JavaScript,
"Send my feedback" ("Origin checking failed - null"). Weakening the policy would leak the rater
area's address to other sites; trusting "null" everywhere would weaken every other form.

So, on these views only: when the browser says the post comes from this very origin
(``Sec-Fetch-Site: same-origin``, a header pages cannot set) and the origin is "null", the
request's own origin is put in its place; then Django's complete CSRF check runs as usual (token
in the form matching the CSRF cookie). A cross-site post still fails: it says ``cross-site``, and
it carries neither the CSRF cookie's token nor the SameSite rater cookie.
"""

from __future__ import annotations

import functools

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.views.decorators.csrf import csrf_exempt

_CHECK = CsrfViewMiddleware(lambda request: HttpResponse())


def same_origin_csrf(view):
    """Replace the middleware's check for ``view`` by the same check with a null origin vouched for."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "POST":
            if request.META.get("HTTP_ORIGIN") == "null" and request.META.get("HTTP_SEC_FETCH_SITE") == "same-origin":
                request.META["HTTP_ORIGIN"] = f"{request.scheme}://{request.get_host()}"
            refused = _CHECK.process_view(request, view, args, kwargs)
            if refused is not None:
                return refused
        return view(request, *args, **kwargs)

    return csrf_exempt(wrapped)
