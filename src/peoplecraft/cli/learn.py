"""``peoplecraft learn …``: the resource catalogue and your reading list."""

from __future__ import annotations

import typer

from peoplecraft.cli import context
from peoplecraft.cli.output import OutputFormat, console, id_column, print_json

app = typer.Typer(help="Books, courses, talks and articles: the catalogue and your reading list.", no_args_is_help=True)

FORMAT_OPTION = typer.Option(OutputFormat.TEXT, "--format", help="Output format.")
TYPES = ("book", "course", "article", "talk", "podcast")


LIST_OPTIONS = {"q": "--search", "skill": "--skill", "type": "--type", "length": "--length", "cost": "--cost"}


@app.command("list")
def list_(
    skill: str | None = typer.Option(None, "--skill", help="Only resources for this skill (its name in the guide)."),
    kind: str | None = typer.Option(None, "--type", help="Only this type: book, course, article, talk or podcast."),
    search: str | None = typer.Option(
        None, "--search", help="Only resources whose title, authors or summary contain every word."
    ),
    length: str | None = typer.Option(
        None, "--length", help="Only this length: short (under 30 min), medium (30 min to 3 h), long (over 3 h)."
    ),
    cost: str | None = typer.Option(None, "--cost", help="Only free or only paid resources."),
    mine: bool = typer.Option(False, "--mine", help="Show your reading list instead of the catalogue."),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """List the catalogue (or, with --mine, your reading list); the filters match the catalogue page's."""
    owner = context.owner()
    from peoplecraft.learning import browse, selectors

    if kind is not None and kind not in TYPES:
        context.fail(f"Unknown type '{kind}'.", candidates=list(TYPES))
    if skill is not None and not _known_skill(owner, skill):
        context.fail(f"No skill named '{skill}' in your active guide.")
    if mine:
        if length or cost:
            context.fail("--length and --cost filter the catalogue; your reading list has no lengths or costs.")
        words = (search or "").casefold().split()
        items = [i for i in selectors.reading_list(owner=owner) if kind is None or i.kind == kind]
        if skill is not None:
            items = [i for i in items if any(s.name.casefold() == skill.casefold() for s in i.skills.all())]
        items = [i for i in items if all(w in f"{i.title} {i.authors}".casefold() for w in words)]
        return _print_items([selectors.item_document(i) for i in items], output)
    values = {"q": search, "skill": None, "type": kind, "length": length, "cost": cost}
    try:
        query = selectors.catalogue_query(values)
    except browse.QueryError as error:
        context.fail(context.option_message(error.field, str(error), LIST_OPTIONS))
    if skill is not None:  # a skill of your guide that no resource is for simply lists nothing
        query = browse.Query(query.text, skill, query.kind, query.length, query.cost)
    on_list = selectors.catalogue_ids_on_list(owner=owner)
    docs = [selectors.resource_document(r, on_list=on_list.get(r.id)) for r in selectors.catalogue_search(query)]
    if output is OutputFormat.JSON:
        print_json({"resources": docs})
        return
    from rich.table import Table

    table = Table(id_column("Id"), "Type", "Title", "By", "Time", "Cost", "Listed")
    for d in docs:
        by = ", ".join(d["authors"]) + (f" ({d['year']})" if d["year"] else "")
        listed = str(d["on_your_list"] or "")
        table.add_row(d["id"], d["type"], d["title"], by, f"{d['minutes']} min", d["cost"], listed)
    console().print(table)
    console().print(f"{len(docs)} resource{'s' if len(docs) != 1 else ''}", markup=False)


def _known_skill(owner, name: str) -> bool:
    from peoplecraft.skillmap.selectors import skill_in_active_guide

    return skill_in_active_guide(owner=owner, name=name) is not None


def _print_items(docs: list[dict], output: OutputFormat) -> None:
    if output is OutputFormat.JSON:
        print_json({"items": docs})
        return
    from rich.table import Table

    table = Table(id_column("#"), "Status", "Type", "Title", "Skills")
    for d in docs:
        table.add_row(str(d["id"]), d["status"], d["type"], d["title"], ", ".join(d["skills"]))
    console().print(table)


# The option (or argument, by its name in --help) that a LearningError's field comes from.
ADD_OPTIONS = {"resource": "resource", "title": "--title", "url": "--url", "kind": "--type", "skills": "--skill"}


@app.command("add")
def add(
    resource: str | None = typer.Argument(None, help="A catalogue id (see 'learn list'); omit it to add your own."),
    title: str | None = typer.Option(
        None, "--title", help="Title of your own resource (you type it; nothing is fetched)."
    ),
    url: str | None = typer.Option(None, "--url", help="Link to your own resource (http or https)."),
    kind: str = typer.Option(
        "other", "--type", help="Type of your own resource: book, course, article, talk, podcast."
    ),
    skills: list[str] = typer.Option([], "--skill", help="A skill it helps (repeat for several)."),
) -> None:
    """Add a catalogue resource, or your own with --title, to your reading list."""
    owner = context.owner()
    from peoplecraft.learning import services

    if (resource is None) == (title is None):
        context.fail("Give either a catalogue id or --title for your own resource.")
    try:
        if resource is not None:
            item = services.reading_add_from_catalogue(owner=owner, resource_id=resource)
        else:
            linked = [_skill(owner, name) for name in skills]
            item = services.reading_add_own(owner=owner, title=title or "", url=url or "", kind=kind, skills=linked)
    except services.LearningError as error:
        context.fail(context.option_message(error.field, str(error), ADD_OPTIONS))
    typer.echo(f"Added #{item.pk} '{item.title}' to your reading list.")


def _skill(owner, name: str):
    from peoplecraft.skillmap import selectors

    try:
        return selectors.skill_find(guide=selectors.guide_get(owner=owner), name=name)
    except (selectors.SkillNotFound, selectors.GuideNotFound) as error:
        context.fail(f"skill: {error}", candidates=error.candidates)


def _item(owner, ident: str):
    from peoplecraft.learning import selectors

    item = selectors.reading_find(owner=owner, ident=ident)
    if item is None:
        context.fail(f"Nothing on your reading list matches '{ident}'; 'learn list --mine' shows it.")
    return item


@app.command("done")
def done(ident: str = typer.Argument(..., help="Reading list number, or the catalogue id (added if missing).")) -> None:
    """Mark a resource as finished; it then counts as evidence on its skills' pages."""
    owner = context.owner()
    from peoplecraft.learning import selectors, services

    item = selectors.reading_find(owner=owner, ident=ident)
    if item is None and not ident.isdigit() and selectors.catalogue_get(ident) is not None:
        item = services.reading_add_from_catalogue(owner=owner, resource_id=ident)
    item = item or _item(owner, ident)
    services.reading_update(item=item, status="done")
    typer.echo(f"Finished '{item.title}'.")


@app.command("show")
def show(
    ident: str = typer.Argument(..., help="Reading list number, or a catalogue id."),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Show one resource: from your list by number, or from the catalogue by id."""
    owner = context.owner()
    from peoplecraft.learning import selectors

    item = selectors.reading_find(owner=owner, ident=ident)
    resource = selectors.catalogue_get(item.catalogue_id if item else ident)
    if item is None and resource is None:
        context.fail(f"No resource '{ident}' on your list or in the catalogue.")
    document = {
        "item": selectors.item_document(item) if item else None,
        "resource": selectors.resource_document(resource) if resource else None,
    }
    if output is OutputFormat.JSON:
        print_json(document)
        return
    out = console()
    source = document["resource"] or {}
    mine = document["item"] or {}
    out.print(mine.get("title") or source.get("title"), style="bold")
    for label, value in (
        ("By", ", ".join(source.get("authors", [])) or mine.get("authors")),
        ("Year", source.get("year")),
        ("Type", source.get("type") or mine.get("type")),
        ("Why", source.get("summary")),
        ("Time", f"{source['minutes']} min, {source['cost']}" if source else None),
        ("Link", mine.get("url") or source.get("url")),
        ("Skills", ", ".join(mine.get("skills") or source.get("skills", []))),
        ("Status", mine.get("status", "not on your list")),
        ("Notes", mine.get("notes")),
    ):
        if value:
            out.print(f"{label}: {value}", markup=False)
