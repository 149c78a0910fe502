"""Bring a guide's rows in line with a parsed note, in bulk.

The app writes every status change into the note as it makes it, so the database's
done/not-done state always equals the note as last synced. Any difference between that and
the note on disk is therefore an external edit, and the note wins for exactly those skills;
app-only state (``active``, history, archived skills) is kept. Skills and areas that left
the note are archived, never deleted, and come back with their history if they return.
Everything applied is recorded in a :class:`SyncReport`.
"""

from __future__ import annotations

from django.utils import timezone

from peoplecraft.skillmap.markdown import Note, NoteArea, NoteSkill
from peoplecraft.skillmap.models import Area, Guide, MethodStep, Skill, SkillStatus, SkillStatusChange
from peoplecraft.skillmap.sync_report import SyncReport

__all__ = ["SyncReport", "apply_note", "pair_skills"]


def apply_note(guide: Guide, note: Note, *, source: str) -> SyncReport:
    """Update areas, skills and method steps of a saved ``guide`` to match ``note``."""
    report = SyncReport(text_changed=True)
    now = timezone.now()
    areas = list(guide.areas.prefetch_related("skills"))
    by_title = {area.title.casefold(): area for area in areas}
    unmatched = {area.pk: area for area in areas}
    changes: list[SkillStatusChange] = []
    for position, note_area in enumerate(note.areas):
        area = _match_area(by_title, unmatched, note_area)
        if area is None:
            area = Area.objects.create(guide=guide, number=note_area.number, title=note_area.title, position=position)
            report.areas_added.append(area.title)
        unmatched.pop(area.pk, None)
        _update_area(area, note_area, position, report)
        changes += _apply_skills(area, note_area, source, report)
    for area in unmatched.values():
        _archive_area(area, now, report)
    SkillStatusChange.objects.bulk_create(changes)
    _replace_method_steps(guide, note, report)
    return report


def pair_skills(guide: Guide, note: Note) -> list[tuple[int, NoteSkill, Skill]]:
    """Which row each skill of ``note`` would update, by the rules of :func:`apply_note`; writes nothing.

    Returns ``(area index in the note, note skill, row)`` for every note skill that has a row.
    """
    areas = list(guide.areas.prefetch_related("skills"))
    by_title = {area.title.casefold(): area for area in areas}
    unmatched = {area.pk: area for area in areas}
    pairs: list[tuple[int, NoteSkill, Skill]] = []
    for index, note_area in enumerate(note.areas):
        area = _match_area(by_title, unmatched, note_area)
        if area is None:
            continue
        unmatched.pop(area.pk, None)
        matched, _new, _left = _match_skills(list(area.skills.all()), note_area.skills)
        pairs += [(index, note_skill, skill) for skill, note_skill in matched]
    return pairs


def _match_area(by_title: dict[str, Area], unmatched: dict[int, Area], note_area: NoteArea) -> Area | None:
    """The row of ``note_area``: same title (any case), else a renamed area with the same number."""
    area = by_title.get(note_area.title.casefold())
    return area if area is not None and area.pk in unmatched else _by_number(unmatched, note_area)


def _by_number(unmatched: dict[int, Area], note_area: NoteArea) -> Area | None:
    """A renamed area keeps its number: match on it when the title did not match."""
    if note_area.number is None:
        return None
    return next((area for area in unmatched.values() if area.number == note_area.number), None)


def _update_area(area: Area, note_area: NoteArea, position: int, report: SyncReport) -> None:
    if area.title != note_area.title:
        report.areas_renamed.append((area.title, note_area.title))
    if area.archived_at is not None:
        report.areas_restored.append(note_area.title)
    wanted = {"number": note_area.number, "title": note_area.title, "position": position, "archived_at": None}
    if any(getattr(area, name) != value for name, value in wanted.items()):
        for name, value in wanted.items():
            setattr(area, name, value)
        area.save(update_fields=list(wanted))


