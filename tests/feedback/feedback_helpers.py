"""Helpers for feedback tests: create a request, and act as a rater who holds only a link."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.utils import timezone

BASE = "http://testserver"


def mailed_url(email: str) -> str:
    """The newest rater link e-mailed to ``email`` (in the test outbox): what the rater holds."""
    from django.core import mail

    for message in reversed(mail.outbox):
        if email in message.to and "/r/" in message.body:
            return next(word for word in message.body.split() if "/r/" in word)
    raise AssertionError(f"no link e-mailed to {email}")


def make_request(owner, guide, skills, raters, **options):
    """Create a request; returns (request, links) where each link's ``url`` is what its rater holds:
    shown to the learner in pass-on mode, read from the rater's e-mail in e-mail mode."""
    from dataclasses import replace

    from peoplecraft.feedback import services

    options.setdefault("deadline", timezone.localdate() + timedelta(days=14))
    feedback_request, links = services.request_create(
        owner=owner, guide=guide, skills=skills, raters=raters, base_url=BASE, **options
    )
    return feedback_request, [link if link.url else replace(link, url=mailed_url(link.email)) for link in links]


def rater_client(path: str, target: str = "/r/") -> Client:
    """A fresh browser for one rater: opens the link, which swaps the token for a cookie."""
    client = Client()
    response = client.get(path)
    assert response.status_code == 302 and response["Location"] == target, response.status_code
    return client


def answer(path: str, items, value: int = 4, comments: dict | None = None, **extra):
    client = rater_client(path)
    data = {f"item-{item}": str(value) for item in items}
    data.update({f"comment-{q}": text for q, text in (comments or {}).items()})
    data["action"] = "submit"
    data.update(extra)
    return client.post("/r/", data)


def make_moment(owner, skill, emails=(), links=3, **options):
    """Ask a moment question; returns (moment, links), e-mailed links read from the raters' mail."""
    from dataclasses import replace

    from peoplecraft.feedback import moment_services

    moment, issued = moment_services.moment_create(
        owner=owner, skill=skill, emails=list(emails), links=links, base_url=BASE, **options
    )
    return moment, [link if link.url else replace(link, url=mailed_url(link.email)) for link in issued]


def moment_answer(path: str, rating, comment: str = ""):
    client = rater_client(path, "/r/moment/")
    response = client.post("/r/moment/", {"rating": str(rating), "comment": comment})
    return client, response
