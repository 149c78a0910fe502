"""Moving a test database between migrations, for the tests of a data migration.

Each such test migrates back to the state before its migration, writes old-style rows, migrates
forward and checks them. ``latest_schema_afterwards`` (autouse it with ``pytestmark`` or import it
into the module) leaves the database fully migrated for the tests that run after it.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(target):
    """Migrate to ``target`` (a list of (app, migration) pairs); return the apps of that state."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def latest() -> list[tuple[str, str]]:
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture(autouse=True)
def latest_schema_afterwards():
    """Leave the database at the latest migrations: later tests on this database need every table."""
    yield
    migrate(latest())
