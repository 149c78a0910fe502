"""Attacks 1 and 4 of issue 13 through the real command line, in separate processes.

Two requests to the same three people; in one, the first person answers and the second declines,
in the other the second answers and the third keeps a draft. Everything the learner can run --
create, list, status, links, results, resend for everyone, remind, the worker -- must print the
same for both (after the request's number), and never a rater link.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

PEOPLECRAFT = Path(sys.executable).with_name("peoplecraft")
RATERS = ["p0@example.org", "p1@example.org", "p2@example.org"]
# The rater's side, as their browser would do it with their link: a known token is put in place of
# the mailed one (which went to the rater, not to this test), then the rater services run.
RATER = """
import sys
import django
django.setup()
from peoplecraft.accounts.tokens import token_hash
from peoplecraft.feedback import rater_services
from peoplecraft.feedback.models import Invitation
request_id, email, action = sys.argv[1:4]
raw = "rater-token-" + request_id + "-" + email
invitation = Invitation.objects.get(request_id=request_id, email=email)
Invitation.objects.filter(pk=invitation.pk).update(token_hash=token_hash(raw))
ratings = {item: 4 for item in invitation.request.item_ids}
if action == "answer":
    rater_services.response_submit(raw_token=raw, ratings=ratings, comments={"keep": "Listens"})
elif action == "decline":
    rater_services.invitation_decline(raw_token=raw)
else:
    rater_services.draft_save(raw_token=raw, ratings=ratings, comments={"stop": "Draft"})
"""


def _run(home: Path, *args: str) -> str:
    env = {
        **os.environ,
        "PEOPLECRAFT_HOME": str(home),
        "DJANGO_SETTINGS_MODULE": "peoplecraft.config.settings",
        "COLUMNS": "120",
        # The console e-mail backend on the learner's own terminal, declared as delivering (as a
        # learner could): messages to raters must be withheld from it.
        "PEOPLECRAFT_FEEDBACK_EMAIL": "on",
    }
    for name in ("DATABASE_URL", "PEOPLECRAFT_EMAIL_BACKEND", "PEOPLECRAFT_EMAIL_HOST"):
        env.pop(name, None)
    command = [sys.executable, "-c", RATER, *args[1:]] if args[0] == "rater" else [str(PEOPLECRAFT), *args]
    result = subprocess.run(
        command, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=180, check=False
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr, (args, result.stderr)
    return result.stdout + result.stderr


def _learner_sees(home: Path, request_id: str) -> list[str]:
    seen = [
        _run(home, "feedback", "status", request_id),
        _run(home, "feedback", "status", request_id, "--format", "json"),
        _run(home, "feedback", "links", request_id),
        _run(home, "feedback", "results", request_id, "--format", "json"),
    ]
    seen += [_run(home, "feedback", "resend", request_id, email) for email in RATERS]
    number = re.compile(rf'(?<=Request ){request_id}\b|(?<="request": ){request_id}\b|(?<=resend ){request_id}\b')
    return [number.sub("N", text) for text in seen]


def test_the_command_line_shows_no_link_and_no_difference(tmp_path, guide_path):
    home = tmp_path / "home"
    _run(home, "guide", "import", str(guide_path))
    deadline = (date.today() + timedelta(days=5)).isoformat()
    raters = [f"--rater=peer:{email}" for email in RATERS]
    created = [
        _run(home, "feedback", "create", "--skill", "Mediation", *raters, "--deadline", deadline,
             "--reminder-days", "10", *extra)
        for extra in ((), ("--format", "json"))
    ]  # fmt: skip
    assert not any("/r/" in text or "p0@" in text for text in created)
    assert created[0].count("e-mail to a rater was withheld") == 3  # sent, and kept off this terminal
    _run(home, "rater", "1", RATERS[0], "answer")
    _run(home, "rater", "1", RATERS[1], "decline")
    _run(home, "rater", "2", RATERS[1], "answer")
    _run(home, "rater", "2", RATERS[2], "draft")

    first, second = _learner_sees(home, "1"), _learner_sees(home, "2")
    assert first == second
    assert not any("/r/" in text for text in first + second)
    assert "answers received: 1" in first[0]
    reminded = _run(home, "feedback", "remind") + _run(home, "worker", "--batch")
    assert "/r/" not in reminded and not any(email in reminded for email in RATERS)
    assert reminded.count("e-mail to a rater was withheld") == 6  # everyone of both requests, alike
