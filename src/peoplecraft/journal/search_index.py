"""The SQLite FTS5 table ``journal_entry_fts`` (rowid = entry id), written by the services only.

On PostgreSQL there is nothing to keep in step (the GIN index is over the entry's own columns),
so every function here is a no-op there. Callers are inside the service's transaction.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection

TABLE = "journal_entry_fts"


def uses_fts5() -> bool:
    return connection.vendor == "sqlite"


def index_entry(*, entry_id: int, title: str, body: str, tags: Iterable[str]) -> None:
    if not uses_fts5():
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE rowid = %s", [entry_id])  # noqa: S608 - constant name
        cursor.execute(
            f"INSERT INTO {TABLE} (rowid, title, body, tags) VALUES (%s, %s, %s, %s)",  # noqa: S608
            [entry_id, title, body, " ".join(tags)],
        )


def unindex_entries(entry_ids: Iterable[int]) -> None:
    ids = list(entry_ids)
    if not uses_fts5() or not ids:
        return
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({marks})", chunk)  # noqa: S608


def rebuild(*, owner_id: int | None = None) -> None:
    """Re-index every entry (of one owner) in two statements: for bulk loads and repairs."""
    if not uses_fts5():
        return
    where, params = ("WHERE e.owner_id = %s", [owner_id]) if owner_id is not None else ("", [])
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {TABLE} WHERE rowid IN (SELECT e.id FROM journal_entry e {where})",  # noqa: S608
            params,
        )
        cursor.execute(
            f"INSERT INTO {TABLE} (rowid, title, body, tags) "  # noqa: S608
            "SELECT e.id, e.title, e.body, COALESCE((SELECT group_concat(t.name, ' ') FROM journal_entrytag t "
            f"WHERE t.entry_id = e.id), '') FROM journal_entry e {where}",
            params,
        )
