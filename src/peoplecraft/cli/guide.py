"""``peoplecraft guide …``: import, show, mark, sync and export the skill map."""

from __future__ import annotations

from pathlib import Path

import typer

from peoplecraft.cli import context
from peoplecraft.cli.output import OutputFormat, console, id_column, print_json

app = typer.Typer(help="Your skill guides, kept in two-way sync with their Markdown notes.", no_args_is_help=True)

GUIDE_OPTION = typer.Option(None, "--guide", help="Guide slug or title; default: the active guide.")
FORMAT_OPTION = typer.Option(OutputFormat.TEXT, "--format", help="Output format.")


def _guide(owner, name: str | None):
    from peoplecraft.skillmap import selectors

    try:
        return selectors.guide_get(owner=owner, name=name)
    except selectors.GuideNotFound as error:
        context.fail(str(error), candidates=error.candidates)


def _sync(guide) -> None:
    from peoplecraft.skillmap import services

    try:
        services.guide_sync(guide=guide)
    except services.GuideError as error:
        context.fail(str(error))


@app.command("import")
def import_(path: Path = typer.Argument(..., help="A Dendron note (Markdown with YAML front matter).")) -> None:
    """Import a note and keep it in sync; the imported guide becomes the active one."""
    owner = context.owner()
    from peoplecraft.skillmap import selectors, services

    try:
        guide = services.guide_import(owner=owner, path=path)
    except services.GuideError as error:
        context.fail(str(error))
    areas = selectors.skill_map_get(guide=guide)
    skills = sum(progress.total for progress in areas)
    typer.echo(
        f"Imported '{guide.title}' from {guide.source_path}: {len(areas)} areas, {skills} skills. It is now active."
    )


@app.command("list")
def list_(output: OutputFormat = FORMAT_OPTION) -> None:
    """List your guides; the active one is marked."""
    owner = context.owner()
    from peoplecraft.skillmap import selectors

    guides = list(selectors.guide_list(owner=owner))
    rows = [
        {
            "slug": g.slug,
            "title": g.title,
            "active": g.is_active,
            "skills": g.skill_count,
            "source": g.source_path or None,
        }
        for g in guides
    ]
    if output is OutputFormat.JSON:
        print_json({"guides": rows})
        return
    from rich.table import Table

    table = Table("", id_column("Slug"), "Title", "Skills", "Source")
    for row in rows:
        table.add_row("*" if row["active"] else "", row["slug"], row["title"], str(row["skills"]), row["source"] or "")
    console().print(table)


@app.command("use")
def use(name: str = typer.Argument(..., help="Guide slug or title.")) -> None:
    """Make a guide the active one."""
    owner = context.owner()
    from peoplecraft.skillmap import services

    guide = _guide(owner, name)
    services.guide_activate(guide=guide)
    typer.echo(f"'{guide.title}' is now the active guide.")


@app.command("show")
def show(guide_name: str | None = GUIDE_OPTION, output: OutputFormat = FORMAT_OPTION) -> None:
    """Show the skill map: areas, progress and each skill's status."""
    owner = context.owner()
    from peoplecraft.skillmap import selectors

    guide = _guide(owner, guide_name)
    _sync(guide)
    summary = selectors.guide_summary(guide=guide)
    if output is OutputFormat.JSON:
        print_json(summary)
        return
    _print_summary(summary)


_MARKS = {"done": ("✓", "green"), "active": ("▶", "yellow"), "todo": " "}


def _print_summary(summary: dict) -> None:
    from rich.text import Text

    out = console()
    out.print(Text.assemble((summary["title"], "bold"), f"  ({summary['source']})" if summary["source"] else ""))
    for area in summary["areas"]:
        number = f"{area['number']}. " if area["number"] is not None else ""
        out.print(Text.assemble("\n", (f"{number}{area['title']}", "bold"), f"  {area['done']}/{area['total']} done"))
        for skill in area["skills"]:
            out.print(Text.assemble("  ", _MARKS[skill["status"]], " ", skill["name"]))


@app.command("mark")
def mark(
    skill: str = typer.Argument(..., help="Skill name (case-insensitive; a unique part is enough)."),
    done: bool = typer.Option(False, "--done", help="Mark as mastered (struck through in the note)."),
    active: bool = typer.Option(False, "--active", help="Put the skill in focus."),
    todo: bool = typer.Option(False, "--todo", help="Back to to-do."),
    guide_name: str | None = GUIDE_OPTION,
) -> None:
    """Change a skill's status; done/undone is written into the note at once."""
    chosen = [name for name, flag in (("done", done), ("active", active), ("todo", todo)) if flag]
    if len(chosen) != 1:
        context.fail("choose exactly one of --done, --active or --todo")
    owner = context.owner()
    from peoplecraft.skillmap import selectors, services
    from peoplecraft.skillmap.models import StatusSource

    guide = _guide(owner, guide_name)
    _sync(guide)
    try:
        found = selectors.skill_find(guide=guide, name=skill)
        updated = services.skill_mark(skill=found, status=chosen[0], source=StatusSource.CLI)
    except selectors.SkillNotFound as error:
        context.fail(str(error), candidates=error.candidates)
    except services.GuideError as error:
        context.fail(str(error))
    typer.echo(f"{updated.name}: {updated.get_status_display().lower()}")


@app.command("sync")
def sync(guide_name: str | None = GUIDE_OPTION, output: OutputFormat = FORMAT_OPTION) -> None:
    """Read external edits of the note into the skill map now."""
    owner = context.owner()
    from peoplecraft.skillmap import services

    guide = _guide(owner, guide_name)
    try:
        report = services.guide_sync(guide=guide)
    except services.GuideError as error:
        context.fail(str(error))
    document = {
        "guide": guide.title,
        "source": guide.source_path or None,
        "changed": report.changed,
        "status_changes": [{"skill": n, "from": old, "to": new} for n, old, new in report.status_changes],
        "added": report.added,
        "archived": report.archived,
    }
    if output is OutputFormat.JSON:
        print_json(document)
    elif not guide.source_path:
        typer.echo(f"'{guide.title}' is not linked to a note; nothing to sync.")
    else:
        typer.echo(_sync_sentence(document))


def _sync_sentence(document: dict) -> str:
    if not document["changed"]:
        return f"'{document['guide']}' is in sync with {document['source']}."
    parts = [f"{c['skill']}: {c['from']} → {c['to']}" for c in document["status_changes"]]
    parts += [f"added {name}" for name in document["added"]]
    parts += [f"archived {name}" for name in document["archived"]]
    return "Read from the note: " + "; ".join(parts)


@app.command("export")
def export(
    path: Path = typer.Argument(..., help="File (or folder) to write the Dendron note to."),
    guide_name: str | None = GUIDE_OPTION,
) -> None:
    """Write the guide as a Dendron note (the synced note itself when it has one)."""
    owner = context.owner()
    from peoplecraft.skillmap import services

    guide = _guide(owner, guide_name)
    _sync(guide)
    try:
        written = services.guide_export(guide=guide, path=path)
    except services.GuideError as error:
        context.fail(str(error))
    typer.echo(f"Wrote {written}")
