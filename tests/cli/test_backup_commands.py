"""``peoplecraft backup`` end to end on real SQLite data directories (separate processes)."""

from __future__ import annotations

import os
import subprocess
import sys


def _run(home, *args):
    env = {**os.environ, "PEOPLECRAFT_HOME": str(home)}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "peoplecraft", *args], env=env, capture_output=True, text=True, timeout=180
    )


def test_backup_into_a_new_home_and_back_is_byte_identical(tmp_path, guide_path):
    first, second = tmp_path / "first", tmp_path / "second"
    assert _run(first, "guide", "import", str(guide_path)).returncode == 0
    assert _run(first, "guide", "mark", "written communication", "--done").returncode == 0
    created = _run(first, "backup", "create", str(tmp_path / "a.json"))
    assert created.returncode == 0, created.stderr

    restored = _run(second, "backup", "restore", str(tmp_path / "a.json"))
    assert restored.returncode == 0, restored.stderr
    assert _run(second, "backup", "create", str(tmp_path / "b.json")).returncode == 0
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert (
        _run(second, "guide", "show", "--format", "json").stdout
        == _run(first, "guide", "show", "--format", "json").stdout
    )

    again = _run(second, "backup", "restore", str(tmp_path / "a.json"))
    assert again.returncode == 2 and "empty database" in again.stderr
