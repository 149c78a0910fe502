"""Bring a guide's rows in line with a parsed note, in bulk.

The app writes every status change into the note as it makes it, so the database's
done/not-done state always equals the note as last synced. Any difference between that and
the note on disk is therefore an external edit, and the note wins for exactly those skills;
app-only state (``active``, history, archived skills) is kept. Skills and areas that left
the note are archived, never deleted, and come back with their history if they return.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone

from peoplecraft.skillmap.markdown import Note, NoteArea, NoteSkill
from peoplecraft.skillmap.models import Area, Guide, MethodStep, Skill, SkillStatus, SkillStatusChange


@dataclass
class SyncReport:
    """What a sync changed, for messages in the page and the CLI."""

    status_changes: list[tuple[str, str, str]] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    archived: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.status_changes or self.added or self.archived)


def apply_note(guide: Guide, note: Note, *, source: str) -> SyncReport:
    """Update areas, skills and method steps of a saved ``guide`` to match ``note``."""
    report = SyncReport()
    now = timezone.now()
    areas = list(guide.areas.prefetch_related("skills"))
    by_title = {area.title.casefold(): area for area in areas}
    unmatched = {area.pk: area for area in areas}
    changes: list[SkillStatusChange] = []
    for position, note_area in enumerate(note.areas):
        area = by_title.get(note_area.title.casefold())
        area = area if area is not None and area.pk in unmatched else _by_number(unmatched, note_area)
        if area is None:
            area = Area.objects.create(guide=guide, number=note_area.number, title=note_area.title, position=position)
        unmatched.pop(area.pk, None)
        _update_area(area, note_area, position)
        changes += _apply_skills(area, note_area, source, report)
    for area in unmatched.values():
        _archive_area(area, now, report)
    SkillStatusChange.objects.bulk_create(changes)
    _replace_method_steps(guide, note)
    return report


def _by_number(unmatched: dict[int, Area], note_area: NoteArea) -> Area | None:
    """A renamed area keeps its number: match on it when the title did not match."""
    if note_area.number is None:
        return None
    return next((area for area in unmatched.values() if area.number == note_area.number), None)


def _update_area(area: Area, note_area: NoteArea, position: int) -> None:
    wanted = {"number": note_area.number, "title": note_area.title, "position": position, "archived_at": None}
    if any(getattr(area, name) != value for name, value in wanted.items()):
        for name, value in wanted.items():
            setattr(area, name, value)
        area.save(update_fields=list(wanted))


def _apply_skills(area: Area, note_area: NoteArea, source: str, report: SyncReport) -> list[SkillStatusChange]:
    existing = {skill.name.casefold(): skill for skill in area.skills.all()}
    to_create: list[Skill] = []
    to_update: list[Skill] = []
    changes: list[SkillStatusChange] = []
    for position, note_skill in enumerate(note_area.skills):
        skill = existing.pop(note_skill.name.casefold(), None)
        if skill is None:
            to_create.append(_new_skill(area, note_skill, position))
            report.added.append(note_skill.name)
            continue
        old_status = skill.status
        if _refresh_skill(skill, note_skill, position):
            to_update.append(skill)
        if skill.status != old_status:
            changes.append(
                SkillStatusChange(skill=skill, old_status=old_status, new_status=skill.status, source=source)
            )
            report.status_changes.append((skill.name, old_status, skill.status))
    now = timezone.now()
    for skill in existing.values():
        if skill.archived_at is None:
            skill.archived_at = now
            to_update.append(skill)
            report.archived.append(skill.name)
    created = Skill.objects.bulk_create(to_create)
    changes += [
        SkillStatusChange(skill=skill, old_status="", new_status=skill.status, source=source) for skill in created
    ]
    Skill.objects.bulk_update(to_update, ["name", "description", "position", "status", "archived_at"])
    return changes


def _new_skill(area: Area, note_skill: NoteSkill, position: int) -> Skill:
    status = SkillStatus.DONE if note_skill.done else SkillStatus.TODO
    return Skill(area=area, name=note_skill.name, description=note_skill.description, position=position, status=status)


def _refresh_skill(skill: Skill, note_skill: NoteSkill, position: int) -> bool:
    """Copy the note's view of ``skill`` onto it; return whether anything changed."""
    status = skill.status
    if note_skill.done and status != SkillStatus.DONE:
        status = SkillStatus.DONE
    elif not note_skill.done and status == SkillStatus.DONE:
        status = SkillStatus.TODO
    wanted = {
        "name": note_skill.name,
        "description": note_skill.description,
        "position": position,
        "status": status,
        "archived_at": None,
    }
    changed = any(getattr(skill, name) != value for name, value in wanted.items())
    for name, value in wanted.items():
        setattr(skill, name, value)
    return changed


def _archive_area(area: Area, now, report: SyncReport) -> None:
    if area.archived_at is None:
        area.archived_at = now
        area.save(update_fields=["archived_at"])
    live = [skill for skill in area.skills.all() if skill.archived_at is None]
    for skill in live:
        skill.archived_at = now
        report.archived.append(skill.name)
    Skill.objects.bulk_update(live, ["archived_at"])


def _replace_method_steps(guide: Guide, note: Note) -> None:
    guide.method_steps.all().delete()
    MethodStep.objects.bulk_create(
        MethodStep(guide=guide, number=step.number, name=step.name, description=step.description)
        for step in note.method_steps
    )
