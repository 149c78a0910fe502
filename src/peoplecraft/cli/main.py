"""The ``peoplecraft`` entry point: one Typer app with a sub-app per noun."""

from __future__ import annotations

import typer

from peoplecraft.cli import account, assess, feedback, feedback_more, guide, serve, worker, write

app = typer.Typer(
    name="peoplecraft",
    help="Peoplecraft: get better at working with people. Your skill map, in sync with your notes.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.add_typer(guide.app, name="guide")
app.add_typer(account.app, name="account")
app.add_typer(assess.app, name="assess")
app.add_typer(write.app, name="write")
app.command(name="serve")(serve.serve)
app.add_typer(feedback.app, name="feedback")
app.command(name="worker")(worker.worker)
assert feedback_more  # registers the rest of the feedback commands


def run() -> None:
    app()
