from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "peoplecraft.core"
    label = "core"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        connection_created.connect(_sqlite_files_private, dispatch_uid="peoplecraft.core.sqlite_files_private")


def _sqlite_files_private(sender, connection, **kwargs) -> None:
    """SQLite creates a new database (and its -wal, -shm) with the process umask, often 0644: make them 0600.

    The -wal and -shm files SQLite creates later take the database file's mode, so they stay private.
    """
    if connection.vendor != "sqlite":
        return
    name = str(connection.settings_dict["NAME"])
    if name and not name.startswith(("file:", ":memory:")):
        from pathlib import Path

        from peoplecraft.core.paths import database_files_private

        database_files_private(Path(name))
