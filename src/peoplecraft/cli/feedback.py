"""``peoplecraft feedback …``: ask for 360° feedback, follow it, read the released results."""

from __future__ import annotations

import typer

from peoplecraft.cli import context
from peoplecraft.cli.output import OutputFormat, console, id_column, print_json

app = typer.Typer(help="360° feedback: anonymous rater links, released results, reminders.", no_args_is_help=True)

FORMAT_OPTION = typer.Option(OutputFormat.TEXT, "--format", help="Output format.")
REQUEST_ARGUMENT = typer.Argument(..., help="The request's number (see 'peoplecraft feedback list').")


def _base_url() -> str:
    from django.conf import settings

    from peoplecraft.feedback.delivery import LOCAL_BASE_URL

    return settings.BASE_URL or LOCAL_BASE_URL


def _request(owner, request_id: int):
    from django.http import Http404

    from peoplecraft.feedback import selectors

    try:
        return selectors.request_get(owner=owner, request_id=request_id)
    except Http404:
        context.fail(f"No feedback request {request_id}; see 'peoplecraft feedback list'.")


def _create(
    skill: list[str],
    rater: list[str],
    deadline: str,
    message: str,
    reminder_days: int,
    attribute_manager: bool,
    threshold: list[str],
    output: OutputFormat,
    pass_on: bool = False,
) -> None:
    when = context.parse_date(deadline, "--deadline")
    owner = context.owner()
    from peoplecraft.feedback import services
    from peoplecraft.skillmap import selectors

    try:
        guide = selectors.guide_get(owner=owner)
        skills = [selectors.skill_find(guide=guide, name=name) for name in skill]
    except (selectors.GuideNotFound, selectors.SkillNotFound) as error:
        context.fail(str(error), candidates=error.candidates)
    try:
        limits = _thresholds(threshold)
        feedback_request, links = services.request_create(
            owner=owner,
            guide=guide,
            skills=skills,
            raters=services.raters_parse(rater),
            deadline=when,
            message=message,
            reminder_days=reminder_days,
            attribute_manager=attribute_manager,
            thresholds=limits,
            delivery="pass_on" if pass_on else "email",
            base_url=_base_url(),
        )
    except services.FeedbackError as error:
        context.fail(f"{len(error.problems)} problem(s); nothing was created or sent.", candidates=error.problems)
    shown = [link for link in links if link.url]
    from peoplecraft.feedback.delivery import mail_waiting_message
    from peoplecraft.feedback.selectors import mail_waiting_count

    waiting = mail_waiting_count(feedback_request=feedback_request)
    if waiting:
        typer.echo(mail_waiting_message(waiting), err=True)
    if output == OutputFormat.JSON:
        document = {"request": feedback_request.pk, "delivery": feedback_request.delivery, "invited": len(links)}
        if not pass_on:
            document["mail_waiting"] = waiting
        if pass_on:
            document["links"] = [{"email": k.email, "group": k.group, "url": k.url} for k in shown]
            document["warning"] = HANDED_OUT_WARNING
        print_json(document)
        return
    if not pass_on:
        sent = len(links) - waiting
        typer.echo(
            f"Created feedback request {feedback_request.pk}; e-mailed a personal link to {sent} of {len(links)} "
            "raters."
        )
        typer.echo("You never see their links: that keeps who answered from you.")
        return
    typer.echo(f"Created feedback request {feedback_request.pk} for {len(links)} raters; no e-mail was sent.")
    typer.echo(HANDED_OUT_WARNING)
    typer.echo("Links (shown only now; only their hashes are stored):")
    for link in shown:
        typer.echo(f"  {link.email} ({link.group}): {link.url}")


HANDED_OUT_WARNING = (
    "You pass these links on yourself, so you could see whether each link was used and could answer links "
    "yourself: your raters' anonymity depends on your honesty (their page tells them so)."
)


def _thresholds(specs: list[str]) -> dict[str, int]:
    from peoplecraft.feedback.services import FeedbackError

    values = {}
    for spec in specs:
        name, _sep, value = spec.partition("=")
        if not value.strip().isdigit():
            raise FeedbackError(f"--threshold {spec!r}: write NAME=NUMBER, e.g. peer=4")
        values[name.strip()] = int(value)
    return values


