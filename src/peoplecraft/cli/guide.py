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
    """Read the note first; say on stderr what it changed."""
    from peoplecraft.skillmap import services

    try:
        _report_read(services.guide_sync(guide=guide))
    except services.GuideError as error:
        context.fail(str(error))


@app.command("import")
def import_(
    path: Path = typer.Argument(..., help="A Dendron note (Markdown with YAML front matter)."),
    separate: bool = typer.Option(
        False,
        "--separate",
        help="Import as a new guide even if the note matches one you have (its progress stays there).",
    ),
) -> None:
    """Import a note and keep it in sync; it becomes the active guide.

    A note that matches a guide you already have (same Dendron id, or the same skills) is linked
    to that guide, keeping its statuses, assessments, practice and journal links; skills done in
    Peoplecraft are struck through in the note. --separate makes a second guide instead.
    """
    owner = context.owner()
    from peoplecraft.skillmap import selectors, services

    try:
        preview = services.guide_import_preview(owner=owner, path=path)
        if preview.match is not None and not separate:
            linked = services.guide_link(owner=owner, guide=preview.match.guide, path=preview.path)
        else:
            linked, guide = None, services.guide_import(owner=owner, path=preview.path)
    except services.GuideError as error:
        context.fail(str(error))
    guide = linked.guide if linked is not None else guide
    areas = selectors.skill_map_get(guide=guide)
    skills = sum(progress.total for progress in areas)
    if linked is not None:
        _report_read(linked.from_note)
        was = preview.match.guide.title
        name = f"'{was}' (now '{guide.title}', the note's title)" if was != guide.title else f"'{guide.title}'"
        typer.echo(
            f"Linked {guide.source_path} to your guide {name} ({preview.match.reason}): "
            f"{len(areas)} areas, {skills} skills. Its progress, assessments, practice and journal links are kept. "
            "It is now active."
        )
        if linked.struck_in_note:
            typer.echo(f"Struck through in your note (done in Peoplecraft): {', '.join(linked.struck_in_note)}")
        return
    how = "as a separate guide " if preview.match is not None else ""
    counts = f"{len(areas)} areas, {skills} skills"
    typer.echo(f"Imported '{guide.title}' {how}from {guide.source_path}: {counts}. It is now active.")
    if preview.match is not None:
        typer.echo(
            f"Your guide '{preview.match.guide.title}' keeps its own progress; 'peoplecraft guide use' switches."
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
        table.add_row(
            "*" if row["active"] else "", row["slug"], row["title"], str(row["skills"]), row["source"] or "not linked"
        )
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
    out.print(
        Text.assemble(
            (summary["title"], "bold"),
            f"  ({summary['source']})" if summary["source"] else "  (not linked to a note file)",
        )
    )
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
    force: bool = typer.Option(False, "--force", help="Apply even if it undoes what the note just changed."),
    guide_name: str | None = GUIDE_OPTION,
) -> None:
    """Change a skill's status; reads the note first, and done/undone is written into it at once."""
    chosen = [name for name, flag in (("done", done), ("active", active), ("todo", todo)) if flag]
    if len(chosen) != 1:
        context.fail("choose exactly one of --done, --active or --todo")
    owner = context.owner()
    from peoplecraft.skillmap.models import StatusSource

    result = mark_skill(_guide(owner, guide_name), skill, chosen[0], source=StatusSource.CLI, force=force)
    suffix = " (written into your note)" if result.note_written else ""
    typer.echo(f"{result.skill.name}: {result.skill.get_status_display().lower()}{suffix}")


def mark_skill(guide, name: str, status: str, *, source: str, force: bool):
    """Shared by ``guide mark`` and ``assess focus``: report what the note said first, fail with a hint."""
    from peoplecraft.skillmap import selectors, services

    try:
        result = services.skill_mark(guide=guide, name=name, status=status, source=source, force=force)
    except selectors.SkillNotFound as error:
        context.fail(str(error), candidates=error.candidates)
    except services.SkillConflict as conflict:
        _report_read(conflict.from_note)
        hint = f" Add --force to make it {status} anyway (this rewrites the note)." if conflict.forceable else ""
        context.fail(f"{conflict}{hint}")
    except services.GuideError as error:
        context.fail(str(error))
    _report_read(result.from_note)
    return result


def _report_read(report) -> None:
    for line in report.lines() if report is not None else ():
        typer.echo(f"from your note: {line}", err=True)


@app.command("sync")
def sync(guide_name: str | None = GUIDE_OPTION, output: OutputFormat = FORMAT_OPTION) -> None:
    """Read external edits of the note into the skill map now, and say what they changed."""
    owner = context.owner()
    from peoplecraft.skillmap import services

    guide = _guide(owner, guide_name)
    try:
        report = services.guide_sync(guide=guide)
    except services.GuideError as error:
        context.fail(str(error))
    document = {"guide": guide.title, "source": guide.source_path or None, **report.to_document()}
    if output is OutputFormat.JSON:
        print_json(document)
    elif not guide.source_path:
        typer.echo(f"'{guide.title}' is not linked to a note; nothing to sync.")
    elif not report.changed:
        typer.echo(f"'{guide.title}' is in sync with {guide.source_path}.")
    else:
        lines = report.lines() or ["the note's text changed, but not its title, areas, skills or method"]
        typer.echo(f"Read from {guide.source_path}:")
        for line in lines:
            typer.echo(f"  {line}")


@app.command("export")
def export(
    path: Path = typer.Argument(..., help="File (or folder) to write the Dendron note to."),
    force: bool = typer.Option(False, "--force", help="Replace an existing file (keeping its permissions)."),
    guide_name: str | None = GUIDE_OPTION,
) -> None:
    """Write the guide as a Dendron note (the synced note itself when it has one); never replaces a file unasked."""
    owner = context.owner()
    from peoplecraft.skillmap import export_services, services

    guide = _guide(owner, guide_name)
    _sync(guide)
    try:
        result = export_services.guide_export(guide=guide, path=path, force=force)
    except export_services.TargetExists as error:
        context.fail(f"{error} Add --force to replace it.")
    except services.GuideError as error:
        context.fail(str(error))
    if result.written:
        typer.echo(f"Wrote {result.path}")
    else:
        typer.echo(f"{result.path} is the note this guide is synced with and already up to date; nothing written.")
