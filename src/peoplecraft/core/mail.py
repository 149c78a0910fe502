"""The console e-mail backend, on standard error, which never prints an e-mail to a rater.

Django's console backend writes to stdout, which would put invitation e-mails in front of a
command's output (``peoplecraft feedback create --format json`` must print one JSON document).

Without an SMTP server the console is the learner's own terminal or the server's log: a rater
e-mail printed there would show the learner whom Peoplecraft wrote to (a reminder goes only to
some raters) and a working rater link. So a message marked ``X-Peoplecraft-Private: rater`` is
withheld: one line says so, without its recipients, subject or body.
"""

from __future__ import annotations

import sys

from django.core.mail.backends.console import EmailBackend as DjangoConsoleBackend

PRIVATE_HEADER = "X-Peoplecraft-Private"
WITHHELD = "an e-mail to a rater was withheld (configure PEOPLECRAFT_EMAIL_HOST to deliver it)"


def is_private(message) -> bool:
    """True for a message marked private to a rater (the header name in any case)."""
    headers = getattr(message, "extra_headers", None) or {}
    return any(name.lower() == PRIVATE_HEADER.lower() and str(value).strip() for name, value in headers.items())


class ConsoleEmailBackend(DjangoConsoleBackend):
    """Print each e-mail to stderr (or the ``stream`` given), like Django's console backend, except rater e-mails."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("stream", sys.stderr)
        super().__init__(*args, **kwargs)

    def write_message(self, message):
        if is_private(message):
            self.stream.write(WITHHELD + "\n")
            return
        super().write_message(message)
