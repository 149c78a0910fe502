"""Attack 2, the other way round: a backup restored must keep every used link used.

Through the real command in separate processes: restore on an installation with the same sealing
key keeps exactly-once; under another key the restore is refused with a message naming the key,
unless explicitly asked for -- then open requests are closed, so no link can answer twice.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

PEOPLECRAFT = Path(sys.executable).with_name("peoplecraft")
ANSWER = """
import sys
import django
django.setup()
from peoplecraft.feedback import rater_services, selectors
token = sys.argv[1]
invitation = selectors.invitation_by_token(raw_token=token)
try:
    rater_services.response_submit(
        raw_token=token, ratings={item: 4 for item in invitation.request.item_ids}, comments={}
    )
except rater_services.InvitationClosed:
    print("closed")
else:
    print("answered")
"""


def _run(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PEOPLECRAFT_HOME": str(home), "DJANGO_SETTINGS_MODULE": "peoplecraft.config.settings"}
    env.pop("DATABASE_URL", None)
    env.pop("PEOPLECRAFT_SEALING_KEY", None)
    command = [sys.executable, "-c", ANSWER, args[1]] if args[0] == "answer" else [str(PEOPLECRAFT), *args]
    return subprocess.run(
        command, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=180, check=False
    )


def _ok(home: Path, *args: str) -> str:
    result = _run(home, *args)
    assert result.returncode == 0 and "Traceback" not in result.stderr, (args, result.stderr)
    return result.stdout


def test_restore_keeps_used_links_used_and_refuses_another_key(tmp_path, guide_path):
    first = tmp_path / "first"
    _ok(first, "guide", "import", str(guide_path))
    raters = [f"--rater=peer:p{n}@example.org" for n in range(3)]
    deadline = (date.today() + timedelta(days=20)).isoformat()
    created = _ok(first, "feedback", "create", "--skill", "Mediation", *raters, "--deadline", deadline,
                  "--pass-on", "--format", "json")  # fmt: skip
    tokens = [link["url"].rstrip("/").rsplit("/", 1)[1] for link in json.loads(created)["links"]]
    assert _ok(first, "answer", tokens[0]).strip() == "answered"
    _ok(first, "backup", "create", str(tmp_path / "a.json"))
    text = (tmp_path / "a.json").read_text(encoding="utf-8")
    assert '"feedback.spentmarker"' in text and '"sealing_key"' in text

    # Same key (the sealing.key file moved with the installation): the used link stays used.
    same = tmp_path / "same"
    same.mkdir(mode=0o700)
    shutil.copy2(first / "sealing.key", same / "sealing.key")
    _ok(same, "backup", "restore", str(tmp_path / "a.json"))
    assert _ok(same, "answer", tokens[0]).strip() == "closed"
    assert _ok(same, "answer", tokens[1]).strip() == "answered"

    # Another key: refused, naming the key, and nothing is restored.
    other = tmp_path / "other"
    refused = _run(other, "backup", "restore", str(tmp_path / "a.json"))
    assert refused.returncode == 2 and "sealing key" in refused.stderr and "sealing.key" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert "--other-sealing-key" in refused.stderr
    forced = _run(other, "backup", "restore", str(tmp_path / "a.json"), "--other-sealing-key")
    assert forced.returncode == 0, forced.stderr
    assert [_ok(other, "answer", token).strip() for token in tokens] == ["closed"] * 3  # requests closed
    status = json.loads(_ok(other, "feedback", "status", "1", "--format", "json"))
    assert status["open"] is False
