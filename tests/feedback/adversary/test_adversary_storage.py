"""Attack 2, storage part (issue 13): what is deleted is gone from the file; nobody else can read the files.

Played with real processes on a real data directory: a deleted row must not survive in the
database file (SQLite ``secure_delete``), and the data directory must be 0700 with its database
and key files 0600 — also when the directory was made earlier with looser modes.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

PEOPLECRAFT = str(Path(sys.executable).with_name("peoplecraft"))
MARKER = "Zq7-deleted-draft-marker-Zq7"


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return env | {"PEOPLECRAFT_HOME": str(home)}


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _peoplecraft(home: Path, *args: str) -> None:
    done = subprocess.run([PEOPLECRAFT, *args], env=_env(home), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


# Debian builds SQLite with SECURE_DELETE on by default; other builds (Python.org's, macOS) do not.
# Each connection here starts with it off, as those builds do: Peoplecraft must turn it on itself.
LIBRARY_DEFAULT_OFF = """
import sqlite3.dbapi2
_connect = sqlite3.dbapi2.connect
def _connect_default_off(*args, **kwargs):
    connection = _connect(*args, **kwargs)
    connection.execute("PRAGMA secure_delete=OFF")
    return connection
sqlite3.dbapi2.connect = _connect_default_off
"""


def _python(home: Path, code: str) -> str:
    script = LIBRARY_DEFAULT_OFF + 'import os\nos.environ["DJANGO_SETTINGS_MODULE"] = "peoplecraft.config.settings"\n'
    script += "import django\ndjango.setup()\n" + textwrap.dedent(code)
    done = subprocess.run([sys.executable, "-c", script], env=_env(home), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_deleted_row_leaves_no_trace_in_the_database_file(tmp_path):
    home = tmp_path / "home"
    _peoplecraft(home, "guide", "list")  # first run: the database exists
    _python(
        home,
        f"""
        from peoplecraft.accounts.models import User
        User.objects.create(username="rater-draft", public_name={MARKER * 20!r})
        """,
    )
    database = home / "peoplecraft.sqlite3"
    assert MARKER.encode() in database.read_bytes() + _wal(database)  # the row was written
    out = _python(
        home,
        """
        from django.db import connection
        from peoplecraft.accounts.models import User
        User.objects.filter(username="rater-draft").delete()
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA secure_delete")
            print(cursor.fetchone()[0])
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        """,
    )
    assert out.strip() == "1"
    assert MARKER.encode() not in database.read_bytes() + _wal(database)


def _wal(database: Path) -> bytes:
    wal = database.with_name(database.name + "-wal")
    return wal.read_bytes() if wal.exists() else b""


def test_a_new_data_directory_and_its_database_are_private(tmp_path):
    home = tmp_path / "home"
    old = os.umask(0o022)
    try:
        _peoplecraft(home, "guide", "list")
    finally:
        os.umask(old)
    assert _mode(home) == 0o700
    for name in ("peoplecraft.sqlite3", "secret_key"):
        assert _mode(home / name) == 0o600, name


def test_an_existing_loose_data_directory_is_made_private_at_start(tmp_path):
    home = tmp_path / "home"
    _peoplecraft(home, "guide", "list")
    home.chmod(0o755)
    loose = ["peoplecraft.sqlite3", "secret_key", "sealing.key", "peoplecraft.sqlite3-wal", "peoplecraft.sqlite3-shm"]
    (home / "sealing.key").write_bytes(b"k" * 32)
    for name in loose:
        (home / name).touch()
        (home / name).chmod(0o644)
    (home / "notes.txt").write_text("not Peoplecraft's")
    (home / "notes.txt").chmod(0o644)
    _peoplecraft(home, "guide", "list")
    assert _mode(home) == 0o700
    for name in loose:
        path = home / name
        assert not path.exists() or _mode(path) == 0o600, f"{name} is {oct(_mode(path))}"
    assert _mode(home / "peoplecraft.sqlite3") == 0o600 and _mode(home / "secret_key") == 0o600
    assert _mode(home / "sealing.key") == 0o600
    assert _mode(home / "notes.txt") == 0o644  # only Peoplecraft's own files are changed
