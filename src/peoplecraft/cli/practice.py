"""``peoplecraft practice …``: today's practice, the log, the weekly plan and practice cards."""

from __future__ import annotations

from pathlib import Path

import typer

from peoplecraft.cli import context
from peoplecraft.cli.output import OutputFormat, console, id_column, print_json

app = typer.Typer(help="Practise your focus skills: exercises, a weekly plan, cards and a log.", no_args_is_help=True)

FORMAT_OPTION = typer.Option(OutputFormat.TEXT, "--format", help="Output format.")
GRADES = ("missed", "hard", "good", "easy")
# The option (or argument, by its name in --help) that a PracticeError's field comes from, per command.
LOG_OPTIONS = {
    "skill": "skill",
    "occurred_on": "--date",
    "situation": "--situation",
    "self_rating": "--rating",
    "duration_minutes": "--minutes",
    "exercise_id": "--exercise",
    "source": "--exercise",
}
PLAN_OPTIONS = {"skills": "--focus"}
GRADE_OPTIONS = {"card": "card", "skill": "card", "grade": "how"}


def _skill(owner, name: str, option: str = "skill"):
    from peoplecraft.skillmap import selectors

    try:
        return selectors.skill_find(guide=selectors.guide_get(owner=owner), name=name)
    except (selectors.SkillNotFound, selectors.GuideNotFound) as error:
        context.fail(f"{option}: {error}", candidates=error.candidates)


@app.command("today")
def today(output: OutputFormat = FORMAT_OPTION) -> None:
    """What to practise today: planned exercises, cards due and your focus skills' habit strength."""
    owner = context.owner()
    from django.utils import timezone

    from peoplecraft.practice import plans, selectors

    day = timezone.localdate()
    focus, source = selectors.focus_get(owner=owner)
    plan = plans.rolling_plan(owner=owner, today=day, focus=focus, days=1)
    habits = selectors.habits_for(owner=owner, skills=focus, today=day)
    document = {
        "date": day.isoformat(),
        "focus_from": source,
        "sessions": plans.rolling_document(plan)["sessions"],  # each with "done" (ticked off)
        "cards": [_card_json(view) for view in selectors.cards_for(owner=owner, skills=focus, due_only=True)],
        "skills": [_habit_json(skill.name, habits[skill.pk]) for skill in focus],
    }
    if output is OutputFormat.JSON:
        print_json(document)
        return
    _print_today(document)


def _card_json(view) -> dict:
    return {
        "id": view.card.id,
        "skill": view.skill.name,
        "prompt": view.card.prompt,
        "new": view.is_new,
        "due": view.due.isoformat() if view.due else None,
    }


def _habit_json(name: str, habit) -> dict:
    return {
        "skill": name,
        "strength": round(habit.strength, 1),
        "current_streak": habit.current_streak,
        "longest_streak": habit.longest_streak,
        "this_week": habit.this_week,
        "sessions": habit.total_sessions,
    }


def _print_today(document: dict) -> None:
    out = console()
    if not document["skills"]:
        out.print("No focus skills yet: 'peoplecraft practice plan --focus SKILL' chooses them.")
        return
    out.print(f"Practice for {document['date']}", style="bold")
    for s in document["sessions"]:
        mark = "[x]" if s["done"] else "[ ]"
        out.print(
            f"  {mark} {s['title']} ({s['skill']}, {s['minutes']} min){' — ' + s['exercise'] if s['exercise'] else ''}",
            markup=False,
        )
    if not document["sessions"]:
        out.print("  No exercise planned today.")
    out.print("Cards to try", style="bold")
    for c in document["cards"]:
        out.print(f"  • [{c['id']}] {c['prompt']}", markup=False)
    out.print("Habit strength", style="bold")
    for h in document["skills"]:
        out.print(
            f"  {h['skill']}: {h['strength']:.0f}/100, streak {h['current_streak']} (longest {h['longest_streak']}), "
            f"{h['this_week']} this week",
            markup=False,
        )


@app.command("log")
def log(
    skill: str = typer.Argument(..., help="The skill you practised (its name in the guide)."),
    situation: str = typer.Option(..., "--situation", help="The exercise or real situation, in a few words."),
    happened: str = typer.Option("", "--happened", help="What happened."),
    well: str = typer.Option("", "--well", help="What went well."),
    improve: str = typer.Option("", "--improve", help="What to improve next time."),
    rating: int | None = typer.Option(None, "--rating", help="How it went, 1 (poorly) to 5 (very well)."),
    minutes: int | None = typer.Option(None, "--minutes", help="How long it took, in minutes."),
    on: str | None = typer.Option(None, "--date", help="The day it happened, YYYY-MM-DD (default: today)."),
    exercise: str = typer.Option("", "--exercise", help="The id of the exercise you did, if any."),
    ask: bool = typer.Option(
        False, "--ask", help="Then ask the other person to confirm it: prints a one-question link to pass on (once)."
    ),
    ask_email: str = typer.Option(
        "", "--ask-email", help="Then ask the other person to confirm it: Peoplecraft e-mails them the link."
    ),
    pooled: bool = typer.Option(
        False,
        "--pooled",
        help="With --ask/--ask-email: their answer is anonymous, pooled per skill (default: attributed).",
    ),
) -> None:
    """Log a practice session (and, with --ask or --ask-email, ask the other person to confirm it)."""
    owner = context.owner()
    from django.utils import timezone

    from peoplecraft.practice import services

    day = context.parse_date(on, "--date") or timezone.localdate()
    found = _skill(owner, skill)
    _ask_check(ask, ask_email, pooled)
    try:
        entry = services.practice_entry_log(
            owner=owner,
            skill=found,
            occurred_on=day,
            situation=situation,
            what_happened=happened,
            went_well=well,
            to_improve=improve,
            self_rating=rating,
            duration_minutes=minutes,
            exercise_id=exercise,
            source="exercise" if exercise else "manual",
        )
    except services.PracticeError as error:
        context.fail(context.option_message(error.field, str(error), LOG_OPTIONS))
    typer.echo(f"Logged {entry.skill.name} on {entry.occurred_on.isoformat()}.")
    if ask or ask_email:
        _ask_confirmation(owner, entry, email=ask_email, pooled=pooled)


