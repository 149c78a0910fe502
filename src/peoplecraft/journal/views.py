"""Journal pages. Thin: writes through services, reads through selectors; every entry is the author's own."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from peoplecraft.core.confirm import confirmed, deleted_with_undo
from peoplecraft.core.http import redirect_after_post
from peoplecraft.journal import confirmations, exchange, prompts, search, selectors, services, sources
from peoplecraft.journal.emotions import emotion_wheel
from peoplecraft.journal.forms import EntryForm, SearchForm


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    owner = request.user
    skills, tags = selectors.filter_choices(owner=owner)
    form = SearchForm(request.GET or None, skills=skills, tags=tags)
    # Read only when the full page shows them: an htmx search swaps the results alone.
    suggested = SimpleLazyObject(lambda: sources.suggested_prompts(owner))
    context = {"form": form, "templates": prompts.templates(), "suggested": suggested}
    status = 200
    if form.is_bound and not form.is_valid():
        context.update(entries=[], has_next=False, results=None)
        status = 400
    else:
        data = form.cleaned_data if form.is_bound else {}
        filters = selectors.EntryFilters(
            skill_id=data.get("skill"),
            tag=data.get("tag") or "",
            mood=data.get("mood"),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )
        page = data.get("page") or 1
        if data.get("q"):
            results = search.entry_search(owner=owner, text=data["q"], filters=filters, page=page)
            context.update(results=results, entries=None, has_next=results.has_next, page=page)
        else:
            entries, has_next = selectors.entry_page(owner=owner, filters=filters, page=page)
            context.update(results=None, entries=entries, has_next=has_next, page=page)
    template = "journal/home.html#results" if request.htmx else "journal/home.html"
    return render(request, template, context, status=status)


def _initial(request: HttpRequest) -> dict:
    template = request.GET.get("template", prompts.FREE)
    if template not in prompts.template_names():
        template = prompts.FREE
    try:
        day = date.fromisoformat(request.GET.get("date", ""))
    except ValueError:
        day = timezone.localdate()
    initial = {"entry_date": day, "template": template, "body": prompts.template_body(template, day)}
    suggested = sources.prompt_get(request.user, request.GET.get("prompt", ""))
    if suggested is not None:
        template = suggested.template
        initial.update(
            template=template,
            prompt_ref=suggested.ref,
            prompt=suggested.question,
            skills=list(suggested.skill_ids),
            title=suggested.title,
            body=prompts.template_body(template, day, extra_prompt=suggested.question),
        )
    return initial


def _form_page(request, form: EntryForm, *, entry=None, status: int = 200) -> HttpResponse:
    context = {
        "form": form,
        "entry": entry,
        "wheel": emotion_wheel(),
        "template": prompts.template_get(form["template"].value() or prompts.FREE),
    }
    name = "journal/entry_form.html#entry-form" if request.htmx else "journal/entry_form.html"
    return render(request, name, context, status=status)


def _save(request: HttpRequest, form: EntryForm, entry=None) -> HttpResponse:
    if not form.is_valid():
        return _form_page(request, form, entry=entry, status=400)
    data = form.cleaned_data
    entry_input = services.EntryInput(
        entry_date=data["entry_date"],
        body=data["body"],
        title=data["title"],
        template=data["template"],
        mood=data["mood"],
        emotion=data["emotion"],
        stress=data["stress"],
        tags=form.tag_list(),
        skill_ids=[skill.pk for skill in data["skills"]],
        prompt_ref=data["prompt_ref"],
        prompt=data["prompt"],
        links=entry.links if entry else [],
    )
    try:
        if entry is None:
            entry = services.entry_create(owner=request.user, data=entry_input)
        else:
            entry = services.entry_update(entry=entry, data=entry_input)
    except services.EntryError as error:
        form.add_error(error.field if error.field in form.fields else None, str(error))
        return _form_page(request, form, entry=entry, status=400)
    messages.success(request, _("Saved “%s”.") % entry.title)
    return redirect_after_post(request, "journal:entry", entry.pk)


@require_http_methods(["GET", "POST"])
def new(request: HttpRequest) -> HttpResponse:
    skills = selectors.skill_choices(owner=request.user)
    if request.method == "POST":
        return _save(request, EntryForm(request.POST, skills=skills))
    return _form_page(request, EntryForm(initial=_initial(request), skills=skills))


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = selectors.entry_get(owner=request.user, entry_id=entry_id)
    skills = selectors.skill_choices(owner=request.user, include=[s.pk for s in entry.skills.all()])
    if request.method == "POST":
        return _save(request, EntryForm(request.POST, skills=skills), entry)
    initial = {
        "entry_date": entry.entry_date,
        "title": entry.title,
        "template": entry.template,
        "body": entry.body,
        "mood": entry.mood,
        "emotion": entry.emotion,
        "stress": entry.stress,
        "prompt_ref": entry.prompt_ref,
        "prompt": entry.prompt,
        "tags": " ".join(t.name for t in entry.tag_rows.all()),
        "skills": [s.pk for s in entry.skills.all()],
    }
    return _form_page(request, EntryForm(initial=initial, skills=skills), entry=entry)


@require_GET
def detail(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = selectors.entry_get(owner=request.user, entry_id=entry_id)
    context = {"entry": entry, "delete_confirmation": confirmations.entry_delete(entry)}
    return render(request, "journal/entry.html", context)


def _delete_confirmation(request: HttpRequest, entry_id: int):
    return confirmations.entry_delete(selectors.entry_get(owner=request.user, entry_id=entry_id))


@confirmed(_delete_confirmation)
def delete(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = selectors.entry_get(owner=request.user, entry_id=entry_id)
    item = services.entry_delete(entry=entry, return_url=reverse("journal:entry", args=[entry.pk]))
    deleted_with_undo(request, _("Entry deleted."), item)
    return redirect_after_post(request, "journal:home")


@require_GET
def export_zip(request: HttpRequest) -> HttpResponse:
    """Every entry as Dendron journal notes in one zip (import them back with ``peoplecraft journal import``)."""
    response = HttpResponse(exchange.journal_zip(owner=request.user), content_type="application/zip")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="peoplecraft-journal-{stamp}.zip"'
    return response
