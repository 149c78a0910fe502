"""One way to confirm a destructive action, and to offer "Undo" after it.

A destructive button is a link to its action's URL: without JavaScript it leads to a plain page
(GET) asking the question, whose form POSTs to the same URL; with JavaScript
(``static/peoplecraft/confirm.js``) the same question opens in a native ``<dialog>`` on the page,
whose form POSTs directly. The question is written once, as a :class:`Confirmation` built by the
app, and rendered by ``confirm/_button.html`` (button + dialog) and ``confirm/page.html`` (page).

Views use :func:`confirmed` (GET shows the page, POST acts) and, after a deletion into the trash,
:func:`deleted_with_undo`, whose message carries an "Undo" form (a plain POST; works without
JavaScript) for the undo window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import render

from peoplecraft.core.models import TrashedItem


@dataclass(frozen=True)
class Confirmation:
    """The question before one destructive action, for its button, dialog and page."""

    url: str  # the action: GET shows the page, POST acts
    label: str  # the button that starts it, on the thing's own page
    question: str  # "Delete the entry “Monday”?"
    consequence: str  # what happens, and whether it can be undone
    confirm_label: str  # the button that does it
    cancel_url: str  # where "Cancel" leads on the page
    aria_label: str = ""  # a longer accessible name when the label alone is ambiguous (table rows)
    button_class: str = "secondary"

    @property
    def dialog_id(self) -> str:
        return "confirm-" + "".join(ch if ch.isalnum() else "-" for ch in self.url).strip("-")


def confirm_page(request: HttpRequest, confirmation: Confirmation) -> HttpResponse:
    return render(request, "confirm/page.html", {"confirmation": confirmation})


def confirmed(describe: Callable[..., Confirmation]) -> Callable:
    """A view that acts on POST; on GET it shows the confirmation page ``describe(request, **kwargs)`` builds.

    ``describe`` must do the view's ownership check (another user's object is a 404 there too).
    """

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method in ("GET", "HEAD"):
                return confirm_page(request, describe(request, *args, **kwargs))
            if request.method != "POST":
                return HttpResponseNotAllowed(["GET", "POST"])
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


def deleted_with_undo(request: HttpRequest, text: str, item: TrashedItem) -> None:
    """Say what was deleted, with an "Undo" button (base.html renders it from the ``undo-<id>`` tag)."""
    messages.success(request, text, extra_tags=f"undo undo-{item.pk}")


def undo_id(extra_tags: str) -> int | None:
    """The trashed item a message offers to restore, from its tags (see :func:`deleted_with_undo`)."""
    for tag in (extra_tags or "").split():
        if tag.startswith("undo-") and tag[5:].isdigit():
            return int(tag[5:])
    return None
