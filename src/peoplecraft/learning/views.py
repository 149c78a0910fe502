"""Learn pages: the reading list, the catalogue, adding and updating. Thin: services and selectors."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from peoplecraft.core.confirm import confirmed, deleted_with_undo
from peoplecraft.core.http import post_form, redirect_after_post
from peoplecraft.learning import browse, confirmations, selectors, services
from peoplecraft.learning.catalogue import COSTS, TYPES
from peoplecraft.learning.forms import CatalogueAddForm, OwnResourceForm, ReadingUpdateForm
from peoplecraft.learning.models import ReadingStatus


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    items = list(selectors.reading_list(owner=request.user))
    groups = [(label, [i for i in items if i.status == value]) for value, label in ReadingStatus.choices]
    return render(request, "learning/home.html", {"groups": groups, "count": len(items)})


@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    """Search and filter the catalogue, 20 to a page; a bad value is a 400 naming it."""
    context = {
        "skills": selectors.catalogue_skill_names(),
        "types": TYPES,
        "lengths": [(key, label) for key, (label, _low, _high) in browse.LENGTHS.items()],
        "costs": COSTS,
        "raw": {key: request.GET.get(key, "") for key in ("q", "skill", "type", "length", "cost")},
        "on_list": selectors.catalogue_ids_on_list(owner=request.user),
    }
    try:
        query = selectors.catalogue_query(request.GET)
        asked = browse.parse_page(request.GET.get("page"))
    except browse.QueryError as error:
        context.update(problems=[str(error)], problem_field=error.field)
        return render(request, "learning/catalogue.html", context, status=400)
    page = browse.paginate(selectors.catalogue_search(query), asked)
    context.update(query=query, page=page, params=query.params())
    return render(request, "learning/catalogue.html", context)


@require_GET
def resource(request: HttpRequest, resource_id: str) -> HttpResponse:
    """One catalogue entry: what a skill page links to."""
    found = selectors.catalogue_get(resource_id)
    if found is None:
        raise Http404(_("No resource '%s' in the catalogue.") % resource_id)
    context = {"resource": found, "item_id": selectors.catalogue_ids_on_list(owner=request.user).get(found.id)}
    return render(request, "learning/resource.html", context)


@post_form("learning:catalogue")
def add_from_catalogue(request: HttpRequest) -> HttpResponse:
    form = CatalogueAddForm(request.POST)
    resource_id = form.data.get("resource", "")
    error, item = None, None
    try:
        item = services.reading_add_from_catalogue(owner=request.user, resource_id=resource_id)
    except services.LearningError as problem:
        error = str(problem)
    status = 400 if error else 200
    if request.htmx:
        context = {
            "resource": selectors.catalogue_get(resource_id),
            "item_id": item.pk if item else None,
            "error": error,
        }
        return render(request, "learning/catalogue.html#add-control", context, status=status)
    if error:
        messages.error(request, error)
        return redirect_after_post(request, "learning:catalogue")
    messages.success(request, _("Added “%s” to your list.") % item.title)
    return redirect_after_post(request, "learning:home")


@require_http_methods(["GET", "POST"])
def add_own(request: HttpRequest) -> HttpResponse:
    queryset = selectors.skill_choices(owner=request.user)
    skills = list(queryset)
    if request.method == "GET":
        return render(request, "learning/own.html", {"form": OwnResourceForm(skills=queryset), "skills": skills})
    form = OwnResourceForm(request.POST, skills=queryset)
    if form.is_valid():
        data = form.cleaned_data
        try:
            item = services.reading_add_own(
                owner=request.user,
                title=data["title"],
                url=data["url"],
                kind=data["kind"],
                skills=list(data["skills"]),
                notes=data["notes"],
            )
        except services.LearningError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
        else:
            messages.success(request, _("Added “%s” to your list.") % item.title)
            return redirect_after_post(request, "learning:item", item.pk)
    template = "learning/own.html#own-form" if request.htmx else "learning/own.html"
    return render(request, template, {"form": form, "skills": skills}, status=400)


@require_GET
def item_detail(request: HttpRequest, item_id: int) -> HttpResponse:
    item = selectors.reading_get(owner=request.user, item_id=item_id)
    context = {"item": item, "form": ReadingUpdateForm(initial={"status": item.status, "notes": item.notes})}
    context["resource"] = selectors.catalogue_get(item.catalogue_id) if item.catalogue_id else None
    context["remove_confirmation"] = confirmations.item_remove(item)
    return render(request, "learning/item.html", context)


@require_POST
def item_update(request: HttpRequest, item_id: int) -> HttpResponse:
    item = selectors.reading_get(owner=request.user, item_id=item_id)
    form = ReadingUpdateForm(request.POST)
    status, saved = 400, False
    if form.is_valid():
        data = form.cleaned_data
        try:
            item = services.reading_update(
                item=item, status=data["status"] or None, notes=data["notes"] if "notes" in request.POST else None
            )
        except services.LearningError as error:
            form.add_error(None, str(error))
        else:
            status, saved = 200, True
    if request.htmx:
        context = {"item": item, "form": form, "saved": saved}
        return render(request, "learning/item.html#update-form", context, status=status)
    if saved:
        messages.success(request, _("Saved."))
        return redirect_after_post(request, "learning:item", item.pk)
    context = {"item": item, "form": form, "resource": selectors.catalogue_get(item.catalogue_id)}
    context["remove_confirmation"] = confirmations.item_remove(item)
    return render(request, "learning/item.html", context, status=status)


def _remove_confirmation(request: HttpRequest, item_id: int):
    return confirmations.item_remove(selectors.reading_get(owner=request.user, item_id=item_id))


@confirmed(_remove_confirmation)
def item_remove(request: HttpRequest, item_id: int) -> HttpResponse:
    item = selectors.reading_get(owner=request.user, item_id=item_id)
    title = item.title
    trashed = services.reading_remove(item=item, return_url=reverse("learning:item", args=[item.pk]))
    deleted_with_undo(request, _("Removed “%s” from your list.") % title, trashed)
    return redirect_after_post(request, "learning:home")
