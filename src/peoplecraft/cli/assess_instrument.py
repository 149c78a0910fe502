"""``peoplecraft assess instrument …``: install and list questionnaires for your own guides."""

from __future__ import annotations

from pathlib import Path

import typer

from peoplecraft.cli import context
from peoplecraft.cli.output import OutputFormat, console, id_column, print_json

app = typer.Typer(help="Questionnaires (instruments): the bundled one and your own.", no_args_is_help=True)


@app.command("add")
def add(path: Path = typer.Argument(..., help="Instrument YAML file (schema in docs/assessment.md).")) -> None:
    """Validate an instrument and install it; assessments of guides it covers best will use it."""
    from peoplecraft.assessment.catalogue import instrument_install
    from peoplecraft.assessment.instrument import InstrumentError

    try:
        instrument, target = instrument_install(path)
    except InstrumentError as error:
        context.fail(str(error))
    size = f"{len(instrument.items)} items, {len(instrument.skills())} skills"
    typer.echo(f"Installed '{instrument.id}' v{instrument.version} ({size}) as {target}")


@app.command("list")
def list_(output: OutputFormat = typer.Option(OutputFormat.TEXT, "--format", help="Output format.")) -> None:
    """List installed instruments."""
    from peoplecraft.assessment.catalogue import installed_instruments

    rows = [
        {"id": i.id, "version": i.version, "title": i.title, "items": len(i.items), "skills": len(i.skills())}
        for i in installed_instruments()
    ]
    if output is OutputFormat.JSON:
        print_json({"instruments": rows})
        return
    from rich.table import Table

    table = Table(id_column("Id"), "Version", "Title", "Items", "Skills")
    for row in rows:
        table.add_row(row["id"], str(row["version"]), row["title"], str(row["items"]), str(row["skills"]))
    console().print(table)