def _apply_skills(area: Area, note_area: NoteArea, source: str, report: SyncReport) -> list[SkillStatusChange]:
    pairs, new, leftover = _match_skills(list(area.skills.all()), note_area.skills)
    position = {note_skill.line: index for index, note_skill in enumerate(note_area.skills)}
    to_update: list[Skill] = []
    changes: list[SkillStatusChange] = []
    for skill, note_skill in pairs:
        old_status = skill.status
        if _refresh_skill(skill, note_skill, position[note_skill.line], report):
            to_update.append(skill)
        if skill.status != old_status:
            changes.append(
                SkillStatusChange(skill=skill, old_status=old_status, new_status=skill.status, source=source)
            )
            report.status_changes.append((skill.name, old_status, skill.status))
            report.status_by_skill[skill.pk] = (old_status, skill.status)
    now = timezone.now()
    for skill in leftover:
        if skill.archived_at is None:
            skill.archived_at = now
            to_update.append(skill)
            report.archived.append(skill.name)
    created = Skill.objects.bulk_create(_new_skill(area, s, position[s.line]) for s in new)
    for skill in created:
        changes.append(SkillStatusChange(skill=skill, old_status="", new_status=skill.status, source=source))
        report.added.append(skill.name)
        report.status_by_skill[skill.pk] = ("", skill.status)
    Skill.objects.bulk_update(to_update, ["name", "description", "position", "status", "archived_at"])
    return changes


def _match_skills(
    skills: list[Skill], note_skills: list[NoteSkill]
) -> tuple[list[tuple[Skill, NoteSkill]], list[NoteSkill], list[Skill]]:
    """Pair each note skill with its row: by name (any case), else a renamed skill by its unchanged description.

    Returns the pairs, the note skills that are new, and the rows the note no longer has.
    """
    by_name = {skill.name.casefold(): skill for skill in skills}
    pairs: list[tuple[Skill, NoteSkill]] = []
    unpaired: list[NoteSkill] = []
    for note_skill in note_skills:
        skill = by_name.pop(note_skill.name.casefold(), None)
        if skill is None:
            unpaired.append(note_skill)
        else:
            pairs.append((skill, note_skill))
    new: list[NoteSkill] = []
    for note_skill in unpaired:
        same = [s for s in by_name.values() if note_skill.description and s.description == note_skill.description]
        if len(same) == 1:
            pairs.append((same[0], note_skill))
            by_name.pop(same[0].name.casefold())
        else:
            new.append(note_skill)
    return pairs, new, list(by_name.values())


def _new_skill(area: Area, note_skill: NoteSkill, position: int) -> Skill:
    status = SkillStatus.DONE if note_skill.done else SkillStatus.TODO
    return Skill(area=area, name=note_skill.name, description=note_skill.description, position=position, status=status)


def _refresh_skill(skill: Skill, note_skill: NoteSkill, position: int, report: SyncReport) -> bool:
    """Copy the note's view of ``skill`` onto it (reporting renames and edits); return whether anything changed."""
    status = skill.status
    if note_skill.done and status != SkillStatus.DONE:
        status = SkillStatus.DONE
    elif not note_skill.done and status == SkillStatus.DONE:
        status = SkillStatus.TODO
    if skill.name != note_skill.name:
        report.renamed.append((skill.name, note_skill.name))
    if skill.description != note_skill.description:
        report.edited.append(note_skill.name)
    if skill.archived_at is not None:
        report.restored.append(note_skill.name)
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
        report.areas_archived.append(area.title)
    live = [skill for skill in area.skills.all() if skill.archived_at is None]
    for skill in live:
        skill.archived_at = now
        report.archived.append(skill.name)
    Skill.objects.bulk_update(live, ["archived_at"])


def _replace_method_steps(guide: Guide, note: Note, report: SyncReport) -> None:
    """Replace the steps when the note's differ, reporting them by name."""
    old = {step.name.casefold(): _step_key(step) for step in guide.method_steps.all()}
    new = {step.name.casefold(): _step_key(step) for step in note.method_steps}
    if list(old.values()) == list(new.values()):
        return
    report.steps_added += [step[1] for key, step in new.items() if key not in old]
    report.steps_removed += [step[1] for key, step in old.items() if key not in new]
    report.steps_changed += [step[1] for key, step in new.items() if key in old and old[key] != step]
    guide.method_steps.all().delete()
    MethodStep.objects.bulk_create(
        MethodStep(guide=guide, number=step.number, name=step.name, description=step.description)
        for step in note.method_steps
    )


def _step_key(step) -> tuple[int, str, str]:
    return (step.number, step.name, step.description)
