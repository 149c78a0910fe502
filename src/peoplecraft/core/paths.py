"""Where Peoplecraft keeps its data: one directory, chosen by ``PEOPLECRAFT_HOME``.

This module is imported by the settings, so it must stay free of Django imports.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

SECRET_KEY_FILE = "secret_key"  # noqa: S105 - a file name, not a secret
DATABASE_FILE = "peoplecraft.sqlite3"
SEALING_KEY_FILE = "sealing.key"
# SQLite's companions of a database file: the write-ahead log, its index, a rollback journal.
DATABASE_COMPANIONS = ("-wal", "-shm", "-journal")


def data_dir_path() -> Path:
    """Where the data directory is (``PEOPLECRAFT_HOME`` or the platform's place), without creating it."""
    configured = os.environ.get("PEOPLECRAFT_HOME")
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("peoplecraft", appauthor=False))


def data_dir() -> Path:
    """Return the data directory, creating it (mode 0700) on first use.

    A directory made by an older version (or by hand) may be 0755 with 0644 files in it: every
    start takes the group's and others' access away from it and from Peoplecraft's own files,
    so another account on the machine cannot read the database, its WAL or the keys.
    """
    path = data_dir_path()
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    make_private(path)
    for name in (SECRET_KEY_FILE, SEALING_KEY_FILE):
        make_private(path / name)
    database_files_private(path / DATABASE_FILE)
    return path


def database_files_private(database: Path) -> None:
    """Make a SQLite database file and its companions (-wal, -shm, -journal) private to their owner."""
    for path in (database, *(database.with_name(database.name + suffix) for suffix in DATABASE_COMPANIONS)):
        make_private(path)


def make_private(path: Path) -> None:
    """Remove the group's and others' permissions from ``path``, if it exists.

    The owner's own bits are kept: a data directory made read-only on purpose stays read-only
    (and is reported as such). A file that cannot be changed (another owner, a read-only mount)
    is left alone: the owner's access checks report real problems.
    """
    try:
        mode = path.stat().st_mode & 0o7777
        if mode & 0o077:
            path.chmod(mode & ~0o077)
    except OSError:
        pass


def secret_key(home: Path) -> str:
    """Read the secret key from ``home``, generating it into a 0600 file on first run.

    The file is created with ``O_EXCL`` so two processes starting at once cannot
    both write a key: the loser reads the winner's.
    """
    path = home / SECRET_KEY_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_key(path)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(secrets.token_urlsafe(50))
    return _read_key(path)


def _read_key(path: Path) -> str:
    key = path.read_text(encoding="ascii").strip()
    if len(key) < 50:
        raise RuntimeError(f"{path}: the secret key is shorter than 50 characters; delete the file to regenerate it")
    return key
