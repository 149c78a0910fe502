"""``peoplecraft feedback results|links|resend|close|delete|remind`` (the rest of the noun)."""

from __future__ import annotations

import enum

import typer

from peoplecraft.cli import context
from peoplecraft.cli.feedback import REQUEST_ARGUMENT, THRESHOLD_OPTION, _base_url, _request, _thresholds
from peoplecraft.cli.output import console, print_json


class ResultFormat(enum.StrEnum):
    TEXT = "text"
    JSON = "json"
    CSV = "csv"


def results_(
    request_id: int = REQUEST_ARGUMENT,
    output: ResultFormat = typer.Option(ResultFormat.TEXT, "--format", help="Output format: text, json or csv."),
) -> None:
    """The released results: self versus others per skill, per group where allowed (never a single rater)."""
    owner = context.owner()
    from peoplecraft.feedback import results

    released = results.feedback_results(feedback_request=_request(owner, request_id))
    if output == ResultFormat.JSON:
        print_json(results.results_document(released))
        return
    if output == ResultFormat.CSV:
        typer.echo(results.results_csv(released), nl=False)
        return
    if released.snapshot is None:
        typer.echo("Nothing released yet: results appear in batches once at least three people in a group answered.")
        return
    from rich.table import Table

    table = Table(
        "Skill",
        "Self",
        "Others",
        "Gap",
        "Reading",
        title=f"Release {released.snapshot.number}: {released.snapshot.responses} raters",
    )
    for skill in released.snapshot.skills:
        table.add_row(skill.skill, _n(skill.self_score), _n(skill.others_score), _n(skill.gap), skill.johari or "—")
    console().print(table)


def _n(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


def links(request_id: int = REQUEST_ARGUMENT) -> None:
    """Whom you asked. Links cannot be shown again: use 'resend' for a new one."""
    owner = context.owner()
    from peoplecraft.feedback import selectors

    feedback_request = _request(owner, request_id)
    if feedback_request.delivery == "email":
        typer.echo("Peoplecraft e-mailed each rater their link; you never see it, and only its hash is stored.")
        typer.echo(f"To e-mail a rater a new link: peoplecraft feedback resend {feedback_request.pk} EMAIL")
    else:
        typer.echo("Links were shown when the request was created; only their hashes are stored, so they cannot be")
        typer.echo(f"shown again. For a new link: peoplecraft feedback resend {feedback_request.pk} EMAIL")
    for row in selectors.invitation_rows(feedback_request=feedback_request):
        typer.echo(f"  {row.email} ({row.group})")


def resend(
    request_id: int = REQUEST_ARGUMENT, email: str = typer.Argument(..., help="The rater's e-mail address.")
) -> None:
    """Give a rater a new link (the old one stops working): e-mailed to them, or printed with --pass-on requests."""
    owner = context.owner()
    from peoplecraft.feedback import selectors, services

    feedback_request = _request(owner, request_id)
    if not feedback_request.is_open():
        context.fail(f"Request {request_id} is closed; its links no longer work.")
    invitation = selectors.invitation_find(email=email, feedback_request=feedback_request)
    if invitation is None:
        context.fail(f"{email} was not asked in request {request_id}.")
    try:
        link = services.invitation_resend(invitation=invitation, base_url=_base_url())
    except services.FeedbackError as error:
        context.fail(str(error))
    if link.url is None and selectors.invitation_mail_waiting(invitation=invitation):
        context.fail(
            f"The mail server did not accept the e-mail to {link.email}; 'peoplecraft feedback remind' tries again.",
            code=context.EXIT_FAILURE,
        )
    if link.url is None:
        typer.echo(f"Sent {link.email} a new link by e-mail.")
        return
    from peoplecraft.cli.feedback import HANDED_OUT_WARNING

    typer.echo(HANDED_OUT_WARNING)
    typer.echo(f"New link for {link.email} (shown only now): {link.url}")


def close(request_id: int = REQUEST_ARGUMENT) -> None:
    """Close a request: links stop working and the last answers are released."""
    owner = context.owner()
    from peoplecraft.feedback import services

    services.request_close(feedback_request=_request(owner, request_id))
    typer.echo(f"Closed request {request_id}.")


def delete(
    request_id: int = REQUEST_ARGUMENT, yes: bool = typer.Option(False, "--yes", help="Do not ask for confirmation.")
) -> None:
    """Delete a request with all its answers."""
    owner = context.owner()
    from peoplecraft.feedback import services

    feedback_request = _request(owner, request_id)
    if not yes and not typer.confirm(f"Delete request {request_id} and all its answers?"):
        context.fail("Nothing deleted.", code=context.EXIT_FAILURE)
    services.request_delete(feedback_request=feedback_request)
    typer.echo(f"Deleted request {request_id}.")


def remind() -> None:
    """Send invitation e-mails still waiting, and queue the reminders that are due (run daily);
    'peoplecraft worker' sends the reminders."""
    context.owner()
    from peoplecraft.feedback.delivery import send_due_mail
    from peoplecraft.feedback.reminders import reminders_enqueue

    retried = send_due_mail()
    if retried.sent or retried.failed:
        typer.echo(f"Sent {retried.sent} invitation e-mail(s) that were waiting; {retried.failed} still waiting.")
    queued = reminders_enqueue()
    typer.echo(f"Queued reminders for {queued} request(s).")


def thresholds(
    request_id: int = REQUEST_ARGUMENT,
    threshold: list[str] = THRESHOLD_OPTION,
) -> None:
    """Raise a request's anonymity thresholds (never lower them); prints the thresholds in force."""
    owner = context.owner()
    from peoplecraft.feedback import services

    feedback_request = _request(owner, request_id)
    try:
        limits = services.thresholds_raise(feedback_request=feedback_request, values=_thresholds(threshold))
    except services.FeedbackError as error:
        context.fail(str(error))
    typer.echo(", ".join(f"{name}={value}" for name, value in limits.items()))


def register(app: typer.Typer) -> None:
    """Add these commands to the ``feedback`` group (kept apart to keep each module small)."""
    app.command("results")(results_)
    app.command("thresholds")(thresholds)
    app.command("links")(links)
    app.command("resend")(resend)
    app.command("close")(close)
    app.command("delete")(delete)
    app.command("remind")(remind)
