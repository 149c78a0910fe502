"""The interactive ``peoplecraft assess take``: keyboard only, every answer saved at once."""

from __future__ import annotations

import typer

from peoplecraft.cli import context

QUIT, SKIP = "q", "s"


def _assessment(*, owner, guide, area_number, skills, priorities):
    """Resume the unfinished assessment when no scope is given, else start a new one."""
    from peoplecraft.assessment import selectors, services
    from peoplecraft.assessment.models import Scope, Source

    if area_number is None and not skills:
        current = selectors.assessment_in_progress(owner=owner, guide=guide)
        if current is not None:
            typer.echo(f"Resuming the assessment you started on {current.started_at:%Y-%m-%d}.")
            return current
    area = None
    if area_number is not None:
        area = selectors.guide_area(guide=guide, number=area_number)
        if area is None:
            context.fail(f"'{guide.title}' has no area {area_number}.")
    scope = Scope.AREA if area else Scope.SKILLS if skills else Scope.GUIDE
    try:
        return services.assessment_start(
            owner=owner, guide=guide, scope=scope, area=area, skills=skills, priorities=priorities, source=Source.CLI
        )
    except services.AssessmentError as error:
        context.fail(str(error))


def _ask(item, number: int, total: int) -> str:
    from peoplecraft.assessment.questionnaire import scale_points

    labels = "  ".join(f"{value}={label}" for value, label in scale_points(item))
    typer.echo(f"\n[{number}/{total}] {item.skill}\n{item.self_text}\n  {labels}")
    while True:
        prompt = f"Answer {item.scale.min}-{item.scale.max}, s to skip, q to save and quit"
        reply = typer.prompt(prompt).strip().casefold()
        if reply in (QUIT, SKIP) or (reply.isdigit() and item.scale.min <= int(reply) <= item.scale.max):
            return reply
        typer.echo(f"Please type a number from {item.scale.min} to {item.scale.max}, s or q.")


def run(*, owner, guide, area_number, skills, priorities) -> None:
    from peoplecraft.assessment import selectors, services

    assessment = _assessment(owner=owner, guide=guide, area_number=area_number, skills=skills, priorities=priorities)
    items = selectors.assessment_items(assessment=assessment)
    saved = selectors.answers_get(assessment=assessment)
    for number, item in enumerate(items, start=1):
        if item.id in saved:
            continue
        reply = _ask(item, number, len(items))
        if reply == QUIT:
            typer.echo("Saved. Run 'peoplecraft assess take' to carry on where you stopped.")
            return
        services.answers_save(assessment=assessment, answers={item.id: None if reply == SKIP else int(reply)})
    try:
        services.assessment_complete(assessment=assessment)
    except services.AssessmentError as error:
        context.fail(f"{error} Your answers are saved; run 'peoplecraft assess take' to add more.")
    typer.echo("Finished. See 'peoplecraft assess results'.")
