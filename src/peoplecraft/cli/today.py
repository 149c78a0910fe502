"""``peoplecraft today``: the one to three next actions across the steps of the method (the home page)."""

from __future__ import annotations

import typer

from peoplecraft.cli import context
from peoplecraft.cli.output import OutputFormat, console, print_json


def today(output: OutputFormat = typer.Option(OutputFormat.TEXT, "--format", help="Output format.")) -> None:
    """Show what to do now: cards due, today's planned practice, 360 deadlines, reviews and prompts."""
    owner = context.owner()
    from rich.text import Text

    from peoplecraft.dashboard.today import today_document, today_get

    document = today_document(today_get(owner=owner))
    if output is OutputFormat.JSON:
        print_json(document)
        return
    out = console()
    if not document["actions"]:
        if document["has_guide"]:
            out.print("Nothing is due right now. Your skill map: peoplecraft guide show")
        else:
            out.print("Start with your skill note: peoplecraft guide import <note.md>")
        return
    for number, action in enumerate(document["actions"], 1):
        out.print(Text.assemble(f"{number}. ", (action["title"], "bold"), f"  [{action['step']}]"))
        out.print(Text(f"   {action['detail']}  ({action['url']})"))