SKILL_OPTION = typer.Option(..., "--skill", help="A skill to be rated (repeatable).")
RATER_OPTION = typer.Option(
    ...,
    "--rater",
    help="GROUP:EMAIL, group one of manager, peer, direct_report, mentor, friend_family, other (repeatable).",
)
DEADLINE_OPTION = typer.Option(..., "--deadline", help="Last day raters can answer (YYYY-MM-DD).")
MESSAGE_OPTION = typer.Option("", "--message", help="Your personal message to raters.")
REMIND_OPTION = typer.Option(
    3, "--reminder-days", min=0, max=60, help="Remind raters who have not answered this many days before the deadline."
)
ATTRIBUTE_OPTION = typer.Option(
    True, "--attribute-manager/--anonymous-manager", help="Show the manager's answers attributed (the manager is told)."
)
PASS_ON_OPTION = typer.Option(
    False,
    "--pass-on",
    help="Print the links to pass on yourself instead of e-mailing raters (you could then see who used theirs).",
)
THRESHOLD_OPTION = typer.Option(
    [], "--threshold", help="Raise a threshold, NAME=N (peer, direct_report, others, all, comments…; at least 3)."
)


@app.command("request", help="Same as 'create'.")
@app.command("create")
def create(
    skill: list[str] = SKILL_OPTION,
    rater: list[str] = RATER_OPTION,
    deadline: str = DEADLINE_OPTION,
    message: str = MESSAGE_OPTION,
    reminder_days: int = REMIND_OPTION,
    attribute_manager: bool = ATTRIBUTE_OPTION,
    threshold: list[str] = THRESHOLD_OPTION,
    pass_on: bool = PASS_ON_OPTION,
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Create a request and e-mail every rater their link (never shown to you); or, with --pass-on, print the links."""
    _create(skill, rater, deadline, message, reminder_days, attribute_manager, threshold, output, pass_on)


@app.command("list")
def list_(output: OutputFormat = FORMAT_OPTION) -> None:
    """Your feedback requests: skills, deadline, open or closed, released or not."""
    owner = context.owner()
    from peoplecraft.feedback import selectors

    rows = [
        {
            "request": r.pk,
            "skills": [s.name for s in r.skills.all()],
            "deadline": r.deadline.isoformat(),
            "open": r.is_open(),
            "raters_asked": r.invited,
            "releases": r.released,
        }
        for r in selectors.request_list(owner=owner)
    ]
    if output == OutputFormat.JSON:
        print_json(rows)
        return
    from rich.table import Table

    table = Table(id_column("Request"), "Skills", "Deadline", "Open", "Raters asked", "Releases")
    for row in rows:
        table.add_row(
            str(row["request"]),
            ", ".join(row["skills"]),
            row["deadline"],
            "yes" if row["open"] else "no",
            str(row["raters_asked"]),
            str(row["releases"]),
        )
    console().print(table)


@app.command("status")
def status(request_id: int = REQUEST_ARGUMENT, output: OutputFormat = FORMAT_OPTION) -> None:
    """One request: skills, deadline, whom you asked (never who answered), what is released."""
    owner = context.owner()
    from peoplecraft.feedback import results, selectors

    feedback_request = _request(owner, request_id)
    released = results.feedback_results(feedback_request=feedback_request).snapshot
    invited = selectors.invitation_rows(feedback_request=feedback_request)
    document = {
        "request": feedback_request.pk,
        "skills": [s.name for s in selectors.request_skills(feedback_request=feedback_request)],
        "deadline": feedback_request.deadline.isoformat(),
        "open": feedback_request.is_open(),
        "reminder_days": feedback_request.reminder_days,
        "thresholds": feedback_request.thresholds,
        "delivery": feedback_request.delivery,
        "raters": [{"email": r.email, "group": r.group} for r in invited],
        "answers_received": selectors.answers_received(feedback_request=feedback_request),
        "release": released.number if released else 0,
        "responses_released": released.responses if released else 0,
    }
    if output == OutputFormat.JSON:
        print_json(document)
        return
    typer.echo(f"Request {document['request']}: {', '.join(document['skills'])}")
    typer.echo(f"Deadline {document['deadline']} ({'open' if document['open'] else 'closed'})")
    typer.echo(
        f"Raters asked: {len(document['raters'])}; answers received: {document['answers_received']}; "
        f"released: {document['responses_released']} responses (release {document['release']})"
    )
