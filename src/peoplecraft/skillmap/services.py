"""Every write to the skill map. Each function owns its transaction.

A status change made in the app is written into the linked note in the same transaction:
if the note cannot be written, the database change is rolled back, so the database and the
note are always left as they were on failure. Every status change reads the note first, and
refuses to undo what the note itself just changed about that skill unless forced.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from peoplecraft.skillmap import markdown, note_watch
from peoplecraft.skillmap.models import Guide, Skill, SkillStatus, SkillStatusChange, StatusSource
from peoplecraft.skillmap.notefile import (
    STALE_TEMP_SECONDS,
    NoteFileError,
    read_note_file,
    remove_stale_temp_files,
    write_note_file,
)
from peoplecraft.skillmap.reconcile import apply_note, pair_skills
from peoplecraft.skillmap.selectors import GuideMatch, guide_matching_note, skill_find
from peoplecraft.skillmap.sync_report import SyncReport

DEFAULT_GUIDE_RESOURCE = "interpersonal-skills.md"


class GuideError(Exception):
    """Bad input for the skill map (a note that cannot be read, parsed or written)."""


class SkillConflict(GuideError):
    """The skill changed elsewhere since the caller last saw it; nothing was changed.

    ``forceable`` says whether asking again with ``force=True`` would apply the change;
    ``from_note`` is what was read from the note before refusing (kept in the database).
    """

    def __init__(self, message: str, *, forceable: bool = False) -> None:
        super().__init__(message)
        self.forceable = forceable
        self.from_note: SyncReport | None = None


@dataclass
class SkillMark:
    """The outcome of :func:`skill_mark`: the skill, what was read from the note first, and what was written."""

    skill: Skill
    from_note: SyncReport
    note_written: bool = False


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def _parse(text: str, *, where: str) -> markdown.Note:
    try:
        return markdown.parse_note(text)
    except markdown.NoteError as error:
        line = f":{error.line}" if error.line else ""
        raise GuideError(f"{where}{line}: {error.message}") from None


def _read(path: str) -> str:
    try:
        return read_note_file(path)
    except NoteFileError as error:
        raise GuideError(str(error)) from None


def guide_import(*, owner, path: str | Path, source: str = StatusSource.IMPORT) -> Guide:
    """Link the note at ``path`` to a guide of ``owner`` (new, or the one already linked) and activate it."""
    resolved = str(Path(path).expanduser().resolve())
    text = _read(resolved)
    note = _parse(text, where=resolved)
    with transaction.atomic():
        guide = Guide.objects.select_for_update().filter(owner=owner, source_path=resolved).first()
        if guide is None:
            guide = _guide_create(owner=owner, note=note, text=text, source_path=resolved, source=source)
        else:
            _pull(guide, text, note, source=StatusSource.NOTE)
        guide_activate(guide=guide)
    return guide


@dataclass
class ImportPreview:
    """What importing the note at ``path`` would do, before anything is written.

    ``linked``: the guide already in sync with this very file (importing again reuses it).
    ``match``: otherwise, an existing guide the note looks like, which it can be linked to.
    """

    path: str
    title: str
    linked: Guide | None
    match: GuideMatch | None


def guide_import_preview(*, owner, path: str | Path) -> ImportPreview:
    """Read and check the note at ``path`` and find the guide it belongs to, if any; writes nothing."""
    resolved = str(Path(path).expanduser().resolve())
    note = _parse(_read(resolved), where=resolved)
    linked = Guide.objects.filter(owner=owner, source_path=resolved).first()
    match = None if linked else guide_matching_note(owner=owner, note=note, path=resolved)
    return ImportPreview(
        path=resolved, title=note.front_matter.title or Path(resolved).stem, linked=linked, match=match
    )


@dataclass
class GuideLink:
    """The outcome of :func:`guide_link`: what was read from the note, and which skills it gained a strike for."""

    guide: Guide
    from_note: SyncReport
    struck_in_note: list[str]


def guide_link(*, owner, guide: Guide, path: str | Path) -> GuideLink:
    """Link the note at ``path`` to ``owner``'s existing ``guide``, keeping its rows and so their history.

    The note is read through the usual sync rules (a struck skill becomes done, a new one is
    added, one the note lacks is archived with its history). A skill done in the app that the
    note does not strike is struck through in the note — the edit a status change makes — so
    that app and note agree; that one write replaces the file only if it is still exactly what
    was read (an edit made meanwhile refuses the link and nothing changes). Activates the guide.
    """
    resolved = str(Path(path).expanduser().resolve())
    text = _read(resolved)
    note = _parse(text, where=resolved)
    with transaction.atomic():
        locked = Guide.objects.select_for_update().get(pk=guide.pk, owner=owner)
        other = Guide.objects.filter(owner=owner, source_path=resolved).exclude(pk=locked.pk).first()
        if other is not None:
            raise GuideError(_("%(path)s is already linked to “%(title)s”.") % {"path": resolved, "title": other.title})
        if locked.source_path and locked.source_path != resolved and Path(locked.source_path).exists():
            raise GuideError(
                _("“%(title)s” is in sync with %(path)s; import the note as a separate guide instead.")
                % {"title": locked.title, "path": locked.source_path}
            )
        merged, struck = _strike_done_in_app(locked, note)
        merged_text = markdown.render_note(merged)
        locked.source_path = resolved
        locked.save(update_fields=["source_path", "updated_at"])
        old_title = locked.title
        report = _pull(locked, merged_text, merged, source=StatusSource.NOTE)
        if locked.title != old_title:  # the guide now is that note: its slug (and export file name) follows
            locked.slug = _unique_slug(owner, locked.title, exclude_pk=locked.pk)
            locked.save(update_fields=["slug", "updated_at"])
        guide_activate(guide=locked)
        if merged_text != text:
            try:
                write_note_file(resolved, merged_text, expected_current=text)
            except NoteFileError as error:
                raise GuideError(str(error)) from None
    return GuideLink(guide=locked, from_note=report, struck_in_note=struck)


def _strike_done_in_app(guide: Guide, note: markdown.Note) -> tuple[markdown.Note, list[str]]:
    """``note`` with every skill that is done in ``guide`` struck through, and those skills' names."""
    struck: list[str] = []
    stamp = now_ms()
    for area_index, note_skill, skill in pair_skills(guide, note):
        if skill.status == SkillStatus.DONE and skill.archived_at is None and not note_skill.done:
            try:
                note = markdown.set_skill_done(
                    note, area_index=area_index, skill_name=note_skill.name, done=True, now_ms=stamp
                )
            except markdown.NoteError as error:
                raise GuideError(f"{guide.title}: {error.message}") from None
            struck.append(note_skill.name)
    return note, struck


