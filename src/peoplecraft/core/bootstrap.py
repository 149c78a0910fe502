"""First run: migrate the database, create the owner and load the default guide.

Called by ``peoplecraft serve`` and by every CLI command, so any command works on a fresh
data directory. Cheap when there is nothing to do (one migration-plan check).
"""

from __future__ import annotations

from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrations_pending() -> bool:
    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def bootstrap():
    """Make the installation usable and return the owner account."""
    from peoplecraft.accounts.services import owner_ensure
    from peoplecraft.skillmap.services import guide_load_default

    if migrations_pending():
        call_command("migrate", interactive=False, verbosity=0)
    owner = owner_ensure()
    guide_load_default(owner=owner)
    return owner
