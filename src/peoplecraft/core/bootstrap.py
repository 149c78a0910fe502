"""First run: migrate the database, create the owner and load the default guide.

Called by ``peoplecraft serve`` and by every CLI command, so any command works on a fresh
data directory. Cheap when there is nothing to do: one query of ``django_migrations``
compared with the migration files on disk, instead of loading the whole migration graph.
"""

from __future__ import annotations

import pkgutil
from importlib import import_module

from django.apps import apps
from django.core.management import call_command
from django.db import DatabaseError, connection


def _migration_names_on_disk() -> set[tuple[str, str]]:
    """Every (app label, migration name) shipped with the installed apps, by listing files only."""
    names = set()
    for config in apps.get_app_configs():
        try:
            package = import_module(f"{config.name}.migrations")
        except ModuleNotFoundError:
            continue
        for module in pkgutil.iter_modules(package.__path__):
            if not module.ispkg and not module.name.startswith(("_", "~")):
                names.add((config.label, module.name))
    return names


def _applied_migration_names() -> set[tuple[str, str]]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT app, name FROM django_migrations")
            return set(cursor.fetchall())
    except DatabaseError:  # a fresh database: the table does not exist yet
        return set()


def migrations_pending() -> bool:
    """True when a migration file on disk has not been applied to the database.

    A full ``MigrationExecutor`` plan loads and links every migration module (a few hundred
    milliseconds); this check lists the files and runs one query. When it says "pending",
    ``migrate`` does the real, complete work.
    """
    return not _migration_names_on_disk() <= _applied_migration_names()


def migrate_database() -> None:
    """Bring the schema up to date: a new SQLite database loads it in one script, any other migrates."""
    from django.core.management.sql import emit_post_migrate_signal

    from peoplecraft.core import sqlite_schema

    if not migrations_pending():
        return
    if sqlite_schema.load_into_empty(connection, _migration_names_on_disk()):
        emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)
    else:
        call_command("migrate", interactive=False, verbosity=0)
        analyze_database()


def analyze_database() -> None:
    """Refresh the query planner's statistics, after migrations or a restore.

    A table that was rewritten or bulk-loaded has no statistics until autovacuum gets to it:
    until then PostgreSQL guesses, and picked plans three times slower for journal search after a
    restore. SQLite's ``PRAGMA optimize`` analyses only the tables whose statistics are stale.
    """
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA optimize" if connection.vendor == "sqlite" else "ANALYZE")


def bootstrap():
    """Make the installation usable and return the owner account."""
    return bootstrap_first_run()[0]


def bootstrap_first_run():
    """Make the installation usable; return the owner and whether this call created it (first run)."""
    from peoplecraft.accounts.services import owner_ensure_created
    from peoplecraft.skillmap.services import guide_load_default

    migrate_database()
    owner, created = owner_ensure_created()
    guide_load_default(owner=owner)
    purge_trash_if_due()
    return owner, created


def purge_trash_if_due() -> None:
    """Forget deleted rows whose undo window has passed. On a laptop no ``peoplecraft worker`` runs
    the purge task queued at each deletion, so every command and every server start does it; the
    check is one read, and it writes only when something is due."""
    from peoplecraft.core import trash

    if trash.expired_exist():
        trash.purge_expired()
