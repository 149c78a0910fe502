"""The console e-mail backend, on standard error.

Django's console backend writes to stdout, which would put invitation e-mails in front of a
command's output (``peoplecraft feedback create --format json`` must print one JSON document).
"""

from __future__ import annotations

import sys

from django.core.mail.backends.console import EmailBackend as DjangoConsoleBackend


class ConsoleEmailBackend(DjangoConsoleBackend):
    """Print each e-mail to stderr (or the ``stream`` given), like Django's console backend."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("stream", sys.stderr)
        super().__init__(*args, **kwargs)
