"""Validate a link the learner types. Nothing is ever fetched: the learner types the title too.

Pure module: no Django.
"""

from __future__ import annotations

from urllib.parse import urlsplit

MAX_URL_LENGTH = 2000


class LinkError(ValueError):
    """The text is not a usable web link; the message says why."""


def clean_url(text: str) -> str:
    """Return the link stripped of surrounding space, or raise ``LinkError``.

    Only ``http`` and ``https`` links with a host are accepted: ``javascript:``, ``data:`` and
    ``file:`` links would be unsafe to show as a clickable link.
    """
    url = (text or "").strip()
    if not url:
        raise LinkError("Enter a link, or leave it empty.")
    if len(url) > MAX_URL_LENGTH:
        raise LinkError(f"The link is longer than {MAX_URL_LENGTH} characters.")
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        raise LinkError("The link contains spaces or control characters.")
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises ValueError for a port out of range
    except ValueError:
        raise LinkError("The link is not a valid web address.") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise LinkError("Only http:// and https:// links are allowed.")
    if not parts.hostname or ("." not in parts.hostname and parts.hostname != "localhost"):
        raise LinkError("The link needs a host name, like https://example.org/page.")
    return url
