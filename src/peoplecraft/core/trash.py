"""Undoable deletion: a short-lived trash that holds the exact rows a deletion removed.

Why a generic trash rather than a ``deleted_at`` column on each model: the rows really leave their
tables at once, so no selector, page, CLI list, export or backup has to learn to skip them (a
forgotten ``.filter(deleted_at=None)`` would leak a "deleted" journal entry). What Django's delete
would remove -- the row, the rows that cascade from it, many-to-many links -- is collected with
Django's own :class:`~django.db.models.deletion.Collector`, written to one :class:`TrashedItem` as
Django's python serialization (every microsecond kept), and the links it would set to NULL are
recorded so a restore puts them back. Undo saves the rows back with their primary keys, raw (no
``auto_now``, no custom ``save``), so the restored rows are the same rows.

The trash keeps an item for :data:`WINDOW` (at least 30 seconds, as promised in the interface);
after that it is purged: on every later deletion or undo, and by a task queued for the end of the
window (run by ``peoplecraft worker``). The backup leaves the core app out, so a backup taken
during the window does not hold the deleted rows either.

360° requests are not deleted through here: their sealed answers are destroyed at once (see
docs/anonymity.md).
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterable
from datetime import timedelta

from django.apps import apps
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import router, transaction
from django.db.models import Model, QuerySet
from django.db.models.deletion import Collector
from django.utils import timezone
from django.utils.module_loading import import_string

from peoplecraft.core.models import TrashedItem

WINDOW = timedelta(seconds=60)


class UndoExpired(Exception):
    """The undo window has passed: the rows are purged for good."""


class _ExactEncoder(DjangoJSONEncoder):
    """Date-times and times with every microsecond (Django's encoder cuts them to milliseconds)."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def _rows(objects: Iterable) -> list[Model]:
    return list(objects.all()) if isinstance(objects, QuerySet) else list(objects)


def _collect(instance: Model) -> tuple[Collector, list[Model], list[list]]:
    collector = Collector(using=router.db_for_write(type(instance), instance=instance), origin=instance)
    collector.collect([instance])
    rows: list[Model] = [row for instances in collector.data.values() for row in instances]
    for queryset in collector.fast_deletes:
        rows += _rows(queryset)
    relinks = []
    for (field, _value), batches in collector.field_updates.items():
        for batch in batches:
            for row in _rows(batch):
                relinks.append([row._meta.label_lower, row.pk, field.attname, getattr(row, field.attname)])
    return collector, rows, relinks


def discard(
    instance: Model,
    *,
    owner,
    label: str,
    on_restore: str = "",
    return_url: str = "",
    now: datetime.datetime | None = None,
) -> TrashedItem:
    """Delete ``instance`` (and what cascades from it) into the trash; call inside the caller's checks.

    ``on_restore`` names a ``"module:function"`` called with the restored rows after an undo (to
    rebuild what lives outside the ORM, like the journal's search index).
    """
    now = now or timezone.now()
    with transaction.atomic():
        purge_expired(now=now)
        collector, rows, relinks = _collect(instance)
        serialized = serializers.serialize("python", rows)
        item = TrashedItem.objects.create(
            owner=owner,
            label=label[:300],
            rows=json.dumps(serialized, cls=_ExactEncoder),
            relinks=json.dumps(relinks, cls=_ExactEncoder),
            on_restore=on_restore,
            return_url=return_url[:500],
            deleted_at=now,
        )
        collector.delete()
    _schedule_purge(now + WINDOW)
    return item


def item_get(*, owner, item_id: int) -> TrashedItem:
    """The owner's trashed item (another user's is as absent as a missing one: DoesNotExist → 404)."""
    return TrashedItem.objects.get(owner=owner, pk=item_id)


def restore(*, owner, item_id: int, now: datetime.datetime | None = None) -> TrashedItem:
    """Put the rows of one trashed item back exactly; raises ``UndoExpired`` after the window."""
    now = now or timezone.now()
    with transaction.atomic():
        item = TrashedItem.objects.select_for_update().get(owner=owner, pk=item_id)
        expired = item.deleted_at + WINDOW < now
        if expired:
            item.delete()
    if expired:
        raise UndoExpired(item.label)
    with transaction.atomic():
        item = TrashedItem.objects.select_for_update().get(owner=owner, pk=item_id)
        restored = []
        for deserialized in serializers.deserialize("python", json.loads(item.rows)):
            deserialized.save(save_m2m=False)  # link rows come back as rows of their own
            restored.append(deserialized.object)
        for label, pk, attname, value in json.loads(item.relinks):
            apps.get_model(label)._base_manager.filter(pk=pk).update(**{attname: value})
        if item.on_restore:
            hook: Callable = import_string(item.on_restore.replace(":", "."))
            hook(restored)
        item.delete()
    return item


def expired_exist(*, now: datetime.datetime | None = None) -> bool:
    """Whether an item's undo window has passed (a read, for callers that must not write for nothing)."""
    now = now or timezone.now()
    return TrashedItem.objects.filter(deleted_at__lt=now - WINDOW).exists()


def purge_expired(*, now: datetime.datetime | None = None) -> int:
    """Forget every trashed item older than the window; returns how many."""
    now = now or timezone.now()
    deleted, _ = TrashedItem.objects.filter(deleted_at__lt=now - WINDOW).delete()
    return deleted


def _schedule_purge(when: datetime.datetime) -> None:
    """Queue the purge for the end of the window (``peoplecraft worker`` runs it)."""
    from peoplecraft.core.tasks import purge_trash

    transaction.on_commit(lambda: purge_trash.using(run_after=when + timedelta(seconds=1)).enqueue())
