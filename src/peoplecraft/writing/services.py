"""Writes for the writing coach: saving and deleting drafts (each with its analysis figures)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peoplecraft.core import trash
from peoplecraft.core.models import TrashedItem
from peoplecraft.practice.models import EntrySource
from peoplecraft.practice.services import practice_entry_log
from peoplecraft.skillmap.selectors import skill_in_active_guide
from peoplecraft.writing.analyzer import analyze
from peoplecraft.writing.models import Draft
from peoplecraft.writing.selectors import WRITTEN_COMMUNICATION


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
    created = target.pk is None
    with transaction.atomic():
        target.save()
        if created and target.skill is not None:
            _log_practice(target)
    return target


def _log_practice(draft: Draft) -> None:
    """A new draft is a practice session of Written Communication, with its analysis as the note."""
    practice_entry_log(
        owner=draft.owner,
        skill=draft.skill,
        occurred_on=timezone.localdate(),
        situation=_("Writing: %(title)s") % {"title": draft.title or draft.get_context_display()},
        what_happened=_("%(words)s words, clarity %(score)s/100, grade %(grade).1f, %(passive)d%% passive sentences.")
        % {
            "words": draft.words,
            "score": draft.score,
            "grade": draft.grade,
            "passive": round(100 * draft.passive_rate),
        },
        source=EntrySource.WRITING,
        source_ref=f"writing-draft:{draft.pk}",
    )


def draft_delete(*, draft: Draft, return_url: str = "", now=None) -> TrashedItem:
    """Delete the draft into the trash: it can be restored for a short while (:mod:`peoplecraft.core.trash`)."""
    return trash.discard(draft, owner=draft.owner, label=str(draft), return_url=return_url, now=now)
