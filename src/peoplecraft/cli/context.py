"""Lazy Django setup for commands and the shared exit-code conventions.

Exit codes: 2 for bad input (a file, a name, a value), 1 for other failures.
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peoplecraft.config.settings")
    import django

    django.setup()


def owner():
    """Set Django up, bootstrap a fresh data directory if needed, and return the owner."""
    setup_django()
    from peoplecraft.core.bootstrap import bootstrap

    return bootstrap()


def fail(message: str, *, code: int = EXIT_BAD_INPUT, candidates: list[str] | None = None) -> NoReturn:
    """Print ``message`` (and candidates) to stderr and exit with ``code``.

    Messages quote what the user typed, so they are printed as plain text, never read as Rich markup.
    """
    from rich.console import Console
    from rich.text import Text

    console = Console(stderr=True, highlight=False, soft_wrap=True)
    console.print(Text.assemble(("error:", "bold red"), " ", message), emoji=False)
    for candidate in candidates or []:
        console.print(f"  - {candidate}", markup=False)
    sys.exit(code)