def guide_create_from_text(*, owner, text: str, source_path: str = "", name: str = "Guide") -> Guide:
    """Create a guide from note text not linked to a file; ``name`` titles it if the note has no title."""
    note = _parse(text, where=name)
    with transaction.atomic():
        guide = _guide_create(
            owner=owner, note=note, text=text, source_path=source_path, source=StatusSource.IMPORT, fallback_title=name
        )
        if not Guide.objects.filter(owner=owner, is_active=True).exists():
            guide_activate(guide=guide)
    return guide


def guide_load_default(*, owner) -> Guide | None:
    """Load the bundled guide for a new owner; does nothing if the owner has any guide."""
    if Guide.objects.filter(owner=owner).exists():
        return None
    text = resources.files("peoplecraft.data").joinpath("guides", DEFAULT_GUIDE_RESOURCE).read_text("utf-8")
    return guide_create_from_text(owner=owner, text=text, name="Interpersonal Skills")


def _guide_create(
    *, owner, note: markdown.Note, text: str, source_path: str, source: str, fallback_title: str = ""
) -> Guide:
    """Create the guide; without a front-matter title it is named after its file."""
    guide = Guide(owner=owner, source_path=source_path, note_text=text)
    fallback = fallback_title or (Path(source_path).stem if source_path else "") or "Guide"
    _copy_note_fields(guide, note, fallback_title=fallback)
    guide.slug = _unique_slug(owner, guide.title)
    guide.save()
    apply_note(guide, note, source=source)
    return guide


