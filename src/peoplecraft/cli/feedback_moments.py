"""``peoplecraft feedback moment|moments``: one question after a moment, and what the pools show."""

from __future__ import annotations

import typer

from peoplecraft.cli import context
from peoplecraft.cli.feedback import FORMAT_OPTION, _base_url
from peoplecraft.cli.output import OutputFormat, console, print_json


def moment(
    skill: str = typer.Option(..., "--skill", help="The one skill the question is about."),
    question: str = typer.Option("", "--question", help="Your question (default: 'How did I do at SKILL just now?')."),
    rater: list[str] = typer.Option([], "--rater", help="An e-mail address to send a link to (repeatable)."),
    links: int = typer.Option(
        0,
        "--links",
        min=0,
        max=20,
        help="Links to print and pass on yourself (their answers count only with answers from e-mailed raters).",
    ),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Ask one question about one skill right after a moment; prints the links to pass on (shown only now)."""
    owner = context.owner()
    from peoplecraft.feedback import moment_services
    from peoplecraft.skillmap import selectors

    try:
        guide = selectors.guide_get(owner=owner)
        found = selectors.skill_find(guide=guide, name=skill)
    except (selectors.GuideNotFound, selectors.SkillNotFound) as error:
        context.fail(str(error), candidates=error.candidates)
    try:
        created, issued = moment_services.moment_create(
            owner=owner, skill=found, question=question, emails=rater, links=links, base_url=_base_url()
        )
    except moment_services.FeedbackError as error:
        context.fail(f"{len(error.problems)} problem(s); nothing was created or sent.", candidates=error.problems)
    from peoplecraft.feedback.delivery import mail_waiting_message
    from peoplecraft.feedback.selectors import moment_mail_waiting_count

    if waiting := moment_mail_waiting_count(moment=created):
        typer.echo(mail_waiting_message(waiting), err=True)
    if output == OutputFormat.JSON:
        print_json(
            {
                "moment": created.pk,
                "skill": found.name,
                "question": created.question,
                "expires": created.expires_on.isoformat(),
                "emailed": sum(1 for link in issued if link.email),
                "links": [link.url for link in issued if link.url],
            }
        )
        return
    typer.echo(f"Moment {created.pk}: {created.question} (links work until {created.expires_on:%Y-%m-%d})")
    emailed = sum(1 for link in issued if link.email)
    if emailed:
        typer.echo(f"E-mailed a personal link to {emailed} people (you never see those links).")
    shown = [link.url for link in issued if link.url]
    if shown:
        typer.echo("Links to pass on (shown only now; only their hashes are stored). Answers through them count")
        typer.echo("only together with at least three answers from people Peoplecraft e-mailed:")
        for number, url in enumerate(shown, start=1):
            typer.echo(f"  link {number}: {url}")


def moments(output: OutputFormat = FORMAT_OPTION) -> None:
    """Micro-feedback pooled per skill: released averages and comments only (from three answers)."""
    owner = context.owner()
    from peoplecraft.feedback import moment_results, selectors

    pooled = moment_results.pooled_skills(owner=owner)
    recent = [
        {
            "moment": m.pk,
            "skill": m.pool.skill.name,
            "question": m.question,
            "created": m.created_at.date().isoformat(),
            "open": m.is_open(),
            "links": m.asked,
        }
        for m in selectors.moment_list(owner=owner)
    ]
    if output == OutputFormat.JSON:
        print_json({"skills": moment_results.pooled_document(pooled), "moments": recent})
        return
    if not pooled:
        typer.echo("No micro-feedback yet: try 'peoplecraft feedback moment --skill NAME --links 3'.")
        return
    from rich.table import Table

    table = Table("Skill", "Others (0-100)", "Answers released", "Comments")
    for p in pooled:
        if p.released:
            table.add_row(p.skill, f"{p.score:.0f}", str(p.responses), "\n".join(p.comments) or "-")
        else:
            table.add_row(p.skill, "-", "not yet", "-")
    console().print(table)
    typer.echo("A skill shows once at least three people have answered, in batches of three.")


def register(app: typer.Typer) -> None:
    app.command("moment")(moment)
    app.command("moments")(moments)
