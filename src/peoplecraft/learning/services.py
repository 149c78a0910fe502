"""Every write of the reading list. Each function owns its transaction; bad input stores nothing."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peoplecraft.core import trash
from peoplecraft.core.models import TrashedItem
from peoplecraft.learning.catalogue import Resource, bundled_catalogue
from peoplecraft.learning.links import LinkError, clean_url
from peoplecraft.learning.models import ReadingItem, ReadingStatus, ResourceType
from peoplecraft.skillmap.models import Skill

MAX_NOTES = 20_000


class LearningError(ValueError):
    """Bad input for the reading list; ``field`` names the offending field when there is one."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def catalogue_resource(resource_id: str) -> Resource:
    found = next((r for r in bundled_catalogue() if r.id == resource_id), None)
    if found is None:
        raise LearningError(_("No resource '%(id)s' in the catalogue.") % {"id": resource_id}, field="resource")
    return found


def _own_skills(owner, skills: Sequence[Skill]) -> list[Skill]:
    for skill in skills:
        if skill.area.guide.owner_id != owner.pk:
            raise LearningError(_("That skill is not yours."), field="skills")
    return list(skills)


def reading_add_from_catalogue(*, owner, resource_id: str) -> ReadingItem:
    """Put a catalogue resource on the list, linked to the skills of the active guide it helps."""
    resource = catalogue_resource(resource_id)
    names = [name.casefold() for name in resource.skills]
    skills = [
        s
        for s in Skill.objects.filter(area__guide__owner=owner, area__guide__is_active=True, archived_at=None)
        if s.name.casefold() in names
    ]
    try:
        with transaction.atomic():
            item = ReadingItem.objects.create(
                owner=owner,
                catalogue_id=resource.id,
                title=resource.title,
                url=resource.url,
                kind=resource.type,
                authors=", ".join(resource.authors),
            )
            item.skills.set(skills)
    except IntegrityError:
        raise LearningError(_("“%(title)s” is already on your list.") % {"title": resource.title}) from None
    return item


def reading_add_own(
    *, owner, title: str, url: str = "", kind: str = ResourceType.OTHER, skills: Sequence[Skill] = (), notes: str = ""
) -> ReadingItem:
    """Add the learner's own resource; the title is what they typed (nothing is fetched)."""
    title = " ".join((title or "").split())
    if not title:
        raise LearningError(_("Give the resource a title."), field="title")
    if len(title) > 300:
        raise LearningError(_("The title is longer than 300 characters."), field="title")
    if kind not in ResourceType.values:
        raise LearningError(_("Unknown type '%(kind)s'.") % {"kind": kind}, field="kind")
    try:
        url = clean_url(url) if (url or "").strip() else ""
    except LinkError as error:
        raise LearningError(str(error), field="url") from None
    if len(notes) > MAX_NOTES:
        raise LearningError(_("The notes are too long."), field="notes")
    chosen = _own_skills(owner, skills)
    with transaction.atomic():
        item = ReadingItem.objects.create(owner=owner, title=title, url=url, kind=kind, notes=notes)
        item.skills.set(chosen)
    return item


def reading_update(*, item: ReadingItem, status: str | None = None, notes: str | None = None) -> ReadingItem:
    """Change status and/or notes. Starting sets ``started_at``; finishing sets ``finished_at``."""
    if status is not None and status not in ReadingStatus.values:
        raise LearningError(_("Choose to do, in progress or done."), field="status")
    if notes is not None and len(notes) > MAX_NOTES:
        raise LearningError(_("The notes are too long."), field="notes")
    now = timezone.now()
    with transaction.atomic():
        if status is not None and status != item.status:
            item.status = status
            if status == ReadingStatus.IN_PROGRESS and item.started_at is None:
                item.started_at = now
            item.finished_at = now if status == ReadingStatus.DONE else None
        if notes is not None:
            item.notes = notes
        item.save(update_fields=["status", "notes", "started_at", "finished_at"])
    return item


def reading_remove(*, item: ReadingItem, return_url: str = "", now=None) -> TrashedItem:
    """Remove the item into the trash: it can be restored for a short while (:mod:`peoplecraft.core.trash`)."""
    return trash.discard(item, owner=item.owner, label=item.title, return_url=return_url, now=now)
