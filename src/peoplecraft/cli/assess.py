"""``peoplecraft assess …``: take, import and read self-assessments; item analysis for coaches."""

from __future__ import annotations

from pathlib import Path

import typer

from peoplecraft.cli import assess_instrument, context
from peoplecraft.cli.output import OutputFormat, console, print_json

app = typer.Typer(help="Self-assessment: answer, score, follow change over time, choose a focus.", no_args_is_help=True)
app.add_typer(assess_instrument.app, name="instrument")

FORMAT_OPTION = typer.Option(OutputFormat.TEXT, "--format", help="Output format.")
GUIDE_OPTION = typer.Option(None, "--guide", help="Guide slug or title; default: the active guide.")


def _guide(owner, name: str | None):
    from peoplecraft.skillmap import selectors

    try:
        return selectors.guide_get(owner=owner, name=name)
    except selectors.GuideNotFound as error:
        context.fail(str(error), candidates=error.candidates)


def _skill(guide, name: str):
    from peoplecraft.skillmap import selectors

    try:
        return selectors.skill_find(guide=guide, name=name)
    except selectors.SkillNotFound as error:
        context.fail(str(error), candidates=error.candidates)


@app.command("take")
def take(
    area: int | None = typer.Option(None, "--area", help="Assess only the area with this number."),
    skill: list[str] = typer.Option([], "--skill", help="Assess only this skill (repeatable)."),
    priority: list[str] = typer.Option([], "--priority", help="A skill that matters most to you now (repeatable)."),
    guide_name: str | None = GUIDE_OPTION,
) -> None:
    """Answer interactively: 1-5, s to skip, q to save and quit (resume later with the same command)."""
    owner = context.owner()
    from peoplecraft.cli import assess_take

    guide = _guide(owner, guide_name)
    skills = [_skill(guide, name) for name in skill]
    assess_take.run(owner=owner, guide=guide, area_number=area, skills=skills, priorities=priority)


@app.command("retest")
def retest(
    show_stats: bool = typer.Option(
        False, "--stats", help="Show pooled test-retest correlation and SDC per skill instead of taking a retest."
    ),
    output: OutputFormat = FORMAT_OPTION,
    guide_name: str | None = GUIDE_OPTION,
) -> None:
    """Retake your latest assessment 14-21 days later, items shuffled; q saves, the same command resumes."""
    owner = context.owner()
    from peoplecraft.cli import assess_retest

    if show_stats:
        assess_retest.stats(output)
        return
    if output is OutputFormat.JSON:
        context.fail("--format json is for --stats; the retest itself is answered by keyboard.")
    assess_retest.run(owner=owner, guide=_guide(owner, guide_name))


@app.command("import")
def import_(
    path: Path = typer.Argument(..., help='Answers as CSV (item,answer) or JSON ({"answers": [...]}).'),
    priority: list[str] = typer.Option([], "--priority", help="A skill that matters most to you now (repeatable)."),
    guide_name: str | None = GUIDE_OPTION,
) -> None:
    """Import a finished assessment from a file; any problem stores nothing."""
    owner = context.owner()
    from peoplecraft.assessment import services

    guide = _guide(owner, guide_name)
    try:
        assessment = services.assessment_import(owner=owner, guide=guide, path=path, priorities=priority)
    except services.DuplicateImport as error:
        context.fail(str(error))
    except services.AssessmentError as error:
        context.fail(f"{len(error.problems)} problem(s); nothing was imported.", candidates=error.problems)
    skills = assessment.results.count()
    typer.echo(f"Imported an assessment of {skills} skills, taken {assessment.completed_at:%Y-%m-%d}.")


@app.command("results")
def results(
    output: OutputFormat = FORMAT_OPTION,
    png: Path | None = typer.Option(None, "--png", help="Also write the radar chart of area scores to this PNG file."),
    guide_name: str | None = GUIDE_OPTION,
) -> None:
    """Show your latest finished assessment: scores by skill and area, change, and what to focus on."""
    owner = context.owner()
    from peoplecraft.assessment import charts, selectors
    from peoplecraft.assessment import results as result_selectors

    guide = _guide(owner, guide_name)
    latest = selectors.assessment_latest(owner=owner, guide=guide)
    if latest is None:
        context.fail("No finished assessment yet: run 'peoplecraft assess take'.", code=context.EXIT_FAILURE)
    found = result_selectors.assessment_results(assessment=latest)
    if png is not None:
        try:
            png.write_bytes(charts.radar_chart([(a.name, a.score) for a in found.areas], fmt="png"))
        except OSError as error:
            context.fail(f"{png}: cannot write: {error.strerror or error}")
    document = result_selectors.results_document(found)
    if output is OutputFormat.JSON:
        print_json(document)
        return
    from peoplecraft.cli import assess_print

    assess_print.results(document)
    if png is not None:
        typer.echo(f"Wrote {png}")