def _copy_note_fields(guide: Guide, note: markdown.Note, *, fallback_title: str) -> None:
    front = note.front_matter
    guide.title = _distinct_title(guide, (front.title or guide.title or fallback_title)[:190])
    guide.description = note.description
    guide.note_id = front.id or guide.note_id or ""
    guide.note_created_ms = front.created
    guide.note_updated_ms = front.updated


def _distinct_title(guide: Guide, title: str) -> str:
    """``title``, numbered "(2)", "(3)"… if another guide of the owner already shows it.

    Two guides never share a name: lists, menus and ``guide use NAME`` could not tell them apart.
    """
    taken = {
        other.casefold()
        for other in Guide.objects.filter(owner=guide.owner_id).exclude(pk=guide.pk).values_list("title", flat=True)
    }
    candidate, counter = title, 2
    while candidate.casefold() in taken:
        candidate, counter = f"{title} ({counter})", counter + 1
    return candidate


def _unique_slug(owner, title: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(title)[:180] or "guide"
    others = Guide.objects.filter(owner=owner, slug__startswith=base).exclude(pk=exclude_pk)
    taken = set(others.values_list("slug", flat=True))
    slug, counter = base, 2
    while slug in taken:
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


def guide_activate(*, guide: Guide) -> None:
    with transaction.atomic():
        Guide.objects.filter(owner=guide.owner_id, is_active=True).exclude(pk=guide.pk).update(is_active=False)
        if not guide.is_active:
            guide.is_active = True
            guide.save(update_fields=["is_active", "updated_at"])


def guide_sync(*, guide: Guide) -> SyncReport:
    """Read external edits of the linked note into the guide (no-op without a file or a change)."""
    if not guide.source_path:
        return SyncReport()
    _tidy_note_folder(guide.source_path)
    before_read = note_watch.signature(guide.source_path)
    if note_watch.unchanged(guide.source_path, before_read, guide.note_text):
        return SyncReport()  # one stat, no read: the file is as it was when app and file last agreed
    text = _read(guide.source_path)
    note_watch.remember(guide.source_path, before_read, text)
    if text == guide.note_text:
        return SyncReport()
    note = _parse(text, where=guide.source_path)
    with transaction.atomic():
        locked = Guide.objects.select_for_update().get(pk=guide.pk)
        report = _pull(locked, text, note, source=StatusSource.NOTE)
    guide.refresh_from_db()
    return report


_last_tidy: dict[str, float] = {}


def _tidy_note_folder(path: str) -> None:
    """Remove temporary copies of the note left by a killed write; at most once a minute per note and process."""
    now = time.time()
    if now - _last_tidy.get(path, 0.0) >= STALE_TEMP_SECONDS:
        _last_tidy[path] = now
        remove_stale_temp_files(path, now=now)


def _pull(guide: Guide, text: str, note: markdown.Note, *, source: str) -> SyncReport:
    if text == guide.note_text:
        return SyncReport()
    report = apply_note(guide, note, source=source)
    old_title, old_description = guide.title, guide.description
    _copy_note_fields(guide, note, fallback_title=guide.title)
    report.title = (old_title, guide.title) if guide.title != old_title else None
    report.description_changed = guide.description != old_description
    guide.note_text = text
    guide.save()
    return report


def skill_mark(
    *,
    status: str,
    source: str,
    skill: Skill | None = None,
    guide: Guide | None = None,
    name: str = "",
    expected_status: str | None = None,
    force: bool = False,
) -> SkillMark:
    """Set a skill's status, writing done/undone into the note; reads the note first. Every caller goes here.

    Pass ``skill``, or ``guide`` and ``name`` to look the skill up *after* reading the note (so
    a skill the note just added or renamed is found; ``selectors.SkillNotFound`` otherwise).
    Refused with :class:`SkillConflict`, unless ``force``: the note just changed this skill's
    done-ness and ``status`` would undo it, or the caller saw ``expected_status`` and the note
    changed it since. The read is kept even when the change is refused.
    """
    if status not in SkillStatus.values:
        raise GuideError(_("Unknown status %(status)s; use todo, active or done.") % {"status": status})
    guide = guide if skill is None else skill.area.guide
    report = guide_sync(guide=guide)  # its own transaction: kept even if this change is refused
    skill = skill if skill is not None else skill_find(guide=guide, name=name)
    with transaction.atomic():
        locked = Guide.objects.select_for_update().get(pk=guide.pk)
        disk_text = _read(locked.source_path) if locked.source_path else None
        if disk_text is not None and disk_text != locked.note_text:
            again = _pull(locked, disk_text, _parse(disk_text, where=locked.source_path), source=StatusSource.NOTE)
            report = report.merge(again)
        fresh = Skill.objects.select_related("area").get(pk=skill.pk)
        try:
            _check_conflict(fresh, status, expected_status, report, force=force)
        except SkillConflict as conflict:
            conflict.from_note = report
            raise
        written = fresh.status != status and _change_status(locked, fresh, status, source)
    return SkillMark(skill=fresh, from_note=report, note_written=bool(written))


def _check_conflict(skill: Skill, status: str, expected_status: str | None, report: SyncReport, *, force: bool) -> None:
    if skill.archived_at is not None or skill.area.archived_at is not None:
        raise SkillConflict(_("“%(name)s” is no longer in the note; nothing was changed.") % {"name": skill.name})
    if force:
        return
    if expected_status and skill.status != expected_status:
        raise SkillConflict(
            _("“%(name)s” was changed to %(status)s in the note since you looked; nothing was changed.")
            % {"name": skill.name, "status": skill.get_status_display().lower()},
            forceable=True,
        )
    read = report.status_by_skill.get(skill.pk)
    if read is not None and (status == SkillStatus.DONE) != (skill.status == SkillStatus.DONE):
        what = {"name": skill.name, "old": read[0], "new": read[1], "wanted": status}
        message = (
            _("Your note just changed “%(name)s” from %(old)s to %(new)s") % what
            if read[0]
            else _("Your note just added “%(name)s” as %(new)s") % what
        )
        raise SkillConflict(
            message + _("; marking it %(wanted)s would undo that, so nothing was changed.") % what, forceable=True
        )


def _change_status(guide: Guide, skill: Skill, status: str, source: str) -> bool:
    """Change the status (and the note when done-ness changes); return whether the note was written."""
    was_done = skill.status == SkillStatus.DONE
    rewrite = was_done != (status == SkillStatus.DONE)
    if rewrite:
        _rewrite_note(guide, skill, done=status == SkillStatus.DONE)
    SkillStatusChange.objects.create(skill=skill, old_status=skill.status, new_status=status, source=source)
    skill.status = status
    skill.save(update_fields=["status"])
    return rewrite and bool(guide.source_path)


def _rewrite_note(guide: Guide, skill: Skill, *, done: bool) -> None:
    if not guide.note_text:
        return
    note = _parse(guide.note_text, where=guide.source_path or guide.title)
    stamp = now_ms()
    try:
        updated = markdown.set_skill_done(
            note, area_index=skill.area.position, skill_name=skill.name, done=done, now_ms=stamp
        )
    except markdown.NoteError as error:
        raise GuideError(f"{guide.source_path or guide.title}: {error.message}") from None
    text = markdown.render_note(updated)
    if guide.source_path:
        try:
            write_note_file(guide.source_path, text, expected_current=guide.note_text)
        except NoteFileError as error:
            raise GuideError(str(error)) from None
    guide.note_text = text
    guide.note_updated_ms = updated.front_matter.updated
    guide.save(update_fields=["note_text", "note_updated_ms", "updated_at"])
