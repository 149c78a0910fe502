"""Lazy Django setup for commands and the shared exit-code conventions.

Exit codes: 2 for bad input (a file, a name, a value), 1 for other failures.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import NoReturn

import typer

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
    """Print ``message`` (and candidates) to stderr and exit with ``code``."""
    from rich.console import Console

    console = Console(stderr=True, highlight=False, soft_wrap=True)
    console.print(f"[bold red]error:[/] {message}", markup=True, emoji=False)
    for candidate in candidates or []:
        console.print(f"  - {candidate}", markup=False)
    sys.exit(code)


NOTHING_SAVED = "Stopped before any answer; nothing was saved."


@contextmanager
def interruptible(*, saved: Callable[[], bool], resume: str) -> Iterator[None]:
    """Stop an interactive session cleanly on end of input or Ctrl-C: a message, exit 1, no traceback.

    ``saved()`` tells whether anything is stored to resume; ``resume`` is the command that resumes it.
    """
    try:
        yield
    except (typer.Abort, KeyboardInterrupt):  # a prompt raises Abort on end of input and Ctrl-C
        typer.echo()  # end the unanswered prompt's line
        if saved():
            fail(f"Stopped. Your answers so far are saved; run '{resume}' to carry on.", code=EXIT_FAILURE)
        fail(NOTHING_SAVED, code=EXIT_FAILURE)


def quit_message(*, saved: bool, resume: str) -> None:
    """What to say when the learner quits on purpose (q)."""
    typer.echo(f"Saved. Run '{resume}' to carry on where you stopped." if saved else NOTHING_SAVED)
