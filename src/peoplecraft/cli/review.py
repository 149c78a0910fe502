"""``peoplecraft review``: the weekly review in the terminal or as JSON."""

from __future__ import annotations

import typer

from peoplecraft.cli import context
from peoplecraft.cli.output import OutputFormat, print_json


def review(
    week: str | None = typer.Option(
        None, "--week", help="Any date in the week to review, YYYY-MM-DD (default: this week)."
    ),
    output: OutputFormat = typer.Option(OutputFormat.TEXT, "--format", help="Output format."),
) -> None:
    """Weekly review: practice, feedback, mood and stress, goals due or slipping, and a focus for next week."""
    day = context.parse_date(week, "--week")
    owner = context.owner()
    from peoplecraft.goals.review import review_document, weekly_review

    document = review_document(weekly_review(owner=owner, day=day))
    if output is OutputFormat.JSON:
        print_json(document)
        return
    echo = typer.echo
    echo(f"Week {document['week']['start']} – {document['week']['end']}")
    echo(f"Focus next week: {document['focus']['reason']}")
    items, entries = len(document["practised"]), document["reflections"]
    echo(f"Practised: {_count(items, 'item', 'items')}, {_count(entries, 'journal entry', 'journal entries')}")
    for item in document["practised"]:
        echo(f"  - {item['title']}")
    if document["feedback"]:
        echo("Your self-assessment:")
    for result in document["feedback"]:
        echo(f"  - {result['skill']} {result['score']:.0f}/100")
    echo(
        "Feedback from others:" if document["feedback_from_others"] else "Feedback from others: none released this week"
    )
    for item in document["feedback_from_others"]:
        echo(f"  - {item['title']}: others rate {item['skill']} {item['others']:.0f}/100")
    echo("Mood and stress:")
    for row in document["trend_rows"]:
        if row["empty"]:
            echo(f"  No activity {_span(row['start'], row['end'])}")
            continue
        mood = "-" if row["mood"] is None else f"{row['mood']:.1f}"
        stress = "-" if row["stress"] is None else f"{row['stress']:.1f}"
        echo(f"  week of {row['start']}: mood {mood}, stress {stress}, {row['entries']} entries")
    for goal in document["goals_slipping"]:
        echo(f"Slipping: {goal['title']} ({goal['progress']}% of an expected {goal['expected']}%)")
    for goal in document["goals_due"]:
        echo(f"Due {goal['due']}: {goal['title']} ({goal['progress']}%)")


def _span(start: str, end: str) -> str:
    """``2026-08-03``, ``2026-09-27`` → ``3 Aug – 27 Sep`` (the year shown when the span crosses one)."""
    from datetime import date

    first, last = date.fromisoformat(start), date.fromisoformat(end)
    head = f"{first.day} {first:%b}" + (f" {first.year}" if first.year != last.year else "")
    return f"{head} – {last.day} {last:%b} {last.year}"


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"
