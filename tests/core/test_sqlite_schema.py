"""A fresh SQLite database loads the schema in one script; it must equal what the migrations build."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from peoplecraft.core.sqlite_schema import SCHEMA_FILE, dump, load_into_empty, recorded_migrations

PEOPLECRAFT = Path(sys.executable).with_name("peoplecraft")
MIGRATE = """
import os
os.environ["DJANGO_SETTINGS_MODULE"] = "peoplecraft.config.settings"
import django
django.setup()
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
"""


def _env(home: Path) -> dict[str, str]:
    env = {**os.environ, "PEOPLECRAFT_HOME": str(home)}
    env.pop("DATABASE_URL", None)
    return env


def _database(home: Path) -> sqlite3.Connection:
    return sqlite3.connect(home / "peoplecraft.sqlite3")


def _counts(database: sqlite3.Connection) -> tuple[int, int]:
    types = database.execute("SELECT count(*) FROM django_content_type").fetchone()[0]
    permissions = database.execute("SELECT count(*) FROM auth_permission").fetchone()[0]
    return types, permissions


def test_the_committed_script_is_what_the_migrations_build_and_a_fresh_home_gets_it(tmp_path):
    slow, fast = tmp_path / "migrated", tmp_path / "fresh"
    migrated = subprocess.run(
        [sys.executable, "-c", MIGRATE], env=_env(slow), capture_output=True, text=True, timeout=300
    )
    assert migrated.returncode == 0, migrated.stderr
    with contextlib.closing(_database(slow)) as database:
        assert dump(database.cursor()) == SCHEMA_FILE.read_text(encoding="utf-8"), (
            "src/peoplecraft/core/sqlite_schema.sql is stale: run python -m peoplecraft.core.sqlite_schema --write"
        )
        slow_counts = _counts(database)

    first = subprocess.run(
        [str(PEOPLECRAFT), "guide", "show", "--format", "json"], env=_env(fast), capture_output=True, timeout=120
    )
    assert first.returncode == 0, first.stderr
    with contextlib.closing(_database(fast)) as database:
        assert dump(database.cursor()) == SCHEMA_FILE.read_text(encoding="utf-8")
        assert _counts(database) == slow_counts  # post_migrate ran: content types and permissions exist
        assert database.execute("PRAGMA journal_mode").fetchone() == ("wal",)


class _Connection:
    """The little of Django's connection that ``load_into_empty`` uses, over a plain sqlite3 file."""

    vendor = "sqlite"

    def __init__(self, path: Path):
        self.connection = sqlite3.connect(path)

    def cursor(self):
        return contextlib.closing(self.connection.cursor())


def _tables(connection: _Connection) -> int:
    return connection.connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]


def test_a_migration_missing_from_the_script_falls_back_to_migrate(tmp_path):
    shipped = recorded_migrations(SCHEMA_FILE.read_text(encoding="utf-8"))
    connection = _Connection(tmp_path / "new.sqlite3")
    assert load_into_empty(connection, shipped | {("journal", "9999_not_in_the_script")}) is False
    assert _tables(connection) == 0
    assert load_into_empty(connection, shipped) is True
    assert _tables(connection) > 50
    applied = set(connection.connection.execute("SELECT app, name FROM django_migrations").fetchall())
    assert applied == shipped


def test_a_database_with_tables_is_never_touched(tmp_path):
    connection = _Connection(tmp_path / "existing.sqlite3")
    connection.connection.execute("CREATE TABLE mine (x)")
    shipped = recorded_migrations(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert load_into_empty(connection, shipped) is False
    assert _tables(connection) == 1
