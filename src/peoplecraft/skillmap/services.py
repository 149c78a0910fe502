"""Every write to the skill map. Each function owns its transaction.

A status change made in the app is written into the linked note in the same transaction:
if the note cannot be written, the database change is rolled back, so the database and the
note are always left as they were on failure.
"""

from __future__ import annotations

import time
from importlib import resources
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from peoplecraft.skillmap import markdown
from peoplecraft.skillmap.models import Guide, Skill, SkillStatus, SkillStatusChange, StatusSource
from peoplecraft.skillmap.notefile import NoteFileError, read_note_file, write_note_file
from peoplecraft.skillmap.reconcile import SyncReport, apply_note
from peoplecraft.skillmap.selectors import skill_map_get

DEFAULT_GUIDE_RESOURCE = "interpersonal-skills.md"


class GuideError(Exception):
    """Bad input for the skill map (a note that cannot be read, parsed or written)."""


class SkillConflict(GuideError):
    """The skill changed elsewhere since the caller last saw it; nothing was changed."""


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
    guide.title = (front.title or guide.title or fallback_title)[:200]
    guide.description = note.description
    guide.note_id = front.id or guide.note_id or ""
    guide.note_created_ms = front.created
    guide.note_updated_ms = front.updated


def _unique_slug(owner, title: str) -> str:
    base = slugify(title)[:180] or "guide"
    taken = set(Guide.objects.filter(owner=owner, slug__startswith=base).values_list("slug", flat=True))
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
    text = _read(guide.source_path)
    if text == guide.note_text:
        return SyncReport()
    note = _parse(text, where=guide.source_path)
    with transaction.atomic():
        locked = Guide.objects.select_for_update().get(pk=guide.pk)
        report = _pull(locked, text, note, source=StatusSource.NOTE)
    guide.refresh_from_db()
    return report


def _pull(guide: Guide, text: str, note: markdown.Note, *, source: str) -> SyncReport:
    if text == guide.note_text:
        return SyncReport()
    report = apply_note(guide, note, source=source)
    _copy_note_fields(guide, note, fallback_title=guide.title)
    guide.note_text = text
    guide.save()
    return report


def skill_mark(*, skill: Skill, status: str, source: str, expected_status: str | None = None) -> Skill:
    """Set a skill's status, writing done/undone into the note; reads external edits first.

    ``expected_status`` is the status the caller saw. If the note changed it since, the
    change is refused with :class:`SkillConflict` instead of guessing which side is right.
    """
    if status not in SkillStatus.values:
        raise GuideError(_("Unknown status %(status)s; use todo, active or done.") % {"status": status})
    # Read external edits in their own transaction, so they are kept even if this change is refused.
    guide_sync(guide=skill.area.guide)
    with transaction.atomic():
        guide = Guide.objects.select_for_update().get(pk=skill.area.guide_id)
        disk_text = _read(guide.source_path) if guide.source_path else None
        if disk_text is not None and disk_text != guide.note_text:
            _pull(guide, disk_text, _parse(disk_text, where=guide.source_path), source=StatusSource.NOTE)
        fresh = Skill.objects.select_related("area").get(pk=skill.pk)
        _check_conflict(fresh, expected_status)
        if fresh.status != status:
            _change_status(guide, fresh, status, source)
    return fresh


def _check_conflict(skill: Skill, expected_status: str | None) -> None:
    if skill.archived_at is not None or skill.area.archived_at is not None:
        raise SkillConflict(_("“%(name)s” is no longer in the note; nothing was changed.") % {"name": skill.name})
    if expected_status and skill.status != expected_status:
        raise SkillConflict(
            _("“%(name)s” was changed to %(status)s in the note since you looked; nothing was changed.")
            % {"name": skill.name, "status": skill.get_status_display().lower()}
        )


def _change_status(guide: Guide, skill: Skill, status: str, source: str) -> None:
    was_done = skill.status == SkillStatus.DONE
    if was_done != (status == SkillStatus.DONE):
        _rewrite_note(guide, skill, done=status == SkillStatus.DONE)
    SkillStatusChange.objects.create(skill=skill, old_status=skill.status, new_status=status, source=source)
    skill.status = status
    skill.save(update_fields=["status"])


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


def guide_export(*, guide: Guide, path: str | Path) -> Path:
    """Write the guide as a Dendron note (the synced note itself when there is one)."""
    target = Path(path).expanduser()
    if target.is_dir():
        target = target / f"{guide.slug}.md"
    try:
        text = guide.note_text or _render_new_note(guide)
    except markdown.NoteError as error:
        raise GuideError(f"{guide.title}: cannot be written as a note: {error}") from None
    try:
        write_note_file(target, text)
    except NoteFileError as error:
        raise GuideError(str(error)) from None
    return target


def _render_new_note(guide: Guide) -> str:
    """A fresh note for a guide made in the app; areas without live skills cannot be read back, so they are left out."""
    areas = [
        (progress.area.title, [(s.name, s.description, s.status == SkillStatus.DONE) for s in progress.skills])
        for progress in skill_map_get(guide=guide)
        if progress.skills
    ]
    steps = [(step.name, step.description) for step in guide.method_steps.all()]
    return markdown.new_note(
        title=guide.title,
        description=guide.description,
        areas=areas,
        method_steps=steps,
        note_id=guide.note_id or markdown.new_note_id(),
        now_ms=now_ms(),
    )
