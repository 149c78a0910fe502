"""Skill map pages. Thin: sync and status changes go through services, reads through selectors."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from peoplecraft.core.http import post_form
from peoplecraft.core.ownership import get_owned_or_404
from peoplecraft.skillmap import selectors, services
from peoplecraft.skillmap.forms import GuideImportChoiceForm, GuideImportForm, SkillStatusForm
from peoplecraft.skillmap.models import Guide, StatusSource
from peoplecraft.skillmap.sync_report import SyncReport


def _sync_quietly(request: HttpRequest, guide: Guide) -> bool:
    """Pick up external edits of the note (True if any); a broken note is reported, the page still shows."""
    try:
        report = services.guide_sync(guide=guide)
    except services.GuideError as error:
        messages.error(request, _("The note could not be read, so the map shows the last synced state: %s") % error)
        return False
    if report.changed:
        messages.info(request, _what_was_read(report))
    return report.changed


def _what_was_read(report: SyncReport | None) -> str:
    return report.summary(_("Read changes from the note")) if report is not None else ""


@require_GET
def skill_map(request: HttpRequest) -> HttpResponse:
    return _render_map(request, wanted_slug=request.GET.get("guide"), import_form=GuideImportForm())


def _render_map(
    request: HttpRequest, *, wanted_slug: str | None, import_form: GuideImportForm, status: int = 200
) -> HttpResponse:
    guides = list(selectors.guide_list(owner=request.user))
    guide = next((g for g in guides if g.slug == wanted_slug), None) or next((g for g in guides if g.is_active), None)
    if guide is not None:
        _sync_quietly(request, guide)
    context = {
        "guide": guide,
        "guides": guides,
        "areas": selectors.skill_map_get(guide=guide) if guide else [],
        "method_steps": list(guide.method_steps.all()) if guide else [],
        "import_form": import_form,
    }
    return render(request, "skillmap/map.html", context, status=status)


@require_GET
def area_detail(request: HttpRequest, area_id: int) -> HttpResponse:
    progress = selectors.area_get(owner=request.user, area_id=area_id)
    if _sync_quietly(request, progress.area.guide):
        progress = selectors.area_get(owner=request.user, area_id=area_id)
    return render(request, "skillmap/area.html", {"progress": progress, "area": progress.area})


@require_GET
def skill_detail(request: HttpRequest, skill_id: int) -> HttpResponse:
    skill = selectors.skill_get(owner=request.user, skill_id=skill_id)
    if _sync_quietly(request, skill.area.guide):
        skill = selectors.skill_get(owner=request.user, skill_id=skill_id)
    context = {"skill": skill, "history": selectors.skill_history(skill=skill)}
    return render(request, "skillmap/skill.html", context)


@require_POST
def skill_status(request: HttpRequest, skill_id: int) -> HttpResponse:
    skill = selectors.skill_get(owner=request.user, skill_id=skill_id)
    error, status, notice = _mark(skill, SkillStatusForm(request.POST))
    skill = selectors.skill_get(owner=request.user, skill_id=skill_id)
    if request.htmx:
        progress = selectors.area_get(owner=request.user, area_id=skill.area_id)
        context = {"skill": skill, "error": error, "notice": notice, "progress": progress}
        return render(request, "skillmap/area.html#status-response", context, status=status)
    if notice:
        messages.info(request, notice)
    if error:
        messages.error(request, error)
    next_url = request.POST.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return redirect(next_url)
    return redirect("skillmap:area", skill.area_id)


def _mark(skill, form: SkillStatusForm) -> tuple[str | None, int, str]:
    """Apply the form; return (error, HTTP status, what was read from the note first)."""
    if not form.is_valid():
        return _("Choose to do, in focus or done."), 400, ""
    try:
        result = services.skill_mark(
            skill=skill,
            status=form.cleaned_data["status"],
            expected_status=form.cleaned_data["expected"] or None,
            source=StatusSource.WEB,
        )
    except services.SkillConflict as conflict:
        return str(conflict), 409, _what_was_read(conflict.from_note)
    except services.GuideError as problem:
        return str(problem), 400, ""
    return None, 200, _what_was_read(result.from_note)


@require_POST
def guide_activate(request: HttpRequest, guide_id: int) -> HttpResponse:
    guide = get_owned_or_404(Guide, request.user, pk=guide_id)
    services.guide_activate(guide=guide)
    messages.success(request, _("“%s” is now your active guide.") % guide.title)
    return redirect("skillmap:map")


@post_form("skillmap:map")
def guide_import(request: HttpRequest) -> HttpResponse:
    """Import a note by path; a note that matches an existing guide first asks: link to it, or a separate copy."""
    if not request.user.is_owner:
        # Reading a path on the server is for the person who owns the machine, not team members.
        raise Http404
    if "choice" in request.POST:
        return _import_choice(request)
    form = GuideImportForm(request.POST)
    if form.is_valid():
        try:
            preview = services.guide_import_preview(owner=request.user, path=form.cleaned_data["path"])
            if preview.match is not None:
                choice = GuideImportChoiceForm(initial={"path": preview.path, "guide": preview.match.guide.pk})
                return _render_choice(request, preview, choice)
            guide = services.guide_import(owner=request.user, path=preview.path)
        except services.GuideError as error:
            form.add_error("path", str(error))
        else:
            messages.success(request, _("Imported “%s”; it is now your active guide.") % guide.title)
            return redirect("skillmap:map")
    return _render_map(request, wanted_slug=None, import_form=form, status=400)


def _render_choice(request: HttpRequest, preview, form: GuideImportChoiceForm, status: int = 200) -> HttpResponse:
    context = {"preview": preview, "match": preview.match, "form": form}
    return render(request, "skillmap/import_choice.html", context, status=status)


def _import_choice(request: HttpRequest) -> HttpResponse:
    form = GuideImportChoiceForm(request.POST)
    if not form.is_valid():
        path = request.POST.get("path", "")
        try:
            preview = services.guide_import_preview(owner=request.user, path=path)
        except services.GuideError as error:
            return _render_map(request, wanted_slug=None, import_form=_path_error(path, str(error)), status=400)
        if preview.match is None:
            return _render_map(
                request, wanted_slug=None, import_form=GuideImportForm(initial={"path": path}), status=400
            )
        return _render_choice(request, preview, form, status=400)
    path = form.cleaned_data["path"]
    try:
        if form.cleaned_data["choice"] == GuideImportChoiceForm.LINK:
            guide = get_owned_or_404(Guide, request.user, pk=form.cleaned_data["guide"])
            was = guide.title
            linked = services.guide_link(owner=request.user, guide=guide, path=path)
        else:
            guide = services.guide_import(owner=request.user, path=path)
    except services.GuideError as error:
        return _render_map(request, wanted_slug=None, import_form=_path_error(path, str(error)), status=400)
    if form.cleaned_data["choice"] == GuideImportChoiceForm.LINK:
        messages.success(
            request,
            _("Linked %(path)s to “%(title)s”: your progress, assessments, practice and journal links are kept.")
            % {"path": linked.guide.source_path, "title": was},
        )
        if linked.guide.title != was:
            messages.info(request, _("The guide is now called “%s”, the note's title.") % linked.guide.title)
        if linked.from_note.changed and linked.from_note.lines():
            messages.info(request, _what_was_read(linked.from_note))
        if linked.struck_in_note:
            messages.info(
                request,
                _("Struck through in your note (done in Peoplecraft): %s") % ", ".join(linked.struck_in_note),
            )
    else:
        messages.success(request, _("Imported “%s” as a separate guide; it is now your active guide.") % guide.title)
    return redirect("skillmap:map")


def _path_error(path: str, message: str) -> GuideImportForm:
    form = GuideImportForm({"path": path})
    form.is_valid()
    form.add_error("path", message)
    return form
