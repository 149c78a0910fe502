"""``peoplecraft progress``: every step of the method at a glance (a report)."""

from __future__ import annotations

import typer

from peoplecraft.cli import context
from peoplecraft.cli.output import OutputFormat, console, print_json


def progress(output: OutputFormat = typer.Option(OutputFormat.TEXT, "--format", help="Output format.")) -> None:
    """Show your progress: skills mastered, assessment, practice, writing, feedback, journal and goals."""
    owner = context.owner()
    from rich.text import Text

    from peoplecraft.dashboard.selectors import overview_document, progress_overview

    document = overview_document(progress_overview(owner=owner))
    if output is OutputFormat.JSON:
        print_json(document)
        return
    out = console()

    def line(heading: str, text: str) -> None:
        out.print(Text.assemble((heading, "bold"), " ", text))

    skills = document["skill_map"]
    if skills:
        line(
            "Skill map",
            f"{skills['guide']}: {skills['done']}/{skills['total']} mastered; "
            f"in focus: {', '.join(skills['in_focus']) or 'none'}",
        )
    assessment = document["assessment"]
    line(
        "Self-assessment",
        f"latest {assessment['completed']}; average {assessment['mean']}/100 across {assessment['scored']} skills"
        if assessment
        else "not taken yet",
    )
    line("Practice", f"{document['practice']['this_week']} sessions this week")
    for row in document["practice"]["focus"]:
        out.print(f"  {row['skill']}: strength {row['strength']}/100, streak {row['streak']}")
    writing = document["writing"]
    line(
        "Writing",
        f"{writing['drafts']} drafts, latest clarity {writing['latest_score']}/100" if writing else "no drafts yet",
    )
    line("Feedback", f"{document['feedback']['open']} open, {document['feedback']['with_results']} with results")
    goals = document["goals"]
    line(
        "Reflect",
        f"{document['journal']['entries_this_week']} entries this week; "
        f"{goals['active']} active goals, {len(goals['slipping'])} slipping",
    )
