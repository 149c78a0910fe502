"""Helpers for feedback tests: create a request, and act as a rater who holds only a link."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.utils import timezone

BASE = "http://testserver"


def make_request(owner, guide, skills, raters, **options):
    from peoplecraft.feedback import services

    options.setdefault("deadline", timezone.localdate() + timedelta(days=14))
    return services.request_create(owner=owner, guide=guide, skills=skills, raters=raters, base_url=BASE, **options)


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
    from peoplecraft.feedback import moment_services

    return moment_services.moment_create(
        owner=owner, skill=skill, emails=list(emails), links=links, base_url=BASE, **options
    )


def moment_answer(path: str, rating, comment: str = ""):
    client = rater_client(path, "/r/moment/")
    response = client.post("/r/moment/", {"rating": str(rating), "comment": comment})
    return client, response
