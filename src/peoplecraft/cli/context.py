"""Lazy Django setup for commands, the shared exit-code conventions and checks of typed values.

Exit codes: 2 for bad input (a file, a name, a value), 1 for other failures.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from typing import NoReturn

import typer

from peoplecraft.core import inputs

EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peoplecraft.config.settings")
    import django

    django.setup()


def owner():
    """Set Django up, bootstrap a fresh data directory if needed, and return the owner."""
    return owner_first_run()[0]


def owner_first_run():
    """Like :func:`owner`, also telling whether this command created the owner (the first run).

    On the first run at a terminal, asks the name raters and teammates will see (Enter keeps
    the neutral default); scripts are never asked and can set it with ``peoplecraft account name``.
    """
    setup_django()
    from peoplecraft.core.bootstrap import bootstrap_first_run

    account, created = bootstrap_first_run()
    if created and sys.stdin.isatty() and sys.stderr.isatty():
        _ask_display_name(account)
    return account, created


def _ask_display_name(account) -> None:
    from django.core.exceptions import ValidationError

    from peoplecraft.accounts.services import user_display_name_set

    # Not typer.prompt: with err=True, click still prints the prompt's last space on stdout.
    question = f"Your name, as raters and teammates will see it (Enter: '{account.display_name}'): "
    typer.echo(question, nl=False, err=True)
    try:
        name = sys.stdin.readline()
    except KeyboardInterrupt:
        typer.echo(err=True)
        name = ""
    try:
        shown = user_display_name_set(user=account, name=name)
    except ValidationError as error:
        shown = account.display_name
        typer.echo(f"{' '.join(error.messages)}; keeping '{shown}'.", err=True)
    typer.echo(f"Raters will see you as '{shown}'; change it with: peoplecraft account name \"Alex Doe\"", err=True)


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


def parse_date(text: str | None, option: str) -> date | None:
    """The date given to ``option`` (``None`` when it was not given); a bad one fails naming both."""
    if text is None:
        return None
    try:
        return inputs.parse_date(text)
    except ValueError as problem:
        fail(f"{option}: '{text}' {problem}")


def bounded(low: float, high: float) -> Callable:
    """A Typer ``callback`` refusing a number outside ``low``..``high`` (or NaN, infinity) while parsing.

    Used for float options, which accept ``inf``, ``nan`` and ``1e308``; the message names the option.
    """

    def check(param: typer.CallbackParam, value: float | None) -> float | None:
        problem = None if value is None else inputs.number_problem(value, low, high)
        if problem:
            fail(f"{param.opts[0]} {problem}, not {value}")
        return value

    return check


def option_message(field: str | None, message: str, options: Mapping[str, str]) -> str:
    """``message`` prefixed by the option that ``field`` (a service's or form's name) comes from.

    ``options`` maps field names to the command's own option (or ARGUMENT) names; a field it does
    not know is left unnamed rather than guessed (``--due-date`` for a command that has ``--due``).
    """
    option = options.get(field) if field else None
    return f"{option}: {message}" if option else message


def fail_fields(summary: str, errors: Mapping[str | None, str], options: Mapping[str, str]) -> NoReturn:
    """Fail with ``summary`` and one line per field error, each naming the command's option."""
    fail(summary, candidates=[option_message(field, message, options) for field, message in errors.items()])


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
