"""``peoplecraft goals …``: SMART goals, check-ins, the Eisenhower board and the calendar export."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import NoReturn

import typer

from peoplecraft.cli import context
from peoplecraft.cli.output import OutputFormat, console, id_column, print_json
from peoplecraft.goals.inputs import TARGET_MAX, TARGET_MIN, parse_milestone
from peoplecraft.goals.progress import flags_of

app = typer.Typer(help="SMART goals: check-ins, priorities and due dates.", no_args_is_help=True)
FORMAT_OPTION = typer.Option(OutputFormat.TEXT, "--format", help="Output format.")
QUADRANT_HELP = "do, schedule, delegate or eliminate (Eisenhower quadrant)."


def _goal(owner, goal_id: int):
    from django.http import Http404

    from peoplecraft.goals import selectors

    try:
        return selectors.goal_get(owner=owner, goal_id=goal_id)
    except Http404:
        context.fail(f"no goal {goal_id}; 'peoplecraft goals list' shows yours")


# The option (or argument, by its name in --help) of each command that a GoalError's field comes from.
ADD_OPTIONS = {
    "title": "title",  # the argument
    "skill": "--skill",
    "measure": "--measure",
    "target": "--target",
    "due_date": "--due",
    "reminder_days": "--remind-every",
    "milestones": "--milestone",
    "quadrant": "--quadrant",
}
CHECKIN_OPTIONS = {"amount": "--done", "note": "--note"}


def _fail_goal(error, options: dict[str, str]) -> NoReturn:
    context.fail_fields("the goal was not saved:", error.errors, options)


def _today():
    from django.utils import timezone

    return timezone.localdate()


@app.command("add")
def add(
    title: str = typer.Argument(..., help="The goal in a few words."),
    skill: str = typer.Option(..., "--skill", help="The skill it builds (specific), by its exact name."),
    measure: str = typer.Option(..., "--measure", help="What you will count (measurable)."),
    target: float = typer.Option(
        ..., "--target", callback=context.bounded(TARGET_MIN, TARGET_MAX), help="The number to reach."
    ),
    due: str = typer.Option(..., "--due", help="Due date YYYY-MM-DD, in the future (time-bound)."),
    quadrant: str = typer.Option("schedule", "--quadrant", help=QUADRANT_HELP),
    reminder_days: int = typer.Option(7, "--remind-every", help="Days between check-in reminders (0: none)."),
    milestones: list[str] = typer.Option([], "--milestone", help="A milestone, 'YYYY-MM-DD title' or 'title'."),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Set a SMART goal; anything missing or vague is refused with the field named."""
    due_date = context.parse_date(due, "--due")
    dated = [_milestone(m) for m in milestones]
    try:
        urgent, important = flags_of(quadrant)
    except KeyError:
        context.fail(f"--quadrant: {QUADRANT_HELP}")
    owner = context.owner()
    from peoplecraft.goals import selectors, services
    from peoplecraft.skillmap import selectors as skillmap_selectors

    found = skillmap_selectors.skill_in_active_guide(owner=owner, name=skill)
    data = services.GoalInput(
        title=title,
        skill_id=found.pk if found else None,
        measure=measure,
        target=target,
        due_date=due_date,
        urgent=urgent,
        important=important,
        reminder_days=reminder_days,
        milestones=dated,
    )
    try:
        goal = services.goal_create(owner=owner, data=data)
    except services.GoalError as error:
        if found is None:
            error.errors["skill"] = f"'{skill}' is not a skill of your active guide (use the exact name)"
        _fail_goal(error, ADD_OPTIONS)
    goal = selectors.goal_get(owner=owner, goal_id=goal.pk)
    if output is OutputFormat.JSON:
        print_json(selectors.goal_document(goal, _today()))
    else:
        typer.echo(f"Goal {goal.pk} set: {goal.title} (due {goal.due_date})")


def _milestone(text: str) -> tuple[str, date | None]:
    try:
        return parse_milestone(text)
    except ValueError as error:
        context.fail(f"--milestone: {error}")


