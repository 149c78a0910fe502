"""Background tasks of the core app (django-tasks, database backend; run by ``peoplecraft worker``)."""

from __future__ import annotations

from django_tasks import task


@task()
def purge_trash() -> int:
    """Forget deleted rows whose undo window has passed (queued for the end of each window)."""
    from peoplecraft.core.trash import purge_expired

    return purge_expired()
