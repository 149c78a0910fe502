"""Helpers for the adversary tests: play the learner with only what the product shows them."""

from __future__ import annotations

import re

from django.core import mail

LINK = re.compile(r"https?://[^\s\"'<>]+/r/[A-Za-z0-9_-]{20,}/")


def links_in(text: str) -> list[str]:
    """Every rater link in ``text`` (a page, CLI output, an e-mail)."""
    return LINK.findall(text)


def path_of(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def mailed_link(email: str, contains: str = "") -> str:
    """The newest link e-mailed to ``email`` (what the rater holds), as a path; ``contains``
    picks the mails whose body holds that text (e.g. the request's message)."""
    for message in reversed(mail.outbox):
        if email in message.to and contains in message.body:
            found = links_in(message.body)
            if found:
                return path_of(found[-1])
    raise AssertionError(f"no link e-mailed to {email}")


def normalised(text: str) -> str:
    """A page with ids, tokens, CSRF values and dates removed: what remains must not differ."""
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)
    text = re.sub(r'"X-CSRFToken": "[^"]+"', "", text)
    text = LINK.sub("LINK", text)
    return re.sub(r"\d+", "N", text)
