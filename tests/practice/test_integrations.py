"""Practice feeds the weekly review and the journal; writing drafts are practice of Written Communication."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from peoplecraft.goals.review import weekly_review
from peoplecraft.journal.sources import link_kinds, suggested_prompts
from peoplecraft.practice import services
from peoplecraft.practice.models import PracticeEntry
from peoplecraft.skillmap import selectors as skillmap_selectors
from peoplecraft.writing.services import draft_save

pytestmark = pytest.mark.django_db


def test_logged_practice_appears_in_the_weekly_review(owner, imported_guide):
    today = timezone.localdate()
    entry = services.practice_entry_log(owner=owner, skill="Mediation", occurred_on=today, situation="Team retro")
    services.practice_entry_log(
        owner=owner, skill="Mediation", occurred_on=today - timedelta(days=14), situation="Two weeks ago"
    )
    review = weekly_review(owner=owner, day=today)
    practice = [item for item in review.practised if item.kind == "practice"]
    assert [(item.title, item.skill) for item in practice] == [("Team retro", "Mediation")]
    assert link_kinds()["practice"].exists(owner, entry.pk)


def test_missed_card_suggests_a_journal_prompt(owner, imported_guide):
    services.card_grade(owner=owner, card_id=_card_of("Empathy"), grade="missed")
    prompts = [prompt for prompt in suggested_prompts(owner) if prompt.source == "practice"]
    assert len(prompts) == 1 and "did not happen" in prompts[0].question
    assert prompts[0].skill_ids == (skillmap_selectors.skill_find(guide=imported_guide, name="Empathy").pk,)


def test_a_new_draft_is_logged_once_as_written_communication_practice(owner, imported_guide):
    draft = draft_save(owner=owner, text="The plan was approved by Ana.", context="email", title="Plan")
    draft_save(owner=owner, text="Ana approved the plan.", context="email", title="Plan", draft=draft)
    entries = list(PracticeEntry.objects.filter(owner=owner))
    assert len(entries) == 1
    assert entries[0].skill.name == "Written Communication" and entries[0].source == "writing"
    assert entries[0].source_ref == f"writing-draft:{draft.pk}" and "clarity" in entries[0].what_happened


def _card_of(skill_name: str) -> str:
    from peoplecraft.practice.content import bundled_cards

    return next(card.id for card in bundled_cards() if card.skill == skill_name)