@app.command("history")
def history(
    skill: str = typer.Argument(..., help="Skill name (case-insensitive; a unique part is enough)."),
    output: OutputFormat = FORMAT_OPTION,
    guide_name: str | None = GUIDE_OPTION,
) -> None:
    """Show one skill's scores across assessments, with the change each time."""
    owner = context.owner()
    from peoplecraft.assessment import measurement, selectors

    found = _skill(_guide(owner, guide_name), skill)
    points = selectors.skill_history(skill=found)
    document = {
        "skill": found.name,
        "area": found.area.title,
        "history": [
            {
                "taken_at": p.taken_at.isoformat(),
                **measurement.score_document(p.score, p.precision),
                "status": p.status,
                "answered": p.answered,
                "items": p.items,
                "change": measurement.change_document(p.change),
            }
            for p in points
        ],
    }
    if output is OutputFormat.JSON:
        print_json(document)
        return
    from peoplecraft.cli import assess_print

    assess_print.history(document)


@app.command("focus")
def focus(
    skill: str = typer.Argument(..., help="Skill name (case-insensitive; a unique part is enough)."),
    force: bool = typer.Option(False, "--force", help="Apply even if it undoes what the note just changed."),
    guide_name: str | None = GUIDE_OPTION,
) -> None:
    """Put a recommended skill in focus: it becomes active on the skill map (the note is read first)."""
    owner = context.owner()
    from peoplecraft.cli.guide import mark_skill
    from peoplecraft.skillmap.models import StatusSource

    result = mark_skill(_guide(owner, guide_name), skill, "active", source=StatusSource.CLI, force=force)
    suffix = " (no longer struck through in your note)" if result.note_written else ""
    typer.echo(f"{result.skill.name} is now in focus.{suffix}")


@app.command("analyze")
def analyze(
    instrument: Path = typer.Option(..., "--instrument", help="The instrument (YAML) the answers belong to."),
    responses: Path = typer.Option(
        ..., "--responses", help="CSV (comma, semicolon or tab): header of item ids (optionally 'respondent' first)."
    ),
    update_instrument: bool = typer.Option(
        False,
        "--update-instrument",
        help="Write each skill's measured alpha, score SD (0-100) and n into the instrument's reliability: block.",
    ),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Item analysis: Cronbach's alpha with 95% CI, item-total correlations, alpha if item deleted."""
    from peoplecraft.assessment import analysis, calibration
    from peoplecraft.assessment.instrument import InstrumentError, load_instrument
    from peoplecraft.assessment.response_files import ResponsesCsvError

    if update_instrument and calibration.is_bundled(instrument):
        context.fail(f"{instrument} is the instrument shipped with Peoplecraft; install a copy and update that.")
    try:
        loaded = load_instrument(instrument)
        table = analysis.read_responses(loaded, responses)
    except InstrumentError as error:
        context.fail(f"{len(error.problems)} problem(s) in the instrument.", candidates=error.problems)
    except ResponsesCsvError as error:
        if len(error.problems) == 1:
            context.fail(error.problems[0])
        context.fail(f"{len(error.problems)} problem(s) in {responses}.", candidates=error.problems)
    document = analysis.item_analysis(loaded, table)
    for warning in analysis.missing_item_warnings(loaded, document["missing_items"]):
        typer.echo(f"warning: {warning}", err=True)
    if update_instrument:
        from peoplecraft.cli import assess_calibrate

        assess_calibrate.update(instrument, loaded, table, document, responses=responses)
    if output is OutputFormat.JSON:
        print_json(document)
        return
    from peoplecraft.cli import assess_print

    assess_print.analysis(document)
    console().print(f"{document['respondents']} respondents; missing answers: {document['missing']}.")


@app.command("validity")
def validity(output: OutputFormat = FORMAT_OPTION) -> None:
    """For coaches: per skill, self scores vs released 360 scores and vs practice, over opted-in members."""
    context.owner()
    from peoplecraft.assessment.selectors import validity_report

    document = validity_report()
    if output is OutputFormat.JSON:
        print_json(document)
        return
    from peoplecraft.cli import assess_print

    assess_print.validity(document)