@app.command("list")
def list_(
    status: str | None = typer.Option(None, "--status", help="active, done or dropped (default: all)."),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """List your goals with progress, the expected progress and whether they are slipping."""
    owner = context.owner()
    from peoplecraft.goals import selectors

    if status not in (None, "active", "done", "dropped"):
        context.fail("--status: active, done or dropped")
    today = _today()
    documents = [selectors.goal_document(goal, today) for goal in selectors.goal_list(owner=owner, status=status)]
    if output is OutputFormat.JSON:
        print_json({"goals": documents})
        return
    from rich.table import Table

    from peoplecraft.core.inputs import show_number

    table = Table(id_column("Id"), "Goal", "Skill", "Due", "Progress", "Status")
    for doc in documents:
        slip = " (slipping)" if doc["slipping"] else ""
        done = f"{show_number(round(doc['done'], 2))} of {show_number(doc['target'])} ({doc['progress']}%)"
        table.add_row(str(doc["id"]), doc["title"], doc["skill"], doc["due"], f"{done}{slip}", doc["status"])
    console().print(table)


@app.command("checkin")
def checkin(
    goal_id: int = typer.Argument(..., help="Goal id (see 'goals list')."),
    done: float = typer.Option(
        ...,
        "--done",
        callback=context.bounded(0, TARGET_MAX),
        help="How much is done so far, in the goal's unit: 3 (of 8 one-to-ones), 2.5 (hours), 60 (%).",
    ),
    note: str = typer.Option("", "--note", help="What moved it forward, or what got in the way."),
) -> None:
    """Record progress on a goal, in its own unit (e.g. 3 of 8 one-to-ones)."""
    owner = context.owner()
    from peoplecraft.core.inputs import show_number
    from peoplecraft.goals import selectors, services

    goal = _goal(owner, goal_id)
    try:
        services.goal_checkin(goal=goal, amount=done, note=note)
    except services.GoalError as error:
        _fail_goal(error, CHECKIN_OPTIONS)
    goal = selectors.goal_get(owner=owner, goal_id=goal_id)
    typer.echo(f"Goal {goal_id}: {show_number(done)} of {show_number(goal.target)} {goal.measure} ({goal.progress}%)")


def _set_status(goal_id: int, status: str) -> None:
    owner = context.owner()
    from peoplecraft.goals import services

    goal = services.goal_set_status(goal=_goal(owner, goal_id), status=status)
    typer.echo(f"Goal {goal.pk}: {goal.status}")


@app.command("done")
def done(goal_id: int = typer.Argument(..., help="Goal id.")) -> None:
    """Mark a goal done."""
    _set_status(goal_id, "done")


@app.command("drop")
def drop(goal_id: int = typer.Argument(..., help="Goal id.")) -> None:
    """Drop a goal (it stays in the list, marked dropped)."""
    _set_status(goal_id, "dropped")


@app.command("board")
def board(output: OutputFormat = FORMAT_OPTION) -> None:
    """Active goals and their next actions by Eisenhower quadrant."""
    owner = context.owner()
    from peoplecraft.goals import selectors

    quadrants = selectors.board(owner=owner)
    document = {
        name: [{"kind": c.kind, "id": c.pk, "title": c.title, "goal": c.goal.pk} for c in cards]
        for name, cards in quadrants.items()
    }
    if output is OutputFormat.JSON:
        print_json(document)
        return
    for name, cards in document.items():
        typer.echo(f"{name.upper()}")
        for card in cards:
            typer.echo(f"  [{card['kind']} {card['id']}] {card['title']}")


@app.command("calendar")
def calendar(path: str = typer.Argument("-", help="File to write the .ics to, or - for standard output.")) -> None:
    """Export due dates, milestones and check-in reminders as iCalendar."""
    owner = context.owner()
    from peoplecraft.goals import selectors

    data = selectors.calendar_ics(owner=owner)
    if path == "-":
        sys.stdout.write(data.decode("utf-8"))
        return
    try:
        Path(path).expanduser().write_bytes(data)
    except OSError as error:
        context.fail(f"{path}: cannot be written ({error.strerror})")
    typer.echo(f"Wrote {path}")
