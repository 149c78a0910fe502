"""Every read of the skill map that a view, command or other app needs (prefetched)."""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from peoplecraft.core.ownership import get_owned_or_404
from peoplecraft.skillmap.models import Area, Guide, Skill, SkillStatus, SkillStatusChange


class GuideNotFound(LookupError):
    """No guide matches; ``candidates`` lists the user's guides."""

    def __init__(self, message: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates


class SkillNotFound(LookupError):
    """No single skill matches a name; ``candidates`` lists the near matches."""

    def __init__(self, message: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates


def guide_list(*, owner) -> QuerySet[Guide]:
    return Guide.objects.filter(owner=owner).annotate(
        skill_count=Count("areas__skills", filter=Q(areas__skills__archived_at=None, areas__archived_at=None))
    )


@dataclass(frozen=True)
class GuideMatch:
    """An existing guide that a note being imported looks like; ``reason`` says why (shown to the user)."""

    guide: Guide
    reason: str


def guide_matching_note(*, owner, note, path: str) -> GuideMatch | None:
    """The guide of ``owner`` that the parsed ``note`` at ``path`` most likely is, if linking it is possible.

    A match has the note's Dendron ``id``, or exactly the note's skills (names, any case), or
    the note's title and at least 80 % of its skills. Only a guide not linked to a file, or
    whose linked file is gone, can be linked: a guide in sync with another note keeps it.
    The best match wins: same id, then same skills, then the active guide.
    """
    note_names = {skill.name.casefold() for area in note.areas for skill in area.skills}
    note_id, note_title = note.front_matter.id or "", (note.front_matter.title or "").casefold()
    candidates = [
        guide
        for guide in Guide.objects.filter(owner=owner).exclude(source_path=path)
        if not guide.source_path or not os.path.exists(guide.source_path)
    ]
    found: list[tuple[tuple[int, bool], GuideMatch]] = []
    for guide in candidates:
        names = {
            name.casefold()
            for name in Skill.objects.filter(area__guide=guide, archived_at=None, area__archived_at=None).values_list(
                "name", flat=True
            )
        }
        shared = len(names & note_names) / len(names | note_names) if names | note_names else 0.0
        if note_id and guide.note_id == note_id:
            rank, reason = 0, "the same note id"
        elif names and names == note_names:
            rank, reason = 1, f"the same {len(names)} skills"
        elif note_title and guide.title.casefold() == note_title and shared >= 0.8:
            rank, reason = 2, f"the same title and {round(100 * shared)} % of the skills"
        else:
            continue
        found.append(((rank, not guide.is_active), GuideMatch(guide=guide, reason=reason)))
    return min(found, key=lambda item: item[0])[1] if found else None


def guide_active(*, owner) -> Guide | None:
    return Guide.objects.filter(owner=owner, is_active=True).first()


def guide_get(*, owner, name: str | None = None) -> Guide:
    """The active guide, or the one whose slug or title matches ``name`` (case-insensitive)."""
    guides = list(Guide.objects.filter(owner=owner))
    if name is None:
        active = next((guide for guide in guides if guide.is_active), None)
        if active is None:
            raise GuideNotFound("No guide yet: import one with 'peoplecraft guide import PATH'.", [])
        return active
    wanted = name.casefold()
    matches = [g for g in guides if wanted in (g.slug.casefold(), g.title.casefold())]
    if len(matches) == 1:
        return matches[0]
    names = [g.slug for g in guides]
    problem = "matches several guides" if matches else "matches no guide"
    raise GuideNotFound(f"'{name}' {problem}.", [g.slug for g in matches] or names)


@dataclass(frozen=True)
class AreaProgress:
    area: Area
    skills: list[Skill]

    @property
    def done(self) -> int:
        return sum(1 for skill in self.skills if skill.status == SkillStatus.DONE)

    @property
    def total(self) -> int:
        return len(self.skills)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def skill_map_get(*, guide: Guide) -> list[AreaProgress]:
    """Live areas of ``guide`` with their live skills, in note order, in two queries."""
    live_skills = Prefetch("skills", queryset=Skill.objects.filter(archived_at=None).order_by("position"))
    areas = guide.areas.filter(archived_at=None).prefetch_related(live_skills)
    return [AreaProgress(area=area, skills=list(area.skills.all())) for area in areas]


def area_get(*, owner, area_id: int) -> AreaProgress:
    area = get_owned_or_404(
        Area.objects.select_related("guide").filter(archived_at=None), owner, owner_field="guide__owner", pk=area_id
    )
    return AreaProgress(area=area, skills=list(area.skills.filter(archived_at=None).order_by("position")))


def skill_get(*, owner, skill_id: int) -> Skill:
    return get_owned_or_404(
        Skill.objects.select_related("area__guide"), owner, owner_field="area__guide__owner", pk=skill_id
    )


def active_guide_skills(*, owner) -> list[Skill]:
    """Live skills of ``owner``'s active guide with their areas and guide, in note order, in one query."""
    return list(_active_guide_skills(owner).select_related("area__guide").order_by("area__position", "position", "pk"))


def skill_in_active_guide(*, owner, name: str) -> Skill | None:
    """The live skill called ``name`` (case-insensitive) in ``owner``'s active guide, if any."""
    return _active_guide_skills(owner).filter(name__iexact=name).first()


def skills_in_active_guide(owner, names: list[str]) -> list[Skill]:
    """Live skills of ``owner``'s active guide whose names are in ``names`` (case-insensitive), in one query."""
    wanted = {name.casefold() for name in names}
    return [skill for skill in _active_guide_skills(owner) if skill.name.casefold() in wanted]


def _active_guide_skills(owner) -> QuerySet[Skill]:
    return Skill.objects.filter(
        area__guide__owner=owner, area__guide__is_active=True, archived_at=None, area__archived_at=None
    ).select_related("area")


def skill_history(*, skill: Skill) -> QuerySet[SkillStatusChange]:
    return skill.status_changes.order_by("-changed_at", "-pk")


def skill_find(*, guide: Guide, name: str) -> Skill:
    """Find one live skill by name, case-insensitively: exact match first, then substring."""
    skills = list(
        Skill.objects.filter(area__guide=guide, archived_at=None, area__archived_at=None).select_related("area")
    )
    wanted = name.strip().casefold()
    exact = [skill for skill in skills if skill.name.casefold() == wanted]
    matches = exact or [skill for skill in skills if wanted in skill.name.casefold()]
    if len(matches) == 1:
        return matches[0]
    if matches:
        names = [f"{s.name} (area {s.area.number or s.area.title})" for s in matches]
        raise SkillNotFound(f"'{name}' matches {len(matches)} skills.", names)
    close = _close_names(wanted, [skill.name for skill in skills])
    raise SkillNotFound(f"No skill named '{name}' in '{guide.title}'.", close)


def _close_names(wanted: str, names: list[str]) -> list[str]:
    lowered = {name.casefold(): name for name in names}
    return [lowered[n] for n in difflib.get_close_matches(wanted, list(lowered), n=5, cutoff=0.5)]


def guide_summary(*, guide: Guide) -> dict:
    """The JSON document of ``peoplecraft guide show``."""
    return {
        "title": guide.title,
        "source": guide.source_path or None,
        "areas": [
            {
                "number": progress.area.number,
                "title": progress.area.title,
                "done": progress.done,
                "total": progress.total,
                "skills": [{"name": s.name, "description": s.description, "status": s.status} for s in progress.skills],
            }
            for progress in skill_map_get(guide=guide)
        ],
    }


def status_changes_between(*, owner, start, end) -> list[SkillStatusChange]:
    """Skill status changes in ``[start, end)`` across ``owner``'s guides, oldest first (weekly review)."""
    changes = SkillStatusChange.objects.filter(
        skill__area__guide__owner=owner, changed_at__gte=start, changed_at__lt=end
    ).exclude(source="import")
    return list(changes.select_related("skill").order_by("changed_at", "pk"))
