"""PostgreSQL: a stored, GIN-indexed ``tsvector`` column replaces the expression index of 0002.

With only an expression index, the planner often reaches an owner's entries by the owner index
and then computes ``to_tsvector`` for every one of them (55 ms for a word with no hits over 330
entries). A generated column is computed once when an entry is written; the search compares
against it, by the GIN index or row by row, without re-parsing any text. The column is invisible
to the ORM (SQLite has no ``tsvector``): ``journal/search.py`` reads it by name. No-op on SQLite.
"""

from django.db import migrations

COLUMN = "search_vector"
INDEX = "journal_entry_search_vector"
OLD_INDEX = "journal_entry_search"
# Exactly what SearchVector("title", "body", config="english") compiles to, so results do not change.
EXPRESSION = "to_tsvector('english'::regconfig, COALESCE(title, '') || ' ' || COALESCE(body, ''))"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE journal_entry ADD COLUMN {COLUMN} tsvector GENERATED ALWAYS AS ({EXPRESSION}) STORED")
    schema_editor.execute(f"CREATE INDEX {INDEX} ON journal_entry USING GIN ({COLUMN})")
    schema_editor.execute(f"DROP INDEX IF EXISTS {OLD_INDEX}")
    schema_editor.execute("ANALYZE journal_entry")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    schema_editor.execute(f"ALTER TABLE journal_entry DROP COLUMN IF EXISTS {COLUMN}")
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {OLD_INDEX} ON journal_entry USING GIN (({EXPRESSION}))")


class Migration(migrations.Migration):
    dependencies = [("journal", "0003_entry_note_source")]

    operations = [migrations.RunPython(forwards, backwards)]
