"""The ``peoplecraft`` entry point: one Typer app with a sub-app per noun."""

from __future__ import annotations

import typer

from peoplecraft.cli import (
    account,
    assess,
    backup,
    context,
    demo,
    feedback,
    feedback_moments,
    feedback_more,
    goals,
    guide,
    journal,
    learn,
    practice,
    progress,
    review,
    scenario,
    serve,
    today,
    worker,
    write,
)

app = typer.Typer(
    name="peoplecraft",
    help="Peoplecraft: get better at working with people. Your skill map, in sync with your notes.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _print_version(value: bool) -> None:
    """``--version``: read from the installed package's metadata; Django is not set up."""
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("peoplecraft")
        except PackageNotFoundError:  # running from a source tree that was never installed
            number = "unknown"
        typer.echo(f"peoplecraft {number}")
        raise typer.Exit()


@app.callback()
def _main(
    _version: bool = typer.Option(
        False, "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Peoplecraft: get better at working with people. Your skill map, in sync with your notes."""


app.add_typer(guide.app, name="guide")
app.add_typer(account.app, name="account")
app.add_typer(assess.app, name="assess")
app.add_typer(write.app, name="write")
app.add_typer(learn.app, name="learn")
app.add_typer(practice.app, name="practice")
app.command(name="serve")(serve.serve)
app.add_typer(backup.app, name="backup")
app.command(name="progress")(progress.progress)
app.command(name="today")(today.today)
# Reflection journal and goals (issue 7)
app.add_typer(journal.app, name="journal")
app.add_typer(goals.app, name="goals")
app.command(name="review")(review.review)
# Conversation scenarios are part of practice: ``peoplecraft practice scenario …``.
practice.app.add_typer(scenario.app, name="scenario")
app.add_typer(feedback.app, name="feedback")
app.command(name="worker")(worker.worker)
app.command(name="demo")(demo.demo)
feedback_more.register(feedback.app)
feedback_moments.register(feedback.app)  # micro-feedback after a moment


def run() -> None:
    """The console script: a read-only data directory is one message and exit 1, never a traceback."""
    try:
        app()
    except Exception as error:
        from rich.markup import escape

        from peoplecraft.core.storage import read_only_cause

        problem = read_only_cause(error)
        if problem is None:
            raise
        context.fail(escape(str(problem)), code=context.EXIT_FAILURE)
