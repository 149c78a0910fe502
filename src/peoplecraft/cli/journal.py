"""``peoplecraft journal …``: write, list, search, export and import reflection entries."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import typer

from peoplecraft.cli import context
from peoplecraft.cli.output import OutputFormat, console, print_json

app = typer.Typer(help="Your private reflection journal.", no_args_is_help=True)
FORMAT_OPTION = typer.Option(OutputFormat.TEXT, "--format", help="Output format.")


def _date(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        context.fail(f"{name}: '{value}' is not a real date; use YYYY-MM-DD, like 2025-03-31")


def _skill_ids(owner, names: list[str]) -> list[int]:
    from peoplecraft.skillmap import selectors

    ids = []
    for name in names:
        skill = selectors.skill_in_active_guide(owner=owner, name=name)
        if skill is None:
            context.fail(f"--skill: '{name}' is not a skill of your active guide (use the exact name)")
        ids.append(skill.pk)
    return ids


def _body(template: str, day: date) -> str:
    """Standard input when it is piped; otherwise $EDITOR opened on the template."""
    import click

    from peoplecraft.journal import prompts

    if not sys.stdin.isatty():
        return _piped_text(sys.stdin.buffer.read())
    try:
        edited = click.edit(prompts.template_body(template, day), extension=".md", require_save=False)
    except click.ClickException as error:  # no editor found, or it failed
        context.fail(f"$EDITOR: {error.format_message()}. Nothing was saved.", code=context.EXIT_FAILURE)
    return edited or ""


def _piped_text(data: bytes) -> str:
    """Decode piped bytes as UTF-8, naming the first bad byte: a binary file is refused, not stored."""
    nul = data.find(b"\0")
    if nul != -1:
        context.fail(f"standard input: NUL byte at byte offset {nul}; this is not text. Nothing was saved.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        bad = data[error.start]
        context.fail(f"standard input: not valid UTF-8 at byte offset {error.start} (0x{bad:02x}). Nothing was saved.")


def entry_document(entry) -> dict:
    return {
        "id": entry.pk,
        "date": entry.entry_date.isoformat(),
        "title": entry.title,
        "template": entry.template,
        "mood": entry.mood,
        "emotion": entry.emotion or None,
        "stress": entry.stress,
        "tags": [tag.name for tag in entry.tag_rows.all()],
        "skills": [skill.name for skill in entry.skills.all()],
        "links": entry.links,
        "note_id": entry.note_id,
    }


@app.command("add")
def add(
    template: str = typer.Option(
        "free", "--template", help="free, gibbs, what-so-what-now-what, daily, conflict, feedback."
    ),
    on: str | None = typer.Option(None, "--date", help="Entry date, YYYY-MM-DD (default: today)."),
    title: str = typer.Option("", "--title", help="Title (default: the template's name)."),
    mood: int | None = typer.Option(None, "--mood", help="Mood from 1 (very low) to 5 (very good)."),
    emotion: str = typer.Option("", "--emotion", help="A word from the emotion wheel, e.g. anxious, grateful."),
    stress: int | None = typer.Option(None, "--stress", help="Stress from 0 (none) to 10 (overwhelming)."),
    tags: list[str] = typer.Option([], "--tag", help="A tag; repeat for several."),
    skills: list[str] = typer.Option([], "--skill", help="A skill of your active guide; repeat for several."),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Write an entry: reads standard input when piped, otherwise opens $EDITOR on the template."""
    owner = context.owner()
    from django.utils import timezone

    from peoplecraft.journal import prompts, services

    if template not in prompts.template_names():
        context.fail(f"--template: unknown template '{template}'", candidates=list(prompts.template_names()))
    day = _date(on, "--date") or timezone.localdate()
    data = services.EntryInput(
        entry_date=day,
        body=_body(template, day),
        title=title,
        template=template,
        mood=mood,
        emotion=emotion,
        stress=stress,
        tags=tags,
        skill_ids=_skill_ids(owner, skills),
    )
    try:
        entry = services.entry_create(owner=owner, data=data)
    except services.EntryError as error:
        context.fail(context.option_message(error.field, f"{error} Nothing was saved.", _OPTIONS))
    if output is OutputFormat.JSON:
        print_json(entry_document(entry))
    else:
        typer.echo(f"Saved entry {entry.pk}: {entry.entry_date} {entry.title}")