def _ask_check(ask: bool, email: str, pooled: bool) -> None:
    """Bad --ask options fail before anything is logged."""
    if pooled and not (ask or email):
        context.fail("--pooled: add --ask (a link to pass on) or --ask-email ADDRESS")
    if ask and email:
        context.fail("--ask-email: choose --ask (a link to pass on) or --ask-email, not both")
    if email:
        from django.core.exceptions import ValidationError
        from django.core.validators import validate_email

        from peoplecraft.feedback.services import email_available, no_email_problem

        try:
            validate_email(email.strip())
        except ValidationError:
            context.fail(f"--ask-email: {email!r} is not a valid e-mail address")
        if not email_available():
            context.fail(f"--ask-email: {no_email_problem()}")


def _ask_confirmation(owner, entry, *, email: str, pooled: bool) -> None:
    """The other person's one-question link (see feedback.confirm_services); the entry is already logged."""
    from peoplecraft.cli.feedback import _base_url
    from peoplecraft.feedback import confirm_services
    from peoplecraft.feedback.services import FeedbackError

    try:
        moment, link = confirm_services.confirmation_create(
            owner=owner, entry_id=entry.pk, base_url=_base_url(), attributed=not pooled, email=email
        )
    except FeedbackError as error:
        context.fail("--ask-email: " + "; ".join(error.problems) + " (the session itself is logged)")
    typer.echo(f"Question for the other person: {moment.question}")
    if link.url:
        who = "pooled, anonymous" if pooled else "attributed: you will see their answer on this session"
        typer.echo(f"Link to pass on ({who}; shown only now): {link.url}")
    else:
        typer.echo(f"E-mailed to {link.email}.")


