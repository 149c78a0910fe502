"""``peoplecraft demo``: a realistic, seeded year of use in its own data directory."""

from __future__ import annotations

import enum
import os
import shlex
import time
from pathlib import Path

import typer

from peoplecraft.cli import context

DEMO_FOLDER = "peoplecraft-demo"


class DemoSize(enum.StrEnum):
    SMALL = "small"
    YEAR = "year"


def demo(
    people: int = typer.Option(1, "--people", min=1, max=500, help="How many people get a demo year."),
    size: DemoSize = typer.Option(DemoSize.SMALL, "--size", help="small: two months; year: a heavy user's year."),
    seed: int = typer.Option(1, "--seed", help="The same seed gives the same demo."),
    directory: Path | None = typer.Option(
        None, "--dir", help=f"New data directory for the demo; default: {DEMO_FOLDER} next to your data directory."
    ),
    into_current: bool = typer.Option(
        False, "--into-current", help="Add the demo to your current data instead (needs --yes)."
    ),
    yes: bool = typer.Option(False, "--yes", help="Confirm --into-current."),
    feedback: bool = typer.Option(True, "--feedback/--no-feedback", help="Include released 360° feedback requests."),
) -> None:
    """Create a demo year of use (journal, assessments, practice, goals, drafts) to try, test or benchmark."""
    from peoplecraft.core.paths import data_dir_path

    if into_current and directory is not None:
        context.fail("--dir and --into-current exclude each other: choose one.")
    if into_current and not yes:
        where = "the database of DATABASE_URL" if os.environ.get("DATABASE_URL") else str(data_dir_path())
        context.fail(f"--into-current adds demo records to your real data in {where}; add --yes to confirm.")
    if not into_current:
        if os.environ.get("DATABASE_URL"):
            context.fail(
                "DATABASE_URL is set, so the demo would be written into that database: unset it for a separate "
                "SQLite demo, or pass --into-current --yes."
            )
        target = (directory or data_dir_path().parent / DEMO_FOLDER).expanduser().resolve()
        if target.exists() and (not target.is_dir() or any(target.iterdir())):
            context.fail(f"{target} is not an empty directory; remove it or choose another --dir.")
        os.environ["PEOPLECRAFT_HOME"] = str(target)  # read by the settings, which load only now
    started = time.perf_counter()
    owner = context.owner()
    from django.conf import settings

    from peoplecraft.demo.services import DemoError, demo_create

    try:
        report = demo_create(owner=owner, people=people, size=size.value, seed=seed, feedback=feedback)
    except DemoError as error:
        context.fail(str(error))
    seconds = time.perf_counter() - started
    counts = ", ".join(f"{n} {name}" for name, n in report.counts.items())
    typer.echo(
        f"Created a '{size.value}' demo (seed {seed}) for {', '.join(report.people)} in {seconds:.1f} s: {counts}."
    )
    typer.echo(f"Data directory: {settings.HOME}")
    if not into_current:
        typer.echo(f"Open it with: PEOPLECRAFT_HOME={shlex.quote(str(settings.HOME))} peoplecraft serve")
