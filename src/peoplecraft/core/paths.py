"""Where Peoplecraft keeps its data: one directory, chosen by ``PEOPLECRAFT_HOME``.

This module is imported by the settings, so it must stay free of Django imports.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

SECRET_KEY_FILE = "secret_key"  # noqa: S105 - a file name, not a secret
DATABASE_FILE = "peoplecraft.sqlite3"


def data_dir_path() -> Path:
    """Where the data directory is (``PEOPLECRAFT_HOME`` or the platform's place), without creating it."""
    configured = os.environ.get("PEOPLECRAFT_HOME")
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("peoplecraft", appauthor=False))


def data_dir() -> Path:
    """Return the data directory, creating it (mode 0700) on first use."""
    path = data_dir_path()
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


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
