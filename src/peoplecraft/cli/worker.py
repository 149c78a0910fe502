"""``peoplecraft worker``: run the background task worker (feedback reminders, purging the undo trash)."""

from __future__ import annotations

import typer

from peoplecraft.cli import context


def worker(
    batch: bool = typer.Option(False, "--batch", help="Run the queued tasks, then exit (for cron or tests)."),
    interval: float = typer.Option(
        1.0, "--interval", callback=context.bounded(0.1, 3600), help="Seconds between checks of an empty queue."
    ),
) -> None:
    """Run the task worker (django-tasks database backend) until stopped."""
    context.owner()
    from django.core.management import call_command

    options = {"batch": batch, "interval": interval, "reload": False, "startup_delay": False}
    call_command("db_worker", **options)
