"""``peoplecraft practice scenario …``: list, show, play and validate branching conversation scenarios."""

from __future__ import annotations

from pathlib import Path

import typer

from peoplecraft.cli import context
from peoplecraft.cli.output import OutputFormat, console, id_column, print_json

app = typer.Typer(help="Branching conversation scenarios: practise hard conversations.", no_args_is_help=True)

FORMAT_OPTION = typer.Option(OutputFormat.TEXT, "--format", help="Output format.")
NAME_ARGUMENT = typer.Argument(..., help="Scenario id or a unique part of its id or title.")


def _scenario(name: str):
    from peoplecraft.scenarios import selectors

    try:
        return selectors.scenario_find(name=name)
    except selectors.ScenarioNotFound as error:
        context.fail(str(error), candidates=error.candidates)


@app.command("list")
def list_(output: OutputFormat = FORMAT_OPTION) -> None:
    """List the scenarios with your finished plays and best score."""
    owner = context.owner()
    from peoplecraft.scenarios import selectors

    rows = [
        {
            "id": item.scenario.id,
            "title": item.scenario.title,
            "skills": list(item.scenario.skills),
            "decisions": len(item.scenario.decision_nodes),
            "plays": item.plays,
            "best_score": item.best_total,
            "in_progress": item.in_progress is not None,
        }
        for item in selectors.scenario_summaries(owner=owner)
    ]
    if output is OutputFormat.JSON:
        print_json({"scenarios": rows})
        return
    from rich.table import Table

    table = Table(id_column("Id"), "Title", "Plays", "Best", "")
    for row in rows:
        best = "" if row["best_score"] is None else str(row["best_score"])
        table.add_row(row["id"], row["title"], str(row["plays"]), best, "unfinished" if row["in_progress"] else "")
    console().print(table)


@app.command("show")
def show(name: str = NAME_ARGUMENT, output: OutputFormat = FORMAT_OPTION) -> None:
    """Show a scenario: its situation, skills, shape, and your past plays."""
    owner = context.owner()
    from peoplecraft.cli import scenario_print

    scenario = _scenario(name)
    document = scenario_print.scenario_document(owner, scenario)
    if output is OutputFormat.JSON:
        print_json(document)
        return
    scenario_print.show(document)


@app.command("play")
def play(
    name: str = NAME_ARGUMENT,
    restart: bool = typer.Option(False, "--restart", help="Discard your unfinished play and start from the beginning."),
) -> None:
    """Play interactively: type a choice's number, q to save and quit (resume with the same command)."""
    owner = context.owner()
    from peoplecraft.cli import scenario_play

    scenario_play.run(owner=owner, scenario=_scenario(name), restart=restart)


@app.command("validate")
def validate(
    paths: list[Path] = typer.Argument(..., help="Scenario YAML files, or directories to search for *.yaml."),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Check scenario files for authors: exit 2 and list every problem with file, line and node id."""
    from peoplecraft.scenarios.catalogue import scenario_files, validate_files

    if not scenario_files(paths):
        context.fail("No scenario files found (looked for *.yaml and *.yml).")
    scenarios, problems = validate_files(paths)
    if output is OutputFormat.JSON:
        print_json(
            {
                "valid": [{"id": s.id, "file": s.source, "decisions": len(s.decision_nodes)} for s in scenarios],
                "problems": [
                    {"file": p.source, "line": p.line, "node": p.node, "message": p.message} for p in problems
                ],
            }
        )
    else:
        for scenario in scenarios:
            typer.echo(f"ok {scenario.source}: {scenario.id} ({len(scenario.decision_nodes)} decisions)")
    if problems:
        if output is OutputFormat.JSON:
            raise typer.Exit(context.EXIT_BAD_INPUT)
        context.fail(f"{len(problems)} problem(s) found.", candidates=[str(p) for p in problems])


@app.command("check")
def check(
    paths: list[Path] = typer.Argument(None, help="Scenario files or directories (default: the bundled scenarios)."),
    limit: int = typer.Option(
        100_000, "--limit", min=1, help="Stop counting paths after this many (the checks still cover every state)."
    ),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Follow every path of each scenario with its flags: exit 2 if an ending, line or choice takes for granted
    a fact the path never set up (or on any other problem), naming file, node and an example path."""
    from peoplecraft.scenarios.catalogue import check_files, scenario_files

    if paths and not scenario_files(paths):
        context.fail("No scenario files found (looked for *.yaml and *.yml).")
    results = check_files(paths or None, limit=limit)
    rows = [
        {
            "file": result.source,
            "id": result.scenario.id if result.scenario else None,
            "paths": result.paths.paths if result.paths else None,
            "capped": result.paths.capped if result.paths else None,
            "states": result.paths.states if result.paths else None,
            "seconds": round(result.paths.seconds, 4) if result.paths else None,
            "problems": [{"line": p.line, "node": p.node, "message": p.message} for p in result.problems],
        }
        for result in results
    ]
    problems = [str(problem) for result in results for problem in result.problems]
    if output is OutputFormat.JSON:
        print_json({"files": rows})
        if problems:
            raise typer.Exit(context.EXIT_BAD_INPUT)
        return
    for row in rows:
        shape = ""
        if row["paths"] is not None:
            more = "+ (stopped counting at --limit)" if row["capped"] else ""
            shape = f": {row['paths']}{more} paths, {row['states']} states, {row['seconds']:.3f} s"
        verdict = "FAIL" if row["problems"] else "ok"
        typer.echo(f"{verdict} {row['file']} ({row['id'] or 'not loaded'}){shape}")
    if problems:
        context.fail(f"{len(problems)} problem(s) found.", candidates=problems)
