"""Without a task worker (a laptop), expired undo items are purged by the next command, not kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PEOPLECRAFT = str(Path(sys.executable).with_name("peoplecraft"))

DELETE_TWO_MINUTES_AGO = """
import django
django.setup()
from datetime import date, timedelta
from django.utils import timezone
from peoplecraft.accounts.models import User
from peoplecraft.core import trash
from peoplecraft.journal import services
owner = User.objects.get(is_owner=True)
entry = services.entry_create(owner=owner, data=services.EntryInput(entry_date=date(2025, 3, 3), title="Private",
    body="Deleted on the web.", tags=[], mood=None, skill_ids=[]))
trash.discard(entry, owner=owner, label="Private", now=timezone.now() - timedelta(minutes=2))
"""

COUNT = """
import django
django.setup()
from peoplecraft.core.models import TrashedItem
print(TrashedItem.objects.count())
"""


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return env | {"PEOPLECRAFT_HOME": str(home), "DJANGO_SETTINGS_MODULE": "peoplecraft.config.settings"}


def _python(home: Path, code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], env=_env(home), capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_next_command_purges_an_expired_deletion(tmp_path):
    home = tmp_path / "home"
    listed = subprocess.run([PEOPLECRAFT, "guide", "list"], env=_env(home), capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0, listed.stderr
    _python(home, DELETE_TWO_MINUTES_AGO)
    assert _python(home, COUNT) == "1"  # the deleted entry's text is still held for an undo

    shown = subprocess.run([PEOPLECRAFT, "guide", "show"], env=_env(home), capture_output=True, text=True, timeout=120)
    assert shown.returncode == 0, shown.stderr
    assert _python(home, COUNT) == "0"