# The service names model fields; the user typed these options (or the entry's text).
_OPTIONS = {
    "entry_date": "--date",
    "tags": "--tag",
    "skills": "--skill",
    "body": "the entry's text",
    "title": "--title",
    "template": "--template",
    "mood": "--mood",
    "emotion": "--emotion",
    "stress": "--stress",
}


def _filters(skill: str | None, tag: str | None, mood: int | None, since: str | None, until: str | None):
    owner = context.owner()  # sets Django up: only then may the selectors (and their models) be imported
    from peoplecraft.journal.selectors import EntryFilters

    skill_id = _skill_ids(owner, [skill])[0] if skill else None
    if mood is not None and not 1 <= mood <= 5:
        context.fail("--mood: a number from 1 to 5")
    return owner, EntryFilters(
        skill_id=skill_id,
        tag=(tag or "").casefold(),
        mood=mood,
        date_from=_date(since, "--from"),
        date_to=_date(until, "--to"),
    )


SKILL_FILTER = typer.Option(None, "--skill", help="Only entries linked to this skill.")
TAG_FILTER = typer.Option(None, "--tag", help="Only entries with this tag.")
MOOD_FILTER = typer.Option(None, "--mood", help="Only entries with this mood (1-5).")
FROM_FILTER = typer.Option(None, "--from", help="Only entries on or after this date (YYYY-MM-DD).")
TO_FILTER = typer.Option(None, "--to", help="Only entries on or before this date (YYYY-MM-DD).")
PAGE_OPTION = typer.Option(1, "--page", min=1, help="Page of 20 results, newest first.")


