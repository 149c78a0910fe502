"""Undoable deletion (core.trash): hidden at once, restored exactly within the window, purged after it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from peoplecraft.core import trash
from peoplecraft.core.models import TrashedItem
from peoplecraft.exchange.backup import backup_document
from peoplecraft.journal import exchange, search, selectors, services
from peoplecraft.journal.models import Entry
from peoplecraft.journal.selectors import EntryFilters

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(owner, imported_guide):
    from peoplecraft.skillmap.models import Skill

    skill = Skill.objects.filter(area__guide=imported_guide).first()
    data = services.EntryInput(
        entry_date=date(2025, 3, 3),
        title="Hard talk with Sam",
        body="We disagreed about the launch date.",
        tags=["team", "one-to-one"],
        mood=2,
        skill_ids=[skill.pk],
    )
    return services.entry_create(owner=owner, data=data)


def _visible(owner) -> list[int]:
    return [row.pk for row in Entry.objects.filter(owner=owner)]


def test_delete_hides_the_entry_everywhere_at_once(owner, entry):
    services.entry_delete(entry=entry)
    assert _visible(owner) == []
    assert not search.entry_search(owner=owner, text="launch", filters=EntryFilters()).hits
    assert selectors.entry_page(owner=owner, filters=EntryFilters())[0] == []
    assert b"launch date" not in exchange.journal_zip(owner=owner)
    document = backup_document()
    assert not any(row["model"].startswith("journal.") for row in document["objects"])
    assert not any(row["model"].startswith("core.") for row in document["objects"])


def test_undo_within_the_window_restores_the_same_rows(owner, entry):
    before, entry_id = backup_document(), entry.pk
    t0 = timezone.now()
    item = trash.restore(
        owner=owner, item_id=services.entry_delete(entry=entry, now=t0).pk, now=t0 + timedelta(seconds=30)
    )
    assert item.label == "Hard talk with Sam"
    assert backup_document() == before  # every row, microsecond and many-to-many link as it was
    assert [hit.entry.pk for hit in search.entry_search(owner=owner, text="launch", filters=EntryFilters()).hits] == [
        entry_id
    ]
    assert not TrashedItem.objects.exists()


def test_undo_after_the_window_is_refused_and_purges(owner, entry):
    t0 = timezone.now()
    item = services.entry_delete(entry=entry, now=t0)
    with pytest.raises(trash.UndoExpired):
        trash.restore(owner=owner, item_id=item.pk, now=t0 + trash.WINDOW + timedelta(seconds=1))
    assert _visible(owner) == [] and not TrashedItem.objects.exists()


def test_purge_forgets_only_items_past_the_window(owner, make_two_entries):
    first, second = make_two_entries
    t0 = timezone.now()
    old = services.entry_delete(entry=first, now=t0)
    recent = services.entry_delete(entry=second, now=t0 + timedelta(seconds=50))
    assert trash.purge_expired(now=t0 + trash.WINDOW + timedelta(seconds=1)) == 1
    assert list(TrashedItem.objects.values_list("pk", flat=True)) == [recent.pk]
    with pytest.raises(TrashedItem.DoesNotExist):
        trash.restore(owner=owner, item_id=old.pk, now=t0 + timedelta(seconds=61))


def test_a_later_deletion_purges_expired_items(owner, make_two_entries):
    first, second = make_two_entries
    t0 = timezone.now()
    services.entry_delete(entry=first, now=t0)
    services.entry_delete(entry=second, now=t0 + timedelta(minutes=5))
    assert TrashedItem.objects.count() == 1


def test_the_window_is_at_least_thirty_seconds():
    assert timedelta(seconds=30) <= trash.WINDOW


def test_another_user_cannot_restore(owner, outsider, entry):
    item = services.entry_delete(entry=entry)
    with pytest.raises(TrashedItem.DoesNotExist):
        trash.restore(owner=outsider, item_id=item.pk)
    assert _visible(owner) == [] and TrashedItem.objects.filter(pk=item.pk).exists()


def test_links_set_to_null_are_put_back(owner, imported_guide):
    """Deleting a skill cascades (practice, focus...) and sets a draft's skill to NULL: undo restores both."""
    from peoplecraft.skillmap.models import Skill
    from peoplecraft.writing.models import Draft

    skill = Skill.objects.filter(area__guide=imported_guide).first()
    skill_id = skill.pk
    draft = Draft.objects.create(owner=owner, text="A short note.", context="general", skill=skill)
    before = backup_document()
    item = trash.discard(skill, owner=owner, label=skill.name)
    assert Draft.objects.get(pk=draft.pk).skill_id is None
    trash.restore(owner=owner, item_id=item.pk)
    assert Draft.objects.get(pk=draft.pk).skill_id == skill_id
    assert backup_document() == before


def test_the_purge_is_queued_for_the_end_of_the_window(owner, entry, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    t0 = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        services.entry_delete(entry=entry, now=t0)
    task = DBTaskResult.objects.get(task_path="peoplecraft.core.tasks.purge_trash")
    assert task.run_after > t0 + trash.WINDOW


@pytest.fixture
def make_two_entries(owner):
    def make(title):
        data = services.EntryInput(entry_date=date(2025, 3, 3), title=title, body="Body of " + title)
        return services.entry_create(owner=owner, data=data)

    return make("First"), make("Second")


def test_the_worker_task_purges_what_is_past_the_window(owner, entry):
    from peoplecraft.core.tasks import purge_trash

    services.entry_delete(entry=entry, now=timezone.now() - trash.WINDOW - timedelta(seconds=1))
    assert purge_trash.call() == 1
    assert not TrashedItem.objects.exists()
