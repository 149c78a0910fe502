"""PostgreSQL journal search reads a stored, indexed tsvector (migration 0004), never to_tsvector per row."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection

from peoplecraft.core.bootstrap import analyze_database
from peoplecraft.journal import search
from peoplecraft.journal.models import Entry
from peoplecraft.journal.selectors import EntryFilters
from peoplecraft.journal.services import EntryInput, entry_create

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif("connection.vendor != 'postgresql'", reason="PostgreSQL full-text search")


@postgres_only
def test_the_stored_vector_is_kept_by_postgres_and_the_search_uses_it(owner):
    entry = entry_create(owner=owner, data=EntryInput(entry_date=date(2026, 3, 2), body="We negotiated the deadline."))
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_vector::text FROM journal_entry WHERE id = %s", [entry.pk])
        assert "'negoti'" in cursor.fetchone()[0]  # stemmed by the english configuration
    found = search.entry_search(owner=owner, text="negotiating", filters=EntryFilters())
    assert [hit.entry.pk for hit in found.hits] == [entry.pk]
    Entry.objects.filter(pk=entry.pk).update(body="Nothing about it now.")
    assert search.entry_search(owner=owner, text="negotiating", filters=EntryFilters()).hits == []


@postgres_only
def test_the_search_query_matches_the_stored_column_not_a_fresh_to_tsvector(owner):
    from django.contrib.postgres.search import SearchQuery

    entries = Entry.objects.filter(owner=owner)
    matching = entries.alias(search=search._stored_vector()).filter(search=SearchQuery("deadline", config="english"))
    sql = str(matching.query)
    assert '"journal_entry"."search_vector") @@' in sql and "to_tsvector" not in sql
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'journal_entry'")
        definitions = " ".join(row[0] for row in cursor.fetchall())
    assert "gin (search_vector)" in definitions and "to_tsvector" not in definitions


def test_analysing_the_database_works_on_either_database():
    analyze_database()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT reltuples >= 0 FROM pg_class WHERE relname = 'journal_entry'")
            assert cursor.fetchone()[0] is True
