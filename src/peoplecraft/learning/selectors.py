"""Every read of the catalogue and the reading list (prefetched, ownership-checked)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, Prefetch, QuerySet, When

from peoplecraft.core.ownership import get_owned_or_404
from peoplecraft.learning import browse
from peoplecraft.learning.catalogue import Resource, bundled_catalogue, find
from peoplecraft.learning.models import ReadingItem, ReadingStatus
from peoplecraft.skillmap.models import Skill

_SKILLS = Prefetch("skills", queryset=Skill.objects.select_related("area").order_by("area__position", "position"))


def skill_choices(*, owner) -> QuerySet[Skill]:
    """Live skills of the active guide, in note order: what a resource can be linked to."""
    return Skill.objects.filter(
        area__guide__owner=owner, area__guide__is_active=True, archived_at=None, area__archived_at=None
    ).order_by("area__position", "position")


def catalogue_list(*, skill: str | None = None, kind: str | None = None) -> list[Resource]:
    return find(bundled_catalogue(), skill=skill, kind=kind)


def catalogue_skill_names() -> list[str]:
    """Every skill some catalogue resource is for: the skill filter's choices."""
    return browse.skill_names(bundled_catalogue())


def catalogue_query(values) -> browse.Query:
    """Check search and filter values (a GET form or CLI options); raises ``browse.QueryError``."""
    return browse.parse_query(values, skills=catalogue_skill_names())


def catalogue_search(query: browse.Query) -> list[Resource]:
    return browse.search(bundled_catalogue(), query)


def catalogue_get(resource_id: str) -> Resource | None:
    return next((r for r in bundled_catalogue() if r.id == resource_id), None)


def reading_list(*, owner, status: str | None = None, skill: Skill | None = None) -> QuerySet[ReadingItem]:
    items = ReadingItem.objects.filter(owner=owner).prefetch_related(_SKILLS)
    if status:
        items = items.filter(status=status)
    if skill is not None:
        items = items.filter(skills=skill)
    return items


def reading_get(*, owner, item_id: int) -> ReadingItem:
    return get_owned_or_404(ReadingItem.objects.prefetch_related(_SKILLS), owner, pk=item_id)


def reading_find(*, owner, ident: str) -> ReadingItem | None:
    """An item by its number or by the catalogue id it came from."""
    items = ReadingItem.objects.filter(owner=owner).prefetch_related(_SKILLS)
    if ident.isdigit():
        return items.filter(pk=int(ident)).first()
    return items.filter(catalogue_id=ident).first()


def catalogue_ids_on_list(*, owner) -> dict[str, int]:
    """Catalogue id -> reading item id, to mark what is already on the list."""
    rows = ReadingItem.objects.filter(owner=owner).exclude(catalogue_id="").values_list("catalogue_id", "pk")
    return dict(rows)


@dataclass(frozen=True)
class SkillReading:
    done: list[ReadingItem]
    in_progress: list[ReadingItem]
    to_do: int
    suggestions: list[Resource]


def skill_reading(*, skill: Skill) -> SkillReading:
    """The skill page's evidence: finished resources, those under way, and catalogue suggestions."""
    items = list(skill.reading_items.filter(owner=skill.area.guide.owner_id).order_by("-finished_at", "-added_at"))
    on_list = {item.catalogue_id for item in items}
    suggestions = [r for r in catalogue_list(skill=skill.name) if r.id not in on_list][:3]
    return SkillReading(
        done=[i for i in items if i.status == ReadingStatus.DONE],
        in_progress=[i for i in items if i.status == ReadingStatus.IN_PROGRESS],
        to_do=sum(1 for i in items if i.status == ReadingStatus.TODO),
        suggestions=suggestions,
    )


def item_document(item: ReadingItem) -> dict:
    """The JSON form of a reading item (CLI ``learn show`` / ``learn list --mine``)."""
    return {
        "id": item.pk,
        "catalogue_id": item.catalogue_id or None,
        "title": item.title,
        "type": item.kind,
        "authors": item.authors,
        "url": item.url or None,
        "status": item.status,
        "notes": item.notes,
        "skills": [skill.name for skill in item.skills.all()],
        "added_at": item.added_at.isoformat(),
        "finished_at": item.finished_at.isoformat() if item.finished_at else None,
    }


def resource_document(resource: Resource, *, on_list: int | None = None) -> dict:
    return {
        "id": resource.id,
        "type": resource.type,
        "title": resource.title,
        "authors": list(resource.authors),
        "year": resource.year,
        "isbn": resource.isbn or None,
        "url": resource.url or None,
        "source": resource.source or None,
        "edition": resource.edition or None,
        "skills": list(resource.skills),
        "summary": resource.summary,
        "evidence": resource.evidence or None,
        "verified": (
            {"on": resource.verified.on.isoformat(), "by": resource.verified.by} if resource.verified else None
        ),
        "minutes": resource.minutes,
        "cost": resource.cost,
        "on_your_list": on_list,
    }


def reading_next(*, owner) -> ReadingItem | None:
    """What to read next: the item started longest ago, else the one added first (one query)."""
    started = Case(When(status=ReadingStatus.IN_PROGRESS, then=0), default=1)
    items = ReadingItem.objects.filter(owner=owner).exclude(status=ReadingStatus.DONE)
    return items.order_by(started, "started_at", "added_at", "pk").first()
