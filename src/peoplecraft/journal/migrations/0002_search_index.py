"""The full-text index: an FTS5 table on SQLite, a GIN expression index on PostgreSQL.

Each branch is a no-op on the other database. The PostgreSQL index is over exactly the
expression the search selector filters on (``SearchVector("title", "body", config="english")``),
so the planner uses it.
"""

from django.db import migrations

FTS_CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS journal_entry_fts USING fts5("
    "title, body, tags, tokenize = 'porter unicode61 remove_diacritics 2')"
)
GIN_NAME = "journal_entry_search"


def _gin_index():
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVector

    return GinIndex(SearchVector("title", "body", config="english"), name=GIN_NAME)


def create_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(FTS_CREATE)
        schema_editor.execute(
            # rowid = the search key (date ordinal << 40 | id), as in journal/search_index.py
            "INSERT INTO journal_entry_fts (rowid, title, body, tags) SELECT "
            "((CAST(julianday(entry_date) - 1721424.5 AS INTEGER) << 40) | id), title, body, '' FROM journal_entry"
        )
    elif vendor == "postgresql":
        schema_editor.add_index(apps.get_model("journal", "Entry"), _gin_index())


def drop_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS journal_entry_fts")
    elif vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("journal", "Entry"), _gin_index())


class Migration(migrations.Migration):
    dependencies = [("journal", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]