@app.command("plan")
def plan(
    week: str | None = typer.Option(
        None, "--week", help="Show the calendar week containing this day, YYYY-MM-DD (default: the next 7 days)."
    ),
    focus: list[str] = typer.Option([], "--focus", help="Set your focus skills first (repeat, at most five)."),
    ics: Path | None = typer.Option(None, "--ics", help="Also write the plan as an iCalendar file to this path."),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Show your practice plan for the next 7 days from today, [x] for sessions done (or a calendar week)."""
    owner = context.owner()
    from django.utils import timezone
    from rich.text import Text

    from peoplecraft.practice import calendar, plans, selectors, services

    day = context.parse_date(week, "--week")
    if focus:
        try:
            services.focus_set(owner=owner, skills=[_skill(owner, name, "--focus") for name in focus])
        except services.PracticeError as error:
            context.fail(context.option_message(error.field, str(error), PLAN_OPTIONS))
    skills, source = selectors.focus_get(owner=owner)
    if day is None:
        rolling = plans.rolling_plan(owner=owner, focus=skills)
        week_plan, document = rolling.as_week_plan(), plans.rolling_document(rolling, source=source)
        heading = f"Next 7 days: {document['start']} to {document['end']}"
    else:
        week_plan = plans.week_plan(owner=owner, week_start=day, focus=skills)
        document = plans.plan_document(week_plan, source=source)
        heading = f"Week of {document['week_start']}"
    if ics is not None:
        try:
            ics.write_bytes(calendar.plan_calendar(week_plan, lookup=selectors.exercise_get, stamp=timezone.now()))
        except OSError as error:
            context.fail(f"--ics: cannot write {ics}: {error.strerror}")
    if output is OutputFormat.JSON:
        print_json(document)
        return
    out = console()
    out.print(Text.assemble((heading, "bold"), f" (focus: {source})"))
    for s in document["skills"]:
        out.print(f"  {s['skill']}: level {s['level']}, {s['sessions']} sessions. {s['reason']}", markup=False)
    for s in document["sessions"]:
        mark = "" if "done" not in s else ("[x] " if s["done"] else "[ ] ")
        out.print(f"  {mark}{s['date']}  {s['title']} ({s['skill']}, {s['minutes']} min)", markup=False)
    if ics is not None:
        out.print(f"Wrote {ics}", markup=False)


TICK_OPTIONS = {"day": "--day", "skill": "skill"}


@app.command("tick")
def tick(
    skill: str = typer.Argument(..., help="The skill of the planned session (see 'practice plan')."),
    day: str | None = typer.Option(None, "--day", help="The day it is planned on, YYYY-MM-DD (default: today)."),
    undo: bool = typer.Option(False, "--undo", help="Untick it: remove the log entry the tick made."),
) -> None:
    """Tick off a planned session: it is logged as practice (--undo takes it back)."""
    owner = context.owner()
    from django.utils import timezone

    from peoplecraft.practice import services

    when = context.parse_date(day, "--day") or timezone.localdate()
    found = _skill(owner, skill)
    try:
        if undo:
            removed = services.planned_session_untick(owner=owner, day=when, skill_id=found.pk)
            typer.echo(f"Unticked {found.name} on {when.isoformat()}." if removed else "It was not ticked off.")
            return
        entry = services.planned_session_tick(owner=owner, day=when, skill_id=found.pk)
    except services.PracticeError as error:
        context.fail(context.option_message(error.field, str(error), TICK_OPTIONS))
    typer.echo(f"Done: {entry.situation} ({found.name}, planned {when.isoformat()}), logged {entry.occurred_on}.")


@app.command("cards")
def cards(
    due: bool = typer.Option(False, "--due", help="Only the cards due now."), output: OutputFormat = FORMAT_OPTION
) -> None:
    """List the practice cards of your focus skills."""
    owner = context.owner()
    from peoplecraft.practice import selectors

    focus, _source = selectors.focus_get(owner=owner)
    views = selectors.cards_for(owner=owner, skills=focus, due_only=due)
    docs = [_card_json(view) | {"reviews": view.state.reviews if view.state else 0} for view in views]
    if output is OutputFormat.JSON:
        print_json({"cards": docs})
        return
    from rich.table import Table

    table = Table(id_column("Card"), "Skill", "Due", "Try this")
    for d in docs:
        table.add_row(d["id"], d["skill"], "new" if d["new"] else d["due"][:10], d["prompt"])
    console().print(table)


@app.command("grade")
def grade(
    card: str = typer.Argument(..., help="The card id (see 'practice cards')."),
    how: str = typer.Argument(..., help="How it went: missed, hard, good or easy."),
) -> None:
    """Grade a card after trying it for real; it is rescheduled by spaced repetition."""
    owner = context.owner()
    from django.utils import timezone

    from peoplecraft.practice import services

    if how not in GRADES:
        context.fail(f"Unknown grade '{how}'.", candidates=list(GRADES))
    try:
        state = services.card_grade(owner=owner, card_id=card, grade=how)
    except services.PracticeError as error:
        context.fail(context.option_message(error.field, str(error), GRADE_OPTIONS))
    typer.echo(f"Graded {card} {how}; next time: {timezone.localtime(state.due):%Y-%m-%d}.")


@app.command("remind")
def remind(
    on: bool = typer.Option(False, "--on", help="Opt in: get a daily e-mail of the day's planned sessions."),
    off: bool = typer.Option(False, "--off", help="Opt out of the daily practice e-mail."),
    queue: bool = typer.Option(False, "--queue", help="Queue the sending for 'peoplecraft worker' instead."),
) -> None:
    """Send today's practice reminders to everyone who opted in (run daily; at most one a day each).

    --on / --off turn your own reminder on or off instead of sending.
    """
    owner = context.owner()
    from django.utils import timezone

    from peoplecraft.practice import services

    if on and off:
        context.fail("Choose one of --on and --off.")
    if on or off:
        services.reminder_set(owner=owner, enabled=on)
        if on and not owner.email:
            typer.echo("Practice reminders are on, but your account has no e-mail address to send them to.")
        else:
            typer.echo("Practice reminders are on." if on else "Practice reminders are off.")
        return
    day = timezone.localdate()
    if queue:
        from peoplecraft.practice.tasks import send_practice_reminders

        send_practice_reminders.enqueue(day.isoformat())
        typer.echo(f"Queued the practice reminders of {day.isoformat()}; 'peoplecraft worker' sends them.")
        return
    from peoplecraft.practice.reminders import send_reminders

    report = send_reminders(today=day)
    typer.echo(f"Sent {report.sent} practice reminder(s); {report.failed} could not be sent (tried again next run).")
    if report.failed:
        raise typer.Exit(1)


@app.command("exercises")
def exercises(
    skill: str | None = typer.Option(None, "--skill", help="Only exercises for this skill."),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """List the bundled exercises."""
    from dataclasses import asdict

    from peoplecraft.practice.content import bundled_exercises, for_skill

    found = for_skill(bundled_exercises(), skill) if skill else list(bundled_exercises())
    if skill and not found:
        context.fail(f"No exercise for a skill named '{skill}'.")
    if output is OutputFormat.JSON:
        print_json({"exercises": [{k: v for k, v in asdict(e).items() if k != "where"} for e in found]})
        return
    for e in found:
        typer.echo(f"{e.id}  {e.title}  ({e.skill}, {e.difficulty}, {e.minutes} min)")
