"""Writes for the writing coach: saving and deleting drafts (each with its analysis figures)."""

from __future__ import annotations

from django.db import transaction

from peoplecraft.skillmap.selectors import skill_in_active_guide
from peoplecraft.writing.analyzer import analyze
from peoplecraft.writing.models import Draft

WRITTEN_COMMUNICATION = "Written Communication"


def draft_save(*, owner, text: str, context: str, title: str = "", draft: Draft | None = None) -> Draft:
    """Analyse ``text`` and store it as a new draft or over ``draft`` (which must be ``owner``'s)."""
    if draft is not None and draft.owner_id != owner.pk:
        raise PermissionError("not your draft")
    result = analyze(text, context=context)
    target = draft or Draft(owner=owner)
    target.title = title.strip()[:200]
    target.context = context
    target.text = text
    target.words = result.stats["words"]
    target.score = result.score
    target.readability = result.stats["readability"]
    target.grade = result.stats["flesch_kincaid_grade"]
    target.passive_rate = result.stats["passive_rate"]
    target.findings = len(result.findings)
    if target.skill_id is None:
        target.skill = skill_in_active_guide(owner=owner, name=WRITTEN_COMMUNICATION)
    with transaction.atomic():
        target.save()
    return target


def draft_delete(*, draft: Draft) -> None:
    with transaction.atomic():
        draft.delete()
