"""The SQLite FTS5 table ``journal_entry_fts``, written by the services only.

Its rowid is a *search key*: the entry date's ordinal shifted left by 40 bits, plus the entry
id. Ordering by rowid is then ordering by (date, id), the journal's own order, and FTS5 can walk
the matches newest first and stop after one page, however many entries match; a date filter
becomes a rowid range. On PostgreSQL there is nothing to keep in step (the GIN index is over
the entry's own columns), so every function here is a no-op there. Callers are inside the
service's transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import connection

TABLE = "journal_entry_fts"
ID_BITS = 40
ID_MASK = (1 << ID_BITS) - 1
# date.toordinal() of a date in SQL: julianday() counts from 4714 BC, toordinal() from 1 AD.
SQL_ORDINAL = "CAST(julianday(e.entry_date) - 1721424.5 AS INTEGER)"


def uses_fts5() -> bool:
    return connection.vendor == "sqlite"


def search_key(entry_date: date, entry_id: int) -> int:
    return (entry_date.toordinal() << ID_BITS) | entry_id


def first_key(day: date) -> int:
    return day.toordinal() << ID_BITS


def last_key(day: date) -> int:
    return first_key(day) | ID_MASK


def index_entry(*, entry_id: int, entry_date: date, old_date: date | None, title: str, body: str, tags) -> None:
    if not uses_fts5():
        return
    with connection.cursor() as cursor:
        if old_date is not None:
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid = %s", [search_key(old_date, entry_id)])  # noqa: S608
        cursor.execute(
            f"INSERT INTO {TABLE} (rowid, title, body, tags) VALUES (%s, %s, %s, %s)",  # noqa: S608
            [search_key(entry_date, entry_id), title, body, " ".join(tags)],
        )


def unindex_entries(entries: Iterable[tuple[int, date]]) -> None:
    keys = [search_key(day, entry_id) for entry_id, day in entries]
    if not uses_fts5() or not keys:
        return
    with connection.cursor() as cursor:
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({marks})", chunk)  # noqa: S608


def rebuild(*, owner_id: int | None = None) -> None:
    """Re-index every entry (of one owner) in two statements: for bulk loads and repairs."""
    if not uses_fts5():
        return
    where, params = ("WHERE e.owner_id = %s", [owner_id]) if owner_id is not None else ("", [])
    key = f"(({SQL_ORDINAL} << {ID_BITS}) | e.id)"
    with connection.cursor() as cursor:
        if owner_id is None:
            cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608
        else:
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN (SELECT {key} FROM journal_entry e {where})", params)  # noqa: S608
        cursor.execute(
            f"INSERT INTO {TABLE} (rowid, title, body, tags) "  # noqa: S608
            f"SELECT {key}, e.title, e.body, COALESCE((SELECT group_concat(t.name, ' ') FROM journal_entrytag t "
            f"WHERE t.entry_id = e.id), '') FROM journal_entry e {where}",
            params,
        )


def matching_keys(match: str, *, below: int, above: int, limit: int) -> list[int]:
    """Search keys of matches in ``[above, below]``, newest first."""
    sql = (
        f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s AND rowid <= %s AND rowid >= %s "  # noqa: S608
        "ORDER BY rowid DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, below, above, limit])
        return [row[0] for row in cursor.fetchall()]


def matching_sql(
    match: str,
    *,
    columns: str,
    owner_id: int,
    below: int,
    above: int,
    limit: int,
    mood: int | None = None,
    tag: str = "",
    skill_id: int | None = None,
) -> tuple[str, list]:
    """SQL selecting ``columns`` of entry ``e`` for ``owner_id``'s first ``limit`` matches in
    ``[above, below]`` that pass the filters, newest first.

    One statement: ``CROSS JOIN`` makes SQLite walk the FTS5 matches in key order (date, id) and
    look each entry up by its primary key, stopping after ``limit`` kept rows, so a page costs
    about the same whether ten entries match or a hundred thousand, and other people's entries
    in between cost one primary-key lookup each.
    """
    where, params = ["e.owner_id = %s"], [match, below, above, owner_id]
    if mood:
        where.append("e.mood = %s")
        params.append(mood)
    if tag:
        where.append("EXISTS (SELECT 1 FROM journal_entrytag t WHERE t.entry_id = e.id AND t.name = %s)")
        params.append(tag)
    if skill_id:
        where.append("EXISTS (SELECT 1 FROM journal_entry_skills s WHERE s.entry_id = e.id AND s.skill_id = %s)")
        params.append(skill_id)
    sql = (
        f"SELECT {columns} FROM {TABLE} CROSS JOIN journal_entry e ON e.id = ({TABLE}.rowid & {ID_MASK}) "  # noqa: S608
        f"WHERE {TABLE} MATCH %s AND {TABLE}.rowid <= %s AND {TABLE}.rowid >= %s AND {' AND '.join(where)} "
        f"ORDER BY {TABLE}.rowid DESC LIMIT %s"
    )
    return sql, [*params, limit]


def snippets(match: str, keys: list[int], start: str, end: str, tokens: int) -> dict[int, tuple[str, str]]:
    """Entry id -> (highlighted title, body snippet) for the given search keys.

    A rowid range, not ``rowid IN (…)``: FTS5 re-runs the whole query for each value of an IN
    list, which costs 40 ms for a prefix query; the range is one pass (rows outside ``keys``
    that fall in it are dropped here).
    """
    if not keys:
        return {}
    sql = (
        f"SELECT rowid, highlight({TABLE}, 0, %s, %s), snippet({TABLE}, 1, %s, %s, '…', {int(tokens)}) "  # noqa: S608
        f"FROM {TABLE} WHERE {TABLE} MATCH %s AND rowid >= %s AND rowid <= %s"
    )
    wanted = set(keys)
    with connection.cursor() as cursor:
        cursor.execute(sql, [start, end, start, end, match, min(keys), max(keys)])
        return {row[0] & ID_MASK: (row[1], row[2]) for row in cursor.fetchall() if row[0] in wanted}