@app.command("search")
def search_(
    query: str = typer.Argument(..., help='Words, "a phrase", pre* for a prefix, OR between alternatives.'),
    skill: str | None = SKILL_FILTER,
    tag: str | None = TAG_FILTER,
    mood: int | None = MOOD_FILTER,
    since: str | None = FROM_FILTER,
    until: str | None = TO_FILTER,
    page: int = PAGE_OPTION,
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Full-text search of your entries, with the matches highlighted."""
    owner, filters = _filters(skill, tag, mood, since, until)
    from peoplecraft.journal import search

    results = search.entry_search(owner=owner, text=query, filters=filters, page=page)
    document = {
        "query": query,
        "searched_for": results.query.display(),
        "changed": results.query.changed,
        "page": results.page,
        "has_next": results.has_next,
        "results": [
            {**entry_document(h.entry), "title_html": str(h.title_html), "snippet_html": str(h.snippet_html)}
            for h in results.hits
        ],
    }
    if output is OutputFormat.JSON:
        print_json(document)
        return
    out = console()
    if results.query.changed:
        out.print(
            f"Searched for: {results.query.display()} (special characters were read as plain words)", markup=False
        )
    for hit in results.hits:
        out.print(f"{hit.entry.entry_date} {hit.entry.title} (#{hit.entry.pk})", style="bold", markup=False)
        out.print(_marked_text(str(hit.snippet_html)))
    if not results.hits:
        out.print("No entries match.")


def _marked_text(snippet_html: str):
    """The snippet for a terminal: HTML entities decoded, <mark> shown in reverse video."""
    import html
    import re

    from rich.text import Text

    text = Text("  ")
    for index, part in enumerate(re.split(r"</?mark>", snippet_html)):
        text.append(html.unescape(part), style="reverse" if index % 2 else "")
    return text


@app.command("list")
def list_(
    skill: str | None = SKILL_FILTER,
    tag: str | None = TAG_FILTER,
    mood: int | None = MOOD_FILTER,
    since: str | None = FROM_FILTER,
    until: str | None = TO_FILTER,
    page: int = PAGE_OPTION,
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """List your entries, newest first."""
    owner, filters = _filters(skill, tag, mood, since, until)
    from peoplecraft.journal import selectors

    entries, has_next = selectors.entry_page(owner=owner, filters=filters, page=page)
    if output is OutputFormat.JSON:
        print_json({"page": page, "has_next": has_next, "entries": [entry_document(e) for e in entries]})
        return
    for entry in entries:
        typer.echo(f"{entry.pk:>6}  {entry.entry_date}  {entry.title}")


@app.command("export")
def export(
    folder: Path = typer.Argument(..., help="Folder for the Dendron notes (created if missing; must be empty)."),
    force: bool = typer.Option(
        False, "--force", help="Write into a folder that is not empty, replacing notes of the same name."
    ),
) -> None:
    """Write every entry as a Dendron note (journal.YYYY.MM.DD.<slug>.md, or the name it was imported from)."""
    owner = context.owner()
    from rich.markup import escape

    from peoplecraft.journal import exchange, services

    try:
        written = exchange.journal_export(owner=owner, folder=folder, force=force)
    except exchange.ExportRefused as refused:
        context.fail(escape(str(refused)), candidates=[f"would replace {path}" for path in refused.replaced])
    except services.EntryError as error:
        context.fail(escape(str(error)))
    typer.echo(f"Wrote {len(written)} notes to {folder}")


@app.command("import")
def import_(
    source: Path = typer.Argument(..., help="A folder of journal notes (daily.journal.2024.05.01.md…), or one note."),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Import Dendron journal notes; notes already imported (same id) are updated. All or nothing.

    Every file that is not imported is listed with the reason. Exit 2 when a note has a problem
    (each named by file, line and key; nothing is stored) or when there was nothing to import.
    """
    owner = context.owner()
    from rich.markup import escape

    from peoplecraft.journal import importer

    try:
        report = importer.journal_import(owner=owner, source=source)
    except importer.JournalImportError as error:
        _import_summary(output, importer.ImportReport(0, 0, 0, error.skipped), error.problems)
        context.fail(escape(f"{error}:"), candidates=[str(problem) for problem in error.problems])
    _import_summary(output, report, [])
    if not report.files:
        context.fail(escape(f"{source}: no journal note to import; nothing was imported"))


def _import_summary(output: OutputFormat, report, problems: list) -> None:
    """The import's result on stdout: one JSON document, or a line of counts and each skipped file."""
    from peoplecraft.journal import importer

    if output is OutputFormat.JSON:
        print_json(importer.import_document(report, problems))
        return
    typer.echo(
        f"Imported {report.files} notes: {report.created} new, {report.updated} updated; "
        f"skipped {len(report.skipped)} files."
    )
    for item in report.skipped:
        typer.echo(f"  skipped {item.file}: {item.reason}")


@app.command("prompts")
def prompts_(
    on: str | None = typer.Option(None, "--date", help="Day for the daily questions (default: today)."),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Show the templates, the day's check-in questions and prompts from your own data."""
    owner = context.owner()
    from django.utils import timezone

    from peoplecraft.journal import prompts, sources

    day = _date(on, "--date") or timezone.localdate()
    document = {
        "date": day.isoformat(),
        "templates": [{"name": t.name, "title": t.title, "description": t.description} for t in prompts.templates()],
        "daily": list(prompts.daily_questions(day)),
        "suggested": [
            {"ref": p.ref, "source": p.source, "title": p.title, "question": p.question}
            for p in sources.suggested_prompts(owner)
        ],
    }
    if output is OutputFormat.JSON:
        print_json(document)
        return
    typer.echo("Templates: " + ", ".join(t["name"] for t in document["templates"]))
    typer.echo(f"Daily check-in for {day}:")
    for question in document["daily"]:
        typer.echo(f"  - {question}")
    for prompt in document["suggested"]:
        typer.echo(f"From your data: {prompt['question']}")
