"""A read-only data directory: recognise the errors it causes and say what is wrong, naming the path.

SQLite reports a read-only database file as "attempt to write a readonly database" at the first
write, and a read-only data directory as "unable to open database file" (it cannot create the
``-wal`` and ``-shm`` files beside the database). Files Peoplecraft keeps in the directory raise
``PermissionError``. The command line turns these into one message and exit 1, the web into a
503 page, and ``/healthz`` reports them. Django is imported only when an error is examined.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DENIED = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})


@dataclass(frozen=True)
class ReadOnly:
    """The path that cannot be written: the data directory itself, or a file in it."""

    path: Path
    is_directory: bool

    def __str__(self) -> str:
        if self.is_directory and not self.path.exists():
            return f"The data directory {self.path} cannot be created: {self.path.parent} is read-only."
        what = "data directory" if self.is_directory else "file"
        return (
            f"The {what} {self.path} is read-only: Peoplecraft cannot save its data. "
            "Make it writable again, or set PEOPLECRAFT_HOME to a writable directory."
        )


def read_only_cause(error: BaseException) -> ReadOnly | None:
    """The read-only path behind ``error`` (or its causes), or None when it has another cause."""
    for cause in _chain(error):
        if isinstance(cause, sqlite3.Error):
            return _from_sqlite(cause)
        if isinstance(cause, OSError) and cause.errno in DENIED and cause.filename:
            return _from_file(Path(os.fsdecode(cause.filename)))
    return None


def unwritable() -> ReadOnly | None:
    """The first of the data directory and the SQLite database files that cannot be written, if any."""
    database = _database()
    if database is None:
        return None
    if not os.access(database.parent, os.W_OK):
        return ReadOnly(database.parent, is_directory=True)
    for path in (database, *(database.with_name(database.name + suffix) for suffix in ("-wal", "-shm"))):
        if path.exists() and not os.access(path, os.W_OK):
            return ReadOnly(path, is_directory=False)
    return None


def _chain(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        yield error
        error = error.__cause__ or error.__context__


def _from_sqlite(error: sqlite3.Error) -> ReadOnly | None:
    """READONLY: the database file; CANTOPEN: the directory (no room for -wal/-shm); IOERR: a read-only mount."""
    name = getattr(error, "sqlite_errorname", "")
    read_only = name.startswith("SQLITE_READONLY") or "readonly database" in str(error)
    if not read_only and not name.startswith(("SQLITE_CANTOPEN", "SQLITE_IOERR")):
        return None
    found = unwritable()
    if found is None and read_only and (database := _database()) is not None:
        return ReadOnly(database, is_directory=False)  # e.g. a read-only mount os.access cannot see
    return found


def _from_file(path: Path) -> ReadOnly | None:
    home = _home()
    if path == home or path in home.parents:  # the directory itself, or a parent it is created in
        return ReadOnly(home, is_directory=True)
    if home not in path.parents:
        return None  # not Peoplecraft's own data: the command that wrote it reports it
    return unwritable() or ReadOnly(path, is_directory=False)


def _home() -> Path:
    from django.conf import settings

    from peoplecraft.core.paths import data_dir_path

    return Path(settings.HOME) if settings.configured else data_dir_path()


def _database() -> Path | None:
    """The SQLite database file in use, or None on another database (PostgreSQL reports its own errors)."""
    from django.conf import settings

    from peoplecraft.core.paths import DATABASE_FILE

    if not settings.configured:
        return _home() / DATABASE_FILE
    from django.db import connection

    name = str(connection.settings_dict["NAME"])
    if connection.vendor != "sqlite" or name.startswith(("file:", ":memory:")):
        return None  # PostgreSQL, or an in-memory test database
    return Path(name)
